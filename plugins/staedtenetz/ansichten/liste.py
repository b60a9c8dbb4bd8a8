"""Listing pages: every listed entry of a type as a card (or table row), with filters.

The listing is rendered on the server, so without JavaScript the whole list is there. Each card
carries what the filters need as ``data-*`` attributes; ``assets/liste.js`` reads the filter form,
hides non-matching cards, updates the live result count and keeps the state in the URL. The form
starts ``hidden`` and is only shown by the script (progressive enhancement).

Pure functions of the catalogue: the caller passes ``url(eintrag)``, the entry's address relative
to the listing page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from html import escape

from staedtenetz.inhalt.ausgabe import NUR_MITGLIEDER, ist_intern
from staedtenetz.inhalt.formate import datum, zeitpunkt
from staedtenetz.katalog.katalog import Eintrag, Katalog
from staedtenetz.inhalt.modell import GEBIETSZUSTAND_BEZEICHNUNG, PROGRAMMSTATUS_BEZEICHNUNG, TYP_BEZEICHNUNG, Zeitraum

Url = Callable[[Eintrag], str]

#: typ -> (dative plural for "12 von 40 …"), the rest comes from TYP_BEZEICHNUNG.
DATIV_PLURAL = {
    "kommune": "Kommunen",
    "programmgebiet": "Programmgebieten",
    "handlungsfeld": "Handlungsfeldern",
    "foerderprogramm": "Förderprogrammen",
    "praxisbeispiel": "Praxisbeispielen",
    "vorlage": "Vorlagen",
    "leitfaden": "Leitfäden",
}

#: typ -> the filters its listing offers (a filter without options is left out).
FILTER: dict[str, tuple[str, ...]] = {
    "praxisbeispiel": ("handlungsfeld", "kommune", "foerderprogramm", "zustand", "zeitraum", "text"),
    "vorlage": ("handlungsfeld", "text"),
    "leitfaden": ("handlungsfeld", "foerderprogramm", "text"),
    "programmgebiet": ("kommune", "zustand", "text"),
    "foerderprogramm": ("handlungsfeld", "text"),
    "kommune": (),
    "handlungsfeld": (),
}



def listenseite(pfad: str) -> str | None:
    """The entry type whose listing page ``pfad`` (docs-relative) is, e.g. 'praxisbeispiele/index.md'."""
    for typ, (_, _, ordner) in TYP_BEZEICHNUNG.items():
        if pfad == f"{ordner}/index.md":
            return typ
    return None


def liste(katalog: Katalog, typ: str, url: Url) -> str:
    """The listing of ``typ``: filter form, live count and all listed entries."""
    eintraege = katalog.gelistet(typ)
    singular, plural, _ = TYP_BEZEICHNUNG[typ]
    kennung = f"sn-liste-{typ}"
    teile = [
        # Not in the search index: each entry is indexed on its own page.
        f'<section class="sn-liste" id="{kennung}" data-pagefind-ignore>',
        f'<h2>Alle {escape(plural)}</h2>' if eintraege else "",
    ]
    if not eintraege:
        teile.append(f"<p>Noch keine {escape(plural)} veröffentlicht.</p></section>")
        return "".join(teile)
    teile.append(_filterformular(katalog, typ, eintraege, kennung))
    teile.append(
        f'<p class="sn-liste__anzahl" role="status" aria-live="polite" data-singular="{escape(singular)}" '
        f'data-plural="{escape(plural)}" data-dativ="{escape(DATIV_PLURAL[typ])}">{_anzahl(len(eintraege), singular, plural)}</p>'
    )
    if typ in ("kommune", "programmgebiet"):
        teile.append(_tabelle(katalog, typ, eintraege, url))
    else:
        teile.append('<ul class="sn-karten">')
        teile.extend(_karte(katalog, e, url) for e in eintraege)
        teile.append("</ul>")
    teile.append(
        '<p class="sn-liste__leer" hidden>Keine Treffer. Lockern Sie die Filter oder setzen Sie sie zurück.</p></section>'
    )
    return "\n".join(t for t in teile if t)


def _anzahl(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


# -- data of one entry ------------------------------------------------------------------------


def _titel(katalog: Katalog, slug: str | None) -> str:
    e = katalog.eintraege.get(slug) if slug else None
    return e.title if e else ""


def _gebiet(katalog: Katalog, e: Eintrag) -> Eintrag | None:
    slug = getattr(e.daten, "programmgebiet", None)
    g = katalog.eintraege.get(slug) if slug else None
    return g if g is not None and g.typ == "programmgebiet" else None


def _jahr(wert: int | dt.date | None) -> str:
    if wert is None:
        return ""
    return str(wert if isinstance(wert, int) else wert.year)


def laufzeit_text(z: Zeitraum | None) -> str:
    """2020–2022 · seit 2021 · 1. April 2019 – 2022"""
    if z is None:
        return ""
    von = zeitpunkt(z.von)
    if z.bis is None:
        return f"seit {von}"
    bis = zeitpunkt(z.bis)
    if isinstance(z.von, int) and isinstance(z.bis, int):
        return von if z.von == z.bis else f"{von}–{bis}"
    return f"{von} – {bis}"


def _daten_attribute(katalog: Katalog, e: Eintrag) -> str:
    d = e.daten
    attr: dict[str, str] = {}
    if hasattr(d, "handlungsfelder"):
        attr["handlungsfeld"] = " ".join(d.handlungsfelder)  # type: ignore[attr-defined]
    if hasattr(d, "foerderprogramme"):
        attr["foerderprogramm"] = " ".join(d.foerderprogramme)  # type: ignore[attr-defined]
    if e.typ == "programmgebiet":
        attr["kommune"] = d.kommune  # type: ignore[attr-defined]
        attr["zustand"] = d.zustand  # type: ignore[attr-defined]
    elif hasattr(d, "kommune"):
        attr["kommune"] = d.kommune  # type: ignore[attr-defined]
        gebiet = _gebiet(katalog, e)
        attr["zustand"] = gebiet.daten.zustand if gebiet else ""  # type: ignore[attr-defined]
    laufzeit = getattr(d, "laufzeit", None)
    if laufzeit is not None:
        attr["von"] = _jahr(laufzeit.von)
        attr["bis"] = _jahr(laufzeit.bis)
    return "".join(f' data-{k}="{escape(v)}"' for k, v in attr.items())


def _fakt(name: str, wert: str) -> str:
    return f"<div><dt>{name}</dt><dd>{escape(wert)}</dd></div>" if wert else ""


def _fakten(katalog: Katalog, e: Eintrag) -> list[str]:
    d = e.daten
    if e.typ == "praxisbeispiel":
        gebiet = _gebiet(katalog, e)
        gebiet_text = ""
        if gebiet is not None:
            gebiet_text = f"{gebiet.title} ({GEBIETSZUSTAND_BEZEICHNUNG[gebiet.daten.zustand]})"  # type: ignore[attr-defined]
        return [
            _fakt("Kommune", _titel(katalog, d.kommune)),  # type: ignore[attr-defined]
            _fakt("Programmgebiet", gebiet_text),
            _fakt("Handlungsfelder", _titel_liste(katalog, d.handlungsfelder)),  # type: ignore[attr-defined]
            _fakt("Laufzeit", laufzeit_text(d.laufzeit)),  # type: ignore[attr-defined]
        ]
    if e.typ == "vorlage":
        return [_fakt("Handlungsfelder", _titel_liste(katalog, d.handlungsfelder))]  # type: ignore[attr-defined]
    if e.typ == "leitfaden":
        return [
            _fakt("Handlungsfelder", _titel_liste(katalog, d.handlungsfelder)),  # type: ignore[attr-defined]
            _fakt("Förderprogramme", _titel_liste(katalog, d.foerderprogramme)),  # type: ignore[attr-defined]
        ]
    if e.typ == "foerderprogramm":
        return [
            _fakt("Fördergeber", ", ".join(d.foerdergeber)),  # type: ignore[attr-defined]
            _fakt("Programmstatus", PROGRAMMSTATUS_BEZEICHNUNG[d.programmstatus]),  # type: ignore[attr-defined]
            _fakt("Handlungsfelder", _titel_liste(katalog, d.handlungsfelder)),  # type: ignore[attr-defined]
            _fakt("Stand", datum(d.stand)),  # type: ignore[attr-defined]
        ]
    if e.typ == "handlungsfeld":
        n = _gelistete_verweise(katalog, e.slug, "handlungsfelder", "praxisbeispiel")
        return [
            _fakt("Art", d.art),  # type: ignore[attr-defined]
            _fakt("Praxisbeispiele", str(n)),
        ]
    return []


def _gelistete_verweise(katalog: Katalog, slug: str, feld: str, typ: str) -> int:
    """How many listed (not archived) entries of ``typ`` refer to ``slug`` through ``feld``."""
    return sum(1 for v in katalog.verweise_auf(slug, feld) if v.typ == typ and v.daten.status != "archiviert")


def _titel_liste(katalog: Katalog, slugs: Iterable[str]) -> str:
    return ", ".join(t for t in (_titel(katalog, s) for s in slugs) if t)


def _karte(katalog: Katalog, e: Eintrag, url: Url) -> str:
    fakten = "".join(_fakten(katalog, e))
    return (
        f'<li class="sn-karte" data-sn-eintrag{_daten_attribute(katalog, e)}>'
        f'<h3 class="sn-karte__titel"><a href="{escape(url(e))}">{escape(e.title)}</a></h3>'
        # Members' edition only (the public one has no internal entries): marked on the card.
        + (f'<p class="sn-karte__intern">{NUR_MITGLIEDER}</p>' if ist_intern(e) else "")
        + (f'<dl class="sn-karte__fakten">{fakten}</dl>' if fakten else "")
        + f'<p class="sn-karte__text">{escape(e.daten.zusammenfassung)}</p></li>'
    )


def _tabelle(katalog: Katalog, typ: str, eintraege: list[Eintrag], url: Url) -> str:
    if typ == "kommune":
        kopf = ("Kommune", "Programmgebiete", "Praxisbeispiele")
    else:
        kopf = ("Programmgebiet", "Kommune", "Zustand", "Förderzeitraum")
    # No class on <table>: Material styles only `table:not([class])`.
    zeilen = ['<div class="sn-tabelle"><table><thead><tr>' + "".join(f'<th scope="col">{k}</th>' for k in kopf) + "</tr></thead><tbody>"]
    for e in eintraege:
        link = f'<th scope="row"><a href="{escape(url(e))}">{escape(e.title)}</a></th>'
        if typ == "kommune":
            gebiete = _gelistete_verweise(katalog, e.slug, "kommune", "programmgebiet")
            beispiele = _gelistete_verweise(katalog, e.slug, "kommune", "praxisbeispiel")
            zellen = [str(gebiete), str(beispiele)]
        else:
            d = e.daten
            zellen = [
                escape(_titel(katalog, d.kommune)),  # type: ignore[attr-defined]
                GEBIETSZUSTAND_BEZEICHNUNG[d.zustand],  # type: ignore[attr-defined]
                escape(laufzeit_text(d.laufzeit)),  # type: ignore[attr-defined]
            ]
        zeilen.append(
            f"<tr data-sn-eintrag{_daten_attribute(katalog, e)}>{link}" + "".join(f"<td>{z}</td>" for z in zellen) + "</tr>"
        )
    zeilen.append("</tbody></table></div>")
    return "\n".join(zeilen)


# -- the filter form --------------------------------------------------------------------------


def _optionen(katalog: Katalog, eintraege: list[Eintrag], feld: str) -> list[tuple[str, str, int]]:
    """(slug, title, number of listed entries) for every entry that ``feld`` names among ``eintraege``."""
    zaehler: Counter[str] = Counter()
    for e in eintraege:
        wert = getattr(e.daten, feld, None)
        if isinstance(wert, list):
            zaehler.update(set(wert))
        elif wert:
            zaehler[wert] += 1
    optionen = []
    for slug, n in zaehler.items():
        ziel = katalog.eintraege.get(slug)
        if ziel is not None:
            reihenfolge = getattr(ziel.daten, "reihenfolge", None)
            optionen.append((reihenfolge if reihenfolge is not None else 10**6, ziel.title.casefold(), slug, ziel.title, n))
    return [(slug, titel, n) for *_, slug, titel, n in sorted(optionen)]


def _zustaende(katalog: Katalog, typ: str, eintraege: list[Eintrag]) -> list[tuple[str, str, int]]:
    zaehler: Counter[str] = Counter()
    for e in eintraege:
        if typ == "programmgebiet":
            zaehler[e.daten.zustand] += 1  # type: ignore[attr-defined]
        else:
            gebiet = _gebiet(katalog, e)
            if gebiet is not None:
                zaehler[gebiet.daten.zustand] += 1  # type: ignore[attr-defined]
    return [(z, b, zaehler[z]) for z, b in GEBIETSZUSTAND_BEZEICHNUNG.items() if zaehler[z]]


def _auswahl(kennung: str, name: str, beschriftung: str, leer: str, optionen: list[tuple[str, str, int]]) -> str:
    id_ = f"{kennung}-{name}"
    zeilen = [f'<div class="sn-filter__feld"><label for="{id_}">{beschriftung}</label><select id="{id_}" name="{name}">']
    zeilen.append(f'<option value="">{leer}</option>')
    zeilen.extend(f'<option value="{escape(s)}">{escape(t)} ({n})</option>' for s, t, n in optionen)
    zeilen.append("</select></div>")
    return "".join(zeilen)


def _filterformular(katalog: Katalog, typ: str, eintraege: list[Eintrag], kennung: str) -> str:
    filter_ = FILTER[typ]
    if not filter_:
        return ""
    _, plural, _ = TYP_BEZEICHNUNG[typ]
    teile: list[str] = []
    if "handlungsfeld" in filter_:
        optionen = _optionen(katalog, eintraege, "handlungsfelder")
        if optionen:
            boxen = "".join(
                f'<label class="sn-filter__option"><input type="checkbox" name="handlungsfeld" value="{escape(s)}"> '
                f"{escape(t)} ({n})</label>"
                for s, t, n in optionen
            )
            teile.append(
                '<fieldset class="sn-filter__gruppe"><legend>Handlungsfelder</legend>'
                f'<div class="sn-filter__optionen">{boxen}</div>'
                '<fieldset class="sn-filter__verknuepfung"><legend>Gewählte Handlungsfelder verknüpfen</legend>'
                '<label class="sn-filter__option"><input type="radio" name="verknuepfung" value="alle" checked> '
                "alle gewählten</label>"
                '<label class="sn-filter__option"><input type="radio" name="verknuepfung" value="eins"> '
                "mindestens eins</label></fieldset></fieldset>"
            )
    felder: list[str] = []
    if "kommune" in filter_:
        optionen = _optionen(katalog, eintraege, "kommune")
        if optionen:
            felder.append(_auswahl(kennung, "kommune", "Kommune", "alle Kommunen", optionen))
    if "foerderprogramm" in filter_:
        optionen = _optionen(katalog, eintraege, "foerderprogramme")
        if optionen:
            felder.append(_auswahl(kennung, "foerderprogramm", "Förderprogramm", "alle Förderprogramme", optionen))
    if "zustand" in filter_:
        optionen = _zustaende(katalog, typ, eintraege)
        if optionen:
            felder.append(_auswahl(kennung, "zustand", "Zustand des Programmgebiets", "alle Zustände", optionen))
    if "zeitraum" in filter_:
        jahre = [int(j) for e in eintraege for j in (_jahr(e.daten.laufzeit.von), _jahr(e.daten.laufzeit.bis)) if j]  # type: ignore[attr-defined]
        if jahre:
            grenzen = 'min="1949" max="2100"'  # the bounds of the content model
            felder.append(
                '<fieldset class="sn-filter__feld sn-filter__zeitraum"><legend>Zeitraum (Laufzeit überschneidet)</legend>'
                f'<label for="{kennung}-von">von Jahr</label><input type="number" id="{kennung}-von" name="von" '
                f'inputmode="numeric" {grenzen} step="1">'
                f'<label for="{kennung}-bis">bis Jahr</label><input type="number" id="{kennung}-bis" name="bis" '
                f'inputmode="numeric" {grenzen} step="1"></fieldset>'
            )
    if "text" in filter_:
        felder.append(
            f'<div class="sn-filter__feld sn-filter__text"><label for="{kennung}-text">Freitext</label>'
            f'<input type="search" id="{kennung}-text" name="text" autocomplete="off" '
            f'placeholder="z. B. Stadtteilbüro"></div>'
        )
    if felder:
        teile.append(f'<div class="sn-filter__felder">{"".join(felder)}</div>')
    teile.append('<div class="sn-filter__aktionen"><button type="reset" class="md-button">Filter zurücksetzen</button></div>')
    return (
        f'<form class="sn-filter" role="search" aria-label="{escape(plural)} filtern" hidden>'
        f'<h3 class="sn-filter__titel">Filtern</h3>{"".join(teile)}</form>'
    )
