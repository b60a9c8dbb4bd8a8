"""What every built page carries: one stylesheet, scripts only where used, the glossary
tooltips, and a sitemap with true dates (issue 12)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import Handbuch

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _skripte(h: Handbuch, seite: str) -> list[str]:
    return [s["src"] for s in h.html(seite).find_all("script", src=True) if "assets/staedtenetz/" in s["src"]]


def _stylesheets(h: Handbuch, seite: str) -> list[str]:
    return [l["href"] for l in h.html(seite).find_all("link", rel="stylesheet") if "staedtenetz" in l["href"]]


def test_skripte_nur_auf_den_seiten_die_sie_brauchen(tmp_path: Path) -> None:
    h = Handbuch.anlegen(
        tmp_path / "h",
        {
            "docs/praxisbeispiele/index.md": "# Praxisbeispiele\n",
            "docs/beitragen/einreichen.md": '# Beitrag einreichen\n\n<div id="beitrag-formular" class="beitrag-formular"></div>\n',
        },
    ).git_init()
    h.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    assert _skripte(h, "praxisbeispiele/index.html") == ["../assets/staedtenetz/liste.js", "../assets/staedtenetz/suche.js"]
    # the form and its extensions (photos, text, Word file, keeping the input), then the search
    formular = ["formular_dom.js", "beitragspaket.js", "beitragstext.js", "docx_lesen.js", "einreichen.js", "formular_speicher.js", "suche.js"]
    assert _skripte(h, "beitragen/einreichen/index.html") == [f"../../assets/staedtenetz/{n}" for n in formular]
    assert _skripte(h, "praxisbeispiele/lernwerkstatt/index.html") == ["../../assets/staedtenetz/suche.js"]
    assert _skripte(h, "index.html") == ["assets/staedtenetz/suche.js"]
    # One stylesheet of ours per page, with all our rules (karte.css, liste.css, suche.css …).
    assert _stylesheets(h, "praxisbeispiele/lernwerkstatt/index.html") == ["../../assets/staedtenetz/staedtenetz.css"]
    assert _stylesheets(h, "index.html") == ["assets/staedtenetz/staedtenetz.css"]
    assert _stylesheets(h, "beitragen/einreichen/index.html") == ["../../assets/staedtenetz/staedtenetz.css"]
    gebuendelt = (h.site / "assets/staedtenetz/staedtenetz.css").read_text(encoding="utf-8")
    for name in ("karte.css", "liste.css", "suche.css", "druck.css"):
        assert f"/* {name} */" in gebuendelt
        assert (h.site / "assets/staedtenetz" / name).read_text(encoding="utf-8").strip() in gebuendelt
    # Every script is deferred: nothing of ours blocks rendering.
    for datei in h.site.rglob("*.html"):
        for tag in re.findall(r'<script src="[^"]*staedtenetz/[^"]*"[^>]*>', datei.read_text(encoding="utf-8")):
            assert " defer" in tag, (datei, tag)


GLOSSAR = "*[ISEK]: Integriertes städtebauliches Entwicklungskonzept\n*[BIWAQ]: Bildung, Wirtschaft, Arbeit im Quartier\n"


def _mit_glossar(ziel: Path, glossar: str) -> Handbuch:
    h = Handbuch.anlegen(ziel, {"includes/abkuerzungen.md": glossar, "docs/ueber.md": "# Über\n\nEin ISEK mit BIWAQ, aber kein ISEKX.\n"})
    cfg = h.pfad / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace(
            "  - staedtenetz/katalog\n", "  - staedtenetz/katalog:\n      glossar: includes/abkuerzungen.md\n"
        ),
        encoding="utf-8",
    )
    h.git_init().commit("Grundstock", "2024-01-15T10:00:00+01:00")
    return h


def test_glossar_gibt_tooltips_auf_jeder_seite(tmp_path: Path) -> None:
    h = _mit_glossar(tmp_path / "h", GLOSSAR)
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    absatz = h.html("ueber/index.html").select_one("article p")
    assert str(absatz) == (
        '<p>Ein <abbr title="Integriertes städtebauliches Entwicklungskonzept">ISEK</abbr> mit '
        '<abbr title="Bildung, Wirtschaft, Arbeit im Quartier">BIWAQ</abbr>, aber kein ISEKX.</p>'
    )
    # The entry pages get them too (the fixture's template is called "ISEK-Gliederung").
    assert h.html("vorlagen/isek/index.html").select_one("article h1 abbr")["title"] == "Integriertes städtebauliches Entwicklungskonzept"


def test_fehlerhaftes_glossar_nennt_datei_und_zeile(tmp_path: Path) -> None:
    h = _mit_glossar(tmp_path / "h", GLOSSAR + "\nISEK – vergessenes Sternchen\n")
    r = h.bauen()
    assert r.returncode == 1
    assert "Glossar: includes/abkuerzungen.md, Zeile 4: Keine Abkürzung: 'ISEK – vergessenes Sternchen'." in r.ausgabe
    assert "Schreiben Sie: *[Begriff]: Kurzerklärung" in r.ausgabe
    assert "Traceback" not in r.ausgabe
    h = _mit_glossar(tmp_path / "h2", GLOSSAR + "*[ISEK]: doppelt\n")
    r = h.bauen()
    assert r.returncode == 1 and "Zeile 3: 'ISEK' steht zweimal in der Datei." in r.ausgabe


def test_sitemap_mit_dem_git_datum_jeder_seite(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "h").git_init()
    cfg = h.pfad / "mkdocs.yml"
    cfg.write_text("site_url: https://handbuch.example.org/\n" + cfg.read_text(encoding="utf-8"), encoding="utf-8")
    h.commit("Grundstock", "2023-03-07T09:00:00+01:00")
    h.schreiben("docs/praxisbeispiele/lernwerkstatt.md", (h.docs / "praxisbeispiele/lernwerkstatt.md").read_text() + "\nNeu.\n")
    h.commit("Lernwerkstatt ergänzt", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    urls = {
        u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
        for u in ET.parse(h.site / "sitemap.xml").getroot()
    }
    assert urls["https://handbuch.example.org/praxisbeispiele/lernwerkstatt/"] == "2024-01-15"
    assert urls["https://handbuch.example.org/kommunen/essen/"] == "2023-03-07"
    assert urls["https://handbuch.example.org/"] == "2023-03-07"
    assert urls["https://handbuch.example.org/suche/"] is None  # generated: no date rather than a wrong one


def test_ohne_site_url_warnt_der_veroeffentlichte_bau(handbuch: Handbuch) -> None:
    r = handbuch.bauen()
    assert r.returncode == 0, r.ausgabe  # a local build: a note only
    assert "INFO    -  staedtenetz: site_url fehlt in mkdocs.yml: Die Sitemap (sitemap.xml) bleibt leer" in r.ausgabe
    cfg = handbuch.pfad / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace("  - staedtenetz/katalog\n", "  - staedtenetz/katalog:\n      veroeffentlichung: true\n"),
        encoding="utf-8",
    )
    r = handbuch.bauen()
    assert r.returncode == 1
    assert "WARNING -  staedtenetz: site_url fehlt in mkdocs.yml" in r.ausgabe
    cfg.write_text("site_url: https://handbuch.example.org/\n" + cfg.read_text(encoding="utf-8"), encoding="utf-8")
    r = handbuch.bauen()
    assert r.returncode == 0, r.ausgabe
    assert "site_url fehlt" not in r.ausgabe


def test_titel_aus_der_ueberschrift_bleibt_im_kopf_text(tmp_path: Path) -> None:
    """A page without 'title' in its front matter is named by its heading. Material's <title>
    runs that through "striptags", which turns "&lt;" back into "<": it must stay text there, not
    become markup in <head> (here a redirect to another website)."""
    angriff = '&lt;/title&gt;&lt;meta http-equiv="refresh" content="0;url=https://evil.invalid/"&gt;'
    h = Handbuch.anlegen(tmp_path / "h", {"docs/seite.md": f"# Seite {angriff} Ende\n\nText.\n"}).git_init()
    h.commit("Seite", "2025-03-01T09:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    seite = h.html("seite/index.html")
    assert seite.title.get_text() == 'Seite </title><meta http-equiv="refresh" content="0;url=https://evil.invalid/"> Ende - Testhandbuch'
    assert seite.find_all("meta", attrs={"http-equiv": "refresh"}) == []
    assert seite.select_one("h1").get_text(strip=True).startswith("Seite </title><meta")
