"""Contributing from Word: templates downloaded from a built site, filled in as a person would
(python-docx, and copies saved by LibreOffice headless), imported with ``staedtenetz import``,
checked with ``staedtenetz pruefen`` and built into an entry page with its photo and credit.

LibreOffice is slow to start, so it runs twice per module (one call converts several files).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from odf import dc, opendocument, teletype
from odf import style as odfstyle
from odf import table as odftable
from odf import text as odftext

from beitrag_fixture import PRAXISBEISPIEL, ausfuellen
from conftest import Handbuch
from staedtenetz.beitrag import felder, vorlage
from staedtenetz.inhalt.abschnitte import ABSCHNITTE

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

BEITRAGSSEITE = """\
---
title: Beitrag einreichen
---
# Beitrag einreichen

<!-- staedtenetz:word-vorlagen -->
"""


def _libreoffice(ziel_format: str, ausgabe: Path, *dateien: Path) -> None:
    """Open and save ``dateien`` with LibreOffice headless (a real office suite)."""
    assert SOFFICE, "LibreOffice fehlt (Debian: libreoffice-writer-nogui)"
    profil = ausgabe.parent / "lo-profil"
    r = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profil.as_uri()}", "--convert-to", ziel_format, "--outdir", str(ausgabe), *map(str, dateien)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    for d in dateien:
        assert (ausgabe / f"{d.stem}.{ziel_format}").is_file(), f"LibreOffice hat {d.name} nicht gespeichert: {r.stdout}{r.stderr}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    """A built fixture site with the contribution page (the templates come from here)."""
    h = Handbuch.anlegen(tmp_path_factory.mktemp("beitrag") / "h", {"docs/beitragen/einreichen.md": BEITRAGSSEITE})
    h.git_init().commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    return h


@pytest.fixture(scope="module")
def dokumente(site: Handbuch, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The filled-in documents: the downloaded DOCX filled with python-docx, the same saved by
    LibreOffice as ODT, and the downloaded ODT opened in LibreOffice, filled, saved as ODT."""
    ordner = tmp_path_factory.mktemp("dokumente")
    seite = site.html("beitragen/einreichen/index.html")
    links = [a["href"] for a in seite.select("ul.word-vorlagen a")]
    docx_url = next(u for u in links if u.endswith("vorlage-praxisbeispiel.docx"))
    odt_url = next(u for u in links if u.endswith("vorlage-praxisbeispiel.odt"))
    geladen_docx = site.site / "beitragen/einreichen" / docx_url
    geladen_odt = site.site / "beitragen/einreichen" / odt_url
    gefuellt = ausfuellen(geladen_docx, ordner / "lernwerkstatt.docx")
    # LibreOffice 1: the downloaded ODT opens; saved as DOCX to be filled like the Word file
    lo1 = ordner / "lo1"
    _libreoffice("docx", lo1, geladen_odt)
    # LibreOffice knows the guidance style of the ODT
    assert "Hinweis" in {p.style.name for p in docx.Document(str(lo1 / "vorlage-praxisbeispiel.docx")).paragraphs}
    aus_odt = ausfuellen(lo1 / "vorlage-praxisbeispiel.docx", ordner / "lernwerkstatt-odt.docx")
    # LibreOffice 2: both filled documents saved as ODT by the office suite
    lo2 = ordner / "lo2"
    _libreoffice("odt", lo2, gefuellt, aus_odt)
    return {"docx": gefuellt, "odt": lo2 / "lernwerkstatt.odt", "odt-vorlage": lo2 / "lernwerkstatt-odt.odt"}


def _neues_handbuch(tmp_path: Path) -> Handbuch:
    h = Handbuch.anlegen(tmp_path / "h", {"docs/beitragen/einreichen.md": BEITRAGSSEITE})
    return h.git_init()


