"""The allow-list sanitizer (ansichten/bereinigen.py) on its own: what it keeps and drops."""

from __future__ import annotations

import re

import pytest

from staedtenetz.ansichten import bereinigen
from staedtenetz.ansichten.nachtrag import Nachtraege


@pytest.mark.parametrize(
    "eingabe, verboten",
    [
        ("<script>alert(1)</script>", "alert"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "href"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "href"),
        ('<a href="  JaVaScRiPt:alert(1)">x</a>', "href"),
        ('<a href="data:text/html,x">x</a>', "href"),
        ('<img src="file:///etc/passwd">', "src"),
        ('<iframe srcdoc="<script>x</script>"></iframe>', "iframe"),
        ("<form action=javascript:x><button>b</button></form>", "form"),
        ("<details ontoggle=alert(1) open><summary>s</summary></details>", "ontoggle"),
        ("<svg><script>alert(1)</script></svg>", "svg"),
        ('<div style="background:url(javascript:x)">x</div>', "style"),
        ('<div id="__config">x</div>', "__config"),
        ('<div data-md-component="source">x</div>', "data-md"),
        ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "onerror"),
        ("<base href=//evil/>", "base"),
        ("<style>*{}</style>", "style"),
    ],
)
def test_entfernt(eingabe: str, verboten: str) -> None:
    assert verboten not in bereinigen.html(eingabe)


def test_behaelt_was_markdown_und_material_brauchen() -> None:
    html = (
        '<h2 id="abschnitt">Titel<a class="headerlink" href="#abschnitt" title="Link">¶</a></h2>'
        '<div class="admonition note"><p class="admonition-title">Hinweis</p><p>x</p></div>'
        '<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" '
        'name="__tabbed_1" type="radio"><div class="tabbed-labels"><label for="__tabbed_1_1">A</label></div></div>'
        '<details class="info" open=""><summary>S</summary></details>'
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
        '<abbr title="Amtlicher Gemeindeschlüssel">AGS</abbr>'
        '<div class="highlight"><pre><span></span><code><span class="k">def</span></code></pre></div>'
        '<table data-tabelle="x"><thead><tr><th style="text-align:left">a</th></tr></thead></table>'
        '<figure><img alt="Bild" src="bild.png"><figcaption>Quelle</figcaption></figure>'
        '<a href="https://example.org">e</a><a href="mailto:a@b.de">m</a><a href="../x/">r</a>'
        '<div class="vorlage-downloads" role="group" aria-labelledby="d"><a download="" href="x.docx" type="a/b">d</a></div>'
    )
    assert bereinigen.html(html) == html


def test_title_fuer_materials_tooltip_maskiert() -> None:
    # Material puts title into innerHTML on hover: the attribute must hold text, not markup.
    aus = bereinigen.html('<abbr title="&lt;img src=x onerror=alert(1)&gt; Bildung &amp; Arbeit">A</abbr>')
    assert aus == '<abbr title="&amp;lt;img src=x onerror=alert(1)&gt; Bildung &amp; Arbeit">A</abbr>'


def test_marken_bleiben_und_lassen_sich_nicht_faelschen() -> None:
    n = Nachtraege()
    marke = n.marke("s.md", "liste", "<b>eigen</b>")
    seite = "<p>vorher</p><!-- staedtenetz:liste -->" + marke + "<div><script>x</script>"
    aus = bereinigen.html_mit_marken(seite, n.muster)
    assert aus.count("<!-- staedtenetz:") == 2  # only ours; the forged one is gone
    assert "script" not in aus
    assert n.einsetzen("s.md", aus) == "<p>vorher</p><b>eigen</b><div></div>"


def test_text_und_titel() -> None:
    assert bereinigen.text('"><script>') == "&quot;&gt;&lt;script&gt;"
    assert bereinigen.titel_html("A &amp; <img src=x onerror=y> <b>B</b>") == "A &amp;  B"
    meta = bereinigen.seitenangaben({"title": "<b>", "template": "redirect.html", "location": "javascript:x", "hide": ["toc"]})
    assert meta == {"title": "&lt;b&gt;", "hide": ["toc"]}
    assert not re.search("<", bereinigen.text("<x>"))
