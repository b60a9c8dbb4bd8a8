"""The handbook's search: what Pagefind indexes on each page, the search page, and the index.

Pagefind reads the finished HTML after the build and writes a chunked index to ``pagefind/``
(one language: the pages say ``<html lang="de">``, so it stems German words: "Quartiers" finds
"Quartier"). A reader's query downloads only the chunks for its words – a few hundred KB at
5,000 entries, where Material's lunr index was downloaded whole.

- :func:`markieren`: a finished page joins the index only through this: ``data-pagefind-body``
  on Material's ``<article>``, plus a hidden block with the filters (Typ, Kommune,
  Handlungsfeld) and the result line, and for an entry one hidden line with the names its fact
  box links to (Kommune, Programmgebiet, Handlungsfelder, …), weighted: an entry is found by
  its Kommune, below the Kommune's own page. The fact box itself is not indexed (its labels
  and values would run together in the excerpts). Pages it does not mark (the search page,
  404, drafts and members-only entries in the public edition) are not indexed.
- Lists of *other* entries on a page (cards, collections, backlinks, the map) carry
  ``data-pagefind-ignore`` (:data:`staedtenetz.ansichten.html.OHNE_SUCHE`), so a search for an
  entry finds its page, not every list that names it.
- :func:`seite` and :func:`formular`: the search page ``suche.md`` (generated) and its filter
  form, which the glue appends like a listing (held back from the sanitizer, which allows no
  forms in content). The header's search box sends the query there without JavaScript.
- :func:`auszug`: what Pagefind reads of a marked page – its ``<html>`` tag (the language) and
  the marked ``<article>``. Pagefind builds the same index from the extracts as from the whole
  pages (tests/plugins/test_parallel.py) while reading about a fifth of the bytes: no
  navigation, header or scripts. ``mkdocs build`` writes them to a folder of its own.
- :func:`index_bauen`: runs the Pagefind binary from the PyPI package ``pagefind[bin]``, over
  the extracts or over the site itself (the live preview, which rebuilds only some pages).

Knows nothing of MkDocs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from staedtenetz.ansichten.html import Html, el, text
from staedtenetz.ansichten.kontext import typ_bezeichnung
from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.katalog.katalog import Eintrag, Katalog

PFAD = "suche.md"
#: Where Pagefind writes its index and scripts, below the site folder.
ORDNER = "pagefind"
#: The filter names (German, shown on the search page and used in its address in lower case).
FILTER = ("Typ", "Kommune", "Handlungsfeld")
#: Typ filter value of pages that are not entries.
WEITERE_SEITEN = "Weitere Seite"
#: Not indexed on any page: Material's heading anchors, edit buttons and "last changed" line.
AUSGENOMMEN = (".headerlink", ".md-content__button", ".md-source-file")
#: Weight of the line of names from the fact box (Pagefind: body text 1, h1 7).
GEWICHT_NAMEN = "3"

_ARTIKEL = re.compile(r'<article class="md-content__inner md-typeset"\s*>')
_KOPF = '<article class="md-content__inner md-typeset" data-pagefind-body>'
_HTML = re.compile(r"<html\b[^>]*>")


@dataclass(frozen=True)
class Suchdaten:
    """What the index gets about one page besides its text."""

    titel: str
    typ: str  # a TYP_BEZEICHNUNG singular, or WEITERE_SEITEN
    kommunen: tuple[str, ...] = ()
    handlungsfelder: tuple[str, ...] = ()
    namen: tuple[str, ...] = ()  # what the fact box names, indexed with weight

    @property
    def zeile(self) -> str:
        """The line under a result's title: ``Praxisbeispiel · Essen``."""
        return " · ".join([self.typ, *(k for k in self.kommunen if k != self.titel)])


def indexiert(e: Eintrag | None, ausgabe: Ausgabe) -> bool:
    """Whether the page of ``e`` (None: a page that is no entry) belongs into the index of this
    edition. Such pages are normally not even built; this keeps the index right if one is (the
    live preview shows drafts, but its search does not)."""
    if e is None:
        return True
    return e.daten.status not in ("entwurf", "in-pruefung") and ausgabe.ausschlussgrund(e.daten) is None


def suchdaten(e: Eintrag | None, katalog: Katalog, titel: str) -> Suchdaten:
    if e is None:
        return Suchdaten(titel, WEITERE_SEITEN)

    def titel_von(slugs: object) -> tuple[str, ...]:
        liste = slugs if isinstance(slugs, list) else [slugs] if slugs else []
        return tuple(katalog.eintraege[s].title for s in liste if s in katalog.eintraege)

    if e.typ == "kommune":
        kommunen: tuple[str, ...] = (e.title,)
    else:
        kommunen = titel_von(getattr(e.daten, "kommune", None))
    if e.typ == "handlungsfeld":
        felder: tuple[str, ...] = (e.title,)
    else:
        felder = titel_von(getattr(e.daten, "handlungsfelder", None))
    namen: list[str] = []
    for feld in ("kommune", "programmgebiet", "handlungsfelder", "foerderprogramme"):
        namen += titel_von(getattr(e.daten, feld, None))
    for feld in ("traeger", "zielgruppen", "schlagworte"):
        namen += [str(w) for w in getattr(e.daten, feld, None) or []]
    return Suchdaten(e.title, typ_bezeichnung(e.typ), kommunen, felder, tuple(namen))


