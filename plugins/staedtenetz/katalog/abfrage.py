"""Query blocks in page text: a list of entries the catalogue fills in at every build.

An editor writes, anywhere in a page::

    ```abfrage
    typ: foerderprogramm
    handlungsfelder: bildung
    programmstatus: [laufend, geschlossen]
    sortierung: -stand
    anzahl: 10
    anzeige: tabelle
    spalten: [title, foerdergeber, programmstatus, stand]
    ```

A fenced block reads well in a plain editor and GitHub's preview shows it as code. This module
finds the blocks in the *source* of every page (so ``staedtenetz pruefen`` and the build report
the same problems, at the same lines), checks them against the content model – the model in
``inhalt/modell.py`` is the only source of field names, allowed values and reference targets –
and evaluates them against the catalogue of the edition being built (after
``Katalog.einschraenken``: a query never sees an entry the edition leaves out). The views
(``ansichten/abfrage.py``) only render the :class:`Ergebnis`.

Keys of a block:

- ``typ`` (required): one entry type or a list of types.
- ``anzeige``: ``tabelle`` (default), ``liste`` or ``anzahl``.
- ``spalten``: model fields shown as columns (table) or after the title (list).
- ``sortierung``: a field or a list of fields, ``-`` before a field sorts descending.
- ``anzahl``: at most this many entries.
- ``verteilt_auf``: with ``anzeige: anzahl``, a reference field whose distinct targets are
  counted too ("14 Praxisbeispiele in 9 Kommunen").
- ``text``: with ``anzeige: anzahl``, a sentence with ``{anzahl}`` and ``{verteilung}``, which
  become the counts with their nouns ("Das Handbuch beschreibt {anzahl} aus {verteilung}.").
- every other key is a filter on a model field (``laufzeit.von`` for fields of a part). A list
  of values means "one of them"; several filters must all hold. Dates, years and numbers take a
  range: ``2024``, ``ab 2020``, ``bis 2023-06-30``, ``2019 bis 2024``. Archived entries are left
  out unless the query filters on ``status``.

Values are read as the text the editor wrote (YAML's node values, never its type guesses: ``no``
stays ``no``, ``2024-01-01`` stays a text until this module reads it as a date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

import types

import yaml
from pydantic import BaseModel

from staedtenetz.inhalt import markdowntext
from staedtenetz.inhalt.meldungen import Meldung, fehler, meinten_sie, warnung
from staedtenetz.inhalt.modell import REFERENZEN, TYP_BEZEICHNUNG, TYPEN, Zeitraum

try:  # the same parser as the front matter
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

if TYPE_CHECKING:
    from staedtenetz.inhalt.ausgabe import Ausgabe
    from staedtenetz.inhalt.frontmatter import Quelltext
    from staedtenetz.katalog.katalog import Eintrag, Katalog

#: The info string of a query block: ```abfrage
SPRACHE = "abfrage"
ANZEIGEN = ("tabelle", "liste", "anzahl")
STEUERUNG = ("typ", "anzeige", "spalten", "sortierung", "anzahl", "verteilt_auf", "text")
#: Placeholders of ``text`` (with ``anzeige: anzahl``): the count with its noun, e.g. "14 Praxisbeispiele".
PLATZHALTER = ("anzahl", "verteilung")
PLATZHALTER_RE = re.compile(r"\{([^{}]*)\}")
MAX_ZEICHEN = 4000  # a real query is a few lines; the block is untrusted input
MAX_ANZAHL = 1000
MAX_JE_SEITE = 50  # each block costs a pass over the catalogue; a page needs a handful

#: Fields that are no content to query: Material's page settings and the lists of parts.
_NICHT_ABFRAGBAR = frozenset({"typ", "hide", "search", "materialien", "bilder", "quellen"})

#: Columns when a table names none: the title and what tells entries of the type apart.
STANDARD_SPALTEN: dict[str, tuple[str, ...]] = {
    "kommune": ("title", "stand"),
    "programmgebiet": ("title", "kommune", "zustand"),
    "handlungsfeld": ("title", "art"),
    "foerderprogramm": ("title", "foerdergeber", "programmstatus", "stand"),
    "praxisbeispiel": ("title", "kommune", "handlungsfelder", "laufzeit"),
    "vorlage": ("title", "handlungsfelder"),
    "leitfaden": ("title", "handlungsfelder"),
}
assert set(STANDARD_SPALTEN) == set(TYPEN)


# -- the fields of the model ---------------------------------------------------------------

Art = Literal["auswahl", "verweis", "datum", "zeitpunkt", "zahl", "zeitraum", "text"]


@dataclass(frozen=True)
class Feld:
    """A field of an entry type as a query sees it; ``name`` is a path (``laufzeit.von``)."""

    name: str
    art: Art
    liste: bool = False
    werte: tuple[str, ...] = ()  # auswahl: the allowed values, in the model's order
    ziel: str | None = None  # verweis: the entry type referred to

    def wert(self, daten: Any) -> Any:
        for teil in self.name.split("."):
            if daten is None:
                return None
            daten = getattr(daten, teil, None)
        return daten


def _ohne_annotated(t: Any) -> Any:
    while get_origin(t) is Annotated:
        t = get_args(t)[0]
    return t


def _art(t: Any) -> tuple[Art | None, bool, tuple[str, ...], type[BaseModel] | None]:
    """(kind, is a list, allowed values, part model) of an annotation; kind None: not queryable."""
    t = _ohne_annotated(t)
    herkunft = get_origin(t)
    if herkunft in (Union, types.UnionType):
        teile = [_ohne_annotated(a) for a in get_args(t) if a is not type(None)]
        if set(teile) == {int, dt.date}:
            return "zeitpunkt", False, (), None  # a year or a date (Zeitraum.von/bis)
        if len(teile) == 1:
            return _art(teile[0])
        return None, False, (), None
    if herkunft is list:
        art, _, werte, teil = _art(get_args(t)[0])
        return (art, True, werte, None) if teil is None else (None, True, (), None)
    if herkunft is Literal:
        return "auswahl", False, tuple(get_args(t)), None
    if t is dt.date:
        return "datum", False, (), None
    if t in (int, float):
        return "zahl", False, (), None
    if t is str:
        return "text", False, (), None
    if isinstance(t, type) and issubclass(t, BaseModel):
        return ("zeitraum" if t is Zeitraum else None), False, (), t
    return None, False, (), None


@lru_cache(maxsize=None)
def felder(typ: str) -> dict[str, Feld]:
    """Every queryable field of ``typ``, derived from the content model."""
    ergebnis: dict[str, Feld] = {}
    for name, info in TYPEN[typ].model_fields.items():
        if name in _NICHT_ABFRAGBAR:
            continue
        if name in REFERENZEN[typ]:
            ziel, liste = REFERENZEN[typ][name]
            ergebnis[name] = Feld(name, "verweis", liste, ziel=ziel)
            continue
        art, liste, werte, teil = _art(info.annotation)
        if art is not None:
            ergebnis[name] = Feld(name, art, liste, werte)
        if teil is not None:
            for unter, uinfo in teil.model_fields.items():
                uart, uliste, uwerte, uteil = _art(uinfo.annotation)
                if uart is not None and uteil is None:
                    ergebnis[f"{name}.{unter}"] = Feld(f"{name}.{unter}", uart, uliste, uwerte)
    return ergebnis


@lru_cache(maxsize=None)
def spalten(typ: str) -> tuple[str, ...]:
    """The fields a table may show for ``typ``: its top-level fields (the fact box shows them)."""
    return tuple(n for n in TYPEN[typ].model_fields if n not in _NICHT_ABFRAGBAR - {"typ"})


# -- finding blocks ------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One ```abfrage block in the source of page ``pfad``."""

    pfad: str
    zeile: int  # line of the opening fence in the file
    text: str  # the lines between the fences, without the fence's indentation
    geschlossen: bool = True


