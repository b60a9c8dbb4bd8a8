"""The plugins' own CSS and JavaScript (folder ``assets/``), served by the site itself."""

from __future__ import annotations

from importlib.resources import files as paketdateien
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

ZIEL = "assets/staedtenetz"


def _ordner() -> Path:
    return Path(str(paketdateien("staedtenetz.ansichten") / "assets"))


def namen() -> list[str]:
    return sorted(p.name for p in _ordner().iterdir() if p.suffix in (".css", ".js", ".svg", ".json"))


#: Third-party code with its licence (``assets/vendor/``): served, but loaded only by the
#: scripts that need it, not on every page.
VENDOR = "vendor"


def vendor_namen() -> list[str]:
    ordner = _ordner() / VENDOR
    return sorted(p.name for p in ordner.iterdir() if p.name.endswith((".min.js", ".LICENSE.txt"))) if ordner.is_dir() else []


def dateien(config: Any) -> list[File]:
    """The assets as MkDocs files, to be added in ``on_files``."""
    return [
        File.generated(config, f"{ZIEL}/{name}", abs_src_path=str(_ordner() / name))
        for name in namen()
    ] + [
        File.generated(config, f"{ZIEL}/{VENDOR}/{name}", abs_src_path=str(_ordner() / VENDOR / name))
        for name in vendor_namen()
    ]
