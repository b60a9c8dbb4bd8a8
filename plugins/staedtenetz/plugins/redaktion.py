"""``staedtenetz/redaktion``: the editorial workflow in the build.

- Drafts and entries in review carry a banner (they are only in the live preview: the
  catalogue plugin removes them from every other build); archived entries carry a notice.
- Our ``status`` is taken out of ``page.meta`` so that Material for MkDocs, which reads
  ``page.meta.status`` for icons in the navigation, never sees it.
- The submission form ("Beitrag einreichen") gets its data: the JSON Schema (the committed copy,
  or generated when a site has none) and ``assets/staedtenetz/formular.json``.

Only event glue; the logic is in ``redaktion.py``, ``abschnitte.py`` and ``schema.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from staedtenetz.ansichten import redaktion
from staedtenetz.inhalt.schema import json_text
from staedtenetz.plugins.katalog import fremde_seite, katalog_von

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("staedtenetz")

SCHEMA_PFAD = "schema/eintrag.schema.json"
FORMULAR_PFAD = "assets/staedtenetz/formular.json"


class RedaktionConfig(Config):
    pass


class RedaktionPlugin(BasePlugin[RedaktionConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        status = (config.extra or {}).get("status") or {}
        doppelt = sorted(set(status) & set(redaktion.EIGENE_STATUS)) if isinstance(status, dict) else []
        if doppelt:
            log.warning(
                f"mkdocs.yml: 'extra.status' belegt {', '.join(doppelt)} – diese Werte sind der redaktionelle "
                "Status der Einträge. Wählen Sie für Materials Navigations-Symbole andere Namen."
            )
        return config

    # After staedtenetz/katalog (priority 100), which builds the catalogue in on_files.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        katalog = katalog_von(config)
        self.schema_json = json_text()
        if files.get_file_from_path(SCHEMA_PFAD) is None:
            files.append(File.generated(config, SCHEMA_PFAD, content=self.schema_json))
        repo = redaktion.repository(config.repo_url, config.edit_uri, Path(config.docs_dir).name)
        austausch = config.plugins.get("staedtenetz/austausch")  # its size limit for photos and materials
        max_mb = austausch.config.materialien_max_mb if austausch is not None else None
        self.formular_json = redaktion.formulardaten_json(katalog, repo, max_mb)
        files.append(File.generated(config, FORMULAR_PFAD, content=self.formular_json))
        return files

    # Late, after every other plugin has read the meta of the page.
    @event_priority(-50)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.meta.get("status") in redaktion.EIGENE_STATUS:
            page.meta["redaktionsstatus"] = page.meta.pop("status")
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        eintrag = katalog_von(config).eintrag_fuer_pfad(page.file.src_uri)
        if eintrag is None or fremde_seite(config, page):
            return html
        return redaktion.hinweis_einsetzen(html, eintrag.daten.status)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # The form reads its data from its own page, so it works from disk too (file://).
        return redaktion.formulardaten_einbetten(output, self.schema_json, self.formular_json)
