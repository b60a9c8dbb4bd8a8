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
from staedtenetz.inhalt.meldungen import Meldung, aehnlichstes, feldname, fehler, meinten_sie
from staedtenetz.inhalt.meldungstexte import TEXTE, text
from staedtenetz.inhalt.modell import LEER, REFERENZEN, TEXT_MUSTER, TYPEN, Basis
from staedtenetz.inhalt.yamlfassung import WAHRHEITSWORTE_MUSTER

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


#: typ -> [(slug, title)] of the typed pages of the handbook, for suggestions that only name
#: what exists (see :func:`verweis_vorschlag`).
Kandidaten = dict[str, list[tuple[str, str]]]


def modell_pruefen(q: Quelltext, kandidaten: Kandidaten | None = None) -> Basis | None:
    """Validate ``q.daten`` (which has a ``typ``) and return the model, or add messages."""
    daten = q.daten or {}
    typ = daten.get("typ")
    modell = TYPEN.get(typ) if isinstance(typ, str) else None
    if modell is None:
        q.meldungen.append(
            fehler(
                q.pfad,
                q.zeile(("typ",)),
                text("unbekannter_typ", wert=typ, vorschlag=meinten_sie(str(typ), TYPEN), erlaubt=", ".join(TYPEN)),
            )
        )
        return None
    try:
        eintrag = modell.model_validate(daten)
    except ValidationError as e:
        felder = _alle_felder(modell)
        gemeldet: set[tuple[Any, ...]] = set()
        # In a union (year or date) the member that says most comes first: a year out of range
        # or an impossible date, not "must be a date" from the other member.
        fehlerliste = sorted(e.errors(include_url=False), key=lambda err: err["type"] not in _GENAU)
        for err in fehlerliste:
            schluessel = _schluessel(err, felder)
            if schluessel in gemeldet:  # a union reports each member; one message is enough
                continue
            gemeldet.add(schluessel)
            if (
                len(schluessel) < len(err["loc"])
                and err["type"] not in ("extra_forbidden", *_GENAU)
                and _ist_zeitpunkt(modell, schluessel)
            ):
                err = {**err, "type": "zeitpunkt_type"}  # the year-or-date unions
            q.meldungen.append(_meldung(q, modell, err, schluessel, kandidaten or {}))
        return None
    zukunft = [m for m in _zukunft(q, eintrag, dt.date.today())]
    q.meldungen.extend(zukunft)
    return None if zukunft else eintrag


def _zukunft(q: Quelltext, eintrag: Basis, heute: dt.date) -> list[Meldung]:
    """Dates that say something was checked, agreed or retrieved cannot lie in the future (a rule
    only the checker can apply: the JSON Schema knows no "today")."""
    stellen: list[tuple[tuple[Any, ...], dt.date | None]] = [(("stand",), eintrag.stand)]
    stelle = getattr(eintrag, "ansprechstelle", None)
    if stelle is not None:
        stellen.append((("ansprechstelle", "einwilligung"), stelle.einwilligung))
    stellen += [(("quellen", i, "geprueft"), quelle.geprueft) for i, quelle in enumerate(eintrag.quellen)]
    return [
        fehler(q.pfad, q.zeile(pfad), text("in_der_zukunft", feld=feldname(pfad), datum=datum.isoformat(), heute=heute.isoformat()))
        for pfad, datum in stellen
        if datum is not None and datum > heute
    ]


_GENAU = ("greater_than_equal", "less_than_equal", "jahr_ausserhalb", "datum_ungueltig", "datum_mit_uhrzeit")


def _ist_zeitpunkt(modell: type[BaseModel], schluessel: tuple[Any, ...]) -> bool:
    return bool(schluessel) and schluessel[-1] in ("von", "bis")


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


_ZEITRAUM_RE = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$")


