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


def _ist_svg(kopf: bytes, pfad: Path) -> bool:
    from staedtenetz.pruefung import svg

    return svg.fehler(pfad) is None


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
    neu += _uebrige_svg(katalog, docs)
    if neu:
        katalog.meldungen.extend(neu)
        katalog.meldungen.sort()
    return neu


def _uebrige_svg(katalog: Any, docs: Path) -> list[Meldung]:
    """SVG files in docs/ that no entry declares are published all the same (MkDocs copies
    every file): they pass the same allow-list, reported on the file itself. Symbolic links
    anywhere in docs/ are errors."""
    from staedtenetz.pruefung import svg

    genannt = {
        rel
        for e in [*katalog.eintraege.values(), *katalog.ausgeschlossen.values()]
        for m in [*e.daten.materialien, *e.daten.bilder]
        if (rel := ziel(e.pfad, m.datei)) is not None
    }
    meldungen = []
    for wurzel, ordner, dateien in os.walk(docs):
        ordner[:] = sorted(o for o in ordner if not o.startswith("."))
        for name in sorted([*ordner, *dateien]):
            pfad = Path(wurzel) / name
            if name.startswith(".") or not pfad.is_symlink():
                continue
            # MkDocs follows links and would publish what they point to (/etc/passwd, .git/config).
            rel = pfad.relative_to(docs).as_posix()
            if any(g == rel or g.startswith(rel + "/") for g in genannt):
                continue  # a material or picture path through it: reported on its 'datei' line
            meldungen.append(
                fehler(
                    rel,
                    1,
                    f"'{rel}' ist ein symbolischer Link. In docs/ liegen nur echte Dateien und Ordner: Ersetzen Sie den "
                    "Link durch eine Kopie der Datei oder löschen Sie ihn.",
                )
            )
        ordner[:] = [o for o in ordner if not (Path(wurzel) / o).is_symlink()]
        for name in sorted(dateien):
            if not name.lower().endswith(".svg") or name.startswith("."):
                continue
            pfad = Path(wurzel) / name
            rel = pfad.relative_to(docs).as_posix()
            if rel in genannt or pfad.is_symlink():
                continue
            if (grund := svg.fehler(pfad)) is not None:
                meldungen.append(
                    fehler(
                        rel,
                        1,
                        f"Das SVG '{rel}' ist kein sauberes Bild: Es enthält {grund}. SVG-Dateien dürfen nur Zeichnungen "
                        "enthalten. Exportieren Sie es als einfaches SVG oder als PNG – oder löschen Sie die Datei.",
                    )
                )
    return meldungen


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
            from staedtenetz.pruefung import svg

            return (
                f"Das SVG '{datei}' ist kein sauberes Bild: Es enthält {svg.fehler(pfad)}. SVG-Dateien dürfen nur "
                "Zeichnungen enthalten (keine Skripte, Ereignis-Attribute, Links nach außen oder eingebetteten Seiten). "
                "Exportieren Sie es als einfaches SVG (z. B. Inkscape: 'Optimiertes SVG') oder als PNG."
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


@dataclass(frozen=True)
class Nutzung:
    """Page ``seite`` uses file ``datei`` (docs-relative) in line ``zeile``."""

    datei: str
    seite: str
    zeile: int
    art: str  # "material", "bild" or "link" (in the page text)
    intern: bool  # an internal entry's page, or a material marked 'sichtbarkeit: intern'
    gezeigt: bool  # the page is part of the edition the catalogue was narrowed to
    oeffentlich_erklaert: bool = False  # 'sichtbarkeit: oeffentlich' written on the material


def dateinutzung(katalog: Any) -> dict[str, list[Nutzung]]:
    """Every use of every file (no page sources): materials, pictures and links in the text of
    all pages, shown or left out. Visibility is decided from these facts, not from names."""
    from staedtenetz.pruefung import verweise

    nutzung: dict[str, list[Nutzung]] = {}
    eintraege = [(e, True) for e in katalog.eintraege.values()] + [(e, False) for e in katalog.ausgeschlossen.values()]
    seiten_intern: dict[str, bool] = {}
    seiten_gezeigt: dict[str, bool] = {}
    for e, gezeigt in eintraege:
        eintrag_intern = getattr(e.daten, "sichtbarkeit", "oeffentlich") == "intern"
        seiten_intern[e.pfad], seiten_gezeigt[e.pfad] = eintrag_intern, gezeigt
        for feld in ("materialien", "bilder"):
            for i, m in enumerate(getattr(e.daten, feld)):
                if (rel := ziel(e.pfad, m.datei)) is None:
                    continue
                m_intern = getattr(m, "sichtbarkeit", "oeffentlich") == "intern"
                erklaert = "sichtbarkeit" in getattr(m, "model_fields_set", ()) and not m_intern
                nutzung.setdefault(rel, []).append(
                    Nutzung(rel, e.pfad, e.zeile(feld, i, "datei"), "bild" if feld == "bilder" else "material",
                            eintrag_intern or m_intern, gezeigt, erklaert)
                )
    for q in katalog.quellen.values():
        if not q.lesbar:
            continue
        # A page whose front matter failed still counts as internal if it says so.
        intern = seiten_intern.get(q.pfad, (q.daten or {}).get("sichtbarkeit") == "intern")
        gezeigt = seiten_gezeigt.get(q.pfad, True)
        for zeile, adresse in verweise.links(q):
            for rel in verweise.kandidaten(q.pfad, adresse):
                if not rel.endswith(".md"):
                    nutzung.setdefault(rel, []).append(Nutzung(rel, q.pfad, zeile, "link", intern, gezeigt))
    return nutzung


def dateien_der_ausgabe(katalog: Any, intern: bool, nutzung: dict[str, list[Nutzung]] | None = None) -> tuple[set[str], set[str]]:
    """(shown, hidden): docs-relative paths of the files this edition publishes and of those it
    leaves out. In the public edition a file is hidden as soon as one internal entry uses it or
    one entry marks it internal; in every edition, when only left-out pages use it."""
    gezeigt: set[str] = set()
    versteckt: set[str] = set()
    for datei, liste in (dateinutzung(katalog) if nutzung is None else nutzung).items():
        if not intern and any(n.intern for n in liste):
            versteckt.add(datei)
        elif any(n.gezeigt for n in liste):
            gezeigt.add(datei)
        else:
            versteckt.add(datei)
    return gezeigt, versteckt


def widersprueche(katalog: Any, nutzung: dict[str, list[Nutzung]] | None = None) -> list[Meldung]:
    """Errors for files that are internal by one use and public by another: a public page may
    not show or link a file an internal entry uses or an entry marks internal, and an internal
    entry cannot make its files public."""
    meldungen: list[Meldung] = []
    for datei, liste in sorted((dateinutzung(katalog) if nutzung is None else nutzung).items()):
        interne = [n for n in liste if n.intern]
        if not interne:
            continue
        grund = interne[0]
        wo = f"'{grund.seite}', Zeile {grund.zeile}"
        warum = "ein interner Eintrag nutzt sie" if _eintrag_intern(katalog, grund.seite) else "dort mit 'sichtbarkeit: intern' eingetragen"
        for n in liste:
            if n.intern and n.oeffentlich_erklaert:
                meldungen.append(
                    fehler(
                        n.seite,
                        n.zeile,
                        f"'{datei}' steht hier mit 'sichtbarkeit: oeffentlich', gehört aber zu einem internen Eintrag: "
                        "Dateien interner Einträge erscheinen nie in der öffentlichen Ausgabe. Löschen Sie die Zeile "
                        "'sichtbarkeit: oeffentlich' oder machen Sie den Eintrag öffentlich.",
                    )
                )
            elif not n.intern and n.art != "link":  # links: sichtbarkeit.links_pruefen
                was = {"material": "als öffentliches Material", "bild": "als Bild einer öffentlichen Seite", "link": "in einem Link einer öffentlichen Seite"}[n.art]
                meldungen.append(
                    fehler(
                        n.seite,
                        n.zeile,
                        f"Die Datei '{datei}' ist intern ({wo}: {warum}), "
                        f"steht hier aber {was}. Sie wird nie öffentlich. Tragen Sie hier ebenfalls 'sichtbarkeit: intern' ein, "
                        "entfernen Sie den Verweis oder verwenden Sie eine eigene, öffentliche Datei.",
                    )
                )
    return meldungen


def _eintrag_intern(katalog: Any, pfad: str) -> bool:
    e = katalog.eintrag_fuer_pfad(pfad) or next((x for x in katalog.ausgeschlossen.values() if x.pfad == pfad), None)
    return e is not None and getattr(e.daten, "sichtbarkeit", "oeffentlich") == "intern"
