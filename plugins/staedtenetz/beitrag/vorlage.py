"""Word templates for contributions: one DOCX and one ODT per entry type, from the model.

The document has three parts, all derived from code that other parts of the handbook use too:

1. a short guide (paragraphs in the style "Hinweis", each starting with :data:`HINWEIS_PRAEFIX`),
2. the "Steckbrief" table: a row per field (``felder.zeilen``), columns label · value · hint,
   the hint naming the allowed values (Handlungsfelder, Kommunen … from the catalogue),
3. a heading per section of the type (``inhalt/abschnitte.ABSCHNITTE``, the table ``neu`` and the
   web form use) with its guidance.

Guidance disappears on import (``word.py`` drops every paragraph starting with the prefix and
ignores the hint column). The DOCX is written with python-docx; the ODT is
pandoc's conversion of that DOCX (pandoc is a dependency already), so both carry the same text.
Both carry their title in the document properties.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from staedtenetz.ansichten.dokumenttitel import titel_setzen
from staedtenetz.beitrag.felder import VORLAGENTYPEN, zeilen
from staedtenetz.inhalt.abschnitte import ABSCHNITTE
from staedtenetz.inhalt.formate import xml_text
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.ansichten.vorlagen_export import pandoc_programm

HINWEIS_STIL = "Hinweis"
HINWEIS_PRAEFIX = "Hinweis zum Ausfüllen:"
STECKBRIEF = "Steckbrief"
#: The first row of the Steckbrief names the entry type; import reads it.
TYPZEILE = "Art des Beitrags"
SPALTEN = ("Angabe", "Ihr Eintrag", "Hinweis")


class VorlageFehler(Exception):
    """The template could not be written; the German text says what to do."""


def titel(typ: str) -> str:
    return f"Vorlage für das Handbuch: {TYP_BEZEICHNUNG[typ][0]}"


def dateiname(typ: str, fmt: str) -> str:
    """``vorlage-praxisbeispiel.docx``"""
    return f"vorlage-{typ}.{fmt}"


def _anleitung(typ: str) -> list[str]:
    name = TYP_BEZEICHNUNG[typ][0]
    return [
        f"So entsteht aus diesem Dokument ein Eintrag ({name}) im Handbuch. Diese grauen Hinweise dürfen "
        "stehen bleiben: Sie werden beim Einlesen entfernt.",
        "1. Füllen Sie im Steckbrief die mittlere Spalte „Ihr Eintrag“ aus. Die rechte Spalte sagt, was "
        "erlaubt ist. Ändern Sie die linke Spalte nicht und löschen Sie keine Zeile; lassen Sie freiwillige "
        "Angaben einfach leer.",
        "2. Schreiben Sie unter jede Überschrift Ihren Text. Ändern Sie die Überschriften nicht. Listen, "
        "Tabellen und Links bleiben erhalten; Schriftarten und Farben nicht.",
        "3. Fotos: Fügen Sie sie an passender Stelle ein (Einfügen → Bild) und schreiben Sie in die Zeile "
        "direkt darunter, was zu sehen ist und wer es fotografiert hat, z. B.: Kinder bauen ein Hochbeet "
        "(Foto: Stadt Essen, Amt 61). Gilt ein Bildnachweis für alle Fotos, tragen Sie ihn im Steckbrief "
        "ein. Veröffentlichen Sie nur Fotos, für die Sie die Rechte haben.",
        "4. Schicken Sie die Datei an die Redaktion oder laden Sie sie hoch. Die Redaktion liest sie mit "
        "„staedtenetz import“ ein und sagt Ihnen, wenn etwas fehlt.",
    ]


def docx_bytes(typ: str, katalog: Any = None) -> bytes:
    """The DOCX template of ``typ`` (hints with the allowed values from ``katalog``)."""
    # the hints name titles from the catalogue: text from many hands, kept XML-safe
    return _docx_bytes(typ, tuple(xml_text(z.hinweis(katalog)) for z in zeilen(typ)))


@functools.lru_cache(maxsize=32)
def _docx_bytes(typ: str, hinweise: tuple[str, ...]) -> bytes:
    """The same bytes for the same hints (the live preview asks on every rebuild)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt, RGBColor

    d = docx.Document()
    stile = d.styles
    hinweis = stile.add_style(HINWEIS_STIL, WD_STYLE_TYPE.PARAGRAPH)
    hinweis.base_style = stile["Normal"]
    hinweis.font.italic = True
    hinweis.font.size = Pt(9.5)
    hinweis.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    hinweis.next_paragraph_style = stile["Normal"]  # Enter after a hint: the person's own text
    stile["Normal"].font.name = "Liberation Sans"

    d.add_heading(titel(typ), 0)
    for absatz in _anleitung(typ):
        d.add_paragraph(f"{HINWEIS_PRAEFIX} {absatz}", style=HINWEIS_STIL)

    d.add_heading(STECKBRIEF, 1)
    tabelle = d.add_table(rows=1, cols=3)
    tabelle.style = "Table Grid"
    for zelle, text in zip(tabelle.rows[0].cells, SPALTEN):
        zelle.text = ""
        zelle.paragraphs[0].add_run(text).bold = True
    reihen = [(TYPZEILE, TYP_BEZEICHNUNG[typ][0], "Nicht ändern: sagt, was für ein Eintrag entsteht.")]
    reihen += [(z.titel, "", hinweis) for z, hinweis in zip(zeilen(typ), hinweise, strict=True)]
    for label, wert, hinweis_text in reihen:
        zellen = tabelle.add_row().cells
        zellen[0].text = label
        zellen[1].text = wert
        zellen[2].text = ""
        zellen[2].paragraphs[0].add_run(hinweis_text).italic = True
    for spalte, breite in zip(tabelle.columns, (Cm(4.2), Cm(6.3), Cm(6))):
        for zelle in spalte.cells:
            zelle.width = breite

    for a in ABSCHNITTE[typ]:
        d.add_heading(a.titel, 1)
        zusatz = "" if a.pflicht else " (Dieser Abschnitt ist empfohlen; ohne Text lassen Sie ihn leer.)"
        d.add_paragraph(f"{HINWEIS_PRAEFIX} {a.hinweis}{zusatz}", style=HINWEIS_STIL)
        d.add_paragraph("")

    eigenschaften = d.core_properties
    eigenschaften.title = titel(typ)
    eigenschaften.subject = f"Beitrag zum Handbuch: {TYP_BEZEICHNUNG[typ][0]}"
    eigenschaften.language = "de-DE"
    eigenschaften.keywords = f"staedtenetz-beitrag {typ}"
    eigenschaften.author = ""
    eigenschaften.comments = ""
    puffer = io.BytesIO()
    d.save(puffer)
    return fest(puffer.getvalue())


