"""Reading a filled-in Word template (DOCX or ODT) into an entry: front matter, body, photos.

pandoc reads the document (``--track-changes=accept``: tracked changes count as accepted, comments
are dropped) into its JSON syntax tree; the embedded images are read from the document's archive
(after its sizes were checked), never extracted by pandoc. This module walks the tree:

- guidance goes: paragraphs starting with "Hinweis zum Ausfüllen:" (the template sets them in the
  style "Hinweis", but a person's own text in that style is kept), and the hint column;
- the Steckbrief table becomes the front matter (``felder.wert`` per row: titles of Kommunen,
  Handlungsfelder … become slugs, with "Meinten Sie …?" when nothing matches);
- each heading of the type's sections starts a section; headings, lists, tables, links and
  emphasis are kept, Word's direct formatting (fonts, colours, underline), styles, empty
  paragraphs and raw fragments are dropped, and pandoc writes the Markdown;
- every photo gets a clean name (``<slug>/foto-1.jpg``) and a ``bilder`` entry; the line below
  it ("Kinder bauen ein Hochbeet (Foto: Stadt Essen)") gives its description and credit, or the
  Steckbrief rows "Bildnachweis"/"Bildlizenz" do.

Every problem is a German sentence naming the place in the document ("Steckbrief, Zeile
'Kommune': …", "Abschnitt 'Vorgehen' fehlt …"), collected in :class:`Importfehler`.
"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from staedtenetz.beitrag import felder
from staedtenetz.beitrag.felder import BILDLIZENZ, BILDNACHWEIS, Wertfehler, Zeile, normal
from staedtenetz.beitrag.vorlage import HINWEIS_PRAEFIX, SPALTEN, STECKBRIEF, TYPZEILE
from staedtenetz.beitrag.zipgrenzen import Grenzen, ZipFehler, kopf_pruefen
from staedtenetz.inhalt.abschnitte import ABSCHNITTE
from staedtenetz.inhalt.meldungen import aehnlichstes
from staedtenetz.inhalt.modell import TYP_BEZEICHNUNG
from staedtenetz.pruefung import materialien
from staedtenetz.ansichten.vorlagen_export import pandoc_programm

#: A Word document (with its images) may be this large; its parts unpacked at most 4x as much.
MAX_DOKUMENT_MB = 60


class Importfehler(Exception):
    """The document cannot become an entry; ``fehler`` are German sentences for people."""

    def __init__(self, fehler: list[str]) -> None:
        super().__init__("\n".join(fehler))
        self.fehler = fehler


@dataclass
class Foto:
    quelle: Path  # extracted by pandoc
    name: str  # clean file name, e.g. foto-1.jpg
    alt: str
    urheber: str
    lizenz: str


@dataclass
class Gelesen:
    """What the document says, before the entry is written."""

    typ: str
    daten: dict[str, Any]  # front matter in the order it is written
    koerper: str  # Markdown of the sections (``## Titel`` …)
    fotos: list[Foto] = field(default_factory=list)
    zeilen: dict[str, str] = field(default_factory=dict)  # front-matter key -> Steckbrief label


# -- the document -----------------------------------------------------------------------------


def format_von(datei: Path) -> str:
    """``docx`` or ``odt`` by the content, else :class:`Importfehler`."""
    try:
        with zipfile.ZipFile(datei) as z:
            namen = set(z.namelist())
            if "word/document.xml" in namen:
                return "docx"
            if "mimetype" in namen and z.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text":
                return "odt"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        pass
    raise Importfehler(
        [
            f"'{datei.name}' ist kein Word- oder LibreOffice-Dokument (DOCX oder ODT). Speichern Sie das "
            "Dokument in Word mit „Speichern unter → Word-Dokument (.docx)“ oder in LibreOffice als .odt."
        ]
    )


def _pandoc(datei: Path, fmt: str, arbeitsordner: Path) -> dict[str, Any]:
    programm = pandoc_programm()
    if programm is None:
        raise Importfehler(["Zum Einlesen fehlt das Programm pandoc (make einrichten: das Python-Paket pypandoc-binary bringt es mit)."])
    # No --extract-media: pandoc writes nothing; the images are read from the archive (``_bild_lesen``).
    befehl = [programm, "--sandbox", f"--from={'docx+styles' if fmt == 'docx' else 'odt'}", "--to=json"]
    if fmt == "docx":
        befehl.append("--track-changes=accept")
    r = subprocess.run([*befehl, str(datei.resolve())], capture_output=True, text=True, check=False, timeout=300, cwd=arbeitsordner)
    if r.returncode != 0:
        raise Importfehler([f"Das Dokument '{datei.name}' lässt sich nicht lesen ({r.stderr.strip()[:300]})."])
    return json.loads(r.stdout)


def _markdown(bloecke: list[Any], api: Any) -> str:
    programm = pandoc_programm() or "pandoc"
    ast = {"pandoc-api-version": api, "meta": {}, "blocks": bloecke}
    r = subprocess.run(
        [programm, "--sandbox", "--from=json", "--to=markdown_strict+pipe_tables+footnotes", "--wrap=none"],
        input=json.dumps(ast),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if r.returncode != 0:
        raise Importfehler([f"Der Text ließ sich nicht in Markdown umwandeln ({r.stderr.strip()[:300]})."])
    return r.stdout


# -- walking the syntax tree ---------------------------------------------------------------------


def text(knoten: Any) -> str:
    """Plain text of inlines or blocks; a link keeps its address after the text."""
    if isinstance(knoten, list):
        return "".join(text(k) for k in knoten)
    if not isinstance(knoten, dict):
        return ""
    t, c = knoten.get("t"), knoten.get("c")
    if t == "Str":
        return c
    if t in ("Space", "SoftBreak"):
        return " "
    if t == "LineBreak":
        return "\n"
    if t in ("Code", "Math", "RawInline"):
        return c[1] if t != "Math" else c[1]
    if t == "Link":
        inhalt, url = text(c[1]), c[2][0]
        return inhalt if url in inhalt or not url else f"{inhalt} {url}"
    if t == "Image":
        return ""
    if t in ("Para", "Plain", "Header"):
        inhalt = c if t != "Header" else c[2]
        return text(inhalt) + "\n"
    if t in ("Span", "Div"):
        return text(c[1])
    if t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
        return text(c)
    if t == "Quoted":
        return "„" + text(c[1]) + "“"
    if t == "Cite":
        return text(c[1])
    if t in ("BulletList",):
        return "".join(text(b) for b in c)
    if t == "OrderedList":
        return "".join(text(b) for b in c[1])
    if t == "LineBlock":
        return "".join(text(z) + "\n" for z in c)
    if t == "BlockQuote":
        return text(c)
    return ""


def _ist_hinweis(block: dict[str, Any]) -> bool:
    """Guidance is recognised by its opening words only, not by the style "Hinweis": text a person
    types into a paragraph that inherited the style must never be lost."""
    return block.get("t") in ("Para", "Plain") and text(block).lstrip().startswith(HINWEIS_PRAEFIX)


_UNWICHTIG = {"Space", "SoftBreak", "LineBreak"}


def _aufraeumen_inline(inlines: list[Any]) -> list[Any]:
    """Inline nodes without direct formatting, raw fragments and unsafe links."""
    ergebnis: list[Any] = []
    for k in inlines:
        t, c = k.get("t"), k.get("c")
        if t in ("Span", "Underline", "SmallCaps"):
            ergebnis += _aufraeumen_inline(c[1] if t == "Span" else c)
        elif t == "Strikeout":
            continue  # struck-out text is deleted text in a report
        elif t == "RawInline":
            continue
        elif t in ("Emph", "Strong", "Superscript", "Subscript"):
            innen = _aufraeumen_inline(c)
            if any(x.get("t") not in _UNWICHTIG for x in innen):
                ergebnis.append({"t": t, "c": innen})
            else:
                ergebnis += innen
        elif t == "Quoted":
            ergebnis += [{"t": "Str", "c": "„"}, *_aufraeumen_inline(c[1]), {"t": "Str", "c": "“"}]
        elif t == "Cite":
            ergebnis += _aufraeumen_inline(c[1])
        elif t == "Link":
            innen = _aufraeumen_inline(c[1])
            url = c[2][0]
            if re.match(r"^(https?://|mailto:)", url, re.IGNORECASE):
                ergebnis.append({"t": "Link", "c": [["", [], []], innen, [url, ""]]})
            else:
                ergebnis += innen
        elif t == "Note":
            ergebnis.append({"t": "Note", "c": _aufraeumen(c)})
        else:
            ergebnis.append(k)
    # no leading/trailing spaces (Word leaves them after deleting words)
    while ergebnis and ergebnis[0].get("t") in _UNWICHTIG:
        ergebnis.pop(0)
    while ergebnis and ergebnis[-1].get("t") in _UNWICHTIG:
        ergebnis.pop()
    return ergebnis


def _aufraeumen(bloecke: list[Any]) -> list[Any]:
    """Blocks without guidance, styles (Divs), raw fragments and empty paragraphs."""
    ergebnis: list[Any] = []
    for b in bloecke:
        t, c = b.get("t"), b.get("c")
        if _ist_hinweis(b):
            continue
        if t == "Div":
            ergebnis += _aufraeumen(c[1])
        elif t in ("Para", "Plain"):
            innen = _aufraeumen_inline(c)
            if innen:
                ergebnis.append({"t": t, "c": innen})
        elif t == "Header":
            innen = _aufraeumen_inline(c[2])
            if innen:
                ergebnis.append({"t": "Header", "c": [c[0], ["", [], []], innen]})
        elif t in ("BulletList", "OrderedList") and _ueberschriften_in_liste(c if t == "BulletList" else c[1]):
            # LibreOffice keeps numbered headings in an outline list; pandoc reads it as a list
            for punkt in c if t == "BulletList" else c[1]:
                ergebnis += _aufraeumen(punkt)
        elif t == "BulletList":
            punkte = _punkte(c)
            if punkte:
                ergebnis.append({"t": t, "c": punkte})
        elif t == "OrderedList":
            punkte = _punkte(c[1])
            if punkte:
                ergebnis.append({"t": t, "c": [c[0], punkte]})
        elif t == "BlockQuote":
            innen = _aufraeumen(c)
            if innen:
                ergebnis.append({"t": t, "c": innen})
        elif t == "LineBlock":
            zeilen = [_aufraeumen_inline(z) for z in c]
            if any(zeilen):
                ergebnis.append({"t": t, "c": zeilen})
        elif t == "Table":
            ergebnis.append(_tabelle_aufraeumen(b))
        elif t in ("RawBlock", "Null"):
            continue
        elif t == "HorizontalRule":
            continue
        else:
            ergebnis.append(b)
    return ergebnis


def _ueberschriften_in_liste(punkte: list[Any]) -> bool:
    return any(p and p[0].get("t") == "Header" for p in punkte)


def _punkte(punkte: list[Any]) -> list[Any]:
    """List items without empty ones; one-paragraph items as a tight list (Word's list paragraphs
    arrive as separate paragraphs, which Markdown would print with blank lines between)."""
    ergebnis = [p for p in (_aufraeumen(p) for p in punkte) if p]
    if all(len(p) == 1 and p[0].get("t") in ("Para", "Plain") for p in ergebnis):
        ergebnis = [[{"t": "Plain", "c": p[0]["c"]}] for p in ergebnis]
    return ergebnis


def _tabelle_aufraeumen(b: dict[str, Any]) -> dict[str, Any]:
    attr, caption, spalten, kopf, koerper, fuss = b["c"]

    def zeilen(rows: list[Any]) -> list[Any]:
        return [[r[0], [[z[0], z[1], z[2], z[3], _aufraeumen(z[4])] for z in r[1]]] for r in rows]

    kopf = [kopf[0], zeilen(kopf[1])]
    koerper = [[k[0], k[1], zeilen(k[2]), zeilen(k[3])] for k in koerper]
    fuss = [fuss[0], zeilen(fuss[1])]
    return {"t": "Table", "c": [["", [], []], caption, spalten, kopf, koerper, fuss]}


def _tabellenzeilen(tabelle: dict[str, Any]) -> list[list[str]]:
    _, _, _, kopf, koerper, fuss = tabelle["c"]
    reihen = list(kopf[1])
    for k in koerper:
        reihen += k[2] + k[3]
    reihen += fuss[1]
    return [[text(_aufraeumen(z[4])).strip() for z in r[1]] for r in reihen]


# -- the Steckbrief ---------------------------------------------------------------------------


def _typ_aus(reihen: list[list[str]], typ: str | None) -> str:
    for r in reihen:
        if r and normal(r[0]) == normal(TYPZEILE):
            wert = r[1] if len(r) > 1 else ""
            for t, (einzahl, _, _) in TYP_BEZEICHNUNG.items():
                if normal(wert) in (normal(einzahl), t):
                    if typ is not None and typ != t:
                        raise Importfehler([f"Steckbrief, Zeile '{TYPZEILE}': Das Dokument ist eine Vorlage für '{einzahl}', nicht für '{TYP_BEZEICHNUNG[typ][0]}'."])
                    if t not in felder.VORLAGENTYPEN:
                        break
                    return t
            erlaubt = ", ".join(TYP_BEZEICHNUNG[t][0] for t in felder.VORLAGENTYPEN)
            raise Importfehler(
                [f"Steckbrief, Zeile '{TYPZEILE}': '{wert}' kennt das Handbuch nicht. Erlaubt: {erlaubt}. Ändern Sie diese Zeile nicht."]
            )
    if typ is not None:
        return typ
    raise Importfehler(
        [
            f"Steckbrief: Die Zeile '{TYPZEILE}' fehlt, so ist nicht klar, was für ein Eintrag entstehen soll. "
            "Fügen Sie sie wieder ein oder geben Sie beim Einlesen --typ an."
        ]
    )


def steckbrief_lesen(reihen: list[list[str]], typ: str, katalog: Any) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """(front matter values, key -> label, errors) of the Steckbrief rows."""
    erwartet = felder.zeilen(typ)
    nach_label = {normal(z.titel): z for z in erwartet}
    gefunden: dict[str, str] = {}
    fehler: list[str] = []
    for r in reihen:
        if not r or not any(r):
            continue
        label = r[0]
        n = normal(label)
        if n in (normal(SPALTEN[0]), normal(TYPZEILE)):
            continue
        wert = r[1] if len(r) > 1 else ""
        if n not in nach_label:
            vorschlag = aehnlichstes(n, list(nach_label))
            meinten = f" Meinten Sie '{nach_label[vorschlag].titel}'?" if vorschlag else ""
            fehler.append(
                f"Steckbrief, Zeile '{label}': Diese Zeile kennt die Vorlage nicht.{meinten} Ändern Sie die linke "
                "Spalte nicht; laden Sie im Zweifel die Vorlage neu herunter."
            )
            continue
        if n in gefunden:
            fehler.append(f"Steckbrief, Zeile '{label}': Die Zeile steht zweimal im Steckbrief. Löschen Sie eine davon.")
            continue
        gefunden[n] = wert
    daten: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for z in erwartet:
        if z.pfad:
            labels.setdefault(z.pfad[0], z.titel)
        n = normal(z.titel)
        if n not in gefunden:
            if z.pflicht:
                fehler.append(
                    f"Steckbrief: Die Zeile '{z.titel}' fehlt (sie ist Pflicht). Fügen Sie sie wieder ein: linke "
                    f"Spalte '{z.titel}', mittlere Spalte Ihre Angabe. {z.hinweis(katalog)}"
                )
            continue
        zelle = gefunden[n].strip()
        if not zelle:
            if z.pflicht:
                fehler.append(f"Steckbrief, Zeile '{z.titel}': Die Angabe fehlt. {z.hinweis(katalog)}")
            continue
        if not z.pfad:
            daten[f"__{z.titel}"] = zelle  # photo rows, used for the photos
            continue
        try:
            w = felder.wert(z, zelle, katalog)
        except Wertfehler as grund:
            fehler.append(f"Steckbrief, Zeile '{z.titel}': {grund}")
            continue
        if len(z.pfad) == 1:
            daten[z.pfad[0]] = w
        else:
            daten.setdefault(z.pfad[0], {})[z.pfad[1]] = w
    return daten, labels, fehler


# -- photos -------------------------------------------------------------------------------------

_NACHWEIS_RE = re.compile(r"\(?\s*(?:Foto|Fotos|Bild|Bildnachweis|Quelle|©)\s*[:：]?\s*(?P<wer>[^()]+?)\s*\)?\s*$", re.IGNORECASE)
_NUMMER_RE = re.compile(r"^(?:Abbildung|Abb\.|Bild|Foto)\s+\d+\s*[:.]\s*", re.IGNORECASE)


def _unterschrift(absatz: str) -> tuple[str, str | None, str | None]:
    """(description, credit, licence) from the line below a photo."""
    t = _NUMMER_RE.sub("", absatz.strip())
    lizenz = None
    if m := re.search(r"[,;]?\s*(?:Lizenz:?\s*)?(CC[ -]BY(?:[ -](?:SA|NC|ND))*(?:[ -]\d\.\d)?|CC0(?:[ -]1\.0)?)\s*\)?\s*$", t, re.IGNORECASE):
        lizenz = m.group(1).replace("-", " ").upper().replace("CC BY", "CC BY")
        t = (t[: m.start()] + (")" if t[: m.start()].count("(") > t[: m.start()].count(")") else "")).strip()
    m = _NACHWEIS_RE.search(t)
    if m and (m.start() > 0 or t.lower().startswith(("foto", "bild", "©", "quelle"))):
        return t[: m.start()].strip(" -–,:"), m.group("wer").strip(" ,;"), lizenz
    return t, None, lizenz


def _bildart(pfad: Path) -> materialien.Dateiart | None:
    with open(pfad, "rb") as f:
        kopf = f.read(4096)
    for a in materialien.ARTEN.values():
        if a.bild and a.endung not in ("jpeg", "svg") and a.pruefer(kopf, pfad):
            return a
    return None


def _fotos(
    bloecke: list[Any], slug: str, dokument: tuple[Path, str], medien: Path, daten: dict[str, Any], fehler: list[str]
) -> tuple[list[Any], list[Foto]]:
    """The blocks with every image renamed to ``<slug>/foto-N.ext`` and its caption line removed."""
    fotos: list[Foto] = []
    ergebnis: list[Any] = []
    nachweis_alle = daten.pop(f"__{BILDNACHWEIS}", None)
    lizenz_alle = daten.pop(f"__{BILDLIZENZ}", None)
    i = 0
    while i < len(bloecke):
        b = bloecke[i]
        i += 1
        bilder = _bilder_in(b)
        if not bilder:
            ergebnis.append(b)
            continue
        unterschrift = None
        if i < len(bloecke) and bloecke[i].get("t") in ("Para", "Plain") and not _bilder_in(bloecke[i]):
            kandidat = text(bloecke[i]).strip()
            beschr, wer, liz = _unterschrift(kandidat)
            if wer or len(bilder) == 1 and len(kandidat) <= 300:
                unterschrift = (beschr, wer, liz)
                i += 1
        for bild in bilder:
            nummer = len(fotos) + 1
            quelle = _bild_lesen(dokument, bild["c"][2][0], medien, nummer)
            if quelle is None:
                fehler.append(f"Foto {nummer}: Das Bild ließ sich nicht aus dem Dokument lösen. Fügen Sie es neu ein (Einfügen → Bild).")
                continue
            art = _bildart(quelle)
            if art is None:
                endung = posixpath.splitext(bild["c"][2][0])[1].lstrip(".").upper() or "unbekannt"
                fehler.append(
                    f"Foto {nummer}: Das Bild hat das Format {endung}; das Handbuch zeigt nur JPG, PNG, GIF und WebP. "
                    "Speichern Sie das Foto als JPG und fügen Sie es neu ein."
                )
                continue
            name = f"foto-{nummer}.{art.endung}"
            alt_bild = text(bild["c"][1]).strip()
            beschr, wer, liz = unterschrift if unterschrift and len(bilder) == 1 else ("", None, None)
            alt = alt_bild or beschr
            urheber = wer or nachweis_alle
            lizenz = liz or lizenz_alle
            ort = f"Foto {nummer} ('{name}')"
            if not urheber:
                fehler.append(
                    f"{ort}: Es fehlt der Bildnachweis. Schreiben Sie in die Zeile unter dem Foto, was zu sehen ist "
                    f"und wer es gemacht hat, z. B. 'Kinder bauen ein Hochbeet (Foto: Stadt Essen, Amt 61)', oder "
                    f"füllen Sie im Steckbrief die Zeile '{BILDNACHWEIS}' aus."
                )
            if not alt:
                fehler.append(
                    f"{ort}: Es fehlt die Beschreibung, was auf dem Foto zu sehen ist (für Menschen, die es nicht "
                    "sehen können). Schreiben Sie sie in die Zeile unter dem Foto, z. B. 'Kinder bauen ein Hochbeet "
                    "(Foto: Stadt Essen)'."
                )
            fotos.append(Foto(quelle, name, alt, urheber or "", lizenz or ""))
            bild["c"] = [["", [], []], [{"t": "Str", "c": alt or name}], [f"{slug}/{name}", ""]]
        ergebnis.append(b)
    return ergebnis, fotos


def _bild_lesen(dokument: tuple[Path, str], src: str, medien: Path, nummer: int) -> Path | None:
    """The image ``src`` (as pandoc names it: ``media/image1.png`` in a DOCX, ``Pictures/…`` in an
    ODT) copied from the document's archive to ``medien`` under a name of our own; None if the
    document has no such member. Sizes were checked with the archive (``kopf_pruefen``)."""
    datei, fmt = dokument
    name = posixpath.normpath(("word/" if fmt == "docx" else "") + src)
    if name.startswith(("../", "/")):
        return None
    try:
        with zipfile.ZipFile(datei) as z:
            daten = z.read(name)
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    ziel = medien / f"bild-{nummer}"
    ziel.write_bytes(daten)
    return ziel


def _bilder_in(knoten: Any) -> list[dict[str, Any]]:
    gefunden: list[dict[str, Any]] = []
    if isinstance(knoten, list):
        for k in knoten:
            gefunden += _bilder_in(k)
    elif isinstance(knoten, dict):
        if knoten.get("t") == "Image":
            gefunden.append(knoten)
        elif "c" in knoten:
            gefunden += _bilder_in(knoten["c"])
    return gefunden


# -- the sections -----------------------------------------------------------------------------


def _abschnitte(bloecke: list[Any], typ: str, fehler: list[str]) -> list[Any]:
    """The section blocks as ``##`` headings in the type's order; sub-headings one level lower."""
    koepfe = [b["c"][0] for b in bloecke if b.get("t") == "Header"]
    ebene = min(koepfe) if koepfe else 1
    erwartet = {normal(a.titel): a for a in ABSCHNITTE[typ]}
    inhalt: dict[str, list[Any]] = {}
    aktuell: list[Any] | None = None
    verwaist: list[str] = []  # text before the first section
    for b in bloecke:
        if b.get("t") == "Header" and b["c"][0] == ebene:
            titel = text(b["c"][2]).strip()
            n = normal(titel)
            if n in erwartet:
                if n in inhalt:
                    fehler.append(f"Abschnitt '{titel}' steht zweimal im Dokument. Führen Sie die beiden zusammen.")
                inhalt.setdefault(n, [])
                aktuell = inhalt[n]
                continue
            vorschlag = aehnlichstes(n, list(erwartet))
            meinten = f" Meinten Sie '{erwartet[vorschlag].titel}'?" if vorschlag else ""
            fehler.append(
                f"Abschnitt '{titel}': Diese Überschrift kennt die Vorlage nicht.{meinten} Ändern Sie die "
                f"Überschriften der Vorlage nicht; eigene Zwischenüberschriften setzen Sie eine Ebene tiefer "
                f"(Überschrift {ebene + 1}). Erwartet: {', '.join(a.titel for a in ABSCHNITTE[typ])}."
            )
            aktuell = []  # its text is not taken (the heading's message covers it)
            continue
        if aktuell is None:
            if text(b).strip() or _bilder_in(b):
                verwaist.append(text(b))
            continue
        if b.get("t") == "Header":
            b = {"t": "Header", "c": [min(6, b["c"][0] - ebene + 2), b["c"][1], b["c"][2]]}
        aktuell.append(b)
    if verwaist:
        fehler.append(
            f"Zwischen Steckbrief und erstem Abschnitt steht Text ('{_kurz(' '.join(verwaist))}'). Er gehört zu "
            "keinem Abschnitt: Setzen Sie ihn unter eine der Überschriften."
        )
    ergebnis: list[Any] = []
    for n, a in erwartet.items():
        if n not in inhalt:
            if a.pflicht:
                fehler.append(
                    f"Abschnitt '{a.titel}' fehlt. Setzen Sie die Überschrift '{a.titel}' (Überschrift {ebene}) wieder "
                    f"ein und schreiben Sie darunter: {a.hinweis}"
                )
            continue
        if not inhalt[n]:
            if a.pflicht:
                fehler.append(f"Abschnitt '{a.titel}' ist leer. Schreiben Sie darunter: {a.hinweis}")
            continue
        ergebnis.append({"t": "Header", "c": [2, ["", [], []], [{"t": "Str", "c": a.titel}]]})
        ergebnis += inhalt[n]
    return ergebnis


