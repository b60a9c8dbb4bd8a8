"""Related entries: "Ähnliche Praxisbeispiele" and "Wird erwähnt in".

Similarity of two Praxisbeispiele = number of shared Handlungsfelder + number of shared
Förderprogramme. The five most similar are shown, ties broken by title and slug, so the result
is deterministic. Only case studies of the same ``art`` are compared: a documented project is
never pointed to an invented example as "similar practice", nor the other way round.

Counting shared tags against every other entry would cost O(n) per page and O(n²) per build.
Instead :class:`Aehnlichkeit` indexes every *subset* of each entry's tags (an entry with t tags
has 2^t − 1 subsets; t is small – one to a handful), each index list sorted by title. An entry
that shares exactly s tags with entry e appears in exactly one index list of an s-subset of e's
tags. So the top five are found by merging, from s = t down to 1, the (already sorted) lists of
e's s-subsets and stopping after five hits: the work per page does not depend on n. Entries with
more than :data:`MAX_TAGS` tags fall back to counting via the per-tag lists.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.ansichten.html import OHNE_SUCHE, Html, el

if TYPE_CHECKING:
    
    from staedtenetz.katalog.katalog import Eintrag
    from staedtenetz.ansichten.kontext import Seite, Verlinker

ANZAHL = 5
MAX_TAGS = 10  # 2^10 subsets per entry at most; beyond that, count directly

Schluessel = tuple[str, str]  # (title casefolded, slug): the tie-break order
Teilmenge = tuple[str, frozenset[str]]  # (art, tags): the index key


def tags(e: Eintrag) -> frozenset[str]:
    """The features similarity counts: Handlungsfelder and Förderprogramme."""
    hf = getattr(e.daten, "handlungsfelder", None) or []
    fp = getattr(e.daten, "foerderprogramme", None) or []
    return frozenset([*(f"hf:{s}" for s in hf), *(f"fp:{s}" for s in fp)])


def _art_von(e: Eintrag) -> str:
    return getattr(e.daten, "art", None) or ""


def _schluessel(e: Eintrag) -> Schluessel:
    return (e.title.casefold(), e.slug)


@dataclass
class Aehnlichkeit:
    """Index over the listed (not archived) Praxisbeispiele."""

    eintraege: dict[str, Eintrag] = field(default_factory=dict)
    _tags: dict[str, frozenset[str]] = field(default_factory=dict)
    _teilmengen: dict[Teilmenge, list[Schluessel]] = field(default_factory=dict)
    _grosse: list[str] = field(default_factory=list)  # slugs with more than MAX_TAGS tags

    @classmethod
    def aufbauen(cls, alle: Iterable[Eintrag]) -> Aehnlichkeit:
        a = cls()
        teilmengen: dict[Teilmenge, list[Schluessel]] = defaultdict(list)
        for e in alle:
            if e.typ != "praxisbeispiel" or e.daten.status == "archiviert":
                continue
            a.eintraege[e.slug] = e
            t = a._tags[e.slug] = tags(e)
            if len(t) > MAX_TAGS:
                a._grosse.append(e.slug)
                continue
            geordnet = sorted(t)
            for groesse in range(1, len(t) + 1):
                for teil in combinations(geordnet, groesse):
                    teilmengen[(_art_von(e), frozenset(teil))].append(_schluessel(e))
        a._teilmengen = {k: sorted(v) for k, v in teilmengen.items()}
        return a

    def aehnliche(self, e: Eintrag, anzahl: int = ANZAHL) -> list[tuple[Eintrag, int]]:
        """The ``anzahl`` Praxisbeispiele most similar to ``e`` (sharing at least one
        Handlungsfeld or Förderprogramm), with their scores, best first."""
        t = tags(e)
        if not t:
            return []
        if len(t) > MAX_TAGS:
            return self._gezaehlt(e, t, anzahl)
        gefunden: list[tuple[Eintrag, int]] = []
        gesehen = {e.slug}
        geordnet = sorted(t)
        for s in range(len(t), 0, -1):
            if len(gefunden) == anzahl:
                break
            art = _art_von(e)
            listen = [self._teilmengen.get((art, frozenset(teil)), []) for teil in combinations(geordnet, s)]
            for _, slug in heapq.merge(*listen):
                if slug not in gesehen:
                    gesehen.add(slug)
                    gefunden.append((self.eintraege[slug], s))
                    if len(gefunden) == anzahl:
                        break
        if self._grosse:  # rare: entries with very many tags are not in the subset index
            extra = [
                (self.eintraege[g], n)
                for g in self._grosse
                if g != e.slug and _art_von(self.eintraege[g]) == _art_von(e) and (n := len(t & self._tags[g]))
            ]
            gefunden = sorted(gefunden + extra, key=lambda p: (-p[1], _schluessel(p[0])))[:anzahl]
        return gefunden

    def tags_von(self, e: Eintrag) -> frozenset[str]:
        t = self._tags.get(e.slug)
        return t if t is not None else tags(e)

    def _gezaehlt(self, e: Eintrag, t: frozenset[str], anzahl: int) -> list[tuple[Eintrag, int]]:
        """Direct count for an entry with very many tags: O(n) for this one page."""
        treffer = [
            (k, n)
            for slug, k in self.eintraege.items()
            if slug != e.slug and _art_von(k) == _art_von(e) and (n := len(t & self._tags[slug]))
        ]
        return heapq.nsmallest(anzahl, treffer, key=lambda p: (-p[1], _schluessel(p[0])))


def aehnliche_abschnitt(e: Eintrag, aehnlichkeit: Aehnlichkeit, v: Verlinker) -> Html | None:
    """The "Ähnliche Praxisbeispiele" section of a Praxisbeispiel page, or None if none share anything."""
    treffer = aehnlichkeit.aehnliche(e)
    if not treffer:
        return None
    eigene = tags(e)
    eintraege = v.kontext.katalog.eintraege
    punkte = []
    for kandidat, _ in treffer:
        gemeinsam = sorted(eigene & aehnlichkeit.tags_von(kandidat))
        hf = [eintraege[g[3:]].title for g in gemeinsam if g[:3] == "hf:" and g[3:] in eintraege]
        fp = [eintraege[g[3:]].title for g in gemeinsam if g[:3] == "fp:" and g[3:] in eintraege]
        teile = []
        if hf:
            teile.append(("Handlungsfelder: " if len(hf) > 1 else "Handlungsfeld: ") + ", ".join(hf))
        if fp:
            teile.append(("Förderprogramme: " if len(fp) > 1 else "Förderprogramm: ") + ", ".join(fp))
        begruendung = "; ".join(teile)
        punkte.append(
            el("li", None, v.link(kandidat.slug), " ", el("span", {"class": "staedtenetz-begruendung"}, f"(gemeinsam – {begruendung})"))
        )
    return el(
        "section",
        {"class": "staedtenetz-abschnitt staedtenetz-aehnliche", "aria-labelledby": "aehnliche-praxisbeispiele"},
        el("h2", {"id": "aehnliche-praxisbeispiele"}, "Ähnliche Praxisbeispiele"),
        el("ul", OHNE_SUCHE, punkte),
    )


def erwaehnt_abschnitt(seiten: list[Seite], v: Verlinker, *, immer: bool) -> Html | None:
    """The "Wird erwähnt in" section: pages whose front matter or text links here.

    With ``immer`` the section also appears when nothing links here (and says so)."""
    if not seiten and not immer:
        return None
    inhalt: Html
    if seiten:
        inhalt = el("ul", OHNE_SUCHE, [el("li", None, v.seitenlink(s), _art(s)) for s in seiten])
    else:
        inhalt = el("p", None, "Bisher verweist keine andere Seite des Handbuchs hierher.")
    return el(
        "section",
        {"class": "staedtenetz-abschnitt staedtenetz-erwaehnt", "aria-labelledby": "wird-erwaehnt-in"},
        el("h2", {"id": "wird-erwaehnt-in"}, "Wird erwähnt in"),
        inhalt,
    )


def _art(s: Seite) -> str | None:
    if s.eintrag is None:
        return None
    zusatz = TYP_BEZEICHNUNG[s.eintrag.typ][0]
    if s.eintrag.daten.status == "archiviert":
        zusatz += ", archiviert"
    return f" ({zusatz})"
