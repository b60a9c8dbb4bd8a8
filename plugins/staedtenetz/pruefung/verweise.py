"""Every link and picture address in a page's text, and what it names in ``docs/``.

Used by the visibility rules (``materialien.dateinutzung``, ``sichtbarkeit.links_pruefen``):
a file linked from a page counts as used by that page, and a link into content an edition
leaves out is reported.

Found are Markdown links and pictures (``[x](ziel)``, ``![x](ziel)``, reference definitions
``[x]: ziel``, autolinks ``<ziel>``) and the ``href``/``src`` of raw HTML – read with Python's
HTML parser, so unquoted and single-quoted attributes and entities count like in a browser.
Code is skipped (:mod:`staedtenetz.inhalt.markdowntext`).

A target is resolved twice, as MkDocs and the browser would: relative to the source file
(MkDocs rewrites links to files it knows) and relative to the page's address
(``praxisbeispiele/x.md`` is served as ``praxisbeispiele/x/``, so ``../../leitfaeden/y/`` from
there means ``leitfaeden/y.md``).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import unquote

from staedtenetz.inhalt import markdowntext
from staedtenetz.inhalt.frontmatter import Quelltext

_INLINE_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_SCHEMA_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ADRESS_ATTRIBUTE = ("href", "src", "data", "poster", "action", "cite")


class _Adressen(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.funde: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, wert in attrs:
            if wert and name in _ADRESS_ATTRIBUTE:
                self.funde.append((self.getpos()[0], wert.strip()))
            elif wert and name == "srcset":
                for teil in wert.split(","):
                    if teil.strip():
                        self.funde.append((self.getpos()[0], teil.split()[0]))

    handle_startendtag = handle_starttag


def links(q: Quelltext) -> Iterator[tuple[int, str]]:
    """(line, target as written, entities decoded) of every link and picture in the body."""
    if not q.lesbar:
        return
    koerper, erste = markdowntext.koerper(q.text)
    zeilen = list(markdowntext.zeilen(koerper, erste))
    for z in zeilen:
        if z.im_code or ("](" not in z.roh and "]:" not in z.roh):
            continue
        for m in _INLINE_RE.finditer(z.ohne_code):
            yield z.nr, html.unescape(m.group(1))
        if d := _DEFINITION_RE.match(z.ohne_code):
            yield z.nr, html.unescape(d.group(1))
    if "<" in koerper or "=" in koerper:
        parser = _Adressen()
        parser.feed("\n".join(z.ohne_code for z in zeilen))
        parser.close()
        for nr, ziel in parser.funde:
            yield nr + erste - 1, ziel
        for z in zeilen:  # autolinks <ziel>, which the HTML parser reads as odd tags
            if not z.im_code and "<" in z.ohne_code:
                for m in re.finditer(r"<([^\s<>@]+)>", z.ohne_code):
                    if "/" in m.group(1) and not m.group(1).startswith("/"):
                        yield z.nr, html.unescape(m.group(1))


def seitenadresse(pfad: str) -> str:
    """The folder a page is served from (``use_directory_urls``): ``a/b.md`` -> ``a/b/``,
    ``a/index.md`` -> ``a/``."""
    ordner, name = posixpath.split(pfad)
    stamm = posixpath.splitext(name)[0]
    if stamm in ("index", "README"):
        return f"{ordner}/" if ordner else ""
    return f"{ordner}/{stamm}/" if ordner else f"{stamm}/"


def kandidaten(seite: str, ziel: str) -> list[str]:
    """The docs-relative paths ``ziel`` on page ``seite`` may name (source-relative first);
    empty for external addresses, anchors and paths that leave ``docs/``."""
    if _SCHEMA_RE.match(ziel) or ziel.startswith(("#", "//")):
        return []
    ziel = unquote(ziel.split("#", 1)[0].split("?", 1)[0]).strip()
    if not ziel:
        return []
    if ziel.startswith("/"):
        basen = [""]
        ziel = ziel.lstrip("/")
    else:
        basen = [posixpath.dirname(seite), seitenadresse(seite).rstrip("/")]
    ergebnis: list[str] = []
    for basis in basen:
        pfad = posixpath.normpath(posixpath.join(basis, ziel))
        if pfad == ".." or pfad.startswith("../") or pfad == ".":
            continue
        verzeichnis = ziel.endswith("/")
        for k in ([f"{pfad}.md", f"{pfad}/index.md"] if verzeichnis else [pfad, f"{pfad}.md", f"{pfad}/index.md"]):
            if k not in ergebnis:
                ergebnis.append(k)
    return ergebnis
