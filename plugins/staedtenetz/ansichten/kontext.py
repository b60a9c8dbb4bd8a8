"""What the entry-page views need, computed once per build from the catalogue.

``Ansichtskontext.aufbauen`` runs once (in ``on_files``): URLs of all entries, revision dates,
the backlink index (front-matter references and wiki links) and the similarity index. Each
page's views then only look things up – no view walks all entries per page, so the work stays
linear in the number of entries.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from html import escape
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from staedtenetz.inhalt.frontmatter import FRONTMATTER_RE
from staedtenetz.katalog.katalog import Eintrag, Katalog
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.ansichten.html import Html, el
from staedtenetz.ansichten.verwandt import Aehnlichkeit

_H1_RE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class Seite:
    """A page that links to an entry: an entry itself or any other page of the handbook."""

    pfad: str  # docs-relative source path
    titel: str
    url: str  # site-relative URL, as MkDocs' File.url
    eintrag: Eintrag | None = None

    @property
    def sortierschluessel(self) -> tuple[str, str]:
        return (self.titel.casefold(), self.pfad)


@dataclass
class Ansichtskontext:
    katalog: Katalog
    urls: dict[str, str] = field(default_factory=dict)  # slug -> site-relative URL
    geaendert: dict[str, dt.date] = field(default_factory=dict)  # slug -> date of the last commit
    erstmals: dict[str, dt.date] = field(default_factory=dict)  # slug -> date of the first commit
    erwaehnt: dict[str, list[Seite]] = field(default_factory=dict)  # slug -> pages linking to it, by title
    aehnlichkeit: Aehnlichkeit | None = None
    _titel: dict[str, str] = field(default_factory=dict)  # slug -> escaped title

    @classmethod
    def aufbauen(
        cls,
        katalog: Katalog,
        url_von_pfad: Callable[[str], str | None],
        geaendert: Callable[[str], dt.date | None] = lambda pfad: None,
        erstmals: Callable[[str], dt.date | None] = lambda pfad: None,
    ) -> Ansichtskontext:
        """``url_von_pfad(src_uri)`` gives a page's URL (None if it is not part of the site);
        ``geaendert``/``erstmals`` give the dates of the last and first commit of a source path."""
        k = cls(katalog)
        for slug, e in katalog.eintraege.items():
            url = url_von_pfad(e.pfad)
            if url is not None:
                k.urls[slug] = url
            if (d := geaendert(e.pfad)) is not None:
                k.geaendert[slug] = d
            if (d := erstmals(e.pfad)) is not None:
                k.erstmals[slug] = d
        k.erwaehnt = _rueckverweise(katalog, k.urls, url_von_pfad)
        k.aehnlichkeit = Aehnlichkeit.aufbauen(katalog.eintraege.values())
        return k

    def verlinker(self, seiten_url: str) -> Verlinker:
        return Verlinker(self, seiten_url)

    def titel_html(self, slug: str) -> str:
        """The entry's title, HTML-escaped once per build."""
        t = self._titel.get(slug)
        if t is None:
            e = self.katalog.eintraege.get(slug)
            t = self._titel[slug] = escape(e.title if e else slug, quote=False)
        return t


def _rueckverweise(katalog: Katalog, urls: dict[str, str], url_von_pfad: Callable[[str], str | None]) -> dict[str, list[Seite]]:
    quellen: dict[str, set[str]] = defaultdict(set)  # slug -> source paths
    for v in katalog.verweise:
        quellen[v.nach].add(katalog.eintraege[v.von].pfad)
    for t in katalog.textverweise:
        quellen[t.ziel].add(t.von)
    for pfad, auswertungen in katalog.abfragen.items():  # entries a query block lists
        for a in auswertungen:
            if a.ergebnis is not None:
                for e in a.ergebnis.erwaehnt:
                    quellen[e.slug].add(pfad)
    pfad_zu_eintrag = {e.pfad: e for e in katalog.eintraege.values()}
    seiten: dict[str, Seite | None] = {}

    def seite(pfad: str) -> Seite | None:
        if pfad not in seiten:
            e = pfad_zu_eintrag.get(pfad)
            url = urls.get(e.slug) if e is not None else url_von_pfad(pfad)
            seiten[pfad] = None if url is None else Seite(pfad, e.title if e else seitentitel(katalog, pfad), url, e)
        return seiten[pfad]

    ergebnis: dict[str, list[Seite]] = {}
    for slug, pfade in quellen.items():
        eigener = katalog.eintraege[slug].pfad if slug in katalog.eintraege else None
        liste = [s for p in pfade if p != eigener and (s := seite(p)) is not None]
        ergebnis[slug] = sorted(liste, key=lambda s: s.sortierschluessel)
    return ergebnis


