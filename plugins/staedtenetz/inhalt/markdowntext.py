"""Reading a Markdown body line by line, with code told apart from text.

Several checks look for something in the *source* of a page – wiki links, Markdown links,
fill-in fields, contact details, images, headings – and must ignore examples of it written as
code. They all walk the text with :func:`zeilen`, so they agree on what counts as code:

- **Fenced code blocks.** A fence is a line of at least three backticks or tildes. It may be
  indented by any amount (``pymdownx.superfences`` accepts fences inside admonitions, details
  and lists, indented four spaces or more). A backtick fence opens only if its info string
  holds no backtick (CommonMark: ```` ```x``` ```` is inline code, not a fence). The block ends
  at a line with a fence of the *same* character, *at least as long* as the opening one and
  nothing after it but spaces; an unclosed block runs to the end of the text. The fence lines
  themselves count as code.
- **Inline code spans.** A run of N backticks up to the next run of exactly N backticks on the
  same line (CommonMark). The span is replaced by as many spaces, so columns stay where they
  were; an unmatched run of backticks stays as it is.

Indented code blocks (four spaces after a blank line) are not recognised: without parsing they
cannot be told apart from the indented body of an admonition. Write examples in fences.

Line numbers count ``\\n`` only (the text is expected with line endings already normalised, as
``frontmatter.lesen`` delivers it). Pure functions; linear in the size of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from staedtenetz.inhalt.frontmatter import FRONTMATTER_RE

#: A fence line: indentation, the fence (group 1), the rest of the line (group 2).
ZAUN_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
#: An inline code span: a run of backticks not preceded or followed by another backtick, up to
#: the next run of exactly the same length.
CODESPANNE_RE = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")


@dataclass(frozen=True)
class Zeile:
    """One line of a Markdown text."""

    nr: int  #: 1-based line number in the file
    roh: str  #: the line as written, without its line break
    ohne_code: str  #: ``roh`` with inline code spans blanked by spaces (same length); all spaces if ``im_code``
    im_code: bool  #: inside a fenced code block, or one of its fence lines


def koerper(text: str) -> tuple[str, int]:
    """The body of ``text`` after its front matter, and the line number its first line has in
    the file (1 without front matter)."""
    m = FRONTMATTER_RE.match(text)
    if not m:
        return text, 1
    return text[m.end() :], text.count("\n", 0, m.end()) + 1


def ohne_codespannen(zeile: str) -> str:
    """``zeile`` with every inline code span replaced by as many spaces."""
    if "`" not in zeile:
        return zeile
    return CODESPANNE_RE.sub(lambda s: " " * len(s.group(0)), zeile)


def _oeffnet(roh: str) -> re.Match[str] | None:
    """The fence match if ``roh`` opens a fenced code block."""
    z = ZAUN_RE.match(roh) if ("`" in roh or "~" in roh) else None
    return z if z and not (z.group(1)[0] == "`" and "`" in z.group(2)) else None


def _schliesst(zaun: str, roh: str) -> bool:
    """Whether ``roh`` closes the block opened by the fence ``zaun``."""
    z = ZAUN_RE.match(roh) if zaun[0] in roh else None
    return bool(z and z.group(1)[0] == zaun[0] and len(z.group(1)) >= len(zaun) and not z.group(2).strip())


def zeilen(text: str, erste_zeile: int = 1) -> Iterator[Zeile]:
    """Every line of ``text``, numbered from ``erste_zeile``, with its code marked.

    Lines are split at ``\\n``; a final line break does not start another (empty) line."""
    teile = text.split("\n")
    if teile[-1] == "":
        teile.pop()
    zaun: str | None = None  # the opening fence while inside a fenced block
    for nr, roh in enumerate(teile, start=erste_zeile):
        if zaun is not None:
            if _schliesst(zaun, roh):
                zaun = None
            yield Zeile(nr, roh, " " * len(roh), True)
        elif z := _oeffnet(roh):
            zaun = z.group(1)
            yield Zeile(nr, roh, " " * len(roh), True)
        else:
            yield Zeile(nr, roh, ohne_codespannen(roh), False)


@dataclass(frozen=True)
class Codeblock:
    """A fenced code block in a list of lines (0-based indices), by the same rules as :func:`zeilen`."""

    start: int  #: index of the opening fence line
    ende: int  #: index of the closing fence line; the last line if the block is not closed
    einrueckung: str  #: the whitespace before the opening fence
    info: str  #: what follows the opening fence (``python``, ``abfrage`` …), stripped
    geschlossen: bool


def codebloecke(zeilen: list[str]) -> Iterator[Codeblock]:
    """The top-level fenced code blocks of ``zeilen`` (a fence inside another block is code)."""
    i, n = 0, len(zeilen)
    while i < n:
        z = _oeffnet(zeilen[i])
        if z is None:
            i += 1
            continue
        zaun = z.group(1)
        j = i + 1
        while j < n and not _schliesst(zaun, zeilen[j]):
            j += 1
        roh = zeilen[i]
        einrueckung = roh[: len(roh) - len(roh.lstrip(" \t"))]
        yield Codeblock(i, min(j, n - 1), einrueckung, z.group(2).strip(), j < n)
        i = j + 1
