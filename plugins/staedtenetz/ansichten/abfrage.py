"""Query blocks rendered: a table, a list or a count, in place of the ```abfrage block.

The catalogue has found, checked and evaluated every block (``katalog/abfrage.py``); this module
turns an :class:`~staedtenetz.katalog.abfrage.Ergebnis` into HTML. Cells show a field the way
the fact box does (``steckbrief.feldinhalt``: German dates and amounts, links, state labels).
Every value goes through the HTML builder, which escapes it.

:class:`AbfrageErweiterung` is the Python-Markdown hook: a preprocessor that runs before the
fenced-code preprocessors, finds the blocks with the same scanner as the catalogue
(``markdowntext.codebloecke``) and puts the rendered HTML in their place (through Markdown's
HTML stash, so it also works inside admonitions and lists).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from staedtenetz.inhalt import formate, markdowntext
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.katalog import abfrage as ka
from staedtenetz.katalog.katalog import Eintrag, Katalog
from .html import OHNE_SUCHE, Html, el, verbinden
from .kontext import Verlinker
from .steckbrief import feldinhalt, feldtitel

#: Before the fenced-code preprocessors (25) and after whitespace normalisation (30).
PRIORITAET = 28


def html(erg: ka.Ergebnis, v: Verlinker) -> Html:
    a = erg.abfrage
    klasse = f"staedtenetz-abfrage staedtenetz-abfrage--{a.anzeige}"
    if a.anzeige == "anzahl":
        return el("p", {"class": klasse}, anzahl_text(erg))
    if not erg.treffer:
        return el("p", {"class": f"{klasse} staedtenetz-abfrage--leer"}, "Zurzeit gibt es keine passenden Einträge.")
    if a.anzeige == "liste":
        inhalt = el("ul", None, [el("li", None, _listenpunkt(e, a.spalten, v)) for e in erg.treffer])
    else:
        kopf = el("tr", None, [el("th", {"scope": "col"}, spaltentitel(a.typen, s)) for s in a.spalten])
        zeilen = [el("tr", None, [el("td", None, zelle(e, s, v)) for s in a.spalten]) for e in erg.treffer]
        inhalt = el("table", {"data-tabelle": "abfrage"}, el("thead", None, kopf), el("tbody", None, zeilen))
    mehr = None
    if erg.gesamt > len(erg.treffer):
        mehr = el("p", {"class": "staedtenetz-abfrage__mehr"}, f"Gezeigt: {formate.zahl(len(erg.treffer))} von {formate.zahl(erg.gesamt)}.")
    return el("div", {"class": klasse, **OHNE_SUCHE}, inhalt, mehr)


def anzahl_text(erg: ka.Ergebnis) -> str:
    """``14 Praxisbeispiele in 9 Kommunen`` · ``1 Förderprogramm`` · ``3 Einträge``, or the
    query's ``text`` with these parts in place of ``{anzahl}`` and ``{verteilung}``."""
    a = erg.abfrage
    teile = {"anzahl": _menge(erg.gesamt, *(TYP_BEZEICHNUNG[a.typen[0]][:2] if len(a.typen) == 1 else ("Eintrag", "Einträge")))}
    if a.verteilt_auf is not None and erg.verteilung is not None:
        singular, plural = TYP_BEZEICHNUNG[a.verteilt_auf.ziel or ""][:2]
        teile["verteilung"] = _menge(erg.verteilung, singular, ka.dativ_plural(plural))
    if a.text is None:
        return " in ".join(teile.values())
    return ka.PLATZHALTER_RE.sub(lambda m: teile[m.group(1)], a.text)


def _menge(n: int, singular: str, plural: str) -> str:
    return f"{formate.zahl(n)} {singular if n == 1 else plural}"


def spaltentitel(typen: tuple[str, ...], spalte: str) -> str:
    if spalte == "typ":
        return "Typ"
    return feldtitel(typen[0], spalte)


def zelle(e: Eintrag, spalte: str, v: Verlinker) -> Any:
    """A cell: the title links to the entry, every other field as in the fact box."""
    if spalte == "title":
        return v.link(e.slug)
    inhalt = feldinhalt(e, spalte, v, kompakt=True)
    return "–" if inhalt is None else inhalt


def _listenpunkt(e: Eintrag, spalten: tuple[str, ...], v: Verlinker) -> list:
    teile: list = [v.link(e.slug)]
    werte = [zelle(e, s, v) for s in spalten if s != "title"]
    werte = [w for w in werte if w != "–"]
    if werte:
        teile += [" – ", verbinden(werte, " · ")]
    return teile


def fehlerhinweis() -> Html:
    """In place of a block with errors (only the live preview renders such pages)."""
    return el(
        "p",
        {"class": "staedtenetz-abfrage staedtenetz-abfrage--fehler"},
        "Diese Abfrage hat Fehler (siehe den Kasten oben auf der Seite) und wird erst angezeigt, wenn sie behoben sind.",
    )


#: block text -> its HTML, or None to leave the block as code
Rendern = Callable[[str], "str | None"]


def renderer(katalog: Katalog, v: Verlinker, pfad: str) -> Rendern:
    """Block text -> HTML for the query blocks of the page ``pfad``, from the catalogue's results."""

    gefunden: dict[str, ka.Auswertung] = {}
    for a in reversed(katalog.abfragen.get(pfad, [])):  # the first of equal blocks wins
        gefunden[a.block.text] = a

    def rendern(text: str) -> str:
        a = gefunden.get(text) or ka.auswerten_text(katalog, pfad, text)
        return html(a.ergebnis, v) if a.ergebnis is not None else fehlerhinweis()

    return rendern


class _Vorverarbeitung(Preprocessor):
    def __init__(self, md: Markdown, rendern: Callable[[], Rendern | None]) -> None:
        super().__init__(md)
        self.rendern = rendern

    def run(self, lines: list[str]) -> list[str]:
        rendern = self.rendern()
        if rendern is None or not any(ka.SPRACHE in z for z in lines):
            return lines
        bloecke = [b for b in markdowntext.codebloecke(lines) if ka.ist_abfrage(b.info)]
        for b in reversed(bloecke):  # from the end: earlier indices stay valid
            ergebnis = rendern(ka.inhalt(lines, b))
            if ergebnis is None:
                continue
            platzhalter = self.md.htmlStash.store(ergebnis)
            lines[b.start : b.ende + 1] = ["", b.einrueckung + platzhalter, ""]
        return lines


class AbfrageErweiterung(Extension):
    """Add an instance to ``config.markdown_extensions``; set :attr:`rendern` before each page
    (the plugin does this in ``on_page_markdown``). Without it, blocks stay code."""

    def __init__(self) -> None:
        super().__init__()
        self.rendern: Rendern | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown API)
        md.preprocessors.register(_Vorverarbeitung(md, lambda: self.rendern), "staedtenetz-abfrage", PRIORITAET)