def _kurz(t: str) -> str:
    t = " ".join(t.split())
    return t if len(t) <= 60 else t[:57] + " …"


# -- all together -----------------------------------------------------------------------------


def lesen(datei: Path, katalog: Any, slug_von: Any, arbeitsordner: Path, typ: str | None = None) -> Gelesen:
    """Read ``datei``; ``slug_von(daten)`` names the entry (its photos go to ``<slug>/``).

    Images are extracted below ``arbeitsordner``. Raises :class:`Importfehler` with every
    problem found."""
    fmt = format_von(datei)
    grenzen = Grenzen(max_dateien=2000, max_datei_bytes=MAX_DOKUMENT_MB * 4_000_000, max_gesamt_bytes=MAX_DOKUMENT_MB * 4_000_000)
    if datei.stat().st_size > MAX_DOKUMENT_MB * 1_000_000:
        raise Importfehler([f"'{datei.name}' ist größer als {MAX_DOKUMENT_MB} MB. Verkleinern Sie die Fotos im Dokument."])
    try:
        with zipfile.ZipFile(datei) as z:
            kopf_pruefen(z, grenzen, nur_grenzen=True)
    except ZipFehler as grund:
        raise Importfehler([f"'{datei.name}': {grund}"]) from None
    medien = Path(tempfile.mkdtemp(prefix="medien-", dir=arbeitsordner))
    ast = _pandoc(datei, fmt, arbeitsordner)
    bloecke: list[Any] = ast.get("blocks", [])
    fehler: list[str] = []

    # the Steckbrief: the first table after a heading "Steckbrief" (or the first table naming the type)
    start = next(
        (i for i, b in enumerate(bloecke) if b.get("t") == "Header" and normal(text(b["c"][2])) == normal(STECKBRIEF)),
        None,
    )
    tabellen = [i for i, b in enumerate(bloecke) if b.get("t") == "Table" and (start is None or i > start)]
    if not tabellen:
        raise Importfehler(
            [
                "Der Steckbrief (die Tabelle am Anfang des Dokuments) fehlt. Nutzen Sie die Vorlage von der Seite "
                "„Beitrag einreichen“ und füllen Sie die Tabelle aus, statt sie zu löschen."
            ]
        )
    t_index = tabellen[0]
    reihen = _tabellenzeilen(bloecke[t_index])
    typ = _typ_aus(reihen, typ)
    werte, labels, fehler_sb = steckbrief_lesen(reihen, typ, katalog)
    fehler += fehler_sb

    rest = _aufraeumen(bloecke[t_index + 1 :])
    abschnitte = _abschnitte(rest, typ, fehler)
    slug = slug_von(werte)
    abschnitte, fotos = _fotos(abschnitte, slug, (datei, fmt), medien, werte, fehler)
    if fehler:
        raise Importfehler(fehler)
    koerper = _markdown(abschnitte, ast.get("pandoc-api-version"))
    return Gelesen(typ, werte, koerper, fotos, labels)
