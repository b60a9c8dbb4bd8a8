"""Entry pages and the per-build files of the entry views – called by the katalog plugin.

- :func:`vorbereiten` (``on_files``): the :class:`Ansichtskontext` of the build and the generated
  files: the page "Letzte Änderungen", ``katalog.json`` with its schema, and ``feed.xml``. They
  are added as MkDocs files (not written after the build) so ``mkdocs serve`` serves them too
  and links to them are checked like every link.
- :func:`ergaenzen` (``on_page_content``): fact box after the ``<h1>``; below the text the
  entity collection, "Ähnliche Praxisbeispiele" and "Wird erwähnt in"; the sections are added
  to the page's table of contents. Box and sections join the page through :mod:`.nachtrag`,
  after the search plugin has read it (see the comment there).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink

from ..katalog import Katalog
from . import aenderungen, export, feed
from .html import Html, einfuegen, text
from .kontext import Ansichtskontext
from .nachtrag import Nachtraege
from .sammlung import sammlung
from .steckbrief import steckbrief, suchzeile
from .verwandt import aehnliche_abschnitt, erwaehnt_abschnitt

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..revision import Revisionsdaten

DATEN_SEITE = "daten/index.md"


def vorbereiten(
    katalog: Katalog,
    files: Files,
    config: MkDocsConfig,
    revisionen: Revisionsdaten | None,
    ausgabe: str,
) -> tuple[Ansichtskontext, list[File], list[str]]:
    """The build's view context, the files to add, and warnings (German) for the log."""
    docs = Path(config.docs_dir)

    def url_von_pfad(pfad: str) -> str | None:
        f = files.get_file_from_path(pfad)
        return f.url if f is not None else None

    daten = revisionen.unter(docs) if revisionen is not None and revisionen.vorhanden else {}
    kontext = Ansichtskontext.aufbauen(
        katalog,
        url_von_pfad,
        lambda p: daten[p][0] if p in daten else None,
        lambda p: daten[p][1] if p in daten else None,
    )

    warnungen: list[str] = []
    neu: list[File] = []
    erzeugt = export.erzeugt_am()
    site_url = config.site_url or None

    def erzeugen(pfad: str, inhalt: str | bytes) -> None:
        if files.get_file_from_path(pfad) is not None:
            warnungen.append(
                f"'{pfad}' wird vom Plugin erzeugt, liegt aber auch in docs/. Benennen Sie die Datei in docs/ um."
            )
            return
        neu.append(File.generated(config, pfad, content=inhalt))

    erzeugen(feed.PFAD, feed.atom(kontext, site_name=config.site_name, site_url=site_url, autor=config.site_author, erzeugt=erzeugt))
    erzeugen(export.PFAD, export.json_text(export.daten(kontext, site_url=site_url, ausgabe=ausgabe, erzeugt=erzeugt, docs_dir=docs)))
    erzeugen(export.SCHEMA_PFAD, export.schema_text())
    datenseite = DATEN_SEITE if files.get_file_from_path(DATEN_SEITE) is not None else None
    erzeugen(aenderungen.PFAD, aenderungen.markdown(feed.PFAD, datenseite))
    return kontext, neu, warnungen


def ergaenzen(html: str, page: Page, kontext: Ansichtskontext, nachtraege: Nachtraege) -> str:
    """The entry views for ``page``; other pages come back unchanged (except the change list)."""
    v = kontext.verlinker(page.url)
    if page.file.src_uri == aenderungen.PFAD and page.file.generated_by is not None:
        neuestes = max(kontext.geaendert.values(), default=None)
        if neuestes is not None:
            from .. import formate

            page.meta["git_revision_date_localized"] = formate.datum(neuestes)
        return html + text(aenderungen.tabelle(kontext, v))
    e = kontext.katalog.eintrag_fuer_pfad(page.file.src_uri)
    if e is None:
        return html
    # What Material's search parser reads costs about 10 µs per HTML tag (measured: a page with
    # fact box and sections took 1.3 instead of 0.3 ms per Praxisbeispiel). So the search sees a
    # one-line summary of the fact box in place of the box, and nothing of the sections (lists of
    # other entries: a search for an entry should find its page, not every list that names it).
    # The box and the sections join the page in on_post_page (nachtrag.py).
    seite = page.file.src_uri
    kasten = steckbrief(e, v, kontext.geaendert.get(e.slug))
    html = einfuegen(html, Html(nachtraege.marke(seite, "steckbrief", text(kasten), text(suchzeile(e, kontext.katalog)))))
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
    _inhaltsverzeichnis(page, html, verzeichnis)
    if not abschnitte:
        return html
    return html + "\n" + nachtraege.marke(seite, "abschnitte", text(*abschnitte))


def _inhaltsverzeichnis(page: Page, html: str, eintraege: list[tuple[str, str]]) -> None:
    """Add the appended sections as level-2 items to the page's table of contents. Material
    shows the children of the ``<h1>`` item when the content has an ``<h1>``."""
    toc: Any = page.toc
    if toc is None:
        return
    items = toc.items
    if items and "<h1 id=" in html and items[0].level == 1:
        items = items[0].children
    for kennung, titel in eintraege:
        items.append(AnchorLink(titel, kennung, 2))

