"""The live preview with ``--dirty`` (as `make vorschau` starts it): one edit renders only the
pages whose inputs changed, and listings, backlinks, collections and similar entries on the
other pages still show the edit – in a real `mkdocs serve` and a real browser."""

from __future__ import annotations

import json
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest
from listen_fixture import DATEIEN

from conftest import BIN, Handbuch, _umgebung
from test_vorschau import _freier_port, _holen, _warten_bis


@pytest.fixture
def vorschau(tmp_path) -> Iterator[tuple[Handbuch, str, list[str]]]:
    h = Handbuch.anlegen(tmp_path / "handbuch", DATEIEN).git_init()
    h.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    port = _freier_port()
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=h.pfad,
        env=_umgebung(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    zeilen: list[str] = []

    def mitlesen() -> None:
        assert proc.stdout is not None
        for zeile in proc.stdout:
            zeilen.append(zeile)

    import threading

    threading.Thread(target=mitlesen, daemon=True).start()
    url = f"http://127.0.0.1:{port}/"
    try:
        _warten_bis(lambda: "Testhandbuch" in _holen(url), 120)
        yield h, url, zeilen
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        ausgabe = "".join(zeilen)
        assert "Traceback" not in ausgabe, ausgabe
        assert "A 'dirty' build is being performed" not in ausgabe  # we keep pages correct


def _ohne_epoche(html: str) -> str:
    """The page without the build counter that the live-reload script gets on every request."""
    return re.sub(r"livereload\(\d+, \d+\)", "", html)


def _gebaut(zeilen: list[str], nach: int) -> tuple[int, int]:
    """(rendered, all) from the plugin's log line of the first rebuild after line ``nach``."""
    for zeile in zeilen[nach:]:
        m = re.search(r"Vorschau: (\d+) von (\d+) Seiten neu gebaut", zeile)
        if m:
            return int(m.group(1)), int(m.group(2))
    raise AssertionError("".join(zeilen))


def _ueberschrift(seite) -> str | None:
    try:
        return seite.locator("article h1").inner_text(timeout=2_000)
    except Exception:  # the page is reloading right now
        return None


def test_eine_aenderung_baut_die_betroffenen_seiten_neu(seite, vorschau) -> None:
    # seite before vorschau: the server stops first at teardown, then the browser page closes
    # (no request of the page can still be waiting for the server then).
    h, url, zeilen = vorschau
    assert _gebaut(zeilen, 0)[0] == _gebaut(zeilen, 0)[1]  # the first build renders everything
    seite.goto(url + "praxisbeispiele/sprachcafe/")
    assert seite.locator("article h1").inner_text() == "Sprachcafé"
    unbeteiligt = _ohne_epoche(_holen(url + "kommunen/gelsenkirchen/"))

    vorher = len(zeilen)
    datei = h.docs / "praxisbeispiele/sprachcafe.md"
    text = datei.read_text(encoding="utf-8")
    datei.write_text(text.replace("title: Sprachcafé", "title: Sprachcafé am Hafen").replace("# Sprachcafé", "# Sprachcafé am Hafen"), encoding="utf-8")
    # No reload by the test: the page reloads itself through livereload, with the change.
    # Polled from Python in short steps: a long wait_for_function across the reload the
    # live-reload script triggers could hang in Playwright (seen once under full-suite load).
    _warten_bis(lambda: _ueberschrift(seite) == "Sprachcafé am Hafen", 60)
    neu, alle = _gebaut(zeilen, vorher)
    assert 1 < neu < alle / 2, (neu, alle)

    # The listing's card and its data file, the Kommune's and the Handlungsfeld's collections,
    # and "Ähnliche Praxisbeispiele" of an entry sharing a Handlungsfeld show the new title.
    liste = _holen(url + "praxisbeispiele/")
    assert "Sprachcafé am Hafen" in liste
    daten = json.loads(_holen(url + "praxisbeispiele/liste.json"))
    assert "Sprachcafé am Hafen" in [e["t"] for e in daten["eintraege"]]
    for seite_url in ("kommunen/dortmund/", "handlungsfelder/bildung/", "praxisbeispiele/lernwerkstatt/"):
        assert "Sprachcafé am Hafen" in _holen(url + seite_url), seite_url
    # A page that does not show the entry was not rendered again.
    assert _ohne_epoche(_holen(url + "kommunen/gelsenkirchen/")) == unbeteiligt

    # A new reference: the target's backlinks ("Wird erwähnt in"/collection) follow.
    vorher = len(zeilen)
    datei = h.docs / "praxisbeispiele/hofflohmarkt.md"
    datei.write_text(datei.read_text(encoding="utf-8").replace("handlungsfelder: [wohnumfeld]", "handlungsfelder: [wohnumfeld, beteiligung]"), encoding="utf-8")
    _warten_bis(lambda: "Hofflohmarkt" in _holen(url + "handlungsfelder/beteiligung/"), 60)
    assert _gebaut(zeilen, vorher)[0] < alle
    # ... and the filter's counts on the listing page.
    _warten_bis(lambda: "Beteiligung (3)" in _holen(url + "praxisbeispiele/"), 30)


def test_neue_seite_in_der_navigation_baut_alles_neu(vorschau) -> None:
    h, url, zeilen = vorschau
    vorher = len(zeilen)
    datei = h.docs / "index.md"
    datei.write_text(datei.read_text(encoding="utf-8") + "\nNeuer Absatz auf der Startseite.\n", encoding="utf-8")
    _warten_bis(lambda: "Neuer Absatz auf der Startseite" in _holen(url), 60)
    neu, alle = _gebaut(zeilen, vorher)
    assert neu == alle  # a page in the navigation changed: everything, as without --dirty
