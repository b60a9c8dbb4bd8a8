"""``staedtenetz website-pruefen``: the check of a built site that does not trust the generator.

Built for real (``mkdocs build`` in a git repository), then checked as the publishing workflow
does: a correct build passes; a build whose configuration lost our plugins (as under a generator
that ignores them) fails; a build of the members' edition checked as the public one fails with
the internal entry and its file named.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import Handbuch

PDF = b"%PDF-1.4\n% Protokoll\n%%EOF\n"

DATEIEN: dict[str, str | bytes] = {
    "docs/praxisbeispiele/index.md": "# Praxisbeispiele\n",
    "docs/kommunen/index.md": "# Kommunen\n",
    "docs/praxisbeispiele/entwurf-quartiersgarten.md": """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        status: entwurf
        title: Quartiersgarten im Entwurf
        zusammenfassung: Ein Entwurf, der in der öffentlichen Ausgabe nicht erscheinen darf.
        kommune: essen
        handlungsfelder: [bildung]
        laufzeit:
          von: 2021
        ---
        # Quartiersgarten im Entwurf
        """,
    "docs/leitfaeden/interner-leitfaden.md": """\
        ---
        typ: leitfaden
        sichtbarkeit: intern
        title: Interner Leitfaden Mitgliederversammlung
        zusammenfassung: Nur für Mitglieder – Ablauf der Mitgliederversammlung des Netzwerks.
        materialien:
          - titel: Protokoll
            datei: materialien/protokoll-intern.pdf
            lizenz: Alle Rechte vorbehalten
        ---
        # Interner Leitfaden Mitgliederversammlung
        """,
    "docs/leitfaeden/materialien/protokoll-intern.pdf": PDF,
}

INTERN_YML = """\
site_name: Testhandbuch
docs_dir: docs
theme:
  name: material
  language: de
  custom_dir: overrides
  font: false
plugins:
  - search:
      lang: de
  - git-revision-date
  - staedtenetz/katalog:
      ausgabe: intern
  - staedtenetz/austausch
  - staedtenetz/redaktion
markdown_extensions: [admonition, attr_list, md_in_html, tables]
not_in_nav: |
  /*/*.md
nav:
  - Start: index.md
"""


@pytest.fixture(scope="module")
def handbuch(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    h = Handbuch.anlegen(tmp_path_factory.mktemp("websitepruefung") / "handbuch", DATEIEN).git_init()
    h.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    return h


def test_richtig_gebaute_website_besteht(handbuch: Handbuch) -> None:
    r = handbuch.run("staedtenetz", "website-pruefen")
    assert r.returncode == 0, r.ausgabe
    assert "ist in Ordnung (öffentliche Ausgabe" in r.stdout


def test_ohne_unsere_plugins_darf_nichts_veroeffentlicht_werden(handbuch: Handbuch, tmp_path: Path) -> None:
    # What a generator that ignores our plugins produces: the same pages, no catalogue.
    yml = (handbuch.pfad / "mkdocs.yml").read_text(encoding="utf-8")
    ohne = "\n".join(z for z in yml.splitlines() if "staedtenetz/" not in z)
    (handbuch.pfad / "ohne-plugins.yml").write_text(ohne, encoding="utf-8")
    r = handbuch.bauen("-d", str(tmp_path / "ohne"), strict=False, konfiguration="ohne-plugins.yml")
    assert r.returncode == 0, r.ausgabe
    r = handbuch.run("staedtenetz", "website-pruefen", str(tmp_path / "ohne"))
    assert r.returncode == 1, r.ausgabe
    assert "'katalog.json' fehlt: Die Plugins des Handbuchs sind beim Bau nicht gelaufen." in r.stdout
    assert "'feed.xml' fehlt" in r.stdout
    assert "Die Übersichtsseite 'praxisbeispiele/' (Praxisbeispiele) verlinkt 1 Einträge nicht: lernwerkstatt" in r.stdout
    # the draft and the internal guide were rendered like any page
    assert "'entwurf-quartiersgarten' (praxisbeispiele/entwurf-quartiersgarten.md, ausgelassen)" in r.stdout
    assert "'interner-leitfaden' (leitfaeden/interner-leitfaden.md, ausgelassen)" in r.stdout
    assert "Diese Website darf so nicht veröffentlicht werden." in r.stderr


def test_mitgliederausgabe_ist_keine_oeffentliche(handbuch: Handbuch, tmp_path: Path) -> None:
    (handbuch.pfad / "intern.yml").write_text(INTERN_YML, encoding="utf-8")
    ziel = tmp_path / "intern"
    r = handbuch.bauen("-d", str(ziel), konfiguration="intern.yml")
    assert r.returncode == 0, r.ausgabe
    # checked as what it is: fine
    r = handbuch.run("staedtenetz", "website-pruefen", str(ziel), "--ausgabe", "intern")
    assert r.returncode == 0, r.ausgabe
    # checked as the public edition: the internal guide, its title and its file are named
    r = handbuch.run("staedtenetz", "website-pruefen", str(ziel), "--ausgabe", "oeffentlich")
    assert r.returncode == 1, r.ausgabe
    assert "'katalog.json' gehört zur Ausgabe 'intern', erwartet ist 'oeffentlich'." in r.stdout
    assert "Die Datei 'leitfaeden/materialien/protokoll-intern.pdf' darf in dieser Ausgabe nicht erscheinen" in r.stdout
    assert "'Interner Leitfaden Mitgliederversammlung'" in r.stdout
    assert "search/search_index.json" in r.stdout or "pagefind" in r.stdout  # the search index is read too


def test_eingeschmuggelter_interner_text_wird_gefunden(handbuch: Handbuch, tmp_path: Path) -> None:
    """A public build into which the internal title got (here: into a gzip file) fails."""
    import gzip

    ziel = tmp_path / "oeffentlich"
    shutil.copytree(handbuch.site, ziel)
    (ziel / "sitemap.xml.gz").write_bytes(gzip.compress(b"<url>Interner Leitfaden Mitgliederversammlung</url>"))
    r = handbuch.run("staedtenetz", "website-pruefen", str(ziel))
    assert r.returncode == 1, r.ausgabe
    assert "'sitemap.xml.gz (entpackt)' enthält 'interner-leitfaden'" in r.stdout
