"""Small HTML builder for the views. Plain ``str`` children and attribute values are always
escaped (``html.escape``); only what this builder produced (an :class:`Html`) is inserted as
HTML – nothing is escaped by hand.

    el("p", {"class": "x"}, "Text ", el("a", {"href": "../y/"}, "Link"), ".")

Strings instead of an element tree: the views write thousands of pages, and joining escaped
strings is several times faster than building and serializing trees (measured: ET.tostring
made up a third of the views' time at 5,000 entries).
"""

from __future__ import annotations

import re

from collections.abc import Iterable
from typing import Union

from html import escape


class Html(str):
    """A piece of HTML made by :func:`el`: inserted as it is, never escaped again."""

    __slots__ = ()


Kind = Union[Html, str, None, Iterable["Kind"]]

#: Attribute for lists of other entries (collections, related, backlinks): Material's search
#: skips them, so a search for an entry finds its page, not every list that names it.
OHNE_SUCHE = {"data-search-exclude": ""}

# Tables get no class (Material styles only ``table:not([class])``); views mark them with
# ``data-tabelle`` instead.

_LEER = frozenset({"br", "hr", "img", "input", "link", "meta", "wbr"})


def el(tag: str, attrib: dict[str, str | None] | None = None, *kinder: Kind) -> Html:
    """An element with attributes (None values are left out) and children (strings, elements,
    None, or lists of them)."""
    attribute = "".join([f' {k}="{escape(v)}"' for k, v in attrib.items() if v is not None]) if attrib else ""
    if tag in _LEER:
        return Html(f"<{tag}{attribute}>")
    if len(kinder) == 1 and type(kinder[0]) is str:  # the common case: one plain text
        return Html(f"<{tag}{attribute}>{escape(kinder[0], quote=False)}</{tag}>")
    return Html(f"<{tag}{attribute}>{_inhalt(kinder)}</{tag}>")


def _inhalt(kinder: Iterable[Kind]) -> str:
    teile: list[str] = []
    for kind in kinder:
        if kind is None:
            continue
        if isinstance(kind, Html):
            teile.append(kind)
        elif isinstance(kind, str):
            teile.append(escape(kind, quote=False))
        else:
            teile.append(_inhalt(kind))
    return "".join(teile)


def verbinden(teile: Iterable[Kind], trenner: str = ", ") -> list[Kind]:
    """``a, b, c`` – children separated by ``trenner``."""
    ergebnis: list[Kind] = []
    for i, t in enumerate(teile):
        if i:
            ergebnis.append(trenner)
        ergebnis.append(t)
    return ergebnis


def text(*elemente: Kind) -> str:
    """The HTML of ``elemente`` as a plain string."""
    return str(_inhalt(elemente))


def einfuegen(seite: str, block: Html) -> str:
    """``block`` right after the first ``</h1>`` of ``seite`` (or at the start, if there is none)."""
    inhalt = text(block)
    m = re.search(r"</h1\s*>", seite, re.IGNORECASE)
    if m is None:
        return inhalt + seite
    return seite[: m.end()] + "\n" + inhalt + seite[m.end() :]

