"""Materials and images declared in front matter: checked files inside ``docs/``.

An entry lists downloadable files under ``materialien`` and pictures under ``bilder``, each with
``datei``, a path relative to the page. Before a file is published it must

- lie inside the docs folder (no absolute path, no web address, no ``..`` out of ``docs/``),
- be a real file (no symbolic link anywhere on the way, no hidden file or folder),
- have an allowed type, judged by its extension *and* its content (magic bytes, the parts of
  an Office or OpenDocument zip), and
- stay below a size limit (``materialien_max_mb`` of the ``staedtenetz/austausch`` plugin), and
- have a clean name: lowercase letters, digits and hyphens, a lowercase extension
  (``konzept-quartierswerkstatt.pdf``, not ``Konzept Quartierswerkstatt.pdf``), so links need no
  ``%20`` and work on every server; :func:`sauberer_name` suggests the name.

Each violation is a :class:`~staedtenetz.inhalt.meldungen.Meldung` on the line of the offending
``datei:`` key. The check needs only the docs folder, so the build and ``staedtenetz pruefen``
run the same function (:func:`pruefen`).

:func:`beschreibung` describes an entry's materials for the export (URL, format, size, SHA-256).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from staedtenetz.inhalt.meldungen import Meldung, fehler, meinten_sie

#: Default size limit: 20 MB (decimal, as shown to people).
STANDARD_MAX_MB = 20.0

_OFFICE_MIME = "application/vnd.openxmlformats-officedocument"
_ODF_MIME = "application/vnd.oasis.opendocument"


def _ist_pdf(kopf: bytes, pfad: Path) -> bool:
    # The header may follow a little garbage; readers accept it within the first KiB.
    return b"%PDF-" in kopf[:1024]


def _ooxml(ordner: str) -> Callable[[bytes, Path], bool]:
    def pruefer(kopf: bytes, pfad: Path) -> bool:
        namen = _zip_namen(kopf, pfad)
        return namen is not None and "[Content_Types].xml" in namen and any(n.startswith(ordner) for n in namen)

    return pruefer


def _odf(art: str) -> Callable[[bytes, Path], bool]:
    def pruefer(kopf: bytes, pfad: Path) -> bool:
        if not kopf.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(pfad) as z:
                return z.read("mimetype").strip() == f"{_ODF_MIME}.{art}".encode()
        except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
            return False

    return pruefer


def _zip_namen(kopf: bytes, pfad: Path) -> set[str] | None:
    if not kopf.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(pfad) as z:  # reads only the central directory
            return set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _ist_text(kopf: bytes, pfad: Path) -> bool:
    return b"\x00" not in kopf


_SVG_GEFAHR = re.compile(rb"<script|javascript:|\son[a-z]+\s*=|<foreignObject", re.IGNORECASE)


def _ist_svg(kopf: bytes, pfad: Path) -> bool:
    inhalt = pfad.read_bytes()
    return b"<svg" in inhalt[:4096] and not _SVG_GEFAHR.search(inhalt)


@dataclass(frozen=True)
class Dateiart:
    endung: str
    format: str  # as people read it: "PDF", "DOCX" …
    mime: str
    pruefer: Callable[[bytes, Path], bool]
    bild: bool = False


ARTEN: dict[str, Dateiart] = {
    a.endung: a
    for a in [
        Dateiart("pdf", "PDF", "application/pdf", _ist_pdf),
        Dateiart("docx", "DOCX", f"{_OFFICE_MIME}.wordprocessingml.document", _ooxml("word/")),
        Dateiart("odt", "ODT", f"{_ODF_MIME}.text", _odf("text")),
        Dateiart("xlsx", "XLSX", f"{_OFFICE_MIME}.spreadsheetml.sheet", _ooxml("xl/")),
        Dateiart("ods", "ODS", f"{_ODF_MIME}.spreadsheet", _odf("spreadsheet")),
        Dateiart("pptx", "PPTX", f"{_OFFICE_MIME}.presentationml.presentation", _ooxml("ppt/")),
        Dateiart("odp", "ODP", f"{_ODF_MIME}.presentation", _odf("presentation")),
        Dateiart("csv", "CSV", "text/csv", _ist_text),
        Dateiart("png", "PNG", "image/png", lambda k, p: k.startswith(b"\x89PNG\r\n\x1a\n"), bild=True),
        Dateiart("jpg", "JPEG", "image/jpeg", lambda k, p: k.startswith(b"\xff\xd8\xff"), bild=True),
        Dateiart("jpeg", "JPEG", "image/jpeg", lambda k, p: k.startswith(b"\xff\xd8\xff"), bild=True),
        Dateiart("gif", "GIF", "image/gif", lambda k, p: k[:6] in (b"GIF87a", b"GIF89a"), bild=True),
        Dateiart("webp", "WebP", "image/webp", lambda k, p: k[:4] == b"RIFF" and k[8:12] == b"WEBP", bild=True),
        Dateiart("svg", "SVG", "image/svg+xml", _ist_svg, bild=True),
    ]
}

_ERLAUBT_TEXT = "PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, CSV und Bilder (PNG, JPG, GIF, WebP, SVG)"
_BILDER_TEXT = "PNG, JPG, GIF, WebP und SVG"


def art(pfad: str) -> Dateiart | None:
    """The allowed type of ``pfad`` by its extension, or None."""
    return ARTEN.get(posixpath.splitext(pfad)[1].lower().lstrip("."))


def ziel(seite: str, datei: str) -> str | None:
    """The docs-relative path ``datei`` names on the page ``seite``, or None if it leaves docs/."""
    ordner = posixpath.dirname(seite)
    pfad = posixpath.normpath(posixpath.join(ordner, datei))
    if pfad == ".." or pfad.startswith("../") or pfad.startswith("/"):
        return None
    return pfad


# -- clean names --------------------------------------------------------------------------

_SAUBER_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _sauber(teil: str) -> str:
    text = unicodedata.normalize("NFC", teil).lower()
    for umlaut, ersatz in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ersatz)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def sauberer_name(name: str) -> str:
    """The clean form of a file name: ``IMG_2034.JPG`` -> ``img-2034.jpg``,
    ``Konzept Quartierswerkstatt.pdf`` -> ``konzept-quartierswerkstatt.pdf``."""
    stamm, endung = posixpath.splitext(name)
    if not stamm:  # ".pdf"
        stamm, endung = endung, ""
    return (_sauber(stamm) or "datei") + (("." + _sauber(endung)) if _sauber(endung) else "")


def ist_sauber(name: str) -> bool:
    stamm, endung = posixpath.splitext(name)
    return bool(_SAUBER_RE.match(stamm)) and (not endung or bool(_SAUBER_RE.match(endung[1:])))


def sauberer_pfad(datei: str) -> str:
    """``datei`` with every folder and the file name made clean (``..`` stays)."""
    teile = datei.split("/")
    return "/".join(t if t in ("", ".", "..") else (sauberer_name(t) if i == len(teile) - 1 else _sauber(t) or "ordner") for i, t in enumerate(teile))


def name_fehler(datei: str, was: str = "Die Datei") -> str | None:
    """The German error for an unclean name in ``datei`` (path as written), or None."""
    teile = [t for t in datei.split("/") if t not in ("", ".", "..")]
    if all(ist_sauber(t) if i == len(teile) - 1 else bool(_SAUBER_RE.match(t)) for i, t in enumerate(teile)):
        return None
    vorschlag = sauberer_pfad(datei)
    return (
        f"{was} '{datei}' hat keinen sauberen Namen: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche "
        f"(keine Großbuchstaben, Leerzeichen, Umlaute oder Unterstriche). Benennen Sie sie um in '{vorschlag}' "
        f"und schreiben Sie hier 'datei: {vorschlag}'."
    )


# -- checking -----------------------------------------------------------------------------


def pruefen(katalog: Any, docs_dir: Path, max_mb: float | None = None) -> list[Meldung]:
    """Check the ``materialien`` and ``bilder`` of every entry of ``katalog``.

    The messages are added to the entry's source and to ``katalog.meldungen`` (sorted again) and
    returned. Call it before :meth:`Katalog.einschraenken`, so that every entry is checked
    whichever edition is built."""
    grenze = int((STANDARD_MAX_MB if max_mb is None else max_mb) * 1_000_000)
    docs = Path(docs_dir)
    neu: list[Meldung] = []
    eintraege = [*katalog.eintraege.values(), *katalog.ausgeschlossen.values()]
    for e in sorted(eintraege, key=lambda e: e.pfad):
        for feld in ("materialien", "bilder"):
            for i, m in enumerate(getattr(e.daten, feld)):
                text = datei_pruefen(docs, e.pfad, m.datei, grenze, nur_bilder=feld == "bilder")
                if text:
                    meldung = fehler(e.pfad, e.zeile(feld, i, "datei"), text)
                    e.quelle.meldungen.append(meldung)
                    neu.append(meldung)
    if neu:
        katalog.meldungen.extend(neu)
        katalog.meldungen.sort()
    return neu


def datei_pruefen(docs: Path, seite: str, datei: str, grenze: int, *, nur_bilder: bool = False) -> str | None:
    """The German error text for ``datei`` on page ``seite``, or None if it may be published."""
    was = "Das Bild" if nur_bilder else "Die Datei"
    if re.match(r"^[a-z][a-z0-9+.-]*://", datei, re.IGNORECASE):
        return (
            f"'{datei}' ist eine Webadresse. Hier steht eine Datei, die im Handbuch liegt; einen Link auf ein "
            "Dokument anderswo tragen Sie unter 'quellen' ein."
        )
    if "\\" in datei:
        return f"Der Pfad '{datei}' enthält '\\'. Trennen Sie Ordner mit '/', z. B. '{datei.replace(chr(92), '/')}'."
    if datei.startswith(("/", "~")) or re.match(r"^[A-Za-z]:", datei):
        name = posixpath.basename(datei) or "datei.pdf"
        return (
            f"Der Pfad '{datei}' ist absolut. Geben Sie den Pfad relativ zu dieser Seite an, z. B. "
            f"'materialien/{name}', und legen Sie die Datei dort in docs/ ab."
        )
    rel = ziel(seite, datei)
    if rel is None:
        return (
            f"Der Pfad '{datei}' führt mit '..' aus dem Inhaltsordner docs/ hinaus. Legen Sie die Datei in "
            "docs/ ab, z. B. in einen Ordner 'materialien/' neben dieser Seite."
        )
    teile = rel.split("/")
    if any(t.startswith(".") for t in teile):
        return (
            f"'{datei}' ist eine versteckte Datei oder liegt in einem versteckten Ordner (Name beginnt mit '.'). "
            "Solche Dateien werden nicht veröffentlicht. Benennen Sie sie um."
        )
    # Walk the path from docs/ down, without following links: a link anywhere is refused.
    pfad = docs
    for i, teil in enumerate(teile):
        pfad = pfad / teil
        try:
            info = os.lstat(pfad)
        except FileNotFoundError:
            vorhanden = sorted(p.name for p in pfad.parent.iterdir()) if pfad.parent.is_dir() else []
            return (
                f"{was} '{datei}' gibt es nicht (gesucht: docs/{rel}). Prüfen Sie Schreibweise und Ordner."
                + meinten_sie(teil, vorhanden)
            )
        except OSError as fehlergrund:
            return f"{was} '{datei}' lässt sich nicht lesen ({fehlergrund.strerror}). Prüfen Sie die Dateirechte."
        if stat.S_ISLNK(info.st_mode):
            return (
                f"'{datei}' ist ein symbolischer Link ('{'/'.join(teile[: i + 1])}'). Materialien müssen echte "
                "Dateien in docs/ sein: Kopieren Sie die Datei an diese Stelle."
            )
    if not stat.S_ISREG(info.st_mode):
        return f"'{datei}' ist ein Ordner, keine Datei. Nennen Sie die Datei darin, z. B. '{datei.rstrip('/')}/name.pdf'."
    a = art(rel)
    endung = posixpath.splitext(rel)[1].lower()
    if a is None or (nur_bilder and not a.bild):
        erlaubt = _BILDER_TEXT if nur_bilder else _ERLAUBT_TEXT
        typ = f"'{endung}'" if endung else "ohne Endung"
        return f"{was} '{datei}' hat einen nicht erlaubten Typ ({typ}). Erlaubt sind {erlaubt}."
    if info.st_size > grenze:
        from staedtenetz.inhalt import formate

        return (
            f"{was} '{datei}' ist {formate.dateigroesse(info.st_size)} groß, erlaubt sind höchstens "
            f"{formate.dateigroesse(grenze)}. Verkleinern Sie sie (z. B. Bilder im PDF komprimieren) oder "
            "verweisen Sie unter 'quellen' auf die Originalquelle."
        )
    try:
        with open(pfad, "rb") as f:
            kopf = f.read(4096)
        passt = a.pruefer(kopf, pfad)
    except OSError as fehlergrund:
        return f"{was} '{datei}' lässt sich nicht lesen ({fehlergrund.strerror}). Prüfen Sie die Dateirechte."
    if not passt:
        if a.endung == "svg":
            return (
                f"Das SVG '{datei}' ist kein sauberes Bild: Es fehlt '<svg' oder es enthält Skripte, "
                "Ereignis-Attribute (on…=) oder eingebettete Seiten. Exportieren Sie es als einfaches SVG oder PNG."
            )
        return (
            f"{was} '{datei}' endet auf '{endung}', ist aber keine {a.format}-Datei (der Inhalt passt nicht zur "
            f"Endung). Speichern Sie sie im Format {a.format} oder korrigieren Sie die Endung."
        )
    return name_fehler(datei, was)


# -- describing -------------------------------------------------------------------------

_PRUEFSUMMEN: dict[tuple[str, int, int], str] = {}


def sha256(pfad: Path) -> str:
    """SHA-256 of the file, remembered per (path, size, mtime) for the live preview."""
    info = pfad.stat()
    schluessel = (str(pfad), info.st_size, info.st_mtime_ns)
    if schluessel not in _PRUEFSUMMEN:
        h = hashlib.sha256()
        with open(pfad, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        _PRUEFSUMMEN[schluessel] = h.hexdigest()
    return _PRUEFSUMMEN[schluessel]


def formatangabe(pfad: str, bytes_: int) -> str:
    """``PDF, 1,2 MB``"""
    from staedtenetz.inhalt import formate

    a = art(pfad)
    name = a.format if a else posixpath.splitext(pfad)[1].lstrip(".").upper()
    return f"{name}, {formate.dateigroesse(bytes_)}"


def sichtbar(material: Any, intern: bool) -> bool:
    """Whether ``material`` belongs to an edition (``intern``: the members' edition)."""
    return intern or getattr(material, "sichtbarkeit", "oeffentlich") != "intern"


def beschreibung(eintrag: Any, docs_dir: Path, *, intern: bool = False) -> list[dict[str, Any]]:
    """The entry's materials of this edition for ``katalog.json``: one record each with ``titel``,
    ``datei`` (URL path from the site root), ``format``, ``bytes``, ``sha256``, ``lizenz`` and,
    if given, ``beschreibung``. Files that fail the check are left out (the build stops anyway)."""
    docs = Path(docs_dir)
    ergebnis: list[dict[str, Any]] = []
    for m in eintrag.daten.materialien:
        if not sichtbar(m, intern):
            continue
        rel = ziel(eintrag.pfad, m.datei)
        if rel is None or not (docs / rel).is_file():
            continue
        pfad = docs / rel
        a = art(rel)
        satz: dict[str, Any] = {
            "titel": m.titel,
            "datei": rel,
            "format": a.format if a else posixpath.splitext(rel)[1].lstrip(".").upper(),
            "mime": a.mime if a else "application/octet-stream",
            "bytes": pfad.stat().st_size,
            "sha256": sha256(pfad),
            "lizenz": m.lizenz,
        }
        if m.beschreibung:
            satz["beschreibung"] = m.beschreibung
        if intern and not sichtbar(m, False):
            satz["sichtbarkeit"] = "intern"
        ergebnis.append(satz)
    return ergebnis


def dateien_der_ausgabe(katalog: Any, intern: bool) -> tuple[set[str], set[str]]:
    """(shown, hidden): docs-relative paths of material and image files that this edition
    publishes, and those that only excluded entries or internal materials use."""
    gezeigt: set[str] = set()
    versteckt: set[str] = set()
    for e in katalog.eintraege.values():
        for m in e.daten.materialien:
            if (rel := ziel(e.pfad, m.datei)) is not None:
                (gezeigt if sichtbar(m, intern) else versteckt).add(rel)
        for b in e.daten.bilder:
            if (rel := ziel(e.pfad, b.datei)) is not None:
                gezeigt.add(rel)
    for e in katalog.ausgeschlossen.values():
        for m in [*e.daten.materialien, *e.daten.bilder]:
            if (rel := ziel(e.pfad, m.datei)) is not None:
                versteckt.add(rel)
    return gezeigt, versteckt - gezeigt
