"""Golden tests of query blocks (```abfrage): query text in, rendered result or messages out.

The catalogue is built as the build and ``staedtenetz pruefen`` build it (``katalog_pruefen``,
for one edition); the page is then rendered by Python-Markdown with the query extension, the
way the build renders it. Cases: ``golden/abfragen.yaml``.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import basis_eintraege
from staedtenetz.ansichten import abfrage as ansicht
from staedtenetz.ansichten.kontext import Ansichtskontext
from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.katalog.katalog import Katalog
from staedtenetz.katalog.laden import katalog_pruefen

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "abfragen.yaml").read_text(encoding="utf-8"))
FAELLE = GOLDEN["faelle"]
SEITE = "uebersicht.md"


def seite(fall: dict) -> str:
    if "viele" in fall:  # this many small blocks after the page text
        return fall["seite"] + "\n" + "```abfrage\ntyp: kommune\nanzeige: anzahl\n```\n\n" * fall["viele"]
    if "seite" in fall:
        return fall["seite"]
    return f"# Übersicht\n\n```abfrage\n{fall['abfrage']}```\n"


def katalog(text: str, ausgabe: str, docs: Path) -> Katalog:
    dateien = {**basis_eintraege(), **GOLDEN["bestand"], SEITE: text}
    quellen = [lesen(pfad, inhalt.encode("utf-8")) for pfad, inhalt in dateien.items()]
    return katalog_pruefen(quellen, docs, Ausgabe(intern=ausgabe == "intern"))


def rendern(k: Katalog, text: str) -> BeautifulSoup:
    """The page as the build renders it (links as with use_directory_urls)."""
    kontext = Ansichtskontext.aufbauen(k, lambda pfad: pfad.removesuffix(".md") + "/")
    erweiterung = ansicht.AbfrageErweiterung()
    erweiterung.rendern = ansicht.renderer(k, kontext.verlinker("uebersicht/"), SEITE)
    koerper = text.split("---\n", 2)[2] if text.startswith("---\n") else text  # MkDocs strips the front matter
    html = markdown.markdown(koerper, extensions=[erweiterung, "pymdownx.superfences", "admonition"])
    return BeautifulSoup(html, "html.parser")


def _text(element) -> str:
    return " ".join(element.get_text(" ").replace("\xa0", " ").split())


def _zelle(element) -> str:
    return " ".join(element.get_text().replace("\xa0", " ").split())


@pytest.mark.parametrize("fall", FAELLE, ids=[f["name"] for f in FAELLE])
def test_golden(fall: dict, tmp_path: Path) -> None:
    text = seite(fall)
    k = katalog(text, fall.get("ausgabe", "oeffentlich"), tmp_path)
    tatsaechlich = [m.als_zeile() for m in k.meldungen]
    erwartet = fall.get("meldungen", [])
    assert len(tatsaechlich) == len(erwartet), "\n".join(tatsaechlich)
    for soll, ist in zip(sorted(erwartet), sorted(tatsaechlich)):
        assert ist.startswith(soll), f"\nerwartet: {soll}\nbekommen: {ist}"

    if any(m.ist_fehler for m in k.meldungen):
        return  # the build stops; only the live preview renders such a page (see below)
    html = rendern(k, text)
    block = html.select_one(".staedtenetz-abfrage")
    if "text" in fall and fall["text"] is None:
        assert block is None
        assert "typ: gibt-es-nicht" in html.get_text()  # left as code
        return
    assert block is not None, str(html)
    if "tabelle" in fall:
        zeilen = [[_zelle(z) for z in tr.find_all(["th", "td"])] for tr in block.select("tr")]
        assert zeilen == fall["tabelle"]
    if "text" in fall:
        assert _text(block) == fall["text"]
    if "links" in fall:
        assert [a["href"] for a in block.select("a")] == fall["links"]


def test_fehlerhafte_abfrage_wird_in_der_vorschau_als_hinweis_gezeigt(tmp_path: Path) -> None:
    text = "# Übersicht\n\n```abfrage\ntyp: praxisbeispiel\nkommune: esen\n```\n"
    k = katalog(text, "oeffentlich", tmp_path)
    assert [m.zeile for m in k.fehler] == [5]
    block = rendern(k, text).select_one(".staedtenetz-abfrage--fehler")
    assert block is not None and "Fehler" in block.get_text()


def test_werte_werden_maskiert(tmp_path: Path) -> None:
    """Titles and field values reach the page only escaped (content is untrusted)."""
    boese = {
        "foerderprogramme/boese.md": (
            "---\ntyp: foerderprogramm\ntitle: '<img src=x onerror=alert(1)>'\n"
            "zusammenfassung: Ein Programm mit HTML im Titel für den Test.\nfoerdergeber: ['<b>Land</b>']\n"
            "foerdergegenstand: Test.\nprogrammstatus: laufend\nstand: 2025-01-01\n"
            "quellen: [{titel: Q, url: 'https://example.org'}]\n---\n# Böse\n"
        )
    }
    GOLDEN["bestand"].update(boese)
    try:
        text = "# Übersicht\n\n```abfrage\ntyp: foerderprogramm\nfoerdergeber: <b>land</b>\nspalten: [title, foerdergeber]\n```\n"
        k = katalog(text, "oeffentlich", tmp_path)
        # pruefen rejects HTML in these fields, so the build would stop; the live preview still
        # renders the page, and the renderer escapes whatever it gets (defence in depth).
        assert all("enthält HTML" in m.text for m in k.meldungen)
        html = rendern(k, text)
        assert html.select_one(".staedtenetz-abfrage img") is None
        assert html.select_one(".staedtenetz-abfrage b") is None
        assert "<img src=x onerror=alert(1)>" in html.select_one(".staedtenetz-abfrage a").get_text()
    finally:
        for pfad in boese:
            del GOLDEN["bestand"][pfad]


def test_rueckverweise_zaehlen_abfrageergebnisse(tmp_path: Path) -> None:
    text = "# Übersicht\n\n```abfrage\ntyp: praxisbeispiel\nkommune: dortmund\n```\n\n```abfrage\ntyp: kommune\nanzeige: anzahl\n```\n"
    k = katalog(text, "oeffentlich", tmp_path)
    kontext = Ansichtskontext.aufbauen(k, lambda pfad: pfad.removesuffix(".md") + "/")
    erwaehnt = lambda slug: [s.pfad for s in kontext.erwaehnt.get(slug, [])]  # noqa: E731
    assert SEITE in erwaehnt("schulgarten") and SEITE in erwaehnt("klimastrasse")
    assert SEITE not in erwaehnt("lernwerkstatt")  # not a result
    assert SEITE not in erwaehnt("bochum")  # a count links to nothing
