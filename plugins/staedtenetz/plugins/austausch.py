"""``staedtenetz/austausch``: materials, editable template downloads and the members' edition.

Event glue only; the work is done in ``materialien`` (file checks, export records),
``sichtbarkeit`` (what an edition publishes), ``vorlagen_export`` (DOCX/ODT/PDF) and
``ansichten/downloads`` (the HTML on the pages). The material check itself runs inside
``staedtenetz/katalog`` (it must stop the build with the other content errors); this plugin
only contributes its size limit (``materialien_max_mb``).
"""

from __future__ import annotations

import hashlib
import os
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
from staedtenetz.ansichten import bildnachweis, downloads
from staedtenetz.inhalt.ausgabe import Ausgabe, ist_intern
from staedtenetz.pruefung.textverweise import WIKILINK_RE
from staedtenetz.ansichten.vorlagen_export import FORMATE, Download, Dokument, Exporter, ExportFehler, Renderer, dateiname, koerper, pandoc_kennung
from staedtenetz.beitrag import vorlage
from staedtenetz.beitrag.felder import VORLAGENTYPEN
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.plugins.katalog import fremde_seite, katalog_plugin, katalog_von

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
    #: Folder (below the site) of the Word templates for contributions; empty: none.
    word_vorlagen = c.Type(str, default="beitragen")


class AustauschPlugin(BasePlugin[AustauschConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.befehl = "build"
        self.exporter: Exporter | None = None
        self.downloads: dict[str, list[tuple[Download, File]]] = {}  # page path -> files
        self.ausgabe = Ausgabe()
        self._dokumente: dict[tuple, Dokument] = {}  # the last build's documents (live preview)
        self.word_vorlagen: list[tuple[str, str, File]] = []  # (typ, format, file)
        self._vorlagen_cache: dict[str, bytes] = {}  # key -> ODT bytes

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
        self._word_vorlagen_erzeugen(katalog, files, config)
        return files

    def _word_vorlagen_erzeugen(self, katalog: Katalog, files: Files, config: MkDocsConfig) -> None:
        """The DOCX/ODT templates for contributions, from the model and this catalogue."""
        self.word_vorlagen = []
        ordner = self.config.word_vorlagen.strip("/")
        if not ordner:
            return
        try:
            for typ in VORLAGENTYPEN:
                inhalt = vorlage.docx_bytes(typ, katalog)
                odt = self._odt_aus_cache(typ, inhalt)
                for fmt, daten in (("docx", inhalt), ("odt", odt)):
                    ziel = f"{ordner}/{vorlage.dateiname(typ, fmt)}"
                    if files.get_file_from_path(ziel) is not None:
                        raise PluginError(f"Die Datei 'docs/{ziel}' liegt dort, wo die erzeugte Word-Vorlage hingehört. Benennen Sie sie um.")
                    datei = File.generated(config, ziel, content=daten)
                    files.append(datei)
                    self.word_vorlagen.append((typ, fmt, datei))
        except vorlage.VorlageFehler as grund:
            raise PluginError(str(grund)) from None

    def _downloads_erzeugen(self, katalog: Katalog, files: Files, config: MkDocsConfig) -> None:
        assert self.exporter is not None
        start, vorher = time.perf_counter(), self.exporter.umgewandelt
        fehler: dict[str, list[str]] = {}  # message -> pages (a missing converter: one message)
        # Our own extension instances (wiki links) stay out: wiki links are resolved to absolute
        # addresses below, and an instance shared with the page renderer must keep its state.
        erweiterungen = [x for x in config.markdown_extensions if not type(x).__module__.startswith("staedtenetz.")]
        renderer = Renderer(erweiterungen, dict(config.mdx_configs))
        # The files this edition publishes (hidden ones were removed above), no page sources:
        # the only files a download may contain.
        veroeffentlicht = {
            f.src_uri: Path(f.abs_src_path)
            for f in files
            if f.abs_src_path and not f.is_documentation_page() and f.generated_by is None
        }
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
            # exist (links, published files) and the entries' titles (wiki links): kept across
            # the live preview's rebuilds while none of that changed.
            schluessel = (e.pfad, e.quelle.text, umfeld)
            dok = self._dokumente.get(schluessel) or _dokument(e, katalog, files, config, renderer, veroeffentlicht)
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

    def _odt_aus_cache(self, typ: str, docx: bytes) -> bytes:
        """The ODT of the (reproducible) DOCX template: converted once, kept in the cache folder."""
        schluessel = hashlib.sha256(docx + pandoc_kennung().encode()).hexdigest()[:20]
        if schluessel in self._vorlagen_cache:
            return self._vorlagen_cache[schluessel]
        pfad = self.exporter.cache / "word-vorlagen" / f"{typ}-{schluessel}.odt" if self.exporter else None
        if pfad is not None and pfad.is_file():
            odt = pfad.read_bytes()
        else:
            odt = vorlage.odt_aus_docx(docx, vorlage.titel(typ))
            if pfad is not None:
                pfad.parent.mkdir(parents=True, exist_ok=True)
                tmp = pfad.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(odt)
                os.replace(tmp, pfad)  # atomic: a parallel build never sees half a file
        self._vorlagen_cache[schluessel] = odt
        return odt

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if fremde_seite(config, page):
            return markdown
        if downloads.WORD_VORLAGEN_MARKE in markdown:
            markdown = markdown.replace(downloads.WORD_VORLAGEN_MARKE, self._word_vorlagen_html(page), 1)
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

    def _word_vorlagen_html(self, page: Page) -> str:
        namen = {"docx": "Word", "odt": "LibreOffice"}
        gruppen: dict[str, list[tuple[str, str]]] = {}
        for typ, fmt, datei in self.word_vorlagen:
            groesse = formate.dateigroesse(len(datei.content_bytes))
            gruppen.setdefault(TYP_BEZEICHNUNG[typ][0], []).append(
                (f"{namen[fmt]} ({fmt.upper()}, {groesse})", get_relative_url(datei.url, page.url))
            )
        return downloads.word_vorlagen(list(gruppen.items()))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        e = katalog_von(config).eintrag_fuer_pfad(page.file.src_uri)
        if e is None or not e.daten.bilder or fremde_seite(config, page):
            return html
        bilder = []
        for b in e.daten.bilder:
            rel = materialien.ziel(e.pfad, b.datei)
            datei = files.get_file_from_path(rel) if rel else None
            if datei is not None:
                bilder.append((get_relative_url(datei.url, page.url), b))
        return bildnachweis.ergaenzen(html, bilder)

    # The members' edition must not end up in search engines even if it leaks onto the web: the
    # theme override (overrides/main.html) writes "noindex" into every page, 404.html included.


def _ausgabe(config: MkDocsConfig) -> Ausgabe:
    plugin = katalog_plugin(config)
    return plugin.ausgabe if plugin is not None else Ausgabe()


_H1_RE = re.compile(r"^# .*$", re.MULTILINE)


def _nach_der_ueberschrift(markdown: str, einschub: str) -> str:
    """Insert HTML after the page's first ``# Heading`` (or at the top if it has none)."""
    m = _H1_RE.search(markdown)
    if m is None:
        return f"{einschub}\n\n{markdown}"
    return f"{markdown[: m.end()]}\n\n{einschub}\n\n{markdown[m.end():].lstrip(chr(10))}"


def _dokument(
    e: Eintrag, katalog: Katalog, files: Files, config: MkDocsConfig, renderer: Renderer, veroeffentlicht: dict[str, Path]
) -> Dokument:
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
        dateien=veroeffentlicht,
    )
