"""The Content-Security-Policy (overrides/main.html) in real Chromium: the site still works.

A handbook with the project's own configuration (theme features, extensions, glossary) and the
submission form, served over HTTP: no page violates the policy, the search finds entries, the
listing filters appear, the form builds its fields, the glossary tooltips work."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, Handbuch, Webserver
from sicherheit_korpus import projekt_konfiguration

MELDER = """
window.__verstoesse = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__verstoesse.push(e.violatedDirective + " " + (e.blockedURI || "") + " " + (e.sample || ""));
});
"""


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory) -> Handbuch:
    h = Handbuch.anlegen(
        tmp_path_factory.mktemp("csp") / "handbuch",
        {
            "mkdocs.yml": projekt_konfiguration(),
            "docs/beitragen/einreichen.md": (ROOT / "docs/beitragen/einreichen.md").read_text(encoding="utf-8"),
            "docs/praxisbeispiele/index.md": "# Praxisbeispiele\n",
            "docs/glossar.md": "# Glossar\n\nDas ISEK und der AGS.\n\n=== \"Eins\"\n\n    Reiter eins\n\n=== \"Zwei\"\n\n    Reiter zwei\n",
        },
    )
    shutil.copytree(ROOT / "includes", h.pfad / "includes", dirs_exist_ok=True)
    h.git_init().commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    return h


def test_jede_seite_hat_die_policy_vor_allen_skripten(gebaut: Handbuch) -> None:
    for datei in ["index.html", "404.html", "praxisbeispiele/index.html", "beitragen/einreichen/index.html"]:
        text = (gebaut.site / datei).read_text(encoding="utf-8")
        csp = text.find('http-equiv="Content-Security-Policy"')
        assert 0 < csp < text.find("<script"), datei
        assert "<script>" not in text, datei  # no inline script left
        assert "script-src 'self' 'wasm-unsafe-eval';" in text and "'unsafe-inline'; img-src" in text


@pytest.mark.browser
def test_die_website_funktioniert_mit_der_policy(gebaut: Handbuch, browser) -> None:
    server = Webserver(gebaut.site)
    kontext = browser.new_context(locale="de-DE")
    kontext.add_init_script(MELDER)
    fehler: list[str] = []
    try:
        p = kontext.new_page()
        p.on("pageerror", lambda e: fehler.append(str(e)))
        verstoesse: list[str] = []
        for url in ["", "praxisbeispiele/", "praxisbeispiele/lernwerkstatt/", "beitragen/einreichen/", "glossar/", "kommunen/"]:
            p.goto(server.url + url, wait_until="load")
            p.wait_for_timeout(300)
            verstoesse += [f"{url}: {v}" for v in p.evaluate("window.__verstoesse")]
        # Listing filters (assets/liste.js) show their form.
        p.goto(server.url + "praxisbeispiele/")
        p.wait_for_selector("form.sn-filter:not([hidden])", timeout=10000)
        # The submission form builds its fields from the schema.
        p.goto(server.url + "beitragen/einreichen/")
        p.wait_for_function("document.querySelectorAll('#beitrag-formular input, #beitrag-formular select').length > 5", timeout=10000)
        # The violations of what the pages do after the fixed pause above (fetching, building).
        verstoesse += [f"Formular: {v}" for v in p.evaluate("window.__verstoesse")]
        # Glossary tooltip (content.tooltips) and tabs.
        p.goto(server.url + "glossar/")
        p.hover("abbr >> nth=0")
        p.wait_for_selector(".md-tooltip2", timeout=5000)
        p.click(".tabbed-labels label >> nth=1")
        assert p.is_visible("text=Reiter zwei")
        verstoesse += [f"Glossar: {v}" for v in p.evaluate("window.__verstoesse")]
        # Search (a web worker loading the index).
        p.goto(server.url)
        p.wait_for_timeout(300)
        p.keyboard.press("/")
        p.keyboard.type("Lernwerkstatt", delay=20)
        # A selector, not wait_for_function: Playwright polls a string predicate with eval,
        # which this very policy forbids.
        p.wait_for_selector(".md-search-result__item", timeout=15000)
        verstoesse += [f"Suche: {v}" for v in p.evaluate("window.__verstoesse")]
    finally:
        kontext.close()
        server.stop()
    assert verstoesse == []
    assert fehler == []
