"""Listing pages: every listed entry of a type, in pages of N entries, with filters.

The listing is rendered on the server as real pages: ``<ordner>/index.md`` shows the first N
entries, generated pages ``<ordner>/seite-2.md`` … the rest, linked by a page navigation, so
without JavaScript every entry is reachable through plain links. The filter works on a compact
data file per listing (``<ordner>/liste.json``, :func:`daten`): ``assets/liste.js`` fetches it,
filters in memory, renders only the visible page of results, updates the live count and keeps
the state in the query string. The filter form starts ``hidden`` inside a ``<details>`` and is
only shown by the script (progressive enhancement); on a phone it stays folded, its summary
shows the live count, and the results come first.

Pure functions of the catalogue: the caller passes ``url(eintrag)``, the entry's address relative
to the page being rendered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from staedtenetz.ansichten.steckbrief import PRAXIS_ART
from staedtenetz.inhalt.ausgabe import NUR_MITGLIEDER, ist_intern
from staedtenetz.inhalt.formate import datum, zeitpunkt
from staedtenetz.inhalt.modell import GEBIETSZUSTAND_BEZEICHNUNG, PROGRAMMSTATUS_BEZEICHNUNG, TYP_BEZEICHNUNG, Zeitraum
from staedtenetz.katalog.katalog import Eintrag, Katalog

Url = Callable[[Eintrag], str]

#: Entries per page of a listing (cards; tables are lighter per entry and take twice as many).
SEITENGROESSE = 50

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
    "praxisbeispiel": ("handlungsfeld", "art", "kommune", "foerderprogramm", "zustand", "zeitraum", "text"),
    "vorlage": ("handlungsfeld", "text"),
    "leitfaden": ("handlungsfeld", "foerderprogramm", "text"),
    "programmgebiet": ("kommune", "zustand", "text"),
    "foerderprogramm": ("handlungsfeld", "text"),
    "kommune": (),
    "handlungsfeld": (),
}

#: Types listed as a table (few columns, many rows) instead of cards.
TABELLEN = ("kommune", "programmgebiet")

_SEITE_RE = re.compile(r"^seite-([1-9][0-9]*)\.md$")


# -- pages of a listing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Listenseite:
    """Page ``nummer`` (1-based) of the listing of ``typ``."""

    typ: str
    nummer: int


def listenseite(pfad: str) -> str | None:
    """The entry type whose listing page ``pfad`` (docs-relative) is, e.g. 'praxisbeispiele/index.md'."""
    for typ, (_, _, ordner) in TYP_BEZEICHNUNG.items():
        if pfad == f"{ordner}/index.md":
            return typ
    return None


def seite_der_liste(pfad: str) -> Listenseite | None:
    """'praxisbeispiele/index.md' -> page 1, 'praxisbeispiele/seite-3.md' -> page 3, else None."""
    typ = listenseite(pfad)
    if typ is not None:
        return Listenseite(typ, 1)
    ordner, name = posixpath.split(pfad)
    m = _SEITE_RE.match(name)
    if m is None or int(m.group(1)) < 2:
        return None
    for typ, (_, _, o) in TYP_BEZEICHNUNG.items():
        if o == ordner:
            return Listenseite(typ, int(m.group(1)))
    return None


def seitenpfad(typ: str, nummer: int) -> str:
    ordner = TYP_BEZEICHNUNG[typ][2]
    return f"{ordner}/index.md" if nummer == 1 else f"{ordner}/seite-{nummer}.md"


def datenpfad(typ: str) -> str:
    """The listing's data file for the filter, next to its first page."""
    return f"{TYP_BEZEICHNUNG[typ][2]}/liste.json"


def seitengroesse(typ: str, groesse: int = SEITENGROESSE) -> int:
    return 2 * groesse if typ in TABELLEN else groesse