def ist_abfrage(info: str) -> bool:
    return info.strip() == SPRACHE


def inhalt(zeilen: list[str], b: markdowntext.Codeblock) -> str:
    """The lines between the fences of ``b``, its indentation removed (as CommonMark does)."""
    n = len(b.einrueckung)
    innen = zeilen[b.start + 1 : b.ende]
    return "\n".join(z[n:] if z[:n].isspace() or not z[:n] else z.lstrip(" ") for z in innen)


def finden(q: Quelltext) -> list[Block]:
    """The query blocks in the body of ``q`` (not inside other code blocks)."""
    if not q.lesbar or SPRACHE not in q.text:
        return []
    koerper, erste = markdowntext.koerper(q.text)
    zeilen = koerper.split("\n")
    return [
        Block(q.pfad, erste + b.start, inhalt(zeilen, b), b.geschlossen)
        for b in markdowntext.codebloecke(zeilen)
        if ist_abfrage(b.info)
    ]


# -- reading and checking a block ----------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    feld: Feld
    zeile: int
    test: Callable[[Any], bool]
    werte: tuple[str, ...] = ()  # the values as written


@dataclass
class Abfrage:
    block: Block
    typen: tuple[str, ...]
    filter: list[Filter] = field(default_factory=list)
    sortierung: list[tuple[Feld, bool]] = field(default_factory=list)  # (field, descending)
    anzahl: int | None = None
    anzeige: str = "tabelle"
    spalten: tuple[str, ...] = ()
    verteilt_auf: Feld | None = None
    text: str | None = None
    mit_archiv: bool = False


