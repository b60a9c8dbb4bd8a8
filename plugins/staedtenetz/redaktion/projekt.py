"""Finding the handbook project (its mkdocs.yml and docs folder) without building it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mergedeep
import yaml


class ProjektFehler(Exception):
    """A problem with the project setup, with a German message for the command line."""


def _einstellungen(datei: Path, kette: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The settings of ``datei``, with ``INHERIT`` resolved as MkDocs does (deep merge)."""
    if datei.resolve() in kette:
        raise ProjektFehler(f"'{datei}' erbt (INHERIT) von sich selbst.")
    try:
        daten = yaml.load(datei.read_text(encoding="utf-8-sig"), _NachsichtigerLoader) or {}
    except OSError:
        raise ProjektFehler(f"Die Konfigurationsdatei '{datei}' lässt sich nicht lesen.") from None
    except yaml.YAMLError as e:
        raise ProjektFehler(f"'{datei}' ist kein gültiges YAML: {e}") from None
    eltern = daten.pop("INHERIT", None)
    if not eltern:
        return daten
    basis = _einstellungen(datei.parent / str(eltern), (*kette, datei.resolve()))
    return mergedeep.merge({}, basis, daten)


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
        einstellungen = _einstellungen(konfiguration)
        wurzel = konfiguration.resolve().parent
        docs_dir = (wurzel / einstellungen.get("docs_dir", "docs")).resolve()
        if not docs_dir.is_dir():
            raise ProjektFehler(f"Der Inhaltsordner '{docs_dir}' fehlt.")
        return cls(wurzel, konfiguration.resolve(), docs_dir, einstellungen)

    def plugin(self, name: str) -> dict[str, Any]:
        """The settings of plugin ``name`` in mkdocs.yml (``plugins`` as list or mapping); {} if
        it has none."""
        plugins = self.einstellungen.get("plugins")
        paare: list[tuple[Any, Any]] = []
        if isinstance(plugins, dict):
            paare = list(plugins.items())
        elif isinstance(plugins, list):
            for eintrag in plugins:
                paare.extend(eintrag.items() if isinstance(eintrag, dict) else [(eintrag, None)])
        for n, werte in paare:
            if n == name:
                return werte if isinstance(werte, dict) else {}
        return {}
