"""The `staedtenetz` command line: output format, exit codes, German help, path selection."""

from __future__ import annotations

import json

from conftest import ROOT, Handbuch
from staedtenetz.inhalt.schema import json_schema, json_text

FEHLERHAFT = """\
---
typ: praxisbeispiel
art: illustrativ
title: Fehlerhaft
zusammenfassung: Ein Beispiel mit einem unbekannten Förderprogramm für den Befehlszeilentest.
kommune: essen
handlungsfelder: [bildung]
foerderprogramme: [biwak]
laufzeit: {von: 2020}
---
"""


def test_gueltig_exit_0(handbuch: Handbuch) -> None:
    r = handbuch.pruefen()
    assert (r.returncode, r.stdout) == (0, "0 Fehler, 0 Warnungen in 8 Dateien.\n")


def test_fehler_eine_zeile_je_problem_exit_1(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/praxisbeispiele/fehlerhaft.md", FEHLERHAFT)
    handbuch.schreiben("docs/praxisbeispiele/ohne-typ.md", "---\ntitle: Ohne\n---\n")
    r = handbuch.pruefen()
    assert r.returncode == 1
    assert r.stdout.splitlines() == [
        "docs/praxisbeispiele/fehlerhaft.md:8: fehler: 'foerderprogramme, 1. Eintrag' verweist auf 'biwak', aber kein "
        "Eintrag vom Typ Förderprogramm hat diese Kennung.",
        "docs/praxisbeispiele/ohne-typ.md:1: warnung: Die Seite liegt im Ordner 'praxisbeispiele/', hat aber "
        "kein Feld 'typ'. Ergänzen Sie 'typ: praxisbeispiel' in der Front Matter, sonst erscheint sie in keiner Liste.",
        "1 Fehler, 1 Warnung in 10 Dateien.",
    ]


def test_nur_warnungen_exit_0(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/praxisbeispiele/ohne-typ.md", "---\ntitle: Ohne\n---\n")
    assert handbuch.pruefen().returncode == 0


def test_pfade_schraenken_die_meldungen_ein_verweise_bleiben_global(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/praxisbeispiele/fehlerhaft.md", FEHLERHAFT)
    r = handbuch.pruefen("docs/kommunen")
    assert (r.returncode, r.stdout) == (0, "0 Fehler, 0 Warnungen in 1 Datei.\n")
    r = handbuch.pruefen("docs/praxisbeispiele/fehlerhaft.md")
    assert r.returncode == 1 and r.stdout.count("fehler:") == 1
    # Checking one file still resolves its references against the whole handbook:
    r = handbuch.pruefen("docs/praxisbeispiele/lernwerkstatt.md")
    assert r.returncode == 0


def test_aus_unterordner_und_mit_konfiguration(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/praxisbeispiele/fehlerhaft.md", FEHLERHAFT)
    r = handbuch.run("staedtenetz", "pruefen", cwd=handbuch.docs / "praxisbeispiele")
    assert r.returncode == 1 and r.stdout.startswith("fehlerhaft.md:8: fehler:")
    r = handbuch.run("staedtenetz", "pruefen", "-f", str(handbuch.pfad / "mkdocs.yml"), cwd=handbuch.pfad.parent)
    assert r.returncode == 1 and "handbuch/docs/praxisbeispiele/fehlerhaft.md:8: fehler:" in r.stdout


def test_github_format(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/praxisbeispiele/fehlerhaft.md", FEHLERHAFT)
    r = handbuch.pruefen("--format", "github")
    assert r.returncode == 1
    assert r.stdout.splitlines() == [
        "::error file=docs/praxisbeispiele/fehlerhaft.md,line=8,title=Inhaltsprüfung::'foerderprogramme, 1. Eintrag' verweist "
        "auf 'biwak', aber kein Eintrag vom Typ Förderprogramm hat diese Kennung."
    ]
    assert "1 Fehler" in r.stderr


def test_bedienfehler_auf_deutsch(handbuch: Handbuch) -> None:
    r = handbuch.pruefen("--unsinn")
    assert r.returncode == 2 and "Fehler: Die Option '--unsinn' gibt es nicht." in r.stderr
    r = handbuch.pruefen("docs/gibtsnicht.md")
    assert r.returncode == 2 and "Fehler: 'docs/gibtsnicht.md' gibt es nicht." in r.stderr
    r = handbuch.pruefen("mkdocs.yml")
    assert r.returncode == 2 and "liegt nicht im Inhaltsordner" in r.stderr
    r = handbuch.run("staedtenetz", "pruefen", cwd=handbuch.pfad.parent)
    assert r.returncode == 2 and "Keine mkdocs.yml" in r.stderr
    r = handbuch.run("staedtenetz", "gibtsnicht")
    assert r.returncode == 2 and "Den Befehl gibt es nicht" in r.stderr
    r = handbuch.pruefen("--format", "xml")
    assert r.returncode == 2 and "Ungültiger Wert" in r.stderr
    assert "Traceback" not in r.stderr


def test_hilfe_auf_deutsch(handbuch: Handbuch) -> None:
    r = handbuch.run("staedtenetz", "--help")
    assert r.returncode == 0
    assert r.stdout.startswith("Aufruf: staedtenetz [OPTIONEN] BEFEHL")
    assert "Optionen:" in r.stdout and "Befehle:" in r.stdout and "Usage" not in r.stdout
    r = handbuch.pruefen("--help")
    assert "Inhalte prüfen, ohne die Website zu bauen." in r.stdout and "Options" not in r.stdout


def test_schema_ist_aktuell() -> None:
    committed = (ROOT / "docs/schema/eintrag.schema.json").read_text(encoding="utf-8")
    assert committed == json_text(), "Schema veraltet: staedtenetz schema > docs/schema/eintrag.schema.json"


def test_schema_kennt_alle_typen_und_verweise() -> None:
    schema = json_schema()
    typen = sorted(schema["discriminator"]["mapping"])
    assert typen == sorted(["kommune", "programmgebiet", "handlungsfeld", "foerderprogramm", "praxisbeispiel", "vorlage", "leitfaden"])
    pb = schema["$defs"]["Praxisbeispiel"]
    assert set(pb["required"]) >= {"typ", "title", "zusammenfassung", "art", "kommune", "handlungsfelder", "laufzeit"}
    assert pb["properties"]["handlungsfelder"]["items"]["x-referenz"] == "handlungsfeld"
    assert pb["additionalProperties"] is False
    json.dumps(schema)  # serialisable


def test_schema_prueft_wie_das_modell() -> None:
    """The exported schema accepts the fixture entries and rejects what the model rejects."""
    import jsonschema
    import yaml
    from conftest import basis_eintraege

    validator = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())
    for text in basis_eintraege().values():
        daten = yaml.safe_load(text.split("---")[1])
        daten = json.loads(json.dumps(daten, default=str))  # dates as strings, as in a form
        assert list(validator.iter_errors(daten)) == [], text
    assert list(validator.iter_errors({"typ": "kommune", "title": "X", "zusammenfassung": "zu kurz"}))


def test_mitgliederausgabe_erbt_die_konfiguration(handbuch: Handbuch) -> None:
    """`-f mkdocs.intern.yml` follows INHERIT and checks the members' edition."""
    handbuch.schreiben(
        "docs/foerderprogramme/geheimfonds.md",
        (handbuch.docs / "foerderprogramme/sozialer-zusammenhalt.md")
        .read_text(encoding="utf-8")
        .replace("title: Sozialer Zusammenhalt", "title: Geheimfonds\nsichtbarkeit: intern")
        .replace("# Sozialer Zusammenhalt", "# Geheimfonds"),
    )
    lern = handbuch.docs / "praxisbeispiele/lernwerkstatt.md"
    lern.write_text(lern.read_text(encoding="utf-8").replace("[sozialer-zusammenhalt]", "[sozialer-zusammenhalt, geheimfonds]"))
    handbuch.schreiben(
        "mkdocs.intern.yml",
        "INHERIT: mkdocs.yml\nsite_dir: site-intern\nplugins:\n  staedtenetz/katalog:\n    ausgabe: intern\n",
    )
    r = handbuch.pruefen()
    assert r.returncode == 1 and "verweist auf 'geheimfonds', und das ist nur für Mitglieder" in r.stdout
    assert handbuch.pruefen("-f", "mkdocs.intern.yml").returncode == 0
    assert handbuch.pruefen("--ausgabe", "intern").returncode == 0
    r = handbuch.pruefen("-f", "mkdocs.intern.yml", "--ausgabe", "oeffentlich")
    assert r.returncode == 1
