"""WCAG 2.1 A/AA checks with axe-core in real headless Chromium.

axe-core comes bundled with the Python package ``axe-playwright-python`` (``axe.min.js``, injected
into the page with ``page.evaluate``), so the check makes no network request; the tests assert
that the page under test requested nothing from another host either.

Checked: the catalogue page, an entry page, a Kommune page, the members' page and the start page
of the fixture handbook, and the same kinds of page of the repository's own handbook built into a
temporary folder.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from listen_fixture import listen_handbuch

from conftest import BIN, ROOT, Handbuch, _umgebung

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _pruefen(seite, url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    fremde: list[str] = []
    seite.on("request", lambda r: fremde.append(r.url) if not r.url.startswith(url.split("/", 3)[0] + "//" + url.split("/", 3)[2]) else None)
    seite.goto(url)
    seite.wait_for_load_state("load")
    # A listing with a filter in its address fetches its data file and redraws the results
    # (aria-busy until then): axe checks the filtered view, not the page while it changes.
    seite.locator(".sn-liste[aria-busy]").wait_for(state="detached")
    ergebnis = Axe().run(seite, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    verstoesse = ergebnis.response["violations"]
    bericht = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in verstoesse
    )
    assert not verstoesse, f"{url}:\n{bericht}"
    assert not fremde, fremde


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    return listen_handbuch(tmp_path_factory.mktemp("axe") / "handbuch")


@pytest.mark.parametrize(
    "pfad",
    ["praxisbeispiele/", "praxisbeispiele/sprachcafe/", "kommunen/essen/", "kommunen/", ""],
    ids=["katalog", "eintrag", "kommune", "mitglieder", "start"],
)
def test_fixture_seiten_ohne_wcag_verstoesse(seite, webserver, fixture_site: Handbuch, pfad: str) -> None:
    _pruefen(seite, webserver(fixture_site.site) + pfad)


def test_gefilterte_liste_ohne_wcag_verstoesse(seite, webserver, fixture_site: Handbuch) -> None:
    # With the form shown and cards hidden, as a visitor sees it after filtering.
    _pruefen(seite, webserver(fixture_site.site) + "praxisbeispiele/?handlungsfeld=bildung&verknuepfung=eins&text=a")


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own handbook, built into a temporary folder."""
    ziel = tmp_path_factory.mktemp("repo-site") / "site"
    r = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-d", str(ziel)],
        cwd=ROOT,
        env=_umgebung(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return ziel


def _erster_link(site: Path, seite: str, auswahl: str) -> str:
    from bs4 import BeautifulSoup

    s = BeautifulSoup((site / seite / "index.html").read_text(encoding="utf-8"), "html.parser")
    a = s.select_one(auswahl)
    assert a is not None, f"{seite}: kein {auswahl}"
    return urljoin("/" + seite, a["href"]).lstrip("/")


@pytest.mark.parametrize("art", ["katalog", "eintrag", "kommune", "start"])
def test_handbuch_seiten_ohne_wcag_verstoesse(seite, webserver, repo_site: Path, art: str) -> None:
    pfad = {
        "katalog": lambda: "praxisbeispiele/",
        "eintrag": lambda: _erster_link(repo_site, "praxisbeispiele", ".sn-karte h3 a"),
        "kommune": lambda: _erster_link(repo_site, "kommunen", ".sn-tabelle tbody a"),
        "start": lambda: "",
    }[art]()
    _pruefen(seite, webserver(repo_site) + pfad)
