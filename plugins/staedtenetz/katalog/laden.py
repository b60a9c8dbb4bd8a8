"""Finding and reading the Markdown sources of a docs folder – shared by build and CLI."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import replace
from collections.abc import Iterable, Iterator
from pathlib import Path

from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.inhalt.frontmatter import Quelltext, lesen
from staedtenetz.inhalt.meldungen import Meldung, fehler
from staedtenetz.katalog import abfrage
from staedtenetz.katalog.katalog import Katalog, Pruefspeicher
from staedtenetz.pruefung import sichtbarkeit


def alle_dateien(docs_dir: Path) -> Iterator[str]:
    """Docs-relative POSIX paths of all files, skipping hidden files and folders (as MkDocs'
    default ``exclude_docs`` does)."""
    for wurzel, ordner, dateien in os.walk(docs_dir):
        ordner[:] = sorted(o for o in ordner if not o.startswith("."))
        rel = Path(wurzel).relative_to(docs_dir).as_posix()
        for name in sorted(dateien):
            if not name.startswith("."):
                yield name if rel == "." else f"{rel}/{name}"


def markdown_dateien(docs_dir: Path) -> Iterator[str]:
    """Docs-relative POSIX paths of all Markdown files (``.md``)."""
    return (p for p in alle_dateien(docs_dir) if p.endswith(".md"))


#: Names people (and MkDocs) take for Markdown. Only ``.md`` is a page of this handbook: MkDocs
#: renders ``.markdown``/``.mkd``/… without the catalogue's checks, and copies ``.MD`` or
#: ``.md.txt`` verbatim – front matter, comments and all.
_FAST_MARKDOWN_RE = re.compile(r"^(.+?)\.(?:md|markdown|mdown|mkdn|mkd|mdwn|mdtxt|mdtext)(?:\.(?:txt|bak|tmp|orig))?$", re.IGNORECASE)


def endungen_pruefen(pfade: Iterable[str]) -> list[Meldung]:
    """An error for every file that looks like Markdown but is not named ``….md``."""
    meldungen = []
    for pfad in pfade:
        name = posixpath.basename(pfad)
        m = _FAST_MARKDOWN_RE.match(name)
        if m and not name.endswith(".md"):
            meldungen.append(
                fehler(
                    pfad,
                    1,
                    f"Die Datei '{name}' heißt nicht '….md': Sie wird nicht als Seite geprüft und "
                    f"{'ohne Prüfung als Seite gebaut' if _ist_mkdocs_seite(name) else 'unverändert (mit Front Matter) veröffentlicht'}. "
                    f"Benennen Sie sie in '{m.group(1)}.md' um.",
                )
            )
    return meldungen


def _ist_mkdocs_seite(name: str) -> bool:
    return name.endswith((".markdown", ".mdown", ".mkdn", ".mkd"))


def quellen_lesen(docs_dir: Path, pfade: Iterable[str]) -> Iterator[Quelltext]:
    for pfad in pfade:
        yield lesen(pfad, (docs_dir / pfad).read_bytes())


def katalog_laden(docs_dir: Path, ausgabe: Ausgabe | None = None, materialien_max_mb: float | None = None) -> Katalog:
    """Read and check every Markdown file below ``docs_dir`` (see :func:`katalog_pruefen`)."""
    return katalog_pruefen(quellen_lesen(docs_dir, markdown_dateien(docs_dir)), docs_dir, ausgabe, materialien_max_mb)


def katalog_pruefen(
    quellen: Iterable[Quelltext],
    docs_dir: Path,
    ausgabe: Ausgabe | None,
    materialien_max_mb: float | None = None,
    pruefspeicher: Pruefspeicher | None = None,
) -> Katalog:
    """The one checking sequence of build and CLI: validate and relate all sources; with
    ``ausgabe``, keep only the entries that edition shows (and report references to the others);
    check material files and links into hidden content (``sichtbarkeit.pruefen``); check the
    query blocks and evaluate them against the entries of the edition (``abfrage.aufloesen``).
    ``pruefspeicher`` keeps per-file results across the rebuilds of the live preview."""
    katalog = Katalog.aufbauen(quellen, pruefspeicher)
    falsch = endungen_pruefen(alle_dateien(docs_dir)) if docs_dir.is_dir() else []
    if falsch:
        katalog.meldungen = sorted([*katalog.meldungen, *falsch])
    if ausgabe is not None:
        katalog.einschraenken(ausgabe)
    sichtbarkeit.pruefen(katalog, docs_dir, ausgabe, materialien_max_mb)
    abfrage.aufloesen(katalog, ausgabe)
    return katalog


class Lesespeicher:
    """Sources read in an earlier build, by path and content fingerprint: the live preview
    parses only files whose bytes changed. Each call returns a fresh copy, because building the
    catalogue adds messages to a source."""

    def __init__(self) -> None:
        self._quellen: dict[str, tuple[str, Quelltext]] = {}

    def lesen(self, pfad: str, roh: bytes, schluessel: str) -> tuple[Quelltext, bool]:
        """The source at ``pfad`` with bytes ``roh`` (fingerprint ``schluessel``), and whether it
        had to be parsed."""
        alt = self._quellen.get(pfad)
        if alt is not None and alt[0] == schluessel:
            return _kopie(alt[1]), False
        q = lesen(pfad, roh)
        self._quellen[pfad] = (schluessel, _kopie(q))
        return q, True

    def behalten(self, pfade: Iterable[str]) -> None:
        """Forget every path not in ``pfade`` (deleted files)."""
        bleiben = set(pfade)
        for pfad in [p for p in self._quellen if p not in bleiben]:
            del self._quellen[pfad]


def _kopie(q: Quelltext) -> Quelltext:
    # Front matter data and line numbers are only read later; the messages list grows.
    return replace(q, meldungen=list(q.meldungen))
