"""The ``staedtenetz`` command: checks and tools that need no site build.

Output is German. Each problem is one line ``PFAD:ZEILE: fehler: …`` (or ``warnung``), so
editors and CI can jump to it; the exit code is 1 if there is any error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from staedtenetz.inhalt.meldungen import Meldung, zusammenfassung
from staedtenetz.redaktion.cli_basis import HILFE, _DeutscheHilfe, _DeutscherBefehl, _relativ, KONFIGURATION, katalog_der_ausgabe
from staedtenetz.redaktion.projekt import Projekt, ProjektFehler


@click.group(cls=_DeutscheHilfe, context_settings=HILFE, options_metavar="[OPTIONEN]", subcommand_metavar="BEFEHL [ANGABEN] …")
@click.help_option("-h", "--help", help="Diese Hilfe zeigen und beenden.")
@click.version_option(None, "--version", package_name="staedtenetz", message="staedtenetz %(version)s", help="Die Version zeigen und beenden.")
def main() -> None:
    """Werkzeuge für das Handbuch des Städtenetzes Soziale Stadt NRW."""


@main.command(cls=_DeutscherBefehl, context_settings=HILFE, options_metavar="[OPTIONEN]")
@click.help_option("-h", "--help", help="Diese Hilfe zeigen und beenden.")
@click.argument("pfade", nargs=-1, type=click.Path(path_type=Path), metavar="[PFAD …]")
@KONFIGURATION
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="text: eine Zeile je Problem; github: Anmerkungen für GitHub Actions.",
)
@click.option(
    "--ausgabe",
    type=click.Choice(["oeffentlich", "intern"]),
    help="Für welche Ausgabe Verweise geprüft werden: öffentlich (ohne Entwürfe und interne Einträge) "
    "oder intern. Ohne Angabe: wie in der Konfiguration (mkdocs.intern.yml: intern), sonst öffentlich.",
)
@click.option(
    "--strict/--nicht-strict",
    "streng",
    default=None,
    help="Auch bei Warnungen mit 1 beenden – wie 'mkdocs build --strict'. Ohne Angabe: wie 'strict:' in "
    "der Konfiguration (sonst nein).",
)
def pruefen(pfade: tuple[Path, ...], konfiguration: Path | None, format_: str, ausgabe: str | None, streng: bool | None) -> None:
    """Inhalte prüfen, ohne die Website zu bauen.

    Prüft alle Seiten des Handbuchs (Verweise werden immer gegen das ganze Handbuch
    aufgelöst) und meldet die Probleme in den angegebenen Dateien oder Ordnern, ohne
    Angabe in allen. Beendet sich mit 1, wenn es Fehler gibt (mit --strict auch bei
    Warnungen), sonst mit 0 – dieselbe Regel wie 'mkdocs build' bzw. 'mkdocs build --strict'.
    """
    for p in pfade:
        if not p.exists():
            click.echo(f"Fehler: '{p}' gibt es nicht.", err=True)
            sys.exit(2)
    try:
        projekt = Projekt.finden(pfade[0] if pfade else Path.cwd(), konfiguration)
    except ProjektFehler as e:
        click.echo(f"Fehler: {e}", err=True)
        sys.exit(2)
    auswahl: list[Path] = []
    for p in pfade:
        voll = p.resolve()
        if voll != projekt.docs_dir and projekt.docs_dir not in voll.parents:
            click.echo(f"Fehler: '{p}' liegt nicht im Inhaltsordner '{_relativ(projekt.docs_dir)}'.", err=True)
            sys.exit(2)
        auswahl.append(voll)

    katalog, _ = katalog_der_ausgabe(projekt, ausgabe)

    meldungen = [m for m in katalog.meldungen if _gewaehlt(projekt.docs_dir / m.pfad, auswahl)]
    for m in meldungen:
        pfad = _relativ(projekt.docs_dir / m.pfad)
        click.echo(_github(m, pfad) if format_ == "github" else m.als_zeile(pfad))
    geprueft = sum(1 for p in katalog.quellen if _gewaehlt(projekt.docs_dir / p, auswahl))
    click.echo(zusammenfassung(meldungen, geprueft), err=format_ == "github")
    if streng is None:
        streng = projekt.einstellungen.get("strict") is True
    sys.exit(1 if any(m.ist_fehler or streng for m in meldungen) else 0)


def _gewaehlt(voll: Path, auswahl: list[Path]) -> bool:
    return not auswahl or any(voll == a or a in voll.parents for a in auswahl)


def _github(m: Meldung, pfad: str) -> str:
    """A GitHub Actions workflow command: shown on the file and line of the pull request."""
    art = "error" if m.ist_fehler else "warning"
    text = m.text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{art} file={pfad},line={m.zeile},title=Inhaltsprüfung::{text}"


@main.command(cls=_DeutscherBefehl, context_settings=HILFE, options_metavar="[OPTIONEN]")
@click.help_option("-h", "--help", help="Diese Hilfe zeigen und beenden.")
def schema() -> None:
    """Das JSON Schema der Front Matter ausgeben (für Editoren und das Einreichungsformular)."""
    from staedtenetz.inhalt.schema import json_text

    click.echo(json_text(), nl=False)


# Editorial workflow (issue 4): neu, bericht, zusammenfassung – defined in cli_redaktion.py.
from staedtenetz.redaktion.cli_redaktion import bericht as _bericht, neu as _neu, website_pruefen as _website_pruefen, zusammenfassung_befehl as _zusammenfassung

main.add_command(_neu, "neu")
main.add_command(_bericht, "bericht")
main.add_command(_zusammenfassung, "zusammenfassung")
main.add_command(_website_pruefen, "website-pruefen")

# Contributions from Word and the web form (issue 13): import.
from staedtenetz.redaktion.cli_beitrag import importieren as _importieren  # noqa: E402

main.add_command(_importieren, "import")


if __name__ == "__main__":  # pragma: no cover
    main()
