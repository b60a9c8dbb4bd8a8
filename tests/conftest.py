"""Shared test helpers: real fixture handbooks in temporary git repositories.

``Handbuch`` copies ``tests/fixtures/basis`` (and the project's ``overrides/``) into a temporary
folder, adds files, commits them with scripted dates, and runs the real ``mkdocs build`` and
``staedtenetz`` commands as subprocesses, exactly as a user or CI would.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BIN = Path(sys.executable).parent

# Minimal valid entries of every type, related to each other. Test data, not handbook content.
BASIS_EINTRAEGE: dict[str, str] = {
    "kommunen/essen.md": """\
        ---
        typ: kommune
        title: Essen
        zusammenfassung: Testkommune mit einem Programmgebiet und einem Praxisbeispiel.
        ags: "05113000"
        stand: 2025-06-30
        ---
        # Essen
        """,
    "handlungsfelder/bildung.md": """\
        ---
        typ: handlungsfeld
        title: Bildung
        art: thematisch
        zusammenfassung: Testhandlungsfeld Bildung für die Fixture-Seite.
        ---
        # Bildung
        """,
    "foerderprogramme/sozialer-zusammenhalt.md": """\
        ---
        typ: foerderprogramm
        title: Sozialer Zusammenhalt
        zusammenfassung: Testförderprogramm der Städtebauförderung für die Fixture-Seite.
        foerdergeber: [Bund, Land]
        foerdergegenstand: Städtebauliche Gesamtmaßnahmen in Programmgebieten.
        programmstatus: laufend
        stand: 2025-11-18
        quellen:
          - titel: Quelle
            url: https://www.staedtebaufoerderung.nrw
        ---
        # Sozialer Zusammenhalt
        """,
    "programmgebiete/essen-testviertel.md": """\
        ---
        typ: programmgebiet
        title: Essen Testviertel
        zusammenfassung: Erfundenes Programmgebiet der Fixture-Seite zum Testen.
        kommune: essen
        zustand: laufend
        ---
        # Essen Testviertel
        """,
    "praxisbeispiele/lernwerkstatt.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        title: Lernwerkstatt
        zusammenfassung: Erfundenes Praxisbeispiel der Fixture-Seite zum Testen.
        kommune: essen
        programmgebiet: essen-testviertel
        handlungsfelder: [bildung]
        foerderprogramme: [sozialer-zusammenhalt]
        laufzeit:
          von: 2020
          bis: 2022
        ---
        # Lernwerkstatt
        """,
    "vorlagen/isek.md": """\
        ---
        typ: vorlage
        title: ISEK-Gliederung
        zusammenfassung: Testvorlage mit einer Gliederung für die Fixture-Seite.
        handlungsfelder: [bildung]
        ---
        # ISEK-Gliederung
        """,
    "leitfaeden/verstetigung.md": """\
        ---
        typ: leitfaden
        title: Verstetigung
        zusammenfassung: Testleitfaden zur Verstetigung für die Fixture-Seite.
        foerderprogramme: [sozialer-zusammenhalt]
        ---
        # Verstetigung
        """,
}


def basis_eintraege() -> dict[str, str]:
    return {pfad: textwrap.dedent(text) for pfad, text in BASIS_EINTRAEGE.items()}


@dataclass
class Ergebnis:
    returncode: int
    stdout: str
    stderr: str

    @property
    def ausgabe(self) -> str:
        return self.stdout + self.stderr


def _umgebung() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("GIT_CONFIG_NOSYSTEM", "1")
    return env


