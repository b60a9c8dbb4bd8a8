"""``staedtenetz import``: a filled-in Word template or a Beitragspaket becomes a checked draft.

:func:`importieren` decides by content what ``datei`` is (DOCX, ODT or ZIP package), reads it
(``word`` or ``paket``), and hands the entry to ``einfuegen``, which writes it as
``status: entwurf`` only if it passes the same checks as ``pruefen``. Messages about a Word
document are reported against the document ("Steckbrief, Zeile 'Kommune': …", "Foto 1: …",
"Abschnitt 'Vorgehen': …"); messages about a package name its file and line.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from staedtenetz.beitrag import paket as paketmodul
from staedtenetz.beitrag import word
from staedtenetz.beitrag.einfuegen import Belegt, Ergebnis, einfuegen, quellen
from staedtenetz.beitrag.felder import zeilen
from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.inhalt.meldungen import Meldung
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG, ist_slug
from staedtenetz.katalog.katalog import Katalog
from staedtenetz.pruefung.validierung import slug_vorschlag


@dataclass
class Bericht:
    """The outcome for people: what was written, or why nothing was."""

    geschrieben: list[str] = field(default_factory=list)  # docs-relative paths
    umbenannt: list[tuple[str, str]] = field(default_factory=list)  # (name in the package, clean path)
    fehler: list[str] = field(default_factory=list)
    warnungen: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.fehler


def art_von(datei: Path) -> str:
    """``docx``, ``odt`` or ``paket`` by content (the extension is only a hint)."""
    try:
        with zipfile.ZipFile(datei) as z:
            namen = set(z.namelist())
            if "word/document.xml" in namen:
                return "docx"
            if "mimetype" in namen and z.read("mimetype").strip().startswith(b"application/vnd.oasis.opendocument"):
                return "odt"
            return "paket"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return "unbekannt"


def importieren(
    datei: Path,
    docs: Path,
    *,
    kennung: str | None = None,
    typ: str | None = None,
    ersetzen: bool = False,
    ausgabe: Ausgabe | None = None,
    max_mb: float | None = None,
) -> Bericht:
    art = art_von(datei)
    if art == "unbekannt":
        return Bericht(
            fehler=[
                f"'{datei.name}' ist weder ein Word- oder LibreOffice-Dokument (DOCX, ODT) noch ein Beitragspaket (ZIP)."
            ]
        )
    if kennung is not None and not ist_slug(kennung):
        return Bericht(fehler=[f"'{kennung}' taugt nicht als Kennung: nur a–z, 0–9 und Bindestriche, z. B. '{slug_vorschlag(kennung)}'."])
    with tempfile.TemporaryDirectory(prefix="staedtenetz-import-") as tmp:
        try:
            if art == "paket":
                return _paket(datei, docs, Path(tmp), ersetzen, ausgabe, max_mb)
            return _word(datei, docs, Path(tmp), kennung, typ, ersetzen, ausgabe, max_mb)
        except (word.Importfehler, paketmodul.Paketfehler) as e:
            return Bericht(fehler=e.fehler)
        except Belegt as e:
            return Bericht(fehler=[str(e)])


# -- Word -----------------------------------------------------------------------------------------


def _word(
    datei: Path,
    docs: Path,
    tmp: Path,
    kennung: str | None,
    typ: str | None,
    ersetzen: bool,
    ausgabe: Ausgabe | None,
    max_mb: float | None,
) -> Bericht:
    katalog = Katalog.aufbauen(quellen(docs, ""))

    def slug_von(werte: dict[str, Any]) -> str:
        return kennung or slug_vorschlag(str(werte.get("title") or "eintrag"))

    g = word.lesen(datei, katalog, slug_von, tmp, typ)
    slug = slug_von(g.daten)
    ordner = TYP_BEZEICHNUNG[g.typ][2]
    pfad = f"{ordner}/{slug}.md"
    daten = _frontmatter(g, slug)
    text = "---\n" + yaml.safe_dump(daten, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    text += f"---\n\n# {g.daten['title']}\n\n{g.koerper.strip()}\n"
    dateien = {f"{ordner}/{slug}/{f.name}": f.quelle for f in g.fotos}
    ergebnis = einfuegen(docs, pfad, text, dateien, ausgabe=ausgabe, max_mb=max_mb, ersetzen=ersetzen)
    return _bericht(ergebnis, pfad, dateien, lambda m: _im_dokument(m, ergebnis, g))


def _frontmatter(g: word.Gelesen, slug: str) -> dict[str, Any]:
    daten: dict[str, Any] = {"typ": g.typ, "title": g.daten["title"] if "title" in g.daten else ""}
    if "zusammenfassung" in g.daten:
        daten["zusammenfassung"] = g.daten["zusammenfassung"]
    daten["status"] = "entwurf"
    for z in zeilen(g.typ):
        if z.pfad and z.pfad[0] in g.daten and z.pfad[0] not in daten:
            daten[z.pfad[0]] = g.daten[z.pfad[0]]
    if g.fotos:
        daten["bilder"] = [
            {"datei": f"{slug}/{f.name}", "alt": f.alt, "urheber": f.urheber, **({"lizenz": f.lizenz} if f.lizenz else {})}
            for f in g.fotos
        ]
    return daten


def _im_dokument(m: Meldung, ergebnis: Ergebnis, g: word.Gelesen) -> str:
    """The message placed in the document: Steckbrief row, photo or section."""
    q = ergebnis.quelle
    schluessel = sorted((k for k, z in q.zeilen.items() if z == m.zeile), key=len)
    if schluessel:
        k = schluessel[0]
        if k[0] == "bilder" and len(k) > 1 and isinstance(k[1], int):
            return f"Foto {k[1] + 1}: {m.text}"
        label = g.zeilen.get(str(k[0]))
        if label is None:
            # a rule across fields (on the whole entry) names the key to fill in its text
            genannt = [g.zeilen[n] for n in re.findall(r"[`']([a-z_]+)[`':]", m.text) if n in g.zeilen]
            label = genannt[0] if genannt else None
        if label:
            return f"Steckbrief, Zeile '{label}': {m.text}"
        return f"Steckbrief: {m.text}"
    zeilen_text = q.text.splitlines()
    abschnitt = None
    for z in reversed(zeilen_text[: max(m.zeile - 1, 0) + 1]):
        if z.startswith("## "):
            abschnitt = z[3:].strip()
            break
    if abschnitt:
        return f"Abschnitt '{abschnitt}': {m.text}"
    return f"Im Dokument: {m.text}"


# -- package ----------------------------------------------------------------------------------


def _paket(datei: Path, docs: Path, tmp: Path, ersetzen: bool, ausgabe: Ausgabe | None, max_mb: float | None) -> Bericht:
    p = paketmodul.auspacken(datei, tmp, max_mb)
    text = p.text
    if "status" not in (yaml.safe_load(text.split("---", 2)[1]) or {}):
        text = text.replace("\n---", "\nstatus: entwurf\n---", 1)
    ergebnis = einfuegen(docs, p.pfad, text, p.dateien, ausgabe=ausgabe, max_mb=max_mb, ersetzen=ersetzen)
    b = _bericht(ergebnis, p.pfad, p.dateien, lambda m: f"docs/{m.pfad}:{m.zeile}: {m.text}")
    b.umbenannt = sorted(p.umbenannt.items())
    return b


def _bericht(ergebnis: Ergebnis, pfad: str, dateien: dict[str, Path], ort: Any) -> Bericht:
    b = Bericht()
    for m in ergebnis.meldungen:
        (b.fehler if m.ist_fehler else b.warnungen).append(ort(m))
    if ergebnis.geschrieben:
        b.geschrieben = [pfad, *dateien]
    return b
