"""What HTML content may contain: the one allow-list behind the sanitizer and the checks.

``ansichten/bereinigen.py`` keeps exactly this when it cleans a page (nh3), and
``pruefung/html_pruefung.py`` reports everything else to the author with file and line, so
``staedtenetz pruefen`` and the site agree on what is dropped.
"""

from __future__ import annotations

import re

#: Elements content may use.
TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label",
        "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
        "ul", "var", "wbr",
    }
)

#: Elements removed together with their content.
OHNE_INHALT: frozenset[str] = frozenset({"script", "style", "template", "noscript", "textarea", "select", "iframe", "object", "noembed", "noframes", "xmp", "title"})

_ALLE = {"class", "id", "title", "lang", "dir", "role", "hidden", "data-search-exclude"}
ATTRIBUTE: dict[str, set[str]] = {
    "*": _ALLE,
    "a": {"href", "name", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "abbr": set(),
    "details": {"open"},
    "input": {"name", "checked", "disabled"},  # tabs: radio buttons (type below)
    "label": {"for"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "div": {"data-tabs"},  # pymdownx.tabbed
    "table": {"data-tabelle"},  # our views (ansichten/html.py)
    "q": {"cite"},
    "blockquote": {"cite"},
}
#: Attributes restricted to a set of values.
WERTE: dict[str, dict[str, set[str]]] = {"input": {"type": {"radio", "checkbox"}}}

#: Schemes a link or image may use; relative addresses are kept as they are.
SCHEMATA: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

#: ``id``/``name``/``for`` values: ordinary names. Names with two leading underscores are the
#: theme's (``__config``, ``__search``, ``__drawer`` …) – content may not shadow them; only the
#: ones the tabs and code extensions write are let through.
NAME_RE = re.compile(r"^(?!__)[A-Za-z0-9][\w:.\-]*$|^__(?:tabbed|codelineno)_[\w\-]+$|^__codelineno-[\w\-]+$")


#: Front-matter keys that let a page choose what the theme runs: a template (Material's
#: ``redirect.html`` writes ``location`` into a script), an icon path, theme integrations.
#: Content never sets them; the build removes them, ``pruefen`` reports them.
GESPERRTE_SCHLUESSEL = ("template", "location", "icon", "social", "comments")

#: Attributes the Markdown extension md_in_html reads (and removes) itself.
MARKDOWN_ATTRIBUTE = frozenset({"markdown"})


def erlaubtes_attribut(tag: str, attribut: str) -> bool:
    """Whether the sanitizer keeps ``attribut`` on ``tag`` (values aside)."""
    attribut = attribut.lower()
    return (
        attribut in ATTRIBUTE["*"]
        or attribut in ATTRIBUTE.get(tag, ())
        or attribut in WERTE.get(tag, {})
        or attribut.startswith("aria-")
    )


def schema(adresse: str) -> str | None:
    """The scheme of a link address as a browser reads it (entities already decoded): tabs,
    line breaks and other control characters are ignored, case too; None for a relative
    address."""
    ohne = re.sub(r"[\x00-\x20\x7f]", "", adresse)
    m = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", ohne)
    return m.group(1).lower() if m else None


def sichere_adresse(adresse: str) -> bool:
    """Whether the sanitizer keeps a link or picture address."""
    s = schema(adresse)
    return s is None or s in SCHEMATA
