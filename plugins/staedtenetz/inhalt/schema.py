"""JSON Schema of the front matter, exported from the content model (``modell.py``).

The committed copy (``docs/schema/eintrag.schema.json``) serves editors (YAML language server)
and the submission form; a test keeps it identical to :func:`json_schema`. Regenerate with
``staedtenetz schema > docs/schema/eintrag.schema.json``.
"""

from __future__ import annotations

import functools
import json
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from staedtenetz.inhalt.modell import EintragsModell

#: What only the whole handbook (or the day of the check) can decide: `staedtenetz pruefen` and
#: the build check these on top of the schema; every other rule of the model is in the schema.
NUR_PRUEFEN = [
    "Verweise (kommune, programmgebiet, handlungsfelder, foerderprogramme) nennen die Kennung eines vorhandenen Eintrags des richtigen Typs, und das Programmgebiet gehört zur genannten Kommune.",
    "ags ist ein Gemeindeschlüssel, den es in NRW gibt (amtliche Geodaten), und passt zum Titel.",
    "Der Dateiname taugt als Kennung, ist eindeutig, endet auf .md und liegt im Ordner seines Typs.",
    "stand, einwilligung und geprueft liegen nicht in der Zukunft.",
    "Materialien und Bilder gibt es als Datei; Verweise im Text ([[kennung]], Links auf .md-Seiten) führen zu vorhandenen Seiten.",
    "Werte, die YAML 1.1 und YAML 1.2 verschieden lesen (yes/no/on/off, 05914000, 1_000, 1:30, 0x1F, 1e3), sowie 60.000, .inf und .nan sind Fehler; das Handbuch liest YAML 1.1 (wie MkDocs).",
]
BESCHREIBUNG = (
    "Front Matter einer typisierten Seite (Kommune, Programmgebiet, Praxisbeispiel …). Alle Regeln des "
    "Inhaltsmodells stehen in diesem Schema; nur diese prüft zusätzlich 'staedtenetz pruefen' (und der Bau): "
    + " ".join(f"({i}) {regel}" for i, regel in enumerate(NUR_PRUEFEN, 1))
)

SCHEMA_ID = "https://staedtenetz.invalid/schema/eintrag.schema.json"


def json_schema() -> dict[str, Any]:
    adapter = TypeAdapter(Annotated[EintragsModell, Field(discriminator="typ")])
    schema = adapter.json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Eintrag im Handbuch Städtenetz Soziale Stadt NRW",
        "description": BESCHREIBUNG,
        # Said at the top as well: with a discriminator, Ajv checks the oneOf only for objects.
        "type": "object",
        **schema,
    }


@functools.cache
def json_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"
