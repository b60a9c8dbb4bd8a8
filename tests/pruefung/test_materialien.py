"""Materials (Materialien zum Download): every rejected file is an error on file and line, in
``staedtenetz pruefen`` and in the build alike; accepted files appear on the page and in
katalog.json with format, size and SHA-256."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from conftest import Handbuch
from staedtenetz.inhalt import formate

SEITE = "docs/praxisbeispiele/mit-material.md"
ANZEIGE = "docs/praxisbeispiele/mit-material.md"

PDF = b"%PDF-1.4\n% Testdokument\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b30000000049454e44ae426082"
)


def ods() -> bytes:
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    return puffer.getvalue()


def docx_leer() -> bytes:
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return puffer.getvalue()


ODS = ods()


def eintrag(datei: str, feld: str = "materialien") -> str:
    """A case study whose single material (or image) names ``datei`` in line 11."""
    if feld == "bilder":
        teil = f"bilder:\n  - alt: Ein Bild\n    datei: {datei}\n    urheber: Testfoto\n"
    else:
        teil = f"materialien:\n  - titel: Bericht\n    datei: {datei}\n    lizenz: CC BY 4.0\n"
    return (
        "---\n"
        "typ: praxisbeispiel\n"
        "art: illustrativ\n"
        "title: Mit Material\n"
        "zusammenfassung: Ein erfundenes Beispiel mit einer Datei zum Herunterladen.\n"
        "kommune: essen\n"
        "handlungsfelder: [bildung]\n"
        "laufzeit: {von: 2020}\n"
        f"{teil}"
        "---\n"
        "# Mit Material\n"
    )


def pruefen_und_bauen(h: Handbuch) -> tuple[str, str]:
    """(output of staedtenetz pruefen, output of mkdocs build) – both must fail."""
    p = h.pruefen()
    assert p.returncode == 1, p.ausgabe
    b = h.bauen(strict=False)
    assert b.returncode == 1, b.ausgabe
    assert "Traceback" not in p.ausgabe + b.ausgabe
    assert p.stdout.splitlines()[-1].startswith("1 Fehler")
    return "\n".join(p.stdout.splitlines()[:-1]), b.ausgabe


ABGELEHNT = {
    "falscher-typ": (
        "materialien/programm.exe",
        {"docs/praxisbeispiele/materialien/programm.exe": b"MZ\x90\x00"},
        "Die Datei 'materialien/programm.exe' hat einen nicht erlaubten Typ ('.exe'). Erlaubt sind PDF, DOCX, "
        "ODT, XLSX, ODS, PPTX, ODP, CSV und Bilder (PNG, JPG, GIF, WebP, SVG).",
    ),
    "inhalt-passt-nicht-zur-endung": (
        "materialien/bericht.pdf",
        {"docs/praxisbeispiele/materialien/bericht.pdf": b"MZ\x90\x00 ein Programm, kein PDF"},
        "Die Datei 'materialien/bericht.pdf' endet auf '.pdf', ist aber keine PDF-Datei (der Inhalt passt nicht "
        "zur Endung). Speichern Sie sie im Format PDF oder korrigieren Sie die Endung.",
    ),
    "docx-ohne-word-inhalt": (
        "materialien/tabelle.docx",
        {"docs/praxisbeispiele/materialien/tabelle.docx": ODS},
        "Die Datei 'materialien/tabelle.docx' endet auf '.docx', ist aber keine DOCX-Datei (der Inhalt passt "
        "nicht zur Endung). Speichern Sie sie im Format DOCX oder korrigieren Sie die Endung.",
    ),
    "pfad-mit-punkt-punkt": (
        "../../../geheim.pdf",
        {"geheim.pdf": PDF},
        "Der Pfad '../../../geheim.pdf' führt mit '..' aus dem Inhaltsordner docs/ hinaus. Legen Sie die Datei "
        "in docs/ ab, z. B. in einen Ordner 'materialien/' neben dieser Seite.",
    ),
    "absoluter-pfad": (
        "/etc/passwd",
        {},
        "Der Pfad '/etc/passwd' ist absolut. Geben Sie den Pfad relativ zu dieser Seite an, z. B. "
        "'materialien/passwd', und legen Sie die Datei dort in docs/ ab.",
    ),
    "windows-pfad": (
        "'C:/Dokumente/bericht.pdf'",
        {},
        "Der Pfad 'C:/Dokumente/bericht.pdf' ist absolut. Geben Sie den Pfad relativ zu dieser Seite an, z. B. "
        "'materialien/bericht.pdf', und legen Sie die Datei dort in docs/ ab.",
    ),
    "webadresse": (
        "https://example.org/bericht.pdf",
        {},
        "'https://example.org/bericht.pdf' ist eine Webadresse. Hier steht eine Datei, die im Handbuch liegt; "
        "einen Link auf ein Dokument anderswo tragen Sie unter 'quellen' ein.",
    ),
    "fehlt": (
        "materialien/berict.pdf",
        {"docs/praxisbeispiele/materialien/bericht.pdf": PDF},
        "Die Datei 'materialien/berict.pdf' gibt es nicht (gesucht: docs/praxisbeispiele/materialien/berict.pdf). "
        "Prüfen Sie Schreibweise und Ordner. Meinten Sie 'bericht.pdf'?",
    ),
    # Clean names (issue 13): the published link needs no %20 and works on every server.
    "name-mit-leerzeichen-und-grossbuchstaben": (
        "'materialien/Konzept Quartierswerkstatt.pdf'",
        {"docs/praxisbeispiele/materialien/Konzept Quartierswerkstatt.pdf": PDF},
        "Die Datei 'materialien/Konzept Quartierswerkstatt.pdf' hat keinen sauberen Namen: erlaubt sind "
        "Kleinbuchstaben, Ziffern und Bindestriche (keine Großbuchstaben, Leerzeichen, Umlaute oder "
        "Unterstriche). Benennen Sie sie um in 'materialien/konzept-quartierswerkstatt.pdf' und schreiben Sie "
        "hier 'datei: materialien/konzept-quartierswerkstatt.pdf'.",
    ),
    "name-der-kamera": (
        "materialien/IMG_2034.JPG",
        {"docs/praxisbeispiele/materialien/IMG_2034.JPG": b"\xff\xd8\xff\xe0 JPEG"},
        "Die Datei 'materialien/IMG_2034.JPG' hat keinen sauberen Namen: erlaubt sind Kleinbuchstaben, Ziffern "
        "und Bindestriche (keine Großbuchstaben, Leerzeichen, Umlaute oder Unterstriche). Benennen Sie sie um in "
        "'materialien/img-2034.jpg' und schreiben Sie hier 'datei: materialien/img-2034.jpg'.",
    ),
    "umlaut-im-ordner": (
        "Übersicht/plan.pdf",
        {"docs/praxisbeispiele/Übersicht/plan.pdf": PDF},
        "Die Datei 'Übersicht/plan.pdf' hat keinen sauberen Namen: erlaubt sind Kleinbuchstaben, Ziffern und "
        "Bindestriche (keine Großbuchstaben, Leerzeichen, Umlaute oder Unterstriche). Benennen Sie sie um in "
        "'uebersicht/plan.pdf' und schreiben Sie hier 'datei: uebersicht/plan.pdf'.",
    ),
    "versteckte-datei": (
        "materialien/.bericht.pdf",
        {"docs/praxisbeispiele/materialien/.bericht.pdf": PDF},
        "'materialien/.bericht.pdf' ist eine versteckte Datei oder liegt in einem versteckten Ordner (Name "
        "beginnt mit '.'). Solche Dateien werden nicht veröffentlicht. Benennen Sie sie um.",
    ),
}


@pytest.mark.parametrize("fall", sorted(ABGELEHNT))
def test_abgelehntes_material_mit_datei_zeile_und_text(tmp_path: Path, fall: str) -> None:
    datei, dateien, text = ABGELEHNT[fall]
    h = Handbuch.anlegen(tmp_path / "h", {SEITE: eintrag(datei), **dateien}).git_init()
    h.commit("Material", "2024-01-15T10:00:00+01:00")
    pruefung, bau = pruefen_und_bauen(h)
    zeile = f"{ANZEIGE}:11: fehler: {text}"
    assert pruefung.splitlines() == [zeile]
    assert zeile in bau
    assert not (h.site / "praxisbeispiele/mit-material/index.html").exists()


def test_symbolischer_link_wird_abgelehnt(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "h", {SEITE: eintrag("materialien/bericht.pdf"), "ausserhalb/bericht.pdf": PDF})
    (h.docs / "praxisbeispiele/materialien").mkdir(parents=True)
    os.symlink(h.pfad / "ausserhalb/bericht.pdf", h.docs / "praxisbeispiele/materialien/bericht.pdf")
    h.git_init().commit("Link", "2024-01-15T10:00:00+01:00")
    pruefung, bau = pruefen_und_bauen(h)
    zeile = (
        f"{ANZEIGE}:11: fehler: 'materialien/bericht.pdf' ist ein symbolischer Link "
        "('praxisbeispiele/materialien/bericht.pdf'). Materialien müssen echte Dateien in docs/ sein: Kopieren "
        "Sie die Datei an diese Stelle."
    )
    assert pruefung.splitlines() == [zeile]
    assert zeile in bau


def test_verlinkter_ordner_wird_abgelehnt(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "h", {SEITE: eintrag("extern/bericht.pdf"), "ausserhalb/bericht.pdf": PDF})
    os.symlink(h.pfad / "ausserhalb", h.docs / "praxisbeispiele/extern")
    r = h.pruefen()
    assert r.returncode == 1
    assert r.stdout.startswith(f"{ANZEIGE}:11: fehler: 'extern/bericht.pdf' ist ein symbolischer Link ('praxisbeispiele/extern').")


def test_zu_grosse_datei_nach_standardgrenze(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "h", {SEITE: eintrag("materialien/gross.pdf")})
    gross = h.docs / "praxisbeispiele/materialien/gross.pdf"
    gross.parent.mkdir(parents=True)
    with open(gross, "wb") as f:  # sparse: 20.5 MB on paper, a few bytes on disk
        f.write(PDF)
        f.truncate(20_500_000)
    h.git_init().commit("Groß", "2024-01-15T10:00:00+01:00")
    pruefung, bau = pruefen_und_bauen(h)
    zeile = (
        f"{ANZEIGE}:11: fehler: Die Datei 'materialien/gross.pdf' ist 20,5 MB groß, erlaubt sind höchstens "
        "20 MB. Verkleinern Sie sie (z. B. Bilder im PDF komprimieren) oder verweisen Sie unter 'quellen' auf "
        "die Originalquelle."
    )
    assert pruefung.splitlines() == [zeile]
    assert zeile in bau


def test_grenze_ist_einstellbar(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "h", {SEITE: eintrag("materialien/bericht.pdf"), "docs/praxisbeispiele/materialien/bericht.pdf": PDF + b"x" * 3000})
    konfiguration = h.pfad / "mkdocs.yml"
    text = konfiguration.read_text()
    assert "  - staedtenetz/austausch\n" in text
    konfiguration.write_text(text.replace("  - staedtenetz/austausch\n", "  - staedtenetz/austausch:\n      materialien_max_mb: 0.002\n"))
    h.git_init().commit("Grenze", "2024-01-15T10:00:00+01:00")
    pruefung, bau = pruefen_und_bauen(h)
    zeile = (
        f"{ANZEIGE}:11: fehler: Die Datei 'materialien/bericht.pdf' ist 3 KB groß, erlaubt sind höchstens 2 KB. "
        "Verkleinern Sie sie (z. B. Bilder im PDF komprimieren) oder verweisen Sie unter 'quellen' auf die "
        "Originalquelle."
    )
    assert pruefung.splitlines() == [zeile]
    assert zeile in bau


def test_bild_muss_ein_bild_sein(tmp_path: Path) -> None:
    h = Handbuch.anlegen(
        tmp_path / "h",
        {SEITE: eintrag("materialien/foto.pdf", feld="bilder"), "docs/praxisbeispiele/materialien/foto.pdf": PDF},
    )
    r = h.pruefen()
    assert r.returncode == 1
    assert r.stdout.splitlines()[:-1] == [
        f"{ANZEIGE}:11: fehler: Das Bild 'materialien/foto.pdf' hat einen nicht erlaubten Typ ('.pdf'). Erlaubt "
        "sind PNG, JPG, GIF, WebP und SVG."
    ]


def test_svg_mit_skript_wird_abgelehnt(tmp_path: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    h = Handbuch.anlegen(
        tmp_path / "h",
        {SEITE: eintrag("materialien/karte.svg", feld="bilder"), "docs/praxisbeispiele/materialien/karte.svg": svg},
    )
    r = h.pruefen()
    assert r.returncode == 1
    assert r.stdout.startswith(f"{ANZEIGE}:11: fehler: Das SVG 'materialien/karte.svg' ist kein sauberes Bild")


MIT_ZWEI_MATERIALIEN = """\
---
typ: praxisbeispiel
art: illustrativ
title: Mit Material
zusammenfassung: Ein erfundenes Beispiel mit zwei Dateien zum Herunterladen.
kommune: essen
handlungsfelder: [bildung]
laufzeit: {von: 2020}
materialien:
  - titel: Abschlussbericht der Lernwerkstatt
    datei: materialien/bericht.pdf
    beschreibung: Ergebnisse und Zahlen der Jahre 2020 bis 2022.
    lizenz: CC BY 4.0
  - titel: Kostenübersicht
    datei: ../gemeinsam/kosten.ods
    lizenz: Alle Rechte vorbehalten
