"""JSON Schema of the front matter, exported from the content model (``modell.py``).

The committed copy (``docs/schema/eintrag.schema.json``) serves editors (YAML language server)
and the submission form; a test keeps it identical to :func:`json_schema`. Regenerate with
``staedtenetz schema > docs/schema/eintrag.schema.json``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from staedtenetz.inhalt.modell import EintragsModell

SCHEMA_ID = "https://staedtenetz.invalid/schema/eintrag.schema.json"


def json_schema() -> dict[str, Any]:
    adapter = TypeAdapter(Annotated[EintragsModell, Field(discriminator="typ")])
    schema = adapter.json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Eintrag im Handbuch Städtenetz Soziale Stadt NRW",
        "description": "Front Matter einer typisierten Seite (Kommune, Programmgebiet, Praxisbeispiel …).",
        **schema,
    }


def json_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