def eintraege(katalog: Katalog, typ: str) -> list[Eintrag]:
    """The listed entries of ``typ`` in listing order: by title; Praxisbeispiele that document a
    real project come before illustrative ones."""
    gelistet = katalog.gelistet(typ)  # sorted by title
    if typ == "praxisbeispiel":
        gelistet.sort(key=lambda e: e.daten.art != "dokumentiert")  # type: ignore[attr-defined]  # stable
    return gelistet


def seitenzahl(anzahl: int, groesse: int) -> int:
    return max(1, math.ceil(anzahl / groesse))


def weitere_seiten(typ: str, n: int) -> list[tuple[str, str]]:
    """(docs-relative path, Markdown) of the generated pages 2 … n of the listing of ``typ``."""
    _, plural, _ = TYP_BEZEICHNUNG[typ]
    seiten = []
    for nummer in range(2, n + 1):
        titel = f"{plural}, Seite {nummer} von {n}"
        # Out of the search index: each entry is found on its own page.
        seiten.append((seitenpfad(typ, nummer), f"---\ntitle: {json.dumps(titel)}\nsearch:\n  exclude: true\n---\n\n# {titel}\n"))
    return seiten


# -- the listing HTML -------------------------------------------------------------------------


@dataclass
class Listenkopf:
    """What every page of one listing shares, computed once per build: the entries in listing
    order and the filter form (its option counts run over all entries)."""

    typ: str
    eintraege: list[Eintrag]
    formular: str
    groesse: int  # entries per page

    @classmethod
    def aufbauen(cls, katalog: Katalog, typ: str, groesse: int = SEITENGROESSE) -> Listenkopf:
        alle = eintraege(katalog, typ)
        formular = _filterformular(katalog, typ, alle, f"sn-liste-{typ}") if alle else ""
        return cls(typ, alle, formular, seitengroesse(typ, groesse))

    @property
    def seitenzahl(self) -> int:
        return seitenzahl(len(self.eintraege), self.groesse)


def liste(
    katalog: Katalog,
    typ: str,
    url: Url,
    nummer: int = 1,
    groesse: int = SEITENGROESSE,
    seitenurl: Callable[[int], str] | None = None,
    daten_url: str = "",
    kopf: Listenkopf | None = None,
) -> str:
    """Page ``nummer`` of the listing of ``typ``: filter form, count, that page's entries and the
    page navigation. ``seitenurl(n)`` is page n's address relative to this page; ``daten_url``
    the data file's; ``kopf`` what all pages share (computed here if not given)."""
    kopf = kopf or Listenkopf.aufbauen(katalog, typ, groesse)
    alle = kopf.eintraege
    singular, plural, _ = TYP_BEZEICHNUNG[typ]
    kennung = f"sn-liste-{typ}"
    g = kopf.groesse
    n_seiten = kopf.seitenzahl
    nummer = min(max(nummer, 1), n_seiten)
    auf_der_seite = alle[(nummer - 1) * g : nummer * g]
    teile = [
        # Not in the search index: each entry is indexed on its own page.
        f'<section class="sn-liste" id="{kennung}" data-pagefind-ignore data-sn-typ="{typ}" '
        f'data-sn-daten="{escape(daten_url)}" data-sn-groesse="{g}" data-sn-gesamt="{len(alle)}">',
        f'<h2>Alle {escape(plural)}</h2>' if alle else "",
    ]
    if not alle:
        teile.append(f"<p>Noch keine {escape(plural)} veröffentlicht.</p></section>")
        return "".join(teile)
    teile.append(kopf.formular)
    teile.append(
        f'<p class="sn-liste__anzahl" role="status" aria-live="polite" data-singular="{escape(singular)}" '
        f'data-plural="{escape(plural)}" data-dativ="{escape(DATIV_PLURAL[typ])}">{_anzahl(len(alle), singular, plural)}</p>'
    )
    treffer = _tabelle(katalog, typ, auf_der_seite, url) if typ in TABELLEN else _karten(katalog, auf_der_seite, url)
    navigation = seitennavigation(nummer, n_seiten, seitenurl or (lambda n: ""), (nummer - 1) * g, len(auf_der_seite), len(alle))
    teile.append(f'<div class="sn-liste__treffer">{treffer}{navigation}</div>')
    teile.append(
        '<p class="sn-liste__leer" hidden>Keine Treffer. Lockern Sie die Filter oder setzen Sie sie zurück.</p></section>'
    )
    return "\n".join(t for t in teile if t)


