"""Listings in pages: every entry reachable without JavaScript, the filter on the data file with
its own pages of results, dokumentiert before illustrativ, and the phone layout – in real
headless Chromium. Test data, not handbook content."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from listen_fixture import DATEIEN, GELISTET, NICHT_GELISTET, _praxis
from playwright.sync_api import expect

from conftest import FIXTURES, Handbuch

pytestmark = pytest.mark.browser

JE_SEITE = 4

#: Further Praxisbeispiele: three documented (with a source), five illustrative.
DOKUMENTIERT = ["Testprojekt Dokumentiert A", "Testprojekt Dokumentiert B", "Testprojekt Dokumentiert C"]
WEITERE = [f"Weiteres Testbeispiel {i}" for i in range(1, 6)]


def _dokumentiert(titel: str) -> str:
    text = _praxis(titel, "essen", None, ["wohnumfeld"], [], 2020, 2021, "Ein Testeintrag mit Quelle für die Seitentests.")
    return text.replace("art: illustrativ", "art: dokumentiert").replace(
        "---\n#", "quellen:\n  - titel: Testquelle\n    url: https://example.org/quelle\n---\n#", 1
    )


#: Listing order: documented first, each group by title.
ALLE = DOKUMENTIERT + sorted(GELISTET + WEITERE, key=str.casefold)


@pytest.fixture(scope="module")
def h(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    dateien = dict(DATEIEN)
    for i, titel in enumerate(DOKUMENTIERT):
        dateien[f"docs/praxisbeispiele/dokumentiert-{i}.md"] = _dokumentiert(titel)
    for i, titel in enumerate(WEITERE):
        dateien[f"docs/praxisbeispiele/weiteres-{i}.md"] = _praxis(
            titel, "dortmund", "dortmund-nordstadt", ["wohnumfeld"], [], 2010, None, "Noch ein erfundenes Testbeispiel."
        )
    konfiguration = (FIXTURES / "basis/mkdocs.yml").read_text(encoding="utf-8")
    assert "  - staedtenetz/katalog\n" in konfiguration
    dateien["mkdocs.yml"] = konfiguration.replace(
        "  - staedtenetz/katalog\n", f"  - staedtenetz/katalog:\n      eintraege_je_seite: {JE_SEITE}\n"
    )
    handbuch = Handbuch.anlegen(tmp_path_factory.mktemp("seiten") / "handbuch", dateien).git_init()
    handbuch.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = handbuch.bauen()
    assert r.returncode == 0, r.ausgabe
    return handbuch


@pytest.fixture
def basis(h: Handbuch, webserver) -> str:
    return webserver(h.site)


def _fertig(seite) -> None:
    seite.locator(".sn-liste:not([aria-busy])").wait_for(state="attached")


def _sichtbar(seite) -> list[str]:
    _fertig(seite)
    return seite.locator(".sn-karte:visible h3").all_inner_texts()


def _anzahl(seite) -> str:
    _fertig(seite)
    return seite.locator(".sn-liste__anzahl").inner_text()


def test_ohne_javascript_erreichen_die_seitenlinks_jeden_eintrag(browser, basis: str) -> None:
    kontext = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        seite = kontext.new_page()
        seite.goto(basis + "praxisbeispiele/?art=dokumentiert")  # the query does nothing without JS
        gesehen: list[str] = []
        besucht: list[str] = []
        while True:
            besucht.append(urlsplit(seite.url).path)
            assert not seite.locator("form.sn-filter").is_visible()
            karten = seite.locator(".sn-karte h3")
            assert 1 <= karten.count() <= JE_SEITE
            gesehen += karten.all_inner_texts()
            # Each card's link opens the entry (checked for the first card of each page).
            weiter = seite.locator('nav.sn-seiten a[rel="next"]')
            if weiter.count() == 0:
                break
            weiter.click()
            seite.wait_for_load_state()
        assert gesehen == ALLE  # every entry once, in listing order (dokumentiert first)
        assert not set(NICHT_GELISTET) & set(gesehen)
        assert besucht == ["/praxisbeispiele/", "/praxisbeispiele/seite-2/", "/praxisbeispiele/seite-3/", "/praxisbeispiele/seite-4/"]
        # The last page links back to every other page, by number and with "previous".
        assert seite.locator("nav.sn-seiten a[aria-current=page]").inner_text() == "4"
        assert seite.locator("nav.sn-seiten").get_by_role("link", name="Seite 1", exact=True).count() == 1
        seite.locator('nav.sn-seiten a[rel="prev"]').click()
        seite.wait_for_url("**/praxisbeispiele/seite-3/")
        seite.locator(".sn-karte a").first.click()
        seite.wait_for_url("**/praxisbeispiele/*/")
        assert seite.locator("article h1").inner_text() == ALLE[2 * JE_SEITE]
    finally:
        kontext.close()


def test_filter_nach_art_und_seiten_der_treffer(seite, basis: str) -> None:
    seite.goto(basis + "praxisbeispiele/")
    assert _sichtbar(seite) == ALLE[:JE_SEITE]
    assert _anzahl(seite) == f"{len(ALLE)} Praxisbeispiele"
    seite.get_by_label("Art des Beispiels").select_option("dokumentiert")
    assert _sichtbar(seite) == DOKUMENTIERT
    assert _anzahl(seite) == f"3 von {len(ALLE)} Praxisbeispielen"
    assert parse_qs(urlsplit(seite.url).query) == {"art": ["dokumentiert"]}
    assert seite.locator("nav.sn-seiten").count() == 0  # one page of results

    # Wohnumfeld: 2 from the basic fixture + 3 documented + 5 further = 10 results, 3 pages.
    seite.get_by_label("Art des Beispiels").select_option("")
    seite.get_by_label("Wohnumfeld (10)").check()
    wohnumfeld = [t for t in ALLE if t in DOKUMENTIERT + WEITERE + ["Hofflohmarkt", "Quartiersgarten"]]
    assert _sichtbar(seite) == wohnumfeld[:JE_SEITE]
    assert seite.locator(".sn-seiten__stand").inner_text() == "Seite 1 von 3: Nr. 1–4 von 10"
    seite.locator("nav.sn-seiten").get_by_role("link", name="Nächste Seite").click()
    assert _sichtbar(seite) == wohnumfeld[JE_SEITE : 2 * JE_SEITE]
    assert parse_qs(urlsplit(seite.url).query) == {"handlungsfeld": ["wohnumfeld"], "seite": ["2"]}
    assert seite.evaluate("document.activeElement.textContent") == wohnumfeld[JE_SEITE]  # focus on the first result
    seite.locator("nav.sn-seiten").get_by_role("link", name="Seite 3", exact=True).click()
    assert _sichtbar(seite) == wohnumfeld[2 * JE_SEITE :]
    # The address restores the view; the browser's back button returns to the previous page.
    seite.reload()
    assert _sichtbar(seite) == wohnumfeld[2 * JE_SEITE :]
    seite.go_back()
    seite.wait_for_function("new URLSearchParams(location.search).get('seite') === '2'")
    assert _sichtbar(seite) == wohnumfeld[JE_SEITE : 2 * JE_SEITE]
    # Without a filter the server's page comes back, with its links to the generated pages.
    seite.get_by_role("button", name="Filter zurücksetzen").click()
    seite.wait_for_function(f"document.querySelector('.sn-liste__anzahl').textContent === '{len(ALLE)} Praxisbeispiele'")
    assert _sichtbar(seite) == ALLE[:JE_SEITE]
    assert seite.locator('nav.sn-seiten a[rel="next"]').get_attribute("href") == "seite-2/"


def test_filter_auf_einer_erzeugten_seite(seite, basis: str) -> None:
    fremde: list[str] = []
    seite.on("request", lambda r: fremde.append(r.url) if not r.url.startswith(basis) else None)
    seite.goto(basis + "praxisbeispiele/seite-3/?art=dokumentiert&text=testprojekt+c")
    assert _sichtbar(seite) == ["Testprojekt Dokumentiert C"]
    seite.locator(".sn-karte a").first.click()
    seite.wait_for_url("**/praxisbeispiele/dokumentiert-2/")
    assert not fremde, fremde


def test_telefon_treffer_zuerst_filter_zugeklappt(browser, basis: str) -> None:
    kontext = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        seite = kontext.new_page()
        seite.goto(basis + "praxisbeispiele/")
        klappe = seite.locator("details.sn-filter__klappe")
        klappe.wait_for()
        assert klappe.get_attribute("open") is None  # folded on a phone
        anzahl = seite.locator("details.sn-filter__klappe > summary .sn-liste__anzahl")
        assert anzahl.inner_text() == f"{len(ALLE)} Praxisbeispiele"
        hoehe = seite.viewport_size["height"]

        def im_ersten_bild(locator) -> bool:
            box = locator.bounding_box()
            return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= hoehe

        assert im_ersten_bild(anzahl)
        assert im_ersten_bild(seite.locator(".sn-karte h3").first)
        assert seite.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
        # Open the filter with a tap, choose, and the count in the summary follows.
        seite.locator("details.sn-filter__klappe > summary").tap()
        # The click that toggles <details> follows the touch events (a gesture): wait for it.
        expect(klappe).to_have_js_property("open", True)
        seite.get_by_label("Art des Beispiels").select_option("dokumentiert")
        assert _anzahl(seite) == f"3 von {len(ALLE)} Praxisbeispielen"
        # Page links are big enough for a finger (WCAG 2.2: at least 24 × 24 px).
        seite.goto(basis + "praxisbeispiele/seite-2/")
        for a in seite.locator("nav.sn-seiten a").all():
            box = a.bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24
    finally:
        kontext.close()


def test_seiten_der_treffer_am_telefon_ohne_wcag_verstoesse(browser, basis: str) -> None:
    # axe-core (WCAG 2.2 AA, including target size) on the folded filter and on filtered results
    # with their page links.
    from axe_playwright_python.sync_playwright import Axe

    kontext = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        seite = kontext.new_page()
        for adresse in ("praxisbeispiele/", "praxisbeispiele/seite-2/?handlungsfeld=wohnumfeld&seite=2"):
            seite.goto(basis + adresse)
            _fertig(seite)
            ergebnis = Axe().run(
                seite,
                context={"include": [[".sn-liste"]]},
                options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}},
            )
            verstoesse = ergebnis.response["violations"]
            assert not verstoesse, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in verstoesse]
        assert seite.locator(".sn-seiten__stand").inner_text() == "Seite 2 von 3: Nr. 5–8 von 10"
    finally:
        kontext.close()