def markieren(ausgabe: str, daten: Suchdaten) -> str | None:
    """The finished page ``ausgabe`` marked for the index, or None if it has no Material
    ``<article>`` (another theme): then it is not indexed."""
    m = _ARTIKEL.search(ausgabe, _koerper(ausgabe))
    if m is None:
        return None
    filter_ = [el("span", {"data-pagefind-filter": "Typ"}, daten.typ)]
    filter_ += [el("span", {"data-pagefind-filter": "Kommune"}, k) for k in daten.kommunen]
    filter_ += [el("span", {"data-pagefind-filter": "Handlungsfeld"}, h) for h in daten.handlungsfelder]
    block = el(
        "div",
        {"data-pagefind-ignore": "", "hidden": ""},
        el("span", {"data-pagefind-meta": "title"}, daten.titel),
        el("span", {"data-pagefind-meta": "art"}, daten.zeile),
        filter_,
    )
    ausgabe = ausgabe[: m.start()] + _KOPF + block + ausgabe[m.end() :]
    if daten.namen:  # at the end of the article, so a result's excerpt starts with the title and text
        namen = el("p", {"data-pagefind-weight": GEWICHT_NAMEN, "hidden": ""}, " · ".join(daten.namen))
        ende = ausgabe.rfind("</article>")
        if ende > m.start():
            ausgabe = ausgabe[:ende] + namen + ausgabe[ende:]
    return ausgabe


def _koerper(seite: str) -> int:
    """Where the page's ``<body>`` starts (0 if it has none): the article is searched from
    there, never in ``<head>``, whose title and description come from the content."""
    return max(seite.find("<body"), 0)


def auszug(markiert: str) -> str | None:
    """The part of a page :func:`markieren` marked that Pagefind indexes: the ``<html>`` start tag
    (Pagefind takes the language from it) and the marked article, whose end is the page's last
    ``</article>`` (Material's content article; the sanitized page text inside it is well-formed,
    and nothing after it in the templates is an article). None for an unmarked page."""
    koerper = _koerper(markiert)
    anfang = markiert.find(_KOPF, koerper)
    ende = markiert.rfind("</article>")
    html = _HTML.search(markiert, 0, koerper or max(anfang, 0))
    if anfang < 0 or ende < anfang or html is None:
        return None
    return (
        f'<!DOCTYPE html>\n{html.group(0)}<head><meta charset="utf-8"></head><body>'
        f"{markiert[anfang : ende + len('</article>')]}</body></html>\n"
    )


#: Where the extracts go if there is room: memory (tmpfs), not disk – on ext4, creating and
#: deleting thousands of files and folders costs more system time than Pagefind saves.
SPEICHERORDNER = Path("/dev/shm")


