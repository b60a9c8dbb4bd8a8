"""Unit tests of the shared line walker in ``markdowntext`` (fences, code spans, line numbers)."""

from __future__ import annotations

from staedtenetz.inhalt import markdowntext
from staedtenetz.inhalt.markdowntext import Zeile, koerper, ohne_codespannen, zeilen


def _code(text: str) -> list[bool]:
    return [z.im_code for z in zeilen(text)]


def test_backtick_und_tilde_zaun() -> None:
    text = "a\n```python\nx = 1\n```\nb\n~~~\ny\n~~~\nc"
    assert _code(text) == [False, True, True, True, False, True, True, True, False]


def test_anderes_zeichen_schliesst_nicht() -> None:
    text = "```\n~~~\nnoch Code\n```\nText"
    assert _code(text) == [True, True, True, True, False]


def test_laengerer_schlusszaun_schliesst_kuerzerer_nicht() -> None:
    assert _code("```\nx\n`````\nText") == [True, True, True, False]
    assert _code("````\n```\nnoch Code\n````\nText") == [True, True, True, True, False]


def test_schlusszaun_ohne_nachsatz() -> None:
    # "``` nachsatz" is no closing fence: the block goes on.
    assert _code("```\n``` nachsatz\nnoch Code\n```  \nText") == [True, True, True, True, False]


def test_unverschlossener_block_reicht_bis_zum_ende() -> None:
    assert _code("Text\n```\na\nb") == [False, True, True, True]


def test_eingerueckter_zaun_in_admonition() -> None:
    text = '!!! note "Beispiel"\n\n    ```markdown\n    [[gibt-es-nicht]]\n    ```\n\n    Text'
    zs = list(zeilen(text))
    assert [z.im_code for z in zs] == [False, False, True, True, True, False, False]
    assert zs[3].ohne_code.strip() == ""


def test_backtick_zaun_mit_backtick_im_infostring_ist_codespanne() -> None:
    zs = list(zeilen("```x``` und [[a]]\nText"))
    assert [z.im_code for z in zs] == [False, False]
    assert zs[0].ohne_code == " " * 7 + " und [[a]]"


def test_codespannen_einfach_und_doppelt() -> None:
    zeile = "a `[[x]]` b ``c ` d`` e [[y]]"
    ohne = ohne_codespannen(zeile)
    assert len(ohne) == len(zeile)
    assert ohne == "a " + " " * 7 + " b " + " " * 9 + " e [[y]]"
    assert ohne.index("[[y]]") == zeile.index("[[y]]")


def test_unpaarige_backticks_bleiben() -> None:
    assert ohne_codespannen("``a` b") == "``a` b"
    assert ohne_codespannen("`` a `b`") == "`` a    "
    assert ohne_codespannen("kein Code") == "kein Code"


def test_zeilennummern_nach_front_matter() -> None:
    text = "---\ntitle: X\ntyp: kommune\n---\n# X\n\nText [[a]]\n"
    body, erste = koerper(text)
    assert erste == 5
    assert body.startswith("# X\n")
    zs = list(zeilen(body, erste))
    assert [z.nr for z in zs] == [5, 6, 7]
    assert zs[-1] == Zeile(7, "Text [[a]]", "Text [[a]]", False)


def test_ohne_front_matter() -> None:
    assert koerper("# X\n") == ("# X\n", 1)


def test_letzter_zeilenumbruch_erzeugt_keine_leere_zeile() -> None:
    assert [z.roh for z in zeilen("a\n\nb\n")] == ["a", "", "b"]
    assert list(zeilen("")) == []


def test_crlf_ist_normalisiert_zeilennummern_zaehlen_nur_lf() -> None:
    # frontmatter.lesen turns CRLF into LF; other separators (form feed, U+2028) are no line break.
    zs = list(zeilen("a\x0cb\u2028c\nd"))
    assert [(z.nr, z.roh) for z in zs] == [(1, "a\x0cb\u2028c"), (2, "d")]


def test_fence_regel_in_allen_nutzern_gleich() -> None:
    from staedtenetz.inhalt import abschnitte
    from staedtenetz.pruefung import datenschutz_text, platzhalter

    text = "## A\n```\n## B\n~~~\n[AUSFÜLLEN: x] info@example.org\n```\n## C [AUSFÜLLEN: y]\n"
    assert abschnitte.ueberschriften(text) == ["A", "C [AUSFÜLLEN: y]"]
    assert platzhalter.finden(text) == [(7, "y")]
    assert datenschutz_text.finden(text) == []
    assert markdowntext.ZAUN_RE.match("    ~~~~ ")


FAELLE_ZAEUNE = [
    "a\n```python\nx = 1\n```\nb\n~~~\ny\n~~~\nc",
    "```\n~~~\nnoch Code\n```\nText",
    "```\nx\n`````\nText",
    "````\n```\nnoch Code\n````\nText",
    "```\n``` nachsatz\nnoch Code\n```  \nText",
    "Text\n```\na\nb",
    '!!! note "Beispiel"\n\n    ```abfrage\n    typ: x\n    ```\n\n    Text',
    "```x``` und [[a]]\nText",
    "```\na\n```\n```abfrage\nb\n```",
]


def test_codebloecke_folgen_denselben_regeln_wie_zeilen() -> None:
    """The block scanner (query blocks) and the line walker (all other checks) agree on code."""
    for text in FAELLE_ZAEUNE:
        teile = text.split("\n")
        code = [False] * len(teile)
        for b in markdowntext.codebloecke(teile):
            for i in range(b.start, b.ende + 1):
                code[i] = True
        assert code == _code(text), text


def test_codebloecke_mit_infostring_einrueckung_und_ende() -> None:
    teile = '!!! note\n\n    ```abfrage\n    typ: x\n    ```\n\n````markdown\n```abfrage\n```\n````\n```\noffen'.split("\n")
    bloecke = list(markdowntext.codebloecke(teile))
    assert [(b.start, b.ende, b.einrueckung, b.info, b.geschlossen) for b in bloecke] == [
        (2, 4, "    ", "abfrage", True),
        (6, 9, "", "markdown", True),  # the inner ```abfrage is code of this block
        (10, 11, "", "", False),
    ]
