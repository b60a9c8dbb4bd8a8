"""Allow-list sanitizer for everything content writes into a page or a download (nh3).

Content is untrusted: whatever Markdown, raw HTML, ``attr_list`` or an extension makes of a page
passes :func:`html` before it reaches a template, the search index or a converter. nh3 (the
Python binding of the Rust library ammonia) parses the HTML like a browser and writes out only
the elements and attributes named here; everything else goes, the text of a dropped element
stays (except ``script``/``style``/…, whose content goes too).

Kept – what Python-Markdown, its extensions, Material for MkDocs and our views produce:
paragraphs, headings (with ``id`` and the permalink), lists, tables, code with Pygments'
classes, admonitions, ``details``, content tabs (their radio ``input`` and ``label``),
footnotes, ``abbr``, ``figure``, images with a relative or http(s) address, links to
http(s)/mailto/tel or relative addresses.

Dropped: ``script``, ``style``, ``iframe``, ``object``, ``embed``, ``form`` and every other
element not listed; event handlers (``on…``) and every attribute not listed (``style`` is kept
only on table cells, only with ``text-align``); ``javascript:``, ``data:`` and every other
scheme (after entity decoding – the parser decodes ``&#106;`` and drops tabs and line breaks
as a browser does); ``id``/``name`` values that could shadow the theme's own elements
(``__config`` …); ``data-*`` attributes (the theme's script reads some of them; kept are only
``data-tabs`` of the tabs, ``data-tabelle`` of our tables and ``data-search-exclude``). ``aria-*``
attributes are kept.

Material's tooltips (feature ``content.tooltips``) put an element's ``title`` into the page as
HTML when it is hovered. So whatever in a ``title`` value would start markup there (``<b``,
``&lt;``) is escaped once more: the attribute holds ``&lt;b`` as text, the tooltip shows ``<b``.

:func:`text` makes a value for a template: titles and descriptions are plain text, escaped.
:func:`titel_html` cleans something that already is HTML (a heading rendered by Markdown) down
to its escaped text.
"""

from __future__ import annotations

import html as htmlmod
import re

import nh3

from staedtenetz.inhalt.html_regeln import GESPERRTE_SCHLUESSEL, ATTRIBUTE, NAME_RE, OHNE_INHALT, SCHEMATA, TAGS, WERTE

#: What starts markup or a character reference when text is parsed as HTML: ``<`` before a
#: letter, ``!``, ``/`` or ``?``, and ``&`` before a letter or ``#``. Only these are escaped, so
#: "Bildung & Arbeit" stays as it is for screen readers and the browser's own tooltip.
_MARKUP_IM_TITEL = re.compile(r"<(?=[A-Za-z!/?])|&(?=[A-Za-z#])")


def _attribut(element: str, attribut: str, wert: str) -> str | None:
    if attribut in ("id", "name", "for"):
        return wert if NAME_RE.match(wert) else None
    if attribut == "title":
        # Material's tooltip renders the value as HTML: escape once more (see module docstring).
        return _MARKUP_IM_TITEL.sub(lambda m: htmlmod.escape(m.group(0), quote=False), wert)
    return wert


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(OHNE_INHALT),
    attributes=ATTRIBUTE,
    attribute_filter=_attribut,
    tag_attribute_values=WERTE,
    url_schemes=set(SCHEMATA),
    link_rel=None,
    strip_comments=True,
    generic_attribute_prefixes={"aria-"},
    filter_style_properties={"text-align"},
)

_NUR_TEXT = nh3.Cleaner(tags=set(), clean_content_tags=set(OHNE_INHALT), attributes={}, strip_comments=True, link_rel=None)


def html(fragment: str) -> str:
    """``fragment`` (HTML from content) with only what the allow-list keeps."""
    return _CLEANER.clean(fragment)


def html_mit_marken(fragment: str, marke: re.Pattern[str]) -> str:
    """Like :func:`html`, but the matches of ``marke`` (our own placeholders, which the cleaner
    would drop) stay where they are; the parts between them are cleaned one by one, so content
    can neither remove a placeholder nor wrap one in its own elements."""
    teile: list[str] = []
    anfang = 0
    for m in marke.finditer(fragment):
        teile.append(html(fragment[anfang : m.start()]))
        teile.append(m.group(0))
        anfang = m.end()
    teile.append(html(fragment[anfang:]))
    return "".join(teile)


def text(wert: object) -> str:
    """A plain-text value (a title, a description from front matter) ready for a template:
    HTML-escaped, quotes included (templates put some of them into attributes)."""
    return htmlmod.escape(str(wert), quote=True)


def titel_html(fragment: str) -> str:
    """HTML (a heading rendered from Markdown) reduced to its text, escaped for a template."""
    return _NUR_TEXT.clean(fragment)


#: Front-matter keys Material's templates print as they are: plain text, escaped here.
TEXT_SCHLUESSEL = ("title", "description", "author", "subtitle")


def seitenangaben(meta: dict) -> dict:
    """A page's ``meta`` as the templates may see it: text values escaped, keys that select
    templates or scripts removed. Changes and returns ``meta``."""
    for schluessel in GESPERRTE_SCHLUESSEL:
        meta.pop(schluessel, None)
    for schluessel in TEXT_SCHLUESSEL:
        if schluessel in meta and meta[schluessel] is not None:
            meta[schluessel] = text(meta[schluessel])
    return meta
