"""The rows of the "Steckbrief" table of a Word template, derived from the content model.

One :class:`Zeile` per field a contributor fills in: its German label (the field's ``title``
in the model), where its value goes in the front matter (``pfad``), how the text in the cell is
read (``art``) and a hint naming the allowed values (from the model and, for references, from
the catalogue). The template writer (``vorlage.py``) prints these rows; the importer
(``word.py``) reads them back with :func:`lesen`, so both always agree with the model.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from staedtenetz.inhalt.meldungen import aehnlichstes
from staedtenetz.inhalt.modell import (
    GEBIETSZUSTAND_BEZEICHNUNG,
    PROGRAMMSTATUS_BEZEICHNUNG,
    REFERENZEN,
    TYP_BEZEICHNUNG,
    TYPEN,
    Basis,
    Quelle,
    Zeitraum,
)

#: Entry types that have a Word template (the contribution page offers these).
VORLAGENTYPEN = ("praxisbeispiel", "programmgebiet", "vorlage")

#: Front-matter keys that are not asked in the Steckbrief: set by the editorial office, the
#: import (``bilder`` from the embedded photos) or MkDocs.
NICHT_GEFRAGT = {"typ", "status", "sichtbarkeit", "hide", "search", "materialien", "bilder", "stand"}
#: Nested keys left out: a person's name needs a documented consent, the office adds it.
NICHT_GEFRAGT_TEIL = {("ansprechstelle", "person"), ("ansprechstelle", "einwilligung")}

Art = Literal["text", "auswahl", "verweis", "verweise", "liste", "zeitraum", "datum", "ganzzahl", "zahl", "quellen"]

#: Rows for the photos; they are not front-matter keys of the entry but fill each ``bilder`` item.
BILDNACHWEIS = "Bildnachweis"
BILDLIZENZ = "Bildlizenz"

_BEZEICHNUNGEN = {"zustand": GEBIETSZUSTAND_BEZEICHNUNG, "programmstatus": PROGRAMMSTATUS_BEZEICHNUNG}


@dataclass(frozen=True)
class Zeile:
    titel: str  # label in the first column
    pfad: tuple[str, ...]  # front-matter key path; () for the photo rows
    art: Art
    pflicht: bool
    beschreibung: str = ""
    auswahl: tuple[str, ...] = ()  # allowed values (auswahl)
    bezeichnungen: tuple[tuple[str, str], ...] = ()  # value -> label people read (auswahl)
    ziel: str | None = None  # target typ of a reference

    def hinweis(self, katalog: Any = None) -> str:
        """The text of the hint column: what to write, the allowed values."""
        teile = ["Pflichtangabe." if self.pflicht else "Freiwillig."]
        if self.beschreibung and self.art not in ("verweis", "verweise"):
            teile.append(self.beschreibung.rstrip(".") + ".")
        if self.art == "auswahl":
            werte = [f"{w} ({b})" if b != w else w for w, b in self.bezeichnungen]
            teile.append("Erlaubt: " + ", ".join(werte) + ".")
        elif self.art in ("verweis", "verweise") and self.ziel:
            eintraege = _eintraege(katalog, self.ziel)
            name = TYP_BEZEICHNUNG[self.ziel][1 if self.art == "verweise" else 0]
            if eintraege:
                liste = "; ".join(f"{titel} ({slug})" for slug, titel in eintraege)
                teile.append(f"{name} des Handbuchs – Titel oder Kennung: {liste}.")
            if self.art == "verweise":
                teile.append("Mehrere: eine Angabe je Zeile.")
        elif self.art == "liste":
            teile.append("Mehrere: eine Angabe je Zeile.")
        elif self.art == "zeitraum":
            teile.append("Zum Beispiel: 2019–2023, oder seit 2021.")
        elif self.art == "datum":
            teile.append("Datum als TT.MM.JJJJ.")
        elif self.art in ("zahl", "ganzzahl"):
            teile.append("Nur die Zahl, z. B. 60.000.")
        elif self.art == "quellen":
            teile.append("Je Zeile eine Quelle: Titel, dann die Adresse mit https://.")
        return " ".join(teile)


def _eintraege(katalog: Any, typ: str) -> list[tuple[str, str]]:
    if katalog is None:
        return []
    return [(e.slug, e.title) for e in katalog.gelistet(typ)]


def _kern(annotation: Any) -> tuple[Any, bool]:
    """(the type without None and Annotated, whether None is allowed)."""
    optional = False
    while True:
        if get_origin(annotation) is typing.Annotated:
            annotation = get_args(annotation)[0]
            continue
        if get_origin(annotation) in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            if len(args) == 1:
                annotation = args[0]
                continue
            return tuple(args), optional
        return annotation, optional


def _art(name: str, annotation: Any, refs: dict[str, tuple[str, bool]]) -> tuple[Art, tuple[str, ...], str | None]:
    if name in refs:
        ziel, liste = refs[name]
        return ("verweise" if liste else "verweis"), (), ziel
    kern, _ = _kern(annotation)
    if get_origin(kern) is Literal:
        return "auswahl", tuple(get_args(kern)), None
    if kern is Zeitraum:
        return "zeitraum", (), None
    if get_origin(kern) is list:
        element, _ = _kern(get_args(kern)[0])
        return ("quellen" if element is Quelle else "liste"), (), None
    if kern is dt.date:
        return "datum", (), None
    if kern is int:
        return "ganzzahl", (), None
    if kern is float:
        return "zahl", (), None
    return "text", (), None


def zeilen(typ: str) -> list[Zeile]:
    """The Steckbrief rows of ``typ``, in the model's field order (title and teaser first)."""
    modell = TYPEN[typ]
    refs = REFERENZEN[typ]
    basis = set(Basis.model_fields)
    namen = ["title", "zusammenfassung"]
    namen += [n for n in modell.model_fields if n not in basis]
    namen += [n for n in modell.model_fields if n in basis and n not in namen]
    ergebnis: list[Zeile] = []
    for name in namen:
        if name in NICHT_GEFRAGT:
            continue
        info = modell.model_fields[name]
        kern, _ = _kern(info.annotation)
        pflicht = info.is_required()
        if isinstance(kern, type) and issubclass(kern, BaseModel) and kern is not Zeitraum:
            for teil, tinfo in kern.model_fields.items():
                if (name, teil) in NICHT_GEFRAGT_TEIL:
                    continue
                art, auswahl, _ = _art(teil, tinfo.annotation, {})
                ergebnis.append(
                    Zeile(
                        f"{info.title}: {tinfo.title or teil}",
                        (name, teil),
                        art,
                        pflicht and tinfo.is_required(),
                        tinfo.description or "",
                        auswahl,
                    )
                )
            continue
        art, auswahl, ziel = _art(name, info.annotation, refs)
        if name == "quellen" and typ == "praxisbeispiel":
            beschreibung = "Pflicht, wenn die Art 'dokumentiert' ist: öffentliche Quellen zum Projekt"
        else:
            beschreibung = info.description or ""
        bez = tuple((w, _BEZEICHNUNGEN.get(name, {}).get(w, w)) for w in auswahl)
        ergebnis.append(Zeile(info.title or name, (name,), art, pflicht, beschreibung, auswahl, bez, ziel))
    if typ in VORLAGENTYPEN:
        ergebnis.append(
            Zeile(
                BILDNACHWEIS,
                (),
                "text",
                False,
                "Wer die Fotos gemacht hat, z. B. 'Stadt Essen, Amt 61'; gilt für alle Fotos ohne eigene "
                "Zeile 'Foto: …' darunter",
            )
        )
        ergebnis.append(Zeile(BILDLIZENZ, (), "text", False, "Lizenz der Fotos, z. B. CC BY 4.0"))
    return ergebnis


