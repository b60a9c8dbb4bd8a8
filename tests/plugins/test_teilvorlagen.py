"""Material's navigation and tabs, rendered once per folder for pages outside the navigation
(plugins/teilvorlagen.py): the same site byte for byte as Material rendering them for every page."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path
from types import SimpleNamespace

from conftest import Handbuch
from staedtenetz.plugins.teilvorlagen import Teilvorlagen

PRAXIS = """\
---
typ: praxisbeispiel
art: illustrativ
title: Beispiel {n}
zusammenfassung: Erfundenes Praxisbeispiel {n} der Fixture-Seite zum Testen.
kommune: essen
handlungsfelder: [bildung]
laufzeit:
  von: 2020
---
# Beispiel {n}

Text.
"""

ZAEHLER = """\
import os


def on_post_build(config):
    teile = config.plugins["staedtenetz/katalog"].teile
    with open(os.path.join(os.path.dirname(__file__), "gerendert.txt"), "w") as f:
        f.write(str(teile.gerendert))
"""


OHNE_TEILE = """\
from staedtenetz.plugins import teilvorlagen


def on_startup(command, dirty):
    teilvorlagen.einrichten = lambda env, config: None
"""


def _seite(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url, is_page=True, children=None, parent=None, meta={})


def test_schluessel_nur_wo_die_navigation_gleich_ist() -> None:
    kommunen = _seite("kommunen/")
    links = [SimpleNamespace(url=u, is_page=False, children=None) for u in ("praxisbeispiele/b/#x", "./praxisbeispiele//c")]
    nav = SimpleNamespace(items=[_seite(""), SimpleNamespace(url=None, is_page=False, children=[kommunen, *links])], homepage=None)
    config = SimpleNamespace(extra={}, theme=SimpleNamespace(logo=None))
    teile = Teilvorlagen()

    def schluessel(seite: SimpleNamespace, teil: str = "nav") -> tuple | None:
        return teile.schluessel(teil, seite, nav, config)

    a, d = _seite("praxisbeispiele/a/"), _seite("praxisbeispiele/d/")
    assert schluessel(a) == schluessel(d) is not None
    assert schluessel(a) != schluessel(a, "tabs")
    assert schluessel(a) != schluessel(_seite("kommunen/essen/"))  # another folder: other links
    # A navigation link into a page's own folder reads differently there, however it is written.
    for ordner in ("b", "c"):
        assert schluessel(_seite(f"praxisbeispiele/{ordner}/")) not in (None, schluessel(a))
    assert schluessel(kommunen) is None  # in the navigation: its item is active
    assert schluessel(None) is None  # 404.html and other theme pages
    eigene_vorlage = _seite("praxisbeispiele/e/")
    eigene_vorlage.meta = {"template": "anders.html"}
    assert schluessel(eigene_vorlage) != schluessel(a)
    # The logo's address is relative to the page, too.
    mit_logo = SimpleNamespace(extra={}, theme=SimpleNamespace(logo="assets/logo.png"))
    assert "../../assets/logo.png" in teile.schluessel("nav", a, nav, mit_logo)[2]
    assert teile.schluessel("nav", a, nav, mit_logo) == teile.schluessel("nav", d, nav, mit_logo) != schluessel(a)
    # Without directory URLs the page's folder is where its links start.
    assert schluessel(_seite("praxisbeispiele/a.html")) == schluessel(_seite("praxisbeispiele/f.html"))


def test_gleiche_website_wie_mit_materials_navigation(tmp_path: Path) -> None:
    h = Handbuch.anlegen(tmp_path / "mit")
    for n in range(12):
        h.schreiben(f"docs/praxisbeispiele/beispiel-{n}.md", PRAXIS.format(n=n))
    # A navigation link into one entry's folder: that entry renders its own navigation.
    konfiguration = h.pfad / "mkdocs.yml"
    text = konfiguration.read_text(encoding="utf-8")
    assert "\nnav:\n" in text
    text = text.replace("\nnav:\n", "\nnav:\n  - Kommunen:\n      - Essen: kommunen/essen.md\n  - Ein Beispiel: praxisbeispiele/beispiel-3/\n", 1)
    assert "  font: false\n" in text  # the handbook's features: navigation in tabs and sections
    text = text.replace("  font: false\n", "  font: false\n  features: [navigation.tabs, navigation.indexes]\n", 1)
    konfiguration.write_text(text + "hooks:\n  - zaehler.py\n", encoding="utf-8")
    h.schreiben("zaehler.py", ZAEHLER)
    ohne = Handbuch(tmp_path / "ohne")
    shutil.copytree(h.pfad, ohne.pfad)
    # The same build with Material's own partials: teilvorlagen.einrichten switched off.
    ohne.schreiben("ohne_teile.py", OHNE_TEILE)
    text = (ohne.pfad / "mkdocs.yml").read_text(encoding="utf-8")
    (ohne.pfad / "mkdocs.yml").write_text(text.replace("  - zaehler.py\n", "  - ohne_teile.py\n"), encoding="utf-8")
    for x in (h, ohne):
        x.git_init().commit("Stand", "2024-01-15T10:00:00+01:00")
        r = x.bauen(strict=False)
        assert r.returncode == 0, r.ausgabe

    seiten = sorted(p.relative_to(h.site).as_posix() for p in h.site.rglob("*.html"))
    assert seiten == sorted(p.relative_to(ohne.site).as_posix() for p in ohne.site.rglob("*.html"))
    assert "praxisbeispiele/beispiel-7/index.html" in seiten
    assert [s for s in seiten if not filecmp.cmp(h.site / s, ohne.site / s, shallow=False)] == []
    # The navigation is really there (not two empty renderings), and the twelve entries of
    # praxisbeispiele/ share it: rendered for the first of them only (beispiel-3 renders its
    # own, a navigation link points into its folder).
    eintrag = (h.site / "praxisbeispiele/beispiel-7/index.html").read_text(encoding="utf-8")
    assert 'class="md-nav md-nav--primary' in eintrag and 'class="md-tabs"' in eintrag
    assert 'href="../../kommunen/essen/"' in eintrag and 'href="../beispiel-3/"' in eintrag
    assert 'href="./"' in (h.site / "praxisbeispiele/beispiel-3/index.html").read_text(encoding="utf-8")
    gerendert = int((h.pfad / "gerendert.txt").read_text())
    assert gerendert > 0
    # Twelve more entries in the same folder: not one more rendering.
    for n in range(12, 24):
        h.schreiben(f"docs/praxisbeispiele/beispiel-{n}.md", PRAXIS.format(n=n))
    h.commit("Mehr", "2024-01-16T10:00:00+01:00")
    r = h.bauen(strict=False)
    assert r.returncode == 0, r.ausgabe
    assert (h.site / "praxisbeispiele/beispiel-23/index.html").is_file()
    assert int((h.pfad / "gerendert.txt").read_text()) == gerendert