def seitennavigation(nummer: int, n_seiten: int, href: Callable[[int], str], erster: int, anzahl: int, gesamt: int) -> str:
    """Links to the other pages of a listing: previous, next, the first, the last and the pages
    around this one. Empty for a single page. (liste.js builds the same markup for filtered
    results.)"""
    if n_seiten <= 1:
        return ""

    def link(n: int, text: str, rel: str = "") -> str:
        attr = f' rel="{rel}"' if rel else ""
        return f'<li><a href="{escape(href(n))}"{attr}>{text}</a></li>'

    teile = []
    if nummer > 1:
        teile.append(link(nummer - 1, "‹ Vorherige Seite", "prev"))
    for n in sichtbare_seiten(nummer, n_seiten):
        if n is None:
            teile.append('<li class="sn-seiten__luecke" aria-hidden="true">…</li>')
        elif n == nummer:
            teile.append(f'<li><a aria-current="page" href="{escape(href(n))}">{n}</a></li>')
        else:
            teile.append(link(n, f'<span class="sn-seiten__wort">Seite </span>{n}'))
    if nummer < n_seiten:
        teile.append(link(nummer + 1, "Nächste Seite ›", "next"))
    return (
        f'<nav class="sn-seiten" aria-label="Seiten der Liste">'
        f'<p class="sn-seiten__stand">Seite {nummer} von {n_seiten}: Nr. {erster + 1}–{erster + anzahl} von {gesamt}</p>'
        f'<ul>{"".join(teile)}</ul></nav>'
    )


def sichtbare_seiten(nummer: int, n_seiten: int, umfeld: int = 2) -> list[int | None]:
    """Page numbers to link: first, last, and ``umfeld`` around ``nummer``; None for a gap."""
    zahlen = sorted({1, n_seiten, *range(max(1, nummer - umfeld), min(n_seiten, nummer + umfeld) + 1)})
    ergebnis: list[int | None] = []
    for z in zahlen:
        if ergebnis and z - ergebnis[-1] > 1:  # type: ignore[operator]
            ergebnis.append(None if z - ergebnis[-1] > 2 else z - 1)  # type: ignore[operator]
        ergebnis.append(z)
    return ergebnis


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


def _jahr(wert: int | dt.date | None) -> int | None:
    if wert is None:
        return None
    return wert if isinstance(wert, int) else wert.year


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


def filterwerte(katalog: Katalog, e: Eintrag) -> dict[str, object]:
    """What the filters compare, per entry (keys as in the data file)."""
    d = e.daten
    werte: dict[str, object] = {}
    if hasattr(d, "handlungsfelder"):
        werte["h"] = list(d.handlungsfelder)  # type: ignore[attr-defined]
    if hasattr(d, "foerderprogramme"):
        werte["p"] = list(d.foerderprogramme)  # type: ignore[attr-defined]
    if e.typ == "praxisbeispiel":
        werte["a"] = d.art  # type: ignore[attr-defined]
    if e.typ == "programmgebiet":
        werte["k"] = d.kommune  # type: ignore[attr-defined]
        werte["s"] = d.zustand  # type: ignore[attr-defined]
    elif hasattr(d, "kommune"):
        werte["k"] = d.kommune  # type: ignore[attr-defined]
        gebiet = _gebiet(katalog, e)
        if gebiet is not None:
            werte["s"] = gebiet.daten.zustand  # type: ignore[attr-defined]
    laufzeit = getattr(d, "laufzeit", None)
    if laufzeit is not None:
        werte["v"] = _jahr(laufzeit.von)
        if laufzeit.bis is not None:
            werte["b"] = _jahr(laufzeit.bis)
    return werte