def normal(titel: str) -> str:
    """A label as compared on import: case, spaces and a trailing '*' or ':' do not matter."""
    return re.sub(r"\s+", " ", titel.replace("*", "")).strip().rstrip(":").strip().casefold()


# -- reading values -------------------------------------------------------------------------------


class Wertfehler(ValueError):
    """A cell value that does not fit its row; the German text says what to write instead."""


def _zeilen_der_zelle(text: str, *, semikolon: bool = True) -> list[str]:
    teile = re.split(r"\n|;" if semikolon else r"\n", text)
    return [re.sub(r"^\s*(?:[-•*–·]|\d+[.)])\s+", "", t).strip() for t in teile if t.strip()]


def _referenz(zeile: Zeile, text: str, katalog: Any) -> str:
    eintraege = [(e.slug, e.title) for e in katalog.nach_typ(zeile.ziel)] + [
        (e.slug, e.title) for e in katalog.ausgeschlossen.values() if e.typ == zeile.ziel
    ]
    for slug, titel in eintraege:
        if text == slug or text.casefold() == titel.casefold():
            return slug
    bezeichnung = TYP_BEZEICHNUNG[zeile.ziel or ""][0]
    titel = [t for _, t in eintraege]
    vorschlag = aehnlichstes(text, titel) or aehnlichstes(text.casefold(), [s for s, _ in eintraege])
    if vorschlag:
        slug = next(s for s, t in eintraege if vorschlag in (s, t))
        raise Wertfehler(f"'{text}' ist keine {bezeichnung} des Handbuchs. Meinten Sie '{_titel_zu(slug, eintraege)}' ({slug})?")
    liste = ", ".join(titel[:12]) + (" …" if len(titel) > 12 else "")
    raise Wertfehler(
        f"'{text}' ist keine {bezeichnung} des Handbuchs."
        + (f" Vorhanden: {liste}." if titel else "")
        + " Fehlt sie, bitten Sie die Redaktion, sie zuerst anzulegen."
    )


