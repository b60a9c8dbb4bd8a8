"""A fixture handbook for the entry-page and export tests: the base entries plus a second
Kommune, more Programmgebiete, Handlungsfelder, Förderprogramme and Praxisbeispiele (one archived,
one draft, one internal), wiki links, and three dated commits. Test data, not handbook content.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from conftest import Handbuch


def png() -> bytes:
    """A valid 1×1 PNG."""

    def chunk(art: bytes, daten: bytes) -> bytes:
        return struct.pack(">I", len(daten)) + art + daten + struct.pack(">I", zlib.crc32(art + daten))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


GEHEIM = "GEHEIM-5d2e"  # appears only in the draft and the internal entry
GEHEIME_SLUGS = ("geheimprojekt", "internes-projekt")

DATEIEN: dict[str, str | bytes] = {
    "docs/kommunen/dortmund.md": """\
        ---
        typ: kommune
        title: Dortmund
        zusammenfassung: Zweite Testkommune der Fixture-Seite mit einem Programmgebiet.
        ags: "05913000"
        stand: 2025-01-31
        ---
        # Dortmund
        """,
    "docs/programmgebiete/essen-nordviertel.md": """\
        ---
        typ: programmgebiet
        title: Essen Nordviertel
        zusammenfassung: Erfundenes zweites Programmgebiet in Essen, bereits verstetigt.
        kommune: essen
        zustand: verstetigt
        laufzeit: {von: 2008, bis: 2018}
        foerderprogramme: [sozialer-zusammenhalt]
        ---
        # Essen Nordviertel
        """,
    "docs/programmgebiete/dortmund-testgebiet.md": """\
        ---
        typ: programmgebiet
        title: Dortmund Testgebiet
        zusammenfassung: Erfundenes Programmgebiet in Dortmund, noch in Planung.
        kommune: dortmund
        zustand: in-planung
        ---
        # Dortmund Testgebiet
        """,
    "docs/handlungsfelder/gesundheit.md": """\
        ---
        typ: handlungsfeld
        title: Gesundheit
        art: thematisch
        zusammenfassung: Testhandlungsfeld Gesundheit für die Fixture-Seite.
        ---
        # Gesundheit
        """,
    "docs/foerderprogramme/biwaq.md": """\
        ---
        typ: foerderprogramm
        title: BIWAQ
        zusammenfassung: Testförderprogramm für Bildung und Arbeit im Quartier.
        foerdergeber: [Bund]
        foerdergegenstand: Projekte für Bildung, Wirtschaft und Arbeit im Quartier.
        programmstatus: laufend
        stand: 2025-03-01
        handlungsfelder: [bildung]
        quellen:
          - titel: Quelle BIWAQ
            url: https://www.biwaq.de
            stand: undatiert
        ---
        # BIWAQ
        """,
    "docs/foerderprogramme/klimafonds.md": """\
        ---
        typ: foerderprogramm
        title: Klimafonds
        zusammenfassung: Erfundenes Testförderprogramm, nur von einem archivierten Beispiel genutzt.
        foerdergeber: [Land]
        foerdergegenstand: Klimaanpassung im Quartier.
        programmstatus: ausgelaufen
        stand: 2024-12-01
        quellen:
          - titel: Quelle Klimafonds
            url: https://www.example.org/klimafonds
        ---
        # Klimafonds
        """,
    "docs/praxisbeispiele/gesundheitskiosk.md": """\
        ---
        typ: praxisbeispiel
        art: dokumentiert
        title: Gesundheitskiosk
        zusammenfassung: Testbeispiel mit allen Feldern des Steckbriefs für die Fixture-Seite.
        kommune: essen
        programmgebiet: essen-nordviertel
        handlungsfelder: [gesundheit, bildung]
        foerderprogramme: [sozialer-zusammenhalt, biwaq]
        laufzeit:
          von: 2021-04-01
          bis: 2023
        traeger: [Testträger e. V., Stadt Essen]
        zielgruppen: [Familien, Ältere Menschen]
        kosten:
          gesamt: 1200000
          anmerkung: davon 80 % Förderung
        ansprechstelle:
          stelle: Stadt Essen, Testamt
          email: testamt@example.org
          telefon: "+49 201 123456"
        stand: 2025-02-03
        bilder:
          - datei: bilder/kiosk.png
            alt: Der Kiosk von außen
            urheber: Testfotograf
            lizenz: CC BY 4.0
        quellen:
          - titel: Testquelle zum Kiosk
            url: https://www.example.org/kiosk
            stand: 2024-11-05
            geprueft: 2025-01-20
        ---
        # Gesundheitskiosk

        Ein Testtext.
        """,
    "docs/praxisbeispiele/bilder/kiosk.png": png(),
    "docs/praxisbeispiele/elterncafe.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        title: Elterncafé
        zusammenfassung: Erfundenes Testbeispiel aus Dortmund mit zwei Förderprogrammen.
        kommune: dortmund
        programmgebiet: dortmund-testgebiet
        handlungsfelder: [bildung]
        foerderprogramme: [biwaq, sozialer-zusammenhalt]
        laufzeit: {von: 2022}
        ---
        # Elterncafé
        """,
    "docs/praxisbeispiele/archiviertes-projekt.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        status: archiviert
        title: Archiviertes Projekt
        zusammenfassung: Erfundenes archiviertes Testbeispiel, in keiner Sammlung gelistet.
        kommune: essen
        handlungsfelder: [bildung]
        foerderprogramme: [sozialer-zusammenhalt, klimafonds]
        laufzeit: {von: 2010, bis: 2012}
        ---
        # Archiviertes Projekt
        """,
    "docs/praxisbeispiele/geheimprojekt.md": f"""\
        ---
        typ: praxisbeispiel
        art: illustrativ
        status: entwurf
        title: Geheimprojekt {GEHEIM}
        zusammenfassung: Ein Entwurf mit dem Merkmal {GEHEIM}, das nirgends erscheinen darf.
        kommune: essen
        programmgebiet: essen-testviertel
        handlungsfelder: [bildung, gesundheit]
        foerderprogramme: [sozialer-zusammenhalt, biwaq]
        laufzeit: {{von: 2024}}
        ---
        # Geheimprojekt {GEHEIM}

        Der Entwurf verweist auf [[lernwerkstatt]] und [[essen]].
        """,
    "docs/praxisbeispiele/internes-projekt.md": f"""\
        ---
        typ: praxisbeispiel
        art: illustrativ
        sichtbarkeit: intern
        title: Internes Projekt {GEHEIM}
        zusammenfassung: Ein internes Beispiel mit dem Merkmal {GEHEIM}, nur für Mitglieder.
        kommune: dortmund
        handlungsfelder: [bildung]
        foerderprogramme: [biwaq, klimafonds]
        laufzeit: {{von: 2023}}
        ---
        # Internes Projekt {GEHEIM}
        """,
    "docs/leitfaeden/verstetigung.md": """\
        ---
        typ: leitfaden
        title: Verstetigung
        zusammenfassung: Testleitfaden zur Verstetigung für die Fixture-Seite.
        foerderprogramme: [sozialer-zusammenhalt]
        ---
        # Verstetigung

        Wie es geht, zeigen [[lernwerkstatt]] und [[gesundheitskiosk|der Kiosk in Essen]].
        Ein Beispiel für die Schreibweise: `[[kennung]]`.
        """,
    "docs/ueber.md": """\
        # Über das Testhandbuch

        Die Geschäftsstelle sitzt in [[essen]].
        """,
}

#: When each file was last committed (first commit: everything but the two below).
DATUM_GRUNDSTOCK = "2024-01-15T10:00:00+01:00"
DATUM_KIOSK = "2024-03-01T09:00:00+01:00"
DATUM_LERNWERKSTATT = "2025-06-30T16:00:00+02:00"

NAV_ZUSATZ = "  - Letzte Änderungen: aenderungen.md\n  - Über: ueber.md\n"


def anlegen(ziel: Path, site_url: str | None = None) -> Handbuch:
    """The fixture handbook with three dated commits (not yet built)."""
    kiosk = DATEIEN["docs/praxisbeispiele/gesundheitskiosk.md"]
    dateien = {p: t for p, t in DATEIEN.items() if p != "docs/praxisbeispiele/gesundheitskiosk.md"}
    h = Handbuch.anlegen(ziel, dateien).git_init()
    konfiguration = (h.pfad / "mkdocs.yml").read_text(encoding="utf-8") + NAV_ZUSATZ
    if site_url:
        konfiguration = f"site_url: {site_url}\n" + konfiguration
    h.schreiben("mkdocs.yml", konfiguration)
    h.commit("Grundstock", DATUM_GRUNDSTOCK)
    h.schreiben("docs/praxisbeispiele/gesundheitskiosk.md", kiosk)
    h.commit("Gesundheitskiosk", DATUM_KIOSK)
    pfad = h.docs / "praxisbeispiele/lernwerkstatt.md"
    h.schreiben("docs/praxisbeispiele/lernwerkstatt.md", pfad.read_text(encoding="utf-8") + "\nNeuer Absatz.\n")
    h.commit("Lernwerkstatt ergänzt", DATUM_LERNWERKSTATT)
    return h
