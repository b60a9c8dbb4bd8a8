"""Whole builds of fixture handbooks in real git repositories with dated history."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT, Handbuch

FREMDE_HOSTS = re.compile(r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs\.|googletagmanager")


def test_fixture_baut_streng_und_zeigt_deutsches_revisionsdatum(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "h").git_init()
    h.commit("Grundstock", "2023-03-07T09:00:00+01:00")
    h.schreiben("docs/praxisbeispiele/lernwerkstatt.md", (h.docs / "praxisbeispiele/lernwerkstatt.md").read_text() + "\nNeu.\n")
    h.commit("Lernwerkstatt ergänzt", "2024-01-15T10:00:00+01:00")

    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    assert "fehler" not in r.ausgabe and "Traceback" not in r.ausgabe

    seite = h.html("praxisbeispiele/lernwerkstatt/index.html")
    assert seite.find("meta", attrs={"name": "description"})["content"] == "Erfundenes Praxisbeispiel der Fixture-Seite zum Testen."
    assert "15. Januar 2024" in seite.select_one(".md-source-file").get_text()
    alt = h.html("kommunen/essen/index.html")
    assert "7. März 2023" in alt.select_one(".md-source-file").get_text()


def test_inhaltsfehler_bricht_den_bau_mit_datei_und_zeile_ab(handbuch: Handbuch) -> None:
    handbuch.schreiben(
        "docs/praxisbeispiele/fehler.md",
        """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        title: Fehlerhaft
        zusammenfassung: Ein Beispiel mit einem Verweis auf ein Handlungsfeld, das es nicht gibt.
        kommune: essen
        handlungsfelder: [bildng]
        laufzeit: {von: 2020}
        ---
        """,
    )
    r = handbuch.bauen(strict=False)
    assert r.returncode == 1
    assert (
        "docs/praxisbeispiele/fehler.md:7: fehler: 'handlungsfelder, 1. Eintrag' verweist auf 'bildng', aber kein "
        "Eintrag vom Typ Handlungsfeld hat diese Kennung. Meinten Sie 'bildung'?"
    ) in r.ausgabe
    assert "Abgebrochen: 1 Fehler in den Inhalten" in r.ausgabe
    assert "Traceback" not in r.ausgabe


def test_warnung_laesst_strict_scheitern(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/praxisbeispiele/ohne-typ.md", "---\ntitle: Ohne Typ\n---\n# Ohne Typ\n")
    assert handbuch.bauen(strict=False).returncode == 0
    r = handbuch.bauen(strict=True)
    assert r.returncode == 1
    assert "docs/praxisbeispiele/ohne-typ.md:1: warnung: Die Seite liegt im Ordner 'praxisbeispiele/'" in r.ausgabe


def test_nicht_utf8_ohne_traceback(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/leitfaeden/alt.md", "# Überschrift\n\nGrüße\n".encode("cp1252"))
    r = handbuch.bauen(strict=False)
    assert r.returncode == 1
    assert "docs/leitfaeden/alt.md:1: fehler: Die Datei ist nicht als UTF-8 gespeichert" in r.ausgabe
    assert "Traceback" not in r.ausgabe and "UnicodeDecodeError" not in r.ausgabe


def test_kopie_ohne_git_baut_mit_einem_hinweis(handbuch: Handbuch, tmp_path: Path) -> None:
    zip_kopie = tmp_path / "zip"
    shutil.copytree(handbuch.pfad, zip_kopie, ignore=shutil.ignore_patterns(".git"))
    h = Handbuch(zip_kopie)
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    assert r.ausgabe.count("Keine Git-Versionsgeschichte gefunden") == 1
    assert "Traceback" not in r.ausgabe and "fatal:" not in r.ausgabe and "has no git logs" not in r.ausgabe
    assert h.html("kommunen/essen/index.html").select_one(".md-source-file") is None


def test_flacher_klon_wird_gewarnt(handbuch: Handbuch, tmp_path: Path) -> None:
    handbuch.schreiben("docs/kommunen/essen.md", (handbuch.docs / "kommunen/essen.md").read_text() + "\nMehr.\n")
    handbuch.commit("zweiter Stand", "2024-05-01T10:00:00+02:00")
    klon = tmp_path / "flach"
    handbuch.run("git", "clone", "-q", "--depth", "1", f"file://{handbuch.pfad}", str(klon))
    h = Handbuch(klon)
    r = h.bauen(strict=False)
    assert r.returncode == 0, r.ausgabe
    assert "Flacher Git-Klon erkannt" in r.ausgabe
    assert h.bauen(strict=True).returncode == 1


def test_keine_fremden_hosts_im_gebauten_auftritt(handbuch: Handbuch) -> None:
    assert handbuch.bauen().returncode == 0
    for datei in handbuch.site.rglob("*.html"):
        text = datei.read_text(encoding="utf-8")
        assert not FREMDE_HOSTS.search(text), datei
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", text):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag) or 'rel="canonical"' in tag, (datei, tag)


def test_google_fonts_in_der_konfiguration_wird_gewarnt(handbuch: Handbuch) -> None:
    cfg = handbuch.pfad / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("  font: false\n", ""))
    r = handbuch.bauen()
    assert r.returncode == 1
    assert "Datenschutz: Material lädt Schriften von Google Fonts." in r.ausgabe


def test_repo_url_ohne_override_wird_gewarnt(handbuch: Handbuch) -> None:
    cfg = handbuch.pfad / "mkdocs.yml"
    cfg.write_text(cfg.read_text() + "repo_url: https://github.com/beispiel/handbuch\n")
    assert handbuch.bauen().returncode == 0  # our override removes the API call
    shutil.rmtree(handbuch.pfad / "overrides" / "partials")
    r = handbuch.bauen()
    assert r.returncode == 1 and "Datenschutz: Mit 'repo_url'" in r.ausgabe


def test_repository_eigene_inhalte_bauen_streng(tmp_path: Path) -> None:
    h = Handbuch(ROOT)
    r = h.bauen("--site-dir", str(tmp_path / "site"))
    assert r.returncode == 0, r.ausgabe
    p = h.pruefen()
    assert p.returncode == 0, p.ausgabe
    assert p.stdout.startswith("0 Fehler, 0 Warnungen")
