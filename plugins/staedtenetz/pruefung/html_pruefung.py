"""Early warning for content the site will not show as written: raw HTML, unsafe links, snippets.

The defence is the build (``ansichten/bereinigen.py`` cleans every page with an allow-list);
this module tells the author beforehand, on the line, in German – so a pull request shows the
problem instead of a silently different page. It reports, for every page of ``docs/``:

- raw HTML elements and attributes the allow-list (:mod:`staedtenetz.inhalt.html_regeln`)
  drops: ``<script>``, ``<iframe>``, ``<form>``, ``<style>``, ``<svg>``, event handlers
  (``onerror=`` …), ``style=`` …; the HTML is read with Python's HTML parser, so entities,
  missing quotes and odd spacing are read as a browser reads them,
- link and picture addresses with a scheme other than http(s), mailto and tel
  (``javascript:``, ``data:``, ``file:``) – in Markdown links, reference definitions,
  autolinks and HTML attributes, also when written with entities (``jav&#x09;ascript:``),
- ``attr_list`` blocks (``{: onclick=… }``) with event handlers or ``style``,
- snippet lines (``--8<--``): pages may not include other files; the glossary is appended by
  the configuration,
- control characters and markup in ``title``, ``zusammenfassung`` and ``description``, and
  front-matter keys that would choose a template or script (``template``, ``location`` …).

Code (fenced blocks, inline code) is skipped, as :mod:`staedtenetz.inhalt.markdowntext` defines it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

from staedtenetz.inhalt import markdowntext
from staedtenetz.inhalt.frontmatter import Quelltext
from staedtenetz.inhalt.html_regeln import (
    GESPERRTE_SCHLUESSEL,
    MARKDOWN_ATTRIBUTE,
    NAME_RE,
    OHNE_INHALT,
    SCHEMATA,
    TAGS,
    erlaubtes_attribut,
    schema,
    sichere_adresse,
)
from staedtenetz.inhalt.meldungen import Meldung, fehler

#: Front-matter keys that are plain text on cards, in titles and in the feed.
TEXTFELDER = ("title", "zusammenfassung", "description")

_SCHEMATA_TEXT = "https://, http://, mailto: oder tel: – oder ein Pfad im Handbuch"
_URL_ATTRIBUTE = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "cite"}
_MARKUP_RE = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SNIPPET_RE = re.compile(r"-+8<-+")
_ATTR_LIST_RE = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_GEFAHR_RE = re.compile(r"(?:^|\s)(on[a-z]+|style)\s*=", re.IGNORECASE)
#: ``](ziel)`` of inline links and images, ``[name]: ziel`` definitions (targets, not titles).
_INLINE_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?")
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK_RE = re.compile(r"^<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>$")


def pruefen(q: Quelltext) -> list[Meldung]:
    """All findings for the page ``q`` (front matter and body)."""
    if not q.lesbar:
        return []
    meldungen = _textfelder(q)
    koerper, erste = markdowntext.koerper(q.text)
    zeilen = list(markdowntext.zeilen(koerper, erste))
    meldungen += _zeilenweise(q, zeilen)
    if "<" in koerper:
        meldungen += _html(q, zeilen)
    return sorted(meldungen)


# -- front matter ---------------------------------------------------------------------------


def _textfelder(q: Quelltext) -> list[Meldung]:
    meldungen: list[Meldung] = []
    for schluessel in GESPERRTE_SCHLUESSEL:
        if schluessel in (q.daten or {}) and "typ" not in (q.daten or {}):  # entries: the model refuses it
            meldungen.append(
                fehler(
                    q.pfad,
                    q.zeile((schluessel,)),
                    f"'{schluessel}' in der Front Matter wählt aus, was das Theme ausführt (Vorlage, Weiterleitung, "
                    "Symbol); Seiten dürfen das nicht festlegen, der Bau ignoriert es. Löschen Sie die Zeile.",
                )
            )
    for feld in TEXTFELDER:
        wert = (q.daten or {}).get(feld)
        if not isinstance(wert, str):
            continue
        zeile = q.zeile((feld,))
        steuer = [z for z in wert if unicodedata.category(z) == "Cc" and not (feld != "title" and z in "\n\t")]
        if steuer:
            codes = ", ".join(dict.fromkeys(f"U+{ord(z):04X}" for z in steuer))
            meldungen.append(
                fehler(
                    q.pfad,
                    zeile,
                    f"'{feld}' enthält unsichtbare Steuerzeichen ({codes}), oft beim Kopieren aus Word oder "
                    "einer PDF-Datei mitgekommen. Sie machen den Feed und die offenen Daten ungültig. "
                    "Schreiben Sie den Text an dieser Stelle neu.",
                )
            )
        if m := _MARKUP_RE.search(wert):
            meldungen.append(
                fehler(
                    q.pfad,
                    zeile,
                    f"'{feld}' enthält HTML ('{m.group(0)}…'). Hier steht reiner Text: Titel und Zusammenfassung "
                    "erscheinen in Karten, im Seitentitel und im Feed genau so, wie sie geschrieben sind. Lassen "
                    "Sie die spitzen Klammern und Zeichen wie '&amp;' weg (schreiben Sie '&' und 'und').",
                )
            )
    return meldungen


# -- body, line by line -----------------------------------------------------------------------


def _zeilenweise(q: Quelltext, zeilen: list[markdowntext.Zeile]) -> list[Meldung]:
    meldungen: list[Meldung] = []
    for z in zeilen:
        if z.im_code:
            continue
        text = z.ohne_code
        if _SNIPPET_RE.search(text):
            meldungen.append(
                fehler(
                    q.pfad,
                    z.nr,
                    "Die Zeile bindet mit '--8<--' eine andere Datei ein. Das ist in den Seiten nicht erlaubt "
                    "(so ließen sich interne Texte oder Dateien außerhalb von docs/ in die Website holen). "
                    "Schreiben Sie den Text hier hin oder verlinken Sie die andere Seite. Abkürzungen für "
                    "das Glossar gehören nach includes/abkuerzungen.md.",
                )
            )
        if "{" in text:
            for m in _ATTR_LIST_RE.finditer(text):
                for a in _ATTR_GEFAHR_RE.finditer(m.group(1)):
                    name = a.group(1).lower()
                    meldungen.append(fehler(q.pfad, z.nr, _attribut_text(name, "{: … }")))
        if "](" in text or "]:" in text:
            ziele = [m.group(1) for m in _INLINE_RE.finditer(text)]
            if d := _DEFINITION_RE.match(text):
                ziele.append(d.group(1))
            for ziel in ziele:
                adresse = html.unescape(ziel)
                if not sichere_adresse(adresse):
                    meldungen.append(fehler(q.pfad, z.nr, _adresse_text(ziel, adresse)))
    return meldungen


# -- raw HTML -----------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Collects start tags with their line (in the text fed) and raw text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, list[tuple[str, str | None]], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((self.getpos()[0], tag, attrs, self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag


def _html(q: Quelltext, zeilen: list[markdowntext.Zeile]) -> list[Meldung]:
    tags = []
    # Line by line: an unclosed <style> or <script> (or a comment) would hide every later line
    # from Python's parser, while Markdown and the browser read on.
    for z in zeilen:
        if z.im_code or "<" not in z.ohne_code:
            continue
        parser = _Tags()
        # "<!-->" and "<!--->" end a comment at once in a browser; Python's parser would read on.
        parser.feed(re.sub(r"<!---?>", "<!---->", z.ohne_code))
        parser.close()
        tags += [(z.nr, tag, attrs, roh) for _, tag, attrs, roh in parser.tags]
    meldungen: list[Meldung] = []
    for zeile, tag, attrs, roh in tags:
        if "@" in tag:
            continue  # <name@example.org>: an e-mail autolink
        if auto := _AUTOLINK_RE.match(roh.strip()):
            if not sichere_adresse(html.unescape(auto.group(1))):
                meldungen.append(fehler(q.pfad, zeile, _adresse_text(auto.group(1), html.unescape(auto.group(1)))))
            continue
        if tag not in TAGS:
            meldungen.append(fehler(q.pfad, zeile, _element_text(tag)))
            continue
        for name, wert in attrs:
            if name in MARKDOWN_ATTRIBUTE:
                continue
            if name in _URL_ATTRIBUTE and wert is not None and not sichere_adresse(wert):
                meldungen.append(fehler(q.pfad, zeile, _adresse_text(wert, wert)))
            elif name in ("id", "name", "for") and wert is not None and not NAME_RE.match(wert):
                meldungen.append(
                    fehler(
                        q.pfad,
                        zeile,
                        f"Die Kennung {name}=\"{wert}\" an <{tag}> entfernt die Website: Kennungen beginnen mit einem "
                        "Buchstaben oder einer Ziffer (nicht mit '__', das ist dem Theme vorbehalten) und enthalten keine "
                        "Leerzeichen. Wählen Sie z. B. 'abschnitt-1'.",
                    )
                )
            elif not erlaubtes_attribut(tag, name) and not (name == "style" and tag in ("td", "th")):
                meldungen.append(fehler(q.pfad, zeile, _attribut_text(name, f"<{tag}>")))
    return meldungen


# -- messages -----------------------------------------------------------------------------


def _element_text(tag: str) -> str:
    if tag in ("script", "noscript"):
        return "Skripte (<script>) sind in den Seiten nicht erlaubt; die Website entfernt sie mit ihrem Inhalt. Löschen Sie das Element."
    if tag in ("iframe", "object", "embed", "frame", "frameset", "applet", "portal"):
        return (
            f"Eingebettete fremde Inhalte (<{tag}>) zeigt die Website nicht an. Setzen Sie stattdessen einen Link "
            "auf die Seite, z. B. [Video beim Anbieter ansehen](https://…)."
        )
    if tag in ("form", "input", "button", "select", "textarea", "option"):
        return f"Formulare und Eingabefelder (<{tag}>) sind in den Seiten nicht erlaubt; die Website entfernt sie. Löschen Sie sie."
    if tag == "style":
        return "Eigene Stile (<style>) sind nicht erlaubt; die Website entfernt sie. Das Aussehen kommt vom Handbuch selbst."
    if ":" in tag or tag in ("svg", "math"):
        return (
            f"Eingebettete Grafiken (<{tag}>) sind im Seitentext nicht erlaubt. Legen Sie die Grafik als Datei ab, tragen "
            "Sie sie unter 'bilder' ein und binden Sie sie mit ![Beschreibung](datei.svg) ein."
        )
    mit = " mit ihrem Inhalt" if tag in OHNE_INHALT else ""
    return (
        f"Das HTML-Element <{tag}> zeigt die Website nicht an; sie entfernt es{mit}. Schreiben Sie den Inhalt als "
        "Markdown (Überschriften mit #, Listen mit -, Hervorhebung mit **…**)."
    )


def _attribut_text(name: str, wo: str) -> str:
    if name.startswith("on"):
        return (
            f"Das Attribut '{name}' an {wo} würde beim Lesen ein Skript ausführen. Die Website entfernt es; "
            "löschen Sie es."
        )
    if name == "style":
        return f"Eigene Stile ('style' an {wo}) entfernt die Website. Löschen Sie das Attribut."
    return f"Das Attribut '{name}' an {wo} entfernt die Website. Löschen Sie es."


def _adresse_text(geschrieben: str, adresse: str) -> str:
    s = schema(adresse) or ""
    return (
        f"Die Adresse '{geschrieben}' beginnt mit '{s}:' – solche Adressen entfernt die Website (sie können Skripte "
        f"ausführen oder Dateien einschleusen). Erlaubt sind {_SCHEMATA_TEXT}."
    )


__all__ = ["pruefen", "TEXTFELDER", "SCHEMATA"]
