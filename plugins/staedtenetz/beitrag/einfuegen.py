"""Placing a contributed entry and its files in ``docs/``, only if it passes ``pruefen``'s checks.

The same checking sequence as ``staedtenetz pruefen`` (``katalog.laden.katalog_pruefen``) runs
over the whole handbook with the new entry in it: first in memory (front matter, references,
text), then with the files in place (materials and photos: type by content, size, names, links).
If the new entry has an error, every file written is removed again and the messages are returned.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.inhalt.frontmatter import Quelltext, lesen
from staedtenetz.inhalt.meldungen import Meldung
from staedtenetz.katalog.katalog import Katalog
from staedtenetz.katalog.laden import katalog_pruefen, markdown_dateien, quellen_lesen


class Belegt(Exception):
    """A file of the entry exists already; the German text says which."""


@dataclass
class Ergebnis:
    geschrieben: bool
    meldungen: list[Meldung]  # messages about the new entry (errors and warnings)
    quelle: Quelltext  # the new source as read (line numbers for mapping messages back)

    @property
    def fehler(self) -> list[Meldung]:
        return [m for m in self.meldungen if m.ist_fehler]


def quellen(docs: Path, ausser: str) -> list[Quelltext]:
    return list(quellen_lesen(docs, (p for p in markdown_dateien(docs) if p != ausser)))


def einfuegen(
    docs: Path,
    pfad: str,
    text: str,
    dateien: dict[str, Path],
    *,
    ausgabe: Ausgabe | None = None,
    max_mb: float | None = None,
    ersetzen: bool = False,
) -> Ergebnis:
    """Write ``text`` to ``docs/pfad`` and copy ``dateien`` (docs-relative target -> source), if
    the entry then passes the checks; otherwise write nothing and return the messages."""
    ziele = [pfad, *dateien]
    if not ersetzen:
        belegt = [z for z in ziele if (docs / z).exists() or (docs / z).is_symlink()]
        if belegt:
            raise Belegt(
                "Im Handbuch gibt es schon " + ", ".join(f"'docs/{b}'" for b in belegt) + ". Wählen Sie mit "
                "--kennung eine andere Kennung oder ersetzen Sie den Eintrag ausdrücklich mit --ersetzen."
            )
    andere = quellen(docs, pfad)
    neu = lesen(pfad, text.encode("utf-8"))
    vorab = Katalog.aufbauen([*andere, neu])
    meldungen = [m for m in vorab.meldungen if m.pfad == pfad]
    if any(m.ist_fehler for m in meldungen):
        return Ergebnis(False, meldungen, neu)

    gesichert: dict[str, bytes] = {}
    angelegt: list[Path] = []
    try:
        for ziel in ziele:
            voll = docs / ziel
            if voll.is_file() and not voll.is_symlink():
                gesichert[ziel] = voll.read_bytes()
            for ordner in reversed([p for p in voll.parents if p != docs and docs in p.parents]):
                if not ordner.exists():
                    ordner.mkdir()
                    angelegt.append(ordner)
        (docs / pfad).write_text(text, encoding="utf-8")
        for ziel, quelle in dateien.items():
            shutil.copyfile(quelle, docs / ziel)
        neu = lesen(pfad, text.encode("utf-8"))
        katalog = katalog_pruefen([*andere, neu], docs, ausgabe or Ausgabe(), max_mb)
        meldungen = [m for m in katalog.meldungen if m.pfad == pfad]
        if any(m.ist_fehler for m in meldungen):
            raise _Zurueck()
        return Ergebnis(True, meldungen, neu)
    except _Zurueck:
        _zuruecknehmen(docs, ziele, gesichert, angelegt)
        return Ergebnis(False, meldungen, neu)
    except BaseException:
        _zuruecknehmen(docs, ziele, gesichert, angelegt)
        raise


class _Zurueck(Exception):
    pass


def _zuruecknehmen(docs: Path, ziele: list[str], gesichert: dict[str, bytes], angelegt: list[Path]) -> None:
    for ziel in ziele:
        voll = docs / ziel
        if ziel in gesichert:
            voll.write_bytes(gesichert[ziel])
        elif voll.is_file():
            voll.unlink()
    for ordner in reversed(angelegt):
        try:
            ordner.rmdir()
        except OSError:
            pass
