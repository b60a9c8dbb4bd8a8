"""Fill-in fields: ``[AUSFÜLLEN: what belongs here]``.

Some details only the operator of the site can supply (postal address, responsible person,
e-mail of the office). Pages mark them with a fill-in field in exactly this syntax. This module
finds them (for the maintainers' report and the tests) and renders them visibly highlighted, so
that an unfilled field is never mistaken for finished text.

Fields inside fenced code blocks and inline code spans are examples of the syntax, not fill-in
fields, and are left alone by both functions.
"""

from __future__ import annotations

import html
import re

from staedtenetz.inhalt import markdowntext

#: ``Ü`` may arrive precomposed (U+00DC) or decomposed (U + U+0308), e.g. from macOS editors.
MUSTER = re.compile(r"\[AUSF(?:\u00dc|U\u0308)LLEN:[ \t]*([^\]\n]*?)[ \t]*\]")


def finden(text: str) -> list[tuple[int, str]]:
    """Every fill-in field in ``text`` as (1-based line, description), in reading order.

    An empty description is reported as ``""`` – the field is still unfilled.
    """
    treffer: list[tuple[int, str]] = []
    for z in markdowntext.zeilen(text):
        if not z.im_code:
            treffer.extend((z.nr, m.group(1)) for m in MUSTER.finditer(z.ohne_code))
    return treffer


def hervorheben(markdown: str) -> str:
    """Replace each fill-in field by a highlighted ``<mark class="ausfuellen">``.

    The description is HTML-escaped; Markdown inside it stays inactive on purpose.
    """
    if "AUSF" not in markdown:  # fast path: almost every page has none
        return markdown
    ausgabe = [z.roh if z.im_code else _zeile_hervorheben(z.roh) for z in markdowntext.zeilen(markdown)]
    return "\n".join(ausgabe) + ("\n" if markdown.endswith("\n") else "")


def markierung(beschreibung: str) -> str:
    """The HTML of one highlighted fill-in field."""
    text = html.escape(beschreibung, quote=False) or "Angabe fehlt"
    return f'<mark class="ausfuellen" title="Platzhalter: vom Betreiber auszufüllen">Noch auszufüllen: {text}</mark>'


def _zeile_hervorheben(zeile: str) -> str:
    # Keep inline code spans untouched: split them out, replace in the rest, join again.
    teile: list[str] = []
    ende = 0
    for span in markdowntext.CODESPANNE_RE.finditer(zeile):
        teile.append(MUSTER.sub(lambda m: markierung(m.group(1)), zeile[ende : span.start()]))
        teile.append(span.group(0))
        ende = span.end()
    teile.append(MUSTER.sub(lambda m: markierung(m.group(1)), zeile[ende:]))
    return "".join(teile)
