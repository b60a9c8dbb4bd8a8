"""The pull-request preview opened from disk (file://), as a reviewer opens the unzipped
artifact: ``mkdocs.vorschau.yml`` links pages as files, so every link opens a page (not a
folder listing), drafts are shown with their banner, and the submission form loads its data
from its own page instead of fetching it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, Handbuch

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def vorschau(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kopie = tmp_path_factory.mktemp("vorschau") / "repo"
    shutil.copytree(ROOT, kopie, ignore=shutil.ignore_patterns(".venv", "site", "site-intern", "vorschau", "__pycache__", "*.egg-info"))
    h = Handbuch(kopie)
    h.schreiben(
        "docs/leitfaeden/entwurf-vorschau.md",
        """\
        ---
        typ: leitfaden
        status: entwurf
        title: Entwurf für die Vorschau
        zusammenfassung: Ein Entwurf, den nur die Vorschau eines Pull Requests zeigt.
        ---
        # Entwurf für die Vorschau
        """,
    )
    r = h.run("mkdocs", "build", "--strict", "-f", "mkdocs.vorschau.yml")
    assert r.returncode == 0, r.ausgabe
    return kopie / "vorschau"


def test_links_oeffnen_seiten_und_formular_laedt(vorschau: Path, seite) -> None:
    seite.goto((vorschau / "index.html").as_uri())
    seite.get_by_role("link", name="Praxisbeispiele").first.click()
    seite.wait_for_load_state()
    assert seite.url.endswith("/praxisbeispiele/index.html")
    assert "Index of" not in seite.content()
    assert seite.locator("h1").first.inner_text().startswith("Praxisbeispiele")

    seite.goto((vorschau / "leitfaeden/entwurf-vorschau.html").as_uri())
    assert "Entwurf – nicht veröffentlicht" in seite.inner_text("body")

    seite.goto((vorschau / "beitragen/einreichen.html").as_uri())
    seite.wait_for_selector("#beitrag-typ", timeout=10_000)
    assert "konnte nicht geladen werden" not in seite.inner_text("#beitrag-formular")
    optionen = seite.locator("#beitrag-typ option").all_inner_texts()
    assert any("Praxisbeispiel" in o for o in optionen), optionen
