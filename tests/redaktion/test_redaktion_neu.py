"""`staedtenetz neu`: scaffold from flags and from questions; the result passes `pruefen`."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import BIN, Handbuch

NEU = [
    "neu",
    "praxisbeispiel",
    "--titel",
    "Lernwerkstatt Überruhr",
    "--zusammenfassung",
    "Ein erfundenes Beispiel für eine Lernwerkstatt im Quartier.",
    "--kommune",
    "essen",
    "--handlungsfeld",
    "bildung",
    "--art",
    "illustrativ",
    "--feld",
    "laufzeit=2019-2023",
]


def staedtenetz(h: Handbuch, *args: str, eingabe: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(BIN / "staedtenetz"), *args], cwd=h.pfad, input=eingabe, capture_output=True, text=True, env=env, timeout=120
    )


def test_neu_mit_optionen_legt_gueltigen_entwurf_an(handbuch: Handbuch) -> None:
    r = staedtenetz(handbuch, *NEU)
    assert r.returncode == 0, r.stderr
    datei = handbuch.docs / "praxisbeispiele/lernwerkstatt-ueberruhr.md"
    assert "Angelegt: docs/praxisbeispiele/lernwerkstatt-ueberruhr.md" in r.stdout
    text = datei.read_text(encoding="utf-8")
    assert text.startswith("---\ntyp: praxisbeispiel\ntitle: Lernwerkstatt Überruhr\n")
    assert "status: entwurf\n" in text
    assert "laufzeit:\n  von: 2019\n  bis: 2023\n" in text
    ueberschriften = [z for z in text.splitlines() if z.startswith("#")]
    assert ueberschriften == ["# Lernwerkstatt Überruhr", "## Ausgangslage", "## Vorgehen", "## Ergebnisse", "## Übertragbarkeit"]
    assert text.count("<!-- Hinweis:") == 4
    p = handbuch.pruefen()
    assert p.returncode == 0, p.ausgabe
    assert "0 Fehler, 0 Warnungen" in p.ausgabe


def test_hinweise_sind_warnungen_sobald_der_eintrag_kein_entwurf_mehr_ist(handbuch: Handbuch) -> None:
    assert staedtenetz(handbuch, *NEU).returncode == 0
    datei = handbuch.docs / "praxisbeispiele/lernwerkstatt-ueberruhr.md"
    datei.write_text(datei.read_text(encoding="utf-8").replace("status: entwurf", "status: in-pruefung"), encoding="utf-8")
    p = handbuch.pruefen()
    assert p.returncode == 0, p.ausgabe  # warnings only
    zeilen = [z for z in p.stdout.splitlines() if "Hinweis aus der Vorlage" in z]
    nummern = [i for i, z in enumerate(datei.read_text(encoding="utf-8").splitlines(), 1) if "<!-- Hinweis:" in z]
    assert [z.split(":")[1] for z in zeilen] == [str(n) for n in nummern]
    assert all(z.startswith("docs/praxisbeispiele/lernwerkstatt-ueberruhr.md:") and ": warnung: " in z for z in zeilen)


def test_neu_ueberschreibt_nie(handbuch: Handbuch) -> None:
    assert staedtenetz(handbuch, *NEU).returncode == 0
    datei = handbuch.docs / "praxisbeispiele/lernwerkstatt-ueberruhr.md"
    datei.write_text(datei.read_text(encoding="utf-8") + "\nEigener Text.\n", encoding="utf-8")
    vorher = datei.read_bytes()
    r = staedtenetz(handbuch, *NEU)
    assert r.returncode == 1
    assert "Fehler: Die Datei 'docs/praxisbeispiele/lernwerkstatt-ueberruhr.md' gibt es schon; sie wird nicht überschrieben." in r.stderr
    assert datei.read_bytes() == vorher
    # The same slug in another folder is taken as well: slugs are unique in the whole handbook.
    r = staedtenetz(handbuch, "neu", "leitfaden", "--titel", "Bildung", "--zusammenfassung", "Ein Leitfaden mit einer schon vergebenen Kennung.")
    assert r.returncode == 1
    assert "Die Kennung 'bildung' ist schon vergeben an 'handlungsfelder/bildung.md' (Bildung)." in r.stderr
    assert not (handbuch.docs / "leitfaeden/bildung.md").exists()


def test_falscher_verweis_nennt_die_naechste_kennung(handbuch: Handbuch) -> None:
    args = [a if a != "essen" else "esen" for a in NEU]
    r = staedtenetz(handbuch, *args)
    assert r.returncode == 1
    assert "Kein Eintrag vom Typ Kommune hat die Kennung 'esen'. Meinten Sie 'essen'?" in r.stderr
    assert not (handbuch.docs / "praxisbeispiele/lernwerkstatt-ueberruhr.md").exists()


def test_neu_fragt_fehlendes_ab_und_fragt_bei_falscher_antwort_nach(handbuch: Handbuch) -> None:
    # title, zusammenfassung, art (wrong first, then right)
    eingabe = "Stadtteilkultur\nKultur im Stadtteil: Feste, Chöre und offene Bühnen im Quartier.\nthematish\nthematisch\n"
    r = staedtenetz(handbuch, "neu", "handlungsfeld", eingabe=eingabe)
    assert r.returncode == 0, r.stderr
    assert "Bitte noch einmal: 'thematish' ist hier nicht erlaubt. Meinten Sie 'thematisch'?" in r.stderr
    text = (handbuch.docs / "handlungsfelder/stadtteilkultur.md").read_text(encoding="utf-8")
    assert "art: thematisch\n" in text and "typ: handlungsfeld\n" in text
    assert handbuch.pruefen().returncode == 0


def test_zu_kurze_zusammenfassung_wird_nicht_geschrieben(handbuch: Handbuch) -> None:
    r = staedtenetz(handbuch, "neu", "vorlage", "--titel", "Kurzvorlage", "--zusammenfassung", "Zu kurz.")
    assert r.returncode == 1
    # Checked when given, with pruefen's words – before any other question.
    assert r.stderr == "Fehler: Zusammenfassung: 'zusammenfassung' ist zu kurz: mindestens 20 Zeichen, gefunden 8.\n"
    assert not (handbuch.docs / "vorlagen/kurzvorlage.md").exists()


def test_eine_falsche_antwort_wird_gleich_noch_einmal_gefragt(handbuch: Handbuch) -> None:
    """A 4-character summary at the prompt is refused at once and asked again; the answers
    before and after it are kept and the entry is written."""
    r = staedtenetz(
        handbuch,
        "neu",
        "vorlage",
        eingabe="Gliederung Quartier\nKurz\nEine Vorlage für die Gliederung eines Quartierskonzepts.\nbildung\n",
    )
    assert r.returncode == 0, r.stderr
    assert "Bitte noch einmal: 'zusammenfassung' ist zu kurz: mindestens 20 Zeichen, gefunden 4." in r.stderr
    text = (handbuch.docs / "vorlagen/gliederung-quartier.md").read_text(encoding="utf-8")
    assert "title: Gliederung Quartier\n" in text and "Quartierskonzepts." in text


def test_ohne_angaben_und_ohne_eingabe_bricht_neu_verstaendlich_ab(handbuch: Handbuch) -> None:
    r = staedtenetz(handbuch, "neu", "kommune", eingabe="")
    assert r.returncode == 1
    assert "Keine Angabe für 'Titel'" in r.stderr
    assert "Traceback" not in r.stderr
    assert not list(Path(handbuch.docs / "kommunen").glob("*.md"))[1:]  # only essen.md


def test_foerderprogramm_mit_quelle_liste_und_stand_von_heute(handbuch: Handbuch) -> None:
    import datetime as dt

    r = staedtenetz(
        handbuch, "neu", "foerderprogramm", "--titel", "Testfonds", "--zusammenfassung",
        "Ein erfundenes Förderprogramm, nur für diesen Test angelegt.", "--feld", "foerdergeber=Land NRW, Kommune",
        "--feld", "foerdergegenstand=Kleine Projekte im Quartier", "--feld", "programmstatus=laufend",
        "--feld", "quellen=https://www.staedtebaufoerderung.nrw Städtebauförderung NRW",
    )
    assert r.returncode == 0, r.stderr
    text = (handbuch.docs / "foerderprogramme/testfonds.md").read_text(encoding="utf-8")
    assert "foerdergeber:\n- Land NRW\n- Kommune\n" in text
    assert f"stand: {dt.date.today().isoformat()}\n" in text
    assert "quellen:\n- titel: Städtebauförderung NRW\n  url: https://www.staedtebaufoerderung.nrw\n" in text
    assert "## Kurzbeschreibung\n" in text
    assert handbuch.pruefen().returncode == 0
    falsch = staedtenetz(handbuch, "neu", "foerderprogramm", "--titel", "X", "--feld", "unbekannt=1")
    assert falsch.returncode == 1 and "Das Feld 'unbekannt' wird bei 'foerderprogramm' nicht abgefragt." in falsch.stderr
