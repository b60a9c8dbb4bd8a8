"""What an edition may publish: checked material files and no links into hidden content.

:func:`pruefen` is the one call the build (``plugins/katalog.py``) and ``staedtenetz pruefen``
(``laden.py``) make after :meth:`Katalog.einschraenken`. It

- checks the files named under ``materialien`` and ``bilder`` of *every* entry, shown or not
  (``materialien.pruefen``), so both editions report the same file problems, and
- reports plain Markdown links (``[Text](../leitfaeden/x.md)``, reference definitions, images)
  on shown pages that point to an entry or a file this edition leaves out: in the public
  edition they would be dead links, and their text would hint at internal content.

Front-matter references and ``[[slug]]`` wiki links to left-out entries are reported by
``Katalog.einschraenken`` and ``textverweise.einschraenken``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from staedtenetz.inhalt import markdowntext
from staedtenetz.pruefung import materialien
from staedtenetz.inhalt.ausgabe import GRUND_TEXT, Ausgabe
from staedtenetz.inhalt.frontmatter import Quelltext
from staedtenetz.inhalt.meldungen import Meldung, fehler

if TYPE_CHECKING:
    from staedtenetz.katalog.katalog import Katalog

#: ``](ziel)`` of inline links and images; the target may be wrapped in ``<…>`` and have a title.
_INLINE_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
#: ``[name]: ziel`` reference definitions.
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML_RE = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_SCHEMA_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def pruefen(katalog: Katalog, docs_dir: Path, ausgabe: Ausgabe | None, max_mb: float | None = None) -> list[Meldung]:
    """Check material files and links for ``ausgabe``; add the messages to the sources and to
    ``katalog.meldungen`` and return them."""
    neu = materialien.pruefen(katalog, docs_dir, max_mb)
    if ausgabe is not None:
        links = links_pruefen(katalog, ausgabe)
        for m in links:
            katalog.quellen[m.pfad].meldungen.append(m)
        katalog.meldungen.extend(links)
        katalog.meldungen.sort()
        neu += links
    return neu


def links_pruefen(katalog: Katalog, ausgabe: Ausgabe) -> list[Meldung]:
    """Messages for Markdown links on shown pages to left-out entries and hidden files."""
    weg = {e.pfad: e for e in katalog.ausgeschlossen.values()}
    _, versteckt = materialien.dateien_der_ausgabe(katalog, ausgabe.intern)
    if not weg and not versteckt:
        return []
    meldungen: list[Meldung] = []
    for q in sorted(katalog.quellen.values(), key=lambda q: q.pfad):
        if q.pfad in weg or not q.lesbar:
            continue
        for zeile, ziel in _links(q):
            rel = _aufloesen(q.pfad, ziel)
            if rel is None:
                continue
            e = weg.get(rel) or weg.get(rel.rstrip("/") + ".md") or weg.get(posixpath.join(rel, "index.md"))
            if e is not None:
                grund = GRUND_TEXT[ausgabe.ausschlussgrund(e.daten) or ""]
                meldungen.append(
                    fehler(
                        q.pfad,
                        zeile,
                        f"Der Link '{ziel}' führt zu '{e.slug}', und das ist {grund}. In der "
                        f"{ausgabe.name_dativ} fehlt die Seite, der Link ginge ins Leere. Entfernen Sie den "
                        f"Link oder geben Sie '{e.slug}' zuerst frei.",
                    )
                )
            elif rel in versteckt:
                meldungen.append(
                    fehler(
                        q.pfad,
                        zeile,
                        f"Der Link '{ziel}' führt zu einer Datei, die nur interne Einträge oder interne "
                        f"Materialien nennen. In der {ausgabe.name_dativ} wird sie nicht veröffentlicht, der "
                        "Link ginge ins Leere. Entfernen Sie den Link oder geben Sie die Datei frei.",
                    )
                )
    return meldungen


def _aufloesen(seite: str, ziel: str) -> str | None:
    """The docs-relative path a link target on ``seite`` names, or None for external links."""
    if _SCHEMA_RE.match(ziel) or ziel.startswith(("#", "//")):
        return None
    ziel = unquote(ziel.split("#", 1)[0].split("?", 1)[0])
    if not ziel:
        return None
    if ziel.startswith("/"):
        pfad = posixpath.normpath(ziel.lstrip("/"))
    else:
        pfad = posixpath.normpath(posixpath.join(posixpath.dirname(seite), ziel))
    return None if pfad.startswith("..") else pfad


def _links(q: Quelltext) -> Iterator[tuple[int, str]]:
    """(line, target) of every link in the body of ``q``, outside code."""
    for z in markdowntext.zeilen(*markdowntext.koerper(q.text)):
        if z.im_code or ("](" not in z.roh and "]:" not in z.roh and "=" not in z.roh):
            continue
        for muster in (_INLINE_RE, _DEFINITION_RE, _HTML_RE):
            for treffer in muster.finditer(z.ohne_code):
                yield z.nr, treffer.group(1)