def _meldung(
    q: Quelltext, modell: type[BaseModel], err: dict[str, Any], schluessel: tuple[Any, ...], kandidaten: Kandidaten
) -> Meldung:
    zeile = q.zeile(schluessel) if schluessel else q.zeile(("typ",))
    art = err["type"]
    eingabe = err.get("input")
    ctx = err.get("ctx") or {}
    if "feld" in ctx:  # our own errors name the key inside the object they check
        schluessel = (*schluessel, ctx["feld"])
        zeile = q.zeile(schluessel)
    feld = feldname(schluessel)
    letztes = str(schluessel[-1]) if schluessel and not isinstance(schluessel[-1], int) else ""
    if art == "missing":
        t = text("pflichtfeld", feld=feld, beispiel=_beispiel(schluessel))
        if len(schluessel) == 1:
            zeile = q.zeile(("typ",))
    elif art == "extra_forbidden":
        falsch = str(schluessel[-1])
        erlaubt = _felder_an(modell, schluessel[:-1])
        vorschlag = SCHLUESSEL_HINWEISE.get(ascii_schluessel(falsch))
        if vorschlag not in erlaubt:
            vorschlag = ascii_schluessel(falsch) if ascii_schluessel(falsch) in erlaubt else aehnlichstes(falsch, erlaubt)
        hinweis = f" Meinten Sie '{vorschlag}'?" if vorschlag else f" Erlaubt sind: {', '.join(sorted(erlaubt))}."
        t = text("unbekanntes_feld", name=falsch, hinweis=hinweis)
    elif art == "literal_error":
        erlaubt = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        t = text("auswahl", wert=eingabe, feld=feld, vorschlag=meinten_sie(str(eingabe), erlaubt), erlaubt=", ".join(erlaubt))
    elif art == "string_pattern_mismatch":
        t = _muster_text(modell, feld, schluessel, eingabe, kandidaten)
    elif art == "string_type":
        t = text("text", feld=feld, gefunden=_art(eingabe))
    elif art == "list_type":
        t = text("liste", feld=feld)
    elif art in ("model_type", "model_attributes_type", "dict_type"):
        t = text("gruppe", feld=feld, gefunden=_art(eingabe), beispiel=_gruppen_beispiel(letztes, eingabe))
    elif art == "zeitpunkt_type":
        m = _ZEITRAUM_RE.match(eingabe) if isinstance(eingabe, str) else None
        if m:
            t = text("zwei_jahre", feld=feld, wert=eingabe, von=m.group(1), bis=m.group(2))
        else:
            t = text("jahr_oder_datum", feld=feld, gefunden=_datum_vorschlag(eingabe))
    elif art == "datum_mit_uhrzeit":
        t = text("datum_mit_uhrzeit", feld=feld, datum=eingabe.date().isoformat() if isinstance(eingabe, dt.datetime) else "")
    elif art in ("datum_ungueltig", "jahr_ausserhalb"):
        t = text(art, feld=feld, wert=eingabe, **ctx)
    elif art.startswith("date") or art.startswith("datetime"):
        t = text("datum", feld=feld, gefunden=_datum_vorschlag(eingabe))
    elif art in ("int_type", "int_parsing", "int_from_float"):
        t = text("ganze_zahl", feld=feld, gefunden=_art(eingabe), vorschlag=_zahl_vorschlag(eingabe))
    elif art in ("float_type", "float_parsing"):
        t = text("zahl", feld=feld, gefunden=_art(eingabe), vorschlag=_zahl_vorschlag(eingabe))
    elif art == "finite_number":
        t = text("keine_endliche_zahl", feld=feld)
    elif art == "bool_type":
        t = f"'{feld}' muss true oder false sein."
    elif art == "too_short":
        t = text("zu_wenige", feld=feld, anzahl=ctx.get("min_length"))
    elif art == "too_long":
        t = text("zu_viele", feld=feld, anzahl=ctx.get("max_length"))
    elif art == "string_too_short":
        if isinstance(eingabe, str) and eingabe == "":
            t = text("leer", feld=feld)
        else:
            t = text("zu_kurz", feld=feld, anzahl=ctx.get("min_length"), laenge=len(str(eingabe)))
    elif art == "string_too_long":
        t = text("zu_lang", feld=feld, anzahl=ctx.get("max_length"), laenge=len(str(eingabe)))
    elif art in ("greater_than_equal", "greater_than"):
        t = text("mindestens", feld=feld, grenze=_zahl(ctx.get("ge", ctx.get("gt"))), wert=_zahl(eingabe))
    elif art in ("less_than_equal", "less_than"):
        t = text("hoechstens", feld=feld, grenze=_zahl(ctx.get("le", ctx.get("lt"))), wert=_zahl(eingabe))
    elif art in TEXTE:
        # The model's cross-field rules: the table's text, filled from the error's context.
        t = text(art, **ctx)
    else:
        t = (f"'{feld}': " if feld else "") + err["msg"]
    return fehler(q.pfad, zeile, t)


