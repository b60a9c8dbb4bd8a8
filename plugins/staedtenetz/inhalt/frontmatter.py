"""Reading a Markdown source: bytes -> text, front matter and the line of every key.

Everything a contributor's editor may do to a file is handled here, once: a byte-order mark
and CRLF line ends are accepted; text that is not UTF-8, malformed YAML, a front matter that
is not a mapping, duplicate keys, YAML anchors and aliases (a size bomb) and an oversized front
matter become :class:`~staedtenetz.inhalt.meldungen.Meldung` objects with the line to look at. The
parser is libyaml (``CSafeLoader``) when available; the node tree it composes gives the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from staedtenetz.inhalt.meldungen import Meldung, feldname, fehler
from staedtenetz.inhalt.yamlfassung import mehrdeutig

try:  # libyaml is an order of magnitude faster; PyYAML's pure loader gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: The same front-matter pattern as MkDocs (mkdocs.utils.meta.YAML_RE), so we check exactly
#: what the build will read.
FRONTMATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

#: Largest front matter we parse. Real entries are a few KiB.
MAX_FRONTMATTER_BYTES = 64 * 1024

Pfad = tuple[str | int, ...]


@dataclass
class Quelltext:
    """One Markdown file as read: its text and, if it has one, its parsed front matter."""

    pfad: str  # relative to the docs folder, as MkDocs' File.src_uri
    text: str = ""  # decoded, BOM removed, line ends normalised to \n
    daten: dict[str, Any] | None = None  # the front matter, None if the page has none
    zeilen: dict[Pfad, int] = field(default_factory=dict)  # key path -> 1-based line in the file
    meldungen: list[Meldung] = field(default_factory=list)
    lesbar: bool = True  # False: MkDocs must not read this file (not UTF-8, a YAML bomb …)

    def zeile(self, pfad: Pfad) -> int:
        """The line of the key at ``pfad``, or of its closest enclosing key; 1 if none."""
        while pfad:
            if pfad in self.zeilen:
                return self.zeilen[pfad]
            pfad = pfad[:-1]
        return 1

    @property
    def hat_fehler(self) -> bool:
        return any(m.ist_fehler for m in self.meldungen)


def lesen(pfad: str, roh: bytes) -> Quelltext:
    """Decode and parse ``roh``, the bytes of the file at ``pfad``."""
    q = Quelltext(pfad)
    try:
        text = roh.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        q.lesbar = False
        zeile = roh[: e.start].count(b"\n") + 1
        byte = roh[e.start : e.start + 1]
        vermutlich = byte.decode("cp1252", errors="replace")
        q.meldungen.append(
            fehler(
                pfad,
                zeile,
                f"Die Datei ist nicht als UTF-8 gespeichert (Byte 0x{byte.hex().upper()}, vermutlich "
                f"'{vermutlich}' in Windows-Kodierung). Speichern Sie die Datei im Editor mit der "
                "Kodierung 'UTF-8'.",
            )
        )
        return q
    q.text = text.replace("\r\n", "\n").replace("\r", "\n")
    _frontmatter_lesen(q)
    return q


def _frontmatter_lesen(q: Quelltext) -> None:
    if not q.text.strip():
        q.meldungen.append(
            fehler(
                q.pfad,
                1,
                "Die Datei ist leer. Schreiben Sie die Front Matter (zwischen zwei Zeilen '---') und den "
                "Seitentext hinein, oder löschen Sie die Datei.",
            )
        )
        return
    m = FRONTMATTER_RE.match(q.text)
    if not m:
        versteckt = _versteckte_frontmatter(q.text)
        if versteckt is not None:
            zeile, davor = versteckt
            q.meldungen.append(
                fehler(
                    q.pfad,
                    zeile,
                    f"Die Front Matter beginnt erst in Zeile {zeile}; davor steht {davor}. MkDocs erkennt sie "
                    "nur, wenn '---' die allererste Zeile der Datei ist – so würden ihre Felder als Text "
                    "veröffentlicht. Löschen Sie alles vor der Zeile '---' (Überschriften gehören unter die "
                    "abschließende Zeile '---').",
                )
            )
        elif q.text.startswith("---\n"):
            q.lesbar = False
            q.meldungen.append(
                fehler(
                    q.pfad,
                    1,
                    "Die Front Matter wird nicht abgeschlossen. Schreiben Sie nach dem letzten Feld "
                    "eine Zeile, die nur '---' enthält.",
                )
            )
        return
    yaml_text = m.group(1)
    groesse = len(yaml_text.encode("utf-8"))
    if groesse > MAX_FRONTMATTER_BYTES:
        q.lesbar = False
        q.meldungen.append(
            fehler(
                q.pfad,
                1,
                f"Die Front Matter ist {groesse // 1024} KiB groß, erlaubt sind höchstens "
                f"{MAX_FRONTMATTER_BYTES // 1024} KiB. Lange Texte gehören in den Seitentext unter "
                "die abschließende Zeile '---'.",
            )
        )
        return
    q.daten = _yaml_lesen(q, yaml_text, erste_zeile=2)


_TRENNER_RE = re.compile(r"^-{3}[ \t]*$")
_ENDE_RE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")
_FELDZEILE_RE = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")


def _versteckte_frontmatter(text: str) -> tuple[int, str] | None:
    """(line, what precedes) of a front matter that does not start on line 1 – after blank
    lines, spaces or a heading – or None."""
    zeilen = text.split("\n", 60)[:60]
    for i, z in enumerate(zeilen):
        if _TRENNER_RE.match(z.strip()) if i else False:
            davor = zeilen[:i]
            if not all(not v.strip() or v.lstrip().startswith("#") for v in davor):
                return None
            for j in range(i + 1, len(zeilen)):
                if _ENDE_RE.match(zeilen[j].strip()):
                    if any(_FELDZEILE_RE.match(b) for b in zeilen[i + 1 : j]):
                        art = "eine Überschrift" if any(v.strip() for v in davor) else "eine Leerzeile"
                        return i + 1, art
                    return None
            return None
        if i == 0 and _TRENNER_RE.match(z):
            return None
        if z.strip() and not z.lstrip().startswith("#"):
            return None
    return None


def _yaml_lesen(q: Quelltext, yaml_text: str, erste_zeile: int) -> dict[str, Any] | None:
    loader = _Loader(yaml_text)
    try:
        knoten = loader.get_single_node()
        if knoten is None:
            q.meldungen.append(
                fehler(q.pfad, 1, "Die Front Matter ist leer. Tragen Sie mindestens 'title: …' ein oder entfernen Sie die beiden '---'-Zeilen.")
            )
            return None
        if not isinstance(knoten, yaml.MappingNode):
            q.lesbar = False
            q.meldungen.append(
                fehler(
                    q.pfad,
                    erste_zeile + knoten.start_mark.line,
                    "Die Front Matter muss aus Zeilen der Form 'feld: wert' bestehen, nicht aus "
                    "einer Liste oder einem einzelnen Text.",
                )
            )
            return None
        daten = _knoten_bauen(q, loader, knoten, erste_zeile)
        if daten is None:
            q.lesbar = False
            return None
    except yaml.MarkedYAMLError as e:
        q.lesbar = False
        mark = e.problem_mark or e.context_mark
        if e.context_mark is not None and (e.context or "").startswith(("while parsing a flow", "while scanning a quoted")):
            mark = e.context_mark  # where the bracket or quote was opened, not the end of the text
        zeilen = yaml_text.splitlines()
        nr = mark.line if mark else 0
        ursache = _ursache_davor(zeilen, nr)  # the slip is often on an earlier line than the parser stops
        if ursache is not None:
            nr, text = ursache
        else:
            text = _yaml_fehlertext(e, zeilen[nr] if nr < len(zeilen) else "", zeilen[nr - 1] if 0 < nr <= len(zeilen) else "")
        q.meldungen.append(fehler(q.pfad, erste_zeile + nr, text))
        return None
    except yaml.reader.ReaderError as e:
        q.lesbar = False
        vorher = yaml_text[: e.position] if isinstance(e.position, int) else ""
        q.meldungen.append(
            fehler(
                q.pfad,
                erste_zeile + vorher.count("\n"),
                f"Die Front Matter enthält ein unsichtbares Steuerzeichen (U+{e.character:04X}), oft beim Kopieren "
                "aus anderen Programmen mitgekommen. Löschen Sie es und schreiben Sie den Text neu."
                if isinstance(e.character, int)
                else "Die Front Matter enthält ein Zeichen, das YAML nicht erlaubt. Löschen Sie es.",
            )
        )
        return None
    except (yaml.YAMLError, RecursionError):
        q.lesbar = False
        q.meldungen.append(
            fehler(q.pfad, 1, "Die Front Matter ist kein gültiges YAML. Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen.")
        )
        return None
    finally:
        loader.dispose()
    return daten


#: Deepest nesting a front matter may have (entries need 3: materialien → item → field).
MAX_TIEFE = 12

_TAG = "tag:yaml.org,2002:"


def _knoten_bauen(q: Quelltext, loader: Any, wurzel: yaml.MappingNode, erste_zeile: int) -> dict[str, Any] | None:
    """Build the data of the node tree in one iterative pass, recording the line of every key.

    Replaces PyYAML's generic constructor (about twice as slow) and rejects what an entry never
    needs: aliases (a size bomb), duplicate keys, tags, deep nesting, impossible dates."""
    skalare = {
        _TAG + "str": lambda n: n.value,
        _TAG + "null": lambda n: None,
        _TAG + "bool": loader.construct_yaml_bool,
        _TAG + "int": loader.construct_yaml_int,
        _TAG + "float": loader.construct_yaml_float,
        _TAG + "timestamp": loader.construct_yaml_timestamp,
    }
    gesehen: set[int] = set()
    ok = True
    daten: dict[str, Any] = {}

    def skalar(knoten: yaml.Node) -> tuple[bool, Any]:
        bauen = skalare.get(knoten.tag) if isinstance(knoten, yaml.ScalarNode) else None
        if bauen is None:
            return False, None
        try:
            return True, bauen(knoten)
        except ValueError:  # 2023-02-30 looks like a date but is none
            return False, None

    # (node, key path, depth, container to fill or None for scalars, where to put it)
    stapel: list[tuple[yaml.Node, Pfad, int, Any, Any]] = [(wurzel, (), 0, daten, None)]
    while stapel:
        knoten, pfad, tiefe, ziel, stelle = stapel.pop()
        zeile = erste_zeile + knoten.start_mark.line
        if id(knoten) in gesehen:
            # The composer shares the node of an anchor with each alias: a second visit is an alias.
            q.meldungen.append(
                fehler(q.pfad, zeile, "YAML-Anker und -Verweise ('&name' und '*name') sind nicht erlaubt. "
                       "Schreiben Sie den Wert an jeder Stelle aus.")
            )
            return None
        gesehen.add(id(knoten))
        if tiefe > MAX_TIEFE:
            q.meldungen.append(
                fehler(q.pfad, zeile, f"Die Front Matter ist zu tief verschachtelt (mehr als {MAX_TIEFE} Ebenen). "
                       "Schreiben Sie die Werte flacher, wie in den Beispielen der Anleitung.")
            )
            return None
        if not isinstance(knoten, yaml.ScalarNode) and knoten.tag not in (_TAG + "map", _TAG + "seq"):
            q.meldungen.append(fehler(q.pfad, zeile, _skalarfehler(knoten)))  # !!python/object … on a list or map
            return None
        if isinstance(knoten, yaml.MappingNode):
            wert: Any = ziel if tiefe == 0 else {}
            schluessel_zeilen: dict[Any, int] = {}
            kinder: list[tuple[yaml.Node, Pfad, int, Any, Any]] = []
            for k, v in knoten.value:
                kzeile = erste_zeile + k.start_mark.line
                gueltig, schluessel = skalar(k)
                if not gueltig:
                    text = _skalarfehler(k) if k.tag == _TAG + "merge" else "Ein Feldname muss ein einfacher Text sein, z. B. 'title'."
                    q.meldungen.append(fehler(q.pfad, kzeile, text))
                    ok = False
                    continue
                if schluessel in schluessel_zeilen:
                    q.meldungen.append(
                        fehler(q.pfad, kzeile, f"Das Feld '{k.value}' steht doppelt (zuerst in Zeile "
                               f"{schluessel_zeilen[schluessel]}). Löschen Sie eines der beiden.")
                    )
                    ok = False
                    continue
                schluessel_zeilen[schluessel] = kzeile
                q.zeilen[pfad + (k.value,)] = kzeile
                kinder.append((v, pfad + (k.value,), tiefe + 1, wert, schluessel))
            stapel.extend(reversed(kinder))  # document order: the first alias met is reported
        elif isinstance(knoten, yaml.SequenceNode):
            wert = [None] * len(knoten.value)
            for i, element in enumerate(knoten.value):
                q.zeilen[pfad + (i,)] = erste_zeile + element.start_mark.line
            stapel.extend((e, pfad + (i,), tiefe + 1, wert, i) for i, e in reversed(list(enumerate(knoten.value))))
        else:
            problem = _unklarer_skalar(knoten, pfad, im_liste=isinstance(ziel, list))
            if problem:
                q.meldungen.append(fehler(q.pfad, zeile, problem))
                ok = False
                continue
            gueltig, wert = skalar(knoten)
            if not gueltig:
                q.meldungen.append(fehler(q.pfad, zeile, _skalarfehler(knoten)))
                ok = False
                continue
        if tiefe > 0:
            ziel[stelle] = wert
    return daten if ok else None


def _unklarer_skalar(knoten: yaml.ScalarNode, pfad: Pfad, im_liste: bool) -> str | None:
    """A plain value that readers of YAML 1.1 and 1.2 (or people) read differently, or a list
    item that swallowed the next line (see ``yamlfassung``)."""
    if knoten.style:  # quoted or a block scalar: text, the same for every reader (libyaml: "" = plain)
        return None
    if im_liste and knoten.end_mark.line > knoten.start_mark.line:
        teile = [t.strip() for t in knoten.value.split(" ") if t.strip()]
        return (
            f"'{feldname(pfad)}': Dieser Listeneintrag geht über mehrere Zeilen und wird zu einem einzigen Eintrag "
            f"zusammengezogen ('{knoten.value}'). Ist die nächste Zeile ein eigener Eintrag, beginnen Sie sie "
            f"mit '- ' in derselben Spalte wie die Zeile davor; gehört sie dazu, schreiben Sie den Eintrag "
            f"in eine Zeile." if len(teile) > 1 else None
        )
    text = mehrdeutig(knoten.value)
    return f"'{feldname(pfad)}': {text}" if text and pfad else text


def _skalarfehler(knoten: yaml.Node) -> str:
    if knoten.tag == _TAG + "timestamp":
        return (f"'{knoten.value}' ist kein gültiges Datum. Schreiben Sie ein Datum, das es gibt, "
                "in der Form JJJJ-MM-TT, z. B. 2023-02-28.")
    if knoten.tag == _TAG + "merge":
        return "YAML-Zusammenführungen ('<<') sind nicht erlaubt. Schreiben Sie die Felder aus."
    return (f"Die Front Matter ist kein gültiges YAML: Ausdrücke mit '!' sind in der Front Matter nicht "
            f"erlaubt ({knoten.tag}). Schreiben Sie einen einfachen Wert.")


#: ``feld:wert`` (no space) or ``feld:<non-breaking space>wert``: YAML reads a text, not a field.
_OHNE_LEERZEICHEN_RE = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):([^\s:/])")
_GESCHUETZT_RE = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):[\u00a0\u2000-\u200b\u202f\u3000]")


def _ursache_davor(zeilen: list[str], bis: int) -> tuple[int, str] | None:
    """(0-based line, German text) of a key without a proper space after its colon at or before
    line ``bis`` – where people made the mistake, not where the parser gave up."""
    for nr in range(min(bis, len(zeilen) - 1), -1, -1):
        zeile = zeilen[nr]
        m = _GESCHUETZT_RE.match(zeile)
        if m:
            return nr, (
                f"Die Front Matter ist kein gültiges YAML: Nach '{m.group(1)}:' steht ein geschütztes Leerzeichen "
                "(oft aus Word oder dem Browser kopiert). Ersetzen Sie es durch ein normales Leerzeichen."
            )
        m = _OHNE_LEERZEICHEN_RE.match(zeile)
        if m and "://" not in zeile:
            return nr, (
                f"Die Front Matter ist kein gültiges YAML: Nach '{m.group(1)}:' fehlt ein Leerzeichen. Schreiben "
                f"Sie '{m.group(1)}: {zeile.split(':', 1)[1].strip()}'."
            )
    return None


_YAML_PROBLEME = [
    ("block sequence entries are not allowed", "Ein Listeneintrag ('- ') steht an einer Stelle, an der keine Liste beginnen kann. Schreiben Sie den Feldnamen mit Doppelpunkt allein in die Zeile davor und die Einträge eingerückt darunter."),
    ("found character that cannot start any token", "Ein Wert beginnt mit einem Zeichen, mit dem YAML keinen Text beginnen lässt (z. B. @, ` oder %). Setzen Sie den Wert in Anführungszeichen."),
    ("did not find expected ',' or ']'", "Eine Liste in eckigen Klammern wird nicht geschlossen. Schreiben Sie sie in eine Zeile, z. B. [bildung, wohnen], oder jeden Eintrag in eine eigene Zeile mit '- '."),
    ("did not find expected ',' or '}'", "Eine Gruppe in geschweiften Klammern wird nicht geschlossen. Schreiben Sie die Felder lieber eingerückt untereinander."),
    ("did not find expected node content", "Hier fehlt ein Wert, z. B. zwischen zwei Kommas einer Liste. Löschen Sie das überzählige Komma."),
    ("did not find expected comment or line break", "Nach dem Zeichen für einen mehrzeiligen Text ('>' oder '|') darf in derselben Zeile nichts mehr stehen. Schreiben Sie den Text in die Zeilen darunter."),
    ("expected a comment or a line break", "Nach dem Wert steht in derselben Zeile noch etwas. Setzen Sie den ganzen Wert in Anführungszeichen."),
    ("mapping values are not allowed", "Ein Doppelpunkt steht an einer unerwarteten Stelle. Setzen Sie Texte, die ': ' enthalten, in Anführungszeichen, z. B. title: \"Bildung: ein Beispiel\"."),
    ("found character '\\t'", "Tabulatorzeichen sind in der Front Matter nicht erlaubt. Rücken Sie mit Leerzeichen ein."),
    ("could not find expected ':'", "Hier fehlt ein Doppelpunkt. Jede Zeile hat die Form 'feld: wert'."),
    ("found undefined alias", "YAML-Verweise ('*name') sind nicht erlaubt. Schreiben Sie den Wert aus."),
    ("expected <block end>", "Die Einrückung stimmt nicht. Rücken Sie Einträge einer Liste oder Gruppe gleich weit ein."),
    ("did not find expected key", "Die Einrückung stimmt nicht. Rücken Sie Einträge einer Liste oder Gruppe gleich weit ein."),
    ("did not find expected '-' indicator", "Die Einrückung einer Liste stimmt nicht. Jeder Listeneintrag beginnt mit '- ' in derselben Spalte."),
    ("found unexpected end of stream", "Ein Anführungszeichen wird nicht geschlossen. Prüfen Sie die Anführungszeichen."),
    ("while scanning a quoted scalar", "Ein Anführungszeichen wird nicht geschlossen. Prüfen Sie die Anführungszeichen."),
    ("found unknown escape character", "Ein Backslash in doppelten Anführungszeichen ist ungültig. Verwenden Sie einfache Anführungszeichen."),
    ("while scanning an alias", "YAML-Verweise ('*name') sind nicht erlaubt. Schreiben Sie den Wert aus."),
    ("while scanning an anchor", "YAML-Anker ('&name') sind nicht erlaubt. Schreiben Sie den Wert aus."),
    ("could not determine a constructor", "Ausdrücke mit '!' sind in der Front Matter nicht erlaubt. Schreiben Sie einen einfachen Wert."),
]


def _yaml_fehlertext(e: yaml.MarkedYAMLError, zeile: str, davor: str = "") -> str:
    roh = f"{e.context or ''} {e.problem or ''}"
    if "\t" in zeile and "cannot start any token" in roh:
        roh = "found character '\\t'"
    if zeile.lstrip().startswith("- ") and "expected key" in roh and re.match(r"^[ \t]*[\w-]+:[ \t]*\S", davor):
        feld = davor.split(":", 1)[0].strip()
        return (
            f"Die Front Matter ist kein gültiges YAML: Ein Listeneintrag ('- ') folgt auf '{feld}', das schon einen "
            f"Wert in seiner Zeile hat. Schreiben Sie '{feld}:' allein in die Zeile und jeden Eintrag mit '- ' darunter."
        )
    if re.search(r"\S[ \t]*$", zeile) and zeile.count('"') >= 2 and "expected key" in roh and re.match(r'^[^"]*:[ \t]*"[^"]*"[ \t]*\S', zeile):
        return ("Die Front Matter ist kein gültiges YAML: Nach dem schließenden Anführungszeichen steht noch Text. "
                "Setzen Sie den ganzen Wert in Anführungszeichen (Anführungszeichen im Text als „…“ schreiben).")
    for muster, text in _YAML_PROBLEME:
        if muster in roh:
            return f"Die Front Matter ist kein gültiges YAML: {text}"
    return "Die Front Matter ist kein gültiges YAML. Prüfen Sie in dieser Zeile Einrückung, Doppelpunkte und Anführungszeichen."
