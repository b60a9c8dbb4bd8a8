"""Privacy by default: the built site must load nothing from other hosts.

Checks the MkDocs configuration for the known ways Material for MkDocs would contact a third
party: Google Fonts (unless ``theme.font: false``) and the repository host's API (with
``repo_url`` set, Material's JavaScript fetches stars and forks).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def konfiguration_pruefen(config: Any) -> list[str]:
    meldungen = []
    theme = config["theme"]
    if theme.name == "material" and theme.get("font") is not False:
        meldungen.append(
            "Datenschutz: Material lädt Schriften von Google Fonts. Setzen Sie in mkdocs.yml "
            "unter 'theme' den Eintrag 'font: false' (die Seite nutzt dann Systemschriften)."
        )
    if config.get("repo_url") and theme.name == "material" and not _quelle_ueberschrieben(theme):
        meldungen.append(
            "Datenschutz: Mit 'repo_url' fragt Materials JavaScript die API des Repository-Hosts "
            "ab. Übernehmen Sie overrides/partials/source.html aus dem Handbuch (ohne "
            "data-md-component=\"source\") in Ihren 'custom_dir'."
        )
    return meldungen


def _quelle_ueberschrieben(theme: Any) -> bool:
    """True if the theme's custom_dir replaces partials/source.html without the API call."""
    for ordner in theme.dirs:
        datei = Path(ordner) / "partials" / "source.html"
        if datei.is_file():
            return not re.search(r'<a\b[^>]*data-md-component="source"', datei.read_text(encoding="utf-8"))
    return False
