"""Checks of an entry's page text (not its front matter), run by the catalogue for every entry,
so that ``staedtenetz pruefen`` and the build report the same:

- contact details in the text that the front matter does not declare (``datenschutz_text``),
- images in the text without a credit (every image belongs under ``bilder`` with ``urheber``),
- guidance comments of the scaffold left in an entry that is no longer a draft,
- a heading ``# …`` that differs from the front matter's ``title`` (an error: listings, cards,
  katalog.json and the feed show the title, the page and the search index the heading – an
  entry has one title).

The other findings are warnings: the author decides, the build with ``--strict`` makes them
visible.
"""

from __future__ import annotations

import posixpath
import re

from staedtenetz.pruefung import datenschutz_text
from staedtenetz.inhalt.abschnitte import hinweise_finden
from staedtenetz.inhalt.frontmatter import Quelltext
from staedtenetz.inhalt.markdowntext import koerper, zeilen
from staedtenetz.inhalt.meldungen import Meldung, fehler, warnung
from staedtenetz.inhalt.modell import Basis

BILD_RE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)|<img\b[^>]*\bsrc=[\"']([^\"']+)[\"']", re.IGNORECASE)


def pruefen(q: Quelltext, daten: Basis) -> list[Meldung]:
    meldungen: list[Meldung] = []
    meldungen += _kontaktdaten(q, daten)
    meldungen += _bilder_ohne_nachweis(q, daten)
    meldungen += _ueberschrift(q, daten)
    if daten.status != "entwurf":
        for zeile in hinweise_finden(q.text):
            meldungen.append(
                warnung(
                    q.pfad,
                    zeile,
                    "Hier steht noch ein Hinweis aus der Vorlage ('<!-- Hinweis: … -->'). Schreiben Sie "
                    "den Abschnitt fertig und löschen Sie den Hinweis – oder setzen Sie 'status: entwurf'.",
                )
            )
    return meldungen


def _kontaktdaten(q: Quelltext, daten: Basis) -> list[Meldung]:
    stelle = getattr(daten, "ansprechstelle", None)
    emails = {stelle.email.lower()} if stelle is not None and stelle.email else set()
    telefone = {datenschutz_text.telefon_normal(stelle.telefon)} if stelle is not None and stelle.telefon else set()
    return [
        warnung(q.pfad, f.zeile, datenschutz_text.meldungstext(f))
        for f in datenschutz_text.nicht_erklaert(q.text, emails, telefone)
    ]


def bilder_im_text(text: str) -> list[tuple[int, str]]:
    """(line, path) of every local image in the body of ``text``."""
    if not BILD_RE.search(text):
        return []  # most pages: one scan of the whole text instead of one per line
    funde: list[tuple[int, str]] = []
    for nummer, zeile in datenschutz_text.textzeilen(text):
        for m in BILD_RE.finditer(zeile):
            pfad = m.group(1) or m.group(2)
            if not re.match(r"^[a-z][a-z0-9+.-]*:", pfad, re.IGNORECASE):  # http:, data: …
                funde.append((nummer, pfad))
    return funde


def _normal(pfad: str) -> str:
    return posixpath.normpath(pfad.split("#")[0].split("?")[0])


def _bilder_ohne_nachweis(q: Quelltext, daten: Basis) -> list[Meldung]:
    erklaert = {_normal(b.datei) for b in daten.bilder}
    return [
        warnung(
            q.pfad,
            zeile,
            f"Das Bild '{pfad}' hat keinen Bildnachweis. Tragen Sie es in der Front Matter unter 'bilder' "
            f"ein, mit 'datei: {pfad}', 'alt' (was zu sehen ist) und 'urheber' (wer es gemacht hat).",
        )
        for zeile, pfad in bilder_im_text(q.text)
        if _normal(pfad) not in erklaert
    ]


_H1_RE = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_ATTRIBUTE_RE = re.compile(r"[ \t]*\{[^{}]*\}$")  # attr_list: "# Titel { #anker }"


def _vergleichbar(text: str) -> str:
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", _ATTRIBUTE_RE.sub("", text))  # Markdown escapes
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip()


def _ueberschrift(q: Quelltext, daten: Basis) -> list[Meldung]:
    """An error if the page's first ``# heading`` is not its title. Without one, the theme shows
    the title as the heading: nothing to check."""
    text, erste = koerper(q.text)
    for z in zeilen(text, erste):
        if z.im_code:
            continue
        m = _H1_RE.match(z.ohne_code)
        if m:
            if _vergleichbar(m.group(1)) != _vergleichbar(daten.title):
                return [
                    fehler(
                        q.pfad,
                        z.nr,
                        f"Die Überschrift '# {m.group(1).strip()}' ist nicht der Titel '{daten.title}' aus der Front "
                        "Matter. Listen, Karten und die Suche zeigen sonst verschiedene Namen für denselben Eintrag: "
                        f"Schreiben Sie '# {daten.title}' oder ändern Sie 'title'.",
                    )
                ]
            return []
    return []
