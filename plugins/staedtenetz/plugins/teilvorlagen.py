"""Material's navigation and tabs, rendered once per folder for pages outside the navigation.

Material renders the whole navigation (``partials/nav.html``) and the tabs (``partials/tabs.html``)
for every page. For the thousands of catalogue entries, which are not in the navigation, that is
the largest part of each page's template time – and nearly always the same HTML: no item of the
navigation is active on such a page, and the only thing that varies is how the ``url`` filter
writes each address relative to the page. For sibling folders (``praxisbeispiele/a/``,
``praxisbeispiele/b/``) those addresses are the same, unless a navigation link points into one of
them.

In ``on_env`` the plugin puts a small template in front of each of these two partials (in the
template loader, not in overrides/: a build without our plugins renders Material's own). It asks
:class:`Teilvorlagen` for a key and renders the partial – whatever the theme's folders hold under
that name, loaded under the prefix :data:`PRAEFIX` – only once per key: the page's template
and every address the partial shows, as the ``url`` filter writes it for this page. Pages in
the navigation and theme pages without a page (404.html) get no key: the partial is rendered for
them as always. The site is the same byte for byte (tests/plugins/test_teilvorlagen.py builds it
both ways).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.utils import normalize_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

#: The theme's own templates (overrides included), past our wrappers:
#: ``{% include "staedtenetz-theme/partials/nav.html" %}``.
PRAEFIX = "staedtenetz-theme"

#: The name of the helper in the templates.
NAME = "staedtenetz_teile"

#: The partials rendered once per key (for the entries: once per folder).
TEILE = ("nav", "tabs")

_HUELLE = """\
{%- set schluessel = staedtenetz_teile.schluessel("TEIL", page, nav, config) -%}
{%- if schluessel is none -%}
{% include "PRAEFIX/partials/TEIL.html" %}
{%- else -%}
{%- if not staedtenetz_teile.hat(schluessel) -%}
{%- set html -%}{% include "PRAEFIX/partials/TEIL.html" %}{%- endset -%}
{{- staedtenetz_teile.merken(schluessel, html) -}}
{%- endif -%}
{{- staedtenetz_teile.holen(schluessel) -}}
{%- endif -%}"""


class Teilvorlagen:
    """The rendered partials of one build (a new instance in every ``on_env``)."""

    def __init__(self) -> None:
        self._html: dict[tuple, str] = {}
        self._nav: tuple[int, frozenset[int], tuple[str, ...]] | None = None
        self._adressen: tuple[int, int, tuple[str, ...]] | None = None  # (page, config, addresses)
        self.gerendert = 0  # how often a partial was rendered for a key (the rest came from here)

    def schluessel(self, teil: str, page: Any, nav: Any, config: Any) -> tuple | None:
        """The key of ``teil`` ("nav", "tabs") on ``page``, or None: render it as usual.

        What these partials show of a page outside the navigation is the navigation with every
        address the ``url`` filter makes relative to the page: the key holds exactly those
        addresses, computed as the filter does (``mkdocs.utils.normalize_url``), and the page's
        template. Pages with the same key get the same HTML."""
        if page is None or nav is None or not isinstance(getattr(page, "url", None), str):
            return None
        if getattr(page, "parent", None) is not None:
            return None  # part of the navigation (or of a plugin's own section): it may be active
        seiten, ziele = self._navigation(nav)
        if id(page) in seiten:
            return None
        if self._adressen is None or self._adressen[:2] != (id(page), id(config)):  # nav and tabs: once
            extra = getattr(config, "extra", None) or {}
            theme = getattr(config, "theme", None)
            startseite = getattr(getattr(nav, "homepage", None), "url", None)
            weitere = (extra.get("homepage") or startseite or "", getattr(theme, "logo", None) if theme is not None else None)
            # "" is the site's root: the filter makes it "../../" on an entry; None is no address.
            adressen = tuple(normalize_url(str(z), page=page) for z in (*ziele, *weitere) if z is not None)
            self._adressen = (id(page), id(config), adressen)
        meta = getattr(page, "meta", None) or {}
        return (teil, meta.get("template"), self._adressen[2])

    def hat(self, schluessel: tuple) -> bool:
        return schluessel in self._html

    def merken(self, schluessel: tuple, html: str) -> str:
        self._html[schluessel] = html
        self.gerendert += 1
        return ""

    def holen(self, schluessel: tuple) -> str:
        return self._html[schluessel]

    def _navigation(self, nav: Any) -> tuple[frozenset[int], tuple[str, ...]]:
        """The pages of the navigation (by identity) and the URLs its items point to (the
        partials pass each through the ``url`` filter)."""
        if self._nav is None or self._nav[0] != id(nav):
            self._html.clear()  # another navigation: nothing rendered so far applies
            seiten: set[int] = set()
            ziele: list[str] = []
            stapel = list(getattr(nav, "items", []))
            while stapel:
                item = stapel.pop()
                if getattr(item, "is_page", False):
                    seiten.add(id(item))
                url = getattr(item, "url", None)
                if isinstance(url, str):
                    ziele.append(url)
                stapel.extend(getattr(item, "children", None) or [])
            self._nav = (id(nav), frozenset(seiten), tuple(ziele))
        return self._nav[1], self._nav[2]


def einrichten(env: jinja2.Environment, config: MkDocsConfig) -> Teilvorlagen:
    """``on_env``: the wrappers in front of the partials, the theme's own partials (overrides
    included) under :data:`PRAEFIX`, and a new :class:`Teilvorlagen`."""
    huellen = {f"partials/{t}.html": _HUELLE.replace("TEIL", t).replace("PRAEFIX", PRAEFIX) for t in TEILE}
    env.loader = jinja2.ChoiceLoader([
        jinja2.DictLoader(huellen),
        jinja2.PrefixLoader({PRAEFIX: jinja2.FileSystemLoader(config.theme.dirs)}),
        env.loader,
    ])
    teile = Teilvorlagen()
    env.globals[NAME] = teile
    return teile
