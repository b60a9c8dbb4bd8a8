"""Contact details in the text of an entry that its front matter does not declare.

Entries name functional offices (``ansprechstelle``): an e-mail address or phone number written
into the page text bypasses that rule – it may be a person's direct line. Each such address or
number is a warning on its line, unless the same address or number is declared in the front
matter under ``ansprechstelle`` (then it is the office's published contact).

Pure functions on text; no MkDocs, no files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from staedtenetz.inhalt import markdowntext

EMAIL_RE = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
#: A candidate phone number: optional +/00, then digits with spaces, slashes, hyphens, brackets.
TELEFON_RE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d ()/\-]{5,}\d(?![\w])")


@dataclass(frozen=True)
class Fund:
    zeile: int  # 1-based line in the whole file
    art: str  # "email" | "telefon"
    wert: str


def telefon_normal(wert: str) -> str:
    """Digits only, with the German country code written as a leading 0."""
    ziffern = re.sub(r"\D", "", wert)
    if wert.strip().startswith("+49"):
        return "0" + ziffern[2:]
    if ziffern.startswith("0049"):
        return "0" + ziffern[4:]
    return ziffern


def _ist_telefon(kandidat: str) -> bool:
    kandidat = kandidat.strip()
    ziffern = re.sub(r"\D", "", kandidat)
    if not 7 <= len(ziffern) <= 15:
        return False
    if kandidat.startswith(("+", "00", "(0")):
        return True
    # A national number: area code starting with 0, then a separator (0201 123456, 0201/12-34).
    return bool(re.match(r"0\d{2,5}[ /\-]", kandidat))


def textzeilen(text: str) -> Iterator[tuple[int, str]]:
    """(line, text) of the body: front matter, fenced code and inline code left out (code spans
    are blanked by spaces, see :mod:`markdowntext`)."""
    for z in markdowntext.zeilen(*markdowntext.koerper(text)):
        if not z.im_code:
            yield z.nr, z.ohne_code


def finden(text: str) -> list[Fund]:
    """Every e-mail address and phone number in the body of ``text``."""
    koerper, _ = markdowntext.koerper(text)
    if "@" not in koerper and not TELEFON_RE.search(koerper):
        return []  # most pages: one scan of the whole body instead of one per line
    funde: list[Fund] = []
    for nummer, zeile in textzeilen(text):
        for m in EMAIL_RE.finditer(zeile):
            funde.append(Fund(nummer, "email", m.group(0)))
        ohne_mail = EMAIL_RE.sub(" ", zeile)
        for m in TELEFON_RE.finditer(ohne_mail):
            if _ist_telefon(m.group(0)):
                funde.append(Fund(nummer, "telefon", m.group(0).strip()))
    return funde


def nicht_erklaert(text: str, emails: set[str], telefone: set[str]) -> list[Fund]:
    """The finds not declared in the front matter (``emails`` lower-case, ``telefone`` as
    :func:`telefon_normal`)."""
    return [
        f
        for f in finden(text)
        if not (
            (f.art == "email" and f.wert.lower() in emails)
            or (f.art == "telefon" and telefon_normal(f.wert) in telefone)
        )
    ]


def meldungstext(f: Fund) -> str:
    if f.art == "email":
        return (
            f"Im Text steht die E-Mail-Adresse '{f.wert}', die die Front Matter nicht unter "
            "'ansprechstelle' nennt. Kontaktdaten von Personen nur mit Einwilligung: Tragen Sie das "
            "Funktionspostfach der Stelle unter 'ansprechstelle: email:' ein oder entfernen Sie die Adresse."
        )
    return (
        f"Im Text steht die Telefonnummer '{f.wert}', die die Front Matter nicht unter "
        "'ansprechstelle' nennt. Nennen Sie nur die Nummer der Stelle unter 'ansprechstelle: telefon:' "
        "oder entfernen Sie die Nummer aus dem Text."
    )
