"""The check of a built site, independent of the generator (``staedtenetz website-pruefen``).

A generator that ignores our plugins (Zensical does, and says "No issues found") would publish
drafts and members-only entries and leave every listing empty. So the publishing workflow runs
this check on the output folder before it uploads anything. It reads the handbook's sources
with the same catalogue as ``pruefen`` (so it knows, from facts, which entries and files this
edition must show and which it must not) and then only looks at the files in the output folder:

- ``katalog.json`` and ``feed.xml`` exist and parse strictly; ``katalog.json`` is of this
  edition and lists every entry of it;
- every listing page exists and links to each entry it must list;
- nothing of an entry this edition leaves out (its slug in a link or path, its title) and no
  file that only such entries or internal materials use appears in any output file – HTML,
  JSON, XML, the search index, compressed files (gzip), ZIP-based documents (DOCX, ODT) and the
  compressed streams of PDFs.

Every problem is one German sentence; the result is empty when the site is fine.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from staedtenetz.ansichten import export, feed
from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.katalog.katalog import Eintrag, Katalog
from staedtenetz.pruefung import materialien

#: Titles shorter than this are too likely to occur in other text to be a marker.
MIN_TITELLAENGE = 12
_PDF_STROM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


@dataclass(frozen=True)
class Marke:
    """A byte string that must not occur in the output, and what it stands for."""

    text: bytes
    herkunft: str


def pruefen(site_dir: Path, katalog: Katalog, ausgabe: Ausgabe, docs_dir: Path) -> list[str]:
    """Problems of the built site in ``site_dir`` for ``ausgabe`` (the catalogue restricted to it)."""
    if not (site_dir / "index.html").is_file():
        return [f"Im Ausgabeordner '{site_dir}' fehlt index.html – wurde die Website gebaut?"]
    probleme = _katalog_json(site_dir, katalog, ausgabe) + _feed(site_dir) + _listen(site_dir, katalog)
    probleme += _verborgenes(site_dir, katalog, ausgabe)
    return probleme


def _katalog_json(site_dir: Path, katalog: Katalog, ausgabe: Ausgabe) -> list[str]:
    pfad = site_dir / export.PFAD
    if not pfad.is_file():
        return [f"'{export.PFAD}' fehlt: Die Plugins des Handbuchs sind beim Bau nicht gelaufen."]
    try:
        daten = json.loads(pfad.read_text(encoding="utf-8"), parse_constant=_kein_nan)
    except (ValueError, UnicodeDecodeError) as e:
        return [f"'{export.PFAD}' ist kein gültiges JSON: {e}"]
    probleme = []
    erwartet = "intern" if ausgabe.intern else "oeffentlich"
    if daten.get("format") != export.FORMAT:
        probleme.append(f"'{export.PFAD}' hat nicht das Format '{export.FORMAT}'.")
    if daten.get("ausgabe") != erwartet:
        probleme.append(f"'{export.PFAD}' gehört zur Ausgabe '{daten.get('ausgabe')}', erwartet ist '{erwartet}'.")
    vorhanden = {e.get("slug") for e in daten.get("eintraege", []) if isinstance(e, dict)}
    fehlen = sorted(set(katalog.eintraege) - vorhanden)
    if fehlen:
        probleme.append(f"'{export.PFAD}' nennt {len(fehlen)} Einträge nicht: {', '.join(fehlen[:10])}")
    return probleme


def _kein_nan(wert: str) -> float:
    raise ValueError(f"'{wert}' ist in JSON nicht erlaubt")


def _feed(site_dir: Path) -> list[str]:
    pfad = site_dir / feed.PFAD
    if not pfad.is_file():
        return [f"'{feed.PFAD}' fehlt: Die Plugins des Handbuchs sind beim Bau nicht gelaufen."]
    try:
        ET.parse(pfad)
    except ET.ParseError as e:
        return [f"'{feed.PFAD}' ist kein wohlgeformtes XML: {e}"]
    return []


def _listen(site_dir: Path, katalog: Katalog) -> list[str]:
    probleme = []
    for typ, (_, plural, ordner) in TYP_BEZEICHNUNG.items():
        if f"{ordner}/index.md" not in katalog.quellen:
            continue
        seiten = _listenseiten(site_dir, ordner)
        if not seiten:
            probleme.append(f"Die Übersichtsseite '{ordner}/' fehlt in der gebauten Website.")
            continue
        verlinkt: set[str] = set()
        for seite in seiten:
            url = seite.relative_to(site_dir).as_posix()
            for href in _hrefs(seite.read_text(encoding="utf-8", errors="replace")):
                verlinkt.add(_ziel(url, href))
        fehlen = [e.slug for e in katalog.gelistet(typ) if not ({f"{ordner}/{e.slug}/", f"{ordner}/{e.slug}.html"} & verlinkt)]
        if fehlen:
            probleme.append(
                f"Die Übersichtsseite '{ordner}/' ({plural}) verlinkt {len(fehlen)} Einträge nicht: {', '.join(fehlen[:10])}"
            )
    return probleme


def _listenseiten(site_dir: Path, ordner: str) -> list[Path]:
    """The listing page of ``ordner`` and its further pages (``seite-2/`` …), if any."""
    seiten = [p for p in (site_dir / f"{ordner}/index.html", site_dir / f"{ordner}.html") if p.is_file()]
    weitere = site_dir / ordner
    if weitere.is_dir():
        seiten += sorted(p for p in weitere.glob("seite-*/index.html"))
        seiten += sorted(p for p in weitere.glob("seite-*.html"))
    return seiten


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(v for k, v in attrs if k == "href" and v)


def _hrefs(text: str) -> list[str]:
    parser = _Links()
    parser.feed(text)
    return parser.hrefs


def _ziel(seite: str, href: str) -> str:
    """``href`` on the output file ``seite`` as a site-relative path (directory URLs end in /)."""
    href = href.split("#", 1)[0].split("?", 1)[0]
    if "://" in href or href.startswith(("mailto:", "tel:")):
        return href
    pfad = posixpath.normpath(posixpath.join(posixpath.dirname(seite), href))
    if pfad.endswith("/index.html"):
        pfad = pfad[: -len("index.html")]
    elif href.endswith("/") or href in ("", "."):
        pfad += "/"
    return pfad.lstrip("./") if pfad.startswith("./") else pfad


def marken(katalog: Katalog, ausgabe: Ausgabe) -> list[Marke]:
    """What of the entries and files this edition leaves out must not appear in its output."""
    ergebnis: list[Marke] = []
    for e in katalog.ausgeschlossen.values():
        ergebnis += _marken_des_eintrags(e)
    _, versteckt = materialien.dateien_der_ausgabe(katalog, ausgabe.intern)
    for datei in sorted(versteckt):
        ergebnis.append(Marke(datei.encode(), f"Datei '{datei}'"))
    return ergebnis


def _marken_des_eintrags(e: Eintrag) -> list[Marke]:
    herkunft = f"'{e.slug}' ({e.pfad}, ausgelassen)"
    ordner = posixpath.dirname(e.pfad)
    texte = {f"{ordner}/{e.slug}/", f"{ordner}/{e.slug}.html", f"{e.slug}.md", f'"{e.slug}"', f"/{e.slug}/"}
    if len(e.title) >= MIN_TITELLAENGE:
        texte |= {e.title, html.escape(e.title), json.dumps(e.title)[1:-1]}
    return [Marke(t.encode(), herkunft) for t in sorted(texte)]


def _verborgenes(site_dir: Path, katalog: Katalog, ausgabe: Ausgabe) -> list[str]:
    liste = marken(katalog, ausgabe)
    if not liste:
        return []
    probleme = []
    _, versteckt = materialien.dateien_der_ausgabe(katalog, ausgabe.intern)
    for datei in sorted(versteckt):
        if (site_dir / datei).exists():
            probleme.append(f"Die Datei '{datei}' darf in dieser Ausgabe nicht erscheinen, liegt aber im Ausgabeordner.")
    for pfad in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = pfad.relative_to(site_dir).as_posix()
        for teil, inhalt in _inhalte(rel, pfad.read_bytes()):
            gefunden: dict[str, list[str]] = {}
            for m in liste:
                if m.text in inhalt:
                    gefunden.setdefault(m.herkunft, []).append(repr(m.text.decode(errors="replace")))
            probleme += [f"'{teil}' enthält {herkunft}: {', '.join(texte)}" for herkunft, texte in gefunden.items()]
    return probleme


def _inhalte(name: str, daten: bytes, tiefe: int = 0) -> Iterator[tuple[str, bytes]]:
    """The bytes of a file and of everything packed inside it (gzip, ZIP members, PDF streams)."""
    yield name, daten
    if tiefe > 2:
        return
    if daten[:2] == b"\x1f\x8b":
        try:
            yield from _inhalte(f"{name} (entpackt)", gzip.decompress(daten), tiefe + 1)
        except (OSError, EOFError):
            pass
    elif daten[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(daten)) as z:
                for info in z.infolist():
                    yield from _inhalte(f"{name}:{info.filename}", z.read(info), tiefe + 1)
        except (zipfile.BadZipFile, OSError):
            pass
    elif daten[:5] == b"%PDF-":
        yield from _pdf(name, daten, tiefe)


def _pdf(name: str, daten: bytes, tiefe: int) -> Iterator[tuple[str, bytes]]:
    """A PDF's text (WeasyPrint writes glyph numbers, so the raw bytes do not show it), its
    metadata, its embedded files and its decompressed streams."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        leser = PdfReader(io.BytesIO(daten))
        text = "\n".join(seite.extract_text() or "" for seite in leser.pages)
        meta = " ".join(str(v) for v in (leser.metadata or {}).values())
        yield f"{name} (PDF-Text)", f"{text}\n{meta}".encode()
        for anhang, inhalte in leser.attachments.items():
            for inhalt in inhalte:
                yield from _inhalte(f"{name}:{anhang}", inhalt, tiefe + 1)
    except (PyPdfError, ValueError, KeyError, OSError):
        pass
    for strom in _PDF_STROM.findall(daten):
        try:
            yield f"{name} (PDF-Strom)", zlib.decompress(strom)
        except zlib.error:
            continue
