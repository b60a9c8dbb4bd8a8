"""Messages about content: one problem at one place, in German, for people.

A :class:`Meldung` names the file (relative to the docs folder), the line of the offending key,
its level (``fehler`` or ``warnung``) and a text that says what is wrong and what to write
instead. The same objects feed the build log, ``staedtenetz pruefen`` and the maintainers'
report.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Stufe = Literal["fehler", "warnung"]


@dataclass(frozen=True, order=True)
class Meldung:
    pfad: str
    zeile: int
    stufe: Stufe
    text: str

    def als_zeile(self, pfad: str | None = None) -> str:
        """``PFAD:ZEILE: fehler: TEXT`` – the format of ``staedtenetz pruefen``."""
        return f"{pfad or self.pfad}:{self.zeile}: {self.stufe}: {self.text}"

    @property
    def ist_fehler(self) -> bool:
        return self.stufe == "fehler"


def fehler(pfad: str, zeile: int, text: str) -> Meldung:
    return Meldung(pfad, zeile, "fehler", text)


def warnung(pfad: str, zeile: int, text: str) -> Meldung:
    return Meldung(pfad, zeile, "warnung", text)


def feldname(pfad: tuple[str | int, ...]) -> str:
    """A key path as people read it: ``('quellen', 0, 'url')`` -> ``quellen, 1. Eintrag, url``
    (positions count from 1)."""
    teile: list[str] = []
    for t in pfad:
        if isinstance(t, int):
            teile.append(f", {t + 1}. Eintrag")
        else:
            teile.append(f", {t}" if teile and teile[-1].endswith("Eintrag") else (f".{t}" if teile else str(t)))
    return "".join(teile)


def aehnlichstes(wort: str, moeglich: Iterable[str]) -> str | None:
    """The closest candidate to ``wort``, or None when nothing is reasonably close."""
    kandidaten = list(moeglich)
    treffer = difflib.get_close_matches(wort, kandidaten, n=1, cutoff=0.6)
    if treffer:
        return treffer[0]
    # Prefix matches catch shortened slugs ("duisburg" for "duisburg-marxloh").
    praefix = sorted(k for k in kandidaten if k.startswith(wort) or wort.startswith(k))
    return praefix[0] if praefix else None


def meinten_sie(wort: str, moeglich: Iterable[str]) -> str:
    """`` Meinten Sie 'x'?`` or the empty string."""
    vorschlag = aehnlichstes(wort, moeglich)
    return f" Meinten Sie '{vorschlag}'?" if vorschlag else ""


def zusammenfassung(meldungen: Iterable[Meldung], dateien: int) -> str:
    meldungen = list(meldungen)
    f = sum(m.ist_fehler for m in meldungen)
    w = len(meldungen) - f
    teile = [f"{f} Fehler", f"{w} Warnung" + ("" if w == 1 else "en")]
    return f"{', '.join(teile)} in {dateien} Datei{'' if dateien == 1 else 'en'}."
