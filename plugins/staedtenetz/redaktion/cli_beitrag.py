"""``staedtenetz import``: a filled-in Word template (DOCX/ODT) or a Beitragspaket (ZIP) becomes a
checked draft in docs/. Registered on the group in ``cli.py``; the work is in ``beitrag``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.redaktion.cli_basis import HILFE, _DeutscherBefehl, _relativ
from staedtenetz.redaktion.cli_basis import KONFIGURATION
from staedtenetz.redaktion.cli_redaktion import _projekt

_TYPEN = ["praxisbeispiel", "programmgebiet", "vorlage"]


@click.command(cls=_DeutscherBefehl, context_settings=HILFE, options_metavar="[OPTIONEN]")
@click.help_option("-h", "--help", help="Diese Hilfe zeigen und beenden.")
@click.argument("datei", type=click.Path(path_type=Path), metavar="DATEI")
@click.option("--kennung", help="Kennung (Dateiname ohne .md) statt der aus dem Titel abgeleiteten.")
@click.option("--typ", type=click.Choice(_TYPEN), help="Art des Eintrags, falls die Zeile 'Art des Beitrags' im Steckbrief fehlt.")
@click.option("--ersetzen", is_flag=True, help="Einen vorhandenen Eintrag gleichen Namens überschreiben.")
@KONFIGURATION
def importieren(datei: Path, kennung: str | None, typ: str | None, ersetzen: bool, konfiguration: Path | None) -> None:
    """Einen Beitrag einlesen: ausgefüllte Word-Vorlage (DOCX, ODT) oder Beitragspaket (ZIP).

    Der Steckbrief wird zur Front Matter, die Abschnitte zum Text, Fotos landen mit sauberen
    Namen neben dem Eintrag. Geschrieben wird nur, wenn der Eintrag die Prüfungen von
    'staedtenetz pruefen' besteht – dann als Entwurf (status: entwurf). Sonst nennt der Befehl
    jeden Fehler mit seiner Stelle im Dokument und schreibt nichts.
    """
    if not datei.is_file():
        click.echo(f"Fehler: Die Datei '{datei}' gibt es nicht.", err=True)
        sys.exit(2)
    projekt = _projekt(konfiguration)
    from staedtenetz.beitrag.importieren import importieren as ausfuehren

    ausgabe = projekt.plugin("staedtenetz/katalog").get("ausgabe") or "oeffentlich"
    max_mb = projekt.plugin("staedtenetz/austausch").get("materialien_max_mb")
    try:
        bericht = ausfuehren(
            datei,
            projekt.docs_dir,
            kennung=kennung,
            typ=typ,
            ersetzen=ersetzen,
            ausgabe=Ausgabe(intern=ausgabe == "intern"),
            max_mb=float(max_mb) if isinstance(max_mb, (int, float)) else None,
        )
    except Exception as grund:  # never a traceback for people; the type helps the maintainers
        click.echo(
            f"Fehler: '{datei.name}' ließ sich nicht einlesen ({type(grund).__name__}: {grund}). Nichts wurde "
            "geschrieben. Bitte melden Sie das mit der Datei an die Redaktion.",
            err=True,
        )
        sys.exit(1)
    name = datei.name
    for text in bericht.fehler:
        click.echo(f"{name}: fehler: {text}")
    for text in bericht.warnungen:
        click.echo(f"{name}: warnung: {text}")
    if not bericht.ok:
        anzahl = len(bericht.fehler)
        click.echo(f"Nichts geschrieben: {anzahl} Fehler. Korrigieren Sie das Dokument und lesen Sie es erneut ein.", err=True)
        sys.exit(1)
    eintrag, *dateien = bericht.geschrieben
    click.echo(f"Eingelesen als Entwurf: {_relativ(projekt.docs_dir / eintrag)}")
    for d in dateien:
        click.echo(f"  Datei: {_relativ(projekt.docs_dir / d)}")
    for alt, neu in bericht.umbenannt:
        click.echo(f"  Umbenannt (saubere Dateinamen): '{alt}' → {_relativ(projekt.docs_dir / neu)}")
    click.echo("Prüfen Sie den Text, ergänzen Sie Quellen und setzen Sie 'status', wenn der Beitrag freigegeben ist.")
