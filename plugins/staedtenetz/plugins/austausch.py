"""``staedtenetz/austausch``: materials, editable template downloads and the members' edition.

Event glue only; the work is done in ``materialien`` (file checks, export records),
``sichtbarkeit`` (what an edition publishes), ``vorlagen_export`` (DOCX/ODT/PDF) and
``ansichten/downloads`` (the HTML on the pages). The material check itself runs inside
``staedtenetz/katalog`` (it must stop the build with the other content errors); this plugin
only contributes its size limit (``materialien_max_mb``).
"""

from __future__ import annotations

import posixpath
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from staedtenetz.inhalt import formate
from staedtenetz.pruefung import materialien
from staedtenetz.ansichten import downloads
from staedtenetz.inhalt.ausgabe import Ausgabe, ist_intern
from staedtenetz.pruefung.textverweise import WIKILINK_RE
from staedtenetz.ansichten.vorlagen_export import FORMATE, Download, Dokument, Exporter, ExportFehler, Renderer, dateiname, koerper
from staedtenetz.plugins.katalog import KatalogPlugin, katalog_von

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from staedtenetz.katalog.katalog import Eintrag, Katalog

log = get_plugin_logger("staedtenetz")


class AustauschConfig(Config):
    #: Largest material file in MB (decimal); larger files are content errors.
    materialien_max_mb = c.Type((int, float), default=materialien.STANDARD_MAX_MB)
    #: Offer templates as DOCX/ODT/PDF and guides as PDF.
    downloads = c.Type(bool, default=True)
    #: Where converted files are kept between builds (relative to mkdocs.yml).
    cache_dir = c.Type(str, default=".cache/staedtenetz")