class Handbuch:
    """A fixture handbook project in ``pfad``."""

    def __init__(self, pfad: Path) -> None:
        self.pfad = pfad

    @classmethod
    def anlegen(cls, ziel: Path, dateien: dict[str, str | bytes] | None = None, *, basis: bool = True) -> Handbuch:
        shutil.copytree(FIXTURES / "basis", ziel, dirs_exist_ok=True)
        shutil.copytree(ROOT / "overrides", ziel / "overrides", dirs_exist_ok=True)
        h = cls(ziel)
        for pfad, text in ({**basis_eintraege()} if basis else {}).items():
            h.schreiben(f"docs/{pfad}", text)
        for pfad, inhalt in (dateien or {}).items():
            h.schreiben(pfad, inhalt)
        return h

    @property
    def docs(self) -> Path:
        return self.pfad / "docs"

    @property
    def site(self) -> Path:
        return self.pfad / "site"

    def schreiben(self, rel: str, inhalt: str | bytes) -> Path:
        datei = self.pfad / rel
        datei.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(inhalt, bytes):
            datei.write_bytes(inhalt)
        else:
            datei.write_text(textwrap.dedent(inhalt), encoding="utf-8")
        return datei

    def git(self, *args: str, datum: str | None = None) -> str:
        env = _umgebung()
        if datum:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = datum
        r = subprocess.run(["git", *args], cwd=self.pfad, env=env, capture_output=True, text=True, check=True)
        return r.stdout

    def git_init(self) -> Handbuch:
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "test@staedtenetz.invalid")
        self.git("config", "user.name", "Test")
        return self

    def commit(self, nachricht: str, datum: str, *pfade: str) -> None:
        """Commit ``pfade`` (default: everything) with author and committer date ``datum``."""
        self.git("add", *(pfade or ["-A"]))
        self.git("commit", "-q", "-m", nachricht, datum=datum)

    def run(self, *befehl: str, cwd: Path | None = None) -> Ergebnis:
        programm = str(BIN / befehl[0]) if (BIN / befehl[0]).exists() else befehl[0]
        r = subprocess.run(
            [programm, *befehl[1:]],
            cwd=cwd or self.pfad,
            env=_umgebung(),
            capture_output=True,
            text=True,
            timeout=600,
        )
        return Ergebnis(r.returncode, r.stdout, r.stderr)

    def bauen(self, *args: str, strict: bool = True, konfiguration: str = "mkdocs.yml") -> Ergebnis:
        return self.run("mkdocs", "build", "-f", konfiguration, *(["--strict"] if strict else []), *args)

    def pruefen(self, *args: str) -> Ergebnis:
        return self.run("staedtenetz", "pruefen", *args)

    def html(self, rel: str):
        from bs4 import BeautifulSoup

        return BeautifulSoup((self.site / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def handbuch(tmp_path: Path) -> Handbuch:
    """A valid fixture handbook with one entry of each type, committed on 2024-01-15."""
    h = Handbuch.anlegen(tmp_path / "handbuch").git_init()
    h.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    return h


# -- browser tests -------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright. Skips without Chromium, unless
    STAEDTENETZ_BROWSER_PFLICHT=1 (CI), where a missing browser is a failure."""
    pflicht = os.environ.get("STAEDTENETZ_BROWSER_PFLICHT") == "1"
    if not Path(CHROMIUM).exists():
        if pflicht:
            pytest.fail("Chromium fehlt (Debian-Paket 'chromium'), Browser-Tests sind hier Pflicht.")
        pytest.skip("Chromium fehlt (apt-get install chromium) – Browser-Tests übersprungen.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def seite(browser):
    """A fresh browser page (German locale) per test. The site's Content-Security-Policy forbids
    eval, which Playwright's string predicates (wait_for_function) use, so these pages bypass it;
    the policy itself is tested without bypass in tests/plugins/test_csp_browser.py."""
    kontext = browser.new_context(locale="de-DE", bypass_csp=True)
    p = kontext.new_page()
    yield p
    # Leave the site first, with a time limit: closing a context whose page is still loading
    # (a live-reload request held open by `mkdocs serve`, a reload it triggered) once hung in
    # Playwright for the whole test timeout.
    from playwright.sync_api import Error as PlaywrightFehler

    for offen in kontext.pages:
        try:
            offen.goto("about:blank", timeout=10_000)
        except PlaywrightFehler:  # closing is what matters; the test's own result stands
            pass
    kontext.close()


class Webserver:
    """Serves a built site on 127.0.0.1 (a free port) from a background thread."""

    def __init__(self, wurzel: Path) -> None:
        handler = functools.partial(_LeiserHandler, directory=str(wurzel))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class _LeiserHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture
def webserver():
    """``webserver(pfad)`` serves ``pfad`` and returns its base URL; stopped after the test."""
    server: list[Webserver] = []

    def starten(wurzel: Path) -> str:
        s = Webserver(wurzel)
        server.append(s)
        return s.url

    yield starten
    for s in server:
        s.stop()


def suchindex(site: Path) -> dict[str, dict]:
    """The pages in the Pagefind index of a built site: URL -> its record (text, filters, meta),
    as the browser receives them (gzip files with a ``pagefind_dcd`` prefix)."""
    import gzip
    import json

    seiten: dict[str, dict] = {}
    for datei in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        daten = gzip.decompress(datei.read_bytes())
        assert daten.startswith(b"pagefind_dcd"), datei
        eintrag = json.loads(daten[len(b"pagefind_dcd") :])
        seiten[eintrag["url"]] = eintrag
    return seiten


# -- the submission form --------------------------------------------------------------------

#: The repository the fixture's form points to (a GitHub new-file page is faked by the tests).
FORMULAR_REPO = "https://github.com/beispiel-organisation/testhandbuch"


@pytest.fixture
def formular_seite(tmp_path, seite, webserver):
    """The real form page of docs/ built in a fixture handbook and opened in Chromium, with
    the repository host faked; fails the test on any script error of the page."""
    h = Handbuch.anlegen(tmp_path / "hb").git_init()
    h.schreiben("docs/beitragen/einreichen.md", (ROOT / "docs/beitragen/einreichen.md").read_text(encoding="utf-8"))
    konfig = h.pfad / "mkdocs.yml"
    konfig.write_text(f"repo_url: {FORMULAR_REPO}\nedit_uri: edit/main/docs/\n" + konfig.read_text(encoding="utf-8"), encoding="utf-8")
    h.commit("Grundstock", "2026-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    basis = webserver(h.site)
    fehler: list[str] = []
    seite.on("pageerror", lambda e: fehler.append(str(e)))
    seite.context.route("https://github.com/**", lambda route: route.fulfill(body="<p>GitHub (Attrappe)</p>", content_type="text/html"))
    seite.goto(basis + "beitragen/einreichen/")
    seite.wait_for_selector("#beitrag-typ")
    yield h, seite, basis
    assert fehler == []