@dataclass
class Ergebnis:
    abfrage: Abfrage
    treffer: list[Eintrag]  # what is shown (``anzahl`` applied)
    gesamt: int  # how many entries match
    verteilung: int | None = None  # distinct targets of ``verteilt_auf`` among all matches

    @property
    def erwaehnt(self) -> list[Eintrag]:
        """Entries the rendered block links to (a count links to none)."""
        return [] if self.abfrage.anzeige == "anzahl" else self.treffer


Wert = Union[str, list[str]]


class _Ungueltig(Exception):
    def __init__(self, zeile: int, text: str) -> None:
        self.zeile, self.text = zeile, text


def lesen(block: Block, katalog: Katalog) -> tuple[Abfrage | None, list[Meldung]]:
    """Check ``block`` against the model and the whole catalogue (both editions agree on what
    exists); the query, or None with the reasons."""
    meldungen: list[Meldung] = []

    def melden(zeile: int, text: str) -> None:
        meldungen.append(fehler(block.pfad, zeile, text))

    if not block.geschlossen:
        melden(block.zeile, "Der Abfrageblock wird nicht geschlossen. Schreiben Sie nach der letzten Zeile der Abfrage eine Zeile mit ```.")
        return None, meldungen
    if len(block.text) > MAX_ZEICHEN:
        melden(block.zeile, f"Die Abfrage ist länger als {MAX_ZEICHEN} Zeichen. Eine Abfrage braucht nur wenige Zeilen 'feld: wert'.")
        return None, meldungen
    try:
        schluessel = _yaml(block)
    except _Ungueltig as u:
        melden(u.zeile, u.text)
        return None, meldungen
    if "typ" not in schluessel:
        beispiel = ", ".join(TYPEN)
        melden(block.zeile, f"Die Abfrage nennt keinen Typ. Ergänzen Sie eine Zeile 'typ: …' mit einem von: {beispiel}.")
        return None, meldungen
    zeile_typ, typ_wert = schluessel["typ"]
    typen: list[str] = []
    for t in _als_liste(typ_wert):
        if t in TYPEN:
            typen.append(t)
        else:
            melden(zeile_typ, f"Den Typ '{t}' gibt es nicht.{meinten_sie(t, TYPEN)} Möglich sind: {', '.join(TYPEN)}.")
    if len(typen) != len(_als_liste(typ_wert)):
        return None, meldungen
    a = Abfrage(block, tuple(dict.fromkeys(typen)))
    gemeinsam = _gemeinsame_felder(a.typen)
    alle_namen = [*STEUERUNG, *gemeinsam]
    art_text = _typen_text(a.typen)

    def feld(name: str, zeile: int, wozu: str) -> Feld:
        if name in gemeinsam:
            return gemeinsam[name]
        if any(name in felder(t) for t in a.typen):  # exists for some of the types only
            ohne = [dativ_plural(TYP_BEZEICHNUNG[t][1]) for t in a.typen if name not in felder(t)]
            raise _Ungueltig(zeile, f"Das Feld '{name}' gibt es bei {', '.join(ohne)} nicht. {wozu} nur Felder, die alle genannten Typen haben.")
        raise _Ungueltig(zeile, f"Das Feld '{name}' gibt es bei {art_text} nicht.{meinten_sie(name, alle_namen)}")

    for name, (zeile, wert) in schluessel.items():
        try:
            if name == "typ":
                continue
            if name == "anzeige":
                a.anzeige = _auswahl(wert, ANZEIGEN, zeile, "anzeige")
            elif name == "anzahl":
                a.anzahl = _anzahl(wert, zeile)
            elif name == "sortierung":
                for s in _als_liste(wert):
                    absteigend = s.startswith("-")
                    f = feld(s[1:] if absteigend else s, zeile, "Sortieren lassen sich")
                    a.sortierung.append((f, absteigend))
            elif name == "spalten":
                a.spalten = tuple(_spalte(s, a.typen, zeile) for s in _als_liste(wert))
            elif name == "verteilt_auf":
                f = feld(_ein_wert(wert, zeile, name), zeile, "Zählen lassen sich")
                if f.art != "verweis":
                    raise _Ungueltig(zeile, f"'verteilt_auf' zählt Einträge, auf die verwiesen wird (z. B. 'kommune'); '{f.name}' ist kein solcher Verweis.")
                a.verteilt_auf = f
            elif name == "text":
                a.text = _satz(_ein_wert(wert, zeile, name), zeile)
            else:
                f = feld(name, zeile, "Filtern lassen sich")
                a.filter.append(Filter(f, zeile, _test(f, wert, zeile, katalog), tuple(_als_liste(wert))))
                if name == "status":
                    a.mit_archiv = True
        except _Ungueltig as u:
            melden(u.zeile, u.text)
    if a.anzeige == "anzahl" and "spalten" in schluessel:
        melden(schluessel["spalten"][0], "'spalten' gilt nur für 'anzeige: tabelle' oder 'anzeige: liste'. Entfernen Sie die Zeile.")
    if a.text is not None and a.anzeige != "anzahl":
        melden(schluessel["text"][0], "'text' gilt nur für 'anzeige: anzahl'. Ergänzen Sie die Zeile 'anzeige: anzahl' oder entfernen Sie 'text'.")
    elif a.text is not None and "{verteilung}" in a.text and a.verteilt_auf is None:
        melden(schluessel["text"][0], "'{verteilung}' braucht eine Zeile 'verteilt_auf: …' (z. B. 'verteilt_auf: kommune').")
    if a.verteilt_auf is not None and a.anzeige != "anzahl":
        melden(schluessel["verteilt_auf"][0], "'verteilt_auf' gilt nur für 'anzeige: anzahl'. Ergänzen Sie die Zeile 'anzeige: anzahl' oder entfernen Sie 'verteilt_auf'.")
    if meldungen:
        return None, meldungen
    if not a.spalten and a.anzeige == "tabelle":
        a.spalten = _standardspalten(a.typen)
    return a, meldungen


