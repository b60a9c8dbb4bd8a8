"""Editorial workflow in real builds: drafts only in the preview (with a banner) and in no file
of the production build; archived entries reachable with a notice but unlisted."""

from __future__ import annotations

import gzip

import pytest

from conftest import Handbuch, suchindex


def _leitfaden(slug: str, status: str, titel: str, merkmal: str) -> tuple[str, str]:
    return (
        f"docs/leitfaeden/{slug}.md",
        f"""\
        ---
        typ: leitfaden
        status: {status}
        title: {titel} {merkmal}
        zusammenfassung: Ein Leitfaden im Status {status} mit dem Merkmal {merkmal} zum Testen.
        foerderprogramme: [sozialer-zusammenhalt]
        ---
        # {titel} {merkmal}

        Text mit dem Merkmal {merkmal}.
        """,
    )


DATEIEN = dict(
    [
        _leitfaden("entwurf", "entwurf", "Entwurf", "ENTWURF-d41c"),
        _leitfaden("in-arbeit", "in-pruefung", "In Arbeit", "PRUEFUNG-8e2b"),
        _leitfaden("altes-verfahren", "archiviert", "Altes Verfahren", "ARCHIV-5a90"),
        ("docs/leitfaeden/index.md", "# Leitfäden\n\nAlle Leitfäden:\n"),
        (
            "docs/praxisbeispiele/mit-bild.md",  # a case study: guides and templates also become PDFs
            """\
            ---
            typ: praxisbeispiel
            art: illustrativ
            kommune: essen
            handlungsfelder: [bildung]
            laufzeit: {von: 2024}
            title: Mit Bild
            zusammenfassung: Ein Praxisbeispiel mit einem Bild und seinem Bildnachweis zum Testen.
            bilder:
              - datei: hof.png
                alt: Ein begrünter Innenhof
                urheber: Stadt Essen, Amt 61 (Testbild)
                lizenz: CC BY 4.0
            ---
            # Mit Bild

            ![Ein begrünter Innenhof](hof.png)
            """,
        ),
        (
            "docs/praxisbeispiele/entwurf-beispiel.md",  # case studies also go into the feed
            """\
            ---
            typ: praxisbeispiel
            status: entwurf
            art: illustrativ
            title: Beispiel ENTWURF-PB-77e1
            zusammenfassung: Ein Praxisbeispiel als Entwurf mit dem Merkmal ENTWURF-PB-77e1.
            kommune: essen
            handlungsfelder: [bildung]
            laufzeit: {von: 2024}
            ---
            # Beispiel ENTWURF-PB-77e1
            """,
        ),
    ]
)


@pytest.fixture
def redaktion(tmp_path) -> Handbuch:
    h = Handbuch.anlegen(tmp_path / "hb", {**DATEIEN, "docs/praxisbeispiele/hof.png": b"\x89PNG\r\n\x1a\n kein echtes Bild"}).git_init()
    konfig = h.pfad / "mkdocs.yml"
    text = konfig.read_text(encoding="utf-8")
    # The archived entry also sits in the nav: Material must not render a status icon for it.
    text = text.replace("nav:\n  - Start: index.md\n", "nav:\n  - Start: index.md\n  - Leitfäden: leitfaeden/index.md\n  - Alt: leitfaeden/altes-verfahren.md\n")
    text = text.replace("  - staedtenetz/katalog\n", "  - staedtenetz/katalog:\n      entwuerfe: !ENV [STAEDTENETZ_ENTWUERFE, null]\n")
    text = "site_url: https://handbuch.example.invalid/\n" + text  # without it the sitemap is empty
    konfig.write_text(text, encoding="utf-8")
    h.commit("Grundstock", "2026-01-15T10:00:00+01:00")
    return h


def _alle_dateien(site) -> dict[str, bytes]:
    inhalte = {}
    for p in site.rglob("*"):
        if p.is_file():
            roh = p.read_bytes()
            # gzip: sitemap.xml.gz and the search index (pagefind/)
            inhalte[p.relative_to(site).as_posix()] = gzip.decompress(roh) if roh[:2] == b"\x1f\x8b" else roh
    return inhalte


