"""The review summary of a pull request (``staedtenetz zusammenfassung --basis REV``).

German Markdown for the job summary of the pull-request check: which entries are new, changed
or deleted (from ``git diff --name-status``; deleted ones with the title and type they had,
changed ones with the fields that changed, old -> new), the errors of the whole handbook after
the change (a deleted or renamed entry breaks the files that refer to it, which the pull request
did not touch) and the warnings in the changed files, and a checklist for the reviewer – image
rights, data protection, the city's approval – filled with what the changed entries declare
(image credits, named persons with their consent date) and with names of people the page text
seems to contain (a hint, see :func:`personennamen`).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.katalog.katalog import Eintrag, Katalog
from staedtenetz.katalog.laden import katalog_laden
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.inhalt.meldungen import Meldung
from staedtenetz.pruefung.datenschutz_text import textzeilen
from staedtenetz.inhalt.modell import STATUS_BEZEICHNUNG, TYP_BEZEICHNUNG

ART = {"A": "neu", "M": "geändert", "D": "gelöscht", "T": "geändert"}


class GitFehler(Exception):
    """git could not compare; the message is German."""


@dataclass(frozen=True)
class Aenderung:
    art: str  # neu | geändert | gelöscht
    pfad: str  # docs-relative
    im_repo: str = ""  # relative to the repository's top folder (for `git show`)


def aenderungen(docs_dir: Path, basis: str) -> list[Aenderung]:
    """Files below ``docs_dir`` that differ between ``basis`` and the working tree."""
    docs_dir = docs_dir.resolve()
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=docs_dir, capture_output=True, text=True, check=True).stdout.strip()
        r = subprocess.run(
            ["git", "-c", "core.quotepath=off", "diff", "--name-status", "--no-renames", basis, "--", str(docs_dir)],
            cwd=top,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
    except (FileNotFoundError, subprocess.CalledProcessError):
        raise GitFehler("Der Ordner liegt in keinem Git-Repository; ohne Git gibt es keinen Vergleich.") from None
    if r.returncode != 0:
        raise GitFehler(
            f"Git kennt den Stand '{basis}' nicht ({r.stderr.strip().splitlines()[0] if r.stderr.strip() else 'unbekannt'}). "
            "Im Pull-Request-Check: actions/checkout mit 'fetch-depth: 0' verwenden."
        )
    ergebnis = []
    for zeile in r.stdout.splitlines():
        status, _, pfad = zeile.partition("\t")
        voll = (Path(top) / pfad).resolve()
        rel = voll.relative_to(docs_dir).as_posix()
        ergebnis.append(Aenderung(ART.get(status[:1], "geändert"), rel, pfad))
    return sorted(ergebnis, key=lambda a: a.pfad)


def frueher(docs_dir: Path, basis: str, a: Aenderung) -> dict[str, Any] | None:
    """The front matter of the file of ``a`` at ``basis``, or None."""
    r = subprocess.run(
        ["git", "show", f"{basis}:{a.im_repo}"], cwd=docs_dir.resolve(), capture_output=True, timeout=60
    )
    if r.returncode != 0:
        return None
    return lesen(a.pfad, r.stdout).daten


def _kurz(wert: Any) -> str:
    if wert is None:
        return "–"
    text = str(wert) if not isinstance(wert, (list, dict)) else ", ".join(map(str, wert)) if isinstance(wert, list) else str(wert)
    return text if len(text) <= 80 else text[:77] + "…"


def felder_geaendert(alt: dict[str, Any], neu: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field, old, new) for every top-level field that differs."""
    return [
        (k, _kurz(alt.get(k)), _kurz(neu.get(k)))
        for k in sorted(set(alt) | set(neu), key=lambda k: (k not in neu, list(neu).index(k) if k in neu else 0))
        if alt.get(k) != neu.get(k)
    ]


