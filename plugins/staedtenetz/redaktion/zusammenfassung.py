"""The review summary of a pull request (``staedtenetz zusammenfassung --basis REV``).

German Markdown for the job summary of the pull-request check: which entries are new, changed
or deleted (from ``git diff --name-status``), the errors and warnings in those files, and a
checklist for the reviewer – image rights, data protection, the city's approval – filled with
what the changed entries declare (image credits, named persons with their consent date).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.katalog.katalog import Eintrag, Katalog
from staedtenetz.katalog.laden import katalog_laden
from staedtenetz.inhalt.meldungen import Meldung
from staedtenetz.inhalt.modell import STATUS_BEZEICHNUNG, TYP_BEZEICHNUNG

ART = {"A": "neu", "M": "geändert", "D": "gelöscht", "T": "geändert"}


class GitFehler(Exception):
    """git could not compare; the message is German."""


@dataclass(frozen=True)
class Aenderung:
    art: str  # neu | geändert | gelöscht
    pfad: str  # docs-relative


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
        ergebnis.append(Aenderung(ART.get(status[:1], "geändert"), rel))
    return sorted(ergebnis, key=lambda a: a.pfad)


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
    meldungen = [m for m in katalog.meldungen if m.pfad in geaendert]
    fehler = [m for m in meldungen if m.ist_fehler]
    warnungen = [m for m in meldungen if not m.ist_fehler]

    z = ["## Inhaltsprüfung", ""]
    if fehler:
        z.append(f"❌ **{len(fehler)} Fehler** und {len(warnungen)} Warnung(en) in den geänderten Dateien – bitte vor der Freigabe beheben.")
    elif warnungen:
        z.append(f"⚠️ Keine Fehler, aber **{len(warnungen)} Warnung(en)** in den geänderten Dateien.")
    else:
        z.append("✅ Keine Fehler und keine Warnungen in den geänderten Dateien.")
    z += ["", f"### Geänderte Seiten ({len(liste)})", ""]
    eintraege: list[Eintrag] = []
    if liste:
        z += ["| Änderung | Datei | Typ | Titel | Status |", "|---|---|---|---|---|"]
        for a in liste:
            e = _eintrag(katalog, a.pfad) if a.art != "gelöscht" else None
            if e is not None:
                eintraege.append(e)
                z.append(
                    f"| {a.art} | `{docs}/{a.pfad}` | {TYP_BEZEICHNUNG[e.typ][0]} | {_md(e.title)} | {STATUS_BEZEICHNUNG[e.daten.status]} |"
                )
            else:
                z.append(f"| {a.art} | `{docs}/{a.pfad}` | – | – | – |")
    else:
        z.append("Keine Änderungen im Inhaltsordner.")
    if meldungen:
        z += ["", "### Fehler und Warnungen", ""]
        z += [f"- `{docs}/{m.pfad}:{m.zeile}` **{'Fehler' if m.ist_fehler else 'Warnung'}:** {_md(m.text)}" for m in meldungen]
    z += ["", "### Checkliste für die Redaktion", ""]
    z += _checkliste(eintraege)
    return "\n".join(z) + "\n", meldungen


def _checkliste(eintraege: list[Eintrag]) -> list[str]:
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
    z.append("- [ ] **Freigabe durch die Stadt:** Die zuständige Stelle der Kommune hat der Veröffentlichung zugestimmt.")
    z.append("- [ ] **Status:** Nach der Freigabe `status: veroeffentlicht` setzen (neue Einträge beginnen als `entwurf`).")
    return z


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")
