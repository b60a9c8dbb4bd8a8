"""The fact box (Steckbrief) of an entry page, generated from its front matter.

Inserted into the rendered HTML (``on_page_content``) right after the page's ``<h1>``, not
into the Markdown: the box is built from typed data, not from text, so building elements and
letting the serializer escape them is safer than escaping titles for Markdown; links are
computed relative to the page URL (correct with and without ``use_directory_urls``); and the
box does not add entries to the table of contents.

Labels come from the field titles of the content model (``modell.py``), so a field is named the
same in the box, the JSON Schema and the submission form.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from staedtenetz.inhalt import formate
from staedtenetz.inhalt.ausgabe import NUR_MITGLIEDER, ist_intern
from staedtenetz.katalog.katalog import Eintrag
from staedtenetz.inhalt.modell import GEBIETSZUSTAND_BEZEICHNUNG, PROGRAMMSTATUS_BEZEICHNUNG, STATUS_BEZEICHNUNG, TYPEN, Ansprechstelle, Bild, Kosten, Quelle, Zeitraum
from staedtenetz.ansichten.html import Html, el, text, verbinden
from staedtenetz.ansichten.kontext import Verlinker, typ_bezeichnung

ILLUSTRATIV = "Illustratives Beispiel – kein reales Projekt"

HANDLUNGSFELD_ART = {"thematisch": "thematisches Handlungsfeld", "instrumentell": "instrumentelles Handlungsfeld"}
PRAXIS_ART = {"dokumentiert": "dokumentiertes Projekt", "illustrativ": "illustratives Beispiel"}

#: Order of the rows; fields a type does not have are skipped.
REIHENFOLGE = (
    "art",
    "kommune",
    "programmgebiet",
    "zustand",
    "handlungsfelder",
    "foerderprogramme",
    "laufzeit",
    "einwohner",
    "flaeche_ha",
    "foerdergeber",
    "foerderart",
    "foerderberechtigte",
    "programmstatus",
    "foerdergegenstand",
    "kosten",
    "traeger",
    "zielgruppen",
    "ags",
    "webseite",
    "ansprechstelle",
    "schlagworte",
    "stand",
)


def feldtitel(typ: str, feld: str) -> str:
    info = TYPEN[typ].model_fields[feld]
    return info.title or feld


def steckbrief(e: Eintrag, v: Verlinker, geaendert: dt.date | None) -> Html:
    """``<aside class="steckbrief">`` with a ``<dl>`` of everything the front matter says."""
    zeilen: list[tuple[str, Any]] = [("Typ", _eintragsart(e))]
    felder = TYPEN[e.typ].model_fields
    for feld in REIHENFOLGE:
        if feld not in felder:
            continue
        inhalt = feldinhalt(e, feld, v)
        if inhalt is not None:
            zeilen.append((feldtitel(e.typ, feld), inhalt))
    if geaendert is not None:
        zeilen.append(("Zuletzt geändert", zeitangabe(geaendert)))
    if e.daten.bilder:
        zeilen.append(("Bildnachweise", _liste([_bild(b) for b in e.daten.bilder])))
    if e.daten.quellen:
        zeilen.append(("Quellen", _liste([_quelle(q) for q in e.daten.quellen])))

    dl = el("dl", None, [(el("dt", None, titel), el("dd", None, inhalt)) for titel, inhalt in zeilen])
    hinweise = []
    if e.typ == "praxisbeispiel" and e.daten.art == "illustrativ":  # type: ignore[attr-defined]
        hinweise.append(el("p", {"class": "steckbrief__hinweis steckbrief__hinweis--illustrativ"}, ILLUSTRATIV))
    if ist_intern(e):  # only in the members' edition: the public one has no internal entries
        hinweise.append(el("p", {"class": "steckbrief__hinweis steckbrief__hinweis--intern"}, NUR_MITGLIEDER))
    if e.daten.status == "archiviert":
        hinweise.append(
            el("p", {"class": "steckbrief__hinweis"}, "Archiviert – die Angaben werden nicht mehr gepflegt.")
        )
    return el(
        "aside",
        {"class": f"steckbrief steckbrief--{e.typ}", "aria-label": "Steckbrief"},
        el("p", {"class": "steckbrief__titel", "aria-hidden": "true"}, "Steckbrief"),
        hinweise,
        dl,
    )


def suchzeile(e: Eintrag, katalog: Any) -> Html:
    """What the search index gets instead of the box: one line with the names the box links
    to (``Praxisbeispiel · Essen · Bildung, Gesundheit · …``). Hidden on the page, and replaced
    by the box itself after indexing."""
    teile = [typ_bezeichnung(e.typ)]
    for feld in ("kommune", "programmgebiet", "handlungsfelder", "foerderprogramme"):
        wert = getattr(e.daten, feld, None)
        if not wert:
            continue
        slugs = wert if isinstance(wert, list) else [wert]
        teile.append(", ".join(katalog.eintraege[s].title if s in katalog.eintraege else s for s in slugs))
    for feld in ("traeger", "zielgruppen", "schlagworte"):
        if werte := getattr(e.daten, feld, None):
            teile.append(", ".join(werte))
    return el("p", {"class": "steckbrief-suchzeile", "hidden": ""}, " · ".join(teile))


def _eintragsart(e: Eintrag) -> str:
    return typ_bezeichnung(e.typ)


def feldinhalt(e: Eintrag, feld: str, v: Verlinker, *, kompakt: bool = False) -> Any:
    """The value of ``feld`` of ``e`` as the fact box shows it, None if the entry has none.

    ``kompakt`` (for table cells, e.g. of query blocks): lists as comma-separated text instead of
    a bulleted list."""
    if feld == "title":
        return e.title
    if feld == "typ":
        return _eintragsart(e)
    wert = getattr(e.daten, feld, None)
    if wert is None or wert == [] or wert == "":
        return None
    return _wert(e, feld, wert, v, kompakt)


def _wert(e: Eintrag, feld: str, wert: Any, v: Verlinker, kompakt: bool = False) -> Any:
    katalog = v.kontext.katalog
    if feld == "art":
        return PRAXIS_ART.get(wert) if e.typ == "praxisbeispiel" else HANDLUNGSFELD_ART.get(wert, wert)
    if feld == "programmgebiet":
        gebiet = katalog.eintraege.get(wert)
        if gebiet is not None and gebiet.typ == "programmgebiet":
            return [v.link(wert), f" ({GEBIETSZUSTAND_BEZEICHNUNG[gebiet.daten.zustand]})"]  # type: ignore[attr-defined]
        return v.link(wert)
    if feld == "kommune":
        return v.link(wert)
    if feld in ("handlungsfelder", "foerderprogramme"):
        links = [v.link(s) for s in wert]
        return verbinden(links) if kompakt else _liste(links)
    if feld == "zustand":
        return GEBIETSZUSTAND_BEZEICHNUNG[wert]
    if feld == "programmstatus":
        return PROGRAMMSTATUS_BEZEICHNUNG.get(wert, wert)
    if feld == "status":
        return STATUS_BEZEICHNUNG.get(wert, wert)
    if feld == "sichtbarkeit":
        return NUR_MITGLIEDER if wert == "intern" else "öffentlich"
    if feld == "laufzeit" and isinstance(wert, Zeitraum):
        return zeitraum(wert)
    if feld == "kosten" and isinstance(wert, Kosten):
        return _kosten(wert)
    if feld == "ansprechstelle" and isinstance(wert, Ansprechstelle):
        return _ansprechstelle(wert)
    if feld == "webseite":
        return el("a", {"href": wert}, wert)
    if feld == "einwohner":
        return formate.zahl(wert)
    if feld == "flaeche_ha":
        return f"{formate.zahl(wert)} ha"
    if feld == "stand":
        return zeitangabe(wert)
    if isinstance(wert, list):
        return verbinden([str(w) for w in wert])
    return str(wert)


def zeitraum(z: Zeitraum) -> Any:
    von = _zeitpunkt(z.von)
    if z.bis is None:
        return ["seit ", von]
    return [von, " bis ", _zeitpunkt(z.bis)]


def _zeitpunkt(wert: int | dt.date) -> Html | str:
    return zeitangabe(wert) if isinstance(wert, dt.date) else str(wert)


@lru_cache(maxsize=4096)
def zeitangabe(d: dt.date) -> Html:
    # Cached: Babel takes a fifth of a millisecond per date, and dates repeat across pages.
    return el("time", {"datetime": d.isoformat()}, formate.datum(d))


def _kosten(k: Kosten) -> list[Any]:
    teile: list[Any] = []
    if k.gesamt is not None:
        teile.append(f"{formate.euro(k.gesamt)} gesamt")
    if k.anmerkung:
        teile.append(("; " if teile else "") + k.anmerkung)
    return teile


def _ansprechstelle(a: Ansprechstelle) -> list[Any]:
    teile: list[Any] = [a.stelle]
    if a.person:
        teile += [", ", a.person]
    kontakt = []
    if a.email:
        kontakt.append(el("a", {"href": f"mailto:{a.email}"}, a.email))
    if a.telefon:
        kontakt.append(el("a", {"href": "tel:" + re.sub(r"[^0-9+]", "", a.telefon)}, a.telefon))
    if a.webseite:
        kontakt.append(el("a", {"href": a.webseite}, "Webseite"))
    if kontakt:
        teile += [el("br"), verbinden(kontakt, " · ")]
    return teile


def _bild(b: Bild) -> list[Any]:
    teile: list[Any] = [f"{b.alt}: {b.urheber}"]
    if b.lizenz:
        teile.append(f", Lizenz: {b.lizenz}")
    return teile


NICHT_GEPRUEFT = "nicht live geprüft"


def _quelle(q: Quelle) -> list[Any]:
    """Link, the source's own date ("Stand der Quelle") and when it was last checked against it."""
    angaben: list[Any] = []
    if q.stand is not None:
        stand = zeitangabe(q.stand) if isinstance(q.stand, dt.date) else q.stand
        angaben.append(["Stand der Quelle: ", stand])
    angaben.append(["zuletzt geprüft am ", zeitangabe(q.geprueft)] if q.geprueft else NICHT_GEPRUEFT)
    return [el("a", {"href": q.url}, q.titel), " (", verbinden(angaben, "; "), ")"]


def _liste(punkte: list[Any]) -> Html:
    return el("ul", {"class": "steckbrief__liste"}, [el("li", None, p) for p in punkte])
