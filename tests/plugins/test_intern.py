"""Internal content never leaks: the public build contains nothing of internal entries and
materials – no page, card, search record, sitemap URL, feed item, export record, backlink, map
count, generated download or copied file – while the members' edition (mkdocs.intern.yml,
inheriting mkdocs.yml) contains all of it, visibly marked."""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT, Handbuch

PDF = b"%PDF-1.4\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b30000000049454e44ae426082"
)

#: Unique markers: in slugs (file names), titles, texts, material titles and file contents.
MARKEN = ["geheimlqz7", "geheimxk9w", "geheimpb5r", "geheimmq4t"]

INTERNE_DATEIEN: dict[str, str | bytes] = {
    # An internal guide that names a public funding programme (a backlink there) and two
    # materials: its own protocol and a list a public entry uses as well.
    "docs/leitfaeden/geheimlqz7-leitfaden.md": """\
        ---
        typ: leitfaden
        sichtbarkeit: intern
        title: Leitfaden GEHEIMLQZ7
        zusammenfassung: Interner Leitfaden mit dem Merkmal GEHEIMLQZ7 für die Mitglieder.
        foerderprogramme: [sozialer-zusammenhalt]
        materialien:
          - titel: Protokoll GEHEIMLQZ7
            datei: materialien/geheimlqz7-protokoll.pdf
            lizenz: Alle Rechte vorbehalten
        ---
        # Leitfaden GEHEIMLQZ7

        Nur intern: GEHEIMLQZ7. Siehe [[lernwerkstatt]].
        """,
    "docs/leitfaeden/materialien/geheimlqz7-protokoll.pdf": b"%PDF-1.4\n% Protokoll GEHEIMLQZ7\n%%EOF\n",
    # An internal template: the members' edition generates DOCX, ODT and PDF for it.
    "docs/vorlagen/geheimxk9w-vorlage.md": """\
        ---
        typ: vorlage
        sichtbarkeit: intern
        title: Vorlage GEHEIMXK9W
        zusammenfassung: Interne Vorlage mit dem Merkmal GEHEIMXK9W für die Mitglieder.
        handlungsfelder: [bildung]
        ---
        # Vorlage GEHEIMXK9W

        ## Kapitel GEHEIMXK9W

        | Feld | Eintrag |
        |---|---|
        | Name | [Name GEHEIMXK9W] |
        """,
    # An internal case study in a public municipality: map count, backlinks, listings, related.
    "docs/praxisbeispiele/geheimpb5r-beispiel.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        sichtbarkeit: intern
        title: Praxisbeispiel GEHEIMPB5R
        zusammenfassung: Internes Beispiel mit dem Merkmal GEHEIMPB5R in Essen für die Mitglieder.
        kommune: essen
        programmgebiet: essen-testviertel
        handlungsfelder: [bildung]
        foerderprogramme: [sozialer-zusammenhalt]
        laufzeit: {von: 2020, bis: 2022}
        schlagworte: [Lernwerkstatt, Bildung]
        bilder:
          - datei: materialien/geheimpb5r-foto.png
            alt: Foto GEHEIMPB5R
            urheber: Testfoto
        ---
        # Praxisbeispiel GEHEIMPB5R

        Intern: GEHEIMPB5R.
        """,
    "docs/praxisbeispiele/materialien/geheimpb5r-foto.png": PNG + b"GEHEIMPB5R",
    # A public case study with a public material (shared with the internal guide) and an
    # internal one.
    "docs/praxisbeispiele/lernwerkstatt.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        title: Lernwerkstatt
        zusammenfassung: Erfundenes Praxisbeispiel der Fixture-Seite zum Testen.
        kommune: essen
        programmgebiet: essen-testviertel
        handlungsfelder: [bildung]
        foerderprogramme: [sozialer-zusammenhalt]
        laufzeit:
          von: 2020
          bis: 2022
        schlagworte: [Lernwerkstatt, Bildung]
        materialien:
          - titel: Gemeinsame Liste
            datei: ../gemeinsam/liste.csv
            lizenz: CC BY 4.0
          - titel: Interna GEHEIMMQ4T
            datei: materialien/geheimmq4t-interna.pdf
            beschreibung: Nur für die Mitglieder, Merkmal GEHEIMMQ4T.
            lizenz: Alle Rechte vorbehalten
            sichtbarkeit: intern
        ---
        # Lernwerkstatt
        """,
    "docs/praxisbeispiele/materialien/geheimmq4t-interna.pdf": b"%PDF-1.4\n% Interna GEHEIMMQ4T\n%%EOF\n",
    "docs/gemeinsam/liste.csv": "Spalte;Wert\nA;1\n",
    # Listing pages: cards of every listed entry of the edition.
    "docs/praxisbeispiele/index.md": "# Praxisbeispiele\n",
    "docs/leitfaeden/index.md": "# Leitfäden\n",
}


