"""Commands of the editorial workflow: ``neu``, ``bericht``, ``zusammenfassung``.

Registered on the ``staedtenetz`` group at the end of ``cli.py``; the work is done in ``neu``,
``bericht`` and ``zusammenfassung``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from staedtenetz.redaktion.cli_basis import HILFE, _DeutscherBefehl, _relativ, KONFIGURATION, katalog_der_ausgabe
from staedtenetz.katalog.laden import katalog_laden
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG, TYPEN
from staedtenetz.redaktion.projekt import Projekt, ProjektFehler


def _projekt(konfiguration: Path | None) -> Projekt:
    try:
        return Projekt.finden(Path.cwd(), konfiguration)
    except ProjektFehler as e:
        click.echo(f"Fehler: {e}", err=True)
        sys.exit(2)


@click.command(cls=_DeutscherBefehl, context_settings=HILFE, options_metavar="[OPTIONEN]")
@click.help_option("-h", "--help", help="Diese Hilfe zeigen und beenden.")
@click.argument("typ", type=click.Choice(list(TYPEN)), metavar="TYP")
@click.option("--titel", help="Titel des Eintrags; daraus wird die Kennung (der Dateiname).")
@click.option("--zusammenfassung", help="Zwei, drei Sätze für Karten und Suche (20–400 Zeichen).")
@click.option("--kommune", help="Kennung der Kommune (bei Programmgebiet und Praxisbeispiel).")
@click.option("--handlungsfeld", "handlungsfelder", multiple=True, help="Kennung eines Handlungsfelds (mehrfach möglich).")
@click.option("--art", help="Art (Praxisbeispiel: dokumentiert/illustrativ; Handlungsfeld: thematisch/instrumentell).")
@click.option("--feld", "felder", multiple=True, metavar="NAME=WERT", help="Ein weiteres Pflichtfeld, z. B. --feld ags=05113000 (mehrfach möglich).")
@click.option("--kennung", help="Kennung (Dateiname ohne .md) statt der aus dem Titel abgeleiteten.")
@KONFIGURATION
def neu(
    typ: str,
    titel: str | None,
    zusammenfassung: str | None,
    kommune: str | None,
    handlungsfelder: tuple[str, ...],
    art: str | None,
    felder: tuple[str, ...],
    kennung: str | None,
    konfiguration: Path | None,
) -> None:
    """Einen neuen Eintrag anlegen (Status: Entwurf).

    TYP ist einer von: kommune, programmgebiet, handlungsfeld, foerderprogramm,
    praxisbeispiel, vorlage, leitfaden. Was nicht als Option angegeben ist, wird
    nacheinander abgefragt. Die Datei entsteht im passenden Ordner mit den Abschnitten des
    Typs und kurzen Hinweisen; eine vorhandene Datei wird nie überschrieben.
    """
    from staedtenetz.redaktion import neu as n

    projekt = _projekt(konfiguration)
    katalog = katalog_laden(projekt.docs_dir)
    angaben: dict[str, str] = {}
    for f in felder:
        name, gleich, wert = f.partition("=")
        if not gleich:
            _abbruch(f"'--feld {f}' hat nicht die Form NAME=WERT, z. B. --feld ags=05113000.")
        angaben[name.strip()] = wert
    for name, wert in (("title", titel), ("zusammenfassung", zusammenfassung), ("kommune", kommune), ("art", art)):
        if wert is not None:
            angaben[name] = wert
    if handlungsfelder:
        angaben["handlungsfelder"] = ",".join(handlungsfelder)

    werte: dict[str, Any] = {}
    bekannte = {f.name for f in n.felder(typ, "dokumentiert")}
    for name in angaben:
        if name not in bekannte:
            _abbruch(f"Das Feld '{name}' wird bei '{typ}' nicht abgefragt. Möglich sind: {', '.join(sorted(bekannte))}.")
    fragen = n.felder(typ)
    i = 0
    while i < len(fragen):
        feld = fragen[i]
        werte[feld.name] = _antwort(n, feld, angaben.get(feld.name), katalog, typ, werte)
        if feld.name == "art" and typ == "praxisbeispiel":
            fragen = n.felder(typ, werte["art"])  # a documented case study needs sources
        i += 1

    slug = kennung or n.slug_vorschlag(werte["title"])
    ziel = n.zielpfad(projekt.docs_dir, typ, slug)
    anzeige = _relativ(ziel)
    if ziel.exists():
        _abbruch(
            f"Die Datei '{anzeige}' gibt es schon; sie wird nicht überschrieben. Wählen Sie einen anderen "
            "Titel oder mit --kennung eine andere Kennung."
        )
    try:
        n.kennung_pruefen(katalog, slug)
    except n.Eingabefehler as e:
        _abbruch(str(e))
    text = n.markdown(typ, werte)
    rel = ziel.relative_to(projekt.docs_dir).as_posix()
    meldungen = n.pruefen(katalog, rel, text)
    fehler = [m for m in meldungen if m.ist_fehler]
    if fehler:
        for m in fehler:
            click.echo(m.als_zeile(f"{anzeige} (noch nicht angelegt)"), err=True)
        _abbruch("Der Eintrag wurde nicht angelegt. Korrigieren Sie die Angaben oben und rufen Sie den Befehl erneut auf.")
    ziel.parent.mkdir(parents=True, exist_ok=True)
    with open(ziel, "x", encoding="utf-8", newline="\n") as datei:  # "x": never overwrite
        datei.write(text)
    click.echo(f"Angelegt: {anzeige} ({TYP_BEZEICHNUNG[typ][0]}, Status: Entwurf)")
    click.echo("Nächste Schritte:")
    click.echo("  1. Die Abschnitte ausfüllen und die Hinweise (<!-- Hinweis: … -->) löschen.")
    click.echo(f"  2. Prüfen: staedtenetz pruefen {anzeige}")
    click.echo("  3. Zur Prüfung geben: 'status: in-pruefung' setzen und einen Pull Request stellen.")


def _antwort(n: Any, feld: Any, vorgabe: str | None, katalog: Any, typ: str, werte: dict[str, Any]) -> Any:
    """The value of ``feld``: from its flag, else asked until the answer fits – checked by the
    same rules as pruefen right away, so no later answer is lost to an earlier mistake."""

    def geprueft(text: str) -> Any:
        wert = n.umwandeln(feld, text, katalog)
        probleme = n.antwort_pruefen(katalog, typ, {**werte, feld.name: wert}, feld.name)
        if probleme:
            raise n.Eingabefehler(" ".join(probleme))
        return wert

    if vorgabe is not None:
        try:
            return geprueft(vorgabe)
        except n.Eingabefehler as e:
            _abbruch(f"{feld.titel}: {e}")
    if feld.vorgabe is not None and not sys.stdin.isatty():
        return geprueft(feld.vorgabe)  # e.g. stand: today, when nobody can be asked
    if feld.art == "auswahl":
        click.echo(f"{feld.titel} – möglich: {', '.join(feld.auswahl)}")
    elif feld.art in ("verweis", "verweise"):
        vorhanden = [e.slug for e in katalog.nach_typ(feld.ziel)]
        if vorhanden:
            click.echo(f"{feld.titel} – vorhanden: {', '.join(vorhanden[:15])}{' …' if len(vorhanden) > 15 else ''}")
    while True:
        try:
            text = click.prompt(feld.frage, default=feld.vorgabe, show_default=feld.vorgabe is not None, prompt_suffix=": ")
        except click.exceptions.Abort:
            _abbruch(f"Keine Angabe für '{feld.titel}'. Geben Sie sie mit einer Option an, z. B. --feld {feld.name}=….")
        try:
            return geprueft(text)
        except n.Eingabefehler as e:
            click.echo(f"  Bitte noch einmal: {e}", err=True)


def _abbruch(text: str) -> None:
    click.echo(f"Fehler: {text}", err=True)
    sys.exit(1)


@click.command(cls=_DeutscherBefehl, context_settings=HILFE, options_metavar="[OPTIONEN]")
@click.help_option("-h", "--help", help="Diese Hilfe zeigen und beenden.")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="text für das Terminal, markdown z. B. für ein Issue oder die Job-Zusammenfassung.",
)
@click.option("--stichtag", type=click.DateTime(["%Y-%m-%d"]), help="Stichtag JJJJ-MM-TT statt heute.")
@KONFIGURATION
def bericht(format_: str, stichtag: dt.datetime | None, konfiguration: Path | None) -> None:
    """Bericht für die Redaktion: Status, veraltete Seiten, Förderstände, Bildnachweise,
    fehlende Abschnitte, Seiten ohne Verweise, defekte Links, offene Platzhalter."""
    from staedtenetz.redaktion import bericht as b

    projekt = _projekt(konfiguration)
    ergebnis = b.erstellen(projekt.docs_dir, projekt.einstellungen.get("nav"), stichtag.date() if stichtag else None)
    docs = _relativ(projekt.docs_dir)
    click.echo((b.als_markdown if format_ == "markdown" else b.als_text)(ergebnis, docs), nl=False)


@click.command("zusammenfassung", cls=_DeutscherBefehl, context_settings=HILFE, options_metavar="[OPTIONEN]")
@click.help_option("-h", "--help", help="Diese Hilfe zeigen und beenden.")
@click.option("--basis", required=True, metavar="GIT-STAND", help="Womit verglichen wird, z. B. origin/main.")
@KONFIGURATION
def zusammenfassung_befehl(basis: str, konfiguration: Path | None) -> None:
    """Zusammenfassung eines Pull Requests in Markdown (für die Job-Zusammenfassung):
    neue und geänderte Einträge, Fehler, Warnungen und eine Checkliste für die Redaktion."""
    from staedtenetz.redaktion import zusammenfassung as z

    projekt = _projekt(konfiguration)
    try:
        text, _ = z.erstellen(projekt.docs_dir, basis, _relativ(projekt.docs_dir))
    except z.GitFehler as e:
        click.echo(f"Fehler: {e}", err=True)
        sys.exit(2)
    click.echo(text, nl=False)


@click.command("website-pruefen", cls=_DeutscherBefehl, context_settings=HILFE, options_metavar="[OPTIONEN]")
@click.help_option("-h", "--help", help="Diese Hilfe zeigen und beenden.")
@click.argument("ordner", required=False, type=click.Path(path_type=Path), metavar="[AUSGABEORDNER]")
@click.option(
    "--ausgabe",
    type=click.Choice(["oeffentlich", "intern"]),
    help="Welche Ausgabe der Ordner enthalten soll. Ohne Angabe: wie in der Konfiguration.",
)
@KONFIGURATION
def website_pruefen(ordner: Path | None, ausgabe: str | None, konfiguration: Path | None) -> None:
    """Die gebaute Website prüfen, bevor sie veröffentlicht wird.

    Unabhängig davon, womit gebaut wurde: Fehlen katalog.json oder feed.xml, fehlen Einträge
    auf einer Übersichtsseite oder steht etwas von einem Entwurf, einem Eintrag in Prüfung
    oder einem internen Eintrag (Kennung, Titel, Dateien) in irgendeiner Datei der
    öffentlichen Ausgabe – auch im Suchindex, in gepackten Dateien und PDFs –, endet der
    Befehl mit 1. AUSGABEORDNER: ohne Angabe der site_dir der Konfiguration.
    """
    from staedtenetz.redaktion import websitepruefung

    projekt = _projekt(konfiguration)
    site_dir = ordner if ordner is not None else projekt.wurzel / str(projekt.einstellungen.get("site_dir", "site"))
    katalog, gewaehlt = katalog_der_ausgabe(projekt, ausgabe)
    if katalog.fehler:
        click.echo(f"Fehler: Die Inhalte haben {len(katalog.fehler)} Fehler; prüfen Sie sie zuerst mit 'staedtenetz pruefen'.", err=True)
        sys.exit(1)
    probleme = websitepruefung.pruefen(site_dir, katalog, gewaehlt, projekt.docs_dir)
    for p in probleme:
        click.echo(f"{_relativ(site_dir)}: fehler: {p}")
    if probleme:
        click.echo(f"{len(probleme)} Probleme: Diese Website darf so nicht veröffentlicht werden.", err=True)
        sys.exit(1)
    click.echo(f"Die Website in '{_relativ(site_dir)}' ist in Ordnung ({gewaehlt.name}, {len(katalog.eintraege)} Einträge).")