def fakten(katalog: Katalog, e: Eintrag) -> list[tuple[str, str]]:
    """(name, text) of the facts a card shows; a card leaves out empty ones."""
    d = e.daten
    if e.typ == "praxisbeispiel":
        gebiet = _gebiet(katalog, e)
        gebiet_text = ""
        if gebiet is not None:
            gebiet_text = f"{gebiet.title} ({GEBIETSZUSTAND_BEZEICHNUNG[gebiet.daten.zustand]})"  # type: ignore[attr-defined]
        return [
            ("Kommune", _titel(katalog, d.kommune)),  # type: ignore[attr-defined]
            ("Programmgebiet", gebiet_text),
            ("Handlungsfelder", _titel_liste(katalog, d.handlungsfelder)),  # type: ignore[attr-defined]
            ("Laufzeit", laufzeit_text(d.laufzeit)),  # type: ignore[attr-defined]
        ]
    if e.typ == "vorlage":
        return [("Handlungsfelder", _titel_liste(katalog, d.handlungsfelder))]  # type: ignore[attr-defined]
    if e.typ == "leitfaden":
        return [
            ("Handlungsfelder", _titel_liste(katalog, d.handlungsfelder)),  # type: ignore[attr-defined]
            ("Förderprogramme", _titel_liste(katalog, d.foerderprogramme)),  # type: ignore[attr-defined]
        ]
    if e.typ == "foerderprogramm":
        return [
            ("Fördergeber", ", ".join(d.foerdergeber)),  # type: ignore[attr-defined]
            ("Programmstatus", PROGRAMMSTATUS_BEZEICHNUNG[d.programmstatus]),  # type: ignore[attr-defined]
            ("Handlungsfelder", _titel_liste(katalog, d.handlungsfelder)),  # type: ignore[attr-defined]
            ("Stand", datum(d.stand)),  # type: ignore[attr-defined]
        ]
    if e.typ == "handlungsfeld":
        n = _gelistete_verweise(katalog, e.slug, "handlungsfelder", "praxisbeispiel")
        return [("Art", d.art), ("Praxisbeispiele", str(n))]  # type: ignore[attr-defined]
    return []


def _zellen(katalog: Katalog, e: Eintrag) -> list[str]:
    """The table cells after the title (plain text)."""
    if e.typ == "kommune":
        gebiete = _gelistete_verweise(katalog, e.slug, "kommune", "programmgebiet")
        beispiele = _gelistete_verweise(katalog, e.slug, "kommune", "praxisbeispiel")
        return [str(gebiete), str(beispiele)]
    d = e.daten
    return [
        _titel(katalog, d.kommune),  # type: ignore[attr-defined]
        GEBIETSZUSTAND_BEZEICHNUNG[d.zustand],  # type: ignore[attr-defined]
        laufzeit_text(d.laufzeit),  # type: ignore[attr-defined]
    ]


def _tabellenkopf(typ: str) -> tuple[str, ...]:
    if typ == "kommune":
        return ("Kommune", "Programmgebiete", "Praxisbeispiele")
    return ("Programmgebiet", "Kommune", "Zustand", "Förderzeitraum")


def _gelistete_verweise(katalog: Katalog, slug: str, feld: str, typ: str) -> int:
    """How many listed (not archived) entries of ``typ`` refer to ``slug`` through ``feld``."""
    return sum(1 for v in katalog.verweise_auf(slug, feld) if v.typ == typ and v.daten.status != "archiviert")


def _titel_liste(katalog: Katalog, slugs: Iterable[str]) -> str:
    return ", ".join(t for t in (_titel(katalog, s) for s in slugs) if t)


def _karten(katalog: Katalog, eintraege_: list[Eintrag], url: Url) -> str:
    return '<ul class="sn-karten">' + "\n".join(_karte(katalog, e, url) for e in eintraege_) + "</ul>"