def seitentitel(katalog: Katalog, pfad: str) -> str:
    """Title of a page that is no entry: its ``title`` in the front matter, its first
    ``# heading``, or its path."""
    q = katalog.quellen.get(pfad)
    if q is None:
        return pfad
    if q.daten and isinstance(q.daten.get("title"), str):
        return q.daten["title"]
    m = FRONTMATTER_RE.match(q.text)
    h1 = _H1_RE.search(q.text, m.end() if m else 0)
    return h1.group(1).strip() if h1 else pfad


class Verlinker:
    """Links from the page at ``seiten_url`` to entries: relative URLs, so the site works from
    any folder and with or without ``use_directory_urls``."""

    def __init__(self, kontext: Ansichtskontext, seiten_url: str) -> None:
        self.kontext = kontext
        self.seiten_url = seiten_url
        # The page's folder as path parts, split once (as mkdocs.utils.get_relative_url does:
        # a last part with a dot is a file name).
        ordner, _, name = seiten_url.rpartition("/")
        basis = ordner if "." in name else seiten_url
        self._basis = [t for t in basis.split("/") if t and t != "."]

    def href(self, slug: str) -> str | None:
        url = self.kontext.urls.get(slug)
        return None if url is None else self.relativ(url)

    def relativ(self, url: str) -> str:
        """``url`` (site-relative, normalised like MkDocs' File.url) relative to the page;
        the same result as ``mkdocs.utils.get_relative_url``, without re-splitting the page URL
        for every link."""
        if ".." in url or url.startswith("/"):
            return relative_url(url, self.seiten_url)
        ziel = [t for t in url.split("/") if t and t != "."]
        basis = self._basis
        gemeinsam = 0
        for a, b in zip(basis, ziel):
            if a != b:
                break
            gemeinsam += 1
        rel = "/".join([".."] * (len(basis) - gemeinsam) + ziel[gemeinsam:]) or "."
        return rel + "/" if url.endswith("/") else rel

    def link(self, slug: str, text: str | None = None) -> Html:
        """``<a href>`` to the entry, or its plain name if it is not part of this site."""
        if text is None:
            anzeige = self.kontext.titel_html(slug)
        else:
            anzeige = escape(text, quote=False)
        url = self.kontext.urls.get(slug)
        if url is None:
            return Html(f"<span>{anzeige}</span>")
        # Built directly (this is the most frequent element of all views); same escaping as el().
        return Html(f'<a href="{escape(self.relativ(url))}">{anzeige}</a>')

    def seitenlink(self, s: Seite) -> Html:
        return el("a", {"href": self.relativ(s.url)}, s.titel)


def typ_bezeichnung(typ: str, plural: bool = False) -> str:
    return TYP_BEZEICHNUNG[typ][1 if plural else 0]


def nach_typ_gruppieren(eintraege: Iterable[Eintrag]) -> list[tuple[str, list[Eintrag]]]:
    """Entries grouped by type, in the handbook's type order, each group sorted by title."""
    gruppen: dict[str, list[Eintrag]] = defaultdict(list)
    for e in eintraege:
        gruppen[e.typ].append(e)
    return [
        (typ, sorted(gruppen[typ], key=lambda e: (e.title.casefold(), e.slug)))
        for typ in TYP_BEZEICHNUNG
        if gruppen.get(typ)
    ]


def relative_url(url: str, other: str) -> str:
    """``url`` relative to the page at ``other`` (both site-relative): the rule of
    ``mkdocs.utils.get_relative_url``, which the views may not import (they know no MkDocs)."""
    if other != ".":
        ordner, name = posixpath.split(other)
        other = ordner if "." in name else other
    rel = posixpath.relpath("/" + url, "/" + other)
    return rel + "/" if url.endswith("/") else rel
