"""Limits for every ZIP archive we open from outside (packages, and DOCX/ODT documents).

An archive is judged twice: first by its central directory (:func:`kopf_pruefen`: number of
members, declared sizes, compression ratio, links, encryption, and for packages the names), then
while it is unpacked (:func:`entpacken`: the bytes actually produced are counted, so a header
that lies about the size stops the extraction at the limit). Nothing is written outside the
target folder, and on any violation the caller writes nothing into the handbook.
"""

from __future__ import annotations

import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

_BLOCK = 1 << 16


class ZipFehler(ValueError):
    """The archive is unsafe or too large; the German text says why."""


@dataclass(frozen=True)
class Grenzen:
    max_dateien: int = 50
    max_datei_bytes: int = 20_000_000
    max_gesamt_bytes: int = 100_000_000
    max_verhaeltnis: float = 100.0  # uncompressed : compressed, for members above ``verhaeltnis_ab``
    verhaeltnis_ab: int = 1_000_000


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB".replace(".", ",")


def ist_link(info: zipfile.ZipInfo) -> bool:
    """Whether the member is a symbolic link (Unix mode in the high word of external_attr)."""
    return stat.S_ISLNK(info.external_attr >> 16)


def name_fehler(name: str) -> str | None:
    """Why the member name is unsafe, or None."""
    if "\\" in name:
        return f"'{name}' enthält '\\' (Windows-Pfad). Pfade im Paket trennen Ordner mit '/'."
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return f"'{name}' ist ein absoluter Pfad. Im Paket stehen nur Pfade wie 'docs/praxisbeispiele/…'."
    teile = name.rstrip("/").split("/")
    if any(t in ("..", ".") for t in teile) or posixpath.normpath(name).startswith(".."):
        return f"'{name}' enthält '..' und zeigt damit aus dem Ordner des Eintrags hinaus."
    if any(t.startswith(".") for t in teile if t):
        return f"'{name}' ist eine versteckte Datei (Name beginnt mit '.'); solche Dateien nimmt das Handbuch nicht an."
    if any(ord(c) < 32 for c in name):
        return f"'{name!r}' enthält Steuerzeichen."
    return None


def kopf_pruefen(z: zipfile.ZipFile, g: Grenzen, *, nur_grenzen: bool = False) -> list[zipfile.ZipInfo]:
    """The file members of ``z`` after checking the central directory; raises :class:`ZipFehler`.

    ``nur_grenzen``: only sizes, counts and ratios (for DOCX/ODT, whose inner names we do not
    extract ourselves)."""
    dateien = [i for i in z.infolist() if not i.is_dir()]
    if len(dateien) > g.max_dateien:
        raise ZipFehler(f"Das Archiv enthält {len(dateien)} Dateien, erlaubt sind höchstens {g.max_dateien}.")
    gesamt = 0
    gesehen: dict[str, str] = {}
    for i in z.infolist():
        if i.flag_bits & 0x1:
            raise ZipFehler(f"'{i.filename}' ist verschlüsselt. Packen Sie das Archiv ohne Passwort.")
        if ist_link(i):
            raise ZipFehler(
                f"'{i.filename}' ist ein symbolischer Link. Das Paket darf nur echte Dateien enthalten."
            )
        if not nur_grenzen:
            if grund := name_fehler(i.filename):
                raise ZipFehler(grund)
            schluessel = i.filename.rstrip("/").casefold()
            if schluessel in gesehen:
                raise ZipFehler(f"'{i.filename}' steht zweimal im Archiv (auch '{gesehen[schluessel]}').")
            gesehen[schluessel] = i.filename
        if i.is_dir():
            continue
        if i.file_size > g.max_datei_bytes:
            raise ZipFehler(f"'{i.filename}' ist entpackt {_mb(i.file_size)} groß, erlaubt sind höchstens {_mb(g.max_datei_bytes)} je Datei.")
        if i.file_size > g.verhaeltnis_ab and i.file_size > g.max_verhaeltnis * max(i.compress_size, 1):
            raise ZipFehler(
                f"'{i.filename}' ist ungewöhnlich stark gepackt ({i.file_size // max(i.compress_size, 1)}:1). So "
                "sehen Archivbomben aus; das Paket wird nicht angenommen."
            )
        gesamt += i.file_size
        if gesamt > g.max_gesamt_bytes:
            raise ZipFehler(f"Das Archiv ist entpackt größer als {_mb(g.max_gesamt_bytes)}; erlaubt sind höchstens {_mb(g.max_gesamt_bytes)}.")
    return dateien


def entpacken(z: zipfile.ZipFile, info: zipfile.ZipInfo, ziel: Path, g: Grenzen, bisher: int) -> int:
    """Write ``info`` to ``ziel`` counting the bytes produced; returns the new running total."""
    geschrieben = 0
    try:
        with z.open(info) as quelle, open(ziel, "xb") as aus:
            while block := quelle.read(_BLOCK):
                geschrieben += len(block)
                if geschrieben > info.file_size or geschrieben > g.max_datei_bytes:
                    raise ZipFehler(
                        f"'{info.filename}' wird beim Entpacken größer als angegeben. So sehen Archivbomben aus; "
                        "das Paket wird nicht angenommen."
                    )
                if bisher + geschrieben > g.max_gesamt_bytes:
                    raise ZipFehler(f"Das Archiv wird entpackt größer als {_mb(g.max_gesamt_bytes)}.")
                aus.write(block)
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as grund:
        raise ZipFehler(f"'{info.filename}' lässt sich nicht entpacken ({grund}). Packen Sie das Archiv neu.") from None
    return bisher + geschrieben
