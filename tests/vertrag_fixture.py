"""The corpus of front-matter variants of the contract tests (tests/pruefung/golden/vertrag.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG

KORPUS = Path(__file__).parent / "pruefung" / "golden" / "vertrag.yaml"
#: Why a case is left out of the differential test (rules no JSON Schema validator can know).
NUR_PRUEFEN = {
    "katalog": "braucht das ganze Handbuch (Verweise, AGS, Dateinamen, Ordner)",
    "zeit": "braucht das heutige Datum",
    "lesart": "hängt am YAML-Text, nicht am gelesenen Wert",
    "datei": "betrifft die Datei, nicht die Front Matter",
    "text": "betrifft den Seitentext (die Überschrift)",
}


@dataclass(frozen=True)
class Fall:
    id: str
    pfad: str  # relative to docs/
    text: str  # the whole file
    frontmatter: str | None  # the YAML between the '---' lines (None for `roh` cases)
    erwartet: list[str] = field(default_factory=list)
    nur_pruefen: str | None = None

    @property
    def gueltig(self) -> bool:
        return not any(": fehler: " in e for e in self.erwartet)


def faelle() -> list[Fall]:
    daten = yaml.safe_load(KORPUS.read_text(encoding="utf-8"))
    vorlagen: dict[str, str] = daten["vorlagen"]
    ergebnis = []
    for f in daten["faelle"]:
        if "roh" in f:
            fm, text = None, f["roh"]
        elif "frontmatter" in f:
            fm = f["frontmatter"]
            text = f"---\n{fm}---\n\nInhalt der Seite.\n"
        else:
            fm = vorlagen[f["vorlage"]]
            for alt, neu in f.get("ersetzen", []):
                assert alt in fm, (f["id"], alt)
                fm = fm.replace(alt, neu, 1)
            fm += f.get("dazu", "")
            text = f"---\n{fm}---\n\nInhalt der Seite.\n"
        typ = f.get("vorlage")
        pfad = f.get("datei") or f"{TYP_BEZEICHNUNG[typ][2]}/{f['id']}.md"
        assert f.get("nur_pruefen") in (None, *NUR_PRUEFEN), f["id"]
        ergebnis.append(Fall(f["id"], pfad, text, fm, list(f["erwartet"]), f.get("nur_pruefen")))
    assert len({f.id for f in ergebnis}) == len(ergebnis), "ids must be unique"
    return ergebnis
