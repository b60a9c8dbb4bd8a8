"""The plugins' own CSS and JavaScript (folder ``ansichten/assets/``), served by the site itself.

- CSS: all files in one stylesheet, ``assets/staedtenetz/staedtenetz.css`` (one request, one
  render-blocking file instead of eight), linked from every page through ``extra_css``.
- JavaScript: only on the pages that use it, as ``<script defer>`` before ``</body>``
  (:data:`SKRIPTE`): the list script on listing pages, the form script on the form page, the
  search script on every page with the search box. Not through ``extra_javascript``, which
  Material puts on every page.

The single files are copied too (``assets/staedtenetz/<name>``), so a page or a test can still
refer to one of them.
"""

from __future__ import annotations

from importlib.resources import files as paketdateien
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

ZIEL = "assets/staedtenetz"
#: The one stylesheet of the plugins.
CSS = f"{ZIEL}/staedtenetz.css"

#: Script -> what a page needs it for (see :func:`skripte`).
SKRIPTE = {
    "liste.js": "listing pages (filters of the server-rendered list)",
    "einreichen.js": "the page with the submission form (<div id=\"beitrag-formular\">)",
    "suche.js": "every page with the search box in the header",
}
#: The form's shared DOM helpers (first, formular_dom.js) and its extensions (photos and
#: materials, the body, reading a Word file, keeping the input), loaded with ``einreichen.js`` on
#: the form page; the extensions register themselves in ``window.StaedtenetzBeitrag`` and are
#: called by the form in the order of their ``rang``.
FORMULAR_SKRIPTE = ["formular_dom.js", "beitragspaket.js", "beitragstext.js", "docx_lesen.js", "einreichen.js", "formular_speicher.js"]
#: The form page's marker in its HTML (docs/beitragen/einreichen.md).
FORMULAR_MARKE = 'id="beitrag-formular"'


def _ordner() -> Path:
    return Path(str(paketdateien("staedtenetz.ansichten") / "assets"))


def namen() -> list[str]:
    return sorted(p.name for p in _ordner().iterdir() if p.suffix in (".css", ".js", ".svg", ".json"))


#: Third-party code with its licence (``assets/vendor/``): served, but loaded only by the
#: scripts that need it, not on every page.
VENDOR = "vendor"


def vendor_namen() -> list[str]:
    ordner = _ordner() / VENDOR
    return sorted(p.name for p in ordner.iterdir() if p.name.endswith((".min.js", ".LICENSE.txt"))) if ordner.is_dir() else []


def css_text() -> str:
    """All stylesheets in one, in name order (each with a comment naming its file)."""
    teile = []
    for name in namen():
        if name.endswith(".css"):
            teile.append(f"/* {name} */\n" + (_ordner() / name).read_text(encoding="utf-8").strip() + "\n")
    return "\n".join(teile)


def dateien(config: Any) -> list[File]:
    """The assets as MkDocs files, to be added in ``on_files``: the single files, the vendored
    ones and the CSS bundle."""
    einzeln = [File.generated(config, f"{ZIEL}/{name}", abs_src_path=str(_ordner() / name)) for name in namen()]
    fremd = [File.generated(config, f"{ZIEL}/{VENDOR}/{name}", abs_src_path=str(_ordner() / VENDOR / name)) for name in vendor_namen()]
    return [*einzeln, *fremd, File.generated(config, CSS, content=css_text())]


def skripte(*, listenseite: bool, html: str, suche: bool) -> list[str]:
    """The scripts a page needs, from what it is and what its HTML contains."""
    namen_ = []
    if listenseite:
        namen_.append("liste.js")
    if FORMULAR_MARKE in html:
        namen_ += FORMULAR_SKRIPTE
    if suche:
        namen_.append("suche.js")
    return namen_


def einbinden(ausgabe: str, namen_: list[str], seiten_url: str) -> str:
    """``<script defer>`` tags for ``namen_`` before the ``</body>`` of the finished page."""
    if not namen_:
        return ausgabe
    tags = "".join(f'<script src="{get_relative_url(f"{ZIEL}/{n}", seiten_url)}" defer></script>' for n in namen_)
    ende = ausgabe.rfind("</body>")
    if ende < 0:
        return ausgabe + tags
    return ausgabe[:ende] + tags + "\n  " + ausgabe[ende:]