def _karte(katalog: Katalog, e: Eintrag, url: Url) -> str:
    # The same markup as liste.js builds from the data file (function karte there).
    fakten_html = "".join(f"<div><dt>{n}</dt><dd>{escape(w)}</dd></div>" for n, w in fakten(katalog, e) if w)
    return (
        f'<li class="sn-karte">'
        f'<h3 class="sn-karte__titel"><a href="{escape(url(e))}">{escape(e.title)}</a></h3>'
        # Members' edition only (the public one has no internal entries): marked on the card.
        + (f'<p class="sn-karte__intern">{NUR_MITGLIEDER}</p>' if ist_intern(e) else "")
        + (f'<dl class="sn-karte__fakten">{fakten_html}</dl>' if fakten_html else "")
        + f'<p class="sn-karte__text">{escape(e.daten.zusammenfassung)}</p></li>'
    )


def _tabelle(katalog: Katalog, typ: str, eintraege_: list[Eintrag], url: Url) -> str:
    # No class on <table>: Material styles only `table:not([class])`.
    zeilen = [
        '<div class="sn-tabelle"><table><thead><tr>'
        + "".join(f'<th scope="col">{k}</th>' for k in _tabellenkopf(typ))
        + "</tr></thead><tbody>"
    ]
    for e in eintraege_:
        link = f'<th scope="row"><a href="{escape(url(e))}">{escape(e.title)}</a></th>'
        zeilen.append(f"<tr>{link}" + "".join(f"<td>{escape(z)}</td>" for z in _zellen(katalog, e)) + "</tr>")
    zeilen.append("</tbody></table></div>")
    return "\n".join(zeilen)


# -- the data file ----------------------------------------------------------------------------


def daten(katalog: Katalog, typ: str, url: Url, alle: list[Eintrag] | None = None) -> dict:
    """The compact data of the listing for ``liste.js``: one record per listed entry, in listing
    order; repeated texts (fact values, table cells) once in ``werte`` and referred to by index.
    ``url(eintrag)`` is relative to the data file."""
    werte: list[str] = []
    index: dict[str, int] = {}

    def nr(text: str) -> int:
        if not text:
            return -1
        if text not in index:
            index[text] = len(werte)
            werte.append(text)
        return index[text]

    tabelle = typ in TABELLEN
    namen: list[str] = list(_tabellenkopf(typ)) if tabelle else []
    datensaetze = []
    for e in (alle if alle is not None else eintraege(katalog, typ)):
        satz: dict[str, object] = {"u": url(e), "t": e.title}
        if tabelle:
            satz["f"] = [nr(z) for z in _zellen(katalog, e)]
        else:
            f = fakten(katalog, e)
            if not namen:
                namen = [n for n, _ in f]
            satz["f"] = [nr(w) for _, w in f]
            satz["z"] = e.daten.zusammenfassung
        if ist_intern(e):
            satz["i"] = 1
        satz.update(filterwerte(katalog, e))
        datensaetze.append(satz)
    return {
        "version": 1,
        "typ": typ,
        "darstellung": "tabelle" if tabelle else "karten",
        "namen": namen,
        "intern": NUR_MITGLIEDER,
        "werte": werte,
        "eintraege": datensaetze,
    }


