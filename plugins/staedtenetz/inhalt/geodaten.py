"""The official NRW geodata shipped with the package (BKG VG5000, dl-de/by-2-0).

Used to check a Kommune's AGS and, by the map, to draw NRW. Loaded lazily and once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

#: The credit the licence requires wherever the data is shown.
BKG_NACHWEIS = "© GeoBasis-DE / BKG 2021 (Daten verändert)"
BKG_URL = "https://www.bkg.bund.de"
LIZENZ = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
LIZENZ_URL = "https://www.govdata.de/dl-de/by-2-0"


@dataclass(frozen=True)
class Gemeinde:
    ags: str
    name: str
    art: str  # BEZ: Stadt, Gemeinde, Kreisfreie Stadt …
    punkt: tuple[float, float]  # (longitude, latitude)


def ebene(name: str) -> dict[str, Any]:
    """One GeoJSON layer: 'land', 'regierungsbezirke', 'kreise' or 'gemeinden'."""
    return _laden(name)


@cache
def _laden(name: str) -> dict[str, Any]:
    pfad = files("staedtenetz.inhalt") / "daten" / f"nrw-{name}.geo.json"
    return json.loads(pfad.read_text(encoding="utf-8"))


@cache
def gemeinden() -> dict[str, Gemeinde]:
    """AGS -> Gemeinde for all 396 municipalities of NRW."""
    return {
        f["properties"]["AGS"]: Gemeinde(
            ags=f["properties"]["AGS"],
            name=f["properties"]["GEN"],
            art=f["properties"]["BEZ"],
            punkt=tuple(f["properties"]["punkt"]),
        )
        for f in _laden("gemeinden")["features"]
    }
