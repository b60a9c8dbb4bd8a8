"""The sections each entry type should have, with short German guidance for authors.

One table feeds the scaffold (``staedtenetz neu``), the submission form (through the JSON the
``redaktion`` plugin emits) and the maintainers' report (entries missing a section). Guidance
is written into new files as an HTML comment that starts with ``Hinweis:``; such a comment is
invisible on the page, and :func:`hinweise_finden` reports the ones left in an entry that is no
longer a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from staedtenetz.inhalt import markdowntext
from staedtenetz.inhalt.modell import TYPEN


@dataclass(frozen=True)
class Abschnitt:
    titel: str
    hinweis: str
    pflicht: bool  # True: every entry of the type has it; False: recommended


def _p(titel: str, hinweis: str) -> Abschnitt:
    return Abschnitt(titel, hinweis, True)


def _e(titel: str, hinweis: str) -> Abschnitt:
    return Abschnitt(titel, hinweis, False)


#: typ -> sections in reading order. Headings are ``## titel``. A programme area follows the
#: seven sections of the network's own area profiles (soziale-stadt-nrw.de, Stadtteilprofile).
ABSCHNITTE: dict[str, tuple[Abschnitt, ...]] = {
    "kommune": (
        _p("Überblick", "Zwei, drei Absätze: Wie arbeitet die Kommune in der Sozialen Stadt, seit wann ist sie im Städtenetz?"),
        _e("Ansprechstelle", "Nennen Sie das zuständige Amt als Funktion (z. B. Amt für Stadterneuerung), keine Privatpersonen."),
    ),
    "programmgebiet": (
        _p("Gebietscharakter und Ausgangslage", "Lage, Bebauung, Bevölkerung: Warum ist das Gebiet Programmgebiet geworden?"),
        _p("Potenziale und Handlungsansätze", "Was zeichnet das Gebiet aus, und wo setzt die Stadt an?"),
        _e("Organisation und lokale Partner", "Quartiersmanagement, Träger, Vereine – wer arbeitet zusammen?"),
        _e("Meilensteine", "Die wichtigsten Schritte mit Jahr, z. B. Ratsbeschluss, ISEK, Eröffnungen."),
        _e("Perspektiven", "Wie geht es weiter, auch nach dem Ende der Förderung (Verstetigung)?"),
        _e(
            "Ansprechpartner",
            "Nennen Sie die zuständige Stelle (Amt, Quartiersmanagement, Stadtteilbüro) als Funktion, keine Privatpersonen; Kontaktdaten gehören unter 'ansprechstelle'.",
        ),
        _e("Materialien", "Konzepte, Berichte und Karten zum Herunterladen (unter 'materialien') oder ihre Fundstelle."),
    ),
    "handlungsfeld": (
        _p("Worum es geht", "Erklären Sie das Handlungsfeld in wenigen Sätzen für Menschen ohne Vorwissen."),
        _e("Ansätze in der Praxis", "Welche Maßnahmen sind typisch? Verweisen Sie auf passende Praxisbeispiele."),
    ),
    "foerderprogramm": (
        _p("Kurzbeschreibung", "Was fördert das Programm, wer kann Anträge stellen, wie hoch ist die Förderung?"),
        _e("Voraussetzungen", "Welche Bedingungen gelten, z. B. ein integriertes Handlungskonzept (ISEK)?"),
        _e("Antragsverfahren", "Wo und bis wann wird beantragt? Nennen Sie die Quelle unter 'quellen'."),
        _e("Kombination mit anderen Programmen", "Mit welchen Programmen lässt es sich bündeln?"),
    ),
    "praxisbeispiel": (
        _p("Ausgangslage", "Welches Problem oder welcher Bedarf bestand im Quartier?"),
        _p("Vorgehen", "Was wurde getan, von wem, in welchen Schritten?"),
        _e("Ergebnisse", "Was hat sich verändert? Nennen Sie nur belegte Zahlen mit Quelle."),
        _e("Übertragbarkeit", "Was brauchen andere Städte, um den Ansatz zu übernehmen (Personal, Geld, Partner)?"),
    ),
    "vorlage": (
        _p("Wofür die Vorlage gedacht ist", "Für welchen Arbeitsschritt ist die Vorlage gedacht, und wer nutzt sie?"),
        _e("So füllen Sie sie aus", "Kurze Anleitung, Abschnitt für Abschnitt."),
    ),
    "leitfaden": (
        _p("Worum es geht", "Welche Frage beantwortet der Leitfaden, für wen ist er geschrieben?"),
        _e("Schritte", "Die Schritte in der Reihenfolge, in der eine Stadt sie geht."),
        _e("Stolpersteine", "Was geht häufig schief, und wie lässt es sich vermeiden?"),
    ),
}

assert set(ABSCHNITTE) == set(TYPEN), "every entry type needs its sections"

HINWEIS_RE = re.compile(r"<!--\s*Hinweis:")
_UEBERSCHRIFT_RE = re.compile(r"^#{2,6}[ \t]+(.+?)[ \t#]*$")


def hinweiskommentar(text: str) -> str:
    return f"<!-- Hinweis: {text} Löschen Sie diesen Hinweis, wenn der Abschnitt fertig ist. -->"


TITEL_PLATZ = "@@TITEL@@"


def geruest(typ: str, titel: str = TITEL_PLATZ) -> str:
    """The Markdown body of a new entry: the title and every section with its guidance.

    With the default ``titel`` the result is the template the submission form fills in."""
    teile = [f"# {titel}", ""]
    for a in ABSCHNITTE[typ]:
        zusatz = "" if a.pflicht else " Dieser Abschnitt ist empfohlen."
        teile += [f"## {a.titel}", "", hinweiskommentar(a.hinweis + zusatz), ""]
    return "\n".join(teile)


def ueberschriften(text: str) -> list[str]:
    """The level-2+ headings of a Markdown text, outside fenced code blocks."""
    gefunden: list[str] = []
    for z in markdowntext.zeilen(text):
        if not z.im_code and (m := _UEBERSCHRIFT_RE.match(z.roh)):
            gefunden.append(m.group(1).strip())
    return gefunden


def fehlende(typ: str, text: str) -> list[Abschnitt]:
    """Sections of ``typ`` without a matching heading in ``text`` (case-insensitive)."""
    vorhanden = {u.casefold() for u in ueberschriften(text)}
    return [a for a in ABSCHNITTE.get(typ, ()) if a.titel.casefold() not in vorhanden]


def hinweise_finden(text: str) -> list[int]:
    """1-based lines of guidance comments left in ``text``."""
    if not HINWEIS_RE.search(text):
        return []  # most pages: one scan of the whole text
    return [n for n, zeile in enumerate(text.splitlines(), start=1) if HINWEIS_RE.search(zeile)]


def als_json() -> dict[str, str]:
    """typ -> body template (title as ``TITEL_PLATZ``) for the submission form."""
    return {typ: geruest(typ) for typ in ABSCHNITTE}