def mitgliederausgabe_einrichten(h: Handbuch) -> None:
    """The fixture's mkdocs.yml with plugins as a mapping (as the repository's) and the
    repository's own mkdocs.intern.yml next to it."""
    konfiguration = h.pfad / "mkdocs.yml"
    daten = yaml.safe_load(konfiguration.read_text(encoding="utf-8"))
    plugins: dict[str, object] = {}
    for p in daten["plugins"]:
        name, werte = next(iter(p.items())) if isinstance(p, dict) else (p, {})
        plugins[name] = werte or {}
    daten["plugins"] = plugins
    daten["site_url"] = "https://handbuch.example.org/"  # so the sitemap lists every page
    konfiguration.write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.intern.yml", h.pfad / "mkdocs.intern.yml")


def inhalte(site: Path) -> Iterator[tuple[str, bytes]]:
    """(where, bytes) for every file of ``site``: its path, its bytes, and unpacked what a
    plain byte search would miss – gzip (sitemap.xml.gz), zip members (DOCX, ODT) and the text
    of PDFs."""
    for p in sorted(site.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(site).as_posix()
        yield rel, rel.encode()
        daten = p.read_bytes()
        yield rel, daten
        if daten[:2] == b"\x1f\x8b":
            yield f"{rel} (entpackt)", gzip.decompress(daten)
        if daten.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(io.BytesIO(daten)) as z:
                for name in z.namelist():
                    yield f"{rel}!{name}", z.read(name)
        if daten.startswith(b"%PDF") and len(daten) > 100:
            text = " ".join(s.extract_text() for s in PdfReader(io.BytesIO(daten)).pages)
            yield f"{rel} (PDF-Text)", text.encode()


def fundstellen(site: Path, marke: str) -> list[str]:
    m = marke.encode()
    return sorted({wo for wo, daten in inhalte(site) if m in daten.lower()})


@pytest.fixture(scope="module")
def beide_ausgaben(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    h = Handbuch.anlegen(tmp_path_factory.mktemp("intern") / "h", INTERNE_DATEIEN)
    mitgliederausgabe_einrichten(h)
    h.git_init().commit("Interne Inhalte", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    r = h.bauen(konfiguration="mkdocs.intern.yml")
    assert r.returncode == 0, r.ausgabe
    return h


def test_oeffentliche_ausgabe_enthaelt_keine_spur(beide_ausgaben: Handbuch) -> None:
    site = beide_ausgaben.site
    # The public build has the places where a leak would show: check they exist.
    for datei in [
        "search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "katalog.json", "feed.xml",
        "kommunen/essen/index.html", "praxisbeispiele/index.html", "leitfaeden/index.html",
    ]:
        assert (site / datei).is_file(), datei
    for marke in MARKEN:
        assert fundstellen(site, marke) == [], marke
    # A public entry's file stays; the internal entries' own files do not (a file both use is
    # an error: tests/plugins/test_sicherheit_korpus.py).
    assert (site / "gemeinsam/liste.csv").read_text() == "Spalte;Wert\nA;1\n"
    assert not (site / "leitfaeden/materialien").exists()
    assert not (site / "praxisbeispiele/materialien").exists()
    assert not (site / "vorlagen/geheimxk9w-vorlage").exists()
    seite = beide_ausgaben.html("praxisbeispiele/lernwerkstatt/index.html")
    assert [a.get_text(" ", strip=True) for a in seite.select("ul.materialien a")] == ["Gemeinsame Liste (CSV, 16 Byte)"]
    assert seite.find("meta", attrs={"name": "robots"}) is None
    assert beide_ausgaben.html("404.html").find("meta", attrs={"name": "robots"}) is None


def test_mitgliederausgabe_enthaelt_alles_markiert(beide_ausgaben: Handbuch) -> None:
    site = beide_ausgaben.pfad / "site-intern"
    assert (site / "index.html").is_file()
    for marke in MARKEN:
        assert fundstellen(site, marke), marke
    for datei in ["sitemap.xml", "sitemap.xml.gz (entpackt)", "search/search_index.json", "katalog.json", "kommunen/essen/index.html"]:
        assert datei in fundstellen(site, "geheimpb5r"), datei
    # Pages, generated downloads and files of the internal entries.
    leitfaden = beide_ausgaben.html("../site-intern/leitfaeden/geheimlqz7-leitfaden/index.html")
    banner = leitfaden.select_one(".nur-mitglieder")
    assert banner is not None and banner["role"] == "note"
    assert banner.get_text(" ", strip=True).startswith("Nur für Mitglieder.")
    assert leitfaden.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    # Every page of the members' edition, the error page included (rendered from a template).
    for datei in ["index.html", "404.html", "kommunen/essen/index.html"]:
        robots = beide_ausgaben.html(f"../site-intern/{datei}").find_all("meta", attrs={"name": "robots"})
        assert [m["content"] for m in robots] == ["noindex, nofollow"], datei
    assert "Mitgliederausgabe" in leitfaden.title.get_text()
    assert (site / "leitfaeden/materialien/geheimlqz7-protokoll.pdf").is_file()
    assert (site / "praxisbeispiele/materialien/geheimpb5r-foto.png").is_file()
    assert (site / "praxisbeispiele/materialien/geheimmq4t-interna.pdf").is_file()
    for fmt in ("docx", "odt", "pdf"):
        assert (site / f"vorlagen/geheimxk9w-vorlage/geheimxk9w-vorlage.{fmt}").is_file()
    # The internal material on a public entry is listed, and marked.
    punkte = beide_ausgaben.html("../site-intern/praxisbeispiele/lernwerkstatt/index.html").select("ul.materialien > li")
    assert len(punkte) == 2
    assert punkte[1].select_one(".materialien__intern").get_text() == "Nur für Mitglieder"
    assert punkte[0].select_one(".materialien__intern") is None
    # Cards in the listing: the internal case study is there, marked; the public one unmarked.
    karten = beide_ausgaben.html("../site-intern/praxisbeispiele/index.html").select(".sn-karte")
    marken = {k.select_one(".sn-karte__titel").get_text(strip=True): k.select_one(".sn-karte__intern") for k in karten}
    assert marken["Praxisbeispiel GEHEIMPB5R"].get_text() == "Nur für Mitglieder"
    assert marken["Lernwerkstatt"] is None
    # A public entry in the members' edition has no banner.
    assert beide_ausgaben.html("../site-intern/praxisbeispiele/lernwerkstatt/index.html").select_one(".nur-mitglieder") is None


def test_repository_hat_mitgliederausgabe() -> None:
    from mkdocs.config import load_config

    # MkDocs reuses plugin instances between loads: read each configuration's values at once.
    oeffentlich = load_config(str(ROOT / "mkdocs.yml"))
    assert oeffentlich.plugins["staedtenetz/katalog"].config.ausgabe == "oeffentlich"
    plugins = {n: dict(p.config) for n, p in oeffentlich.plugins.items()}
    intern = load_config(str(ROOT / "mkdocs.intern.yml"))
    assert intern.plugins["staedtenetz/katalog"].config.ausgabe == "intern"
    assert Path(intern.site_dir).name == "site-intern" and Path(oeffentlich.site_dir).name == "site"
    # Everything else is inherited: the same plugins in the same order with the same settings.
    plugins["staedtenetz/katalog"]["ausgabe"] = "intern"
    assert {n: dict(p.config) for n, p in intern.plugins.items()} == plugins
    assert list(intern.plugins) == list(plugins)
    assert intern.theme.name == oeffentlich.theme.name and intern.nav == oeffentlich.nav
    assert "/site-intern/" in (ROOT / ".gitignore").read_text().splitlines()


VERWEISEND = """\
---
typ: praxisbeispiel
art: illustrativ
title: Verweisend
zusammenfassung: Ein öffentliches Beispiel, das auf interne Inhalte verlinkt.
kommune: essen
handlungsfelder: [bildung]
laufzeit: {von: 2021}
---
# Verweisend

Ein [Link auf den Leitfaden](../leitfaeden/geheimlqz7-leitfaden.md).

Ein Wiki-Verweis: [[geheimlqz7-leitfaden]].

Das [Protokoll](../leitfaeden/materialien/geheimlqz7-protokoll.pdf) und die [Interna][i].

[i]: materialien/geheimmq4t-interna.pdf
"""


def test_link_von_oeffentlich_auf_intern_ist_ein_fehler(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "h", {**INTERNE_DATEIEN, "docs/praxisbeispiele/verweisend.md": VERWEISEND})
    mitgliederausgabe_einrichten(h)
    h.git_init().commit("Verweise", "2024-01-15T10:00:00+01:00")
    pfad = "docs/praxisbeispiele/verweisend.md"
    erwartet = [
        f"{pfad}:12: fehler: Der Link '../leitfaeden/geheimlqz7-leitfaden.md' führt zu 'geheimlqz7-leitfaden', und "
        "das ist nur für Mitglieder (sichtbarkeit: intern). In der öffentlichen Ausgabe fehlt die Seite, der Link "
        "ginge ins Leere. Entfernen Sie den Link oder geben Sie 'geheimlqz7-leitfaden' zuerst frei.",
        f"{pfad}:16: fehler: Der Link '../leitfaeden/materialien/geheimlqz7-protokoll.pdf' führt zu einer Datei, die "
        "nur interne Einträge oder interne Materialien nennen. In der öffentlichen Ausgabe wird sie nicht "
        "veröffentlicht, der Link ginge ins Leere. Entfernen Sie den Link oder geben Sie die Datei frei.",
        f"{pfad}:18: fehler: Der Link 'materialien/geheimmq4t-interna.pdf' führt zu einer Datei, die nur interne "
        "Einträge oder interne Materialien nennen. In der öffentlichen Ausgabe wird sie nicht veröffentlicht, der "
        "Link ginge ins Leere. Entfernen Sie den Link oder geben Sie die Datei frei.",
    ]
    p = h.pruefen()
    assert p.returncode == 1
    zeilen = p.stdout.splitlines()[:-1]
    # The wiki link (line 14) is reported by the wiki-link check, also in German.
    (wiki,) = [z for z in zeilen if z.startswith(f"{pfad}:14: fehler: ")]
    assert "'[[geheimlqz7-leitfaden]]'" in wiki and "nur für Mitglieder (sichtbarkeit: intern)" in wiki
    assert [z for z in zeilen if z != wiki] == erwartet
    b = h.bauen(strict=False)
    assert b.returncode == 1 and "Traceback" not in b.ausgabe
    for zeile in erwartet + [wiki]:
        assert zeile in b.ausgabe
    # The members' edition has all targets: no error.
    assert h.pruefen("--ausgabe", "intern").returncode == 0
    r = h.bauen(konfiguration="mkdocs.intern.yml")
    assert r.returncode == 0, r.ausgabe
