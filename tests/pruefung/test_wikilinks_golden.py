"""Golden tests of wiki links: the scanner and its messages (no build), and the Markdown
extension that renders them."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from conftest import basis_eintraege
from staedtenetz.ansichten.wikilinks import WikilinkErweiterung
from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.katalog.katalog import Katalog

FAELLE = yaml.safe_load((Path(__file__).parent / "golden" / "wikilinks.yaml").read_text(encoding="utf-8"))


def katalog(dateien: dict[str, str], ausgabe: str | None = None) -> Katalog:
    alle = {**basis_eintraege(), **dateien}
    k = Katalog.aufbauen(lesen(pfad, text.encode("utf-8")) for pfad, text in alle.items())
    if ausgabe is not None:
        k.einschraenken(Ausgabe(intern=ausgabe == "intern"))
    return k


@pytest.mark.parametrize("fall", FAELLE, ids=[f["name"] for f in FAELLE])
def test_golden(fall: dict) -> None:
    k = katalog(fall["dateien"], fall.get("ausgabe"))
    tatsaechlich = [m.als_zeile() for m in k.meldungen]
    erwartet = fall["erwartet"]
    assert len(tatsaechlich) == len(erwartet), "\n".join(tatsaechlich)
    for soll, ist in zip(sorted(erwartet), sorted(tatsaechlich)):
        assert ist.startswith(soll), f"\nerwartet: {soll}\nbekommen: {ist}"
    if "verweise" in fall:
        assert [f"{t.von}:{t.zeile} -> {t.ziel}" for t in k.textverweise] == fall["verweise"]


def test_pruefen_meldet_wikilink_fehler_wie_der_bau(tmp_path: Path) -> None:
    from conftest import Handbuch

    h = Handbuch.anlegen(tmp_path / "h", {"docs/glossar.md": "# Glossar\n\nSiehe [[lernwerkstat]].\n"})
    r = h.pruefen()
    assert r.returncode == 1
    assert "docs/glossar.md:3: fehler: Der Verweis '[[lernwerkstat]]' führt ins Leere" in r.ausgabe
    assert "Meinten Sie 'lernwerkstatt'?" in r.ausgabe


TITEL = {"lernwerkstatt": ("Lernwerkstatt", "praxisbeispiele/lernwerkstatt.md"), "essen": ("Essen & Co <1>", "kommunen/essen.md")}


def rendern(text: str, seite: str = "leitfaeden/verstetigung.md") -> str:
    erweiterung = WikilinkErweiterung(TITEL.get)
    erweiterung.seite = seite
    return markdown.markdown(text, extensions=[erweiterung, "pymdownx.superfences"])


def test_erweiterung_schreibt_titel_und_relativen_link() -> None:
    html = rendern("Siehe [[lernwerkstatt]] und [[essen|die Stadt]].")
    assert html == (
        '<p>Siehe <a class="wikilink" href="../praxisbeispiele/lernwerkstatt.md">Lernwerkstatt</a> und '
        '<a class="wikilink" href="../kommunen/essen.md">die Stadt</a>.</p>'
    )


def test_erweiterung_maskiert_titel_und_laesst_code_in_ruhe() -> None:
    html = rendern("[[essen]] `[[lernwerkstatt]]`\n\n```\n[[lernwerkstatt]]\n```\n", seite="index.md")
    assert '<a class="wikilink" href="kommunen/essen.md">Essen &amp; Co &lt;1&gt;</a>' in html
    assert "<code>[[lernwerkstatt]]</code>" in html
    assert html.count("<a ") == 1


def test_unbekannte_kennung_wird_markierter_text_kein_link() -> None:
    html = rendern("[[gibt-es-nicht]]")
    assert html == '<p><span class="wikilink wikilink--fehlt" title="Unbekannte Kennung: gibt-es-nicht">[[gibt-es-nicht]]</span></p>'


def test_maskierte_klammern_sind_kein_verweis() -> None:
    html = rendern(r"\[[lernwerkstatt]] und [[lernwerkstatt]]")
    assert html.count("<a ") == 1 and html.startswith("<p>[[lernwerkstatt]] und <a ")
