"""Editable downloads: every template as DOCX, ODT and PDF, every guide as PDF – opened with
libraries that read those formats (python-docx, odfpy, pypdf) and checked for the template's
headings, list items, table cells and [Platzhalter]."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from odf import dc, opendocument, teletype
from odf import table as odftable
from odf import text as odftext
from pypdf import PdfReader

from conftest import Handbuch
from staedtenetz.inhalt import formate

VORLAGE = """\
---
typ: vorlage
title: Sachbericht Verfügungsfonds
zusammenfassung: Testvorlage mit Überschriften, Liste, Tabelle und Platzhaltern.
handlungsfelder: [bildung]
---
# Sachbericht Verfügungsfonds

Ersetzen Sie alle Angaben in eckigen Klammern.

## 1 Angaben zum Projekt

- Träger: [Name des Trägers]
- Zeitraum: [von–bis]

## 2 Kosten und Finanzierung

| Posten | Betrag | Quelle |
|---|---|---|
| [Sachkosten] | [Betrag in Euro] | Verfügungsfonds |
| Honorare | [Betrag in Euro] | [Eigenanteil] |

### 2.1 Hinweise

Siehe [Lernwerkstatt](../praxisbeispiele/lernwerkstatt.md) und [[verstetigung]].
"""

LEITFADEN_TEXT = """\

Ein Leitfaden mit **Hinweisen** zur Verstetigung nach der Förderung.

## Schritte

