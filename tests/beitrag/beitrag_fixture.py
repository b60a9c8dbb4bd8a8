"""Filling in the Word templates the way a person does, with python-docx: typing into the
middle column of the Steckbrief, writing under the headings, inserting a photo with a caption.
Shared by the tests in tests/beitrag/."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
from docx.shared import Cm


def png(breite: int = 8, hoehe: int = 6) -> bytes:
    """A small real PNG (red pixels)."""
    roh = b"".join(b"\x00" + b"\xcc\x22\x22" * breite for _ in range(hoehe))

    def block(art: bytes, daten: bytes) -> bytes:
        return struct.pack(">I", len(daten)) + art + daten + struct.pack(">I", zlib.crc32(art + daten))

    kopf = struct.pack(">IIBBBBB", breite, hoehe, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + block(b"IHDR", kopf) + block(b"IDAT", zlib.compress(roh)) + block(b"IEND", b"")


PRAXISBEISPIEL = {
    "Titel": "Lernwerkstatt im Hof",
    "Zusammenfassung": "Eine erfundene Lernwerkstatt im Schulhof, in der Kinder und Eltern gemeinsam gärtnern und lernen.",
    "Art": "illustrativ",
    "Kommune": "Essen",
    "Programmgebiet": "Essen Testviertel",
    "Handlungsfelder": "Bildung",
    "Förderprogramme": "Sozialer Zusammenhalt",
    "Laufzeit": "2021–2023",
    "Träger": "Stadt Essen, Amt für Stadterneuerung\nFörderverein der Grundschule",
    "Zielgruppen": "Kinder\nEltern",
    "Kosten: Gesamtkosten in Euro": "60.000",
    "Ansprechstelle: Stelle": "Stadt Essen, Amt für Stadterneuerung",
    "Ansprechstelle: E-Mail": "stadterneuerung@essen.example",
}

TEXTE = {
    "Ausgangslage": ["Im Quartier fehlten Orte, an denen Kinder nach der Schule draußen lernen können."],
    "Vorgehen": ["Die Schule und der Förderverein legten gemeinsam Beete an.", ["Planung mit den Kindern", "Bau der Hochbeete"]],
    "Ergebnisse": ["Der Hof ist nachmittags geöffnet; mehr dazu auf der Seite https://www.essen.de."],
}


def ausfuellen(
    vorlage: Path,
    ziel: Path,
    werte: dict[str, str] | None = None,
    texte: dict[str, list] | None = None,
    *,
    foto: bool = True,
    unterschrift: str | None = "Kinder bauen ein Hochbeet im Schulhof (Foto: Stadt Essen, Amt 61)",
    zeile_loeschen: str | None = None,
    ueberschrift_umbenennen: tuple[str, str] | None = None,
) -> Path:
    """Fill the DOCX ``vorlage`` into ``ziel`` as a person would."""
    d = docx.Document(str(vorlage))
    werte = PRAXISBEISPIEL if werte is None else werte
    texte = TEXTE if texte is None else texte
    tabelle = d.tables[0]
    for reihe in list(tabelle.rows):
        label = reihe.cells[0].text.strip()
        if label == zeile_loeschen:
            reihe._tr.getparent().remove(reihe._tr)
            continue
        if label in werte:
            zelle = reihe.cells[1]
            zeilen = werte[label].split("\n")
            zelle.paragraphs[0].text = zeilen[0]
            for z in zeilen[1:]:
                zelle.add_paragraph(z)
    absaetze = d.paragraphs
    for i, p in enumerate(absaetze):
        if not p.style.name.startswith("Heading"):
            continue
        titel = p.text.strip()
        if ueberschrift_umbenennen and titel == ueberschrift_umbenennen[0]:
            p.text = ueberschrift_umbenennen[1]
        if titel not in texte:
            continue
        # typed after the guidance, before the next heading (or at the end of the document)
        naechster = _naechster(absaetze, i)

        def absatz(text: str = "", stil: str | None = None):
            return naechster.insert_paragraph_before(text, style=stil) if naechster else d.add_paragraph(text, style=stil)

        for teil in texte[titel]:
            if isinstance(teil, list):
                # Word's list style; a document saved by LibreOffice has none (its lists are numbering)
                stil = "List Bullet" if any(s.name == "List Bullet" for s in d.styles) else None
                for punkt in teil:
                    absatz(punkt, stil)
            else:
                absatz(teil)
        if foto and titel == "Vorgehen":
            absatz().add_run().add_picture(io.BytesIO(png()), width=Cm(4))
            if unterschrift:
                absatz(unterschrift)
            absatz()  # a person often leaves an empty line behind
    d.save(str(ziel))
    return ziel


def _naechster(absaetze, i):
    for q in absaetze[i + 1 :]:
        if q.style.name.startswith("Heading"):
            return q
    return None
