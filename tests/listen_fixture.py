"""A fixture handbook for the listing, map and browser tests: several Praxisbeispiele with
different Kommunen, Programmgebiete, Handlungsfelder, Förderprogramme and Laufzeiten, plus an
archived, a draft and an internal one that no listing may show. Test data, not handbook content.
"""

from __future__ import annotations

from pathlib import Path

from conftest import Handbuch


def _praxis(title: str, kommune: str, gebiet: str | None, felder: list[str], programme: list[str], von: int, bis: int | None, text: str, extra: str = "") -> str:
    zeilen = [
        "---",
        "typ: praxisbeispiel",
        "art: illustrativ",
        f"title: {title}",
        f"zusammenfassung: {text}",
        f"kommune: {kommune}",
    ]
    if gebiet:
        zeilen.append(f"programmgebiet: {gebiet}")
    zeilen.append(f"handlungsfelder: [{', '.join(felder)}]")
    if programme:
        zeilen.append(f"foerderprogramme: [{', '.join(programme)}]")
    zeilen.append(f"laufzeit: {{von: {von}" + (f", bis: {bis}" if bis else "") + "}")
    if extra:
        zeilen.append(extra)
    zeilen += ["---", f"# {title}", "", "Erfundenes Beispiel für Tests.", ""]
    return "\n".join(zeilen)


DATEIEN: dict[str, str] = {
    "docs/index.md": "# Testhandbuch\n\nStartseite.\n\n## Karte\n\n<!-- karte -->\n\nText nach der Karte.\n",
    "docs/praxisbeispiele/index.md": "# Praxisbeispiele\n\nAlle Praxisbeispiele.\n",
    "docs/kommunen/index.md": "# Kommunen\n\nDie Mitglieder.\n",
    "docs/programmgebiete/index.md": "# Programmgebiete\n",
    "docs/handlungsfelder/index.md": "# Handlungsfelder\n",
    "docs/foerderprogramme/index.md": "# Förderprogramme\n",
    "docs/vorlagen/index.md": "# Vorlagen\n",
    "docs/leitfaeden/index.md": "# Leitfäden\n",
    "docs/kommunen/gelsenkirchen.md": (
        "---\ntyp: kommune\ntitle: Gelsenkirchen\nzusammenfassung: Testkommune Gelsenkirchen der Fixture-Seite.\n"
        'ags: "05513000"\nstand: 2025-06-30\n---\n# Gelsenkirchen\n'
    ),
    "docs/kommunen/dortmund.md": (
        "---\ntyp: kommune\ntitle: Dortmund\nzusammenfassung: Testkommune Dortmund der Fixture-Seite.\n"
        'ags: "05913000"\nstand: 2025-06-30\n---\n# Dortmund\n'
    ),
    "docs/programmgebiete/gelsenkirchen-ueckendorf.md": (
        "---\ntyp: programmgebiet\ntitle: Gelsenkirchen Testgebiet\nzusammenfassung: Erfundenes verstetigtes Programmgebiet.\n"
        "kommune: gelsenkirchen\nzustand: verstetigt\nlaufzeit: {von: 2008, bis: 2016}\n---\n# Gelsenkirchen Testgebiet\n"
    ),
    "docs/programmgebiete/dortmund-nordstadt.md": (
        "---\ntyp: programmgebiet\ntitle: Dortmund Testgebiet\nzusammenfassung: Erfundenes Programmgebiet in Planung.\n"
        "kommune: dortmund\nzustand: in-planung\n---\n# Dortmund Testgebiet\n"
    ),
    "docs/handlungsfelder/wohnumfeld.md": (
        "---\ntyp: handlungsfeld\ntitle: Wohnumfeld\nart: thematisch\nzusammenfassung: Testhandlungsfeld Wohnumfeld der Fixture-Seite.\n---\n# Wohnumfeld\n"
    ),
    "docs/handlungsfelder/beteiligung.md": (
        "---\ntyp: handlungsfeld\ntitle: Beteiligung\nart: instrumentell\nzusammenfassung: Testhandlungsfeld Beteiligung der Fixture-Seite.\n---\n# Beteiligung\n"
    ),
    "docs/foerderprogramme/esf.md": (
        "---\ntyp: foerderprogramm\ntitle: ESF-Testprogramm\nzusammenfassung: Erfundenes Förderprogramm der Fixture-Seite.\n"
        "foerdergeber: [EU]\nfoerdergegenstand: Beschäftigung und Bildung im Quartier.\nprogrammstatus: laufend\n"
        "stand: 2025-11-18\nquellen:\n  - titel: Quelle\n    url: https://example.org/esf\n---\n# ESF-Testprogramm\n"
    ),
    "docs/praxisbeispiele/quartiersgarten.md": _praxis(
        "Quartiersgarten", "gelsenkirchen", "gelsenkirchen-ueckendorf", ["wohnumfeld", "bildung"], [], 2015, 2018,
        "Nachbarn legen gemeinsam einen Garten im Hinterhof an.",
    ),
    "docs/praxisbeispiele/stadtteilbuero.md": _praxis(
        "Stadtteilbüro am Markt", "essen", None, ["beteiligung"], ["sozialer-zusammenhalt", "esf"], 2023, None,
        "Eine Anlaufstelle für Fragen aus dem Viertel, offen seit dem Umbau.",
    ),
    "docs/praxisbeispiele/sprachcafe.md": _praxis(
        "Sprachcafé", "dortmund", "dortmund-nordstadt", ["bildung", "beteiligung"], ["esf"], 2019, 2021,
        "Ehrenamtliche üben mit Zugewanderten Deutsch bei Kaffee und Kuchen.",
    ),
    "docs/praxisbeispiele/hofflohmarkt.md": _praxis(
        "Hofflohmarkt", "gelsenkirchen", "gelsenkirchen-ueckendorf", ["wohnumfeld"], ["sozialer-zusammenhalt"], 2021, 2021,
        "Höfe öffnen an einem Samstag für Nachbarinnen und Nachbarn.",
    ),
    "docs/praxisbeispiele/altes-projekt.md": _praxis(
        "Altes Projekt", "essen", None, ["bildung"], [], 2001, 2003,
        "Ein abgeschlossenes, archiviertes Beispiel, das keine Liste zeigt.", "status: archiviert",
    ),
    "docs/praxisbeispiele/entwurf.md": _praxis(
        "Geheimer Entwurf", "essen", None, ["bildung"], [], 2024, None,
        "Ein Entwurf, der in der öffentlichen Ausgabe fehlen muss.", "status: entwurf",
    ),
    "docs/praxisbeispiele/intern.md": _praxis(
        "Internes Beispiel", "dortmund", None, ["bildung"], [], 2024, None,
        "Nur für Mitglieder, fehlt in der öffentlichen Ausgabe.", "sichtbarkeit: intern",
    ),
}

#: Titles of the Praxisbeispiele the public listing shows, in listing order.
GELISTET = ["Hofflohmarkt", "Lernwerkstatt", "Quartiersgarten", "Sprachcafé", "Stadtteilbüro am Markt"]
NICHT_GELISTET = ["Altes Projekt", "Geheimer Entwurf", "Internes Beispiel"]


def listen_handbuch(ziel: Path) -> Handbuch:
    """The fixture handbook, committed and built (``--strict``)."""
    h = Handbuch.anlegen(ziel, DATEIEN).git_init()
    h.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    return h