def _zahl(wert: Any) -> str:
    if isinstance(wert, float) and wert.is_integer() and abs(wert) < 1e16:
        return str(int(wert))
    return str(wert)


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


def _muster_text(
    modell: type[BaseModel], feld: str, schluessel: tuple[Any, ...], eingabe: Any, kandidaten: Kandidaten
) -> str:
    namen = [t for t in schluessel if not isinstance(t, int)]
    letztes = str(namen[-1]) if namen else ""
    wert = str(eingabe)
    if letztes == "ags":
        return text("ags", feld=feld, wert=wert)
    if letztes in ("url", "webseite"):
        return text("url", feld=feld, wert=wert)
    if letztes == "email":
        return text("email", feld=feld, wert=wert)
    if letztes == "telefon":
        return text("telefon", feld=feld, wert=wert)
    ziel = REFERENZEN.get(_typ_von(modell), {}).get(letztes)
    if not re.match(TEXT_MUSTER, wert) or wert == "":
        return _textfehler(feld, wert)
    if ziel is not None:
        werte = [w.strip() for w in re.split(r"\s*(?:,|;|\bund\b|&|\+)\s*", wert) if w.strip()]
        if len(werte) > 1 and not ziel[1]:
            vorschlaege = [v for v in (verweis_vorschlag(w, ziel[0], kandidaten) for w in werte) if v]
            hinweis = f" Vorhanden: {', '.join(repr(v) for v in vorschlaege)}." if vorschlaege else ""
            return text("zwei_werte", feld=feld, anzahl=len(werte), werte=", ".join(f"'{w}'" for w in werte), vorschlag=hinweis)
        vorschlag = verweis_vorschlag(wert, ziel[0], kandidaten)
        if vorschlag:
            return text("kennung", feld=feld, wert=wert, vorschlag=f" Meinten Sie '{vorschlag}'?")
        vorhanden = [s for s, _ in kandidaten.get(ziel[0], [])]
        if vorhanden and kandidaten:
            liste = ", ".join(sorted(vorhanden)[:8]) + (" …" if len(vorhanden) > 8 else "")
            return text("kennung", feld=feld, wert=wert, vorschlag=f" Kein Eintrag passt; vorhanden sind: {liste}.")
    return text("kennung", feld=feld, wert=wert, vorschlag=f" Schreiben Sie z. B. '{slug_vorschlag(wert)}'.")


def _typ_von(modell: type[BaseModel]) -> str:
    for typ, m in TYPEN.items():
        if m is modell:
            return typ
    return ""


_WAHRHEITSWORT_RE = re.compile(f"^{WAHRHEITSWORTE_MUSTER}(?![\\s\\S])")


def _textfehler(feld: str, wert: str) -> str:
    """Which part of TEXT_MUSTER ``wert`` breaks."""
    if wert == "" or re.fullmatch(f"{LEER}*", wert):
        return text("leer", feld=feld)
    if re.match(LEER, wert):
        return text("leerzeichen_anfang", feld=feld)
    if re.search(f"{LEER}(?![\\s\\S])", wert):
        return text("leerzeichen_ende", feld=feld)
    if _WAHRHEITSWORT_RE.match(wert):
        return text("wahrheitswort", feld=feld, wert=wert)
    return text("kennung", feld=feld, wert=wert, vorschlag=f" Schreiben Sie z. B. '{slug_vorschlag(wert)}'.")


