"""The editorial workflow on the page: status notices, and the data of the submission form.

``status`` runs entwurf → in-pruefung → veroeffentlicht → archiviert. Which entries a build
contains is decided in ``ausgabe.py`` (drafts only in the live preview); this module says what
a page of each status shows and what the submission form needs to know about the site.
Pure functions; the MkDocs glue is ``plugins/redaktion.py``.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from staedtenetz.inhalt.meldungstexte import TEXTE
from staedtenetz.inhalt import abschnitte, geodaten
from staedtenetz.katalog.katalog import Katalog
from staedtenetz.ansichten.html import Html, einfuegen
from staedtenetz.inhalt.modell import STATUS_BEZEICHNUNG, TYP_BEZEICHNUNG, TYPEN, Ansprechstelle, Basis, Bild, Kosten, Material, Quelle, Zeitraum

#: Nested objects of the content model; the form shows their fields in this order.
TEILE = (Zeitraum, Quelle, Material, Bild, Ansprechstelle, Kosten)

#: status -> (admonition kind, title, text) of the notice at the top of the page.
HINWEISE: dict[str, tuple[str, str, str]] = {
    "entwurf": (
        "warning",
        "Entwurf – nicht veröffentlicht",
        "Diese Seite ist ein Entwurf. Sie erscheint nur in der Vorschau, nicht auf der veröffentlichten Website.",
    ),
    "in-pruefung": (
        "warning",
        "In Prüfung – nicht veröffentlicht",
        "Die Redaktion prüft diese Seite. Sie erscheint nur in der Vorschau, nicht auf der veröffentlichten Website.",
    ),
    "archiviert": (
        "info",
        "Archiviert – wird nicht mehr gepflegt",
        "Die Angaben auf dieser Seite werden nicht mehr aktualisiert und können veraltet sein. "
        "Sie erscheint deshalb in keiner Übersicht mehr.",
    ),
}

#: Material for MkDocs reads ``page.meta.status`` for icons in the navigation; these are ours.
EIGENE_STATUS = tuple(STATUS_BEZEICHNUNG)


def hinweis_html(status: str) -> str:
    """The notice for ``status``, as a Material admonition; empty for published entries."""
    if status not in HINWEISE:
        return ""
    art, titel, text = HINWEISE[status]
    return (
        f'<div class="admonition {art} staedtenetz-status staedtenetz-status--{status}" role="note">'
        f'<p class="admonition-title">{html.escape(titel)}</p><p>{html.escape(text)}</p></div>'
    )


def hinweis_einsetzen(seite: str, status: str) -> str:
    """Put the notice directly under the page's first heading (or at the top)."""
    hinweis = hinweis_html(status)
    return einfuegen(seite, Html(hinweis)) if hinweis else seite


def repository(repo_url: str | None, edit_uri: str | None, docs_dir_name: str = "docs") -> dict[str, Any]:
    """Where the submission form sends contributors: host, branch and folder of the docs."""
    if not repo_url:
        return {"url": None, "host": None, "zweig": None, "pfad": None}
    url = repo_url.rstrip("/")
    edit = (edit_uri or "").strip("/")
    if "gitlab" in url.lower() or edit.startswith("-/"):
        host = "gitlab"
    elif "github" in url.lower():
        host = "github"
    else:
        host = None
    m = re.match(r"^(?:-/)?(?:edit|blob|tree)/([^/]+)/?(.*)$", edit)
    zweig, pfad = (m.group(1), m.group(2)) if m else ("main", docs_dir_name)
    pfad = pfad.strip("/")
    return {"url": url, "host": host, "zweig": zweig, "pfad": f"{pfad}/" if pfad else ""}


def formulardaten(katalog: Katalog, repo: dict[str, Any]) -> dict[str, Any]:
    """What the submission form needs besides the JSON Schema: the existing entries per type
    (for the reference fields), folders and labels, the body templates and the repository."""
    eintraege: dict[str, list[dict[str, str]]] = {typ: [] for typ in TYP_BEZEICHNUNG}
    for e in sorted(katalog.eintraege.values(), key=lambda e: e.title.casefold()):
        if e.daten.status in ("veroeffentlicht", "archiviert"):
            eintraege[e.typ].append({"slug": e.slug, "titel": e.title})
    return {
        "reihenfolge": {
            **{m.__name__: _reihenfolge(m) for m in TYPEN.values()},
            **{m.__name__: list(m.model_fields) for m in TEILE},
        },
        "gemeinden": {ags: g.name for ags, g in sorted(geodaten.gemeinden().items())},
        "typen": {
            typ: {"bezeichnung": einzahl, "mehrzahl": mehrzahl, "ordner": ordner}
            for typ, (einzahl, mehrzahl, ordner) in TYP_BEZEICHNUNG.items()
        },
        "eintraege": eintraege,
        "gerueste": abschnitte.als_json(),
        "titelplatz": abschnitte.TITEL_PLATZ,
        "repository": repo,
        # German texts of the checks, the same table pruefen uses (inhalt/meldungstexte.py).
        "meldungen": TEXTE,
    }


def _reihenfolge(modell: type[Basis]) -> list[str]:
    """Title and summary, the type's own fields, then the keys every type has."""
    eigene = [n for n in modell.model_fields if n not in Basis.model_fields]
    return ["title", "zusammenfassung", *eigene, *(n for n in Basis.model_fields if n not in ("title", "zusammenfassung"))]


def formulardaten_json(katalog: Katalog, repo: dict[str, Any]) -> str:
    return json.dumps(formulardaten(katalog, repo), ensure_ascii=False, sort_keys=True, allow_nan=False)


#: The element of the submission form on its page (docs/beitragen/einreichen.md).
FORMULAR_ELEMENT = 'id="beitrag-formular"'
#: ids of the data the form reads from its page: the schema and the form data. Embedded as
#: JSON (never executed), so the form also works when the site is opened from disk (file://,
#: the pull-request preview), where a browser refuses to fetch files.
DATEN_IDS = {"schema": "beitrag-daten-schema", "formular": "beitrag-daten-formular"}


def formulardaten_einbetten(seite: str, schema_json: str, formular_json: str) -> str:
    """The page with the form's data as ``<script type="application/json">`` before ``</body>``;
    pages without the form come back unchanged."""
    if FORMULAR_ELEMENT not in seite or "</body>" not in seite:
        return seite
    inseln = "".join(
        f'<script type="application/json" id="{DATEN_IDS[name]}">{_json_im_skript(text)}</script>'
        for name, text in (("schema", schema_json), ("formular", formular_json))
    )
    kopf, _, rest = seite.rpartition("</body>")
    return f"{kopf}{inseln}\n</body>{rest}"


def _json_im_skript(text: str) -> str:
    """JSON that cannot end its ``<script>`` element early (``</script>``, ``<!--``)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
