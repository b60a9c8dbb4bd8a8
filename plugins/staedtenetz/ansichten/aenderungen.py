"""The page "Letzte Änderungen": entries by the date of their last commit, newest first.

The page is a generated file (``aenderungen.md``, added in ``on_files`` so the nav can list it);
its Markdown holds only heading and introduction, the list is added to the rendered HTML with
links relative to the page. Dates come from git (``revision.py``); an entry that was never
committed has no date and is not listed.
"""

from __future__ import annotations

import datetime as dt

from staedtenetz.katalog.katalog import Eintrag
from staedtenetz.ansichten.html import OHNE_SUCHE, Html, el
from staedtenetz.ansichten.steckbrief import zeitangabe
from staedtenetz.ansichten.kontext import Ansichtskontext, Verlinker, typ_bezeichnung

PFAD = "aenderungen.md"
TITEL = "Letzte Änderungen"
ANZAHL = 100  # the page shows the newest ANZAHL; katalog.json has all dates

def markdown(feed: str | None, daten: str | None) -> str:
    """Source of the generated page; ``feed``/``daten``: docs-relative paths of the Atom feed
    and of the open-data page, linked when they are part of the site."""
    verweise = []
    if feed:
        verweise.append(f"Neue und geänderte Praxisbeispiele gibt es auch als [Atom-Feed]({feed}) für Feedreader.")
    if daten:
        verweise.append(f"Alle Einträge mit ihren Daten stehen in den [offenen Daten]({daten}).")
    return (
        f"# {TITEL}\n\n"
        "Die zuletzt geänderten Einträge des Handbuchs, der neueste zuerst. Das Datum ist das der\n"
        "letzten Änderung in der Versionsgeschichte.\n" + (" ".join(verweise) + "\n" if verweise else "")
    )


def liste(kontext: Ansichtskontext, anzahl: int = ANZAHL) -> list[tuple[Eintrag, dt.date, bool]]:
    """(entry, date of last change, is new) for the ``anzahl`` most recently changed entries.

    "New" means the entry's first commit is its last one. Order: date descending, then title."""
    k = kontext.katalog
    datiert = [(k.eintraege[s], d) for s, d in kontext.geaendert.items() if s in k.eintraege]
    datiert.sort(key=lambda p: (-p[1].toordinal(), p[0].title.casefold(), p[0].slug))
    return [(e, d, kontext.erstmals.get(e.slug) == d) for e, d in datiert[:anzahl]]


def tabelle(kontext: Ansichtskontext, v: Verlinker, anzahl: int = ANZAHL) -> Html:
    zeilen = liste(kontext, anzahl)
    if not zeilen:
        return el(
            "p",
            {"class": "staedtenetz-leer"},
            "Ohne Git-Versionsgeschichte sind keine Änderungsdaten bekannt.",
        )
    return el(
        "table",
        {"data-tabelle": "aenderungen", **OHNE_SUCHE},
        el("caption", None, f"Die {len(zeilen)} zuletzt geänderten Einträge"),
        el(
            "thead",
            None,
            el("tr", None, [el("th", {"scope": "col"}, t) for t in ("Datum", "Eintrag", "Typ", "Änderung")]),
        ),
        el(
            "tbody",
            None,
            [
                el(
                    "tr",
                    None,
                    el("td", None, zeitangabe(d)),
                    el("td", None, v.link(e.slug)),
                    el("td", None, typ_bezeichnung(e.typ)),
                    el("td", None, "neu" if neu else "geändert"),
                )
                for e, d, neu in zeilen
            ],
        ),
    )
