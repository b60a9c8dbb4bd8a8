"""Revision dates from git: one ``git log`` for the whole docs folder instead of one per page.

Also tells whether there is a history at all (a ZIP download has none) and whether the clone
is shallow (then the dates are wrong: CI must fetch the full history).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

Zustand = str  # "ok" | "ohne-git" | "flach"


def _git(cwd: Path, *args: str) -> str | None:
    try:
        r = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except (FileNotFoundError, NotADirectoryError):
        return None
    return r.stdout if r.returncode == 0 else None


@dataclass
class Revisionsdaten:
    """Last-change date of every file below ``docs_dir``, read from git once."""

    docs_dir: Path
    zustand: Zustand = "ohne-git"
    _daten: dict[Path, dt.date] = field(default_factory=dict)
    _erstmals: dict[Path, dt.date] = field(default_factory=dict)  # date of the first commit
    # Path.resolve() is a system call per path component; a build asks about each page three times.
    _aufgeloest: dict[str, Path] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def lesen(cls, docs_dir: Path) -> Revisionsdaten:
        docs_dir = docs_dir.resolve()
        r = cls(docs_dir)
        top = _git(docs_dir, "rev-parse", "--show-toplevel")
        if top is None:
            return r
        wurzel = Path(top.strip())
        r.zustand = "flach" if (_git(docs_dir, "rev-parse", "--is-shallow-repository") or "").strip() == "true" else "ok"
        log = _git(wurzel, "log", "--format=@@%cs", "--name-only", "--no-renames", "--", str(docs_dir)) or ""
        datum: dt.date | None = None
        for zeile in log.splitlines():
            if zeile.startswith("@@"):
                datum = dt.date.fromisoformat(zeile[2:])
            elif zeile and datum is not None:
                r._daten.setdefault(wurzel / zeile, datum)  # newest commit comes first
                r._erstmals[wurzel / zeile] = datum  # ... and the oldest last
        return r

    def stand(self) -> tuple:
        """A value that changes whenever a date changes (a commit): for the live preview."""
        return (self.zustand, hash(frozenset(self._daten.items())), hash(frozenset(self._erstmals.items())))

    @property
    def vorhanden(self) -> bool:
        return self.zustand != "ohne-git"

    def datum(self, pfad: Path | str) -> dt.date | None:
        """Date of the last commit that changed ``pfad``; None if never committed."""
        return self._daten.get(self._aufloesen(pfad))

    def erstmals(self, pfad: Path | str) -> dt.date | None:
        """Date of the first commit that added ``pfad`` (under its current name); None if never committed."""
        return self._erstmals.get(self._aufloesen(pfad))

    def _aufloesen(self, pfad: Path | str) -> Path:
        schluessel = str(pfad)
        aufgeloest = self._aufgeloest.get(schluessel)
        if aufgeloest is None:
            aufgeloest = self._aufgeloest[schluessel] = Path(pfad).resolve()
        return aufgeloest

    def unter(self, docs_dir: Path | str) -> dict[str, tuple[dt.date, dt.date]]:
        """Docs-relative POSIX path -> (date of the last, date of the first commit) of every
        committed file below ``docs_dir``: one pass, no file-system call per file."""
        basis = Path(docs_dir).resolve()
        ergebnis: dict[str, tuple[dt.date, dt.date]] = {}
        for pfad, datum in self._daten.items():
            try:
                rel = pfad.relative_to(basis).as_posix()
            except ValueError:
                continue
            ergebnis[rel] = (datum, self._erstmals.get(pfad, datum))
        return ergebnis

    # The interface of mkdocs-git-revision-date-plugin's Util, so that plugin can use us
    # instead of starting one git process per page.
    def get_revision_date_for_file(self, path: str) -> str:
        d = (self.datum(path) if path else None) or dt.date.today()  # not yet committed: changed today
        return d.isoformat()