def abdruck(kopf: Listenkopf, d: dict, nummer: int) -> str:
    """A fingerprint of everything page ``nummer`` of the listing shows (for the live preview):
    the form, the number of pages and entries, and the data of that page's entries."""
    g = kopf.groesse
    seite = d["eintraege"][(nummer - 1) * g : nummer * g]
    texte = [[d["werte"][i] if i >= 0 else "" for i in satz.get("f", ())] for satz in seite]
    roh = json.dumps([kopf.formular, kopf.seitenzahl, len(kopf.eintraege), seite, texte], ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(roh.encode("utf-8"), digest_size=16).hexdigest()


def daten_text(d: dict) -> str:
    """The data file as compact JSON (no spaces; non-ASCII kept, the file is UTF-8).

    ``<`` is escaped, so the text could never end a ``<script>`` element if it were inlined."""
    return json.dumps(d, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


# -- the filter form --------------------------------------------------------------------------


def _optionen(katalog: Katalog, eintraege_: list[Eintrag], feld: str) -> list[tuple[str, str, int]]:
    """(slug, title, number of listed entries) for every entry that ``feld`` names among the entries."""
    zaehler: Counter[str] = Counter()
    for e in eintraege_:
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


def _zustaende(katalog: Katalog, typ: str, eintraege_: list[Eintrag]) -> list[tuple[str, str, int]]:
    zaehler: Counter[str] = Counter()
    for e in eintraege_:
        if typ == "programmgebiet":
            zaehler[e.daten.zustand] += 1  # type: ignore[attr-defined]
        else:
            gebiet = _gebiet(katalog, e)
            if gebiet is not None:
                zaehler[gebiet.daten.zustand] += 1  # type: ignore[attr-defined]
    return [(z, b, zaehler[z]) for z, b in GEBIETSZUSTAND_BEZEICHNUNG.items() if zaehler[z]]


def _arten(eintraege_: list[Eintrag]) -> list[tuple[str, str, int]]:
    zaehler = Counter(e.daten.art for e in eintraege_)  # type: ignore[attr-defined]
    return [(a, b, zaehler[a]) for a, b in PRAXIS_ART.items() if zaehler[a]]


def _auswahl(kennung: str, name: str, beschriftung: str, leer: str, optionen: list[tuple[str, str, int]]) -> str:
    id_ = f"{kennung}-{name}"
    zeilen = [f'<div class="sn-filter__feld"><label for="{id_}">{beschriftung}</label><select id="{id_}" name="{name}">']
    zeilen.append(f'<option value="">{leer}</option>')
    zeilen.extend(f'<option value="{escape(s)}">{escape(t)} ({n})</option>' for s, t, n in optionen)
    zeilen.append("</select></div>")
    return "".join(zeilen)


def _filterformular(katalog: Katalog, typ: str, eintraege_: list[Eintrag], kennung: str) -> str:
    filter_ = FILTER[typ]
    if not filter_:
        return ""
    _, plural, _ = TYP_BEZEICHNUNG[typ]
    teile: list[str] = []
    if "handlungsfeld" in filter_:
        optionen = _optionen(katalog, eintraege_, "handlungsfelder")
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
    if "art" in filter_:
        optionen = _arten(eintraege_)
        if len(optionen) > 1:  # only where both kinds occur
            felder.append(_auswahl(kennung, "art", "Art des Beispiels", "alle Arten", optionen))
    if "kommune" in filter_:
        optionen = _optionen(katalog, eintraege_, "kommune")
        if optionen:
            felder.append(_auswahl(kennung, "kommune", "Kommune", "alle Kommunen", optionen))
    if "foerderprogramm" in filter_:
        optionen = _optionen(katalog, eintraege_, "foerderprogramme")
        if optionen:
            felder.append(_auswahl(kennung, "foerderprogramm", "Förderprogramm", "alle Förderprogramme", optionen))
    if "zustand" in filter_:
        optionen = _zustaende(katalog, typ, eintraege_)
        if optionen:
            felder.append(_auswahl(kennung, "zustand", "Zustand des Programmgebiets", "alle Zustände", optionen))
    if "zeitraum" in filter_:
        jahre = [j for e in eintraege_ for j in (_jahr(e.daten.laufzeit.von), _jahr(e.daten.laufzeit.bis)) if j]  # type: ignore[attr-defined]
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
    # A disclosure: open on wide screens, folded on a phone (liste.js decides), so the results
    # come first; its summary carries the live count (liste.js moves it there).
    return (
        f'<details class="sn-filter__klappe" hidden><summary><span class="sn-filter__titel">Filtern</span></summary>'
        f'<form class="sn-filter" role="search" aria-label="{escape(plural)} filtern">{"".join(teile)}</form></details>'
    )
