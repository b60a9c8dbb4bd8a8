"""The search (Pagefind) in real headless Chromium: the box in the header and the search page.

The fixture handbook is built with ``mkdocs build`` (which runs Pagefind after the build) and
served from 127.0.0.1; the browser downloads the index chunks as a reader's browser would. The
pages carry the Content-Security-Policy of overrides/main.html, so every wait below is a
function (Playwright would poll a plain expression with eval, which the policy forbids).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, Handbuch, suchindex

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Test data, not handbook content.
DATEIEN = {
    "docs/kommunen/dortmund.md": """\
        ---
        typ: kommune
        title: Dortmund
        zusammenfassung: Zweite Testkommune für die Suche der Fixture-Seite.
        ags: "05913000"
        stand: 2025-06-30
        ---
        # Dortmund
        """,
    "docs/praxisbeispiele/stadtteilbuero.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        title: Stadtteilbüro im Quartier
        zusammenfassung: Erfundenes Praxisbeispiel der Fixture-Seite für die Suche.
        kommune: dortmund
        handlungsfelder: [bildung]
        laufzeit:
          von: 2021
        ---
        # Stadtteilbüro im Quartier

        Ein offenes Büro für die Nachbarschaften im Norden der Stadt.
        """,
    # Neither of these may ever be found in the public edition.
    "docs/praxisbeispiele/entwurf.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        status: entwurf
        title: Zwiebelturm im Quartier
        zusammenfassung: Ein Entwurf der Fixture-Seite, der nie gefunden werden darf.
        kommune: essen
        handlungsfelder: [bildung]
        laufzeit:
          von: 2022
        ---
        # Zwiebelturm im Quartier

        Kastanienallee und Zwiebelturm.
        """,
    "docs/praxisbeispiele/intern.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        sichtbarkeit: intern
        title: Mitgliederrunde Maulbeerhof
        zusammenfassung: Ein internes Praxisbeispiel der Fixture-Seite für die Suche.
        kommune: essen
        handlungsfelder: [bildung]
        laufzeit:
          von: 2022
        ---
        # Mitgliederrunde Maulbeerhof

        Maulbeerhof, nur für Mitglieder.
        """,
}


