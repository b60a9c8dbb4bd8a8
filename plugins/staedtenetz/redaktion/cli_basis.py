"""Click with German help and messages: the base of every ``staedtenetz`` command.

Shared by ``cli`` (the group and the checks) and ``cli_redaktion`` (the editorial commands),
so neither imports the other's module for it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.katalog.katalog import Katalog
from staedtenetz.katalog.laden import katalog_laden
from staedtenetz.redaktion.projekt import Projekt


class _DeutscheHilfe(click.Group):
    """Click with German headings and messages for the cases people actually hit."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Aufruf: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _optionen(self, ctx, formatter)
        befehle = [(n, self.get_command(ctx, n)) for n in self.list_commands(ctx)]
        with formatter.section("Befehle"):
            formatter.write_dl([(n, c.get_short_help_str(90)) for n, c in befehle if c is not None])

    def main(self, *args, **kwargs):  # type: ignore[override]
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoSuchOption as e:
            _abbruch(f"Die Option '{e.option_name}' gibt es nicht.", e.ctx)
        except click.exceptions.BadParameter as e:
            _abbruch(f"Ungültiger Wert: {e.message}", e.ctx)
        except click.exceptions.UsageError as e:
            _abbruch(_uebersetzen(e.message), e.ctx)
        except click.exceptions.Abort:
            click.echo("Abgebrochen.", err=True)
            sys.exit(1)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except click.ClickException as e:
            click.echo(f"Fehler: {e.format_message()}", err=True)
            sys.exit(e.exit_code)


class _DeutscherBefehl(click.Command):
    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Aufruf: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _optionen(self, ctx, formatter)


def _optionen(cmd: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    zeilen = [rv for p in cmd.get_params(ctx) if (rv := p.get_help_record(ctx)) is not None]
    if zeilen:
        with formatter.section("Optionen"):
            formatter.write_dl(zeilen)


def _uebersetzen(text: str) -> str:
    if text.startswith("No such command"):
        return text.replace("No such command", "Den Befehl gibt es nicht:")
    if text.startswith("Missing argument"):
        return text.replace("Missing argument", "Es fehlt die Angabe")
    if text.startswith("Got unexpected extra argument"):
        return "Zu viele Angaben: " + text.split("(", 1)[-1].rstrip(")")
    return text


def _abbruch(text: str, ctx: click.Context | None) -> None:
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        click.echo(f"Hilfe: {ctx.command_path} --help", err=True)
    click.echo(f"Fehler: {text}", err=True)
    sys.exit(2)


HILFE = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: ``-f/--konfiguration``, the option of every command that reads the handbook.
KONFIGURATION = click.option(
    "-f",
    "--konfiguration",
    type=click.Path(path_type=Path),
    help="Die mkdocs.yml des Handbuchs (sonst die im aktuellen Ordner oder darüber).",
)


def _relativ(pfad: Path) -> str:
    try:
        return pfad.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return pfad.as_posix()


def katalog_der_ausgabe(projekt: Projekt, ausgabe: str | None) -> tuple[Katalog, Ausgabe]:
    """The catalogue as the build of ``ausgabe`` sees it (``None``: the edition of the
    configuration – mkdocs.intern.yml: intern – else the public one), with the configuration's
    size limit for materials."""
    name = ausgabe or projekt.plugin("staedtenetz/katalog").get("ausgabe") or "oeffentlich"
    max_mb = projekt.plugin("staedtenetz/austausch").get("materialien_max_mb")
    gewaehlt = Ausgabe(intern=name == "intern")
    katalog = katalog_laden(projekt.docs_dir, gewaehlt, float(max_mb) if isinstance(max_mb, (int, float)) else None)
    return katalog, gewaehlt
