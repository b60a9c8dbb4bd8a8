"""Finding the handbook project (its mkdocs.yml and docs folder) without building it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class ProjektFehler(Exception):
    """A problem with the project setup, with a German message for the command line."""


class _NachsichtigerLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its ``!!python/name`` or ``!ENV`` tags."""


_NachsichtigerLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Projekt:
    wurzel: Path
    konfiguration: Path
    docs_dir: Path
    einstellungen: dict[str, Any]

    @classmethod
    def finden(cls, start: Path, konfiguration: Path | None = None) -> Projekt:
        if konfiguration is None:
            for ordner in [start.resolve(), *start.resolve().parents]:
                if (ordner / "mkdocs.yml").is_file():
                    konfiguration = ordner / "mkdocs.yml"
                    break
            else:
                raise ProjektFehler(
                    f"Keine mkdocs.yml in '{start}' oder darüber gefunden. Wechseln Sie in den Ordner "
                    "des Handbuchs oder geben Sie die Datei mit --konfiguration an."
                )
        if not konfiguration.is_file():
            raise ProjektFehler(f"Die Konfigurationsdatei '{konfiguration}' gibt es nicht.")
        try:
            einstellungen = yaml.load(konfiguration.read_text(encoding="utf-8-sig"), _NachsichtigerLoader) or {}
        except yaml.YAMLError as e:
            raise ProjektFehler(f"'{konfiguration}' ist kein gültiges YAML: {e}") from None
        wurzel = konfiguration.resolve().parent
        docs_dir = (wurzel / einstellungen.get("docs_dir", "docs")).resolve()
        if not docs_dir.is_dir():
            raise ProjektFehler(f"Der Inhaltsordner '{docs_dir}' fehlt.")
        return cls(wurzel, konfiguration.resolve(), docs_dir, einstellungen)