def _yaml(block: Block) -> dict[str, tuple[int, Wert]]:
    """key -> (line in the file, the value as written): a mapping of texts or lists of texts."""
    erste = block.zeile + 1
    try:
        wurzel = yaml.compose(block.text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        zeile = erste + (mark.line if mark else 0)
        raise _Ungueltig(
            zeile,
            f"Die Abfrage ist nicht lesbar ({(e.problem or e.context or 'unbekannt').strip()}). Jede Zeile hat die "
            "Form 'feld: wert', Listen schreiben Sie als [a, b]; Texte mit ': ' in Anführungszeichen.",
        ) from None
    except yaml.YAMLError:
        raise _Ungueltig(erste, "Die Abfrage ist nicht lesbar. Jede Zeile hat die Form 'feld: wert'.") from None
    if wurzel is None:
        raise _Ungueltig(block.zeile, "Die Abfrage ist leer. Schreiben Sie mindestens 'typ: …' hinein.")
    if not isinstance(wurzel, yaml.MappingNode):
        raise _Ungueltig(erste + wurzel.start_mark.line, "Die Abfrage besteht aus Zeilen der Form 'feld: wert', z. B. 'typ: praxisbeispiel'.")
    ergebnis: dict[str, tuple[int, Wert]] = {}
    for k, v in wurzel.value:
        zeile = erste + k.start_mark.line
        if not isinstance(k, yaml.ScalarNode):
            raise _Ungueltig(zeile, "Ein Feldname ist ein einfacher Text, z. B. 'typ'.")
        if k.value in ergebnis:
            raise _Ungueltig(zeile, f"Das Feld '{k.value}' steht doppelt (zuerst in Zeile {ergebnis[k.value][0]}). Löschen Sie eines der beiden.")
        if isinstance(v, yaml.ScalarNode):
            if v.value.strip() == "":
                raise _Ungueltig(zeile, f"'{k.value}' hat keinen Wert. Tragen Sie einen ein oder löschen Sie die Zeile.")
            ergebnis[k.value] = (zeile, v.value.strip())
        elif isinstance(v, yaml.SequenceNode) and v.value and all(isinstance(x, yaml.ScalarNode) for x in v.value):
            ergebnis[k.value] = (zeile, [x.value.strip() for x in v.value])
        else:
            raise _Ungueltig(zeile, f"'{k.value}' braucht einen Wert oder eine Liste von Werten, z. B. [a, b].")
    return ergebnis


def _als_liste(wert: Wert) -> list[str]:
    return wert if isinstance(wert, list) else [wert]


def _ein_wert(wert: Wert, zeile: int, name: str) -> str:
    if isinstance(wert, list):
        raise _Ungueltig(zeile, f"'{name}' nimmt nur einen Wert, keine Liste.")
    return wert


def _auswahl(wert: Wert, moeglich: Iterable[str], zeile: int, name: str) -> str:
    moeglich = tuple(moeglich)
    w = _ein_wert(wert, zeile, name)
    if w not in moeglich:
        raise _Ungueltig(zeile, f"'{w}' ist kein Wert für '{name}'.{meinten_sie(w, moeglich)} Möglich sind: {', '.join(moeglich)}.")
    return w


def _anzahl(wert: Wert, zeile: int) -> int:
    w = _ein_wert(wert, zeile, "anzahl")
    if not re.fullmatch(r"[0-9]+", w) or not 1 <= int(w) <= MAX_ANZAHL:
        raise _Ungueltig(zeile, f"'anzahl' ist eine ganze Zahl von 1 bis {MAX_ANZAHL}, nicht '{w}'.")
    return int(w)


def _satz(text: str, zeile: int) -> str:
    for m in PLATZHALTER_RE.finditer(text):
        if m.group(1) not in PLATZHALTER:
            raise _Ungueltig(
                zeile,
                f"Den Platzhalter '{{{m.group(1)}}}' gibt es nicht.{meinten_sie(m.group(1), PLATZHALTER)} "
                "Möglich sind: {anzahl} und {verteilung}.",
            )
    return text


def _spalte(name: str, typen: tuple[str, ...], zeile: int) -> str:
    erlaubt = [s for s in spalten(typen[0]) if all(s in spalten(t) for t in typen)]
    if name not in erlaubt:
        raise _Ungueltig(zeile, f"Eine Spalte '{name}' gibt es bei {_typen_text(typen)} nicht.{meinten_sie(name, erlaubt)} Möglich sind: {', '.join(erlaubt)}.")
    return name


def _standardspalten(typen: tuple[str, ...]) -> tuple[str, ...]:
    if len(typen) == 1:
        return STANDARD_SPALTEN[typen[0]]
    return ("title", "typ")


def _gemeinsame_felder(typen: tuple[str, ...]) -> dict[str, Feld]:
    erste = felder(typen[0])
    return {n: f for n, f in erste.items() if all(felder(t).get(n) == f for t in typen[1:])}


def _typen_text(typen: tuple[str, ...]) -> str:
    """'Praxisbeispielen' / 'Praxisbeispielen und Leitfäden' – after 'bei'."""
    namen = [dativ_plural(TYP_BEZEICHNUNG[t][1]) for t in typen]
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " und " + namen[-1]


def dativ_plural(plural: str) -> str:
    return plural if plural.endswith(("n", "s")) else plural + "n"


# -- filters -------------------------------------------------------------------------------

_AB_RE = re.compile(r"^ab\s+(\S+)$")
_BIS_RE = re.compile(r"^bis\s+(\S+)$")
_VON_BIS_RE = re.compile(r"^(\S+)\s+bis\s+(\S+)$")
_JAHR_RE = re.compile(r"^[0-9]{4}$")
_DATUM_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ZAHL_RE = re.compile(r"^-?[0-9]+(,[0-9]+)?$")

Grenze = Any  # a date or a number; None: open


def _test(f: Feld, wert: Wert, zeile: int, katalog: Katalog) -> Callable[[Any], bool]:
    """A test for the value of ``f`` in an entry's data."""
    werte = _als_liste(wert)
    if f.art == "auswahl":
        for w in werte:
            if w not in f.werte:
                raise _Ungueltig(zeile, f"'{w}' ist kein Wert von '{f.name}'.{meinten_sie(w, f.werte)} Möglich sind: {', '.join(f.werte)}.")
        return _menge(f, frozenset(werte))
    if f.art == "verweis":
        assert f.ziel is not None
        for w in werte:
            ziel = katalog.eintraege.get(w) or katalog.ausgeschlossen.get(w)
            if (ziel is None or ziel.typ != f.ziel) and w not in katalog.fehlerhaft:
                art = TYP_BEZEICHNUNG[f.ziel][0]
                vorhanden = _kennungen(katalog, f.ziel)
                raise _Ungueltig(zeile, f"'{f.name}: {w}' nennt keinen Eintrag vom Typ {art}: Keiner hat die Kennung '{w}'.{meinten_sie(w, vorhanden)} Die Kennung ist der Dateiname ohne '.md'.")
        return _menge(f, frozenset(werte))
    if f.art == "text":
        return _menge(f, frozenset(w.casefold() for w in werte), casefold=True)
    bereiche = [_bereich(w, f, zeile) for w in werte]
    return _in_bereich(f, bereiche)


def _kennungen(katalog: Katalog, typ: str) -> list[str]:
    """Slugs of all valid entries of ``typ``, in this edition or not: a query that names a
    draft is not wrong, it finds nothing until the draft is published."""
    return sorted(s for s, e in (*katalog.eintraege.items(), *katalog.ausgeschlossen.items()) if e.typ == typ)


def _menge(f: Feld, erlaubt: frozenset[str], casefold: bool = False) -> Callable[[Any], bool]:
    if f.liste:
        if casefold:
            return lambda daten: any(x.casefold() in erlaubt for x in f.wert(daten) or ())
        return lambda daten: not erlaubt.isdisjoint(f.wert(daten) or ())
    if casefold:
        return lambda daten: (w := f.wert(daten)) is not None and str(w).casefold() in erlaubt
    return lambda daten: f.wert(daten) in erlaubt


def _bereich(text: str, f: Feld, zeile: int) -> tuple[Grenze, Grenze]:
    """``2024`` · ``ab 2020`` · ``bis 2023-06-30`` · ``2019 bis 2024`` -> (lowest, highest)."""
    if m := _AB_RE.match(text):
        return _grenze(m.group(1), f, zeile)[0], None
    if m := _BIS_RE.match(text):
        return None, _grenze(m.group(1), f, zeile)[1]
    if m := _VON_BIS_RE.match(text):
        von, bis = _grenze(m.group(1), f, zeile)[0], _grenze(m.group(2), f, zeile)[1]
        if von > bis:
            raise _Ungueltig(zeile, f"Der Bereich '{text}' ist leer: Der Anfang liegt nach dem Ende.")
        return von, bis
    return _grenze(text, f, zeile)


def _grenze(text: str, f: Feld, zeile: int) -> tuple[Grenze, Grenze]:
    if f.art == "zahl":
        if _ZAHL_RE.match(text):
            zahl = float(text.replace(",", "."))
            return zahl, zahl
        raise _Ungueltig(
            zeile,
            f"'{text}' ist keine Zahl für '{f.name}'. Schreiben Sie Ziffern ohne Tausenderpunkt (60000, 2,5), "
            "auch als Bereich: 'ab 1000', 'bis 5000', '1000 bis 5000'.",
        )
    if _JAHR_RE.match(text):
        jahr = int(text)
        return dt.date(jahr, 1, 1), dt.date(jahr, 12, 31)
    if _DATUM_RE.match(text):
        try:
            d = dt.date.fromisoformat(text)
        except ValueError:
            raise _Ungueltig(zeile, f"'{text}' ist kein gültiges Datum. Schreiben Sie ein Datum, das es gibt, in der Form JJJJ-MM-TT.") from None
        return d, d
    raise _Ungueltig(
        zeile,
        f"'{text}' ist kein Jahr und kein Datum für '{f.name}'. Schreiben Sie 2024 oder 2024-06-30, "
        "auch als Bereich: 'ab 2020', 'bis 2023', '2019 bis 2024'.",
    )


def _spanne(f: Feld, w: Any) -> tuple[Grenze, Grenze] | None:
    """The value of an entry as (lowest, highest); a running Zeitraum has no end."""
    if w is None:
        return None
    if f.art == "zeitraum":
        von = _spanne_punkt(w.von)
        return von[0], (_spanne_punkt(w.bis)[1] if w.bis is not None else None)
    if f.art == "zahl":
        return w, w
    return _spanne_punkt(w)


def _spanne_punkt(w: int | dt.date) -> tuple[dt.date, dt.date]:
    if isinstance(w, int):
        return dt.date(w, 1, 1), dt.date(w, 12, 31)
    return w, w


def _in_bereich(f: Feld, bereiche: list[tuple[Grenze, Grenze]]) -> Callable[[Any], bool]:
    def test(daten: Any) -> bool:
        werte = f.wert(daten)
        for w in werte if f.liste else (werte,):
            s = _spanne(f, w)
            if s is None:
                continue
            for von, bis in bereiche:
                if (von is None or s[1] is None or s[1] >= von) and (bis is None or s[0] <= bis):
                    return True
        return False

    return test


# -- evaluating ----------------------------------------------------------------------------


@dataclass
class _Index:
    """The entries of the edition by type, sorted by title once per build."""

    katalog: Katalog
    nach_typ: dict[str, list[Eintrag]]
    titel: dict[str, str]  # slug -> casefolded title, all valid entries

    @classmethod
    def aufbauen(cls, katalog: Katalog) -> _Index:
        nach_typ: dict[str, list[Eintrag]] = defaultdict(list)
        for e in katalog.eintraege.values():
            nach_typ[e.typ].append(e)
        for liste in nach_typ.values():
            liste.sort(key=lambda e: (e.title.casefold(), e.slug))
        titel = {s: e.title.casefold() for s, e in (*katalog.ausgeschlossen.items(), *katalog.eintraege.items())}
        return cls(katalog, dict(nach_typ), titel)


def auswerten(a: Abfrage, index: _Index) -> Ergebnis:
    treffer: list[Eintrag] = []
    for e in _kandidaten(a, index):
        if not a.mit_archiv and e.daten.status == "archiviert":
            continue
        if all(f.test(e.daten) for f in a.filter):
            treffer.append(e)
    for f, absteigend in reversed(a.sortierung):
        treffer.sort(key=_sortierschluessel(f, absteigend, index), reverse=absteigend)
    verteilung = None
    if a.verteilt_auf is not None:
        ziele: set[str] = set()
        for e in treffer:
            w = a.verteilt_auf.wert(e.daten)
            ziele.update(w if a.verteilt_auf.liste else ([w] if w else []))
        verteilung = len(ziele)
    gezeigt = treffer[: a.anzahl] if a.anzahl is not None else treffer
    return Ergebnis(a, gezeigt, len(treffer), verteilung)


def _kandidaten(a: Abfrage, index: _Index) -> list[Eintrag]:
    """The entries of the query's types, sorted by title; with a filter on a reference, only
    those that refer to one of its values (from the catalogue's reverse index: a query costs
    O(its matches), not O(all entries))."""
    verweis = next((f for f in a.filter if f.feld.art == "verweis"), None)
    if verweis is None:
        if len(a.typen) == 1:
            return index.nach_typ.get(a.typen[0], [])
        alle = [e for t in a.typen for e in index.nach_typ.get(t, ())]
    else:
        gesehen: dict[str, Eintrag] = {}
        for slug in verweis.werte:
            for e in index.katalog.verweise_auf(slug, verweis.feld.name):
                if e.typ in a.typen:
                    gesehen[e.slug] = e
        alle = list(gesehen.values())
    return sorted(alle, key=lambda e: (e.title.casefold(), e.slug))


def _sortierschluessel(f: Feld, absteigend: bool, index: _Index) -> Callable[[Eintrag], tuple[bool, Any]]:
    """Entries without a value come last in both directions."""

    def wert(w: Any) -> Any:
        if f.art == "auswahl":
            return f.werte.index(w)
        if f.art == "verweis":
            return index.titel.get(w, w)
        if f.art == "zeitraum":
            return _spanne_punkt(w.von)[0]
        if f.art in ("zeitpunkt", "datum"):
            return _spanne_punkt(w)[0]
        if f.art == "text":
            return w.casefold()
        return w

    def schluessel(e: Eintrag) -> tuple[bool, Any]:
        w = f.wert(e.daten)
        if f.liste:
            w = w[0] if w else None
        if w is None:
            return _fehlt(absteigend)
        return (absteigend, wert(w))

    return schluessel


def _fehlt(absteigend: bool) -> tuple[bool, Any]:
    # Ascending: (False, value) < (True, 0) puts missing last; descending (reverse): (True, value)
    # > (False, 0) puts missing last as well.
    return (not absteigend, 0)


# -- the step of the catalogue -------------------------------------------------------------


@dataclass
class Auswertung:
    """A block of a page and its result (None: the block has errors)."""

    block: Block
    ergebnis: Ergebnis | None


def aufloesen(katalog: Katalog, ausgabe: Ausgabe | None = None) -> list[Meldung]:
    """Find, check and evaluate every query block of the catalogue's pages; keep the results
    in ``katalog.abfragen`` (path -> blocks in page order) and add each message to its source
    and to ``katalog.meldungen``. Call after ``Katalog.einschraenken``: the results are those of
    the edition. Pages the edition leaves out are checked, but not evaluated."""
    neu: list[Meldung] = []
    index: _Index | None = None
    weg = {e.pfad for e in katalog.ausgeschlossen.values()}
    for q in katalog.quellen.values():
        bloecke = finden(q)
        if not bloecke:
            continue
        auswertungen: list[Auswertung] = []
        if len(bloecke) > MAX_JE_SEITE:
            m = fehler(
                q.pfad,
                bloecke[MAX_JE_SEITE].zeile,
                f"Die Seite enthält {len(bloecke)} Abfragen, erlaubt sind höchstens {MAX_JE_SEITE}. "
                "Teilen Sie die Seite auf oder fassen Sie Abfragen zusammen.",
            )
            q.meldungen.append(m)
            neu.append(m)
        for nr, b in enumerate(bloecke):
            if nr >= MAX_JE_SEITE:  # reported above; shown as a block with errors
                auswertungen.append(Auswertung(b, None))
                continue
            a, meldungen = lesen(b, katalog)
            erg = None
            if a is not None and q.pfad not in weg:
                if index is None:
                    index = _Index.aufbauen(katalog)
                erg = auswerten(a, index)
                if erg.gesamt == 0:
                    meldungen.append(
                        warnung(
                            b.pfad,
                            b.zeile,
                            f"Die Abfrage findet {_wo(ausgabe)} keinen Eintrag. Prüfen Sie die "
                            "Filter, oder entfernen Sie die Abfrage, solange es keine passenden Einträge gibt.",
                        )
                    )
            auswertungen.append(Auswertung(b, erg))
            q.meldungen.extend(meldungen)
            neu.extend(meldungen)
        if q.pfad not in weg:
            katalog.abfragen[q.pfad] = auswertungen
    katalog.meldungen.extend(neu)
    katalog.meldungen.sort()
    return neu


def _wo(ausgabe: Ausgabe | None) -> str:
    return f"in der {ausgabe.name_dativ}" if ausgabe is not None else "im Handbuch"


def auswerten_text(katalog: Katalog, pfad: str, text: str) -> Auswertung:
    """Check and evaluate a block the catalogue did not see in this form (the renderer found it
    in text another plugin changed): the same checks, messages dropped – the page shows a hint."""
    b = Block(pfad, 1, text)
    a, _ = lesen(b, katalog)
    return Auswertung(b, auswerten(a, _Index.aufbauen(katalog)) if a is not None else None)