class AustauschPlugin(BasePlugin[AustauschConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.befehl = "build"
        self.exporter: Exporter | None = None
        self.downloads: dict[str, list[tuple[Download, File]]] = {}  # page path -> files
        self.ausgabe = Ausgabe()
        self._dokumente: dict[tuple, Dokument] = {}  # the last build's documents (live preview)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.befehl = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.materialien_max_mb <= 0:
            raise PluginError("'materialien_max_mb' von 'staedtenetz/austausch' muss größer als 0 sein.")
        wurzel = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.exporter = Exporter(wurzel / self.config.cache_dir)
        return config

    # After staedtenetz/katalog (priority 100), which builds and narrows the catalogue.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        katalog = katalog_von(config)
        self.ausgabe = _ausgabe(config)
        # Files only hidden entries or internal materials use never reach the site.
        _, versteckt = materialien.dateien_der_ausgabe(katalog, self.ausgabe.intern)
        for rel in sorted(versteckt):
            datei = files.get_file_from_path(rel)
            if datei is not None:
                files.remove(datei)
        self.downloads = {}
        if self.config.downloads and self.exporter is not None:
            self._downloads_erzeugen(katalog, files, config)
        return files

    def _downloads_erzeugen(self, katalog: Katalog, files: Files, config: MkDocsConfig) -> None:
        assert self.exporter is not None
        start, vorher = time.perf_counter(), self.exporter.umgewandelt
        fehler: dict[str, list[str]] = {}  # message -> pages (a missing converter: one message)
        # Our own extension instances (wiki links) stay out: wiki links are resolved to absolute
        # addresses below, and an instance shared with the page renderer must keep its state.
        erweiterungen = [x for x in config.markdown_extensions if not type(x).__module__.startswith("staedtenetz.")]
        renderer = Renderer(erweiterungen, dict(config.mdx_configs))
        umfeld = (
            config.site_url,
            hash(tuple(f.src_uri for f in files)),
            hash(tuple((s, x.title) for s, x in sorted(katalog.eintraege.items()))),
        )
        dokumente: dict[tuple, Dokument] = {}
        for e in sorted(katalog.eintraege.values(), key=lambda e: e.pfad):
            formate_ = FORMATE.get(e.typ)
            seite = files.get_file_from_path(e.pfad)
            if not formate_ or seite is None or not e.quelle.lesbar:
                continue
            # The page body as a document depends on the text, the site's address, which files
            # exist (links) and the entries' titles (wiki links): kept across the live
            # preview's rebuilds while none of that changed.
            schluessel = (e.pfad, e.quelle.text, umfeld)
            dok = self._dokumente.get(schluessel) or _dokument(e, katalog, files, config, renderer)
            dokumente[schluessel] = dok
            name = dateiname(e.pfad)
            for fmt in formate_:
                try:
                    d = self.exporter.erzeugen(dok, fmt, name)
                except ExportFehler as grund:
                    fehler.setdefault(str(grund), []).append(e.pfad)
                    continue
                ziel = posixpath.join(posixpath.dirname(seite.dest_uri), f"{name}.{fmt}")
                if files.get_file_from_path(ziel) is not None:
                    text = f"Die Datei 'docs/{ziel}' liegt dort, wo die erzeugte {fmt.upper()}-Fassung hingehört. Benennen Sie sie um."
                    fehler.setdefault(text, []).append(e.pfad)
                    continue
                datei = File.generated(config, ziel, abs_src_path=str(d.pfad))
                files.append(datei)
                self.downloads.setdefault(e.pfad, []).append((d, datei))
        self._dokumente = dokumente
        neu = self.exporter.umgewandelt - vorher
        log.info(
            f"Vorlagen und Leitfäden: {sum(map(len, self.downloads.values()))} Downloads, davon {neu} neu "
            f"umgewandelt ({time.perf_counter() - start:.1f} s)."
        )
        for text, seiten in fehler.items():
            log.error(f"{text} (betrifft: {', '.join(dict.fromkeys(seiten))})")
        if fehler and self.befehl != "serve":
            raise PluginError(f"Abgebrochen: {len(fehler)} Downloads ließen sich nicht erzeugen (siehe oben).")

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        katalog = katalog_von(config)
        e = katalog.eintrag_fuer_pfad(page.file.src_uri)
        if e is None:
            return markdown
        oben: list[str] = []
        if ist_intern(e):
            oben.append(downloads.banner_nur_mitglieder())
        eigene = self.downloads.get(e.pfad)
        if eigene:
            oben.append(
                downloads.downloadliste(e.typ, [(d, get_relative_url(f.url, page.url)) for d, f in eigene])
            )
        unten = ""
        liste = []
        docs = Path(config.docs_dir)
        for m in e.daten.materialien:
            rel = materialien.ziel(e.pfad, m.datei)
            datei = files.get_file_from_path(rel) if rel else None
            if datei is None or not materialien.sichtbar(m, self.ausgabe.intern):
                continue
            groesse = (docs / rel).stat().st_size if (docs / rel).is_file() else 0
            liste.append((m, get_relative_url(datei.url, page.url), materialien.formatangabe(rel, groesse), materialien.art(rel)))
        if liste:
            unten = downloads.materialliste(liste)
        if oben:
            markdown = _nach_der_ueberschrift(markdown, "\n\n".join(oben))
        return markdown + "\n\n" + unten if unten else markdown

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # The members' edition must not end up in search engines even if it leaks onto the web.
        if self.ausgabe.intern:
            return output.replace("<head>", '<head>\n    <meta name="robots" content="noindex, nofollow">', 1)
        return output


def _ausgabe(config: MkDocsConfig) -> Ausgabe:
    for plugin in config.plugins.values():
        if isinstance(plugin, KatalogPlugin):
            return plugin.ausgabe
    return Ausgabe()


_H1_RE = re.compile(r"^# .*$", re.MULTILINE)


def _nach_der_ueberschrift(markdown: str, einschub: str) -> str:
    """Insert HTML after the page's first ``# Heading`` (or at the top if it has none)."""
    m = _H1_RE.search(markdown)
    if m is None:
        return f"{einschub}\n\n{markdown}"
    return f"{markdown[: m.end()]}\n\n{einschub}\n\n{markdown[m.end():].lstrip(chr(10))}"


def _dokument(e: Eintrag, katalog: Katalog, files: Files, config: MkDocsConfig, renderer: Renderer) -> Dokument:
    """The page body as HTML with links made absolute (or plain text without ``site_url``)."""
    site_url = config.site_url or ""
    ordner = posixpath.dirname(e.pfad)

    def adresse(rel: str, anker: str = "") -> str | None:
        datei = files.get_file_from_path(rel)
        if datei is None or not site_url:
            return None
        return urljoin(site_url, datei.url) + anker

    def link(href: str) -> str | None:
        pfad, _, anker = href.partition("#")
        if not pfad:
            return None
        rel = posixpath.normpath(posixpath.join(ordner, pfad)) if not pfad.startswith("/") else pfad.lstrip("/")
        return adresse(rel, f"#{anker}" if anker else "")

    def wikilink(m: re.Match[str]) -> str:
        ziel = katalog.eintraege.get(m.group(1).strip())
        if ziel is None:
            return m.group(0)
        text = (m.group(2) or "").strip() or ziel.title
        url = adresse(ziel.pfad)
        return f"[{text}]({url})" if url else text

    text = WIKILINK_RE.sub(wikilink, koerper(e.quelle.text))
    html = renderer(text, link)
    seite = files.get_file_from_path(e.pfad)
    return Dokument(
        titel=e.title,
        koerper=html,
        basis=Path(config.docs_dir) / ordner,
        wurzel=Path(config.docs_dir),
        zusammenfassung=e.daten.zusammenfassung,
        herkunft=config.site_name,
        adresse=urljoin(site_url, seite.url) if site_url and seite is not None else "",
        stand=formate.datum(e.daten.stand) if e.daten.stand else "",
    )
