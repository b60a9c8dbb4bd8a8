"""``staedtenetz/katalog``: reads every page once, checks it, and builds the shared catalogue.

Only event glue lives here; the work is done in ``laden``, ``katalog``, ``revision`` and the
view modules. Other plugins of the set get the catalogue through :func:`katalog_von`.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
import jinja2.bccache

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url, write_file

from staedtenetz.inhalt.frontmatter import Quelltext
from staedtenetz.katalog.katalog import Katalog, Pruefspeicher
from staedtenetz.katalog.laden import Lesespeicher, katalog_pruefen
from staedtenetz.inhalt.meldungen import Meldung
from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.katalog.revision import Revisionsdaten
from staedtenetz.plugins import assets, parallel, teilvorlagen
from staedtenetz.pruefung import datenschutz, platzhalter
from staedtenetz.inhalt import formate, glossar
from staedtenetz.ansichten import aenderungen, bereinigen, eintragsseite, karte, liste, suche, vorschau
from staedtenetz.ansichten.kontext import Ansichtskontext
from staedtenetz.ansichten.nachtrag import Nachtraege
from staedtenetz.ansichten.wikilinks import WikilinkErweiterung
from staedtenetz.ansichten import abfrage as abfrage_ansicht
from staedtenetz.ansichten.abfrage import AbfrageErweiterung

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("staedtenetz")

#: The live preview indexes this long after a rebuild (in a thread): Pagefind takes every core
#: for a second or more at a thousand pages, while the browser reloads the changed page.
VORSCHAU_SUCHE_NACH_S = 1.0


class KatalogConfig(Config):
    #: oeffentlich: the public edition; intern: the members' edition with internal entries.
    ausgabe = c.Choice(("oeffentlich", "intern"), default="oeffentlich")
    #: Show entwurf/in-pruefung entries. Unset: yes in `mkdocs serve`, no in `mkdocs build`.
    entwuerfe = c.Optional(c.Type(bool))
    #: The search (Pagefind, indexed after the build) and its box in the header.
    suche = c.Type(bool, default=True)
    #: Abbreviations for the tooltips on every page (``*[Begriff]: Kurzerklärung`` a line),
    #: relative to mkdocs.yml; handed to the Markdown extension abbr (its glossary option).
    glossar = c.Optional(c.Type(str))
    #: The build that is published (set in the publishing workflow): needs site_url.
    veroeffentlichung = c.Type(bool, default=False)
    #: Entries per page of a listing (tables take twice as many); the other pages are generated.
    eintraege_je_seite = c.Type(int, default=liste.SEITENGROESSE)
    #: ``mkdocs build`` renders the entry pages in this many processes (plugins/parallel.py):
    #: 0 one per usable core (at most 4), 1 one process.
    prozesse = c.Type(int, default=0)
    #: … from this many entry pages on (below, forking costs more than it saves).
    parallel_ab = c.Type(int, default=400)


class KatalogPlugin(BasePlugin[KatalogConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.katalog: Katalog = Katalog()
        self.revisionen: Revisionsdaten | None = None
        self.befehl: str = "build"
        self.kontext: Ansichtskontext = Ansichtskontext(self.katalog)  # per build, for the entry views
        self.nachtraege = Nachtraege()  # our views' HTML, held back from the sanitizer (nachtrag.py)
        self.wikilinks = WikilinkErweiterung(self._wikilink_ziel)  # [[slug]] in page text
        self.listen: dict[str, liste.Listenkopf] = {}  # per build: what all pages of a listing share
        self.listenabdruecke: dict[str, str] = {}  # per build: listing page -> fingerprint (preview)
        # Live preview: kept across rebuilds (MkDocs keeps plugin instances that have on_startup).
        self.dirty = False
        self.lesespeicher = Lesespeicher()
        self.pruefspeicher = Pruefspeicher()
        self.vorschaustand: vorschau.Stand | None = None
        self.vorlagenspeicher = _Vorlagenspeicher()
        self._hinweis_gegeben = False
        self.abfragen = AbfrageErweiterung()  # ```abfrage blocks in page text
        self._suchsperre = threading.Lock()  # the live preview indexes in a thread, one run at a time
        self._suchlauf = 0
        self.aufteilung = parallel.Aufteilung()  # per build: which process renders which page
        self.auszuege: Path | None = None  # per build: what Pagefind reads of each page (suche.auszug)
        self._aufraeumen_angemeldet = False
        self.teile: teilvorlagen.Teilvorlagen | None = None  # per build: rendered navigation (on_env)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.befehl = command
        self.dirty = dirty
        parallel.schluss_ohne_sammeln()
        if command == "serve" and dirty:
            # MkDocs warns on every rebuild that a dirty build leaves navigation and links
            # stale; this plugin renders every page whose inputs changed, so the warning is wrong.
            logging.getLogger("mkdocs.commands.build").addFilter(_ohne_dirty_warnung)

    @property
    def ausgabe(self) -> Ausgabe:
        entwuerfe = self.config.entwuerfe
        return Ausgabe(
            intern=self.config.ausgabe == "intern",
            entwuerfe=self.befehl == "serve" if entwuerfe is None else entwuerfe,
        )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        docs_dir = Path(config.docs_dir)
        self.docs_name = _anzeigepfad(docs_dir)
        for meldung in datenschutz.konfiguration_pruefen(config):
            log.warning(meldung)
        _snippets_eingrenzen(config)
        self.revisionen = Revisionsdaten.lesen(docs_dir)
        _revisionsplugin_anbinden(config, self.revisionen)
        if not any(isinstance(x, WikilinkErweiterung) for x in config.markdown_extensions):
            config.markdown_extensions.append(self.wikilinks)  # type: ignore[arg-type]  # Python-Markdown takes instances
        if not any(isinstance(x, AbfrageErweiterung) for x in config.markdown_extensions):
            config.markdown_extensions.append(self.abfragen)  # type: ignore[arg-type]
        if self.config.suche and ("search" in config.plugins or "material/search" in config.plugins):
            log.warning(
                "Materials Suche (Plugin 'search') ist eingetragen, das Handbuch sucht aber mit Pagefind: "
                "Entfernen Sie 'search' unter 'plugins' in mkdocs.yml (sein Index wäre bei vielen "
                "Einträgen mehrere MB groß und wird nicht mehr benutzt)."
            )
        if self.config.glossar:
            _glossar_einbinden(config, self.config.glossar)
        _site_url_pruefen(config, self.config.veroeffentlichung, self.befehl)
        # One stylesheet for all our CSS; scripts only on the pages that use them (on_post_page).
        if assets.CSS not in config.extra_css:
            config.extra_css.append(assets.CSS)
        return config

    # Read before every other plugin of the set, which all use the catalogue.
    @event_priority(100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        quellen = []
        inhalte: dict[str, str] = {}  # path -> fingerprint of its bytes (for the live preview)
        for f in files.documentation_pages():
            if f.abs_src_path:
                roh = Path(f.abs_src_path).read_bytes()
                inhalte[f.src_uri] = vorschau.inhaltsschluessel(roh)
                quellen.append(self.lesespeicher.lesen(f.src_uri, roh, inhalte[f.src_uri])[0])
        self.lesespeicher.behalten(inhalte)
        for datei in assets.dateien(config):
            files.append(datei)
        # The same checks as `staedtenetz pruefen`, including material files (size limit from
        # staedtenetz/austausch) and links into content this edition leaves out.
        austausch = config.plugins.get("staedtenetz/austausch")
        max_mb = austausch.config.materialien_max_mb if austausch is not None else None
        self.katalog = katalog_pruefen(quellen, Path(config.docs_dir), self.ausgabe, max_mb, self.pruefspeicher)
        for eintrag in self.katalog.ausgeschlossen.values():
            files.remove(files.get_file_from_path(eintrag.pfad))
        if self.katalog.ausgeschlossen:  # on purpose, but never silently
            n = len(self.katalog.ausgeschlossen)
            log.info(
                f"Nicht in der {self.ausgabe.name_dativ}: {n} {'Eintrag' if n == 1 else 'Einträge'} "
                f"(Entwürfe, in Prüfung oder intern): {', '.join(sorted(self.katalog.ausgeschlossen))}"
            )
        for m in self.katalog.meldungen:
            (log.error if m.ist_fehler else log.warning)(m.als_zeile(f"{self.docs_name}/{m.pfad}"))
        fehler = self.katalog.fehler
        if fehler and self.befehl != "serve":
            # In the live preview the pages show their errors instead; a real build stops.
            raise PluginError(
                f"Abgebrochen: {len(fehler)} Fehler in den Inhalten (siehe oben). "
                "Mit 'staedtenetz pruefen' lassen sie sich ohne Bauen prüfen."
            )
        self.nachtraege = Nachtraege()
        # Entry views: URLs, dates, backlinks once per build; change list, katalog.json, feed.xml.
        website = eintragsseite.Website(
            docs_dir=Path(config.docs_dir),
            site_name=config.site_name,
            site_url=config.site_url or None,
            autor=config.site_author,
            ausgabe=self.config.ausgabe,
        )
        self.kontext, erzeugt, warnungen = eintragsseite.vorbereiten(self.katalog, _url_von_pfad(files), website, self.revisionen)
        if self.config.suche:
            if files.get_file_from_path(suche.PFAD) is None:
                erzeugt[suche.PFAD] = suche.seite()
            else:
                log.warning(f"'{suche.PFAD}' wird vom Plugin erzeugt (die Suchseite), liegt aber auch in docs/. Benennen Sie die Datei in docs/ um.")
        for pfad, inhalt in erzeugt.items():
            files.append(File.generated(config, pfad, content=inhalt))
        for w in warnungen:
            log.warning(w)
        self._listen_erzeugen(files, config)
        if self.befehl == "serve":
            self._vorschau_begrenzen(files, config, inhalte)
        return files

    def _vorschau_begrenzen(self, files: Files, config: MkDocsConfig, inhalte: dict[str, str]) -> None:
        """Live preview with ``--dirty``: render again only the pages whose inputs changed
        (ansichten/vorschau.py); MkDocs keeps the output of all others."""
        seiten = [f for f in files.documentation_pages()]
        nav = tuple(sorted((f.src_uri, inhalte.get(f.src_uri)) for f in seiten if not f.inclusion.is_not_in_nav()))
        gesamt = (_konfigurationsstand(config), nav, self.revisionen.stand() if self.revisionen else None, str(self.ausgabe))
        neu = vorschau.stand(
            self.katalog, self.kontext, inhalte, self.listenabdruecke, [f.src_uri for f in seiten], gesamt, self.vorschaustand
        )
        zu_bauen = vorschau.neu_zu_bauen(self.vorschaustand, neu) if self.dirty else None
        self.vorschaustand = neu
        if not self.dirty:
            if not self._hinweis_gegeben:
                self._hinweis_gegeben = True
                log.info("Tipp: 'mkdocs serve --dirty' (so startet 'make vorschau') baut nach einer Änderung nur die betroffenen Seiten neu.")
            return
        for f in seiten:
            f.is_modified = _JA if zu_bauen is None or f.src_uri in zu_bauen else _NEIN  # type: ignore[method-assign]
        n = len(seiten) if zu_bauen is None else len(zu_bauen)
        log.info(f"Vorschau: {n} von {len(seiten)} Seiten neu gebaut" + (" (alle)" if zu_bauen is None else "."))

    # Last: the navigation is final. MkDocs reads the pages next; here the build may fork.
    @event_priority(-100)
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        kandidaten = [
            f.src_uri
            for f in files.documentation_pages()
            if f.generated_by is None and self.katalog.eintrag_fuer_pfad(f.src_uri) is not None
        ]
        wie = (self.befehl, self.dirty, len(kandidaten), self.config.parallel_ab)
        n = parallel.prozesszahl(self.config.prozesse, *wie, config.plugins)
        if n == 1 and self.config.prozesse == 0 and parallel.prozesszahl(0, *wie) > 1:
            log.info(
                f"Bau in einem Prozess: {', '.join(parallel.ungepruefte_plugins(config.plugins))} ist für den "
                "parallelen Bau nicht geprüft (es könnte Angaben aller Seiten sammeln). Geht es doch, setzen Sie "
                "'prozesse: 2' unter 'staedtenetz/katalog'."
            )
        self._auszuege_entfernen()
        if self.config.suche and self.befehl != "serve" and not self.dirty and self._seiten_bleiben_nach_uns(config):
            # Every process writes the extracts of its pages here (forked next: one folder).
            self.auszuege = suche.auszugsordner(sum(_groesse(f.abs_src_path) for f in files.documentation_pages()))
            if not self._aufraeumen_angemeldet:
                self._aufraeumen_angemeldet = True
                atexit.register(self._beim_beenden, os.getpid())
        self.aufteilung.starten(n, kandidaten, files, nav, config)
        return nav

    def _seiten_bleiben_nach_uns(self, config: MkDocsConfig) -> bool:
        """Whether a page's extract (taken in our on_post_page) is what the site shows: every
        on_post_page that runs after ours belongs to a plugin known to leave the article alone.
        A hook or another plugin might change it; then Pagefind reads the finished pages."""
        bekannt = {id(config.plugins[n]) for n in parallel.GEPRUEFTE_PLUGINS if n in config.plugins}
        folgende = config.plugins.events["post_page"]
        eigene = [i for i, m in enumerate(folgende) if getattr(m, "__self__", None) is self]
        return bool(eigene) and all(id(getattr(m, "__self__", None)) in bekannt for m in folgende[eigene[0] + 1 :])

    def _beim_beenden(self, pid: int) -> None:
        """At the interpreter's exit, also after Ctrl+C (no build error, so no on_build_error):
        no worker left, and no extracts (they may lie in memory)."""
        if os.getpid() == pid:  # not in a forked worker: the main process cleans up
            self._aufraeumen()

    def _aufraeumen(self) -> None:
        self.aufteilung.beenden()  # first: a worker might still write extracts
        self._auszuege_entfernen()

    def _auszuege_entfernen(self) -> None:
        if self.auszuege is not None:
            shutil.rmtree(self.auszuege, ignore_errors=True)
            self.auszuege = None

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env = self.aufteilung.umgebung(env, config, files)
        self.teile = teilvorlagen.einrichten(env, config)  # Material's navigation once per folder of entries
        # The live preview builds a new template environment for every rebuild; keep the
        # compiled templates (Jinja's bytecode cache, checked against each template's source).
        if self.befehl == "serve":
            env.bytecode_cache = self.vorlagenspeicher
        return env

    @event_priority(100)
    def on_build_error(self, *, error: Exception) -> None:
        if self.aufteilung.ist_arbeiter:
            self.aufteilung.arbeiter_fehler(error)  # ends this process
        self._aufraeumen()
        self.vorschaustand = None  # pages may be missing: the next rebuild renders everything

    def _listen_erzeugen(self, files: Files, config: MkDocsConfig) -> None:
        """Pages 2 … n and the filter's data file of every listing whose first page exists."""
        groesse = max(1, self.config.eintraege_je_seite)
        self.listen = {}
        self.listenabdruecke = {}
        for typ in liste.FILTER:
            if files.get_file_from_path(liste.seitenpfad(typ, 1)) is None:
                continue
            kopf = self.listen[typ] = liste.Listenkopf.aufbauen(self.katalog, typ, groesse)
            erzeugt = liste.weitere_seiten(typ, kopf.seitenzahl)
            daten_pfad = liste.datenpfad(typ)
            for pfad, _ in [*erzeugt, (daten_pfad, "")]:
                if files.get_file_from_path(pfad) is not None:
                    log.warning(
                        f"'{self.docs_name}/{pfad}' liegt in docs/, das Plugin erzeugt aber eine Datei dieses Namens "
                        "für die Übersichtsliste. Benennen Sie die Datei um."
                    )
                    files.remove(files.get_file_from_path(pfad))
            for pfad, markdown in erzeugt:
                files.append(File.generated(config, pfad, content=markdown))
            datei = File.generated(config, daten_pfad, content="")
            url = lambda e, _ziel=datei.url: get_relative_url(files.get_file_from_path(e.pfad).url, _ziel)  # noqa: E731
            daten = liste.daten(self.katalog, typ, url, kopf.eintraege)
            datei.content_string = liste.daten_text(daten)
            for nummer in range(1, kopf.seitenzahl + 1):
                self.listenabdruecke[liste.seitenpfad(typ, nummer)] = liste.abdruck(kopf, daten, nummer)
            files.append(datei)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.aufteilung.ohne_quelle(page.file.src_uri):
            return ""  # another process renders this page
        q = self.katalog.quellen.get(page.file.src_uri)
        if q is None:
            return None
        if not q.lesbar:
            return _fehlerseite(q)
        return q.text  # already decoded once in on_files

    @event_priority(100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.aufteilung.seite_vorbereiten(page)
        self.wikilinks.seite = page.file.src_uri  # the page rendered next: [[slug]] links relative to it
        self.abfragen.rendern = abfrage_ansicht.renderer(self.katalog, self.kontext.verlinker(page.url), page.file.src_uri)  # its query blocks, with links relative to it
        markdown = platzhalter.hervorheben(markdown)  # [AUSFÜLLEN: …] sichtbar markieren
        q = self.katalog.quellen.get(page.file.src_uri)
        if q is None:
            return markdown
        eintrag = self.katalog.eintrag_fuer_pfad(q.pfad)
        if eintrag is not None:
            page.meta.setdefault("description", eintrag.daten.zusammenfassung)
        if q.meldungen and q.lesbar:
            return _meldungskasten(q.meldungen) + markdown
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.abfragen.rendern = None  # rendered; other Markdown conversions leave blocks as code
        if self.aufteilung.fremd(page.file.src_uri):
            _titel_bereinigen(page)  # the navigation here shows its title
            page.meta["template"] = parallel.LEERE_VORLAGE  # and another process writes it
            return html
        # Map (<!-- karte -->, members' page) and listing pages (<ordner>/index.md): ansichten/.
        url = _relative_urls(page, files)
        seite = page.file.src_uri
        html = karte.einsetzen(html, self.katalog, seite, url, lambda svg: self.nachtraege.marke(seite, "karte", svg))
        # Fact box, collections …; the sections below the text join the table of contents.
        ergaenzt = eintragsseite.ergaenzen(
            html, page.file.src_uri, page.url, page.file.generated_by is not None, self.kontext, self.nachtraege
        )
        html = ergaenzt.html
        _inhaltsverzeichnis(page, html, ergaenzt.verzeichnis)
        if ergaenzt.geaendert is not None:
            page.meta["git_revision_date_localized"] = ergaenzt.geaendert
        listenseite = liste.seite_der_liste(page.file.src_uri)
        if listenseite is not None and (listenseite.nummer == 1 or page.file.generated_by == "staedtenetz/katalog"):
            html += self.nachtraege.marke(page.file.src_uri, "liste", self._liste(listenseite, page.url, files))
        if self.config.suche and seite == suche.PFAD and page.file.generated_by is not None:
            html += self.nachtraege.marke(seite, "suche", suche.formular(self.katalog))
        _titel_bereinigen(page)
        return html

    def _liste(self, seite: liste.Listenseite, seiten_url: str, files: Files) -> str:
        def relativ(pfad: str) -> str:
            f = files.get_file_from_path(pfad)
            return get_relative_url(f.url, seiten_url) if f is not None else ""

        return liste.liste(
            self.katalog,
            seite.typ,
            lambda e: relativ(e.pfad),
            seite.nummer,
            max(1, self.config.eintraege_je_seite),
            seitenurl=lambda n: relativ(liste.seitenpfad(seite.typ, n)),
            daten_url=relativ(liste.datenpfad(seite.typ)),
            kopf=self.listen.get(seite.typ),
        )

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.aufteilung.seite_fertig(page)  # the last page: the other processes' results
        if self.aufteilung.fremd(page.file.src_uri):
            return output
        output = self.nachtraege.einsetzen(page.file.src_uri, output)  # our held-back views
        skripte = assets.skripte(
            listenseite=liste.seite_der_liste(page.file.src_uri) is not None, html=output, suche=self.config.suche
        )
        output = assets.einbinden(output, skripte, page.url)
        if not self.config.suche or not _indexieren(page):
            return output
        e = self.katalog.eintrag_fuer_pfad(page.file.src_uri)
        if not suche.indexiert(e, self.ausgabe):
            return output
        markiert = suche.markieren(output, suche.suchdaten(e, self.katalog, page.title or ""))
        if markiert is None:
            return output
        if self.auszuege is not None:
            auszug = suche.auszug(markiert)
            if auszug is not None:
                try:  # as MkDocs writes the page (a lone surrogate becomes a character reference)
                    write_file(auszug.encode("utf-8", errors="xmlcharrefreplace"), str(self.auszuege / page.file.dest_path))
                except OSError as fehler:
                    raise PluginError(
                        f"Suche: Der Auszug der Seite '{page.file.src_uri}' für den Suchindex ließ sich nicht "
                        f"schreiben ({fehler}). Ist {self.auszuege.parent} voll? Geben Sie dort Platz frei, oder "
                        "setzen Sie TMPDIR auf einen Ordner mit mehr Platz."
                    ) from fehler
        return markiert

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.aufteilung.ist_arbeiter:  # never reached: a worker ends after the last page
            self.aufteilung.arbeiter_fehler(RuntimeError("Bauprozess lief über die letzte Seite hinaus."))
        self.aufteilung.zusammenfuehren()  # only if the last page was not the expected one
        self.aufteilung.beenden()
        if not self.config.suche:
            return
        site = Path(config.site_dir)
        if self.befehl == "serve":
            # The live preview reloads the browser after this event: it must not wait for the
            # index (seconds at thousands of pages). Its search is current a moment later.
            self._suchlauf += 1
            threading.Thread(target=self._suchindex, args=(site, self._suchlauf), daemon=True).start()
            return
        try:
            self._suchindex(site, auszuege=self.auszuege)
        except suche.SuchindexFehler as fehler:
            raise PluginError(str(fehler)) from fehler
        finally:
            self._auszuege_entfernen()

    def _suchindex(self, site: Path, lauf: int | None = None, auszuege: Path | None = None) -> None:
        """Build the search index of ``site`` (from ``auszuege`` if given); ``lauf``: the
        preview's rebuild it belongs to (in a thread: one index at a time, errors logged, a
        stale run dropped)."""
        if lauf is not None:
            time.sleep(VORSCHAU_SUCHE_NACH_S)  # the browser reloads first, with the cores to itself
        with self._suchsperre:
            if lauf is not None and lauf != self._suchlauf:
                return  # a newer rebuild has started its own run
            start = time.perf_counter()
            try:
                n = suche.index_bauen(site, auszuege)
            except suche.SuchindexFehler as fehler:
                if lauf is None:
                    raise
                if lauf == self._suchlauf:
                    log.warning(str(fehler))
                return
        if n == 0:
            log.warning(
                "Suche: Keine Seite im Suchindex. Das Theme muss Material for MkDocs sein "
                "(die Seiten brauchen dessen <article class=\"md-content__inner md-typeset\">)."
            )
        else:
            log.info(f"Suche: {n} Seiten im Suchindex ({suche.ORDNER}/, {time.perf_counter() - start:.1f} s).")

    # Before the template renders the page.
    @event_priority(100)
    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        if self.aufteilung.fremd(page.file.src_uri):
            return context
        # Everything the page text became – Markdown, raw HTML, attr_list, extensions, and the
        # small views other plugins put in – passes the allow-list; our held-back HTML (markers)
        # joins only in on_post_page.
        page.content = bereinigen.html_mit_marken(page.content or "", self.nachtraege.muster)
        if page.toc is not None:
            _toc_bereinigen(page.toc.items)
        # Material shows this key (before plain revision_date) under the page: in German.
        if self.revisionen and self.revisionen.vorhanden and page.file.abs_src_path:
            stand = self.revisionen.datum(page.file.abs_src_path)
            if stand:
                page.meta["git_revision_date_localized"] = formate.datum(stand)
        return context

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # The sitemap's <lastmod> is page.update_date (MkDocs' default: the build date), and
        # MkDocs writes the sitemap before the pages: set it here, to the page's git date. A
        # generated page has none, except the change list (its newest change); an uncommitted
        # page keeps the build date (changed today).
        stand = None
        if self.revisionen and self.revisionen.vorhanden and page.file.abs_src_path:
            stand = self.revisionen.datum(page.file.abs_src_path)
        elif page.file.generated_by is not None:
            if page.file.src_uri == aenderungen.PFAD:
                stand = max(self.kontext.geaendert.values(), default=None)
            if stand is None:
                page.update_date = ""  # no <lastmod> rather than a wrong one
        if stand is not None:
            page.update_date = stand.isoformat()
        return page

    def _wikilink_ziel(self, slug: str) -> tuple[str, str] | None:
        e = self.katalog.eintraege.get(slug)
        return (e.title, e.pfad) if e is not None else None


def _titel_bereinigen(page: Page) -> None:
    """Titles and descriptions reach Material's templates unescaped (MkDocs' Jinja has no
    autoescape): escaped here, for every page before any template is rendered (the navigation of
    one page shows the titles of others)."""
    bereinigen.seitenangaben(page.meta)
    if "title" in page.meta:
        page.title = page.meta["title"]  # type: ignore[misc]  # escaped above
    elif page.title:
        page.title = bereinigen.titel_html(page.title)  # type: ignore[misc]  # from the rendered <h1>


def _groesse(pfad: str | None) -> int:
    try:
        return os.path.getsize(pfad) if pfad else 4096
    except OSError:
        return 0


def _JA() -> bool:
    return True


def _NEIN() -> bool:
    return False


def _ohne_dirty_warnung(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("A 'dirty' build is being performed")


class _Vorlagenspeicher(jinja2.BytecodeCache):
    """Compiled Jinja templates in memory, across the rebuilds of one live preview."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        alt = self._code.get(bucket.key)
        if alt is not None and alt[0] == bucket.checksum:
            bucket.code = alt[1]  # type: ignore[assignment]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


def _konfigurationsstand(config: MkDocsConfig) -> tuple:
    """Changes of the configuration, the theme overrides or the watched folders (includes/):
    then the live preview renders everything again."""
    stand = []
    if config.config_file_path:
        ordner = Path(config.config_file_path).parent
        for datei in sorted([*ordner.glob("*.yml"), *ordner.glob("*.yaml")]):
            stand.append((datei.name, vorschau.inhaltsschluessel(datei.read_bytes())))
    wurzeln = [Path(p) for p in config.watch]
    if config.theme.custom_dir:
        wurzeln.append(Path(config.theme.custom_dir))
    for wurzel in wurzeln:
        if wurzel.is_dir():
            for datei in sorted(wurzel.rglob("*")):
                if datei.is_file():
                    st = datei.stat()
                    stand.append((str(datei), st.st_mtime_ns, st.st_size))
        elif wurzel.is_file():
            stand.append((str(wurzel), wurzel.stat().st_mtime_ns))
    return tuple(stand)


def katalog_plugin(config: MkDocsConfig) -> KatalogPlugin | None:
    """This build's ``staedtenetz/katalog``, for the other plugins of the set."""
    for plugin in config.plugins.values():
        if isinstance(plugin, KatalogPlugin):
            return plugin
    return None


def fremde_seite(config: MkDocsConfig, page: Page) -> bool:
    """Another process of a parallel build renders this page (plugins/parallel.py): the other
    plugins of the set skip it."""
    plugin = katalog_plugin(config)
    return plugin is not None and plugin.aufteilung.fremd(page.file.src_uri)


def katalog_von(config: MkDocsConfig) -> Katalog:
    """The catalogue of the current build, for the other plugins of the set."""
    plugin = katalog_plugin(config)
    if plugin is not None:
        return plugin.katalog
    raise PluginError("Dieses Plugin braucht 'staedtenetz/katalog': tragen Sie es in mkdocs.yml unter 'plugins' davor ein.")


def _relative_urls(page: Page, files: Files):
    """eintrag -> its address relative to ``page``."""
    from mkdocs.utils import get_relative_url, write_file

    return lambda eintrag: get_relative_url(files.get_file_from_path(eintrag.pfad).url, page.url)


#: The only folder pymdownx.snippets may read (relative to mkdocs.yml).
SNIPPET_ORDNER = "includes"


def _snippets_eingrenzen(config: MkDocsConfig) -> None:
    """pymdownx.snippets may read only from includes/ (and never from the web): anything else
    would let a page pull internal entries, .git/config or other files into the site. Relative
    base paths are resolved against mkdocs.yml, not against the folder the build started in."""
    if "pymdownx.snippets" not in config.markdown_extensions:
        return
    cfg = config.mdx_configs.setdefault("pymdownx.snippets", {})
    wurzel = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    erlaubt = (wurzel / SNIPPET_ORDNER).resolve()
    basen = cfg.get("base_path", ["."])
    basen = [basen] if isinstance(basen, str) else list(basen)
    aufgeloest = [(wurzel / b).resolve() for b in basen]
    falsch = [b for b, p in zip(basen, aufgeloest) if p != erlaubt and erlaubt not in p.parents]
    if falsch or not cfg.get("restrict_base_path", True) or cfg.get("url_download"):
        raise PluginError(
            "mkdocs.yml: 'pymdownx.snippets' darf nur aus dem Ordner 'includes/' lesen. Setzen Sie "
            "'base_path: [includes]' und 'restrict_base_path: true' und lassen Sie 'url_download' weg"
            + (f" (jetzt: base_path {', '.join(map(str, falsch))})." if falsch else ".")
        )
    cfg["base_path"] = [str(p) for p in aufgeloest]
    cfg["restrict_base_path"] = True
    # The snippets extension checks the path, not where a symbolic link in includes/ points.
    for p in aufgeloest:
        for wurzel, ordner, dateien in os.walk(p):
            for name in [*ordner, *dateien]:
                if (Path(wurzel) / name).is_symlink():
                    raise PluginError(
                        f"'{Path(wurzel, name)}' ist ein symbolischer Link. In includes/ liegen nur echte Dateien: "
                        "Ersetzen Sie den Link durch eine Kopie oder löschen Sie ihn."
                    )


def _revisionsplugin_anbinden(config: MkDocsConfig, revisionen: Revisionsdaten) -> None:
    """Feed mkdocs-git-revision-date-plugin from one git call, or switch it off without git.

    That plugin starts ``git log`` once per page and fails without a repository; it exposes its
    helper as ``util`` with one method, which :class:`Revisionsdaten` provides.
    """
    if revisionen.zustand == "ohne-git":
        log.info(
            "Keine Git-Versionsgeschichte gefunden (z. B. ZIP-Download): Die Seiten zeigen kein "
            "Datum der letzten Änderung. Für Datumsangaben das Handbuch mit 'git clone' holen."
        )
    elif revisionen.zustand == "flach":
        log.warning(
            "Flacher Git-Klon erkannt: Die Daten der letzten Änderung können falsch sein. Holen Sie "
            "die ganze Geschichte mit 'git fetch --unshallow' (in GitHub Actions: fetch-depth: 0)."
        )
    for plugin in config.plugins.values():
        if type(plugin).__name__ == "GitRevisionDatePlugin":
            plugin.util = revisionen  # type: ignore[attr-defined]
            if not revisionen.vorhanden:
                plugin.enabled = False  # type: ignore[attr-defined]


def _anzeigepfad(pfad: Path) -> str:
    try:
        return pfad.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return pfad.as_posix()


def _meldungskasten(meldungen: list[Meldung]) -> str:
    zeilen = "\n".join(f"    - Zeile {m.zeile}, {m.stufe}: {_md(m.text)}" for m in meldungen)
    art = "failure" if any(m.ist_fehler for m in meldungen) else "warning"
    return f'!!! {art} "Diese Seite hat Probleme"\n\n    Nur in der Vorschau sichtbar. Bitte beheben:\n\n{zeilen}\n\n'


def _fehlerseite(q: Quelltext) -> str:
    return "# Diese Seite kann nicht gelesen werden\n\n" + _meldungskasten(q.meldungen)


def _md(text: str) -> str:
    return text.replace("\n", " ").replace("<", "&lt;")


def _glossar_einbinden(config: MkDocsConfig, datei: str) -> None:
    """Read the glossary once and hand it to the abbr extension (instead of appending the file
    to every page's Markdown, which made each page parse it again)."""
    basis = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    try:
        eintraege = glossar.lesen(basis / datei, datei)
    except glossar.GlossarFehler as fehler:
        raise PluginError(f"Glossar: {fehler}") from None
    if "abbr" not in config.markdown_extensions:
        config.markdown_extensions.append("abbr")
    config.mdx_configs.setdefault("abbr", {})["glossary"] = eintraege


def _site_url_pruefen(config: MkDocsConfig, veroeffentlichung: bool, befehl: str) -> None:
    """Without site_url the sitemap is empty and the feed has no absolute addresses: a warning for
    the published build (so --strict stops it), a note for every other build."""
    if config.site_url:
        return
    text = (
        "site_url fehlt in mkdocs.yml: Die Sitemap (sitemap.xml) bleibt leer, Feed und Offene Daten "
        "haben keine absoluten Adressen. Tragen Sie die Adresse der veröffentlichten Website ein "
        "(site_url: https://…/) oder setzen Sie STAEDTENETZ_SITE_URL."
    )
    if veroeffentlichung or befehl == "gh-deploy":
        log.warning(text)
    elif befehl == "build":
        log.info(text)


def _indexieren(page: Page) -> bool:
    """Pages the search leaves out: the search page itself and pages with Material's front-matter
    switch ``search: {exclude: true}``."""
    if page.file.src_uri == suche.PFAD and page.file.generated_by is not None:
        return False
    einstellung = page.meta.get("search")
    return not (isinstance(einstellung, dict) and einstellung.get("exclude") is True)


def _url_von_pfad(files: Files):
    def url(pfad: str) -> str | None:
        f = files.get_file_from_path(pfad)
        return f.url if f is not None else None

    return url


def _inhaltsverzeichnis(page: Page, html: str, eintraege: list[tuple[str, str]]) -> None:
    """Add the appended sections as level-2 items to the page's table of contents. Material
    shows the children of the ``<h1>`` item when the content has an ``<h1>``."""
    toc = page.toc
    if toc is None or not eintraege:
        return
    items = toc.items
    if items and "<h1 id=" in html and items[0].level == 1:
        items = items[0].children
    for kennung, titel in eintraege:
        items.append(AnchorLink(bereinigen.text(titel), kennung, 2))  # "Einträge aus {title}": text


def _toc_bereinigen(items) -> None:
    """Material prints toc titles as HTML: reduce each to its (escaped) text."""
    for item in items:
        item.title = bereinigen.titel_html(item.title)
        _toc_bereinigen(item.children)
