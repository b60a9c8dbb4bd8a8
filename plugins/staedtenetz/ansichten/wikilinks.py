"""``[[slug]]`` and ``[[slug|Text]]`` in page text: rendered as a link to the entry.

A Python-Markdown inline pattern (so code spans and code blocks stay untouched). It writes
the link as a relative link to the entry's Markdown file; MkDocs' own link processing then turns
it into the page URL (with or without ``use_directory_urls``) and validates it like any link.

Wrong slugs are reported before rendering, by ``textverweise.py`` in the catalogue (so
``staedtenetz pruefen`` reports them too). Should one still reach the renderer – in the live
preview, which shows pages with errors – it becomes a visibly marked text, never a dead link.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from staedtenetz.pruefung.textverweise import WIKILINK_MUSTER

#: slug -> (title, docs-relative source path) or None if the slug names no entry of this edition
Aufloesung = Callable[[str], "tuple[str, str] | None"]

#: After backticks (190) and escapes (180), before links (160): ``[[`` must not start a link.
PRIORITAET = 175


class WikilinkMuster(InlineProcessor):
    def __init__(self, erweiterung: WikilinkErweiterung) -> None:
        super().__init__(WIKILINK_MUSTER)
        self.erweiterung = erweiterung

    def handleMatch(self, m, data):  # type: ignore[override]  # noqa: N802 (Python-Markdown API)
        slug = m.group(1).strip()
        text = (m.group(2) or "").strip() or None
        ziel = self.erweiterung.aufloesen(slug)
        if ziel is None:
            e = ET.Element("span", {"class": "wikilink wikilink--fehlt", "title": f"Unbekannte Kennung: {slug}"})
            e.text = m.group(0)
            return e, m.start(0), m.end(0)
        titel, pfad = ziel
        e = ET.Element("a", {"href": _relativ(pfad, self.erweiterung.seite), "class": "wikilink"})
        e.text = text or titel
        return e, m.start(0), m.end(0)


def _relativ(ziel: str, seite: str) -> str:
    """Path of the Markdown file ``ziel`` relative to the page ``seite`` (both docs-relative)."""
    return posixpath.relpath(ziel, posixpath.dirname(seite) or ".")


class WikilinkErweiterung(Extension):
    """Add an instance to ``config.markdown_extensions``; set :attr:`seite` before each page
    is rendered (the plugin does this in ``on_page_markdown``)."""

    def __init__(self, aufloesen: Aufloesung) -> None:
        super().__init__()
        self.aufloesen = aufloesen
        self.seite = "index.md"  # docs-relative path of the page being rendered

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown API)
        md.inlinePatterns.register(WikilinkMuster(self), "staedtenetz-wikilink", PRIORITAET)