def auszugsordner(quellbytes: int) -> Path:
    """A new folder for the extracts of a build whose pages' sources have ``quellbytes`` bytes:
    where ``TMPDIR`` says if it is set, else in :data:`SPEICHERORDNER` if that has room for four
    times that (an extract is smaller than its page), else in the usual temporary folder.

    Its name carries the build's process id: folders of builds that ended without cleaning up
    (killed, out of memory) are removed here, since in memory they hold RAM until a reboot."""
    ordner: Path | None = None
    if not os.environ.get("TMPDIR"):
        try:
            frei = os.statvfs(SPEICHERORDNER)
            if os.access(SPEICHERORDNER, os.W_OK) and frei.f_bavail * frei.f_frsize > 4 * quellbytes + (64 << 20):
                ordner = SPEICHERORDNER
        except OSError:
            pass
    ordner = ordner or Path(tempfile.gettempdir())
    for alt in ordner.glob(f"{_AUSZUGSPRAEFIX}*"):
        pid = alt.name[len(_AUSZUGSPRAEFIX) :].partition("-")[0]
        if pid.isdigit() and not _lebt(int(pid)) and alt.is_dir() and not alt.is_symlink():
            shutil.rmtree(alt, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{_AUSZUGSPRAEFIX}{os.getpid()}-", dir=ordner))


_AUSZUGSPRAEFIX = "staedtenetz-suche-"


def _lebt(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def seite() -> str:
    """The search page's Markdown: title and one line; the glue appends :func:`formular`."""
    return (
        "---\ntitle: Suche\nhide:\n  - toc\n---\n\n# Suche\n\n"
        "Suchen Sie in allen Seiten und Einträgen des Handbuchs. Die Suche findet auch gebeugte "
        "Wortformen („Quartiers“ findet „Quartier“).\n"
    )


def formular(katalog: Katalog) -> str:
    """Search box, the three filters with the values of this edition's catalogue, status line
    and results of the search page. suche.js makes it work."""
    typen = [TYP_BEZEICHNUNG[t][0] for t in TYP_BEZEICHNUNG] + [WEITERE_SEITEN]
    kommunen = sorted({e.title for e in katalog.eintraege.values() if e.typ == "kommune"}, key=_sortierung)
    felder = sorted({e.title for e in katalog.eintraege.values() if e.typ == "handlungsfeld"}, key=_sortierung)

    def auswahl(name: str, beschriftung: str, werte: list[str]) -> Html:
        kennung = f"sn-suchseite-{name.lower()}"
        return el(
            "div",
            {"class": "sn-suchseite__filter"},
            el("label", {"for": kennung}, beschriftung),
            el(
                "select",
                {"id": kennung, "name": name.lower(), "data-sn-filter": name},
                el("option", {"value": ""}, "alle"),
                [el("option", {"value": w}, w) for w in werte],
            ),
        )

    form = el(
        "form",
        {
            "class": "sn-suchseite",
            "role": "search",
            "aria-label": "Handbuch durchsuchen",
            "method": "get",
            "data-sn-suche": "",
            "data-sn-suchseite": "",
            "data-sn-status": "sn-suchseite-status",
            "data-sn-ergebnisse": "sn-suchseite-ergebnisse",
        },
        el(
            "div",
            {"class": "sn-suchseite__feld"},
            el("label", {"for": "sn-suchseite-q"}, "Suchbegriff"),
            el("input", {"type": "search", "id": "sn-suchseite-q", "name": "q", "autocomplete": "off", "spellcheck": "false", "enterkeyhint": "search"}),
            el("button", {"type": "submit", "class": "md-button md-button--primary"}, "Suchen"),
        ),
        el(
            "fieldset",
            {"class": "sn-suchseite__filterblock"},
            el("legend", None, "Eingrenzen"),
            auswahl("Typ", "Typ", typen),
            auswahl("Kommune", "Kommune", kommunen),
            auswahl("Handlungsfeld", "Handlungsfeld", felder),
        ),
    )
    ohne_js = el(
        "noscript",
        None,
        el(
            "p",
            {"class": "sn-suchseite__ohne-js"},
            "Die Suche braucht JavaScript. Ohne JavaScript finden Sie alle Einträge über die "
            "Übersichten im Menü (Praxisbeispiele, Vorlagen, Leitfäden, Förderprogramme, "
            "Handlungsfelder, Kommunen).",
        ),
    )
    ergebnis = el(
        "div",
        {"class": "sn-suchseite__ergebnis"},
        el("p", {"id": "sn-suchseite-status", "role": "status", "class": "sn-suchseite__status"}, ""),
        el("ol", {"id": "sn-suchseite-ergebnisse", "class": "md-search-result__list sn-suchseite__liste", "aria-label": "Suchergebnisse"}),
    )
    return text(form, ohne_js, ergebnis)


def _sortierung(titel: str) -> str:
    return titel.casefold().replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")


class SuchindexFehler(Exception):
    """Pagefind could not build the index; the message (German) says what to do."""


def _programm() -> Path:
    try:
        import pagefind_bin
    except ImportError as fehler:
        raise SuchindexFehler(
            "Pagefind fehlt: Die Suche braucht das Python-Paket 'pagefind[bin]' "
            "(installieren mit: make einrichten oder pip install -r requirements.lock)."
        ) from fehler
    return Path(pagefind_bin.get_executable())


def _in_fester_reihenfolge(ordner: Path) -> Path:
    """The extracts in ``ordner``, moved to a new folder inside it in sorted order. Pagefind
    numbers the pages in the order the folder lists them; on tmpfs that is the order the files
    were written, which differs between parallel builds. Written in sorted order, the same
    pages give the same index."""
    dateien = sorted(ordner.rglob("*.html"))
    neu = ordner / ".sortiert"
    for datei in dateien:
        ziel = neu / datei.relative_to(ordner)
        ziel.parent.mkdir(parents=True, exist_ok=True)
        datei.rename(ziel)
    neu.mkdir(exist_ok=True)
    return neu


def index_bauen(site_dir: Path, auszuege: Path | None = None) -> int:
    """Index the built site in ``site_dir`` into ``site_dir/pagefind``; the number of pages indexed.

    ``auszuege``: a folder with the :func:`auszug` of every marked page at its path in the site,
    indexed instead of the site itself (same index; no extract at all: no page to index, 0)."""
    if auszuege is not None:
        auszuege = _in_fester_reihenfolge(auszuege)
        if next(auszuege.rglob("*.html"), None) is None:
            return 0  # Pagefind fails on a folder without pages
    befehl = [
        str(_programm()),
        "--site", str(auszuege or site_dir),
        "--output-path", str(site_dir / ORDNER),
        "--exclude-selectors", ", ".join(AUSGENOMMEN),
    ]
    try:
        r = subprocess.run(befehl, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as fehler:
        raise SuchindexFehler(f"Pagefind ließ sich nicht starten ({fehler}).") from fehler
    if r.returncode != 0:
        raise SuchindexFehler("Pagefind konnte den Suchindex nicht bauen:\n" + (r.stderr or r.stdout).strip()[-2000:])
    m = re.search(r"Indexed (\d+) pages?", r.stdout)
    return int(m.group(1)) if m else 0