1. Früh beginnen
2. Partner gewinnen
"""


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    h = Handbuch.anlegen(tmp_path_factory.mktemp("export") / "h", {"docs/vorlagen/sachbericht.md": VORLAGE})
    leitfaden = h.docs / "leitfaeden/verstetigung.md"
    leitfaden.write_text(leitfaden.read_text(encoding="utf-8") + LEITFADEN_TEXT, encoding="utf-8")
    konfiguration = h.pfad / "mkdocs.yml"
    konfiguration.write_text("site_url: https://handbuch.example.org/\n" + konfiguration.read_text(encoding="utf-8"))
    h.git_init().commit("Vorlagen", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    h.erster_bau = r.ausgabe  # type: ignore[attr-defined]
    return h


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_docx_hat_ueberschriften_listen_tabelle_und_platzhalter(gebaut: Handbuch) -> None:
    d = docx.Document(str(gebaut.site / "vorlagen/sachbericht/sachbericht.docx"))
    ueberschriften = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert ueberschriften == [
        ("Heading 1", "Sachbericht Verfügungsfonds"),
        ("Heading 2", "1 Angaben zum Projekt"),
        ("Heading 2", "2 Kosten und Finanzierung"),
        ("Heading 3", "2.1 Hinweise"),
    ]
    texte = [p.text for p in d.paragraphs]
    assert "Träger: [Name des Trägers]" in texte and "Zeitraum: [von–bis]" in texte
    # The list items are list paragraphs (numbering properties), not plain text with dashes.
    listenpunkte = [p for p in d.paragraphs if p.text.startswith(("Träger:", "Zeitraum:"))]
    assert all(p._p.pPr is not None and p._p.pPr.numPr is not None for p in listenpunkte)
    (tabelle,) = d.tables
    assert [[c.text for c in zeile.cells] for zeile in tabelle.rows] == [
        ["Posten", "Betrag", "Quelle"],
        ["[Sachkosten]", "[Betrag in Euro]", "Verfügungsfonds"],
        ["Honorare", "[Betrag in Euro]", "[Eigenanteil]"],
    ]
    # Links into the handbook point to the published pages; the wiki link shows the guide's title.
    assert "Siehe Lernwerkstatt und Verstetigung." in texte
    beziehungen = [r.target_ref for r in d.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert sorted(beziehungen) == [
        "https://handbuch.example.org/leitfaeden/verstetigung/",
        "https://handbuch.example.org/praxisbeispiele/lernwerkstatt/",
        "https://handbuch.example.org/vorlagen/sachbericht/",
    ]
    assert d.core_properties.language == "de-DE"
    # The title is in the document properties (Word: Datei → Informationen), not only in "subject".
    assert d.core_properties.title == "Sachbericht Verfügungsfonds"
    # No empty title block from the converter above the page's own heading.
    assert d.paragraphs[0].text == "Sachbericht Verfügungsfonds"


def test_odt_hat_ueberschriften_listen_tabelle_und_platzhalter(gebaut: Handbuch) -> None:
    pfad = gebaut.site / "vorlagen/sachbericht/sachbericht.odt"
    with zipfile.ZipFile(pfad) as z:
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    dok = opendocument.load(str(pfad))
    (titel,) = dok.meta.getElementsByType(dc.Title)
    assert teletype.extractText(titel) == "Sachbericht Verfügungsfonds"
    ueberschriften = [
        (int(h.getAttribute("outlinelevel")), teletype.extractText(h)) for h in dok.getElementsByType(odftext.H)
    ]
    assert ueberschriften == [
        (1, "Sachbericht Verfügungsfonds"),
        (2, "1 Angaben zum Projekt"),
        (2, "2 Kosten und Finanzierung"),
        (3, "2.1 Hinweise"),
    ]
    listenpunkte = [_normal(teletype.extractText(li)) for li in dok.getElementsByType(odftext.ListItem)]
    assert listenpunkte == ["Träger: [Name des Trägers]", "Zeitraum: [von–bis]"]
    zeilen = [
        [_normal(teletype.extractText(c)) for c in zeile.getElementsByType(odftable.TableCell)]
        for zeile in dok.getElementsByType(odftable.TableRow)
    ]
    assert zeilen == [
        ["Posten", "Betrag", "Quelle"],
        ["[Sachkosten]", "[Betrag in Euro]", "Verfügungsfonds"],
        ["Honorare", "[Betrag in Euro]", "[Eigenanteil]"],
    ]


def test_pdf_hat_den_text_der_quelle(gebaut: Handbuch) -> None:
    pdf = PdfReader(str(gebaut.site / "vorlagen/sachbericht/sachbericht.pdf"))
    text = _normal(" ".join(seite.extract_text() for seite in pdf.pages))
    for teil in [
        "Sachbericht Verfügungsfonds",
        "Ersetzen Sie alle Angaben in eckigen Klammern.",
        "1 Angaben zum Projekt",
        "Träger: [Name des Trägers]",
        "2 Kosten und Finanzierung",
        "Posten Betrag Quelle",
        "[Sachkosten] [Betrag in Euro] Verfügungsfonds",
        "Honorare [Betrag in Euro] [Eigenanteil]",
        "2.1 Hinweise",
        "https://handbuch.example.org/vorlagen/sachbericht/",
    ]:
        assert teil in text, teil
    assert pdf.metadata.title == "Sachbericht Verfügungsfonds"
    # Tagged PDF in German: screen readers get headings, lists and tables.
    wurzel = pdf.trailer["/Root"]
    assert wurzel["/Lang"] == "de" and bool(wurzel["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in wurzel
    assert "Seite 1 von 1" in text

    leitfaden = PdfReader(str(gebaut.site / "leitfaeden/verstetigung/verstetigung.pdf"))
    text = _normal(" ".join(seite.extract_text() for seite in leitfaden.pages))
    for teil in ["Verstetigung", "Ein Leitfaden mit Hinweisen zur Verstetigung nach der Förderung.", "Schritte", "Früh beginnen", "Partner gewinnen"]:
        assert teil in text, teil


def test_downloadlinks_auf_der_seite(gebaut: Handbuch) -> None:
    ordner = gebaut.site / "vorlagen/sachbericht"
    seite = gebaut.html("vorlagen/sachbericht/index.html")
    kasten = seite.select_one(".vorlage-downloads")
    assert kasten["role"] == "group"
    assert seite.find(id=kasten["aria-labelledby"]).get_text() == "Diese Vorlage herunterladen und ausfüllen"
    links = kasten.select("a")
    groesse = {f: formate.dateigroesse((ordner / f"sachbericht.{f}").stat().st_size) for f in ("docx", "odt", "pdf")}
    assert [(a["href"], a.get_text()) for a in links] == [
        ("sachbericht.docx", f"Als Word-Datei (DOCX, {groesse['docx']})"),
        ("sachbericht.odt", f"Als LibreOffice-Datei (ODT, {groesse['odt']})"),
        ("sachbericht.pdf", f"Als PDF zum Drucken (PDF, {groesse['pdf']})"),
    ]
    assert re.fullmatch(r"\d+ KB", groesse["docx"])
    # Right after the page heading (the fact box may sit in between).
    h1 = seite.select_one(".md-content h1")
    assert kasten in h1.find_next_siblings()[:2]

    leitfaden = gebaut.html("leitfaeden/verstetigung/index.html").select(".vorlage-downloads a")
    assert [a["href"] for a in leitfaden] == ["verstetigung.pdf"]
    assert leitfaden[0].get_text().startswith("Als PDF zum Drucken (PDF, ")
    # Other entry types get no generated downloads.
    assert gebaut.html("praxisbeispiele/lernwerkstatt/index.html").select_one(".vorlage-downloads") is None
    assert sorted(p.name for p in (gebaut.site / "praxisbeispiele/lernwerkstatt").iterdir()) == ["index.html"]


def test_druckstil_ist_eingebunden(gebaut: Handbuch) -> None:
    seite = gebaut.html("vorlagen/sachbericht/index.html")
    css = [l["href"] for l in seite.find_all("link", rel="stylesheet")]
    # All our CSS is one stylesheet (one request instead of one per file); it has the print rules.
    assert [h for h in css if "staedtenetz" in h] == ["../../assets/staedtenetz/staedtenetz.css"]
    gebuendelt = (gebaut.site / "assets/staedtenetz/staedtenetz.css").read_text(encoding="utf-8")
    druck = (gebaut.site / "assets/staedtenetz/druck.css").read_text(encoding="utf-8")
    assert "@media print" in druck and ".md-header" in druck and ".md-sidebar" in druck
    assert druck.strip() in gebuendelt


def test_zwischenspeicher_wandelt_nur_geaendertes_um(gebaut: Handbuch) -> None:
    assert "Vorlagen und Leitfäden: 7 Downloads, davon 7 neu umgewandelt" in gebaut.erster_bau  # type: ignore[attr-defined]
    r = gebaut.bauen()
    assert r.returncode == 0, r.ausgabe
    assert "Vorlagen und Leitfäden: 7 Downloads, davon 0 neu umgewandelt" in r.ausgabe
    quelle = gebaut.docs / "vorlagen/sachbericht.md"
    quelle.write_text(quelle.read_text(encoding="utf-8").replace("[Eigenanteil]", "[Eigenmittel]"), encoding="utf-8")
    r = gebaut.bauen()
    assert r.returncode == 0, r.ausgabe
    assert "Vorlagen und Leitfäden: 7 Downloads, davon 3 neu umgewandelt" in r.ausgabe
    d = docx.Document(str(gebaut.site / "vorlagen/sachbericht/sachbericht.docx"))
    assert d.tables[0].rows[2].cells[2].text == "[Eigenmittel]"
    assert len(list((gebaut.pfad / ".cache/staedtenetz/docx").glob("sachbericht-*.docx"))) == 2  # old and new


def test_ohne_site_url_bleiben_links_text(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "h", {"docs/vorlagen/sachbericht.md": VORLAGE}).git_init()
    h.commit("Vorlage", "2024-01-15T10:00:00+01:00")
    assert h.bauen().returncode == 0
    d = docx.Document(str(h.site / "vorlagen/sachbericht/sachbericht.docx"))
    assert "Siehe Lernwerkstatt und Verstetigung." in [p.text for p in d.paragraphs]
    assert [r for r in d.part.rels.values() if r.reltype.endswith("/hyperlink")] == []


def test_pdf_eines_leitfadens_mit_bild(tmp_path: Path) -> None:
    """Images of the page go into the PDF from the docs folder – no traceback, no network."""
    import base64

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    h = Handbuch.anlegen(tmp_path / "h")
    h.schreiben("docs/leitfaeden/bild.png", png)
    leitfaden = h.docs / "leitfaeden/verstetigung.md"
    text = leitfaden.read_text(encoding="utf-8").replace(
        "---\n# Verstetigung",
        "bilder:\n  - datei: bild.png\n    alt: Ein Testbild\n    urheber: Testfoto Stadt Essen\n---\n# Verstetigung"
        "\n\n![Ein Testbild](bild.png)\n\nText mit Bild.",
    )
    leitfaden.write_text(text, encoding="utf-8")
    h.git_init().commit("Bild", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    assert "Traceback" not in r.ausgabe
    pdf = PdfReader(str(h.site / "leitfaeden/verstetigung/verstetigung.pdf"))
    assert "Text mit Bild" in _normal(" ".join(p.extract_text() for p in pdf.pages))
    assert any(seite.images for seite in pdf.pages)


@pytest.fixture
def pandoc_neu_erkennen():
    from staedtenetz.ansichten import vorlagen_export as ve

    ve.pandoc_kennung.cache_clear()
    yield
    ve.pandoc_kennung.cache_clear()
    ve.pandoc_version.cache_clear()


@pytest.mark.usefixtures("pandoc_neu_erkennen")
def test_zwischenspeicher_startet_pandoc_nicht(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A download already in the cache costs no pandoc start (its binary takes seconds to load
    when the system has dropped it from memory); a changed pandoc binary converts again."""
    import os
    import subprocess

    from staedtenetz.ansichten import vorlagen_export as ve

    echt = ve.pandoc_programm()
    assert echt is not None
    dok = ve.Dokument(titel="Sachbericht", koerper="<p>Text</p>", basis=tmp_path, wurzel=tmp_path)
    exporter = ve.Exporter(tmp_path / "cache")
    erste = exporter.erzeugen(dok, "docx", "sachbericht")
    assert exporter.umgewandelt == 1 and docx.Document(str(erste.pfad)).paragraphs[0].text == "Text"

    gestartet: list[object] = []
    original = subprocess.run

    def run(befehl, *a, **k):  # noqa: ANN001, ANN202 - records, then runs the real program
        gestartet.append(befehl)
        return original(befehl, *a, **k)

    monkeypatch.setattr(ve.subprocess, "run", run)
    ve.pandoc_kennung.cache_clear()  # a new build process: nothing known yet
    ve.pandoc_version.cache_clear()
    zweite = ve.Exporter(tmp_path / "cache")
    assert zweite.erzeugen(dok, "docx", "sachbericht").pfad == erste.pfad
    assert zweite.umgewandelt == 0 and gestartet == []

    kopie = tmp_path / "pandoc"  # the same pandoc as another file: another key
    os.symlink(echt, kopie)
    monkeypatch.setattr(ve, "pandoc_programm", lambda: str(kopie))
    ve.pandoc_kennung.cache_clear()
    dritte = ve.Exporter(tmp_path / "cache")
    assert dritte.erzeugen(dok, "docx", "sachbericht").pfad != erste.pfad
    assert dritte.umgewandelt == 1 and gestartet
