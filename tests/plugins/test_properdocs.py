"""Portability: ProperDocs (the continuation of MkDocs 1.x) builds the handbook as MkDocs does.

The repository itself and a fixture handbook are built with both generators, strictly, and every
output file is compared – apart from the generator's name in ``<meta name="generator">`` and
the build time in ``katalog.json`` and ``feed.xml``. Both results also pass
``staedtenetz website-pruefen``.
"""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from conftest import BIN, ROOT, Handbuch

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
_ZEIT = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")


def _normalisiert(rel: str, daten: bytes) -> bytes:
    if rel.endswith(".gz"):
        daten = gzip.decompress(daten)
    if rel.endswith(".html"):
        daten = _GENERATOR.sub(b"<meta generator>", daten)
    if rel in ("katalog.json", "feed.xml"):
        daten = _ZEIT.sub(b"ZEIT", daten)
    return daten


def _vergleichen(a: Path, b: Path) -> list[str]:
    dateien_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    dateien_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    unterschiede = [f"nur ProperDocs: {x}" for x in sorted(dateien_a - dateien_b)]
    unterschiede += [f"nur MkDocs: {x}" for x in sorted(dateien_b - dateien_a)]
    for rel in sorted(dateien_a & dateien_b):
        if _normalisiert(rel, (a / rel).read_bytes()) != _normalisiert(rel, (b / rel).read_bytes()):
            unterschiede.append(f"verschieden: {rel}")
    return unterschiede


def _beide_bauen(h: Handbuch, ziel: Path, konfiguration: str = "mkdocs.yml") -> tuple[Path, Path]:
    if not (BIN / "properdocs").exists():
        pytest.fail("ProperDocs fehlt in der Umgebung (requirements.lock: properdocs).")
    mk, pd = ziel / "mkdocs", ziel / "properdocs"
    for programm, ordner in (("mkdocs", mk), ("properdocs", pd)):
        r = h.run(programm, "build", "--strict", "-f", konfiguration, "-d", str(ordner))
        assert r.returncode == 0, f"{programm}:\n{r.ausgabe}"
        assert "ERROR" not in r.stderr and "WARNING" not in r.stderr, r.stderr
    return pd, mk


def test_fixture_handbuch_gleich(handbuch: Handbuch, tmp_path: Path) -> None:
    handbuch.schreiben("docs/praxisbeispiele/index.md", "# Praxisbeispiele\n")
    handbuch.commit("Übersicht", "2024-02-01T10:00:00+01:00")
    pd, mk = _beide_bauen(handbuch, tmp_path)
    assert (pd / "katalog.json").is_file() and (pd / "praxisbeispiele/lernwerkstatt/index.html").is_file()
    assert _vergleichen(pd, mk) == []
    r = handbuch.run("staedtenetz", "website-pruefen", str(pd))
    assert r.returncode == 0, r.ausgabe


def test_repository_gleich(tmp_path: Path) -> None:
    """The handbook itself (its git history included, for the revision dates)."""
    kopie = tmp_path / "repo"
    shutil.copytree(
        ROOT,
        kopie,
        ignore=shutil.ignore_patterns(".venv", "site", "site-intern", "__pycache__", "*.egg-info", ".pytest_cache"),
        symlinks=True,
    )
    h = Handbuch(kopie)
    pd, mk = _beide_bauen(h, tmp_path)
    assert _vergleichen(pd, mk) == []
    for ordner in (pd, mk):
        r = h.run("staedtenetz", "website-pruefen", str(ordner))
        assert r.returncode == 0, r.ausgabe
