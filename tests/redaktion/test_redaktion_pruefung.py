"""Pull-request checks, data protection in the text, the maintainers' report and the review
summary – on fixture handbooks in git repositories with dated history."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import Handbuch
from staedtenetz.pruefung import datenschutz_text
from staedtenetz.redaktion.bericht import monate_zurueck

MIT_KONTAKT = """\
---
typ: praxisbeispiel
art: illustrativ
title: Quartiersbüro
zusammenfassung: Erfundenes Praxisbeispiel mit Kontaktdaten im Text zum Testen.
kommune: essen
handlungsfelder: [bildung]
laufzeit: {von: 2021}
ansprechstelle:
  stelle: Stadt Essen, Amt für Stadterneuerung
  email: stadterneuerung@essen.invalid
  telefon: +49 201 88-0
---
# Quartiersbüro

Schreiben Sie an stadterneuerung@essen.invalid oder rufen Sie +49 201 88-0 an.
Direkt erreichbar: max.muster@essen.invalid, Tel. 0201 88-12345.
Im Jahr 2019-2023, AGS 05113000, am 01.01.2006 und mit 1.200.000 Euro: keine Telefonnummern.
`beispiel@example.invalid` im Code ist ein Beispiel.

![Der Hof](hof.jpg)
"""


def test_kontaktdaten_im_text_finden_ohne_fehlalarme() -> None:
    funde = datenschutz_text.finden(MIT_KONTAKT)
    assert [(f.zeile, f.art, f.wert) for f in funde] == [
        (16, "email", "stadterneuerung@essen.invalid"),
        (16, "telefon", "+49 201 88-0"),
        (17, "email", "max.muster@essen.invalid"),
        (17, "telefon", "0201 88-12345"),
    ]
    assert datenschutz_text.telefon_normal("+49 201 88-0") == datenschutz_text.telefon_normal("0201 880")


def test_pruefen_warnt_bei_nicht_erklaerten_kontaktdaten_und_bildern(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/praxisbeispiele/quartiersbuero.md", MIT_KONTAKT)
    r = handbuch.pruefen()
    assert r.returncode == 0, r.ausgabe  # warnings, no errors
    zeilen = [z for z in r.stdout.splitlines() if z.startswith("docs/praxisbeispiele/quartiersbuero.md")]
    assert [z.split(": ", 2)[0] for z in zeilen] == [
        "docs/praxisbeispiele/quartiersbuero.md:17",
        "docs/praxisbeispiele/quartiersbuero.md:17",
        "docs/praxisbeispiele/quartiersbuero.md:21",
    ]
    assert "'max.muster@essen.invalid'" in zeilen[0] and "warnung" in zeilen[0]
    assert "'0201 88-12345'" in zeilen[1]
    assert "Das Bild 'hof.jpg' hat keinen Bildnachweis." in zeilen[2]
    assert "3 Warnungen" in r.ausgabe
    # The build sees the same warnings: --strict fails on them.
    b = handbuch.bauen()
    assert b.returncode != 0
    assert "max.muster@essen.invalid" in b.ausgabe


def test_format_github_gibt_anmerkungen_an_datei_und_zeile(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/praxisbeispiele/quartiersbuero.md", MIT_KONTAKT.replace("kommune: essen", "kommune: esen"))
    r = handbuch.pruefen("--format", "github")
    assert r.returncode == 1
    zeilen = r.stdout.splitlines()
    assert zeilen[0] == (
        "::error file=docs/praxisbeispiele/quartiersbuero.md,line=6,title=Inhaltsprüfung::'kommune' verweist auf "
        "'esen', aber kein Eintrag vom Typ Kommune hat diese Kennung. Meinten Sie 'essen'?"
    )
    assert sum(z.startswith("::warning file=docs/praxisbeispiele/quartiersbuero.md,line=17,") for z in zeilen) == 2
    assert len(zeilen) == 4  # 1 error, 3 warnings; the summary goes to stderr
    assert "1 Fehler, 3 Warnungen" in r.stderr


def test_monate_zurueck() -> None:
    assert monate_zurueck(dt.date(2026, 11, 25), 24) == dt.date(2024, 11, 25)
    assert monate_zurueck(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)
    assert monate_zurueck(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)


@pytest.fixture
def alt_und_neu(tmp_path) -> Handbuch:
    """A handbook whose Leitfaden was last changed in 2022 and everything else in 2026."""
    h = Handbuch.anlegen(tmp_path / "hb").git_init()
    h.commit("Leitfaden", "2022-03-01T10:00:00+01:00", "docs/leitfaeden/verstetigung.md")
    h.commit("Rest", "2026-10-01T10:00:00+02:00")
    return h


def test_bericht_nennt_veraltetes_foerderstaende_bilder_abschnitte_links(alt_und_neu: Handbuch) -> None:
    h = alt_und_neu
    h.schreiben(
        "docs/praxisbeispiele/ohne-bildnachweis.md",
        """\
        ---
        typ: praxisbeispiel
        art: illustrativ
        title: Ohne Bildnachweis
        zusammenfassung: Erfundenes Beispiel mit einem Bild ohne Urheber zum Testen.
        kommune: essen
        handlungsfelder: [bildung]
        laufzeit: {von: 2021}
        bilder:
          - datei: hof.jpg
            alt: Ein Hof
        ---
        # Ohne Bildnachweis

        ## Ausgangslage

        Siehe [Lernwerkstatt](lernwerkstatt.md) und [weg](../leitfaeden/gibt-es-nicht.md).

        Adresse: [AUSFÜLLEN: Postanschrift des Amtes]
        """,
    )
    h.commit("Neu", "2026-11-01T10:00:00+01:00")
    r = h.run("staedtenetz", "bericht", "--stichtag", "2026-11-25")
    assert r.returncode == 0, r.ausgabe
    t = r.stdout
    abschnitt = lambda titel: t.split(titel, 1)[1].split("\n\n", 1)[0]  # noqa: E731
    assert "Seit 24 Monaten nicht geändert (1)\n  docs/leitfaeden/verstetigung.md: Verstetigung: zuletzt geändert am 01.03.2022" in t
    assert "Förderprogramme mit Stand älter als 12 Monate (1)\n  docs/foerderprogramme/sozialer-zusammenhalt.md:" in t
    assert "Stand 18.11.2025" in abschnitt("Förderprogramme mit Stand")
    assert "docs/praxisbeispiele/ohne-bildnachweis.md:10: hof.jpg: 'urheber' fehlt" in abschnitt("Bilder ohne Bildnachweis")
    fehlend = abschnitt("Praxisbeispiele, denen ein Abschnitt fehlt")
    assert "Lernwerkstatt: es fehlt Ausgangslage, Vorgehen, Ergebnisse (empfohlen), Übertragbarkeit (empfohlen)" in fehlend
    assert fehlend.startswith(" (1)")  # the entry with an error is no entry yet: its messages come first
    links = abschnitt("Defekte interne Links")
    assert links.startswith(" (1)\n")
    assert "docs/praxisbeispiele/ohne-bildnachweis.md:17: '../leitfaeden/gibt-es-nicht.md'" in links
    verwaist = abschnitt("Seiten, auf die nichts verweist")
    assert "docs/vorlagen/isek.md" in verwaist and "docs/praxisbeispiele/lernwerkstatt.md" not in verwaist
    assert "docs/praxisbeispiele/ohne-bildnachweis.md:19: Postanschrift des Amtes" in abschnitt("Offene Platzhalter")
    assert "Praxisbeispiele: Veröffentlicht 1" in t  # the invalid one is not an entry

    md = h.run("staedtenetz", "bericht", "--format", "markdown", "--stichtag", "2026-11-25").stdout
    assert md.startswith("# Bericht für die Redaktion – Stand 25.11.2026\n")
    assert "| Leitfäden | 0 | 0 | 1 | 0 |" in md
    assert "- `docs/leitfaeden/verstetigung.md` – Verstetigung: zuletzt geändert am 01.03.2022" in md


def test_bericht_ohne_git_nennt_kein_alter(tmp_path) -> None:
    h = Handbuch.anlegen(tmp_path / "zip")
    r = h.run("staedtenetz", "bericht", "--stichtag", "2030-01-01")
    assert r.returncode == 0, r.ausgabe
    assert "keine Git-Versionsgeschichte" in r.stdout
    assert "Seit 24 Monaten nicht geändert (0)" in r.stdout


def test_zusammenfassung_eines_pull_requests(alt_und_neu: Handbuch) -> None:
    h = alt_und_neu
    h.git("checkout", "-q", "-b", "beitrag")
    h.schreiben("docs/praxisbeispiele/quartiersbuero.md", MIT_KONTAKT.replace(
        "ansprechstelle:\n", "bilder:\n  - datei: hof.jpg\n    alt: Der Hof\n    urheber: Stadt Essen, Amt 61\nansprechstelle:\n  person: Erika Beispiel\n  einwilligung: 2026-10-01\n"
    ).replace("laufzeit: {von: 2021}", "laufzeit: {von: 2021}\nstatus: in-pruefung"))
    h.schreiben("docs/praxisbeispiele/hof.jpg", b"\xff\xd8\xff\xe0 kein echtes Bild")
    v = h.docs / "leitfaeden/verstetigung.md"
    v.write_text(v.read_text(encoding="utf-8") + "\nErgänzt.\n", encoding="utf-8")
    (h.docs / "vorlagen/isek.md").unlink()
    h.commit("Beitrag", "2026-11-20T10:00:00+01:00")
    r = h.run("staedtenetz", "zusammenfassung", "--basis", "main")
    assert r.returncode == 0, r.ausgabe
    t = r.stdout
    assert t.startswith("## Inhaltsprüfung\n\n⚠️ Keine Fehler, aber **2 Warnung(en)** in den geänderten Dateien.")
    assert "### Geänderte Seiten (4)" in t
    assert "| neu | `docs/praxisbeispiele/hof.jpg` | – | – | – |" in t
    assert "| gelöscht | `docs/leitfaeden/verstetigung.md`" not in t
    assert "| geändert | `docs/leitfaeden/verstetigung.md` | Leitfaden | Verstetigung | Veröffentlicht |" in t
    assert "| neu | `docs/praxisbeispiele/quartiersbuero.md` | Praxisbeispiel | Quartiersbüro | In Prüfung |" in t
    assert "| gelöscht | `docs/vorlagen/isek.md` | Vorlage | ISEK-Gliederung | – |" in t
    assert "- `docs/praxisbeispiele/quartiersbuero.md:24` **Warnung:** Im Text steht die E-Mail-Adresse 'max.muster@essen.invalid'" in t
    assert "- [ ] **Bildrechte:**" in t and "  - `hof.jpg` (Quartiersbüro): Stadt Essen, Amt 61" in t
    assert "  - Erika Beispiel (Quartiersbüro): Einwilligung vom 01.10.2026" in t
    assert "- [ ] **Freigabe durch die Stadt:**" in t and "- [ ] **Datenschutz:**" in t
    falsch = h.run("staedtenetz", "zusammenfassung", "--basis", "gibt-es-nicht")
    assert falsch.returncode == 2 and "Git kennt den Stand 'gibt-es-nicht' nicht" in falsch.stderr


def test_zusammenfassung_zaehlt_die_folgen_einer_aenderung(handbuch: Handbuch) -> None:
    """Deleting an entry others refer to breaks files the pull request did not touch: the summary
    says so (as pruefen and the build do), with the deleted entry's title and type; changed
    fields are listed old -> new; a name in the page text is a hint for the reviewer."""
    h = handbuch
    h.git("checkout", "-q", "-b", "beitrag")
    (h.docs / "programmgebiete/essen-testviertel.md").unlink()
    foerder = h.docs / "foerderprogramme/sozialer-zusammenhalt.md"
    foerder.write_text(
        foerder.read_text(encoding="utf-8").replace("stand: 2025-11-18", "stand: 2026-06-01")
        + "\nRückfragen beantwortet Frau Beispiel im Ministerium.\n",
        encoding="utf-8",
    )
    h.commit("Beitrag", "2026-11-20T10:00:00+01:00")
    t = h.run("staedtenetz", "zusammenfassung", "--basis", "main").stdout
    assert t.startswith("## Inhaltsprüfung\n\n❌ **1 Fehler** im Handbuch, davon in 1 nicht geänderten Datei(en)"), t
    assert "- `docs/praxisbeispiele/lernwerkstatt.md:7` **Fehler:** 'programmgebiet' verweist auf 'essen-testviertel'" in t
    assert "| gelöscht | `docs/programmgebiete/essen-testviertel.md` | Programmgebiet | Essen Testviertel | – |" in t
    assert "- **Sozialer Zusammenhalt** (`docs/foerderprogramme/sozialer-zusammenhalt.md`):\n  - `stand`: 2025-11-18 → 2026-06-01" in t
    assert "    - `docs/foerderprogramme/sozialer-zusammenhalt.md:" in t and "Frau Beispiel" in t
    assert h.pruefen().returncode == 1


def _mit_quellen(titel: str, *quellen: str) -> str:
    zeilen = "".join(f"  - titel: Quelle {i}\n    url: https://www.example.org/{i}\n{q}" for i, q in enumerate(quellen))
    return (
        f"---\ntyp: praxisbeispiel\nart: dokumentiert\ntitle: {titel}\n"
        "zusammenfassung: Testeintrag mit Quellen unterschiedlichen Prüfdatums.\n"
        "kommune: essen\nhandlungsfelder: [bildung]\nlaufzeit: {von: 2021}\n"
        f"quellen:\n{zeilen}---\n# {titel}\n"
    )


def test_bericht_nennt_nie_und_lange_nicht_gepruefte_quellen(alt_und_neu: Handbuch) -> None:
    h = alt_und_neu
    h.schreiben("docs/praxisbeispiele/frisch.md", _mit_quellen("Frisch", "    geprueft: 2026-06-01\n"))
    h.schreiben("docs/praxisbeispiele/alt.md", _mit_quellen("Alt", "    geprueft: 2025-11-24\n", "    geprueft: 2026-01-10\n"))
    h.schreiben("docs/praxisbeispiele/nie.md", _mit_quellen("Nie", "    stand: undatiert\n", "    geprueft: 2026-06-01\n"))
    h.commit("Quellen", "2026-11-01T10:00:00+01:00")
    t = h.run("staedtenetz", "bericht", "--stichtag", "2026-11-25").stdout
    abschnitt = t.split("Quellen neu prüfen", 1)[1].split("\n\n", 1)[0]
    eigene = [z.strip() for z in abschnitt.splitlines() if "praxisbeispiele/" in z and "/lernwerkstatt" not in z]
    # Never checked first, then the oldest check; the one checked within 12 months is not listed.
    assert eigene == [
        "docs/praxisbeispiele/nie.md:9: Nie: 1 von 2 Quellen nicht live geprüft",
        "docs/praxisbeispiele/alt.md:9: Alt: 1 zuletzt geprüft am 24.11.2025",
    ]
    md = h.run("staedtenetz", "bericht", "--format", "markdown", "--stichtag", "2026-11-25").stdout
    assert "- `docs/praxisbeispiele/alt.md:9` – Alt: 1 zuletzt geprüft am 24.11.2025" in md
