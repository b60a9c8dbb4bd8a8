"""Entry pages and the per-build files of the entry views – called by the katalog plugin.

- :func:`vorbereiten` (``on_files``): the :class:`Ansichtskontext` of the build and the generated
  files: the page "Letzte Änderungen", ``katalog.json`` with its schema, and ``feed.xml``. The
  glue adds them as files of the site (not written after the build) so the live preview serves
  them too and links to them are checked like every link.
- :func:`ergaenzen` (``on_page_content``): fact box after the ``<h1>``; below the text the
  entity collection, "Ähnliche Praxisbeispiele" and "Wird erwähnt in"; the glue adds the
  sections to the page's table of contents. Box and sections are built with the escaping
  builder and join the page through :mod:`.nachtrag`, after the page text has passed the
  sanitizer. The search indexes neither (see :mod:`.suche`): the box's names go into one
  weighted line, the sections list other entries.

Knows nothing of MkDocs: pages are given by their source path and URL, files by callables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from staedtenetz.katalog.katalog import Katalog
from staedtenetz.ansichten import aenderungen, export, feed
from staedtenetz.ansichten.html import OHNE_SUCHE, Html, einfuegen, el, text
from staedtenetz.ansichten.nachtrag import Nachtraege
from staedtenetz.ansichten.kontext import Ansichtskontext
from staedtenetz.ansichten.sammlung import sammlung
from staedtenetz.ansichten.steckbrief import steckbrief
from staedtenetz.ansichten.verwandt import aehnliche_abschnitt, erwaehnt_abschnitt

if TYPE_CHECKING:
    from staedtenetz.katalog.revision import Revisionsdaten

DATEN_SEITE = "daten/index.md"


@dataclass(frozen=True)
class Website:
    """What the views need to know about the site being built (from its configuration)."""

    docs_dir: Path
    site_name: str
    site_url: str | None
    autor: str | None
    ausgabe: str


def vorbereiten(
    katalog: Katalog,
    url_von_pfad: Callable[[str], str | None],
    website: Website,
    revisionen: Revisionsdaten | None,
) -> tuple[Ansichtskontext, dict[str, str | bytes], list[str]]:
    """The build's view context, the files to add (path in the site's sources → content), and
    warnings (German) for the log. ``url_von_pfad`` gives the URL of a source file of the site,
    or ``None`` if there is no such file."""
    docs = website.docs_dir
    daten = revisionen.unter(docs) if revisionen is not None and revisionen.vorhanden else {}
    kontext = Ansichtskontext.aufbauen(
        katalog,
        url_von_pfad,
        lambda p: daten[p][0] if p in daten else None,
        lambda p: daten[p][1] if p in daten else None,
    )

    warnungen: list[str] = []
    neu: dict[str, str | bytes] = {}
    erzeugt = export.erzeugt_am()
    site_url = website.site_url

    def erzeugen(pfad: str, inhalt: str | bytes) -> None:
        if url_von_pfad(pfad) is not None:
            warnungen.append(
                f"'{pfad}' wird vom Plugin erzeugt, liegt aber auch in docs/. Benennen Sie die Datei in docs/ um."
            )
            return
        neu[pfad] = inhalt

    erzeugen(feed.PFAD, feed.atom(kontext, site_name=website.site_name, site_url=site_url, autor=website.autor, erzeugt=erzeugt))
    erzeugen(export.PFAD, export.json_text(export.daten(kontext, site_url=site_url, ausgabe=website.ausgabe, erzeugt=erzeugt, docs_dir=docs)))
    erzeugen(export.SCHEMA_PFAD, export.schema_text())
    datenseite = DATEN_SEITE if url_von_pfad(DATEN_SEITE) is not None else None
    erzeugen(aenderungen.PFAD, aenderungen.markdown(feed.PFAD, datenseite))
    return kontext, neu, warnungen


@dataclass
class Ergaenzt:
    """A page after :func:`ergaenzen`: its HTML, the sections to add to its table of contents
    (anchor, title; level 2) and, for the change list, its German "last changed" date."""

    html: str
    verzeichnis: list[tuple[str, str]] = field(default_factory=list)
    geaendert: str | None = None


def ergaenzen(html: str, seite: str, seiten_url: str, erzeugt: bool, kontext: Ansichtskontext, nachtraege: Nachtraege) -> Ergaenzt:
    """The entry views for the page from source ``seite`` at ``seiten_url`` (``erzeugt``: a file
    the plugin generated); other pages come back unchanged (except the change list)."""
    v = kontext.verlinker(seiten_url)
    if seite == aenderungen.PFAD and erzeugt:
        neuestes = max(kontext.geaendert.values(), default=None)
        datum = None
        if neuestes is not None:
            from staedtenetz.inhalt import formate

            datum = formate.datum(neuestes)
        return Ergaenzt(html + text(aenderungen.tabelle(kontext, v)), geaendert=datum)
    e = kontext.katalog.eintrag_fuer_pfad(seite)
    if e is None:
        return Ergaenzt(html)
    kasten = steckbrief(e, v, kontext.geaendert.get(e.slug))
    html = einfuegen(html, Html(nachtraege.marke(seite, "steckbrief", text(kasten))))
    s = sammlung(e, v)
    abschnitte = list(s.abschnitte)
    verzeichnis = list(s.inhaltsverzeichnis)
    if e.typ == "praxisbeispiel" and kontext.aehnlichkeit is not None:
        aehnlich = aehnliche_abschnitt(e, kontext.aehnlichkeit, v)
        if aehnlich is not None:
            abschnitte.append(aehnlich)
            verzeichnis.append(("aehnliche-praxisbeispiele", "Ähnliche Praxisbeispiele"))
    erwaehnt = [x for x in kontext.erwaehnt.get(e.slug, []) if x.eintrag is None or x.eintrag.slug not in s.gezeigt]
    abschnitt = erwaehnt_abschnitt(erwaehnt, v, immer=not s.abschnitte)
    if abschnitt is not None:
        abschnitte.append(abschnitt)
        verzeichnis.append(("wird-erwaehnt-in", "Wird erwähnt in"))
    if not abschnitte:
        return Ergaenzt(html, verzeichnis)
    # Not in the search index: these sections list other entries (each is indexed on its page).
    abschnitte_html = text(el("div", {"class": "sn-abschnitte", **OHNE_SUCHE}, *abschnitte))
    return Ergaenzt(html + "\n" + nachtraege.marke(seite, "abschnitte", abschnitte_html), verzeichnis)