#: A name with a form of address or title ("Frau Beispiel", "Dr. Erika Muster"), or a name after
#: "Ansprechpartner(in):" / "Kontakt:". Honest limits: names without these words are not found,
#: and "Frau" in other uses ("Frau und Beruf") can be a false alarm – a hint for the reviewer.
_NAME_RE = re.compile(
    r"\b(?:(?:Herrn?|Frau|Dr\.|Prof\.)(?:[ \t]+(?:Dr\.|Prof\.))*[ \t]+[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
    r"(?:[ \t]+[A-ZÄÖÜ][a-zäöüß]+)?"
    r"|(?:Ansprechpartner(?:in|innen)?|Kontaktperson|Kontakt)[ \t]*:[ \t]*[A-ZÄÖÜ][a-zäöüß]+[ \t]+[A-ZÄÖÜ][a-zäöüß]+)"
)
#: Words after "Frau"/"Herr" that are no name.
_KEIN_NAME = {"Und", "Oder", "Mit", "Im", "In", "Der", "Die", "Das", "Sowie"}


def personennamen(text: str) -> list[tuple[int, str]]:
    """(line, match) of what looks like a person's name in the page text (not code, not the
    front matter: there a name belongs under ``ansprechstelle.person`` with consent)."""
    funde = []
    for zeile, inhalt in textzeilen(text):
        for m in _NAME_RE.finditer(inhalt):
            teile = m.group(0).split()
            if teile[-1] in _KEIN_NAME:
                continue
            funde.append((zeile, m.group(0)))
    return funde


def _eintrag(katalog: Katalog, pfad: str) -> Eintrag | None:
    for e in (*katalog.eintraege.values(), *katalog.ausgeschlossen.values()):
        if e.pfad == pfad:
            return e
    return None


def erstellen(docs_dir: Path, basis: str, docs: str = "docs") -> tuple[str, list[Meldung]]:
    """The Markdown summary and the messages of the changed files."""
    liste = aenderungen(docs_dir, basis)
    katalog = katalog_laden(docs_dir, Ausgabe())
    geaendert = {a.pfad for a in liste if a.art != "gelöscht"}
    # Errors of the whole handbook: what the change breaks elsewhere counts (pruefen and the
    # build fail on it too); warnings only where the pull request changed something.
    meldungen = [m for m in katalog.meldungen if m.ist_fehler or m.pfad in geaendert]
    fehler = [m for m in meldungen if m.ist_fehler]
    warnungen = [m for m in meldungen if not m.ist_fehler]
    anderswo = sorted({m.pfad for m in fehler if m.pfad not in geaendert})

    z = ["## Inhaltsprüfung", ""]
    if fehler:
        ort = "in den geänderten Dateien" if not anderswo else (
            f"im Handbuch, davon in {len(anderswo)} nicht geänderten Datei(en), die auf Gelöschtes oder Umbenanntes verweisen"
        )
        z.append(f"❌ **{len(fehler)} Fehler** {ort} und {len(warnungen)} Warnung(en) – bitte vor der Freigabe beheben.")
    elif warnungen:
        z.append(f"⚠️ Keine Fehler, aber **{len(warnungen)} Warnung(en)** in den geänderten Dateien.")
    else:
        z.append("✅ Keine Fehler und keine Warnungen in den geänderten Dateien.")
    z += ["", f"### Geänderte Seiten ({len(liste)})", ""]
    eintraege: list[Eintrag] = []
    felder: list[tuple[str, str, list[tuple[str, str, str]]]] = []
    if liste:
        z += ["| Änderung | Datei | Typ | Titel | Status |", "|---|---|---|---|---|"]
        for a in liste:
            e = _eintrag(katalog, a.pfad) if a.art != "gelöscht" else None
            alt = frueher(docs_dir, basis, a) if a.art != "neu" and a.pfad.endswith(".md") else None
            if e is not None:
                eintraege.append(e)
                z.append(
                    f"| {a.art} | `{docs}/{a.pfad}` | {TYP_BEZEICHNUNG[e.typ][0]} | {_md(e.title)} | {STATUS_BEZEICHNUNG[e.daten.status]} |"
                )
                if alt is not None and e.quelle.daten is not None:
                    unterschiede = felder_geaendert(alt, e.quelle.daten)
                    if unterschiede:
                        felder.append((a.pfad, e.title, unterschiede))
            elif a.art == "gelöscht" and isinstance(alt, dict) and alt.get("typ") in TYP_BEZEICHNUNG:
                z.append(f"| {a.art} | `{docs}/{a.pfad}` | {TYP_BEZEICHNUNG[alt['typ']][0]} | {_md(alt.get('title', '–'))} | – |")
            else:
                z.append(f"| {a.art} | `{docs}/{a.pfad}` | – | – | – |")
    else:
        z.append("Keine Änderungen im Inhaltsordner.")
    if felder:
        z += ["", "### Geänderte Angaben", ""]
        for pfad, titel, unterschiede in felder:
            z.append(f"- **{_md(titel)}** (`{docs}/{pfad}`):")
            z += [f"  - `{feld}`: {_md(alt)} → {_md(neu)}" for feld, alt, neu in unterschiede]
    if meldungen:
        z += ["", "### Fehler und Warnungen", ""]
        z += [f"- `{docs}/{m.pfad}:{m.zeile}` **{'Fehler' if m.ist_fehler else 'Warnung'}:** {_md(m.text)}" for m in meldungen]
    z += ["", "### Checkliste für die Redaktion", ""]
    z += _checkliste(eintraege, docs)
    return "\n".join(z) + "\n", meldungen