def _titel_zu(slug: str, eintraege: list[tuple[str, str]]) -> str:
    return next(t for s, t in eintraege if s == slug)


_JAHR = r"(\d{4})"
_DATUM_DE = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})")


def _datum(text: str) -> dt.date:
    text = text.strip()
    try:
        if m := _DATUM_DE.fullmatch(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Wertfehler(f"'{text}' ist kein Datum. Schreiben Sie es als TT.MM.JJJJ, z. B. 15.03.2024.") from None


def _zeitpunkt(text: str) -> int | dt.date:
    text = text.strip()
    if re.fullmatch(_JAHR, text):
        return int(text)
    return _datum(text)


def _zeitraum(text: str) -> dict[str, Any]:
    t = re.sub(r"\s+", " ", text.strip())
    m = re.fullmatch(r"(?:seit|ab) (.+)", t, re.IGNORECASE)
    if m:
        return {"von": _zeitpunkt(m[1])}
    teile = re.split(r"\s*(?:–|—|-(?!\d{2}-)(?=\s|\d{4}|\d{1,2}\.)|\bbis\b)\s*", t, maxsplit=1)
    if len(teile) == 2 and teile[0]:
        von = _zeitpunkt(teile[0])
        return {"von": von, "bis": _zeitpunkt(teile[1])} if teile[1].strip() else {"von": von}
    try:
        return {"von": _zeitpunkt(t)}
    except Wertfehler:
        raise Wertfehler(
            f"'{text}' ist kein Zeitraum. Schreiben Sie Beginn und Ende als Jahr (2019–2023) oder "
            "'seit 2021', solange es läuft."
        ) from None


def _zahl(text: str, ganz: bool) -> int | float:
    t = re.sub(r"\s|€|Euro|EUR|ha|Hektar|Einwohner(?:innen)?", "", text.strip(), flags=re.IGNORECASE)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", t):
        wert = float(t.replace(".", "").replace(",", "."))
    else:
        raise Wertfehler(f"'{text}' ist keine Zahl. Schreiben Sie nur die Zahl, z. B. 60.000 oder 1250,50.")
    if ganz:
        if wert != int(wert):
            raise Wertfehler(f"'{text}' ist keine ganze Zahl. Schreiben Sie z. B. 12.500.")
        return int(wert)
    return int(wert) if wert == int(wert) else wert


_URL_RE = re.compile(r"https?://[^\s<>]+[^\s<>.,;:)]")


def _quellen(text: str) -> list[dict[str, str]]:
    quellen = []
    for z in _zeilen_der_zelle(text, semikolon=False):
        m = _URL_RE.search(z)
        if m is None:
            raise Wertfehler(f"In der Quelle '{z}' fehlt die Adresse. Schreiben Sie den Titel und die Adresse mit https://.")
        titel = (z[: m.start()] + z[m.end():]).strip(" -–:,()<>")
        quellen.append({"titel": titel or m.group(0), "url": m.group(0)})
    return quellen


def _auswahl(zeile: Zeile, text: str) -> str:
    t = text.strip()
    for wert, bez in zeile.bezeichnungen:
        if t.casefold() in (wert.casefold(), bez.casefold()):
            return wert
    erlaubt = [w for w, _ in zeile.bezeichnungen]
    vorschlag = aehnlichstes(t.casefold(), erlaubt)
    meinten = f" Meinten Sie '{vorschlag}'?" if vorschlag else ""
    raise Wertfehler(f"'{t}' ist hier nicht erlaubt.{meinten} Erlaubt sind: {', '.join(erlaubt)}.")


def wert(zeile: Zeile, text: str, katalog: Any) -> Any:
    """The front-matter value of the cell ``text`` in ``zeile``; raises :class:`Wertfehler`."""
    text = text.strip()
    if zeile.art == "auswahl":
        return _auswahl(zeile, text)
    if zeile.art == "verweis":
        return _referenz(zeile, text, katalog)
    if zeile.art == "verweise":
        return [_referenz(zeile, t, katalog) for t in _zeilen_der_zelle(text)]
    if zeile.art == "liste":
        return _zeilen_der_zelle(text)
    if zeile.art == "zeitraum":
        return _zeitraum(text)
    if zeile.art == "datum":
        return _datum(text)
    if zeile.art in ("zahl", "ganzzahl"):
        return _zahl(text, zeile.art == "ganzzahl")
    if zeile.art == "quellen":
        return _quellen(text)
    return re.sub(r"\s*\n\s*", " ", text)