def verweis_vorschlag(eingabe: str, ziel: str, kandidaten: Kandidaten) -> str | None:
    """The existing slug of type ``ziel`` that ``eingabe`` most likely means, or None.

    In this order: the slug written as a slug ("Gelsenkirchen" -> 'gelsenkirchen'); a title
    ("Stadt Gelsenkirchen" -> the entry titled "Gelsenkirchen"); a part of a slug or title
    ("umwelt" -> 'oekologie-und-umweltgerechtigkeit'); a close spelling. Only slugs that exist
    are named."""
    eintraege = kandidaten.get(ziel, [])
    if not eintraege:
        return None
    slugs = [s for s, _ in eintraege]
    als_slug = slug_vorschlag(eingabe)
    if als_slug in slugs:
        return als_slug
    wort = eingabe.casefold().strip()
    for slug, titel in eintraege:
        if titel.casefold() == wort:
            return slug
    # A title inside the input ("Stadt Gelsenkirchen") or the input inside a title; the longest wins.
    treffer = sorted(
        ((len(titel), slug) for slug, titel in eintraege if titel and (titel.casefold() in wort or wort in titel.casefold())),
        reverse=True,
    )
    if treffer:
        return treffer[0][1]
    teile = sorted(s for s in slugs if als_slug and (als_slug in s or s in als_slug))
    if teile:
        return teile[0]
    return aehnlichstes(als_slug, slugs)


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


_GERMAN_ZAHL_RE = re.compile(r"^\s*[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*(?:€|EUR|Euro)?\s*$")


def _zahl_vorschlag(eingabe: Any) -> str:
    """" Meinten Sie 60000?" for German-formatted or quoted numbers, else ""."""
    if isinstance(eingabe, bool):
        return " Ein Wahrheitswert ist keine Zahl."
    if not isinstance(eingabe, str):
        return ""
    roh = eingabe.strip()
    if _GERMAN_ZAHL_RE.match(roh) or re.fullmatch(r"[-+]?\d+,\d+\s*(?:€|EUR|Euro)?", roh) or re.fullmatch(r"[-+]?\d+(?:\.\d+)?\s*(?:€|EUR|Euro|ha)", roh):
        zahl = re.sub(r"\s*(?:€|EUR|Euro|ha)$", "", roh)
        if "," in zahl or zahl.count(".") > 1 or re.search(r"\.\d{3}$", zahl) and _GERMAN_ZAHL_RE.match(roh):
            zahl = zahl.replace(".", "").replace(",", ".")
        return f" Meinten Sie {zahl}?"
    if re.fullmatch(r"[-+]?\d+(?:\.\d+)?", roh):
        return f" Schreiben Sie die Zahl ohne Anführungszeichen: {roh}."
    return ""


def _gruppen_beispiel(feld: str, eingabe: Any) -> str:
    if feld == "laufzeit":
        m = _ZEITRAUM_RE.match(str(eingabe))
        von, bis = (m.group(1), m.group(2)) if m else ("2021", "2024")
        return f" Schreiben Sie Beginn und Ende eingerückt darunter:\n  laufzeit:\n    von: {von}\n    bis: {bis}"
    if feld == "kosten":
        betrag = _zahl(eingabe) if isinstance(eingabe, (int, float)) and not isinstance(eingabe, bool) else "60000"
        return f" Schreiben Sie den Betrag unter 'gesamt':\n  kosten:\n    gesamt: {betrag}"
    return ""


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
    if isinstance(eingabe, int) and not isinstance(eingabe, bool):
        return f", gefunden: die Zahl {eingabe} (ein Datum ist keine Zahl; schreiben Sie z. B. 2025-11-18)"
    return f", gefunden: {_art(eingabe)}"
