"""The plugins' own CSS and JavaScript (folder ``assets/``), served by the site itself.

Top-level ``.css``/``.js`` files are included on every page. Vendored libraries live under
``assets/vendor/<name>/`` with their licence; they are copied as they are and loaded only by the
script that needs them (e.g. fflate by the submission form)."""

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


def vendor_namen() -> list[str]:
    """Paths (relative to ``assets/``) of the vendored libraries' files, licences included."""
    ordner = _ordner() / "vendor"
    if not ordner.is_dir():
        return []
    return sorted(p.relative_to(_ordner()).as_posix() for p in ordner.rglob("*") if p.is_file())


def dateien(config: Any) -> list[File]:
    """The assets as MkDocs files, to be added in ``on_files``."""
    return [
        File.generated(config, f"{ZIEL}/{name}", abs_src_path=str(_ordner() / name))
        for name in [*namen(), *vendor_namen()]
    ]