def _checkliste(eintraege: list[Eintrag], docs: str = "docs") -> list[str]:
    bilder = [(e, b) for e in eintraege for b in e.daten.bilder]
    materialien = [(e, m) for e in eintraege for m in e.daten.materialien]
    personen = [
        (e, s) for e in eintraege if (s := getattr(e.daten, "ansprechstelle", None)) is not None and s.person
    ]
    z = ["- [ ] **Bildrechte:** Für jedes Bild liegt die Erlaubnis zur Veröffentlichung vor, und der Urheber ist richtig genannt."]
    z += [f"  - `{b.datei}` ({_md(e.title)}): {_md(b.urheber)}" + (f", {_md(b.lizenz)}" if b.lizenz else "") for e, b in bilder]
    if not bilder:
        z.append("  - Keine Bilder in den geänderten Einträgen.")
    z.append("- [ ] **Rechte an Materialien:** Jede Datei zum Download darf unter der angegebenen Lizenz verbreitet werden.")
    z += [f"  - `{m.datei}` ({_md(e.title)}): {_md(m.lizenz)}" for e, m in materialien]
    if not materialien:
        z.append("  - Keine Materialien in den geänderten Einträgen.")
    z.append(
        "- [ ] **Datenschutz:** Kontakte sind Funktionen (Amt, Stelle, Funktionspostfach); Namen von Personen "
        "nur mit dokumentierter Einwilligung; keine privaten Telefonnummern oder Adressen im Text."
    )
    z += [f"  - {_md(s.person)} ({_md(e.title)}): Einwilligung vom {s.einwilligung:%d.%m.%Y} – liegt sie schriftlich vor?" for e, s in personen]
    namen = [(e, zeile, name) for e in eintraege for zeile, name in personennamen(e.quelle.text)]
    if namen:
        z.append(
            "  - Im Seitentext stehen vielleicht Namen von Personen (gesucht wird nur nach Anrede oder Titel – "
            "Herr, Frau, Dr., Prof. – und nach 'Ansprechpartner…:'; andere Namen findet die Suche nicht). "
            "Gehört ein Name hierher, dann mit Einwilligung unter `ansprechstelle.person`:"
        )
        z += [f"    - `{docs}/{e.pfad}:{zeile}`: {_md(name)}" for e, zeile, name in namen]
    z.append("- [ ] **Freigabe durch die Stadt:** Die zuständige Stelle der Kommune hat der Veröffentlichung zugestimmt.")
    z.append("- [ ] **Status:** Nach der Freigabe `status: veroeffentlicht` setzen (neue Einträge beginnen als `entwurf`).")
    return z


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")
