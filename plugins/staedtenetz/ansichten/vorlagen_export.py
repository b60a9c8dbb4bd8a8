"""Editable downloads of templates and guides: DOCX and ODT through pandoc, PDF through WeasyPrint.

Every ``vorlage`` is offered as Word (DOCX), LibreOffice (ODT) and PDF file, every ``leitfaden``
as PDF. The source is the page body (without front matter), rendered to HTML with the site's
own Markdown extensions – the same HTML the website shows, so headings, lists, tables and the
fill-in placeholders in square brackets (``[Maßnahme]``) come out as written.

- DOCX and ODT: ``pandoc -f html --sandbox`` (Debian package ``pandoc``), the standard
  converter. In its sandbox pandoc reads no file and nothing from the network; the pictures it
  may show are handed to it inside the HTML (``data:`` addresses we write ourselves).
- PDF: WeasyPrint renders our own print HTML (``druck/pdf.css``) in-process: no browser, no
  office suite, nothing from the network; its URL fetcher serves only the files this edition
  publishes (:attr:`Dokument.dateien`), never a Markdown source.

The body HTML passes the same allow-list as the pages (:mod:`.bereinigen`) before anything else
looks at it: no script, no ``iframe``, no ``file:`` or ``data:`` address of the content's own
making. A picture whose file this edition does not publish becomes its alternative text.

Converting is cached by content: the key is a SHA-256 over the HTML, the referenced local
images, the stylesheet and the converter versions. An unchanged page is never converted twice,
so rebuilds in the live preview stay fast; the cache folder (default ``.cache/staedtenetz``)
can be deleted at any time.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import mimetypes
import html as htmlmod
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import markdown

from staedtenetz.ansichten import bereinigen
from staedtenetz.ansichten.dokumenttitel import titel_setzen
from staedtenetz.inhalt import formate
from staedtenetz.inhalt.frontmatter import FRONTMATTER_RE

#: Bump to invalidate every cached file when the HTML or the conversion changes.
VERSION = "3"  # 2: sanitized HTML, pandoc --sandbox; 3: dc:title set
PDF_CSS = Path(__file__).parent / "druck" / "pdf.css"

#: typ -> formats offered, in the order of the download list.
FORMATE: dict[str, tuple[str, ...]] = {"vorlage": ("docx", "odt", "pdf"), "leitfaden": ("pdf",)}

#: format -> (link text, short name, MIME type)
BESCHRIFTUNG: dict[str, tuple[str, str, str]] = {
    "docx": ("Als Word-Datei", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "odt": ("Als LibreOffice-Datei", "ODT", "application/vnd.oasis.opendocument.text"),
    "pdf": ("Als PDF zum Drucken", "PDF", "application/pdf"),
}


class ExportFehler(Exception):
    """A conversion failed; the German message says what to do."""


@dataclass(frozen=True)
class Download:
    format: str  # docx, odt, pdf
    pfad: Path  # the converted file in the cache
    bytes: int

    @property
    def beschriftung(self) -> str:
        """``Als Word-Datei (DOCX, 24 KB)``"""
        text, kurz, _ = BESCHRIFTUNG[self.format]
        return f"{text} ({kurz}, {formate.dateigroesse(self.bytes)})"

    @property
    def mime(self) -> str:
        return BESCHRIFTUNG[self.format][2]


@dataclass(frozen=True)
class Dokument:
    """What goes into a download: the page body as HTML plus a little metadata."""

    titel: str
    koerper: str  # HTML of the body
    basis: Path  # folder of the Markdown source: relative images resolve here
    wurzel: Path  # the docs folder: no file outside it is read
    zusammenfassung: str = ""
    herkunft: str = ""  # "Handbuch …" line for the footer
    adresse: str = ""  # absolute URL of the page, if the site has a site_url
    stand: str = ""
    #: docs-relative path -> file, of every file (no page source) this edition publishes: the
    #: only files a download may contain.
    dateien: Mapping[str, Path] = field(default_factory=dict)

    def bild(self, src: str) -> Path | None:
        """The published file a picture address in the body names, or None."""
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", src):
            return None
        pfad = unquote(src.split("#", 1)[0].split("?", 1)[0])
        ordner = posixpath.relpath(self.basis.as_posix(), self.wurzel.as_posix())
        rel = posixpath.normpath(pfad.lstrip("/") if pfad.startswith("/") else posixpath.join(ordner, pfad))
        if rel.endswith(".md"):
            return None
        return self.dateien.get(rel)


def koerper(text: str) -> str:
    """The Markdown body of a page source (front matter removed)."""
    m = FRONTMATTER_RE.match(text)
    return text[m.end():] if m else text


class Renderer:
    """Markdown -> HTML with the site's extensions (headings without permalink anchors).

    One instance per build: loading the extensions costs more than converting a page."""

    def __init__(self, erweiterungen: list[Any], einstellungen: dict[str, Any]) -> None:
        cfg = {k: dict(v) for k, v in einstellungen.items()}
        if "toc" in cfg:
            cfg["toc"]["permalink"] = False
        self._md = markdown.Markdown(extensions=erweiterungen, extension_configs=cfg)

    def __call__(self, markdown_text: str, link: Callable[[str], str | None] = lambda href: None) -> str:
        """``link(href)`` maps a relative link target to an absolute address or None; links it
        cannot map keep their text and lose the address (a relative link means nothing inside a
        downloaded file)."""
        self._md.reset()
        # The allow-list first: after it every attribute is double-quoted, so the patterns
        # below see all links and pictures.
        ergebnis = bereinigen.html(self._md.convert(markdown_text))

        def anker(m: re.Match[str]) -> str:
            href = htmlmod.unescape(m.group(1))
            if re.match(r"^(https?:|mailto:|tel:)", href):
                return m.group(0)
            ziel = link(href)
            if ziel is None:
                return f"<span>{m.group(3)}</span>"
            return f'<a href="{htmlmod.escape(ziel)}"{m.group(2)}>{m.group(3)}</a>'

        ergebnis = re.sub(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', anker, ergebnis, flags=re.DOTALL)
        # Pictures from other hosts are never fetched: their alternative text stands in.
        return re.sub(
            r'<img\b[^>]*\bsrc="(?:https?:)?//[^"]*"[^>]*>',
            lambda m: htmlmod.escape(_attribut(m.group(0), "alt") or ""),
            ergebnis,
        )


def _attribut(tag: str, name: str) -> str | None:
    m = re.search(rf'\b{name}="([^"]*)"', tag)
    return htmlmod.unescape(m.group(1)) if m else None


@functools.cache
def pandoc_programm() -> str | None:
    """The pandoc to run: the one in the PyPI package ``pypandoc-binary`` (built with its data
    files, so its ``--sandbox`` can write DOCX – Debian's pandoc cannot, jgm/pandoc#8128), else
    one on the PATH."""
    import importlib.util

    spec = importlib.util.find_spec("pypandoc")
    for ordner in (spec.submodule_search_locations or []) if spec else []:
        kandidat = Path(ordner) / "files" / "pandoc"
        if kandidat.is_file() and os.access(kandidat, os.X_OK):
            return str(kandidat)
    return shutil.which("pandoc")


@functools.cache
def pandoc_kennung() -> str:
    """What identifies the pandoc in use, for the cache keys: its path, size and modification
    time ("" without pandoc). A new pandoc (another version) is another file, so every DOCX/ODT
    is converted again – without running ``pandoc --version`` in every build: its 160 MB
    binary takes up to 4 s to start when the system has dropped it from the page cache, on a
    build that converts nothing."""
    programm = pandoc_programm()
    if programm is None:
        return ""
    try:
        info = os.stat(programm)
    except OSError:
        return ""
    return f"{programm}:{info.st_size}:{info.st_mtime_ns}"


@functools.cache
def pandoc_version() -> str | None:
    programm = pandoc_programm()
    if programm is None:
        return None
    r = subprocess.run([programm, "--version"], capture_output=True, text=True, check=False)
    return r.stdout.split("\n", 1)[0].strip() if r.returncode == 0 else None


@functools.cache
def weasyprint_version() -> str | None:
    """The installed WeasyPrint version, without importing it (the import takes ~0.6 s)."""
    try:
        return importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return None


class Exporter:
    """Converts :class:`Dokument` objects to files in ``cache``; one instance per build."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.umgewandelt = 0  # conversions actually run (not served from the cache)

    def erzeugen(self, dok: Dokument, fmt: str, name: str) -> Download:
        """The file of ``dok`` in format ``fmt`` (converting only if not cached)."""
        schluessel = self._schluessel(dok, fmt)
        ziel = self.cache / fmt / f"{name}-{schluessel[:20]}.{fmt}"
        if not ziel.is_file():
            ziel.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=ziel.parent, suffix=f".{fmt}")
            os.close(fd)
            try:
                (self._pdf if fmt == "pdf" else self._pandoc)(dok, fmt, Path(tmp))
                os.chmod(tmp, 0o644)
                os.replace(tmp, ziel)  # atomic: a parallel build never sees half a file
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            self.umgewandelt += 1
        return Download(fmt, ziel, ziel.stat().st_size)

    def _schluessel(self, dok: Dokument, fmt: str) -> str:
        h = hashlib.sha256()
        teile = [VERSION, fmt, dok.titel, dok.koerper, dok.zusammenfassung, dok.herkunft, dok.adresse, dok.stand]
        if fmt == "pdf":
            teile += [weasyprint_version() or "", PDF_CSS.read_text(encoding="utf-8")]
        else:
            teile += [pandoc_kennung()]
        for src in sorted(set(re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', dok.koerper))):
            bild = dok.bild(htmlmod.unescape(src))
            if bild is not None and bild.is_file():
                info = bild.stat()
                teile.append(f"{src}:{info.st_size}:{info.st_mtime_ns}")
        for teil in teile:
            h.update(teil.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()

    # -- converters -----------------------------------------------------------------------

    def _pandoc(self, dok: Dokument, fmt: str, ziel: Path) -> None:
        programm = pandoc_programm()
        if programm is None or pandoc_version() is None:
            raise ExportFehler(
                "Für die Word- und LibreOffice-Fassungen der Vorlagen fehlt das Programm pandoc. "
                "Installieren Sie die Abhängigkeiten neu (make einrichten: das Paket pypandoc-binary bringt es mit)."
            )
        quelle = _html_dokument(dok, mit_kopf=False, bilder=_bilder_eingebettet)
        befehl = [
            programm,
            "--sandbox",  # no file and no network access: everything it shows is in the input
            "--from=html",
            f"--to={fmt}",
            "--metadata=lang:de-DE",
            f"--metadata=subject:{dok.titel}",
            f"--metadata=description:{dok.zusammenfassung}",
            f"--output={ziel}",
        ]
        r = subprocess.run(befehl, input=quelle, capture_output=True, text=True, check=False, timeout=120)
        if r.returncode == 97 and "data file" in r.stderr:
            raise ExportFehler(
                f"Dieses pandoc ({pandoc_version()}) kann in seiner Sandbox keine {fmt.upper()}-Datei schreiben, weil ihm "
                "seine Datendateien fehlen (so bei Debians Paket). Installieren Sie die Abhängigkeiten neu (make einrichten: "
                "das Paket pypandoc-binary bringt ein passendes pandoc mit)."
            )
        if r.returncode != 0:
            raise ExportFehler(f"pandoc konnte '{dok.titel}' nicht als {fmt.upper()} speichern: {r.stderr.strip()}")
        # The title belongs in dc:title; pandoc sets it only together with a printed title block.
        titel_setzen(ziel, fmt, dok.titel)

    def _pdf(self, dok: Dokument, fmt: str, ziel: Path) -> None:
        try:
            import weasyprint
        except (ImportError, OSError):  # OSError: the Pango library is missing
            raise ExportFehler(
                "Für die PDF-Fassungen fehlt WeasyPrint oder die Bibliothek Pango. Installieren Sie die "
                "Abhängigkeiten neu (make einrichten) und unter Debian/Ubuntu: sudo apt-get install "
                "libpango-1.0-0 libpangoft2-1.0-0."
            ) from None

        basis = dok.basis.resolve()
        erlaubt = {p.resolve() for p in dok.dateien.values()}

        class NurLokal(weasyprint.urls.URLFetcher):
            """Nothing from the network; local files only if this edition publishes them."""

            def fetch(self, url: str, headers: Any = None) -> Any:
                if url.startswith("file://"):
                    pfad = Path(unquote(url[len("file://") :].split("?", 1)[0].split("#", 1)[0])).resolve()
                    if pfad in erlaubt and pfad.is_file():
                        art = mimetypes.guess_type(pfad.name)[0] or "application/octet-stream"
                        return weasyprint.urls.URLFetcherResponse(
                            pfad.as_uri(), pfad.read_bytes(), {"Content-Type": art}
                        )
                raise ValueError(f"nicht erlaubt: {url}")

        dokument = weasyprint.HTML(
            string=_html_dokument(dok, mit_kopf=True, bilder=_bilder_veroeffentlicht),
            base_url=basis.as_uri() + "/",
            url_fetcher=NurLokal(),
        )
        dokument.write_pdf(
            str(ziel),
            stylesheets=[weasyprint.CSS(string=PDF_CSS.read_text(encoding="utf-8"))],
            pdf_tags=True,  # tagged PDF: headings, lists and tables for screen readers
        )


_IMG_RE = re.compile(r'<img\b[^>]*>')


def _bilder_veroeffentlicht(dok: Dokument, koerper: str) -> str:
    """Pictures whose file this edition publishes stay (WeasyPrint's fetcher loads them); any
    other picture becomes its alternative text."""

    def ersetzen(m: re.Match[str]) -> str:
        src = _attribut(m.group(0), "src")
        if src is not None and dok.bild(src) is not None:
            return m.group(0)
        return htmlmod.escape(_attribut(m.group(0), "alt") or "")

    return _IMG_RE.sub(ersetzen, koerper)


def _bilder_eingebettet(dok: Dokument, koerper: str) -> str:
    """For pandoc in its sandbox: published pictures as ``data:`` addresses, others as their
    alternative text."""

    def ersetzen(m: re.Match[str]) -> str:
        tag = m.group(0)
        src = _attribut(tag, "src")
        pfad = dok.bild(src) if src is not None else None
        if pfad is None or not pfad.is_file():
            return htmlmod.escape(_attribut(tag, "alt") or "")
        art = mimetypes.guess_type(pfad.name)[0] or "application/octet-stream"
        daten = base64.b64encode(pfad.read_bytes()).decode("ascii")
        alt = htmlmod.escape(_attribut(tag, "alt") or "")
        return f'<img src="data:{art};base64,{daten}" alt="{alt}">'

    return _IMG_RE.sub(ersetzen, koerper)


def _html_dokument(
    dok: Dokument, *, mit_kopf: bool, bilder: Callable[[Dokument, str], str] = _bilder_veroeffentlicht
) -> str:
    """The HTML handed to the converters. For pandoc (``mit_kopf=False``) without <title> and
    author: pandoc would print them as an extra title block above the page's own heading."""
    e = htmlmod.escape
    meta = []
    if mit_kopf:
        meta.append(f"<title>{e(dok.titel)}</title>")
        if dok.zusammenfassung:
            meta.append(f'<meta name="description" content="{e(dok.zusammenfassung)}">')
        if dok.herkunft:
            meta.append(f'<meta name="author" content="{e(dok.herkunft)}">')
    teile = [f'<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n{"".join(meta)}\n</head>\n<body>']
    if mit_kopf and dok.herkunft:
        teile.append(f'<p class="kopfzeile">{e(dok.herkunft)}</p>')
    teile.append(bilder(dok, dok.koerper))
    fuss = []
    if dok.stand:
        fuss.append(f"Stand: {e(dok.stand)}")
    if dok.adresse:
        fuss.append(f'Online: <a href="{e(dok.adresse)}">{e(dok.adresse)}</a>')
    elif dok.herkunft:
        fuss.append(f"Aus dem {e(dok.herkunft)}")
    if fuss:
        teile.append(f'<hr>\n<p class="herkunft">{" · ".join(fuss)}</p>')
    teile.append("</body>\n</html>\n")
    return "\n".join(teile)


def dateiname(pfad: str) -> str:
    """``vorlagen/isek-gliederung.md`` -> ``isek-gliederung``"""
    return posixpath.splitext(posixpath.basename(pfad))[0]