bilder:
  - datei: materialien/foto.png
    alt: Kinder in der Lernwerkstatt
    urheber: Testfoto
---
# Mit Material

Text.
"""


def test_materialien_auf_der_seite_und_in_katalog_json(tmp_path: Path) -> None:
    bericht = PDF + b"%" + b"0" * 1_234_000 + b"\n"
    h = Handbuch.anlegen(
        tmp_path / "h",
        {
            SEITE: MIT_ZWEI_MATERIALIEN,
            "docs/praxisbeispiele/materialien/bericht.pdf": bericht,
            "docs/gemeinsam/kosten.ods": ODS,
            "docs/praxisbeispiele/materialien/foto.png": PNG,
        },
    ).git_init()
    h.commit("Material", "2024-01-15T10:00:00+01:00")
    assert h.pruefen().returncode == 0
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe

    seite = h.html("praxisbeispiele/mit-material/index.html")
    ueberschrift = seite.find("h2", id="materialien-zum-download")
    assert ueberschrift is not None and ueberschrift.get_text(strip=True).startswith("Materialien zum Download")
    punkte = seite.select("ul.materialien > li")
    assert len(punkte) == 2
    links = [li.find("a") for li in punkte]
    assert [a.get_text(" ", strip=True) for a in links] == [
        "Abschlussbericht der Lernwerkstatt (PDF, 1,2 MB)",
        f"Kostenübersicht (ODS, {formate.dateigroesse(len(ODS))})",
    ]
    assert [a["href"] for a in links] == ["../materialien/bericht.pdf", "../../gemeinsam/kosten.ods"]
    assert links[0]["type"] == "application/pdf"
    assert punkte[0].select_one(".materialien__beschreibung").get_text() == "Ergebnisse und Zahlen der Jahre 2020 bis 2022."
    assert [p.select_one(".materialien__lizenz").get_text() for p in punkte] == ["Lizenz: CC BY 4.0", "Lizenz: Alle Rechte vorbehalten"]
    # The links work: the files are in the site, byte for byte.
    assert (h.site / "praxisbeispiele/materialien/bericht.pdf").read_bytes() == bericht
    assert (h.site / "gemeinsam/kosten.ods").read_bytes() == ODS
    # In the table of contents too.
    assert seite.select_one('.md-nav--secondary a[href="#materialien-zum-download"]') is not None

    katalog = json.loads((h.site / "katalog.json").read_text(encoding="utf-8"))
    (eintrag_,) = [e for e in katalog["eintraege"] if e["slug"] == "mit-material"]
    assert eintrag_["materialien"] == [
        {
            "titel": "Abschlussbericht der Lernwerkstatt",
            "datei": "praxisbeispiele/materialien/bericht.pdf",
            "format": "PDF",
            "mime": "application/pdf",
            "bytes": len(bericht),
            "sha256": hashlib.sha256(bericht).hexdigest(),
            "lizenz": "CC BY 4.0",
            "beschreibung": "Ergebnisse und Zahlen der Jahre 2020 bis 2022.",
        },
        {
            "titel": "Kostenübersicht",
            "datei": "gemeinsam/kosten.ods",
            "format": "ODS",
            "mime": "application/vnd.oasis.opendocument.spreadsheet",
            "bytes": len(ODS),
            "sha256": hashlib.sha256(ODS).hexdigest(),
            "lizenz": "Alle Rechte vorbehalten",
        },
    ]
    assert "materialien" not in eintrag_["felder"]
    # A page without materials has no such section.
    assert h.html("praxisbeispiele/lernwerkstatt/index.html").find(id="materialien-zum-download") is None


def test_docx_mit_word_inhalt_wird_angenommen(tmp_path: Path) -> None:
    h = Handbuch.anlegen(
        tmp_path / "h",
        {SEITE: eintrag("materialien/vorlage.docx"), "docs/praxisbeispiele/materialien/vorlage.docx": docx_leer()},
    )
    r = h.pruefen()
    assert r.returncode == 0, r.ausgabe


def test_saubere_namen() -> None:
    from staedtenetz.pruefung.materialien import ist_sauber, sauberer_name

    assert sauberer_name("IMG_2034.JPG") == "img-2034.jpg"
    assert sauberer_name("Konzept Quartierswerkstatt.pdf") == "konzept-quartierswerkstatt.pdf"
    assert sauberer_name("Straßenfest – Übersicht (2023).PDF") == "strassenfest-uebersicht-2023.pdf"
    assert sauberer_name("bericht.v2.pdf") == "bericht-v2.pdf"
    assert ist_sauber("bericht-2023.pdf") and not ist_sauber("bericht_2023.pdf") and not ist_sauber("Bericht.pdf")


def test_pfade_und_grenze_aus_der_konfiguration() -> None:
    from staedtenetz.pruefung import materialien

    assert materialien.ziel("praxisbeispiele/a.md", "materialien/b.pdf") == "praxisbeispiele/materialien/b.pdf"
    assert materialien.ziel("praxisbeispiele/a.md", "../gemeinsam/b.pdf") == "gemeinsam/b.pdf"
    assert materialien.ziel("praxisbeispiele/a.md", "../../b.pdf") is None
    assert materialien.ziel("a.md", "x/../../b.pdf") is None
    # mkdocs.yml may list plugins as a list or as a mapping (as the repository does).
    from staedtenetz.redaktion.projekt import Projekt

    def plugin(plugins):
        return Projekt(Path("."), Path("mkdocs.yml"), Path("docs"), {"plugins": plugins}).plugin("staedtenetz/austausch")

    assert plugin(["search", {"staedtenetz/austausch": {"materialien_max_mb": 5}}]) == {"materialien_max_mb": 5}
    assert plugin({"search": {}, "staedtenetz/austausch": {"materialien_max_mb": 2.5}}) == {"materialien_max_mb": 2.5}
    assert plugin({"staedtenetz/austausch": None}) == {} and plugin(["staedtenetz/austausch"]) == {}
    assert plugin(None) == {}
    assert materialien.formatangabe("a/b.PDF", 1_234_567) == "PDF, 1,2 MB"
    assert materialien.formatangabe("b.xlsx", 24_300) == "XLSX, 24 KB"
