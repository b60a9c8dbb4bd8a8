"""The "Beitragspaket": a ZIP from the web form with one entry and its photos and materials.

The format (agreed with the web form, see CONTRIBUTING.md):

    beitrag.json                      optional: {"format": "staedtenetz-beitragspaket", "version": 1,
                                                 "eintrag": "docs/<ordner>/<slug>.md"}
    docs/<ordner>/<slug>.md           exactly one entry; <ordner> is the folder of its typ
    docs/<ordner>/<slug>/<datei>      its files, each listed under ``bilder`` or ``materialien``

:func:`auspacken` checks the archive (``zipgrenzen``: sizes, ratio, count, links, names – from
the headers and again while unpacking) into a private folder – a file with capitals, spaces or
umlauts in its name gets its clean name (``materialien.sauberer_name``) and the entry's text is
changed to match –, then every file with the same
check as ``pruefen`` (``pruefung/materialien.datei_pruefen``: type by content, size, clean
name). Anything unsafe raises :class:`Paketfehler`; nothing reaches the handbook before
``einfuegen`` has checked the entry as a whole.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from staedtenetz.beitrag.zipgrenzen import Grenzen, ZipFehler, entpacken, kopf_pruefen
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.inhalt.modell import SLUG_MUSTER, TYP_BEZEICHNUNG
from staedtenetz.pruefung import materialien

MANIFEST = "beitrag.json"
FORMAT = "staedtenetz-beitragspaket"
MAX_MARKDOWN_BYTES = 1_000_000
_ORDNER = {ordner: typ for typ, (_, _, ordner) in TYP_BEZEICHNUNG.items()}


class Paketfehler(Exception):
    """The package is refused; ``fehler`` are German sentences."""

    def __init__(self, fehler: list[str]) -> None:
        super().__init__("\n".join(fehler))
        self.fehler = fehler


@dataclass
class Paket:
    pfad: str  # docs-relative path of the entry
    text: str
    dateien: dict[str, Path]  # docs-relative target -> unpacked file
    umbenannt: dict[str, str]  # member name -> clean docs-relative path (files renamed on import)


def grenzen(max_mb: float | None) -> Grenzen:
    return Grenzen(max_datei_bytes=int((max_mb or materialien.STANDARD_MAX_MB) * 1_000_000))


def auspacken(zipdatei: Path, arbeitsordner: Path, max_mb: float | None = None) -> Paket:
    """Check and unpack ``zipdatei`` below ``arbeitsordner``; raises :class:`Paketfehler`."""
    g = grenzen(max_mb)
    name = zipdatei.name
    if not zipfile.is_zipfile(zipdatei):
        raise Paketfehler([f"'{name}' ist kein ZIP-Archiv. Ein Beitragspaket ist die ZIP-Datei, die das Formular erzeugt."])
    try:
        with zipfile.ZipFile(zipdatei) as z:
            mitglieder = kopf_pruefen(z, g)
            eintrag, dateien, umbenannt = _aufbau(mitglieder)
            md_info = next(i for i in mitglieder if i.filename == eintrag)
            if md_info.file_size > MAX_MARKDOWN_BYTES:
                raise Paketfehler([f"'{eintrag}' ist größer als 1 MB; ein Eintrag ist Text, Fotos gehören als eigene Dateien ins Paket."])
            ziel = arbeitsordner / "docs"
            ziel.mkdir(parents=True)
            summe = 0
            manifest = None
            for i in mitglieder:
                if i.filename == MANIFEST:
                    if i.file_size > 64_000:
                        raise Paketfehler([f"'{MANIFEST}' ist zu groß."])
                    manifest = z.read(i)
                    continue
                rel = umbenannt.get(i.filename, i.filename[len("docs/") :])
                (ziel / rel).parent.mkdir(parents=True, exist_ok=True)
                summe = entpacken(z, i, ziel / rel, g, summe)
    except ZipFehler as grund:
        raise Paketfehler([f"{name}: {grund}"]) from None
    except (zipfile.BadZipFile, OSError) as grund:
        raise Paketfehler([f"'{name}' lässt sich nicht öffnen ({grund}). Erzeugen Sie das Paket neu."]) from None
    if manifest is not None:
        _manifest_pruefen(manifest, eintrag)
    pfad = eintrag[len("docs/") :]
    roh = _umbenennen((ziel / pfad).read_bytes(), pfad, umbenannt)
    fehler = _eintrag_pruefen(pfad, roh, dateien, ziel, g.max_datei_bytes)
    if fehler:
        raise Paketfehler(fehler)
    return Paket(pfad, roh.decode("utf-8"), {d: ziel / d for d in dateien}, umbenannt)


def _umbenennen(roh: bytes, pfad: str, umbenannt: dict[str, str]) -> bytes:
    """The entry's text with every renamed file's page-relative path replaced (as written, and
    with ``%20`` for spaces in links)."""
    if not umbenannt:
        return roh
    try:
        text = roh.decode("utf-8")
    except UnicodeDecodeError:
        return roh  # the check of the entry reports it
    ordner = posixpath.dirname(pfad)
    for alt, neu in sorted(umbenannt.items(), key=lambda x: -len(x[0])):
        alt_rel = posixpath.relpath(alt[len("docs/") :], ordner)
        neu_rel = posixpath.relpath(neu, ordner)
        text = text.replace(alt_rel, neu_rel).replace(alt_rel.replace(" ", "%20"), neu_rel)
    return text.encode("utf-8")


def _aufbau(mitglieder: list[zipfile.ZipInfo]) -> tuple[str, list[str], dict[str, str]]:
    """(the entry's member name, clean docs-relative paths of its files, member -> clean path of
    the files that get a clean name); checks the layout."""
    namen = [i.filename for i in mitglieder]
    md = [n for n in namen if n.endswith(".md")]
    if len(md) != 1:
        raise Paketfehler(
            [
                f"Das Paket enthält {len(md)} Markdown-Dateien ({', '.join(md) or 'keine'}); erwartet ist genau eine, "
                "z. B. 'docs/praxisbeispiele/mein-projekt.md'."
            ]
        )
    eintrag = md[0]
    m = re.fullmatch(r"docs/([a-z]+)/([^/]+)\.md", eintrag)
    if not m or m[1] not in _ORDNER or not re.fullmatch(SLUG_MUSTER, m[2]):
        ordner = ", ".join(sorted(_ORDNER))
        raise Paketfehler(
            [
                f"'{eintrag}' liegt nicht, wo ein Eintrag hingehört: 'docs/<ordner>/<kennung>.md' mit einem der Ordner "
                f"{ordner} und einer Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen."
            ]
        )
    ordner, slug = m[1], m[2]
    erlaubt = f"docs/{ordner}/{slug}/"
    dateien: list[str] = []
    umbenannt: dict[str, str] = {}
    fehler: list[str] = []
    for n in namen:
        if n in (eintrag, MANIFEST):
            continue
        if not n.startswith(erlaubt) or "/" in n[len(erlaubt) :]:
            fehler.append(
                f"'{n}' liegt außerhalb des Ordners des Eintrags. Fotos und Materialien gehören direkt in '{erlaubt}'."
            )
            continue
        datei = n[len(erlaubt) :]
        rel = n[len("docs/") :]
        if not materialien.ist_sauber(datei):
            rel = posixpath.join(posixpath.dirname(rel), materialien.sauberer_name(datei))
            umbenannt[n] = rel
        if rel in dateien:
            fehler.append(f"'{n}' hätte mit sauberem Namen denselben Namen wie eine andere Datei ('{rel}'). Benennen Sie eine um.")
            continue
        dateien.append(rel)
    if fehler:
        raise Paketfehler(fehler)
    return eintrag, dateien, umbenannt


def _manifest_pruefen(roh: bytes, eintrag: str) -> None:
    def abweisen(grund: str) -> Paketfehler:
        return Paketfehler([f"{MANIFEST}: {grund}"])

    try:
        daten = json.loads(roh.decode("utf-8"), parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    except (UnicodeDecodeError, ValueError) as grund:
        raise abweisen(f"kein gültiges JSON ({grund}).") from None
    if not isinstance(daten, dict):
        raise abweisen("erwartet ist ein Objekt {…}.")
    unbekannt = sorted(set(daten) - {"format", "version", "eintrag"})
    if unbekannt:
        raise abweisen(f"unbekannte Angaben: {', '.join(unbekannt)}. Erlaubt sind format, version und eintrag.")
    if "format" in daten and daten["format"] != FORMAT:
        raise abweisen(f"'format' ist '{daten['format']}', erwartet '{FORMAT}'.")
    if "version" in daten and (type(daten["version"]) is not int or daten["version"] != 1):
        raise abweisen(f"'version' {daten['version']!r} kennt dieses Werkzeug nicht (erwartet 1).")
    if "eintrag" in daten and daten["eintrag"] != eintrag:
        raise abweisen(f"'eintrag' nennt '{daten['eintrag']}', im Paket liegt aber '{eintrag}'.")


def _eintrag_pruefen(pfad: str, roh: bytes, dateien: list[str], docs: Path, grenze: int) -> list[str]:
    """Errors about the entry's front matter and its files (checked in the unpacked copy)."""
    q = lesen(pfad, roh)
    anzeige = f"docs/{pfad}"
    fehler = [f"{anzeige}:{m.zeile}: {m.text}" for m in q.meldungen if m.ist_fehler]
    if fehler or not isinstance(q.daten, dict):
        return fehler or [f"{anzeige}: Der Eintrag hat keine Front Matter (den Bereich zwischen zwei Zeilen '---')."]
    daten = q.daten
    ordner = pfad.split("/")[0]
    typ = daten.get("typ")
    if typ != _ORDNER[ordner]:
        return [f"{anzeige}:{q.zeile(('typ',))}: 'typ: {typ}' passt nicht zum Ordner '{ordner}' (erwartet 'typ: {_ORDNER[ordner]}')."]
    status = daten.get("status", "entwurf")
    if status != "entwurf":
        fehler.append(
            f"{anzeige}:{q.zeile(('status',))}: Ein Beitrag kommt als Entwurf an ('status: entwurf'); "
            f"'status: {status}' setzt erst die Redaktion."
        )
    genannt: dict[str, tuple[str, int, bool]] = {}
    for feld in ("bilder", "materialien"):
        liste = daten.get(feld)
        if not isinstance(liste, list):
            continue
        for i, m in enumerate(liste):
            datei = m.get("datei") if isinstance(m, dict) else None
            if not isinstance(datei, str):
                continue
            zeile = q.zeile((feld, i, "datei"))
            rel = materialien.ziel(pfad, datei)
            if rel is None or rel not in dateien:
                fehler.append(
                    f"{anzeige}:{zeile}: '{datei}' fehlt im Paket. Legen Sie die Datei nach "
                    f"'docs/{posixpath.splitext(pfad)[0]}/' und schreiben Sie 'datei: "
                    f"{posixpath.basename(posixpath.splitext(pfad)[0])}/{posixpath.basename(datei)}'."
                )
                continue
            genannt[rel] = (datei, zeile, feld == "bilder")
            text = materialien.datei_pruefen(docs, pfad, datei, grenze, nur_bilder=feld == "bilder")
            if text:
                fehler.append(f"{anzeige}:{zeile}: {text}")
    for rel in dateien:
        if rel not in genannt:
            fehler.append(
                f"'docs/{rel}' liegt im Paket, steht aber weder unter 'bilder' noch unter 'materialien' des Eintrags. "
                "Tragen Sie die Datei ein oder nehmen Sie sie aus dem Paket."
            )
    return fehler
