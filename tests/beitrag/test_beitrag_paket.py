"""``staedtenetz import paket.zip``: the Beitragspaket of the web form is placed and checked;
hostile packages are refused with a clear message and nothing is written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from beitrag_fixture import png
from conftest import Handbuch
from staedtenetz.beitrag.zipgrenzen import Grenzen, ZipFehler, entpacken, kopf_pruefen

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

EINTRAG = """\
---
typ: praxisbeispiel
art: illustrativ
title: Hofgarten
zusammenfassung: Ein erfundener Hofgarten, den Nachbarn gemeinsam anlegen und pflegen.
kommune: essen
handlungsfelder: [bildung]
laufzeit:
  von: 2022
bilder:
  - datei: hofgarten/beete.png
    alt: Hochbeete im Hof
    urheber: Stadt Essen, Amt 61
    lizenz: CC BY 4.0
materialien:
  - datei: hofgarten/konzept.pdf
    titel: Konzept des Hofgartens
    lizenz: CC BY 4.0
---
# Hofgarten

## Ausgangslage

Der Hof war versiegelt.

![Hochbeete im Hof](hofgarten/beete.png)

## Vorgehen

Nachbarn legten Beete an.
"""


def paket(pfad: Path, mitglieder: dict[str, bytes | tuple[bytes, int]], *, methode: int = zipfile.ZIP_DEFLATED) -> Path:
    """A ZIP with ``mitglieder`` (name -> bytes, or (bytes, Unix mode) for links)."""
    with zipfile.ZipFile(pfad, "w", compression=methode) as z:
        for name, inhalt in mitglieder.items():
            if isinstance(inhalt, tuple):
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = inhalt[1] << 16
                z.writestr(info, inhalt[0])
            else:
                z.writestr(name, inhalt)
    return pfad


def gut() -> dict[str, bytes | tuple[bytes, int]]:
    return {
        "beitrag.json": b'{"format": "staedtenetz-beitragspaket", "version": 1, "eintrag": "docs/praxisbeispiele/hofgarten.md"}',
        "docs/praxisbeispiele/hofgarten.md": EINTRAG.encode(),
        "docs/praxisbeispiele/hofgarten/beete.png": png(),
        "docs/praxisbeispiele/hofgarten/konzept.pdf": PDF,
    }


@pytest.fixture
def h(tmp_path: Path) -> Handbuch:
    return Handbuch.anlegen(tmp_path / "h")


def _alles(wurzel: Path) -> dict[str, bytes]:
    return {p.relative_to(wurzel).as_posix(): (p.read_bytes() if p.is_file() else b"") for p in sorted(wurzel.rglob("*"))}


def _abgelehnt(h: Handbuch, zip_: Path) -> str:
    vorher = _alles(h.pfad)
    r = h.run("staedtenetz", "import", str(zip_))
    assert r.returncode == 1, r.ausgabe
    assert "Traceback" not in r.ausgabe and "Nichts geschrieben" in r.stderr
    assert _alles(h.pfad) == vorher, "nichts geschrieben"
    assert not (h.pfad.parent / "evil.txt").exists()
    return r.stdout


def test_gutes_paket_wird_eingelesen(h: Handbuch, tmp_path: Path) -> None:
    r = h.run("staedtenetz", "import", str(paket(tmp_path / "beitrag.zip", gut())))
    assert r.returncode == 0, r.ausgabe
    assert (h.docs / "praxisbeispiele/hofgarten/beete.png").read_bytes() == png()
    assert (h.docs / "praxisbeispiele/hofgarten/konzept.pdf").read_bytes() == PDF
    text = (h.docs / "praxisbeispiele/hofgarten.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntyp: praxisbeispiel\n") and "status: entwurf\n---\n" in text
    p = h.pruefen()
    assert p.returncode == 0 and "0 Fehler, 0 Warnungen" in p.ausgabe, p.ausgabe


@pytest.mark.parametrize(
    ("name", "meldung"),
    [
        ("docs/praxisbeispiele/hofgarten/../../../../evil.txt", "enthält '..' und zeigt damit aus dem Ordner des Eintrags hinaus."),
        ("../evil.txt", "enthält '..' und zeigt damit aus dem Ordner des Eintrags hinaus."),
        ("/tmp/evil.txt", "'/tmp/evil.txt' ist ein absoluter Pfad."),
        ("docs\\praxisbeispiele\\evil.txt", "enthält '\\' (Windows-Pfad)."),
        ("docs/praxisbeispiele/andere/evil.png", "'docs/praxisbeispiele/andere/evil.png' liegt außerhalb des Ordners des Eintrags."),
        ("docs/index.md", "Das Paket enthält 2 Markdown-Dateien"),
    ],
)
def test_pfade_ausserhalb_werden_abgelehnt(h: Handbuch, tmp_path: Path, name: str, meldung: str) -> None:
    zip_ = paket(tmp_path / "boese.zip", {**gut(), name: b"boese"})
    assert meldung in _abgelehnt(h, zip_)


def test_symbolischer_link_wird_abgelehnt(h: Handbuch, tmp_path: Path) -> None:
    zip_ = paket(tmp_path / "link.zip", {**gut(), "docs/praxisbeispiele/hofgarten/konzept.pdf": (b"../../../../etc/passwd", 0o120777)})
    assert "'docs/praxisbeispiele/hofgarten/konzept.pdf' ist ein symbolischer Link. Das Paket darf nur echte Dateien enthalten." in _abgelehnt(h, zip_)


def test_archivbombe_wird_am_kopf_erkannt(h: Handbuch, tmp_path: Path) -> None:
    zip_ = paket(tmp_path / "bombe.zip", {**gut(), "docs/praxisbeispiele/hofgarten/konzept.pdf": PDF + b"\0" * 15_000_000})
    assert "ist ungewöhnlich stark gepackt" in _abgelehnt(h, zip_)


def test_archivbombe_mit_falschem_kopf_wird_beim_entpacken_erkannt(h: Handbuch, tmp_path: Path) -> None:
    """The headers claim 2 KB; the data inflates to 15 MB. The count while unpacking stops it."""
    zip_ = paket(tmp_path / "luege.zip", {**gut(), "docs/praxisbeispiele/hofgarten/konzept.pdf": PDF + b"\0" * 15_000_000})
    roh = bytearray(zip_.read_bytes())
    wahr = (len(PDF) + 15_000_000).to_bytes(4, "little")
    assert roh.count(wahr) == 2  # local header and central directory
    zip_.write_bytes(bytes(roh).replace(wahr, (2000).to_bytes(4, "little")))
    ausgabe = _abgelehnt(h, zip_)
    assert "konzept.pdf" in ausgabe and ("lässt sich nicht entpacken" in ausgabe or "größer als angegeben" in ausgabe)


def test_programm_als_pdf_wird_abgelehnt(h: Handbuch, tmp_path: Path) -> None:
    zip_ = paket(tmp_path / "exe.zip", {**gut(), "docs/praxisbeispiele/hofgarten/konzept.pdf": b"MZ\x90\x00\x03" + b"\0" * 200})
    assert (
        "exe.zip: fehler: docs/praxisbeispiele/hofgarten.md:16: Die Datei 'hofgarten/konzept.pdf' endet auf '.pdf', ist aber "
        "keine PDF-Datei (der Inhalt passt nicht zur Endung)."
    ) in _abgelehnt(h, zip_)


def test_zu_viele_dateien(h: Handbuch, tmp_path: Path) -> None:
    viele = {f"docs/praxisbeispiele/hofgarten/bild-{i}.png": png() for i in range(60)}
    assert "Das Archiv enthält 64 Dateien, erlaubt sind höchstens 50." in _abgelehnt(h, paket(tmp_path / "viele.zip", {**gut(), **viele}))


def test_import_gibt_saubere_namen(h: Handbuch, tmp_path: Path) -> None:
    mitglieder = gut()
    del mitglieder["docs/praxisbeispiele/hofgarten/konzept.pdf"], mitglieder["docs/praxisbeispiele/hofgarten/beete.png"]
    text = EINTRAG.replace("hofgarten/konzept.pdf", "'hofgarten/Konzept Quartierswerkstatt.pdf'")
    text = text.replace("hofgarten/beete.png", "hofgarten/IMG_2034.PNG")
    mitglieder["docs/praxisbeispiele/hofgarten.md"] = text.encode()
    mitglieder["docs/praxisbeispiele/hofgarten/Konzept Quartierswerkstatt.pdf"] = PDF
    mitglieder["docs/praxisbeispiele/hofgarten/IMG_2034.PNG"] = png()
    r = h.run("staedtenetz", "import", str(paket(tmp_path / "name.zip", mitglieder)))
    assert r.returncode == 0, r.ausgabe
    assert "Umbenannt (saubere Dateinamen): 'docs/praxisbeispiele/hofgarten/IMG_2034.PNG' → docs/praxisbeispiele/hofgarten/img-2034.png" in r.stdout
    assert sorted(p.name for p in (h.docs / "praxisbeispiele/hofgarten").iterdir()) == ["img-2034.png", "konzept-quartierswerkstatt.pdf"]
    eintrag = (h.docs / "praxisbeispiele/hofgarten.md").read_text(encoding="utf-8")
    assert "datei: hofgarten/img-2034.png" in eintrag and "![Hochbeete im Hof](hofgarten/img-2034.png)" in eintrag
    assert "'hofgarten/konzept-quartierswerkstatt.pdf'" in eintrag
    assert h.pruefen().returncode == 0


def test_nicht_eingetragene_datei(h: Handbuch, tmp_path: Path) -> None:
    zip_ = paket(tmp_path / "extra.zip", {**gut(), "docs/praxisbeispiele/hofgarten/extra.pdf": PDF})
    assert "'docs/praxisbeispiele/hofgarten/extra.pdf' liegt im Paket, steht aber weder unter 'bilder' noch unter 'materialien'" in _abgelehnt(h, zip_)


def test_paket_ohne_entwurf_und_mit_falschem_manifest(h: Handbuch, tmp_path: Path) -> None:
    mitglieder = gut()
    mitglieder["docs/praxisbeispiele/hofgarten.md"] = EINTRAG.replace("art: illustrativ\n", "art: illustrativ\nstatus: veroeffentlicht\n").encode()
    assert "'status: veroeffentlicht' setzt erst die Redaktion." in _abgelehnt(h, paket(tmp_path / "a.zip", mitglieder))
    mitglieder = {**gut(), "beitrag.json": b'{"format": "staedtenetz-beitragspaket", "version": 2}'}
    assert "beitrag.json: 'version' 2 kennt dieses Werkzeug nicht (erwartet 1)." in _abgelehnt(h, paket(tmp_path / "b.zip", mitglieder))


def test_grenzen_aus_dem_kopf_und_beim_entpacken(tmp_path: Path) -> None:
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(3):
            z.writestr(f"docs/a/b/d{i}.csv", b"a;b\n" * 500)
    g = Grenzen(max_dateien=10, max_datei_bytes=10_000, max_gesamt_bytes=5_000)
    with zipfile.ZipFile(puffer) as z, pytest.raises(ZipFehler, match="entpackt größer als"):
        kopf_pruefen(z, g)
    # the running total stops the extraction even when the headers were not checked
    with zipfile.ZipFile(puffer) as z:
        summe = 0
        with pytest.raises(ZipFehler, match="wird entpackt größer"):
            for i, info in enumerate(z.infolist()):
                summe = entpacken(z, info, tmp_path / f"d{i}.csv", g, summe)
