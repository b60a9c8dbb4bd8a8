"""The map of NRW: an SVG drawn at build time from the shipped official geodata (BKG VG5000).

Kreise form the light background, the outline of the Land lies on top, and every member
municipality (each listed ``kommune`` entry) is highlighted and linked to its page, with the
number of its Programmgebiete in its label. No tiles, no script: plain SVG links that a keyboard
reaches, a table of the members as text alternative and the credit the licence requires.

Projection: equirectangular with the longitude scaled by cos(latitude) of the map's centre –
good enough at the size of one Land. Coordinates are rounded to whole units of a viewBox
1,000 units wide (about 250 m, the generalisation of the data), so the SVG stays small.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import cache
from html import escape

from staedtenetz.inhalt import geodaten
from staedtenetz.katalog.katalog import Eintrag, Katalog

Url = Callable[[Eintrag], str]

#: Where a page wants the map (HTML comment in its Markdown).
MARKE = "<!-- karte -->"
#: The members' page shows the map above its listing even without the marker.
MITGLIEDERSEITE = "kommunen/index.md"

BREITE = 1000
RAND = 8
# Bounding box of NRW in the shipped data (lon/lat, WGS84).
_LON_MIN, _LON_MAX, _LAT_MIN, _LAT_MAX = 5.866, 9.4599, 50.3227, 52.5316
_KOS = math.cos(math.radians((_LAT_MIN + _LAT_MAX) / 2))
_MASSSTAB = (BREITE - 2 * RAND) / ((_LON_MAX - _LON_MIN) * _KOS)
HOEHE = round((_LAT_MAX - _LAT_MIN) * _MASSSTAB + 2 * RAND)


def projizieren(lon: float, lat: float) -> tuple[int, int]:
    """(longitude, latitude) -> (x, y) in the viewBox, y pointing down."""
    return (
        round(RAND + (lon - _LON_MIN) * _KOS * _MASSSTAB),
        round(RAND + (_LAT_MAX - lat) * _MASSSTAB),
    )


def _ring(koordinaten: Iterable[list[float]]) -> str:
    """One closed ring as a compact path: absolute start, then relative steps."""
    punkte: list[tuple[int, int]] = []
    for lon, lat in koordinaten:
        p = projizieren(lon, lat)
        if not punkte or p != punkte[-1]:
            punkte.append(p)
    if len(punkte) > 1 and punkte[0] == punkte[-1]:
        punkte.pop()
    if len(punkte) < 3:
        return ""
    (x0, y0), teile = punkte[0], []
    x, y = x0, y0
    for px, py in punkte[1:]:
        teile.append(f"{px - x} {py - y}")
        x, y = px, py
    return f"M{x0} {y0}l" + " ".join(teile).replace(" -", "-") + "z"


def _pfad(geometrie: dict) -> str:
    polygone = geometrie["coordinates"] if geometrie["type"] == "MultiPolygon" else [geometrie["coordinates"]]
    return "".join(_ring(ring) for polygon in polygone for ring in polygon)


@cache
def _hintergrund() -> str:
    kreise = "".join(_pfad(f["geometry"]) for f in geodaten.ebene("kreise")["features"])
    land = "".join(_pfad(f["geometry"]) for f in geodaten.ebene("land")["features"])
    return (
        f'<path class="sn-karte__kreise" d="{kreise}"/>'
        f'<path class="sn-karte__land" d="{land}"/>'
    )


@cache
def _gemeindepfade() -> dict[str, str]:
    return {f["properties"]["AGS"]: _pfad(f["geometry"]) for f in geodaten.ebene("gemeinden")["features"]}


def programmgebiete_text(n: int) -> str:
    if n == 0:
        return "kein Programmgebiet"
    return f"{n} Programmgebiet" if n == 1 else f"{n} Programmgebiete"


def mitglieder(katalog: Katalog) -> list[tuple[Eintrag, int]]:
    """Each listed Kommune with the number of its Programmgebiete in the catalogue."""
    return [
        (k, sum(1 for e in katalog.verweise_auf(k.slug, "kommune") if e.typ == "programmgebiet"))
        for k in katalog.gelistet("kommune")
    ]


#: Radius of a member's dot in viewBox units: at least 24 CSS px across from a map width of about
#: 710 px (the map is at most 40rem
#: at Material's 20 px root size = 800 px for 1,000 units). Narrower maps (a phone) scale it
#: down; there the list of members beside the map is the equivalent target (WCAG 2.2, 2.5.8).
PUNKT_RADIUS = 17
#: Label font size in viewBox units, and the rough width of one character.
SCHRIFT = 24
_ZEICHENBREITE = 0.56 * SCHRIFT


def _beschriftungen(punkte: list[tuple[str, int, int]]) -> dict[str, tuple[int, int, str]]:
    """Where each member's name goes: right of its dot, else left, above or below – the first
    place that overlaps neither another label nor another dot nor leaves the map. A name that
    finds no place stays unlabelled on the map (the list beside it names every member).

    ``punkte``: (name, x, y); returns name -> (x, y, text-anchor)."""
    belegt: list[tuple[float, float, float, float]] = [
        (x - PUNKT_RADIUS, y - PUNKT_RADIUS, x + PUNKT_RADIUS, y + PUNKT_RADIUS) for _, x, y in punkte
    ]
    ergebnis: dict[str, tuple[int, int, str]] = {}
    abstand = PUNKT_RADIUS + 4
    for name, x, y in sorted(punkte, key=lambda p: (p[2], p[1])):
        breite = len(name) * _ZEICHENBREITE
        hoehe = SCHRIFT
        kandidaten = [
            (x + abstand, y + hoehe * 0.35, "start", (x + abstand, y - hoehe / 2, x + abstand + breite, y + hoehe / 2)),
            (x - abstand, y + hoehe * 0.35, "end", (x - abstand - breite, y - hoehe / 2, x - abstand, y + hoehe / 2)),
            (x, y - abstand - 4, "middle", (x - breite / 2, y - abstand - hoehe, x + breite / 2, y - abstand)),
            (x, y + abstand + hoehe * 0.8, "middle", (x - breite / 2, y + abstand, x + breite / 2, y + abstand + hoehe)),
        ]
        for lx, ly, anker, box in kandidaten:
            if box[0] < 0 or box[2] > BREITE or box[1] < 0 or box[3] > HOEHE:
                continue
            if any(_ueberlappt(box, b) for b in belegt if b != (x - PUNKT_RADIUS, y - PUNKT_RADIUS, x + PUNKT_RADIUS, y + PUNKT_RADIUS)):
                continue
            belegt.append(box)
            ergebnis[name] = (round(lx), round(ly), anker)
            break
    return ergebnis


def _ueberlappt(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def karte(katalog: Katalog, url: Url) -> str:
    """The map with its list of members, text alternative and credit, as an HTML fragment."""
    liste = mitglieder(katalog)
    pfade = _gemeindepfade()
    gemeinden = geodaten.gemeinden()
    auf_der_karte = []
    for k, n in liste:
        ags = k.daten.ags  # type: ignore[attr-defined]
        if ags in pfade:  # unknown AGS: an error of the catalogue; the live preview still runs
            auf_der_karte.append((k, n, *projizieren(*gemeinden[ags].punkt)))
    beschriftet = _beschriftungen([(k.title, x, y) for k, _, x, y in auf_der_karte])
    marker = []
    for k, n, x, y in auf_der_karte:
        beschriftung = escape(f"{k.title}: {programmgebiete_text(n)}")
        name = ""
        if k.title in beschriftet:
            lx, ly, anker = beschriftet[k.title]
            name = f'<text x="{lx}" y="{ly}" text-anchor="{anker}">{escape(k.title)}</text>'
        marker.append(
            f'<a href="{escape(url(k))}" class="sn-karte__mitglied" aria-label="{beschriftung}">'
            f"<title>{beschriftung}</title>"
            f'<path d="{pfade[ags_von(k)]}"/><circle cx="{x}" cy="{y}" r="{PUNKT_RADIUS}"/>{name}</a>'
        )
    anzahl = len(liste)
    mitglieder_text = "eine Mitgliedskommune" if anzahl == 1 else f"{anzahl} Mitgliedskommunen"
    svg = (
        f'<svg class="sn-karte__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREITE} {HOEHE}" '
        f'aria-labelledby="sn-karte-titel sn-karte-beschreibung">'
        f'<title id="sn-karte-titel">Karte Nordrhein-Westfalens mit den Mitgliedskommunen des Städtenetzes</title>'
        f'<desc id="sn-karte-beschreibung">Umriss des Landes und der Kreise; {mitglieder_text} farbig '
        f"hervorgehoben, beschriftet und mit ihren Seiten verlinkt. Dieselben Angaben stehen in der Liste neben "
        f"der Karte und in der Tabelle darunter.</desc>"
        f"{_hintergrund()}<g class=\"sn-karte__mitglieder\">{''.join(marker)}</g></svg>"
    )
    # The members as big, tappable links beside the map (below it on a phone): the equivalent
    # target for fingers where the map's dots are small.
    knoepfe = "".join(f'<li><a href="{escape(url(k))}">{escape(k.title)}</a></li>' for k, _ in liste)
    verzeichnis = (
        f'<nav class="sn-karte__liste" aria-label="Mitgliedskommunen"><ul>{knoepfe}</ul></nav>' if liste else ""
    )
    zeilen = "".join(
        f'<tr><th scope="row"><a href="{escape(url(k))}">{escape(k.title)}</a></th><td>{n}</td></tr>' for k, n in liste
    )
    alternative = (
        '<details class="sn-karte__alternative"><summary>Mitgliedskommunen als Tabelle</summary>'
        '<table><thead><tr><th scope="col">Kommune</th><th scope="col">Programmgebiete im Handbuch</th></tr></thead>'
        f"<tbody>{zeilen}</tbody></table></details>"
    )
    nachweis = (
        f'<figcaption class="sn-karte__nachweis">Mitgliedskommunen des Städtenetzes ({anzahl}), '
        "hervorgehoben und verlinkt. Kartengrundlage: "
        f'<a href="{geodaten.BKG_URL}">{escape(geodaten.BKG_NACHWEIS)}</a>, Lizenz: '
        f'<a href="{geodaten.LIZENZ_URL}">{escape(geodaten.LIZENZ)}</a></figcaption>'
    )
    return (
        f'<div class="sn-karte__bereich" data-pagefind-ignore><figure class="sn-karte">{svg}{nachweis}</figure>'
        f"{verzeichnis}</div>{alternative}"
    )


def ags_von(k: Eintrag) -> str:
    return k.daten.ags  # type: ignore[attr-defined]


def einsetzen(html: str, katalog: Katalog, pfad: str, url: Url, halten: Callable[[str], str] = lambda svg: svg) -> str:
    """Put the map where the page has ``<!-- karte -->``, or on top of the members' page.

    ``halten(svg)`` returns what goes into the page instead of the map itself: the glue holds
    the SVG back (``nachtrag``) until the page text has passed the sanitizer, which allows no
    SVG in content."""
    if MARKE in html:
        return html.replace(MARKE, halten(karte(katalog, url)), 1)
    if pfad == MITGLIEDERSEITE:
        return html + halten(karte(katalog, url))
    return html
