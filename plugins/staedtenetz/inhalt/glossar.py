"""The glossary of abbreviations (``includes/abkuerzungen.md``) for the tooltips on every page.

The file has one definition a line in Python-Markdown's abbreviation syntax,
``*[Begriff]: Kurzerklärung``. It used to be appended to every page's Markdown
(``pymdownx.snippets`` ``auto_append``), so each page parsed the whole file again – the largest
single cost of the build. Now it is read once and handed to the ``abbr`` extension's
``glossary`` option: the same ``<abbr title="…">`` on the same words, at a fraction of the cost.

Knows nothing of MkDocs. The file is content (untrusted): a line that is not a definition is an
error with its line number, never silently dropped; the texts are escaped by Python-Markdown
when it writes the ``title`` attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Python-Markdown's own pattern for a definition (markdown.extensions.abbr.AbbrBlockprocessor.RE).
_DEFINITION = re.compile(r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$")
_KOMMENTAR = re.compile(r"^\s*<!--.*-->\s*$")


@dataclass(frozen=True)
class GlossarFehler(Exception):
    datei: str
    zeile: int
    text: str

    def __str__(self) -> str:
        return f"{self.datei}, Zeile {self.zeile}: {self.text}"


def lesen(pfad: Path, anzeige: str | None = None) -> dict[str, str]:
    """Term -> short explanation, in the file's order. Raises :class:`GlossarFehler`."""
    name = anzeige or pfad.as_posix()
    try:
        inhalt = pfad.read_bytes()
    except FileNotFoundError:
        raise GlossarFehler(name, 0, "Die Glossardatei fehlt. Legen Sie sie an oder passen Sie 'glossar' in mkdocs.yml an.") from None
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError as fehler:
        zeile = inhalt[: fehler.start].count(b"\n") + 1
        raise GlossarFehler(name, zeile, "Die Datei ist nicht UTF-8-kodiert. Speichern Sie sie als UTF-8.") from None
    return aus_text(text, name)


def aus_text(text: str, name: str = "Glossar") -> dict[str, str]:
    glossar: dict[str, str] = {}
    for nr, zeile in enumerate(text.splitlines(), start=1):
        if not zeile.strip() or _KOMMENTAR.match(zeile):
            continue
        m = _DEFINITION.match(zeile)
        if m is None or not m.group("abbr").strip():
            raise GlossarFehler(name, nr, f"Keine Abkürzung: {zeile.strip()[:60]!r}. Schreiben Sie: *[Begriff]: Kurzerklärung")
        begriff, erklaerung = m.group("abbr").strip(), m.group("title").strip()
        if not erklaerung:
            raise GlossarFehler(name, nr, f"'{begriff}' hat keine Kurzerklärung. Schreiben Sie: *[{begriff}]: Kurzerklärung")
        if begriff in glossar:
            raise GlossarFehler(name, nr, f"'{begriff}' steht zweimal in der Datei. Löschen Sie eine der Zeilen.")
        glossar[begriff] = erklaerung
    return glossar