#: Fixed time stamp inside the archives: the same model and catalogue give the same bytes.
ZEITSTEMPEL = (2024, 1, 1, 0, 0, 0)


def fest(archiv: bytes) -> bytes:
    """``archiv`` (a DOCX/ODT) with fixed member time stamps, members and order unchanged."""
    aus = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archiv)) as alt, zipfile.ZipFile(aus, "w") as neu:
        for info in alt.infolist():
            kopie = zipfile.ZipInfo(info.filename, date_time=ZEITSTEMPEL)
            kopie.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            kopie.external_attr = 0o644 << 16
            neu.writestr(kopie, alt.read(info))
    return aus.getvalue()


def odt_aus_docx(docx: bytes, titel_text: str) -> bytes:
    """pandoc's ODT of ``docx``, with ``titel_text`` as dc:title."""
    programm = pandoc_programm()
    if programm is None:
        raise VorlageFehler(
            "Für die LibreOffice-Fassung der Word-Vorlagen fehlt das Programm pandoc. Installieren Sie es "
            "(make einrichten: das Python-Paket pypandoc-binary bringt es mit)."
        )
    with tempfile.TemporaryDirectory(prefix="staedtenetz-vorlage-") as tmp:
        quelle, ziel = Path(tmp) / "vorlage.docx", Path(tmp) / "vorlage.odt"
        quelle.write_bytes(docx)
        r = subprocess.run(
            [programm, "--sandbox", "--from=docx+styles", "--to=odt", "--metadata=lang:de-DE", f"--output={ziel}", str(quelle)],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            env={**os.environ, "SOURCE_DATE_EPOCH": str(int(dt.datetime(*ZEITSTEMPEL, tzinfo=dt.timezone.utc).timestamp()))},
        )
        if r.returncode != 0:
            raise VorlageFehler(f"pandoc konnte die Word-Vorlage nicht als ODT speichern: {r.stderr.strip()}")
        titel_setzen(ziel, "odt", titel_text)
        return fest(_hinweisstil_odt(ziel.read_bytes()))


_ODF_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_ODF_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _hinweisstil_odt(odt: bytes) -> bytes:
    """pandoc names the paragraph style "Hinweis" in the ODT but does not define it; define it
    (small, grey, italic) in styles.xml so LibreOffice shows the guidance as guidance."""
    from lxml import etree

    aus = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(odt)) as alt, zipfile.ZipFile(aus, "w", zipfile.ZIP_DEFLATED) as neu:
        for info in alt.infolist():
            daten = alt.read(info)
            if info.filename == "styles.xml":
                wurzel = etree.fromstring(daten, etree.XMLParser(resolve_entities=False, no_network=True))
                stile = wurzel.find(f"{{{_ODF_OFFICE}}}styles")
                if stile is not None and not any(
                    e.get(f"{{{_ODF_STYLE}}}name") == HINWEIS_STIL for e in stile.iter(f"{{{_ODF_STYLE}}}style")
                ):
                    stil = etree.SubElement(stile, f"{{{_ODF_STYLE}}}style")
                    stil.set(f"{{{_ODF_STYLE}}}name", HINWEIS_STIL)
                    stil.set(f"{{{_ODF_STYLE}}}family", "paragraph")
                    stil.set(f"{{{_ODF_STYLE}}}parent-style-name", "Standard")
                    stil.set(f"{{{_ODF_STYLE}}}next-style-name", "Standard")
                    schrift = etree.SubElement(stil, f"{{{_ODF_STYLE}}}text-properties")
                    schrift.set(f"{{{_ODF_FO}}}color", "#555555")
                    schrift.set(f"{{{_ODF_FO}}}font-style", "italic")
                    schrift.set(f"{{{_ODF_FO}}}font-size", "9.5pt")
                daten = etree.tostring(wurzel, xml_declaration=True, encoding="UTF-8")
            art = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            neu.writestr(info, daten, compress_type=art)
    return aus.getvalue()


def alle(katalog: Any = None) -> dict[str, bytes]:
    """File name -> bytes of every template (DOCX and ODT of each type in ``VORLAGENTYPEN``)."""
    dateien: dict[str, bytes] = {}
    for typ in VORLAGENTYPEN:
        inhalt = docx_bytes(typ, katalog)
        dateien[dateiname(typ, "docx")] = inhalt
        dateien[dateiname(typ, "odt")] = odt_aus_docx(inhalt, titel(typ))
    return dateien
