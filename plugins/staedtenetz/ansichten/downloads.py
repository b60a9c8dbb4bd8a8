"""HTML of the document exchange on entry pages: template downloads, materials, members' banner.

Each function returns a raw HTML block that the ``staedtenetz/austausch`` plugin places into the
page's Markdown (so the materials heading appears in the table of contents). Every text and
attribute is escaped by the serializer (:mod:`.html`).
"""

from __future__ import annotations

from typing import Any

from staedtenetz.inhalt.ausgabe import NUR_MITGLIEDER, ist_intern
from staedtenetz.ansichten.html import el, text

_DOWNLOAD_TITEL = {
    "vorlage": "Diese Vorlage herunterladen und ausfüllen",
    "leitfaden": "Diesen Leitfaden herunterladen",
}


def banner_nur_mitglieder() -> str:
    """The notice on every internal page of the members' edition."""
    return text(
        el(
            "div",
            {"class": "nur-mitglieder", "role": "note"},
            el("strong", None, f"{NUR_MITGLIEDER}."),
            " Diese Seite gehört zur Mitgliederausgabe des Handbuchs und fehlt in der öffentlichen "
            "Website. Geben Sie sie und ihre Dateien nicht öffentlich weiter.",
        )
    )


def downloadliste(typ: str, dateien: list[tuple[Any, str]]) -> str:
    """The download box of a template or guide: ``dateien`` = (Download, relative URL)."""
    kennung = f"downloads-{typ}"
    return text(
        el(
            "div",
            {"class": "vorlage-downloads", "role": "group", "aria-labelledby": kennung},
            el("p", {"class": "vorlage-downloads__titel", "id": kennung}, _DOWNLOAD_TITEL.get(typ, "Herunterladen")),
            el(
                "ul",
                None,
                [
                    el("li", None, el("a", {"href": url, "type": d.mime, "download": ""}, d.beschriftung))
                    for d, url in dateien
                ],
            ),
        )
    )


def materialliste(eintraege: list[tuple[Any, str, str, Any]]) -> str:
    """"Materialien zum Download": (Material, relative URL, "PDF, 1,2 MB", Dateiart) each.

    The heading is Markdown, so it gets an anchor and appears in the table of contents."""
    punkte = []
    for m, url, angabe, art in eintraege:
        punkte.append(
            el(
                "li",
                None,
                el(
                    "a",
                    {"href": url, "type": art.mime if art else None},
                    m.titel,
                    " ",
                    el("span", {"class": "materialien__format"}, f"({angabe})"),
                ),
                el("span", {"class": "materialien__intern"}, NUR_MITGLIEDER) if ist_intern(m) else None,
                el("p", {"class": "materialien__beschreibung"}, m.beschreibung) if m.beschreibung else None,
                el("p", {"class": "materialien__lizenz"}, f"Lizenz: {m.lizenz}"),
            )
        )
    liste = el("ul", {"class": "materialien"}, punkte)
    return f"## Materialien zum Download\n\n{text(liste)}\n"


#: Where a page wants the Word templates for contributions (see ``docs/beitragen/einreichen.md``).
WORD_VORLAGEN_MARKE = "<!-- staedtenetz:word-vorlagen -->"


def word_vorlagen(vorlagen: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """The list of Word templates: (entry type as people read it, [(link text, relative URL)])."""
    return text(
        el(
            "ul",
            {"class": "word-vorlagen"},
            [
                el(
                    "li",
                    None,
                    el("strong", None, name),
                    ": ",
                    [[" · " if i else None, el("a", {"href": url, "download": ""}, beschriftung)] for i, (beschriftung, url) in enumerate(links)],
                )
                for name, links in vorlagen
            ],
        )
    )