@pytest.fixture(scope="module")
def h(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    h = Handbuch.anlegen(tmp_path_factory.mktemp("suche") / "handbuch", DATEIEN).git_init()
    h.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    assert "Suche: " in r.ausgabe and "Seiten im Suchindex" in r.ausgabe
    return h


@pytest.fixture
def basis(h: Handbuch, webserver) -> str:
    return webserver(h.site)


def _gesucht(seite, begriff: str) -> None:
    """Wait for the header's results for the whole of ``begriff``. Typing starts a search per
    pause (150 ms debounce): under load the first letters may have shown results of their own
    already, which the search for the whole word replaces. Status and list change together."""
    seite.wait_for_function(
        "b => document.getElementById('sn-suche-status').textContent.includes('„' + b + '“')", arg=begriff
    )


def _kopfsuche(seite, basis: str, begriff: str, pfad: str = "") -> list[str]:
    """Type ``begriff`` into the header's search box; the titles of the results."""
    seite.goto(basis + pfad)
    seite.locator(".md-header input[name=q]").click()
    seite.keyboard.type(begriff)
    _gesucht(seite, begriff)
    return seite.locator("#sn-suche-ergebnisse .sn-suche__titel").all_inner_texts()


def _status(seite) -> str:
    return seite.locator("#sn-suche-status").inner_text()


def test_findet_eintrag_nach_titel_in_gebeugter_form(seite, basis: str) -> None:
    fremde: list[str] = []
    seite.on("request", lambda r: fremde.append(r.url) if not r.url.startswith(basis) else None)
    # "Quartiers" (genitive) finds "Quartier" in the title: German stemming.
    assert _kopfsuche(seite, basis, "Quartiers")[0] == "Stadtteilbüro im Quartier"
    assert _kopfsuche(seite, basis, "Stadtteilbüros") == ["Stadtteilbüro im Quartier"]
    assert _kopfsuche(seite, basis, "Nachbarschaft") == ["Stadtteilbüro im Quartier"]  # text: "Nachbarschaften"
    treffer = seite.locator("#sn-suche-ergebnisse li").first
    assert treffer.locator(".sn-suche__art").inner_text() == "Praxisbeispiel · Dortmund"
    assert treffer.locator("mark").first.inner_text() == "Nachbarschaften"
    assert fremde == []


def test_findet_eintraege_nach_ihrer_kommune(seite, basis: str) -> None:
    titel = _kopfsuche(seite, basis, "Dortmund")
    assert titel[0] == "Dortmund"  # the Kommune's own page first
    assert "Stadtteilbüro im Quartier" in titel  # found by its fact box, not by its text
    titel = _kopfsuche(seite, basis, "Essen")
    assert "Essen" in titel[:2] and "Lernwerkstatt" in titel  # the Kommune, then (or after) its Programmgebiet
    assert "Stadtteilbüro im Quartier" not in titel


def test_kein_entwurf_und_kein_interner_eintrag_wird_gefunden(seite, basis: str, h: Handbuch) -> None:
    for begriff in ("Zwiebelturm", "Kastanienallee", "Maulbeerhof", "Mitgliederrunde"):
        assert _kopfsuche(seite, basis, begriff) == [], begriff
        assert _status(seite) == f"Keine Treffer für „{begriff}“"
    assert "Zwiebelturm im Quartier" not in _kopfsuche(seite, basis, "Quartier")
    urls = set(suchindex(h.site))
    assert "/praxisbeispiele/entwurf/" not in urls and "/praxisbeispiele/intern/" not in urls


def test_vorschau_zeigt_entwuerfe_findet_sie_aber_nicht(tmp_path, seite, webserver) -> None:
    """The preview build (drafts shown, as in a pull request's preview) keeps them out of the search."""
    v = Handbuch.anlegen(tmp_path / "vorschau", DATEIEN).git_init()
    konfiguration = (v.pfad / "mkdocs.yml").read_text(encoding="utf-8")
    v.schreiben("mkdocs.yml", konfiguration.replace("  - staedtenetz/katalog\n", "  - staedtenetz/katalog:\n      entwuerfe: true\n"))
    v.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = v.bauen()
    assert r.returncode == 0, r.ausgabe
    assert (v.site / "praxisbeispiele/entwurf/index.html").is_file()  # the draft is built …
    assert "/praxisbeispiele/entwurf/" not in suchindex(v.site)  # … but not indexed
    assert _kopfsuche(seite, webserver(v.site), "Zwiebelturm") == []


def test_tastatur_bedienung_der_kopfsuche(seite, basis: str) -> None:
    seite.goto(basis + "praxisbeispiele/lernwerkstatt/")
    seite.keyboard.press("/")  # like Material: "/" jumps into the search box
    assert seite.evaluate("document.activeElement.name") == "q"
    assert seite.evaluate("document.getElementById('__search').checked")
    seite.keyboard.type("Quartier")
    _gesucht(seite, "Quartier")  # not just any results: those of a prefix would still be replaced
    seite.wait_for_function("() => document.querySelectorAll('#sn-suche-ergebnisse a').length > 0")
    seite.keyboard.press("ArrowDown")
    assert seite.evaluate("document.activeElement.closest('#sn-suche-ergebnisse') !== null")
    # A search finishing late (the debounce of a last keystroke) redraws the results: the focused
    # result keeps the focus instead of losing it to the page.
    fokus = seite.evaluate("document.activeElement.getAttribute('href')")
    seite.evaluate("""() => {
        window.__vorher = document.activeElement;
        document.querySelector('.md-header input[name=q]').dispatchEvent(new Event('input', { bubbles: true }));
    }""")
    seite.wait_for_function("() => !window.__vorher.isConnected")
    assert seite.evaluate("document.activeElement.closest('#sn-suche-ergebnisse') && document.activeElement.getAttribute('href')") == fokus
    seite.keyboard.press("ArrowUp")
    assert seite.evaluate("document.activeElement.name") == "q"
    seite.keyboard.press("Escape")
    assert not seite.evaluate("document.getElementById('__search').checked")
    # Closed, the results are out of reach of the keyboard and of screen readers.
    assert seite.locator("#sn-suche-ergebnisse a").first.is_hidden()
    seite.locator(".md-header input[name=q]").focus()
    seite.keyboard.press("ArrowDown")
    seite.keyboard.press("Enter")
    seite.wait_for_url("**/praxisbeispiele/stadtteilbuero/")
    assert seite.locator("article h1").inner_text() == "Stadtteilbüro im Quartier"


def test_ohne_javascript_fuehrt_das_suchfeld_zur_suchseite(h: Handbuch) -> None:
    kopf = h.html("praxisbeispiele/lernwerkstatt/index.html").select_one(".md-header form.md-search__form")
    assert kopf["action"] == "../../suche/" and kopf["method"] == "get"
    seite = h.html("suche/index.html")
    assert "Die Suche braucht JavaScript" in seite.select_one("noscript").get_text()
    # No lunr index any more; the search page loads the search script, the others too (header box).
    assert not (h.site / "search/search_index.json").exists()
    assert seite.select_one("script[src$='assets/staedtenetz/suche.js']") is not None


def test_suchseite_filtert_nach_typ_kommune_und_handlungsfeld(seite, basis: str) -> None:
    seite.goto(basis + "suche/?q=Quartier")
    seite.wait_for_function("() => document.getElementById('sn-suchseite-status').textContent.includes('Treffer')")
    alle = seite.locator("#sn-suchseite-ergebnisse .sn-suche__titel").all_inner_texts()
    assert "Stadtteilbüro im Quartier" in alle
    seite.get_by_label("Kommune").select_option("Essen")
    seite.wait_for_function("() => new URLSearchParams(location.search).get('kommune') === 'Essen'")
    # In Essen only the draft and the internal entry mention a Quartier: neither is in the index.
    assert seite.locator("#sn-suchseite-status").inner_text() == "Keine Treffer für „Quartier“"
    seite.get_by_label("Kommune").select_option("Dortmund")
    seite.wait_for_function("() => new URLSearchParams(location.search).get('kommune') === 'Dortmund'")
    seite.wait_for_function("() => document.querySelectorAll('#sn-suchseite-ergebnisse li').length === 1")
    assert seite.locator("#sn-suchseite-ergebnisse .sn-suche__titel").all_inner_texts() == ["Stadtteilbüro im Quartier"]
    # Filters alone, without a word: every Praxisbeispiel in the field of action Bildung.
    seite.goto(basis + "suche/?typ=Praxisbeispiel&handlungsfeld=Bildung")
    seite.wait_for_function("() => document.getElementById('sn-suchseite-status').textContent.includes('Treffer')")
    assert sorted(seite.locator("#sn-suchseite-ergebnisse .sn-suche__titel").all_inner_texts()) == [
        "Lernwerkstatt", "Stadtteilbüro im Quartier",
    ]
    assert seite.get_by_label("Typ").input_value() == "Praxisbeispiel"
    assert parse_qs(urlsplit(seite.url).query) == {"typ": ["Praxisbeispiel"], "handlungsfeld": ["Bildung"]}


def _axe(seite) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    ergebnis = Axe().run(seite, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in ergebnis.response["violations"]
    ]


def test_suche_ohne_wcag_verstoesse(seite, basis: str) -> None:
    # The header's box, open, with results and highlighted words …
    assert _kopfsuche(seite, basis, "Quartier")
    assert _axe(seite) == []
    # … on a phone (the box fills the screen) …
    seite.set_viewport_size({"width": 390, "height": 844})
    seite.goto(basis)
    seite.locator("label.md-header__button[for=__search]").click()
    assert seite.evaluate("document.activeElement.name") == "q"
    seite.keyboard.type("Essen")
    _gesucht(seite, "Essen")  # axe on the final results, not on a prefix's while they are replaced
    seite.wait_for_function("() => document.querySelectorAll('#sn-suche-ergebnisse li').length > 0")
    assert _axe(seite) == []
    # … and the search page with filters and results.
    seite.set_viewport_size({"width": 1280, "height": 900})
    seite.goto(basis + "suche/?q=Quartier&kommune=Dortmund")
    seite.wait_for_function("() => document.querySelectorAll('#sn-suchseite-ergebnisse li').length > 0")
    assert _axe(seite) == []


def test_suche_mit_der_policy_als_http_kopfzeile(seite, h: Handbuch) -> None:
    """Served with the README's Content-Security-Policy header (which, unlike the meta element,
    also applies to Pagefind's web worker): the search still finds entries."""
    m = re.search(r'add_header Content-Security-Policy "([^"]+)"', (ROOT / "README.md").read_text(encoding="utf-8"))
    assert m is not None
    policy = m.group(1)

    class MitPolicy(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(MitPolicy, directory=str(h.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        titel = _kopfsuche(seite, f"http://127.0.0.1:{httpd.server_address[1]}/", "Quartiers")
        assert titel[0] == "Stadtteilbüro im Quartier"
    finally:
        httpd.shutdown()
        httpd.server_close()
