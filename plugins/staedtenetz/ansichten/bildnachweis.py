"""Every photo of an entry shows its credit: ``bilder`` (with ``urheber``) on the page.

An image in the text whose file is listed under ``bilder`` becomes a figure with the caption
"Foto: <urheber> · Lizenz: <lizenz>"; listed images the text does not show follow the text as a
small gallery "Bilder", each with its credit. Texts are escaped by the HTML builder.
"""

from __future__ import annotations

import html as htmlmod
import re
from typing import Any

from staedtenetz.ansichten.html import el, text

_ALLEIN_RE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")
_IMG_RE = re.compile(r"<img\b[^>]*>")
_SRC_RE = re.compile(r'\bsrc="([^"]*)"')


def nachweis(bild: Any) -> str:
    """``Foto: Stadt Essen, Amt 61 · Lizenz: CC BY 4.0``"""
    teile = [f"Foto: {bild.urheber}"]
    if getattr(bild, "lizenz", None):
        teile.append(f"Lizenz: {bild.lizenz}")
    return " · ".join(teile)


def _src(tag: str) -> str | None:
    m = _SRC_RE.search(tag)
    return htmlmod.unescape(m.group(1)) if m else None


def ergaenzen(html: str, bilder: list[tuple[str, Any]]) -> str:
    """``html`` with credits; ``bilder`` = (URL of the file relative to the page, Bild)."""
    if not bilder:
        return html
    nach_url = {url: b for url, b in bilder}
    gezeigt: set[str] = set()

    def figur(m: re.Match[str]) -> str:
        tag = m.group(1)
        url = _src(tag)
        if url not in nach_url:
            return m.group(0)
        gezeigt.add(url)
        return f'<figure class="bild">{tag}{text(el("figcaption", {"class": "bildnachweis"}, nachweis(nach_url[url])))}</figure>'

    def inline(m: re.Match[str]) -> str:
        tag = m.group(0)
        url = _src(tag)
        if url not in nach_url or url in gezeigt:
            return tag
        gezeigt.add(url)
        return tag + text(el("small", {"class": "bildnachweis"}, f" ({nachweis(nach_url[url])})"))

    html = _ALLEIN_RE.sub(figur, html)
    html = _IMG_RE.sub(inline, html)
    rest = [(url, b) for url, b in bilder if url not in gezeigt]
    if not rest:
        return html
    galerie = el(
        "div",
        {"class": "bilder"},
        el("h2", {"id": "bilder"}, "Bilder"),
        [
            el(
                "figure",
                {"class": "bild"},
                el("img", {"src": url, "alt": b.alt, "loading": "lazy"}),
                el("figcaption", {"class": "bildnachweis"}, nachweis(b)),
            )
            for url, b in rest
        ],
    )
    return html + text(galerie)
