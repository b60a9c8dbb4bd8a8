"""The catalogue: every typed page of the handbook, checked and related, once per build.

``Katalog.aufbauen`` takes the read sources (see ``laden.py``), validates each typed page
against the content model, checks slugs, AGS and references across pages, and derives the
reverse relations. Every view – listing pages, fact boxes, the map, exports, the CLI checks –
reads this object; nothing re-reads or re-validates a file.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from staedtenetz.inhalt import geodaten
from staedtenetz.pruefung import html_pruefung, textpruefung
from staedtenetz.pruefung import textverweise as tv
from staedtenetz.inhalt.ausgabe import GRUND_TEXT, Ausgabe
from staedtenetz.inhalt.frontmatter import Quelltext
from staedtenetz.inhalt.meldungen import Meldung, feldname, fehler, meinten_sie, warnung
from staedtenetz.inhalt.modell import REFERENZEN, TYP_BEZEICHNUNG, TYPEN, Basis, ist_slug
from staedtenetz.pruefung.validierung import Kandidaten, modell_pruefen, slug_vorschlag, verweis_vorschlag

if TYPE_CHECKING:
    from staedtenetz.katalog.abfrage import Auswertung


@dataclass
class Eintrag:
    """One valid typed page."""

    slug: str
    quelle: Quelltext
    daten: Basis

    @property
    def pfad(self) -> str:
        return self.quelle.pfad

    @property
    def typ(self) -> str:
        return self.daten.typ

    @property
    def title(self) -> str:
        return self.daten.title

    def zeile(self, *schluessel: str | int) -> int:
        return self.quelle.zeile(tuple(schluessel))


@dataclass(frozen=True)
class Verweis:
    """``von`` refers to ``nach`` through its front-matter field ``feld``."""

    von: str
    feld: str
    nach: str


class Pruefspeicher:
    """Results of the checks that depend on one file alone (model validation, text checks, the
    HTML check), by path and text: the live preview keeps them across rebuilds and checks only
    changed files. Entries not used in a build are dropped after it."""

    def __init__(self) -> None:
        self._alt: dict[tuple[str, str], tuple[Basis | None, list[Meldung], list[Meldung] | None]] = {}
        self._neu: dict[tuple[str, str], tuple[Basis | None, list[Meldung], list[Meldung] | None]] = {}
        self._kennung: int | None = None
        # html_pruefung of every page by path and text (needs no other page: kept across kennungen)
        self._html_alt: dict[tuple[str, str], list[Meldung]] = {}
        self._html_neu: dict[tuple[str, str], list[Meldung]] = {}

    def _eintrag(self, q: Quelltext):
        schluessel = (q.pfad, q.text)
        e = self._neu.get(schluessel) or self._alt.get(schluessel)
        if e is not None:
            self._neu[schluessel] = e
        return schluessel, e

    def beginnen(self, kennung: int) -> None:
        """A new build whose other pages are ``kennung``; results from other pages forget."""
        if kennung != self._kennung:
            self._alt, self._neu, self._kennung = {}, {}, kennung

    def modell(self, q: Quelltext, kandidaten: Kandidaten | None = None) -> Basis | None:
        schluessel, e = self._eintrag(q)
        if e is not None:
            q.meldungen.extend(e[1])
            return e[0]
        vorher = len(q.meldungen)
        daten = modell_pruefen(q, kandidaten)
        self._neu[schluessel] = (daten, q.meldungen[vorher:], None)
        return daten

    def text(self, q: Quelltext, daten: Basis) -> list[Meldung]:
        schluessel, e = self._eintrag(q)
        if e is not None and e[2] is not None:
            return list(e[2])
        meldungen = textpruefung.pruefen(q, daten)
        self._neu[schluessel] = (daten, e[1] if e else [], list(meldungen))
        return meldungen

    def html(self, q: Quelltext) -> list[Meldung]:
        """``html_pruefung.pruefen(q)``: raw HTML, unsafe links and snippets of any page."""
        schluessel = (q.pfad, q.text)
        meldungen = self._html_neu.get(schluessel)
        if meldungen is None:
            meldungen = self._html_alt.get(schluessel)
        if meldungen is None:
            meldungen = html_pruefung.pruefen(q)
        self._html_neu[schluessel] = meldungen
        return list(meldungen)

    def aufraeumen(self) -> None:
        self._alt, self._neu = self._neu, {}
        self._html_alt, self._html_neu = self._html_neu, {}


@dataclass
class Katalog:
    quellen: dict[str, Quelltext] = field(default_factory=dict)  # docs-relative path -> source
    eintraege: dict[str, Eintrag] = field(default_factory=dict)  # slug -> entry
    fehlerhaft: set[str] = field(default_factory=set)  # slugs of typed pages that failed their check
    ausgeschlossen: dict[str, Eintrag] = field(default_factory=dict)  # slug -> entry left out of this edition
    verweise: list[Verweis] = field(default_factory=list)
    textverweise: list[tv.Textverweis] = field(default_factory=list)  # [[slug]] in page bodies
    abfragen: dict[str, list[Auswertung]] = field(default_factory=dict)  # path -> its ```abfrage blocks
    meldungen: list[Meldung] = field(default_factory=list)
    _eingehend: dict[str, list[Verweis]] = field(default_factory=lambda: defaultdict(list))
    _kandidaten: Kandidaten = field(default_factory=dict)

    # -- building -------------------------------------------------------------------------

    @classmethod
    def aufbauen(cls, quellen: Iterable[Quelltext], pruefspeicher: Pruefspeicher | None = None) -> Katalog:
        """``pruefspeicher``: results of the per-file checks of an earlier build (live preview)."""
        k = cls()
        for q in quellen:
            k.quellen[q.pfad] = q
        k._kandidaten = _kandidaten(k.quellen.values())
        speicher = pruefspeicher if pruefspeicher is not None else Pruefspeicher()
        # Suggestions in the messages name other pages: a new set of them invalidates the results.
        speicher.beginnen(hash(tuple(sorted((t, tuple(v)) for t, v in k._kandidaten.items()))))
        for q in sorted(k.quellen.values(), key=lambda q: q.pfad):
            k._eintrag_aufnehmen(q, speicher)
            q.meldungen.extend(speicher.html(q))  # raw HTML, unsafe links, snippets, every page
        speicher.aufraeumen()
        k._referenzen_aufloesen()
        tv.aufloesen(k)
        tv.seitenlinks_pruefen(k)
        for q in k.quellen.values():
            k.meldungen.extend(q.meldungen)
        k.meldungen.sort()
        return k

    def _eintrag_aufnehmen(self, q: Quelltext, speicher: Pruefspeicher) -> None:
        if not q.daten or "typ" not in q.daten:
            if not q.hat_fehler:
                self._ordner_ohne_typ(q)
            return
        daten = speicher.modell(q, self._kandidaten)
        slug = _slug_aus_pfad(q.pfad)
        if not ist_slug(slug):
            name = posixpath.basename(q.pfad)
            q.meldungen.append(
                fehler(
                    q.pfad,
                    1,
                    f"Der Dateiname '{unicodedata.normalize('NFC', name)}' taugt nicht als Kennung: erlaubt sind "
                    f"Kleinbuchstaben a–z, Ziffern und Bindestriche. Benennen Sie die Datei um in "
                    f"'{slug_vorschlag(slug)}.md'.",
                )
            )
            return
        if daten is None:
            self.fehlerhaft.add(slug)
            return
        if slug in self.eintraege:
            anderer = self.eintraege[slug]
            q.meldungen.append(
                fehler(
                    q.pfad,
                    1,
                    f"Die Kennung '{slug}' ist schon vergeben an '{anderer.pfad}' ({anderer.title}). "
                    f"Wählen Sie einen anderen Dateinamen, z. B. '{slug}-{_ordner_kuerzel(q.pfad)}.md'.",
                )
            )
            return
        ordner = TYP_BEZEICHNUNG[daten.typ][2]
        if ordner not in q.pfad.split("/")[:-1]:
            q.meldungen.append(
                warnung(
                    q.pfad,
                    q.zeile(("typ",)),
                    f"Einträge vom Typ '{daten.typ}' gehören in den Ordner '{ordner}/'. Verschieben Sie die Datei dorthin.",
                )
            )
        if daten.typ == "kommune":
            self._ags_pruefen(q, daten)
        q.meldungen.extend(speicher.text(q, daten))  # contacts, image credits, guidance
        self.eintraege[slug] = Eintrag(slug, q, daten)

    def _ordner_ohne_typ(self, q: Quelltext) -> None:
        teile = q.pfad.split("/")
        if len(teile) < 2 or teile[-1] in ("index.md", "README.md"):
            return
        for typ, (_, _, ordner) in TYP_BEZEICHNUNG.items():
            if teile[-2] == ordner:
                q.meldungen.append(
                    warnung(
                        q.pfad,
                        1,
                        f"Die Seite liegt im Ordner '{ordner}/', hat aber kein Feld 'typ'. Ergänzen Sie "
                        f"'typ: {typ}' in der Front Matter, sonst erscheint sie in keiner Liste.",
                    )
                )

    def _ags_pruefen(self, q: Quelltext, daten: Basis) -> None:
        gemeinden = geodaten.gemeinden()
        ags = daten.ags  # type: ignore[attr-defined]
        gemeinde = gemeinden.get(ags)
        if gemeinde is None:
            namen = {g.name: a for a, g in gemeinden.items()}
            hinweis = ""
            if daten.title in namen:
                hinweis = f" Für {daten.title} lautet er {namen[daten.title]}."
            q.meldungen.append(
                fehler(
                    q.pfad,
                    q.zeile(("ags",)),
                    f"Den Gemeindeschlüssel '{ags}' gibt es in NRW nicht (Stand der Geodaten: 01.01.2021).{hinweis}",
                )
            )
        elif gemeinde.name not in daten.title:
            q.meldungen.append(
                warnung(
                    q.pfad,
                    q.zeile(("ags",)),
                    f"Der Gemeindeschlüssel {ags} gehört zu '{gemeinde.name}', der Titel lautet aber "
                    f"'{daten.title}'. Prüfen Sie Schlüssel und Titel.",
                )
            )

    def _referenzen_aufloesen(self) -> None:
        nach_typ: dict[str, list[str]] = defaultdict(list)
        for slug, e in self.eintraege.items():
            nach_typ[e.typ].append(slug)
        for e in self.eintraege.values():
            for feld, ziel, index in _referenzen_von(e):
                schluessel = (feld, index) if index is not None else (feld,)
                zeile = e.quelle.zeile(schluessel)
                soll = REFERENZEN[e.typ][feld][0]
                treffer = self.eintraege.get(ziel)
                bezeichnung = TYP_BEZEICHNUNG[soll][0]
                if treffer is None:
                    if ziel not in self.fehlerhaft:  # else the target's own errors say it all
                        e.quelle.meldungen.append(
                            fehler(
                                e.pfad,
                                zeile,
                                f"'{feldname(schluessel)}' verweist auf '{ziel}', aber kein Eintrag vom Typ {bezeichnung} "
                                f"hat diese Kennung.{_vorschlag(ziel, soll, self._kandidaten)}",
                            )
                        )
                    continue
                if treffer.typ != soll:
                    e.quelle.meldungen.append(
                        fehler(
                            e.pfad,
                            zeile,
                            f"'{feld}' erwartet einen Eintrag vom Typ {bezeichnung}, aber '{ziel}' ist vom "
                            f"Typ {TYP_BEZEICHNUNG[treffer.typ][0]}.{meinten_sie(ziel, nach_typ[soll])}",
                        )
                    )
                    continue
                v = Verweis(e.slug, feld, ziel)
                self.verweise.append(v)
                self._eingehend[ziel].append(v)
            self._gebiet_passt_zur_kommune(e)

    def _gebiet_passt_zur_kommune(self, e: Eintrag) -> None:
        gebiet_slug = getattr(e.daten, "programmgebiet", None)
        gebiet = self.eintraege.get(gebiet_slug) if gebiet_slug else None
        if gebiet is None or gebiet.typ != "programmgebiet":
            return
        if gebiet.daten.kommune != e.daten.kommune:  # type: ignore[attr-defined]
            e.quelle.meldungen.append(
                fehler(
                    e.pfad,
                    e.zeile("programmgebiet"),
                    f"Das Programmgebiet '{gebiet.slug}' gehört zur Kommune '{gebiet.daten.kommune}', "  # type: ignore[attr-defined]
                    f"dieser Eintrag nennt aber 'kommune: {e.daten.kommune}'. Gleichen Sie beide an.",  # type: ignore[attr-defined]
                )
            )

    def einschraenken(self, ausgabe: Ausgabe) -> list[Eintrag]:
        """Remove the entries that ``ausgabe`` does not show; return them.

        A shown entry that refers to a removed one gets an error: its link would be dead."""
        weg = {s: e for s, e in self.eintraege.items() if ausgabe.ausschlussgrund(e.daten)}
        if not weg:
            return []
        self.ausgeschlossen.update(weg)
        for slug in weg:
            del self.eintraege[slug]
        behalten = []
        for v in self.verweise:
            if v.von in weg:
                continue
            if v.nach in weg:
                e = self.eintraege[v.von]
                zeile = _zeile_des_verweises(e, v)
                grund = GRUND_TEXT[ausgabe.ausschlussgrund(weg[v.nach].daten) or ""]
                m = fehler(
                    e.pfad,
                    zeile,
                    f"'{v.feld}' verweist auf '{v.nach}', und das ist {grund}. In der {ausgabe.name_dativ} "
                    f"fehlt es, der Verweis ginge ins Leere. Entfernen Sie den Verweis oder geben Sie "
                    f"'{v.nach}' zuerst frei.",
                )
                e.quelle.meldungen.append(m)
                self.meldungen.append(m)
                continue
            behalten.append(v)
        self.verweise = behalten
        self._eingehend = defaultdict(list)
        for v in behalten:
            self._eingehend[v.nach].append(v)
        self.meldungen.extend(tv.einschraenken(self, weg, ausgabe))
        self.meldungen.sort()
        return list(weg.values())

    # -- reading --------------------------------------------------------------------------

    def gelistet(self, typ: str) -> list[Eintrag]:
        """Entries of ``typ`` that listings show: archived entries stay reachable but unlisted."""
        return [e for e in self.nach_typ(typ) if e.daten.status != "archiviert"]

    def nach_typ(self, typ: str) -> list[Eintrag]:
        return sorted((e for e in self.eintraege.values() if e.typ == typ), key=lambda e: e.title.casefold())

    def eintrag_fuer_pfad(self, pfad: str) -> Eintrag | None:
        e = self.eintraege.get(_slug_aus_pfad(pfad))
        return e if e is not None and e.pfad == pfad else None

    def verweise_auf(self, slug: str, feld: str | None = None) -> list[Eintrag]:
        """Entries whose front matter refers to ``slug`` (through ``feld``, if given), each once,
        sorted by title."""
        slugs = {v.von for v in self._eingehend.get(slug, ()) if feld is None or v.feld == feld}
        return sorted((self.eintraege[s] for s in slugs), key=lambda e: e.title.casefold())

    @property
    def fehler(self) -> list[Meldung]:
        return [m for m in self.meldungen if m.ist_fehler]


def _kandidaten(quellen: Iterable[Quelltext]) -> Kandidaten:
    """typ -> [(slug, title)] of every page that declares a known ``typ`` (valid or not): what a
    suggestion may name."""
    k: Kandidaten = defaultdict(list)
    for q in quellen:
        if q.daten and isinstance(q.daten.get("typ"), str) and q.daten["typ"] in TYPEN:
            slug = _slug_aus_pfad(q.pfad)
            if ist_slug(slug):
                titel = q.daten.get("title")
                k[q.daten["typ"]].append((slug, titel if isinstance(titel, str) else ""))
    return dict(k)


def _vorschlag(ziel: str, typ: str, kandidaten: Kandidaten) -> str:
    v = verweis_vorschlag(ziel, typ, kandidaten)
    return f" Meinten Sie '{v}'?" if v else ""


def _zeile_des_verweises(e: Eintrag, v: Verweis) -> int:
    wert = getattr(e.daten, v.feld)
    if isinstance(wert, list) and v.nach in wert:
        return e.zeile(v.feld, wert.index(v.nach))
    return e.zeile(v.feld)


def _slug_aus_pfad(pfad: str) -> str:
    return unicodedata.normalize("NFC", posixpath.splitext(posixpath.basename(pfad))[0])


def _ordner_kuerzel(pfad: str) -> str:
    teile = pfad.split("/")
    return slug_vorschlag(teile[-2]) if len(teile) > 1 else "2"


def _referenzen_von(e: Eintrag) -> Iterator[tuple[str, str, int | None]]:
    for feld, (_, ist_liste) in REFERENZEN[e.typ].items():
        wert = getattr(e.daten, feld)
        if wert is None:
            continue
        if ist_liste:
            for i, ziel in enumerate(wert):
                yield feld, ziel, i
        else:
            yield feld, wert, None


__all__ = ["Eintrag", "Katalog", "Verweis", "TYPEN"]
