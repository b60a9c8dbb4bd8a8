"""pruefen's early warning (pruefung/html_pruefung.py), SVG allow-list (pruefung/svg.py) and the
link resolver (pruefung/verweise.py) on their own, without a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.pruefung import html_pruefung, svg, verweise


def _befunde(text: str, pfad: str = "seite.md") -> list[tuple[int, str]]:
    return [(m.zeile, m.text) for m in html_pruefung.pruefen(lesen(pfad, text.encode()))]


@pytest.mark.parametrize(
    "zeile, erwartet",
    [
        ("<script>x()</script>", "Skripte"),
        ("<img src=x onerror=x()>", "'onerror'"),
        ("<IMG SRC=x OnError=x()>", "'onerror'"),
        ("[a](javascript:x())", "'javascript:'"),
        ("[a](jav&#x09;ascript:x())", "'javascript:'"),
        ('<a href="&#106;avascript:x()">a</a>', "'javascript:'"),
        ("<a href=javascript:x()>a</a>", "'javascript:'"),
        ("[r]: data:text/html,x", "'data:'"),
        ("<javascript:x()>", "'javascript:'"),
        ('<iframe src="https://example.org"></iframe>', "Eingebettete fremde Inhalte"),
        ("<form><input></form>", "Formulare"),
        ("<style>*{}</style>", "Eigene Stile"),
        ('<div style="color:red">x</div>', "Eigene Stile"),
        ('Absatz {: onclick="x()" }', "'onclick'"),
        ('--8<-- "../docs/geheim.md"', "'--8<--'"),
        ('<div id="__config">x</div>', "Kennung"),
        ("<svg onload=x()>", "Eingebettete Grafiken"),
        ("<!--><img src=x onerror=x()>-->", "'onerror'"),
    ],
)
def test_meldet_auf_der_zeile(zeile: str, erwartet: str) -> None:
    befunde = _befunde(f"# Titel\n\n{zeile}\n")
    assert befunde and all(nr == 3 for nr, _ in befunde), befunde
    assert any(erwartet in text for _, text in befunde), befunde


@pytest.mark.parametrize(
    "zeile",
    [
        "Text mit <b>fett</b>, <abbr title='x'>A</abbr> und a < b.",
        "[Link](https://example.org) [mail](mailto:a@b.de) [tel](tel:+49201) [rel](../x.md#a)",
        "<https://example.org> und <info@example.org>",
        '<div markdown="1" class="grid">**x**</div>',
        "`<script>` im Code ist kein HTML",
        "```html\n<script>x()</script>\n```",
        "## Abschnitt {#abschnitt .klasse}",
        "<!-- karte -->",
        '<table><tr><td style="text-align: left">x</td></tr></table>',
    ],
)
def test_laesst_erlaubtes_in_ruhe(zeile: str) -> None:
    assert _befunde(f"# Titel\n\n{zeile}\n") == []


def test_titel_und_zusammenfassung_sind_reiner_text() -> None:
    befunde = _befunde('---\ntitle: "A <b>B</b>"\nzusammenfassung: "Text\\u000bmit Steuerzeichen"\ntemplate: redirect.html\n---\n# A\n')
    assert [nr for nr, _ in befunde] == [2, 3, 4]
    assert "HTML" in befunde[0][1] and "U+000B" in befunde[1][1] and "'template'" in befunde[2][1]


SVG_OK = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="1" height="1"/><use xlink:href="#g"/></svg>'


@pytest.mark.parametrize(
    "inhalt, grund",
    [
        (SVG_OK, None),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', "<script>"),
        (b'<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>x()</s:script></s:svg>', "<script>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><a href="&#106;avascript:x()"/></svg>', "javascript:"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "onload"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "foreignObject"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:x()"/></svg>', "<set>"),
        (b'<!DOCTYPE s [<!ENTITY e "x">]><svg xmlns="http://www.w3.org/2000/svg">&e;</svg>', "Entit"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>', "Verweis"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/p)"/></svg>', "url("),
        (b"<html><script>x()</script></html>", "oberstes Element"),
    ],
)
def test_svg_nur_mit_allow_liste(tmp_path: Path, inhalt: bytes, grund: str | None) -> None:
    datei = tmp_path / "bild.svg"
    datei.write_bytes(inhalt)
    ergebnis = svg.fehler(datei)
    assert (ergebnis is None) if grund is None else (ergebnis is not None and grund in ergebnis), ergebnis


def test_links_mit_html_parser_und_gegen_die_seitenadresse() -> None:
    q = lesen(
        "praxisbeispiele/a.md",
        b"# A\n\n[x](../leitfaeden/b.md)\n<a href=../../leitfaeden/c/>c</a>\n<img src='bilder/d.png'>\n[r]: e.pdf\n`[nein](f.md)`\n",
    )
    assert list(verweise.links(q)) == [(3, "../leitfaeden/b.md"), (6, "e.pdf"), (4, "../../leitfaeden/c/"), (5, "bilder/d.png")]
    assert "leitfaeden/c.md" in verweise.kandidaten("praxisbeispiele/a.md", "../../leitfaeden/c/")
    assert verweise.kandidaten("praxisbeispiele/a.md", "bilder/d.png")[0] == "praxisbeispiele/bilder/d.png"
    assert verweise.kandidaten("a.md", "https://example.org/x") == [] and verweise.kandidaten("a.md", "../../x") == []