def test_entwuerfe_fehlen_in_jeder_datei_des_produktionsbaus(redaktion: Handbuch) -> None:
    r = redaktion.bauen()
    assert r.returncode == 0, r.ausgabe
    inhalte = _alle_dateien(redaktion.site)
    assert "sitemap.xml.gz" in inhalte and "pagefind/pagefind-entry.json" in inhalte
    assert "Verstetigung" in {e["meta"]["title"] for e in suchindex(redaktion.site).values()}
    assert b"leitfaeden/verstetigung/" in inhalte["sitemap.xml.gz"]  # the decompressed sitemap is searched
    # Every channel exists and carries the published entry – so the absence below means something.
    kanaele = {
        "feed.xml": b"Lernwerkstatt",  # the feed carries case studies
        "katalog.json": b"Verstetigung",
        "aenderungen/index.html": b"Verstetigung",
        "leitfaeden/index.html": b"Verstetigung",
    }
    for kanal, veroeffentlicht in kanaele.items():
        assert veroeffentlicht in inhalte[kanal], kanal
    assert [p for p in inhalte if "entwurf" in p or "in-arbeit" in p] == []
    assert b"Lernwerkstatt" in inhalte["katalog.json"] and b"ENTWURF-PB-77e1" not in inhalte["katalog.json"]
    for merkmal in (b"ENTWURF-d41c", b"PRUEFUNG-8e2b", b"ENTWURF-PB-77e1"):
        assert [p for p, t in inhalte.items() if merkmal in t] == []
    for pfad in ("leitfaeden/entwurf", "leitfaeden/in-arbeit"):
        assert not (redaktion.site / pfad).exists()
        assert f"{pfad}/".encode() not in inhalte["sitemap.xml.gz"]

    assert "/leitfaeden/entwurf/" not in suchindex(redaktion.site)
    # Archived: reachable, with a notice, in search and sitemap – but in no listing.
    assert "/leitfaeden/altes-verfahren/" in suchindex(redaktion.site)
    alt = redaktion.html("leitfaeden/altes-verfahren/index.html")
    hinweis = alt.select(".staedtenetz-status--archiviert")
    assert len(hinweis) == 1 and hinweis[0].select_one(".admonition-title").get_text() == "Archiviert – wird nicht mehr gepflegt"
    assert b"leitfaeden/altes-verfahren/" in inhalte["sitemap.xml.gz"]
    liste = redaktion.html("leitfaeden/index.html").select_one("article")
    ziele = [a["href"] for a in liste.select("a[href]") if "leitfaeden" in a["href"] or a["href"].startswith("../") or "/" in a["href"]]
    assert any("verstetigung" in z for z in ziele), ziele
    assert not any("altes-verfahren" in z for z in ziele), ziele
    # Our status never reaches Material's nav status icons.
    assert [p for p, t in inhalte.items() if p.endswith(".html") and b"md-status--" in t] == []
    assert redaktion.html("index.html").select_one('nav a[href$="altes-verfahren/"]') is not None


def test_vorschau_zeigt_entwuerfe_mit_hinweis(redaktion: Handbuch, monkeypatch) -> None:
    monkeypatch.setenv("STAEDTENETZ_ENTWUERFE", "true")  # as the preview job of the PR check
    r = redaktion.bauen()
    assert r.returncode == 0, r.ausgabe
    for slug, titel in (("entwurf", "Entwurf – nicht veröffentlicht"), ("in-arbeit", "In Prüfung – nicht veröffentlicht")):
        seite = redaktion.html(f"leitfaeden/{slug}/index.html")
        hinweise = seite.select(".staedtenetz-status")
        assert [h.select_one(".admonition-title").get_text() for h in hinweise] == [titel]
        h1 = seite.select_one("article h1")
        assert h1.find_next_sibling() is hinweise[0]  # directly under the title
    assert redaktion.html("leitfaeden/verstetigung/index.html").select(".staedtenetz-status") == []
    liste = redaktion.html("leitfaeden/index.html").select_one("article").get_text()
    assert "ENTWURF-d41c" in liste and "ARCHIV-5a90" not in liste


def test_formular_daten_und_schema_werden_ausgeliefert(redaktion: Handbuch) -> None:
    import json

    assert redaktion.bauen().returncode == 0
    daten = json.loads((redaktion.site / "assets/staedtenetz/formular.json").read_text(encoding="utf-8"))
    assert daten["eintraege"]["kommune"] == [{"slug": "essen", "titel": "Essen"}]
    assert [e["slug"] for e in daten["eintraege"]["leitfaden"]] == ["altes-verfahren", "verstetigung"]  # no drafts
    assert daten["repository"] == {"url": None, "host": None, "zweig": None, "pfad": None}
    assert daten["gerueste"]["praxisbeispiel"].startswith("# @@TITEL@@\n\n## Ausgangslage\n")
    schema = json.loads((redaktion.site / "schema/eintrag.schema.json").read_text(encoding="utf-8"))
    assert schema["discriminator"]["propertyName"] == "typ"


def test_seite_nennt_die_bildnachweise(redaktion: Handbuch) -> None:
    r = redaktion.bauen()
    assert r.returncode == 0, r.ausgabe  # the declared image raises no warning
    text = redaktion.html("praxisbeispiele/mit-bild/index.html").select_one("article").get_text(" ")
    assert "Bildnachweise" in text and "Stadt Essen, Amt 61 (Testbild)" in text
