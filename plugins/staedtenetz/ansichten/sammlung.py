"""Entity pages collect what belongs to them (appended below the page text).

- Kommune: its Programmgebiete with their state, and every entry that names the Kommune.
- Programmgebiet: the entries that name it (its Kommune is in the fact box).
- Handlungsfeld: every entry that names it, grouped by type.
- Förderprogramm: the Praxisbeispiele (projects) and Programmgebiete that used it, and which
  other programmes those projects combined it with (Mittelbündelung: count per programme).

Collections are listings: archived entries are left out (they stay reachable through links and
"Wird erwähnt in"). Each function reads only the catalogue's reverse index for this one entry,
so a page costs O(its own references), not O(all entries).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from staedtenetz.katalog.katalog import Eintrag
from staedtenetz.inhalt.modell import GEBIETSZUSTAND_BEZEICHNUNG
from staedtenetz.ansichten.html import OHNE_SUCHE, Html, el
from staedtenetz.ansichten.kontext import Verlinker, nach_typ_gruppieren, typ_bezeichnung
from staedtenetz.ansichten.steckbrief import zeitraum

#: Order of the area states in summaries; ``modell.GEBIETSZUSTAND_BEZEICHNUNG`` is the one source.
ZUSTAENDE = tuple(GEBIETSZUSTAND_BEZEICHNUNG)


@dataclass
class Sammlung:
    abschnitte: list[Html] = field(default_factory=list)
    gezeigt: set[str] = field(default_factory=set)  # slugs listed, so "Wird erwähnt in" need not repeat them
    inhaltsverzeichnis: list[tuple[str, str]] = field(default_factory=list)  # (id, title) of each section


def sammlung(e: Eintrag, v: Verlinker) -> Sammlung:
    funktion = {
        "kommune": _kommune,
        "programmgebiet": _programmgebiet,
        "handlungsfeld": _handlungsfeld,
        "foerderprogramm": _foerderprogramm,
    }.get(e.typ)
    s = Sammlung()
    if funktion is not None:
        funktion(e, v, s)
    return s


def _gelistet(eintraege: Iterable[Eintrag]) -> list[Eintrag]:
    return [e for e in eintraege if e.daten.status != "archiviert"]


def _abschnitt(s: Sammlung, kennung: str, titel: str, *inhalt: Html | None) -> None:
    kennung = f"sammlung-{kennung}"  # prefixed: must not clash with the ids of the page's own headings
    s.abschnitte.append(
        el(
            "section",
            {"class": "staedtenetz-abschnitt staedtenetz-sammlung", "aria-labelledby": kennung},
            el("h2", {"id": kennung}, titel),
            *inhalt,
        )
    )
    s.inhaltsverzeichnis.append((kennung, titel))


def _gruppen(eintraege: list[Eintrag], v: Verlinker, s: Sammlung, *, ueberschriften: bool = True) -> list[Html]:
    """Entries grouped by type: an ``<h3>`` and a list per type."""
    teile: list[Html] = []
    for typ, gruppe in nach_typ_gruppieren(eintraege):
        if ueberschriften:
            teile.append(el("h3", None, f"{typ_bezeichnung(typ, plural=True)} ({len(gruppe)})"))
        teile.append(el("ul", {"class": "staedtenetz-liste", **OHNE_SUCHE}, [_punkt(e, v) for e in gruppe]))
        s.gezeigt.update(e.slug for e in gruppe)
    return teile


def _punkt(e: Eintrag, v: Verlinker) -> Html:
    zusatz = []
    laufzeit = getattr(e.daten, "laufzeit", None)
    if e.typ == "praxisbeispiel" and laufzeit is not None:
        zusatz = [" (", zeitraum(laufzeit), ")"]
    return el("li", None, v.link(e.slug), zusatz)


def _leer(text: str) -> Html:
    return el("p", {"class": "staedtenetz-leer"}, text)


def _kommune(e: Eintrag, v: Verlinker, s: Sammlung) -> None:
    k = v.kontext.katalog
    gebiete = _gelistet(x for x in k.verweise_auf(e.slug, "kommune") if x.typ == "programmgebiet")
    if gebiete:
        zaehler = Counter(g.daten.zustand for g in gebiete)  # type: ignore[attr-defined]
        uebersicht = ", ".join(f"{zaehler[z]} {GEBIETSZUSTAND_BEZEICHNUNG[z]}" for z in ZUSTAENDE if zaehler[z])
        tabelle = el(
            "table",
            {"data-tabelle": "programmgebiete", **OHNE_SUCHE},
            el("caption", None, f"{len(gebiete)} Programmgebiet{'e' if len(gebiete) != 1 else ''}: {uebersicht}"),
            el(
                "thead",
                None,
                el("tr", None, [el("th", {"scope": "col"}, t) for t in ("Programmgebiet", "Zustand", "Förderzeitraum")]),
            ),
            el(
                "tbody",
                None,
                [
                    el(
                        "tr",
                        {"data-zustand": g.daten.zustand},  # type: ignore[attr-defined]
                        el("td", None, v.link(g.slug)),
                        el("td", None, GEBIETSZUSTAND_BEZEICHNUNG[g.daten.zustand]),  # type: ignore[attr-defined]
                        el("td", None, zeitraum(g.daten.laufzeit) if g.daten.laufzeit else "–"),  # type: ignore[attr-defined]
                    )
                    for g in gebiete
                ],
            ),
        )
        s.gezeigt.update(g.slug for g in gebiete)
        _abschnitt(s, "programmgebiete", "Programmgebiete", tabelle)
    else:
        _abschnitt(s, "programmgebiete", "Programmgebiete", _leer("Für diese Kommune ist noch kein Programmgebiet erfasst."))
    weitere = _gelistet(x for x in k.verweise_auf(e.slug) if x.typ != "programmgebiet")
    _abschnitt(
        s,
        "eintraege",
        f"Einträge aus {e.title}",
        *(_gruppen(weitere, v, s) or [_leer("Noch keine Einträge nennen diese Kommune.")]),
    )


def _programmgebiet(e: Eintrag, v: Verlinker, s: Sammlung) -> None:
    eintraege = _gelistet(v.kontext.katalog.verweise_auf(e.slug, "programmgebiet"))
    _abschnitt(
        s,
        "eintraege",
        "Einträge aus diesem Programmgebiet",
        *(_gruppen(eintraege, v, s) or [_leer("Noch keine Einträge nennen dieses Programmgebiet.")]),
    )


def _handlungsfeld(e: Eintrag, v: Verlinker, s: Sammlung) -> None:
    eintraege = _gelistet(v.kontext.katalog.verweise_auf(e.slug, "handlungsfelder"))
    _abschnitt(
        s,
        "eintraege",
        f"Einträge zum Handlungsfeld {e.title}",
        *(_gruppen(eintraege, v, s) or [_leer("Noch keine Einträge nennen dieses Handlungsfeld.")]),
    )


def mittelbuendelung(programm: str, projekte: Iterable[Eintrag]) -> list[tuple[str, int]]:
    """Other programmes the ``projekte`` (which used ``programm``) combined it with:
    (slug, number of projects), most frequent first, ties by slug."""
    zaehler: Counter[str] = Counter()
    for p in projekte:
        for anderes in set(getattr(p.daten, "foerderprogramme", ())):
            if anderes != programm:
                zaehler[anderes] += 1
    return sorted(zaehler.items(), key=lambda p: (-p[1], p[0]))


def _foerderprogramm(e: Eintrag, v: Verlinker, s: Sammlung) -> None:
    k = v.kontext.katalog
    nutzer = _gelistet(k.verweise_auf(e.slug, "foerderprogramme"))
    projekte = [x for x in nutzer if x.typ == "praxisbeispiel"]
    gebiete = [x for x in nutzer if x.typ == "programmgebiet"]
    _abschnitt(
        s,
        "projekte",
        "Projekte mit diesem Programm",
        *(_gruppen(projekte, v, s, ueberschriften=False) or [_leer("Noch kein Praxisbeispiel nennt dieses Programm.")]),
    )
    if gebiete:
        _abschnitt(s, "programmgebiete", "Programmgebiete mit diesem Programm", *_gruppen(gebiete, v, s, ueberschriften=False))
    kombiniert = [(slug, n) for slug, n in mittelbuendelung(e.slug, projekte) if slug in k.eintraege]
    if kombiniert:
        inhalt: list[Html] = [
            el(
                "p",
                None,
                "Mit diesen Programmen haben die Projekte dieses Programm kombiniert (Mittelbündelung):",
            ),
            el(
                "table",
                {"data-tabelle": "mittelbuendelung", **OHNE_SUCHE},
                el(
                    "thead",
                    None,
                    el("tr", None, el("th", {"scope": "col"}, "Förderprogramm"), el("th", {"scope": "col"}, "Gemeinsam genutzt in")),
                ),
                el(
                    "tbody",
                    None,
                    [
                        el(
                            "tr",
                            {"data-anzahl": str(n)},
                            el("td", None, v.link(slug)),
                            el("td", None, f"{n} Projekt{'en' if n != 1 else ''}"),
                        )
                        for slug, n in kombiniert
                    ],
                ),
            ),
        ]
    else:
        inhalt = [_leer("Keines der Projekte hat dieses Programm mit einem anderen kombiniert.")]
    _abschnitt(s, "mittelbuendelung", "Kombiniert mit (Mittelbündelung)", *inhalt)
