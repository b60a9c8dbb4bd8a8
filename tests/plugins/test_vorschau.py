"""The live preview (`mkdocs serve --livereload`, as `make vorschau` starts it)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest

from conftest import BIN, Handbuch, _umgebung


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _holen(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def _warten_bis(bedingung, sekunden: float = 60) -> None:
    ende = time.monotonic() + sekunden
    while time.monotonic() < ende:
        try:
            if bedingung():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("Zeitüberschreitung")


def _ueberschrift(seite) -> str | None:
    try:
        return seite.locator("h1").first.inner_text(timeout=2_000)
    except Exception:  # the page is reloading right now
        return None


@pytest.fixture
def vorschau(handbuch: Handbuch) -> Iterator[tuple[Handbuch, str]]:
    handbuch.schreiben(
        "docs/leitfaeden/entwurf.md",
        "---\ntyp: leitfaden\nstatus: entwurf\ntitle: Entwurf\n"
        "zusammenfassung: Ein Entwurf, der nur in der Vorschau erscheint.\n---\n# Entwurf\n\nENTWURFSTEXT\n",
    )
    handbuch.schreiben(
        "docs/leitfaeden/kaputt.md",
        "---\ntyp: leitfaden\ntitle: Kaputt\nzusammenfassung: Ein Leitfaden mit einem Verweisfehler.\n"
        "handlungsfelder: [bildng]\n---\n# Kaputt\n",
    )
    port = _freier_port()
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=handbuch.pfad,
        env=_umgebung(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _warten_bis(lambda: "Testhandbuch" in _holen(url))
        yield handbuch, url
    finally:
        proc.terminate()
        ausgabe = proc.communicate(timeout=20)[0]
        assert "Traceback" not in ausgabe, ausgabe


def test_vorschau_zeigt_entwuerfe_und_fehler_statt_abzustuerzen(vorschau) -> None:
    _, url = vorschau
    assert "ENTWURFSTEXT" in _holen(url + "leitfaeden/entwurf/")
    kaputt = _holen(url + "leitfaeden/kaputt/")
    assert "Diese Seite hat Probleme" in kaputt
    assert "Zeile 5, fehler: &#x27;handlungsfelder&#x27; verweist auf &#x27;bildng&#x27;" in kaputt or (
        "Zeile 5, fehler: 'handlungsfelder, 1. Eintrag' verweist auf 'bildng'" in kaputt
    )


def test_vorschau_laedt_beim_speichern_neu(seite, vorschau) -> None:
    # seite before vorschau: the server stops first at teardown, then the browser page closes
    # (no request of the page can still be waiting for the server then).
    handbuch, url = vorschau
    seite.goto(url + "kommunen/essen/")
    assert seite.locator("h1").first.inner_text() == "Essen"
    datei = handbuch.docs / "kommunen/essen.md"
    datei.write_text(datei.read_text(encoding="utf-8").replace("# Essen", "# Essen neu gespeichert"), encoding="utf-8")
    # No reload by the test: the page must reload itself through livereload. Polled from Python
    # in short steps, as in test_vorschau_inkrementell.py: one long wait_for_function across the
    # reload that the live-reload script triggers could hang in Playwright under load.
    _warten_bis(lambda: "neu gespeichert" in (_ueberschrift(seite) or ""), 60)


def test_vorschau_hat_eine_suche_ohne_entwuerfe(vorschau) -> None:
    """The preview indexes after each build (in the background, so the reload does not wait)."""
    _, url = vorschau
    _warten_bis(lambda: '"languages"' in _holen(url + "pagefind/pagefind-entry.json"))
    assert 'data-pagefind-body' in _holen(url + "leitfaeden/verstetigung/")
    assert 'data-pagefind-body' not in _holen(url + "leitfaeden/entwurf/")  # shown, but never searchable
