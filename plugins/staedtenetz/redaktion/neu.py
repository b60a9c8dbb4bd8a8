"""A new entry from the command line: ``staedtenetz neu <typ>``.

The questions are derived from the content model: every required field of the type (and the
sources a documented case study needs) becomes one question, answered by a flag or at the
prompt. Answers are converted and checked field by field (references against the catalogue),
and the finished file is checked by the same catalogue code as ``staedtenetz pruefen`` before
it is written, so a new entry never starts with an error. Click stays in ``cli.py``; this
module only knows fields, values and text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml

from staedtenetz.inhalt.abschnitte import geruest
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.katalog.katalog import Katalog
from staedtenetz.inhalt.meldungen import Meldung, meinten_sie
from staedtenetz.inhalt.modell import REFERENZEN, TYP_BEZEICHNUNG, TYPEN, Basis, Quelle, Zeitraum, ist_slug
from staedtenetz.pruefung.validierung import slug_vorschlag

BASISFELDER = set(Basis.model_fields)


class Eingabefehler(ValueError):
    """An answer that does not fit the field; the text says what to write instead."""


@dataclass(frozen=True)
class Feld:
    """One question of the scaffold."""

    name: str
    titel: str
    beschreibung: str
    art: Literal["text", "auswahl", "verweis", "verweise", "liste", "datum", "zeitraum", "quelle"]
    auswahl: tuple[str, ...] = ()
    ziel: str | None = None  # target typ of a reference
    vorgabe: str | None = None

    @property
    def frage(self) -> str:
        hinweis = {
            "verweise": " (Kennungen, mit Komma getrennt)",
            "liste": " (mit Komma getrennt)",
            "datum": " (JJJJ-MM-TT)",
            "zeitraum": " (Beginn als Jahr, z. B. 2019, oder 2019-2023)",
            "quelle": " (Adresse mit https://, danach der Titel)",
        }.get(self.art, "")
        return f"{self.titel}{hinweis}"


def _literal(annotation: Any) -> tuple[str, ...] | None:
    if get_origin(annotation) is Literal:
        return tuple(get_args(annotation))
    return None


def felder(typ: str, art: str | None = None) -> list[Feld]:
    """The questions for ``typ`` in the order they are asked (and written)."""
    modell = TYPEN[typ]
    refs = REFERENZEN[typ]
    heute = dt.date.today().isoformat()
    namen = ["title", "zusammenfassung"]
    namen += [n for n, i in modell.model_fields.items() if i.is_required() and n not in BASISFELDER]
    namen += [n for n, i in modell.model_fields.items() if i.is_required() and n in BASISFELDER and n not in namen + ["typ"]]
    if typ == "praxisbeispiel" and art == "dokumentiert":
        namen.append("quellen")
    ergebnis: list[Feld] = []
    for name in namen:
        info = modell.model_fields[name]
        titel = info.title or name
        beschreibung = info.description or ""
        if name in refs:
            ziel, liste = refs[name]
            ergebnis.append(Feld(name, titel, beschreibung, "verweise" if liste else "verweis", ziel=ziel))
        elif (werte := _literal(info.annotation)) is not None:
            ergebnis.append(Feld(name, titel, beschreibung, "auswahl", auswahl=werte))
        elif info.annotation is dt.date:
            ergebnis.append(Feld(name, titel, beschreibung, "datum", vorgabe=heute))
        elif info.annotation is Zeitraum:
            ergebnis.append(Feld(name, titel, beschreibung, "zeitraum"))
        elif get_origin(info.annotation) is list and get_args(info.annotation)[0] is Quelle:
            ergebnis.append(Feld(name, titel, "Mindestens eine öffentliche Quelle", "quelle"))
        elif get_origin(info.annotation) is list:
            ergebnis.append(Feld(name, titel, beschreibung, "liste"))
        else:
            ergebnis.append(Feld(name, titel, beschreibung, "text"))
    return ergebnis


def umwandeln(feld: Feld, text: str, katalog: Katalog | None = None) -> Any:
    """The front-matter value for the answer ``text``; raises :class:`Eingabefehler`."""
    text = text.strip()
    if not text:
        raise Eingabefehler(f"'{feld.titel}' darf nicht leer sein.")
    if feld.art == "auswahl":
        if text not in feld.auswahl:
            raise Eingabefehler(
                f"'{text}' ist hier nicht erlaubt.{meinten_sie(text, feld.auswahl)} Erlaubt sind: {', '.join(feld.auswahl)}."
            )
        return text
    if feld.art in ("verweis", "verweise"):
        slugs = [s.strip() for s in text.split(",") if s.strip()]
        for s in slugs:
            _verweis_pruefen(feld, s, katalog)
        return slugs if feld.art == "verweise" else slugs[0]
    if feld.art == "liste":
        return [s.strip() for s in text.split(",") if s.strip()]
    if feld.art == "datum":
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1])) if m else dt.date.fromisoformat(text)
        except ValueError:
            raise Eingabefehler(f"'{text}' ist kein Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. {dt.date.today().isoformat()}.") from None
    if feld.art == "zeitraum":
        m = re.fullmatch(r"(\d{4})\s*(?:[-–]\s*(\d{4})?)?", text)
        if not m:
            raise Eingabefehler(f"'{text}' ist kein Zeitraum. Schreiben Sie das Jahr des Beginns (2019) oder Beginn und Ende (2019-2023).")
        von, bis = int(m[1]), (int(m[2]) if m[2] else None)
        if bis is not None and bis < von:
            raise Eingabefehler(f"Das Ende ({bis}) liegt vor dem Beginn ({von}).")
        return {"von": von, **({"bis": bis} if bis else {})}
    if feld.art == "quelle":
        teile = text.split(None, 1)
        if not re.match(r"^https?://\S+\.\S+", teile[0]):
            raise Eingabefehler(f"'{teile[0]}' ist keine vollständige Adresse. Sie beginnt mit https://.")
        return [{"titel": teile[1].strip() if len(teile) > 1 else teile[0], "url": teile[0]}]
    return text


def _verweis_pruefen(feld: Feld, slug: str, katalog: Katalog | None) -> None:
    bezeichnung = TYP_BEZEICHNUNG[feld.ziel or ""][0]
    if not ist_slug(slug):
        raise Eingabefehler(f"'{slug}' ist keine Kennung (nur a–z, 0–9 und Bindestriche), z. B. '{slug_vorschlag(slug)}'.")
    if katalog is None:
        return
    vorhanden = [e.slug for e in katalog.eintraege.values() if e.typ == feld.ziel]
    if slug not in vorhanden:
        liste = ", ".join(vorhanden[:12]) + (" …" if len(vorhanden) > 12 else "")
        raise Eingabefehler(
            f"Kein Eintrag vom Typ {bezeichnung} hat die Kennung '{slug}'.{meinten_sie(slug, vorhanden)}"
            + (f" Vorhanden: {liste}." if vorhanden else f" Legen Sie zuerst mit 'staedtenetz neu {feld.ziel}' einen an.")
        )


def frontmatter(typ: str, werte: dict[str, Any]) -> dict[str, Any]:
    """Ordered front matter: typ, title, zusammenfassung, status, then the asked fields."""
    daten: dict[str, Any] = {"typ": typ, "title": werte["title"], "zusammenfassung": werte["zusammenfassung"], "status": "entwurf"}
    for name, wert in werte.items():
        daten.setdefault(name, wert)
    return daten


def als_yaml(daten: dict[str, Any]) -> str:
    return yaml.safe_dump(daten, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def markdown(typ: str, werte: dict[str, Any]) -> str:
    """The whole new file."""
    return f"---\n{als_yaml(frontmatter(typ, werte))}---\n\n{geruest(typ, werte['title'])}"


def zielpfad(docs_dir: Path, typ: str, slug: str) -> Path:
    return docs_dir / TYP_BEZEICHNUNG[typ][2] / f"{slug}.md"


def pruefen(katalog: Katalog, pfad: str, text: str) -> list[Meldung]:
    """The messages the catalogue would give ``text`` at ``pfad`` (docs-relative)."""
    quellen = [q for p, q in katalog.quellen.items() if p != pfad]
    neu = Katalog.aufbauen([*quellen, lesen(pfad, text.encode("utf-8"))])
    return [m for m in neu.meldungen if m.pfad == pfad]


def kennung_pruefen(katalog: Katalog, slug: str) -> None:
    if not ist_slug(slug):
        raise Eingabefehler(f"'{slug}' taugt nicht als Kennung: nur a–z, 0–9 und Bindestriche, z. B. '{slug_vorschlag(slug)}'.")
    anderer = katalog.eintraege.get(slug) or katalog.ausgeschlossen.get(slug)
    if anderer is not None:
        raise Eingabefehler(
            f"Die Kennung '{slug}' ist schon vergeben an '{anderer.pfad}' ({anderer.title}). "
            "Wählen Sie mit --kennung eine andere, z. B. mit dem Namen der Stadt davor."
        )


def antwort_pruefen(katalog: Katalog, typ: str, werte: dict[str, Any], name: str) -> list[str]:
    """The errors the checks give the answer for field ``name`` (given the answers so far), as
    pruefen words them: each answer is checked when it is given, not after all the others."""
    teil = {"title": "Entwurf", "zusammenfassung": "Platzhalter, bis die Zusammenfassung abgefragt ist.", **werte}
    text = markdown(typ, teil)
    pfad = f"{TYP_BEZEICHNUNG[typ][2]}/_neu.md"
    q = lesen(pfad, text.encode("utf-8"))
    zeilen = {z for p, z in q.zeilen.items() if p and p[0] == name}
    return [m.text for m in pruefen(katalog, pfad, text) if m.ist_fehler and m.zeile in zeilen]
