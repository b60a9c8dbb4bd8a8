"""German formats for people: dates, money, file sizes. Babel's CLDR data does the work."""

from __future__ import annotations

import re

import datetime as dt
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_compact_currency, format_currency, format_decimal

LOCALE = "de_DE"


@lru_cache(maxsize=4096)  # Babel takes ~0.4 ms a call; a build formats the same few dates often
def datum(d: dt.date) -> str:
    """25. November 2026"""
    return format_date(d, format="long", locale=LOCALE)


@lru_cache(maxsize=4096)
def datum_kurz(d: dt.date) -> str:
    """25.11.2026"""
    return format_date(d, format="dd.MM.yyyy", locale=LOCALE)


def zeitpunkt(wert: int | dt.date) -> str:
    """A year stays a year (2019); a date gets the long form."""
    return str(wert) if isinstance(wert, int) else datum(wert)


def euro(betrag: float) -> str:
    """1,2 Mio. € · 350.000 € · 12.500 €"""
    if betrag >= 1_000_000:
        return format_compact_currency(betrag, "EUR", locale=LOCALE, fraction_digits=1)
    return format_currency(betrag, "EUR", locale=LOCALE, format="#,##0 ¤", currency_digits=False)


def zahl(wert: float) -> str:
    """12.345 · 1,5"""
    return format_decimal(wert, locale=LOCALE)


def dateigroesse(bytes_: int) -> str:
    """1,2 MB · 340 KB · 512 Byte (decimal units, as offices know them from their file managers)."""
    if bytes_ >= 1_000_000:
        return f"{format_decimal(round(bytes_ / 1_000_000, 1), locale=LOCALE)} MB"
    if bytes_ >= 1_000:
        return f"{format_decimal(round(bytes_ / 1_000), locale=LOCALE)} KB"
    return f"{bytes_} Byte"


#: Characters XML 1.0 does not allow at all (a control character copied from Word would make a
#: whole feed or document unreadable). ``pruefen`` reports them in titles and summaries; what
#: writes XML (feed, Word templates) drops them in any case.
NICHT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return NICHT_XML.sub("", text)
