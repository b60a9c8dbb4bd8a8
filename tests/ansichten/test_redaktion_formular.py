"""The submission form in headless Chromium: German errors for bad input; the Markdown for good
input passes `staedtenetz pruefen`; the repository host's new-file page gets path and content."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import FORMULAR_REPO, ROOT, Handbuch

pytestmark = pytest.mark.browser
REPO = FORMULAR_REPO




def _feld(seite, pfad: str):
    return seite.locator(f"[id^='beitrag-{pfad}-']").first


def test_fehler_auf_deutsch_und_gueltiges_markdown(formular_seite) -> None:
    h, seite, _ = formular_seite
    assert seite.input_value("#beitrag-typ") == "praxisbeispiel"
    seite.click("#beitrag-pruefen")
    meldungen = seite.locator("#beitrag-fehler li").all_inner_texts()
    # The texts come from the model's message table (inhalt/meldungstexte.py), as in pruefen.
    assert meldungen == [
        "Das Pflichtfeld 'Titel' fehlt. Ergänzen Sie es.",
        "Das Pflichtfeld 'Zusammenfassung' fehlt. Ergänzen Sie es.",
        "Das Pflichtfeld 'Art' fehlt. Ergänzen Sie es.",
        "Das Pflichtfeld 'Kommune' fehlt. Ergänzen Sie es.",
        "Das Pflichtfeld 'Handlungsfelder' fehlt. Ergänzen Sie es.",
        "Das Pflichtfeld 'Laufzeit' fehlt. Ergänzen Sie es.",
        "Das Pflichtfeld 'Kennung (Dateiname)' fehlt. Ergänzen Sie es.",
    ]
    assert seite.locator("#beitrag-fehler").get_attribute("role") == "alert"
    assert _feld(seite, "title").get_attribute("aria-invalid") == "true"

    # Wrong values: each rule of the schema answers in German.
    _feld(seite, "title").fill("Lernwerkstatt Überruhr")
    _feld(seite, "zusammenfassung").fill("Zu kurz.")
    _feld(seite, "art").select_option("illustrativ")
    _feld(seite, "kommune").fill("esen")
    seite.get_by_label("Bildung").check()
    _feld(seite, "laufzeit-von").fill("1850")
    _feld(seite, "laufzeit-bis").fill("2019-13-01")
    _feld(seite, "ansprechstelle-stelle").fill("Stadt Essen, Amt für Stadterneuerung")
    _feld(seite, "ansprechstelle-email").fill("keine-adresse")
    _feld(seite, "ansprechstelle-person").fill("Erika Beispiel")
    seite.click("#beitrag-pruefen")
    assert seite.input_value("[id^='beitrag-kennung-']") == "lernwerkstatt-ueberruhr"
    assert seite.locator("#beitrag-fehler li").all_inner_texts() == [
        "'Zusammenfassung' ist zu kurz: mindestens 20 Zeichen, gefunden 8.",
        "Kein Eintrag vom Typ Kommune hat die Kennung „esen“. Meinten Sie „essen“? Wählen Sie einen Eintrag aus der Liste.",
        "'Von' muss mindestens 1949 sein, gefunden: 1850.",
        "'Bis' muss ein Jahr (z. B. 2019) oder ein Datum der Form JJJJ-MM-TT sein, gefunden: '2019-13-01'.",
        "'E-Mail' ist keine gültige E-Mail-Adresse: 'keine-adresse'. Verwenden Sie ein Funktionspostfach, z. B. stadterneuerung@stadt.de.",
        "Namen von Personen dürfen nur mit Einwilligung genannt werden. Ergänzen Sie `einwilligung: JJJJ-MM-TT` "
        "(Datum der Zustimmung) oder entfernen Sie `person` und nennen Sie nur die Stelle.",
    ]
    assert seite.locator("#beitrag-ergebnis").is_hidden()

    # Good values.
    _feld(seite, "zusammenfassung").fill("Ein erfundenes Beispiel: Kinder lernen in einer Werkstatt im Quartier.")
    _feld(seite, "kommune").fill("essen")
    _feld(seite, "laufzeit-von").fill("2019")
    _feld(seite, "laufzeit-bis").fill("2023")
    _feld(seite, "ansprechstelle-email").fill("stadterneuerung@essen.invalid")
    _feld(seite, "ansprechstelle-person").fill("")
    _feld(seite, "zielgruppen").fill("Kinder\nEltern: im Quartier")
    seite.click("#beitrag-pruefen")
    assert seite.locator("#beitrag-fehler").is_hidden()
    assert seite.inner_text("#beitrag-ergebnis-titel") == "Ihre Datei: docs/praxisbeispiele/lernwerkstatt-ueberruhr.md"
    markdown = seite.input_value("#beitrag-markdown")
    assert markdown.startswith("---\ntyp: praxisbeispiel\ntitle: Lernwerkstatt Überruhr\n")
    assert "status: entwurf\n" in markdown and '  - "Eltern: im Quartier"\n' in markdown
    assert "## Übertragbarkeit\n" in markdown

    h.schreiben("docs/praxisbeispiele/lernwerkstatt-ueberruhr.md", markdown)
    p = h.pruefen()
    assert p.returncode == 0, p.ausgabe
    assert "0 Fehler, 0 Warnungen" in p.ausgabe

    # Submit: GitHub's new-file page with path and content.
    with seite.context.expect_page() as neu:
        seite.click("#beitrag-senden")
    teile = urlsplit(neu.value.url)
    assert f"{teile.scheme}://{teile.netloc}{teile.path}" == f"{REPO}/new/main"
    werte = parse_qs(teile.query)
    assert werte["filename"] == ["docs/praxisbeispiele/lernwerkstatt-ueberruhr.md"]
    assert werte["value"] == [markdown]
    assert "Commit changes" in seite.inner_text("#beitrag-meldung")


def test_zu_langer_inhalt_geht_ueber_die_zwischenablage(formular_seite) -> None:
    h, seite, basis = formular_seite
    seite.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=basis.rstrip("/"))
    seite.select_option("#beitrag-typ", "leitfaden")
    _feld(seite, "title").fill("Sehr langer Leitfaden")
    _feld(seite, "zusammenfassung").fill("Ein Leitfaden mit sehr vielen Schlagworten, damit die Adresse zu lang wird.")
    _feld(seite, "schlagworte").fill("\n".join(f"Schlagwort Nummer {i} über Größe und Übermaß" for i in range(120)))
    seite.click("#beitrag-pruefen")
    markdown = seite.input_value("#beitrag-markdown")
    assert len(markdown) > 5000
    with seite.context.expect_page() as neu:
        seite.click("#beitrag-senden")
    teile = urlsplit(neu.value.url)
    assert parse_qs(teile.query) == {"filename": ["docs/leitfaeden/sehr-langer-leitfaden.md"]}
    seite.wait_for_function("document.getElementById('beitrag-meldung').textContent.includes('Zwischenablage')")
    assert seite.evaluate("navigator.clipboard.readText()") == markdown
    h.schreiben("docs/leitfaeden/sehr-langer-leitfaden.md", markdown)
    assert h.pruefen().returncode == 0


def _axe(seite) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    seite.mouse.move(0, 0)  # no hover state: Material's hover colours are the theme's, not ours

    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    ergebnis = Axe().run(seite, options={"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]})
    return [f"{v['id']}: {v['help']} – {[n['target'] for n in v['nodes'][:3]]}" for v in ergebnis.response["violations"]]


def test_formular_ohne_wcag_verstoesse(formular_seite) -> None:
    _, seite, _ = formular_seite
    assert _axe(seite) == []
    seite.click("#beitrag-pruefen")  # with the error list and the marked fields
    assert _axe(seite) == []
    assert seite.evaluate("document.activeElement.id") == "beitrag-fehler"  # focus moves to the errors
    seite.select_option("#beitrag-typ", "vorlage")
    _feld(seite, "title").fill("Testvorlage")
    _feld(seite, "zusammenfassung").fill("Eine Vorlage, die nur für diesen Test angelegt wird.")
    seite.click("#beitrag-pruefen")
    assert seite.evaluate("document.activeElement.id") == "beitrag-ergebnis-titel"
    assert _axe(seite) == []


def test_gitlab_bekommt_seine_adressform(tmp_path, seite, webserver) -> None:
    h = Handbuch.anlegen(tmp_path / "gl", {"docs/beitragen/einreichen.md": (ROOT / "docs/beitragen/einreichen.md").read_text(encoding="utf-8")})
    konfig = h.pfad / "mkdocs.yml"
    konfig.write_text("repo_url: https://gitlab.com/stadt/handbuch\nedit_uri: -/edit/redaktion/docs/\n" + konfig.read_text(encoding="utf-8"), encoding="utf-8")
    assert h.bauen().returncode == 0
    seite.context.route("https://gitlab.com/**", lambda route: route.fulfill(body="<p>GitLab (Attrappe)</p>", content_type="text/html"))
    seite.goto(webserver(h.site) + "beitragen/einreichen/?typ=handlungsfeld")
    seite.wait_for_selector("#beitrag-typ")
    assert seite.input_value("#beitrag-typ") == "handlungsfeld"
    _feld(seite, "title").fill("Stadtteilkultur")
    _feld(seite, "zusammenfassung").fill("Kultur im Stadtteil: Feste, Chöre und offene Bühnen im Quartier.")
    _feld(seite, "art").select_option("thematisch")
    _feld(seite, "reihenfolge").fill("drei")
    seite.click("#beitrag-pruefen")
    assert seite.locator("#beitrag-fehler li").all_inner_texts() == [
        "'Reihenfolge in Listen' muss eine ganze Zahl sein (ohne Anführungszeichen, Einheit und Tausenderpunkte), gefunden: Text 'drei'."
    ]
    _feld(seite, "reihenfolge").fill("3")
    seite.click("#beitrag-pruefen")
    assert seite.inner_text("#beitrag-senden") == "Auf GitLab einreichen"
    markdown = seite.input_value("#beitrag-markdown")
    assert "reihenfolge: 3\n" in markdown
    with seite.expect_download() as laden:
        seite.click("#beitrag-herunterladen")
    assert laden.value.suggested_filename == "stadtteilkultur.md"
    assert Path(laden.value.path()).read_text(encoding="utf-8") == markdown
    assert seite.inner_text("#beitrag-meldung") == "Die Datei stadtteilkultur.md wurde heruntergeladen."
    with seite.context.expect_page() as neu:
        seite.click("#beitrag-senden")
    teile = urlsplit(neu.value.url)
    assert f"{teile.scheme}://{teile.netloc}{teile.path}" == "https://gitlab.com/stadt/handbuch/-/new/redaktion"
    assert parse_qs(teile.query) == {"file_name": ["docs/handlungsfelder/stadtteilkultur.md"], "content": [markdown]}
    h.schreiben("docs/handlungsfelder/stadtteilkultur.md", markdown)
    assert h.pruefen().returncode == 0
