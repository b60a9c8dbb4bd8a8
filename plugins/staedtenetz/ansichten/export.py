"""Open data: ``katalog.json``, every entry of this edition with its fields and relations.

A documented, versioned format (documentation: ``docs/daten/index.md``; JSON Schema:
:data:`SCHEMA`, published as ``katalog.schema.json``). ``version`` is raised whenever a
change could break a reader (a field removed, renamed or changing its meaning); new fields
may be added within a version.

Built from the catalogue only, in one pass over the entries.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from staedtenetz.pruefung import materialien
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.ansichten.kontext import Ansichtskontext

FORMAT = "staedtenetz-katalog"
VERSION = 1
PFAD = "katalog.json"
SCHEMA_PFAD = "katalog.schema.json"

#: Front-matter keys not repeated under "felder": they have their own keys, or are MkDocs settings.
_NICHT_IN_FELDERN = {"typ", "title", "zusammenfassung", "status", "hide", "search", "materialien"}


def erzeugt_am() -> dt.datetime:
    """Build time (UTC); honours SOURCE_DATE_EPOCH for reproducible builds."""
    epoche = os.environ.get("SOURCE_DATE_EPOCH")
    if epoche and epoche.isdigit():
        return dt.datetime.fromtimestamp(int(epoche), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def absolut(url: str, site_url: str | None) -> str:
    """``url`` (site-relative) as an absolute URL when ``site_url`` is set, else unchanged."""
    if not site_url:
        return url
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


def daten(
    kontext: Ansichtskontext,
    *,
    site_url: str | None,
    ausgabe: str,
    erzeugt: dt.datetime,
    docs_dir: Path | None = None,
) -> dict[str, Any]:
    k = kontext.katalog
    ausgehend: dict[str, list[dict[str, str]]] = {}
    for v in k.verweise:
        ausgehend.setdefault(v.von, []).append({"feld": v.feld, "ziel": v.nach})
    reihenfolge = {typ: i for i, typ in enumerate(TYP_BEZEICHNUNG)}
    eintraege = []
    for e in sorted(k.eintraege.values(), key=lambda e: (reihenfolge[e.typ], e.slug)):
        url = kontext.urls.get(e.slug)
        if url is None:
            continue
        geaendert = kontext.geaendert.get(e.slug)
        erstmals = kontext.erstmals.get(e.slug)
        eintraege.append(
            {
                "slug": e.slug,
                "typ": e.typ,
                "title": e.title,
                "zusammenfassung": e.daten.zusammenfassung,
                "url": absolut(url, site_url),
                "status": e.daten.status,
                "geaendert": geaendert.isoformat() if geaendert else None,
                "erstmals": erstmals.isoformat() if erstmals else None,
                "felder": e.daten.model_dump(mode="json", exclude=_NICHT_IN_FELDERN, exclude_none=True),
                # Files of this edition only (internal materials stay out of the public one), with SHA-256.
                "materialien": [
                    {**m, "datei": absolut(m["datei"], site_url)}
                    for m in (materialien.beschreibung(e, docs_dir, intern=ausgabe == "intern") if docs_dir else [])
                ],
                "verweise": ausgehend.get(e.slug, []),
                "erwaehnt_in": sorted({s.eintrag.slug for s in kontext.erwaehnt.get(e.slug, ()) if s.eintrag is not None}),
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "erzeugt": erzeugt.isoformat().replace("+00:00", "Z"),
        "ausgabe": ausgabe,
        "schema": absolut(SCHEMA_PFAD, site_url),
        "typen": {typ: {"einzahl": b[0], "mehrzahl": b[1]} for typ, b in TYP_BEZEICHNUNG.items()},
        "anzahl": len(eintraege),
        "eintraege": eintraege,
    }


def json_text(d: dict[str, Any]) -> str:
    # Compact: json's C encoder only runs without indent (several times faster at 5,000 entries).
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


_DATUM = {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

#: Sources with their own date and the date they were last checked against (absent: never).
_QUELLEN: dict[str, Any] = {
    "type": "array",
    "description": "Quellen des Eintrags; 'geprueft' fehlt, solange die Angaben nicht live mit der Quelle verglichen wurden",
    "items": {
        "type": "object",
        "required": ["titel", "url"],
        "properties": {
            "titel": {"type": "string"},
            "url": {"type": "string"},
            "stand": {"type": "string", "description": "Stand, den die Quelle selbst nennt: Datum JJJJ-MM-TT oder Text wie 'undatiert'"},
            "geprueft": {**_DATUM, "type": "string", "description": "Tag der letzten Prüfung gegen die Quelle"},
        },
    },
}

#: JSON Schema (draft 2020-12) of katalog.json, version 1.
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "katalog.schema.json",
    "title": "Katalog des Handbuchs Städtenetz Soziale Stadt NRW",
    "description": "Alle Einträge einer Ausgabe des Handbuchs mit ihren Feldern und Beziehungen. Beschreibung: daten/index.md",
    "type": "object",
    "required": ["format", "version", "erzeugt", "ausgabe", "schema", "typen", "anzahl", "eintraege"],
    "additionalProperties": True,
    "properties": {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "erzeugt": {"type": "string", "format": "date-time"},
        "ausgabe": {"enum": ["oeffentlich", "intern"]},
        "schema": {"type": "string"},
        "typen": {
            "type": "object",
            "propertyNames": {"enum": list(TYP_BEZEICHNUNG)},
            "additionalProperties": {
                "type": "object",
                "required": ["einzahl", "mehrzahl"],
                "properties": {"einzahl": {"type": "string"}, "mehrzahl": {"type": "string"}},
            },
        },
        "anzahl": {"type": "integer", "minimum": 0},
        "eintraege": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "slug", "typ", "title", "zusammenfassung", "url", "status",
                    "geaendert", "erstmals", "felder", "verweise", "erwaehnt_in",
                ],
                "additionalProperties": True,
                "properties": {
                    "slug": {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"},
                    "typ": {"enum": list(TYP_BEZEICHNUNG)},
                    "title": {"type": "string", "minLength": 1},
                    "zusammenfassung": {"type": "string", "minLength": 1},
                    "url": {"type": "string"},
                    "status": {"enum": ["veroeffentlicht", "archiviert", "entwurf", "in-pruefung"]},
                    "geaendert": _DATUM,
                    "erstmals": _DATUM,
                    "felder": {
                        "type": "object",
                        "description": "Die übrigen Felder der Front Matter, siehe schema/eintrag.schema.json",
                        "properties": {"quellen": _QUELLEN},
                    },
                    "verweise": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["feld", "ziel"],
                            "properties": {"feld": {"type": "string"}, "ziel": {"type": "string"}},
                        },
                    },
                    "erwaehnt_in": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
                    "materialien": {
                        "type": "array",
                        "description": "Dateien zum Download (nur die dieser Ausgabe) mit SHA-256-Prüfsumme",
                        "items": {
                            "type": "object",
                            "required": ["titel", "datei", "format", "mime", "bytes", "sha256", "lizenz"],
                            "properties": {
                                "titel": {"type": "string"},
                                "datei": {"type": "string"},
                                "format": {"type": "string"},
                                "mime": {"type": "string"},
                                "bytes": {"type": "integer", "minimum": 0},
                                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                                "lizenz": {"type": "string"},
                                "beschreibung": {"type": "string"},
                                "sichtbarkeit": {"const": "intern"},
                            },
                        },
                    },
                },
            },
        },
    },
}


def schema_text() -> str:
    return json.dumps(SCHEMA, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
