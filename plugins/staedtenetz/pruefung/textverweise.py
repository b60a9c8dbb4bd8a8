"""Wiki links in page bodies (``[[slug]]``, ``[[slug|Text]]``): found and checked before rendering.

The build renders them with the Markdown extension in ``ansichten/wikilinks.py``; this module
finds them in the *source* text, so ``staedtenetz pruefen`` reports a wrong slug exactly as the
build does, with file and line, without rendering anything. Both use :data:`WIKILINK_RE`.

What the scanner skips matches what Python-Markdown leaves alone: fenced code blocks and inline
code spans (both as :mod:`markdowntext` defines them), HTML comments and escaped brackets (a
backslash before ``[[``).

Linear in the size of the text: one pass over the lines.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from staedtenetz.inhalt import markdowntext
from staedtenetz.inhalt.frontmatter import Quelltext
from staedtenetz.inhalt.meldungen import Meldung, fehler, meinten_sie

if TYPE_CHECKING:
    from staedtenetz.inhalt.ausgabe import Ausgabe
    from staedtenetz.katalog.katalog import Eintrag, Katalog

#: ``[[slug]]`` or ``[[slug|Text]]``. The slug part takes anything but ``]``, ``|`` and line
#: breaks, so a mistyped ``[[Duisburg Marxloh]]`` is found and reported, not silently ignored.
WIKILINK_MUSTER = r"\[\[([^\]\|\n]+?)(?:\|([^\]\n]*))?\]\]"
WIKILINK_RE = re.compile(WIKILINK_MUSTER)

_KOMMENTAR_RE = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Textverweis:
    """The page ``von`` (docs-relative path) links to slug ``ziel`` in line ``zeile``."""

    von: str
    zeile: int
    ziel: str
    text: str | None  # the link text after ``|``, None for ``[[slug]]``


def finden(q: Quelltext) -> list[Textverweis]:
    """All wiki links in the body of ``q`` (the front matter is not searched)."""
    if not q.lesbar or "[[" not in q.text:
        return []
    koerper, erste_zeile = markdowntext.koerper(q.text)
    koerper = _KOMMENTAR_RE.sub(lambda k: "\n" * k.group(0).count("\n"), koerper)
    gefunden: list[Textverweis] = []
    for z in markdowntext.zeilen(koerper, erste_zeile):
        if z.im_code or "[[" not in z.ohne_code:
            continue
        for w in WIKILINK_RE.finditer(z.ohne_code):
            if w.start() and z.ohne_code[w.start() - 1] == "\\":
                continue  # \[[…]] is an escaped bracket, no link (Python-Markdown's escape wins)
            text = w.group(2)
            gefunden.append(Textverweis(q.pfad, z.nr, w.group(1).strip(), text.strip() if text and text.strip() else None))
    return gefunden


def aufloesen(katalog: Katalog) -> None:
    """Find the wiki links of every source, keep the resolvable ones in ``katalog.textverweise``
    and add an error to the source of each one that names no entry."""
    alle_slugs = sorted(katalog.eintraege)
    for q in katalog.quellen.values():
        for t in finden(q):
            if t.ziel in katalog.eintraege:
                katalog.textverweise.append(t)
            elif t.ziel not in katalog.fehlerhaft:  # else the target's own errors say it all
                q.meldungen.append(
                    fehler(
                        t.von,
                        t.zeile,
                        f"Der Verweis '[[{t.ziel}]]' führt ins Leere: Keine Seite hat die Kennung "
                        f"'{t.ziel}'.{meinten_sie(t.ziel, alle_slugs)} Die Kennung ist der Dateiname "
                        "ohne '.md'.",
                    )
                )


def einschraenken(katalog: Katalog, weg: dict[str, Eintrag], ausgabe: Ausgabe) -> list[Meldung]:
    """After entries ``weg`` left the edition: drop their own wiki links and report every
    remaining link to one of them (the link would be dead)."""
    from staedtenetz.inhalt.ausgabe import GRUND_TEXT

    weg_pfade = {e.pfad for e in weg.values()}
    behalten: list[Textverweis] = []
    neu: list[Meldung] = []
    for t in katalog.textverweise:
        if t.von in weg_pfade:
            continue
        if t.ziel in weg:
            grund = GRUND_TEXT[ausgabe.ausschlussgrund(weg[t.ziel].daten) or ""]
            m = fehler(
                t.von,
                t.zeile,
                f"Der Verweis '[[{t.ziel}]]' nennt einen Eintrag, der {grund} ist. In der "
                f"{ausgabe.name_dativ} fehlt er, der Verweis ginge ins Leere. Entfernen Sie den Verweis "
                f"oder geben Sie '{t.ziel}' zuerst frei.",
            )
            katalog.quellen[t.von].meldungen.append(m)
            neu.append(m)
            continue
        behalten.append(t)
    katalog.textverweise = behalten
    return neu


def nach_ziel(textverweise: Iterable[Textverweis]) -> dict[str, set[str]]:
    """slug -> paths of the pages that wiki-link to it."""
    index: dict[str, set[str]] = defaultdict(set)
    for t in textverweise:
        index[t.ziel].add(t.von)
    return index


# -- Markdown links to pages (``[text](../kommunen/essen.md)``) ------------------------------

LINK_RE = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)")
LINKDEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")


def seitenlink_aufloesen(von: str, ziel: str) -> str | None:
    """The docs-relative path of the ``.md`` page that link ``ziel`` on page ``von`` names, or
    None for links to anything else (addresses, anchors, files, folders)."""
    import posixpath
    from urllib.parse import unquote

    if re.match(r"^[a-z][a-z0-9+.-]*:", ziel, re.IGNORECASE) or ziel.startswith(("#", "//")):
        return None
    pfad = unquote(ziel.split("#")[0].split("?")[0])
    if not pfad.endswith(".md"):
        return None
    if pfad.startswith("/"):
        return posixpath.normpath(pfad.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(von), pfad))


def seitenlinks(q: Quelltext) -> list[tuple[int, str, str]]:
    """(line, link as written, docs-relative target) of every link to a ``.md`` page in the
    text of ``q`` (code and HTML comments left out)."""
    if ".md" not in q.text:
        return []
    text, erste = markdowntext.koerper(_KOMMENTAR_RE.sub(lambda m: "\n" * m.group(0).count("\n"), q.text))
    funde = []
    for z in markdowntext.zeilen(text, erste):
        if z.im_code or ".md" not in z.ohne_code:
            continue
        for m in [*LINK_RE.finditer(z.ohne_code), *LINKDEFINITION_RE.finditer(z.ohne_code)]:
            ziel = seitenlink_aufloesen(q.pfad, m.group(1))
            if ziel is not None:
                funde.append((z.nr, m.group(1), ziel))
    return funde


def seitenlinks_pruefen(katalog: Katalog) -> None:
    """An error on every link to a ``.md`` page that does not exist (deleted, renamed or
    mistyped): the build would publish a dead link. Same for pruefen and the build."""
    vorhanden = set(katalog.quellen)
    for q in katalog.quellen.values():
        for zeile, roh, ziel in seitenlinks(q):
            if ziel not in vorhanden:
                q.meldungen.append(
                    fehler(
                        q.pfad,
                        zeile,
                        f"Der Link '{roh}' führt ins Leere: Die Seite '{ziel}' gibt es nicht (gelöscht, umbenannt "
                        f"oder vertippt).{meinten_sie(ziel, vorhanden)} Passen Sie den Link an oder entfernen Sie ihn.",
                    )
                )
