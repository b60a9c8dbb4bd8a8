"""The listing filters and the map in real headless Chromium (Debian's chromium via Playwright)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from listen_fixture import GELISTET, listen_handbuch

from conftest import Handbuch

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def h(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    return listen_handbuch(tmp_path_factory.mktemp("browser") / "handbuch")


@pytest.fixture
def basis(h: Handbuch, webserver) -> str:
    return webserver(h.site)


def _fertig(seite) -> None:
    # The filter works on the listing's data file: the first filter waits for it (aria-busy).
    seite.locator(".sn-liste:not([aria-busy])").wait_for(state="attached")


def _sichtbar(seite) -> list[str]:
    _fertig(seite)
    return seite.locator(".sn-karte:visible h3").all_inner_texts()


def _anzahl(seite) -> str:
    _fertig(seite)
    return seite.locator(".sn-liste__anzahl").inner_text()


def _abfrage(seite) -> dict[str, list[str]]:
    return parse_qs(urlsplit(seite.url).query)


def test_filter_grenzen_die_liste_ein_und_schreiben_die_adresse(seite, basis: str) -> None:
    fremde: list[str] = []
    seite.on("request", lambda r: fremde.append(r.url) if not r.url.startswith(basis) else None)
    seite.goto(basis + "praxisbeispiele/")
    assert seite.locator("form.sn-filter").is_visible()
    assert _sichtbar(seite) == GELISTET
    assert _anzahl(seite) == "5 Praxisbeispiele"

    seite.get_by_label("Bildung (3)").check()
    assert _sichtbar(seite) == ["Lernwerkstatt", "Quartiersgarten", "Sprachcafé"]
    assert _anzahl(seite) == "3 von 5 Praxisbeispielen"
    assert _abfrage(seite) == {"handlungsfeld": ["bildung"]}

    seite.get_by_label("Beteiligung (2)").check()  # alle gewählten: Bildung UND Beteiligung
    assert _sichtbar(seite) == ["Sprachcafé"]
    assert _anzahl(seite) == "1 von 5 Praxisbeispielen"
    seite.get_by_label("mindestens eins").check()
    assert _sichtbar(seite) == ["Lernwerkstatt", "Quartiersgarten", "Sprachcafé", "Stadtteilbüro am Markt"]
    assert _abfrage(seite) == {"handlungsfeld": ["beteiligung", "bildung"], "verknuepfung": ["eins"]}

    seite.get_by_label("Förderprogramm").select_option("esf")
    assert _sichtbar(seite) == ["Sprachcafé", "Stadtteilbüro am Markt"]
    seite.get_by_label("Kommune").select_option("essen")
    assert _sichtbar(seite) == ["Stadtteilbüro am Markt"]
    assert _anzahl(seite) == "1 von 5 Praxisbeispielen"

    seite.get_by_role("button", name="Filter zurücksetzen").click()
    seite.wait_for_function("document.querySelector('.sn-liste__anzahl').textContent === '5 Praxisbeispiele'")
    assert _sichtbar(seite) == GELISTET
    assert urlsplit(seite.url).query == ""

    seite.get_by_label("Zustand des Programmgebiets").select_option("verstetigt")
    assert _sichtbar(seite) == ["Hofflohmarkt", "Quartiersgarten"]
    seite.get_by_label("Zustand des Programmgebiets").select_option("")

    # Zeitraum: the Laufzeit overlaps the years asked for; an open end runs until today.
    seite.get_by_label("von Jahr").fill("2022")
    seite.wait_for_function("document.querySelector('.sn-liste__anzahl').textContent === '2 von 5 Praxisbeispielen'")
    assert _sichtbar(seite) == ["Lernwerkstatt", "Stadtteilbüro am Markt"]
    seite.get_by_label("bis Jahr").fill("2022")
    seite.wait_for_function("document.querySelector('.sn-liste__anzahl').textContent === '1 von 5 Praxisbeispielen'")
    assert _sichtbar(seite) == ["Lernwerkstatt"]
    assert _abfrage(seite) == {"von": ["2022"], "bis": ["2022"]}
    assert not fremde, fremde


def test_freitext_ohne_treffer_und_hinweis(seite, basis: str) -> None:
    seite.goto(basis + "praxisbeispiele/")
    seite.get_by_label("Freitext").fill("garten")
    seite.wait_for_function("document.querySelector('.sn-liste__anzahl').textContent === '1 von 5 Praxisbeispielen'")
    assert _sichtbar(seite) == ["Quartiersgarten"]
    # Umlauts and case do not matter; every word must occur.
    seite.get_by_label("Freitext").fill("BÜRO essen")
    seite.wait_for_function("location.search.includes('essen')")
    assert _sichtbar(seite) == ["Stadtteilbüro am Markt"]
    assert not seite.locator(".sn-liste__leer").is_visible()
    seite.get_by_label("Freitext").fill("gibtesnicht")
    seite.wait_for_function("document.querySelector('.sn-liste__anzahl').textContent === '0 von 5 Praxisbeispielen'")
    assert seite.locator(".sn-liste__leer").is_visible()
    assert _abfrage(seite) == {"text": ["gibtesnicht"]}


def test_neu_laden_und_geteilte_adresse_stellen_die_ansicht_wieder_her(seite, basis: str) -> None:
    seite.goto(basis + "praxisbeispiele/")
    seite.get_by_label("Wohnumfeld (2)").check()
    seite.get_by_label("Kommune").select_option("gelsenkirchen")
    assert _sichtbar(seite) == ["Hofflohmarkt", "Quartiersgarten"]
    adresse = seite.url
    seite.reload()
    assert seite.get_by_label("Wohnumfeld (2)").is_checked()
    assert seite.get_by_label("Kommune").input_value() == "gelsenkirchen"
    assert _sichtbar(seite) == ["Hofflohmarkt", "Quartiersgarten"]
    assert _anzahl(seite) == "2 von 5 Praxisbeispielen"

    # A shared link opened in a fresh tab shows the same view.
    neu = seite.context.new_page()
    neu.goto(adresse)
    assert _sichtbar(neu) == ["Hofflohmarkt", "Quartiersgarten"]
    # An unknown value in the address is ignored instead of hiding everything.
    neu.goto(basis + "praxisbeispiele/?kommune=gibtesnicht&handlungsfeld=bildung")
    assert neu.get_by_label("Kommune").input_value() == ""
    assert _sichtbar(neu) == ["Lernwerkstatt", "Quartiersgarten", "Sprachcafé"]


def test_bedienung_nur_mit_der_tastatur(seite, basis: str) -> None:
    seite.goto(basis + "praxisbeispiele/")
    erstes = seite.locator("input[name=handlungsfeld]").first  # Beteiligung (alphabetical: no reihenfolge)
    erstes.focus()
    seite.keyboard.press("Space")
    assert _anzahl(seite) == "2 von 5 Praxisbeispielen"
    # Tab moves through the native controls in order: next checkbox, then the radio group.
    seite.keyboard.press("Tab")
    assert seite.evaluate("document.activeElement.value") == "bildung"
    seite.keyboard.press("Tab")
    seite.keyboard.press("Tab")
    assert seite.evaluate("document.activeElement.name") == "verknuepfung"
    seite.keyboard.press("Tab")
    assert seite.evaluate("document.activeElement.name") == "kommune"
    seite.keyboard.press("ArrowDown")  # first Kommune: Dortmund
    seite.wait_for_function("document.querySelector('.sn-liste__anzahl').textContent === '1 von 5 Praxisbeispielen'")
    assert _sichtbar(seite) == ["Sprachcafé"]
    # Enter in the text field does not reload the page (the form is never submitted).
    seite.get_by_label("Freitext").focus()
    seite.keyboard.type("kaffee")
    seite.keyboard.press("Enter")
    assert _sichtbar(seite) == ["Sprachcafé"]
    assert _abfrage(seite)["text"] == ["kaffee"]
    # The result link is reachable and opens with Enter.
    seite.locator(".sn-karte:visible a").first.focus()
    seite.keyboard.press("Enter")
    seite.wait_for_url("**/praxisbeispiele/sprachcafe/")
    assert seite.locator("article h1").inner_text() == "Sprachcafé"


def test_ohne_javascript_steht_die_ganze_liste_da(browser, basis: str) -> None:
    kontext = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        seite = kontext.new_page()
        seite.goto(basis + "praxisbeispiele/?handlungsfeld=bildung")
        assert seite.locator(".sn-karte h3").all_inner_texts() == GELISTET
        assert all(seite.locator(".sn-karte").nth(i).is_visible() for i in range(len(GELISTET)))
        assert not seite.locator("form.sn-filter").is_visible()
        assert seite.locator(".sn-liste__anzahl").inner_text() == "5 Praxisbeispiele"
        # The map's links are plain links: they work without JavaScript too.
        seite.goto(basis + "kommunen/")
        seite.locator('a.sn-karte__mitglied[aria-label^="Dortmund"]').click()
        seite.wait_for_url("**/kommunen/dortmund/")
    finally:
        kontext.close()


def test_karte_verlinkt_die_mitgliedskommunen(seite, basis: str) -> None:
    seite.goto(basis)
    mitglieder = seite.locator("a.sn-karte__mitglied")
    assert mitglieder.count() == 3
    seite.locator('a.sn-karte__mitglied[aria-label="Gelsenkirchen: 1 Programmgebiet"] circle').click()
    seite.wait_for_url("**/kommunen/gelsenkirchen/")
    assert seite.locator("article h1").inner_text() == "Gelsenkirchen"

    # Keyboard: the municipalities are in the tab order and open with Enter.
    seite.goto(basis)
    seite.locator("a.sn-karte__mitglied").first.focus()
    assert seite.evaluate("document.activeElement.getAttribute('aria-label')") == "Dortmund: 1 Programmgebiet"
    seite.keyboard.press("Tab")
    assert seite.evaluate("document.activeElement.getAttribute('aria-label')") == "Essen: 1 Programmgebiet"
    seite.keyboard.press("Enter")
    seite.wait_for_url("**/kommunen/essen/")

    # The text alternative opens and links to the same pages.
    seite.goto(basis + "kommunen/")
    seite.get_by_text("Mitgliedskommunen als Tabelle").click()
    seite.locator("details.sn-karte__alternative").get_by_role("link", name="Dortmund").click()
    seite.wait_for_url("**/kommunen/dortmund/")


@pytest.mark.parametrize("breite", [390, 1280])
def test_karte_fuer_finger_ziele_mindestens_24_px_und_namen(browser, basis: str, breite: int) -> None:
    # WCAG 2.2, 2.5.8 target size: every member is reachable through a target of at least
    # 24 × 24 CSS px – the list of members beside the map always, the dots on a wide screen too.
    kontext = browser.new_context(locale="de-DE", viewport={"width": breite, "height": 900})
    try:
        seite = kontext.new_page()
        seite.goto(basis + "kommunen/")
        links = seite.locator("nav.sn-karte__liste a")
        assert links.all_inner_texts() == ["Dortmund", "Essen", "Gelsenkirchen"]
        for a in links.all():
            box = a.bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24, box
        punkte = seite.locator("a.sn-karte__mitglied circle")
        assert punkte.count() == 3
        if breite >= 1280:
            for p in punkte.all():
                box = p.bounding_box()
                assert box["width"] >= 24 and box["height"] >= 24, box
        # The members are named on the map (labels inside the link, part of its target).
        namen = seite.locator("a.sn-karte__mitglied text").all_text_contents()
        assert sorted(namen) == ["Dortmund", "Essen", "Gelsenkirchen"]
        seite.locator("nav.sn-karte__liste").get_by_role("link", name="Essen").click()
        seite.wait_for_url("**/kommunen/essen/")
    finally:
        kontext.close()
