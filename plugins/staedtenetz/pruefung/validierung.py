"""Checking one entry's front matter against the content model, with German messages.

Pydantic does the checking; this module turns its errors into :class:`Meldung` objects that
name the line of the offending key and say what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from pydantic import BaseModel, ValidationError

from staedtenetz.inhalt.frontmatter import Quelltext
from staedtenetz.inhalt.meldungen import Meldung, aehnlichstes, fehler, meinten_sie
from staedtenetz.inhalt.modell import TYPEN, Basis

#: Common slips on key names -> the key meant.
SCHLUESSEL_HINWEISE = {
    "titel": "title",
    "name": "title",
    "beschreibung": "zusammenfassung",
    "description": "zusammenfassung",
    "teaser": "zusammenfassung",
    "tags": "schlagworte",
    "type": "typ",
    "sources": "quellen",
    "quelle": "quellen",
    "handlungsfeld": "handlungsfelder",
    "foerderprogramm": "foerderprogramme",
    "ansprechpartner": "ansprechstelle",
    "kontakt": "ansprechstelle",
    "bild": "bilder",
    "material": "materialien",
    "zeitraum": "laufzeit",
    "abgerufen": "geprueft",
}


def ascii_schluessel(text: str) -> str:
    """'Förderprogramme' -> 'foerderprogramme': how a key or slug should be spelt."""
    text = unicodedata.normalize("NFC", text).lower()
    for umlaut, ersatz in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ersatz)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text


def slug_vorschlag(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_schluessel(text)).strip("-") or "eintrag"


def modell_pruefen(q: Quelltext) -> Basis | None:
    """Validate ``q.daten`` (which has a ``typ``) and return the model, or add messages."""
    daten = q.daten or {}
    typ = daten.get("typ")
    modell = TYPEN.get(typ) if isinstance(typ, str) else None
    if modell is None:
        q.meldungen.append(
            fehler(
                q.pfad,
                q.zeile(("typ",)),
                f"Unbekannter Typ '{typ}'.{meinten_sie(str(typ), TYPEN)} Erlaubt sind: {', '.join(TYPEN)}.",
            )
        )
        return None
    try:
        return modell.model_validate(daten)
    except ValidationError as e:
        felder = _alle_felder(modell)
        gemeldet: set[tuple[Any, ...]] = set()
        for err in e.errors(include_url=False):
            schluessel = _schluessel(err, felder)
            if schluessel in gemeldet:  # a union reports each member; one message is enough
                continue
            gemeldet.add(schluessel)
            if len(schluessel) < len(err["loc"]) and err["type"] != "extra_forbidden":
                err = {**err, "type": "zeitpunkt_type"}  # the only unions are year-or-date
            q.meldungen.append(_meldung(q, modell, err, schluessel))
        return None


def _schluessel(err: dict[str, Any], felder: set[str]) -> tuple[Any, ...]:
    """The key path of an error. Pydantic inserts the union member that failed ("int",
    "date") into ``loc``; those are not keys. An unknown key (extra_forbidden) is kept."""
    loc = tuple(err["loc"])
    letztes = len(loc) - 1
    return tuple(
        t
        for i, t in enumerate(loc)
        if isinstance(t, int) or t in felder or (i == letztes and err["type"] == "extra_forbidden")
    )


def _meldung(q: Quelltext, modell: type[BaseModel], err: dict[str, Any], schluessel: tuple[Any, ...]) -> Meldung:
    zeile = q.zeile(schluessel) if schluessel else q.zeile(("typ",))
    feld = ".".join(str(t) for t in schluessel)
    art = err["type"]
    eingabe = err.get("input")
    ctx = err.get("ctx") or {}
    if "feld" in ctx:  # our own errors name the key inside the object they check
        schluessel = (*schluessel, ctx["feld"])
        zeile = q.zeile(schluessel)
    if art == "missing":
        text = f"Das Pflichtfeld '{feld}' fehlt. Ergänzen Sie es{_beispiel(schluessel)}."
        if len(schluessel) == 1:
            zeile = q.zeile(("typ",))
    elif art == "extra_forbidden":
        falsch = str(schluessel[-1])
        erlaubt = _felder_an(modell, schluessel[:-1])
        vorschlag = SCHLUESSEL_HINWEISE.get(ascii_schluessel(falsch))
        if vorschlag not in erlaubt:
            vorschlag = ascii_schluessel(falsch) if ascii_schluessel(falsch) in erlaubt else aehnlichstes(falsch, erlaubt)
        hinweis = f" Meinten Sie '{vorschlag}'?" if vorschlag else f" Erlaubt sind: {', '.join(sorted(erlaubt))}."
        text = f"Unbekanntes Feld '{falsch}'.{hinweis}"
    elif art == "literal_error":
        erlaubt = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        text = f"Der Wert '{eingabe}' ist bei '{feld}' nicht erlaubt.{meinten_sie(str(eingabe), erlaubt)} Erlaubt sind: {', '.join(erlaubt)}."
    elif art == "string_pattern_mismatch":
        text = _muster_text(feld, schluessel, eingabe)
    elif art in ("string_type",):
        text = f"'{feld}' muss ein Text sein, gefunden: {_art(eingabe)}. Setzen Sie den Wert in Anführungszeichen."
    elif art in ("list_type",):
        text = f"'{feld}' muss eine Liste sein. Schreiben Sie jeden Eintrag in eine eigene Zeile mit '- ' davor."
    elif art in ("model_type", "model_attributes_type", "dict_type"):
        text = f"'{feld}' muss eine Gruppe von Feldern sein (eingerückte Zeilen 'feld: wert'), gefunden: {_art(eingabe)}."
    elif art == "zeitpunkt_type":
        text = f"'{feld}' muss ein Jahr (z. B. 2019) oder ein Datum der Form JJJJ-MM-TT sein{_datum_vorschlag(eingabe)}."
    elif art.startswith("date") or art.startswith("datetime"):
        text = f"'{feld}' muss ein Datum der Form JJJJ-MM-TT sein{_datum_vorschlag(eingabe)}."
    elif art in ("int_type", "int_parsing", "int_from_float"):
        text = f"'{feld}' muss eine ganze Zahl sein, gefunden: {_art(eingabe)}."
    elif art in ("float_type", "float_parsing"):
        text = f"'{feld}' muss eine Zahl sein (ohne Einheit und Tausenderpunkte, z. B. 1200000.50), gefunden: {_art(eingabe)}."
    elif art in ("bool_type", "bool_parsing"):
        text = f"'{feld}' muss true oder false sein."
    elif art == "too_short":
        text = f"'{feld}' braucht mindestens {ctx.get('min_length')} Eintrag/Einträge."
    elif art == "too_long":
        text = f"'{feld}' hat zu viele Einträge (höchstens {ctx.get('max_length')})."
    elif art == "string_too_short":
        text = f"'{feld}' ist zu kurz: mindestens {ctx.get('min_length')} Zeichen."
    elif art == "string_too_long":
        text = f"'{feld}' ist zu lang: höchstens {ctx.get('max_length')} Zeichen, gefunden {len(str(eingabe))}. Kürzen Sie den Text."
    elif art in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        grenze = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        richtung = "mindestens" if art.startswith("greater") else "höchstens"
        text = f"'{feld}' muss {richtung} {grenze} sein, gefunden: {eingabe}."
    else:
        # Custom errors (PydanticCustomError) already carry a German message.
        praefix = f"'{feld}': " if feld and not art.startswith(("value_error", "assertion")) and art not in _EIGENE else ""
        text = praefix + err["msg"]
    return fehler(q.pfad, zeile, text)


_EIGENE = {"person_ohne_einwilligung", "quellen_fehlen", "zeitraum_umgekehrt", "leerer_text"}


def _alle_felder(modell: type[BaseModel]) -> set[str]:
    """All field names of ``modell`` and the models nested in it."""
    namen: set[str] = set()
    stapel: list[type[BaseModel]] = [modell]
    while stapel:
        m = stapel.pop()
        for name, info in m.model_fields.items():
            namen.add(name)
            for t in _modelle_in(info.annotation):
                if t not in stapel and t is not m:
                    stapel.append(t)
    return namen


def _modelle_in(annotation: Any) -> list[type[BaseModel]]:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    gefunden: list[type[BaseModel]] = []
    for arg in get_args(annotation):
        gefunden.extend(_modelle_in(arg))
    return gefunden


def _felder_an(modell: type[BaseModel], pfad: tuple[Any, ...]) -> list[str]:
    """Field names allowed in the (possibly nested) object at ``pfad``."""
    aktuell: type[BaseModel] = modell
    for teil in pfad:
        if isinstance(teil, int):
            continue
        info = aktuell.model_fields.get(teil)
        modelle = _modelle_in(info.annotation) if info else []
        if not modelle:
            break
        aktuell = modelle[0]
    return list(aktuell.model_fields)


_BEISPIELE = {
    "kommune": ": 'kommune: essen'",
    "title": ": 'title: …'",
    "zusammenfassung": ": 'zusammenfassung: Zwei, drei Sätze über den Inhalt.'",
    "ags": ": 'ags: \"05113000\"' (Amtlicher Gemeindeschlüssel)",
    "stand": ": 'stand: 2026-11-25' (Datum der letzten Prüfung)",
    "zustand": ": 'zustand: laufend' (oder in-planung, verstetigt, abgeschlossen, ungeklaert)",
    "handlungsfelder": ", z. B.\n  handlungsfelder:\n    - bildung",
    "laufzeit": ", z. B.\n  laufzeit:\n    von: 2019\n    bis: 2023",
    "art": "",
    "quellen": ", z. B.\n  quellen:\n    - titel: Projektseite\n      url: https://…",
    "von": ": 'von: 2019'",
}


def _beispiel(schluessel: tuple[Any, ...]) -> str:
    return _BEISPIELE.get(str(schluessel[-1]), "") if schluessel else ""


def _muster_text(feld: str, schluessel: tuple[Any, ...], eingabe: Any) -> str:
    letztes = str(schluessel[-1]) if schluessel and not isinstance(schluessel[-1], int) else feld.split(".")[0]
    if letztes == "ags":
        return (
            f"'ags' muss der 8-stellige Amtliche Gemeindeschlüssel einer NRW-Gemeinde sein "
            f"(beginnt mit 05), gefunden: '{eingabe}'. Schreiben Sie ihn in Anführungszeichen, z. B. ags: \"05113000\"."
        )
    if letztes in ("url", "webseite"):
        return f"'{feld}' muss eine vollständige Adresse sein, die mit https:// beginnt, gefunden: '{eingabe}'."
    if letztes == "email":
        return f"'{feld}' ist keine gültige E-Mail-Adresse: '{eingabe}'. Verwenden Sie ein Funktionspostfach, z. B. stadterneuerung@stadt.de."
    if letztes == "telefon":
        return f"'{feld}' ist keine gültige Telefonnummer: '{eingabe}'. Schreiben Sie z. B. +49 201 123456."
    return (
        f"'{eingabe}' ist keine gültige Kennung bei '{feld}': nur Kleinbuchstaben a–z, Ziffern und "
        f"Bindestriche. Schreiben Sie z. B. '{slug_vorschlag(str(eingabe))}'."
    )


def _art(wert: Any) -> str:
    if isinstance(wert, bool):
        return f"Wahrheitswert {str(wert).lower()}"
    if isinstance(wert, (int, float)):
        return f"Zahl {wert}"
    if isinstance(wert, dt.date):
        return f"Datum {wert.isoformat()}"
    if isinstance(wert, str):
        return f"Text '{wert}'"
    if isinstance(wert, list):
        return "eine Liste"
    if isinstance(wert, dict):
        return "eine Gruppe von Feldern"
    if wert is None:
        return "nichts (leerer Wert)"
    return type(wert).__name__


def _datum_vorschlag(eingabe: Any) -> str:
    if isinstance(eingabe, str):
        m = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", eingabe)
        if m:
            tag, monat, jahr = (int(g) for g in m.groups())
            try:
                return f", also '{dt.date(jahr, monat, tag).isoformat()}' statt '{eingabe.strip()}'"
            except ValueError:
                pass
        return f", gefunden: '{eingabe}'"
    return f", gefunden: {_art(eingabe)}"