def _dateien(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def _frontmatter(pfad: Path) -> dict:
    return yaml.safe_load(pfad.read_text(encoding="utf-8").split("---\n")[1])


# -- the templates --------------------------------------------------------------------------------


def test_vorlagen_auf_der_beitragsseite(site: Handbuch) -> None:
    seite = site.html("beitragen/einreichen/index.html")
    texte = [li.get_text(" ", strip=True) for li in seite.select("ul.word-vorlagen li")]
    assert [t.split(":")[0].strip() for t in texte] == ["Praxisbeispiel", "Programmgebiet", "Vorlage"]
    for typ in felder.VORLAGENTYPEN:
        for fmt in ("docx", "odt"):
            assert (site.site / "beitragen" / f"vorlage-{typ}.{fmt}").stat().st_size > 5000


def test_docx_vorlage_folgt_dem_modell(site: Handbuch) -> None:
    d = docx.Document(str(site.site / "beitragen/vorlage-praxisbeispiel.docx"))
    assert d.core_properties.title == "Vorlage für das Handbuch: Praxisbeispiel"
    (tabelle, *_) = d.tables
    reihen = [[c.text for c in r.cells] for r in tabelle.rows]
    assert reihen[0] == ["Angabe", "Ihr Eintrag", "Hinweis"]
    assert reihen[1][:2] == ["Art des Beitrags", "Praxisbeispiel"]
    assert [r[0] for r in reihen[2:]] == [z.titel for z in felder.zeilen("praxisbeispiel")]
    hinweise = {r[0]: r[2] for r in reihen}
    # The allowed values from the catalogue of this handbook, with their slugs.
    assert "Bildung (bildung)" in hinweise["Handlungsfelder"]
    assert "Essen (essen)" in hinweise["Kommune"]
    assert "Erlaubt: dokumentiert, illustrativ." in hinweise["Art"]
    assert hinweise["Titel"].startswith("Pflichtangabe.") and hinweise["Träger"].startswith("Freiwillig.")
    ueberschriften = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert ueberschriften == ["Steckbrief", *(a.titel for a in ABSCHNITTE["praxisbeispiel"])]
    hinweis = [p for p in d.paragraphs if p.text.startswith(vorlage.HINWEIS_PRAEFIX)]
    assert hinweis and all(p.style.name == "Hinweis" for p in hinweis)


def test_odt_vorlage_hat_titel_tabelle_und_abschnitte(site: Handbuch) -> None:
    pfad = site.site / "beitragen/vorlage-programmgebiet.odt"
    with zipfile.ZipFile(pfad) as z:
        assert z.infolist()[0].filename == "mimetype" and z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    dok = opendocument.load(str(pfad))
    (titel,) = dok.meta.getElementsByType(dc.Title)
    assert teletype.extractText(titel) == "Vorlage für das Handbuch: Programmgebiet"
    erste_spalte = [teletype.extractText(r.getElementsByType(odftable.TableCell)[0]).strip() for r in dok.getElementsByType(odftable.TableRow)]
    assert erste_spalte[2:] == [z.titel for z in felder.zeilen("programmgebiet")]
    # the guidance has its own (grey, italic) paragraph style, defined in the document
    hinweisstil = [st for st in dok.styles.getElementsByType(odfstyle.Style) if st.getAttribute("name") == "Hinweis"]
    assert len(hinweisstil) == 1
    assert any(p.getAttribute("stylename") == "Hinweis" for p in dok.getElementsByType(odftext.P))
    ueberschriften = [teletype.extractText(h).strip() for h in dok.getElementsByType(odftext.H)]
    assert ueberschriften == ["Steckbrief", *(a.titel for a in ABSCHNITTE["programmgebiet"])]


# -- round trip -------------------------------------------------------------------------------


@pytest.mark.parametrize("art", ["docx", "odt", "odt-vorlage"])
def test_rundreise_import_pruefen(art: str, dokumente: dict[str, Path], tmp_path: Path) -> None:
    h = _neues_handbuch(tmp_path)
    r = h.run("staedtenetz", "import", str(dokumente[art]))
    assert r.returncode == 0, r.ausgabe
    assert "Eingelesen als Entwurf: docs/praxisbeispiele/lernwerkstatt-im-hof.md" in r.stdout
    eintrag = h.docs / "praxisbeispiele/lernwerkstatt-im-hof.md"
    daten = _frontmatter(eintrag)
    assert daten == {
        "typ": "praxisbeispiel",
        "title": "Lernwerkstatt im Hof",
        "zusammenfassung": PRAXISBEISPIEL["Zusammenfassung"],
        "status": "entwurf",
        "art": "illustrativ",
        "kommune": "essen",
        "programmgebiet": "essen-testviertel",
        "handlungsfelder": ["bildung"],
        "foerderprogramme": ["sozialer-zusammenhalt"],
        "laufzeit": {"von": 2021, "bis": 2023},
        "traeger": ["Stadt Essen, Amt für Stadterneuerung", "Förderverein der Grundschule"],
        "zielgruppen": ["Kinder", "Eltern"],
        "kosten": {"gesamt": 60000},
        "ansprechstelle": {"stelle": "Stadt Essen, Amt für Stadterneuerung", "email": "stadterneuerung@essen.example"},
        "bilder": [
            {"datei": "lernwerkstatt-im-hof/foto-1.png", "alt": "Kinder bauen ein Hochbeet im Schulhof", "urheber": "Stadt Essen, Amt 61"}
        ],
    }
    text = eintrag.read_text(encoding="utf-8")
    koerper = text.split("---\n", 2)[2]
    # guidance, empty paragraphs and the caption line are gone; sections, list and photo stay
    assert "Hinweis" not in koerper and "(Foto:" not in koerper and "\n\n\n" not in koerper
    assert re.findall(r"^## (.+)$", koerper, re.MULTILINE) == ["Ausgangslage", "Vorgehen", "Ergebnisse"]
    assert "![Kinder bauen ein Hochbeet im Schulhof](lernwerkstatt-im-hof/foto-1.png)" in koerper
    if art == "docx" or art == "odt":  # LibreOffice's own documents have no Word list style to fill
        # a Markdown list (pandoc 2 writes "-   ", pandoc 3 "- ")
        assert re.search(r"^- +Planung mit den Kindern\n- +Bau der Hochbeete\n", koerper, re.MULTILINE), koerper
    assert (h.docs / "praxisbeispiele/lernwerkstatt-im-hof/foto-1.png").read_bytes().startswith(b"\x89PNG")
    p = h.pruefen()
    assert p.returncode == 0 and "0 Fehler, 0 Warnungen" in p.ausgabe, p.ausgabe


def test_rundreise_bis_zur_eintragsseite(dokumente: dict[str, Path], tmp_path: Path) -> None:
    h = _neues_handbuch(tmp_path)
    assert h.run("staedtenetz", "import", str(dokumente["docx"])).returncode == 0
    # The editorial office releases the draft.
    eintrag = h.docs / "praxisbeispiele/lernwerkstatt-im-hof.md"
    eintrag.write_text(eintrag.read_text(encoding="utf-8").replace("status: entwurf", "status: veroeffentlicht"), encoding="utf-8")
    h.commit("Beitrag aus Word", "2024-02-01T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    seite = h.html("praxisbeispiele/lernwerkstatt-im-hof/index.html")
    inhalt = seite.select_one("article") or seite
    assert inhalt.h1.get_text(strip=True).startswith("Lernwerkstatt im Hof")
    assert [h2.get_text(strip=True).rstrip("¶") for h2 in inhalt.select("h2")][:3] == ["Ausgangslage", "Vorgehen", "Ergebnisse"]
    text = inhalt.get_text(" ", strip=True)
    for teil in ["Essen", "Bildung", "2021", "2023", "Förderverein der Grundschule", "Planung mit den Kindern"]:
        assert teil in text, teil
    (figur,) = inhalt.select("figure.bild")
    assert figur.img["alt"] == "Kinder bauen ein Hochbeet im Schulhof"
    assert figur.figcaption.get_text(strip=True) == "Foto: Stadt Essen, Amt 61"
    assert (h.site / "praxisbeispiele/lernwerkstatt-im-hof" / figur.img["src"]).read_bytes().startswith(b"\x89PNG")


# -- typical mistakes -----------------------------------------------------------------------------


def _fehler(h: Handbuch, dokument: Path) -> list[str]:
    vorher = _dateien(h.docs)
    r = h.run("staedtenetz", "import", str(dokument))
    assert r.returncode == 1, r.ausgabe
    assert "Traceback" not in r.ausgabe
    assert "Nichts geschrieben" in r.stderr
    assert _dateien(h.docs) == vorher, "bei Fehlern wird nichts geschrieben"
    return [z.split(": fehler: ", 1)[1] for z in r.stdout.splitlines() if ": fehler: " in z]


def test_unbekannte_kommune(site: Handbuch, tmp_path: Path) -> None:
    h = _neues_handbuch(tmp_path)
    dok = ausfuellen(site.site / "beitragen/vorlage-praxisbeispiel.docx", tmp_path / "a.docx", {**PRAXISBEISPIEL, "Kommune": "Esen"})
    assert _fehler(h, dok) == ["Steckbrief, Zeile 'Kommune': 'Esen' ist keine Kommune des Handbuchs. Meinten Sie 'Essen' (essen)?"]


def test_bildnachweis_fehlt(site: Handbuch, tmp_path: Path) -> None:
    h = _neues_handbuch(tmp_path)
    dok = ausfuellen(site.site / "beitragen/vorlage-praxisbeispiel.docx", tmp_path / "a.docx", unterschrift="Kinder bauen ein Hochbeet")
    assert _fehler(h, dok) == [
        "Foto 1 ('foto-1.png'): Es fehlt der Bildnachweis. Schreiben Sie in die Zeile unter dem Foto, was zu sehen "
        "ist und wer es gemacht hat, z. B. 'Kinder bauen ein Hochbeet (Foto: Stadt Essen, Amt 61)', oder füllen Sie "
        "im Steckbrief die Zeile 'Bildnachweis' aus."
    ]
    # the Steckbrief row carries the credit for every photo without its own
    dok = ausfuellen(
        site.site / "beitragen/vorlage-praxisbeispiel.docx",
        tmp_path / "b.docx",
        {**PRAXISBEISPIEL, "Bildnachweis": "Förderverein der Grundschule", "Bildlizenz": "CC BY 4.0"},
        unterschrift="Kinder bauen ein Hochbeet",
    )
    r = h.run("staedtenetz", "import", str(dok))
    assert r.returncode == 0, r.ausgabe
    (bild,) = _frontmatter(h.docs / "praxisbeispiele/lernwerkstatt-im-hof.md")["bilder"]
    assert bild == {"datei": "lernwerkstatt-im-hof/foto-1.png", "alt": "Kinder bauen ein Hochbeet", "urheber": "Förderverein der Grundschule", "lizenz": "CC BY 4.0"}


def test_geloeschte_zeile(site: Handbuch, tmp_path: Path) -> None:
    h = _neues_handbuch(tmp_path)
    dok = ausfuellen(site.site / "beitragen/vorlage-praxisbeispiel.docx", tmp_path / "a.docx", zeile_loeschen="Handlungsfelder")
    assert _fehler(h, dok) == [
        "Steckbrief: Die Zeile 'Handlungsfelder' fehlt (sie ist Pflicht). Fügen Sie sie wieder ein: linke Spalte "
        "'Handlungsfelder', mittlere Spalte Ihre Angabe. Pflichtangabe. Handlungsfelder des Handbuchs – Titel oder "
        "Kennung: Bildung (bildung). Mehrere: eine Angabe je Zeile."
    ]


def test_umbenannter_abschnitt(site: Handbuch, tmp_path: Path) -> None:
    h = _neues_handbuch(tmp_path)
    dok = ausfuellen(site.site / "beitragen/vorlage-praxisbeispiel.docx", tmp_path / "a.docx", ueberschrift_umbenennen=("Vorgehen", "Unser Vorgehen"))
    assert _fehler(h, dok) == [
        "Abschnitt 'Unser Vorgehen': Diese Überschrift kennt die Vorlage nicht. Meinten Sie 'Vorgehen'? Ändern Sie "
        "die Überschriften der Vorlage nicht; eigene Zwischenüberschriften setzen Sie eine Ebene tiefer "
        "(Überschrift 2). Erwartet: Ausgangslage, Vorgehen, Ergebnisse, Übertragbarkeit.",
        "Abschnitt 'Vorgehen' fehlt. Setzen Sie die Überschrift 'Vorgehen' (Überschrift 1) wieder ein und schreiben "
        "Sie darunter: Was wurde getan, von wem, in welchen Schritten?",
    ]


def test_fehler_aus_dem_modell_nennen_die_zeile(site: Handbuch, tmp_path: Path) -> None:
    h = _neues_handbuch(tmp_path)
    werte = {**PRAXISBEISPIEL, "Zusammenfassung": "Zu kurz.", "Laufzeit": "2023–2021", "Art": "dokumentiert"}
    dok = ausfuellen(site.site / "beitragen/vorlage-praxisbeispiel.docx", tmp_path / "a.docx", werte)
    fehler = _fehler(h, dok)
    assert "Steckbrief, Zeile 'Laufzeit': Das Ende (2021) liegt vor dem Beginn (2023). Prüfen Sie `von` und `bis`." in fehler
    assert any(f.startswith("Steckbrief, Zeile 'Zusammenfassung': ") for f in fehler), fehler
    # a rule across fields (a documented case needs sources) names the row to fill in
    dok = ausfuellen(site.site / "beitragen/vorlage-praxisbeispiel.docx", tmp_path / "b.docx", {**PRAXISBEISPIEL, "Art": "dokumentiert"})
    assert _fehler(h, dok) == [
        "Steckbrief, Zeile 'Quellen': Ein dokumentiertes Praxisbeispiel braucht mindestens eine öffentliche Quelle "
        "unter `quellen` (titel und url). Ist es ein erfundenes Beispiel, schreiben Sie `art: illustrativ`."
    ]


def test_keine_word_datei(tmp_path: Path) -> None:
    h = _neues_handbuch(tmp_path)
    (tmp_path / "bericht.docx").write_bytes(b"MZ\x90\x00 ein Programm")
    r = h.run("staedtenetz", "import", str(tmp_path / "bericht.docx"))
    assert r.returncode == 1 and "Traceback" not in r.ausgabe
    assert "'bericht.docx' ist weder ein Word- oder LibreOffice-Dokument (DOCX, ODT) noch ein Beitragspaket (ZIP)." in r.stdout


def _run_xml(text: str, *, art: str = "", id_: int = 1) -> str:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    if art == "ins":
        return f'<w:ins {w} w:id="{id_}" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'
    if art == "del":
        return f'<w:del {w} w:id="{id_}" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    return f'<w:r {w}><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_formatierung_aenderungen_tabelle_und_link(site: Handbuch, tmp_path: Path) -> None:
    """Word's direct formatting and tracked-change residue go; a table and a link stay."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml import parse_xml
    from docx.shared import Pt, RGBColor

    dok = ausfuellen(site.site / "beitragen/vorlage-praxisbeispiel.docx", tmp_path / "a.docx", foto=False)
    d = docx.Document(str(dok))
    ergebnisse = next(p for p in d.paragraphs if p.text == "Ergebnisse")
    naechster = next(p for p in d.paragraphs if p.text == "Übertragbarkeit")
    absatz = naechster.insert_paragraph_before("")
    lauf = absatz.add_run("Bunt und unterstrichen")
    lauf.font.color.rgb, lauf.font.size, lauf.underline = RGBColor(0xFF, 0, 0), Pt(17), True
    lauf.font.highlight_color = WD_COLOR_INDEX.YELLOW
    absatz._p.append(parse_xml(_run_xml(" neu eingefügt", art="ins", id_=11)))
    absatz._p.append(parse_xml(_run_xml(" gelöscht", art="del", id_=12)))
    tabelle = d.add_table(rows=2, cols=2)
    tabelle.style = "Table Grid"
    for zelle, wert in zip(tabelle._cells, ["Jahr", "Besuche", "2022", "1.200"]):
        zelle.text = wert
    naechster._p.addprevious(tabelle._tbl)
    for _ in range(3):
        naechster.insert_paragraph_before("")  # empty paragraphs
    d.save(str(dok))
    assert ergebnisse is not None

    h = _neues_handbuch(tmp_path)
    r = h.run("staedtenetz", "import", str(dok))
    assert r.returncode == 0, r.ausgabe
    koerper = (h.docs / "praxisbeispiele/lernwerkstatt-im-hof.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    abschnitt = koerper.split("## Ergebnisse\n", 1)[1]
    assert "Bunt und unterstrichen neu eingefügt\n" in abschnitt
    assert "gelöscht" not in abschnitt and "<" not in abschnitt and "\n\n\n" not in abschnitt
    assert re.search(r"^\| *Jahr *\| *Besuche *\|$", abschnitt, re.MULTILINE), abschnitt
    assert re.search(r"^\| *2022 *\| *1\.200 *\|$", abschnitt, re.MULTILINE), abschnitt
    assert "https://www.essen.de" in abschnitt
    assert h.pruefen().returncode == 0


def test_programmgebiet_aus_word(site: Handbuch, tmp_path: Path) -> None:
    werte = {
        "Titel": "Essen Nordviertel",
        "Zusammenfassung": "Ein erfundenes Programmgebiet im Norden der Testkommune, zum Testen des Imports.",
        "Kommune": "essen",
        "Zustand": "in Planung",
        "Förderzeitraum": "seit 2024",
        "Einwohnerzahl": "12.500",
        "Fläche in Hektar": "85,5",
    }
    texte = {
        "Gebietscharakter und Ausgangslage": ["Dichte Bebauung aus den 1960er-Jahren."],
        "Potenziale und Handlungsansätze": ["Große Innenhöfe, aktive Vereine."],
    }
    dok = ausfuellen(site.site / "beitragen/vorlage-programmgebiet.docx", tmp_path / "gebiet.docx", werte, texte, foto=False)
    h = _neues_handbuch(tmp_path)
    r = h.run("staedtenetz", "import", str(dok))
    assert r.returncode == 0, r.ausgabe
    daten = _frontmatter(h.docs / "programmgebiete/essen-nordviertel.md")
    assert daten == {
        "typ": "programmgebiet",
        "title": "Essen Nordviertel",
        "zusammenfassung": werte["Zusammenfassung"],
        "status": "entwurf",
        "kommune": "essen",
        "zustand": "in-planung",
        "laufzeit": {"von": 2024},
        "einwohner": 12500,
        "flaeche_ha": 85.5,
    }
    assert h.pruefen().returncode == 0
