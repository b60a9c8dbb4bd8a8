"""The maintainers' report: what needs care in the handbook (``staedtenetz bericht``).

Read from the same catalogue as the checks (all entries, drafts and internal ones included) and
from one ``git log`` for the revision dates. Each section is a list of places with a reason;
:func:`als_text` and :func:`als_markdown` only format.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from staedtenetz.inhalt import abschnitte
from staedtenetz.pruefung import textpruefung
from staedtenetz.pruefung.textverweise import seitenlinks
from staedtenetz.katalog.katalog import Katalog
from staedtenetz.katalog.laden import katalog_laden
from staedtenetz.inhalt.modell import STATUS_BEZEICHNUNG, TYP_BEZEICHNUNG
from staedtenetz.katalog.revision import Revisionsdaten

try:  # fill-in fields ([AUSFÜLLEN: …]); the module belongs to the content work
    from staedtenetz.pruefung import platzhalter
except ImportError:  # pragma: no cover
    platzhalter = None  # type: ignore[assignment]

VERALTET_MONATE = 24
FOERDERSTAND_MONATE = 12
#: Sources not compared with the live page for this long (or never: no 'geprueft') are listed.
QUELLEN_MONATE = 12
#: Types whose sections the report checks: case studies are compared with each other, so they
#: share one outline (``abschnitte.py``); other pages may be structured freely.
ABSCHNITTE_GEPRUEFT = ("praxisbeispiel",)



@dataclass(frozen=True)
class Stelle:
    """One finding: a file (docs-relative), a line (0: the whole file) and what is the matter."""

    pfad: str
    zeile: int
    text: str


@dataclass
class Bericht:
    stichtag: dt.date
    git: bool
    status: dict[str, Counter[str]] = field(default_factory=dict)  # typ -> status -> count
    veraltet: list[Stelle] = field(default_factory=list)
    foerderstand: list[Stelle] = field(default_factory=list)
    quellen: list[Stelle] = field(default_factory=list)
    bilder: list[Stelle] = field(default_factory=list)
    abschnitte: list[Stelle] = field(default_factory=list)
    verwaist: list[Stelle] = field(default_factory=list)
    links: list[Stelle] = field(default_factory=list)
    platzhalter: list[Stelle] = field(default_factory=list)
    fehler: int = 0
    warnungen: int = 0

    def abschnitte_mit_titel(self) -> list[tuple[str, str, list[Stelle]]]:
        return [
            ("veraltet", f"Seit {VERALTET_MONATE} Monaten nicht geändert", self.veraltet),
            ("foerderstand", f"Förderprogramme mit Stand älter als {FOERDERSTAND_MONATE} Monate", self.foerderstand),
            (
                "quellen",
                f"Quellen neu prüfen (nie oder vor mehr als {QUELLEN_MONATE} Monaten mit der Quelle verglichen; danach 'geprueft' setzen)",
                self.quellen,
            ),
            ("bilder", "Bilder ohne Bildnachweis", self.bilder),
            ("abschnitte", "Praxisbeispiele, denen ein Abschnitt fehlt", self.abschnitte),
            ("verwaist", "Seiten, auf die nichts verweist", self.verwaist),
            ("links", "Defekte interne Links", self.links),
            ("platzhalter", "Offene Platzhalter [AUSFÜLLEN: …]", self.platzhalter),
        ]


def monate_zurueck(datum: dt.date, monate: int) -> dt.date:
    jahr, monat = divmod(datum.year * 12 + datum.month - 1 - monate, 12)
    monat += 1
    tag = min(datum.day, [31, 29 if jahr % 4 == 0 and (jahr % 100 or jahr % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][monat - 1])
    return dt.date(jahr, monat, tag)


def erstellen(docs_dir: Path, nav: Any = None, heute: dt.date | None = None) -> Bericht:
    heute = heute or dt.date.today()
    katalog = katalog_laden(docs_dir)
    revisionen = Revisionsdaten.lesen(docs_dir)
    b = Bericht(stichtag=heute, git=revisionen.vorhanden)
    b.fehler = sum(m.ist_fehler for m in katalog.meldungen)
    b.warnungen = len(katalog.meldungen) - b.fehler

    for e in katalog.eintraege.values():
        b.status.setdefault(e.typ, Counter())[e.daten.status] += 1

    grenze = monate_zurueck(heute, VERALTET_MONATE)
    alt = []
    for e in _nach_pfad(katalog):
        datum = revisionen.datum(docs_dir / e.pfad)
        if e.daten.status != "archiviert" and datum is not None and datum < grenze:
            alt.append((datum, Stelle(e.pfad, 0, f"{e.title}: zuletzt geändert am {datum:%d.%m.%Y}")))
    b.veraltet = [s for _, s in sorted(alt, key=lambda x: (x[0], x[1].pfad))]  # oldest first

    grenze = monate_zurueck(heute, FOERDERSTAND_MONATE)
    for e in _nach_pfad(katalog):
        if e.typ == "foerderprogramm" and e.daten.status != "archiviert" and e.daten.stand and e.daten.stand < grenze:
            b.foerderstand.append(
                Stelle(e.pfad, e.zeile("stand"), f"{e.title}: Stand {e.daten.stand:%d.%m.%Y} – Angaben neu prüfen und 'stand' setzen")
            )

    b.quellen = _quellen_zu_pruefen(katalog, monate_zurueck(heute, QUELLEN_MONATE))
    b.bilder = _bilder_ohne_nachweis(katalog)
    for e in _nach_pfad(katalog):
        if e.typ not in ABSCHNITTE_GEPRUEFT:
            continue
        fehlend = abschnitte.fehlende(e.typ, e.quelle.text)
        if fehlend:
            namen = ", ".join(a.titel + ("" if a.pflicht else " (empfohlen)") for a in fehlend)
            b.abschnitte.append(Stelle(e.pfad, 0, f"{e.title}: es fehlt {namen}"))

    b.links, ziele = _links(katalog)
    b.verwaist = _verwaist(katalog, ziele, _nav_pfade(nav))

    if platzhalter is not None:
        for pfad, q in sorted(katalog.quellen.items()):
            for zeile, beschreibung in platzhalter.finden(q.text):
                b.platzhalter.append(Stelle(pfad, zeile, beschreibung or "(ohne Beschreibung)"))
    return b


def _nach_pfad(katalog: Katalog):
    return sorted(katalog.eintraege.values(), key=lambda e: e.pfad)


def _quellen_zu_pruefen(katalog: Katalog, grenze: dt.date) -> list[Stelle]:
    """Entries with a source never checked ('geprueft' empty) or checked before ``grenze``.

    Never-checked first, then the oldest check: the order in which to re-check."""
    gefunden: list[tuple[dt.date, str, Stelle]] = []
    for e in _nach_pfad(katalog):
        quellen = e.daten.quellen
        if e.daten.status == "archiviert" or not quellen:
            continue
        nie = sum(q.geprueft is None for q in quellen)
        alt = [q.geprueft for q in quellen if q.geprueft is not None and q.geprueft < grenze]
        if not nie and not alt:
            continue
        teile = []
        if nie:
            teile.append(f"{nie} von {len(quellen)} {'Quelle' if len(quellen) == 1 else 'Quellen'} nicht live geprüft")
        if alt:
            teile.append(f"{len(alt)} zuletzt geprüft am {min(alt):%d.%m.%Y}")
        text = f"{e.title}: " + ", ".join(teile)
        zuerst = dt.date.min if nie else min(alt)
        gefunden.append((zuerst, e.pfad, Stelle(e.pfad, e.zeile("quellen"), text)))
    return [s for _, _, s in sorted(gefunden, key=lambda x: (x[0], x[1]))]


def _bilder_ohne_nachweis(katalog: Katalog) -> list[Stelle]:
    stellen: list[Stelle] = []
    for pfad, q in sorted(katalog.quellen.items()):
        daten = q.daten if isinstance(q.daten, dict) else {}
        if "typ" not in daten:
            continue
        bilder = daten.get("bilder") if isinstance(daten.get("bilder"), list) else []
        erklaert = set()
        for i, bild in enumerate(bilder):
            if not isinstance(bild, dict):
                continue
            datei = str(bild.get("datei", "?"))
            if not str(bild.get("urheber") or "").strip():
                stellen.append(Stelle(pfad, q.zeile(("bilder", i)), f"{datei}: 'urheber' fehlt"))
            else:
                erklaert.add(posixpath.normpath(datei))
        for zeile, datei in textpruefung.bilder_im_text(q.text):
            if posixpath.normpath(datei.split("#")[0]) not in erklaert:
                stellen.append(Stelle(pfad, zeile, f"{datei}: im Text, aber nicht unter 'bilder' mit Urheber eingetragen"))
    return stellen


def _links(katalog: Katalog) -> tuple[list[Stelle], dict[str, set[str]]]:
    """Broken Markdown links to .md files (the same finding as pruefen's error, see
    ``textverweise.seitenlinks_pruefen``), and for each existing page the pages linking to it."""
    vorhanden = set(katalog.quellen)
    defekt: list[Stelle] = []
    ziele: dict[str, set[str]] = {}
    for pfad, q in sorted(katalog.quellen.items()):
        for zeile, roh, ziel in seitenlinks(q):
            if ziel in vorhanden:
                ziele.setdefault(ziel, set()).add(pfad)
            else:
                defekt.append(Stelle(pfad, zeile, f"'{roh}' – die Seite '{ziel}' gibt es nicht"))
    return defekt, ziele


def _nav_pfade(nav: Any) -> set[str]:
    pfade: set[str] = set()
    stapel = [nav]
    while stapel:
        x = stapel.pop()
        if isinstance(x, str) and x.endswith(".md"):
            pfade.add(x.lstrip("/"))
        elif isinstance(x, dict):
            stapel.extend(x.values())
        elif isinstance(x, list):
            stapel.extend(x)
    return pfade


def _verwaist(katalog: Katalog, ziele: dict[str, set[str]], nav: set[str]) -> list[Stelle]:
    eingehend: dict[str, set[str]] = {p: set(v) for p, v in ziele.items()}
    for v in katalog.verweise:
        von, nach = katalog.eintraege.get(v.von), katalog.eintraege.get(v.nach)
        if von and nach:
            eingehend.setdefault(nach.pfad, set()).add(von.pfad)
    for t in getattr(katalog, "textverweise", []):
        nach = katalog.eintraege.get(t.ziel)
        if nach:
            eingehend.setdefault(nach.pfad, set()).add(t.von)
    stellen = []
    for pfad, q in sorted(katalog.quellen.items()):
        if pfad in ("index.md", "README.md") or pfad in nav or (eingehend.get(pfad, set()) - {pfad}):
            continue
        e = katalog.eintrag_fuer_pfad(pfad)
        if e is not None:
            art = TYP_BEZEICHNUNG[e.typ][0]
            stellen.append(Stelle(pfad, 0, f"{e.title} ({art}): kein Eintrag und keine Seite verweist darauf (nur die Übersichtsliste)"))
        else:
            titel = (q.daten or {}).get("title") if isinstance(q.daten, dict) else None
            stellen.append(Stelle(pfad, 0, f"{titel or pfad}: nicht in der Navigation und von keiner Seite verlinkt"))
    return stellen


# -- formatting ------------------------------------------------------------------------------


def _ort(s: Stelle, docs: str) -> str:
    return f"{docs}/{s.pfad}" + (f":{s.zeile}" if s.zeile else "")


def als_text(b: Bericht, docs: str = "docs") -> str:
    z = [f"Bericht für die Redaktion – Stand {b.stichtag:%d.%m.%Y}", ""]
    z.append(f"Prüfung: {b.fehler} Fehler, {b.warnungen} Warnungen (Einzelheiten: staedtenetz pruefen)")
    if not b.git:
        z.append("Hinweis: keine Git-Versionsgeschichte – das Alter der Seiten ist unbekannt.")
    z += ["", "Einträge nach Status"]
    for typ, zahlen in _status_zeilen(b):
        z.append(f"  {typ}: " + ", ".join(f"{STATUS_BEZEICHNUNG[s]} {n}" for s, n in zahlen))
    for _, titel, stellen in b.abschnitte_mit_titel():
        z += ["", f"{titel} ({len(stellen)})"]
        z += [f"  {_ort(s, docs)}: {s.text}" for s in stellen] or ["  – keine –"]
    return "\n".join(z) + "\n"


def als_markdown(b: Bericht, docs: str = "docs") -> str:
    z = [f"# Bericht für die Redaktion – Stand {b.stichtag:%d.%m.%Y}", ""]
    z.append(f"**Prüfung:** {b.fehler} Fehler, {b.warnungen} Warnungen (Einzelheiten: `staedtenetz pruefen`)")
    if not b.git:
        z += ["", "> Keine Git-Versionsgeschichte – das Alter der Seiten ist unbekannt."]
    z += ["", "## Einträge nach Status", "", "| Typ | " + " | ".join(STATUS_BEZEICHNUNG.values()) + " |", "|---|" + "---:|" * 4]
    for typ, zahlen in _status_zeilen(b):
        d = dict(zahlen)
        z.append(f"| {typ} | " + " | ".join(str(d.get(s, 0)) for s in STATUS_BEZEICHNUNG) + " |")
    for _, titel, stellen in b.abschnitte_mit_titel():
        z += ["", f"## {titel} ({len(stellen)})", ""]
        z += [f"- `{_ort(s, docs)}` – {_md(s.text)}" for s in stellen] or ["Keine."]
    return "\n".join(z) + "\n"


def _status_zeilen(b: Bericht) -> list[tuple[str, list[tuple[str, int]]]]:
    return [
        (TYP_BEZEICHNUNG[typ][1], [(s, b.status[typ][s]) for s in STATUS_BEZEICHNUNG if b.status[typ][s]])
        for typ in TYP_BEZEICHNUNG
        if typ in b.status
    ]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")
