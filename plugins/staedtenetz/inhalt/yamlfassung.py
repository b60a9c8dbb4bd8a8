"""One YAML version for the whole chain: what YAML 1.1 and 1.2 read differently is an error.

MkDocs reads front matter with PyYAML, which implements YAML 1.1; editors (the YAML language
server of VS Code), the JSON Schema tools and most other programs read YAML 1.2. A plain
(unquoted) value whose meaning differs between the two – ``yes``/``no``/``on``/``off``/``y``/``n``,
numbers with a leading zero (``05914000``), ``0o17``/``0x1F``/``0b101``, underscores
(``1_000``), sexagesimal ``1:30``, exponents without a dot or sign (``1e3``) – would be a
different fact depending on who reads the file. The handbook reads YAML 1.1 and refuses these
values with the fix (quotes, or the plain number). Values both versions read alike but people
mean otherwise are refused too: ``.inf``/``.nan`` (no amount is infinite) and ``60.000`` (a
German thousands separator, read as 60.0).
"""

from __future__ import annotations

import re

#: YAML 1.1 booleans that YAML 1.2 reads as text (``true``/``false`` mean the same in both).
_WAHRHEITSWORTE = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_FUEHRENDE_NULL = re.compile(r"^[-+]?0[0-9_]+$")
_PRAEFIX_ZAHL = re.compile(r"^[-+]?0(?:[oO][0-7_]+|[xX][0-9a-fA-F_]+|[bB][01_]+)$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_ZAHL_MIT_UNTERSTRICH = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9_]+)?$")
_EXPONENT = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$")
_UNENDLICH = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_TAUSENDERPUNKT = re.compile(r"^[-+]?[0-9]{1,3}\.[0-9]{3}$")
# PyYAML's float: a dot, and a sign in the exponent; everything else with an exponent is text there.
_PYYAML_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?$")

#: Words that are never a meaningful text on their own (the model refuses them quoted too, so
#: a JSON Schema validator that reads YAML 1.2 gives the same verdict).
WAHRHEITSWORTE_MUSTER = r"(?:[yY]|[yY]es|YES|[nN]|[nN]o|NO|[oO]n|ON|[oO]ff|OFF)"


def mehrdeutig(text: str) -> str | None:
    """The German message for the plain scalar ``text``, or None if every reader agrees on it."""
    if _WAHRHEITSWORTE.match(text):
        return (
            f"'{text}' liest YAML 1.1 als Wahrheitswert, YAML 1.2 als Text – das Handbuch hat keine Ja/Nein-Felder. "
            f"Schreiben Sie den gemeinten Text aus (z. B. „Ja“ oder eine Beschreibung)."
        )
    if _UNENDLICH.match(text):
        return (f"'{text}' ist keine Zahl, mit der man rechnen kann (unendlich bzw. „keine Zahl“). "
                "Tragen Sie den belegten Betrag ein oder lassen Sie das Feld weg.")
    if _TAUSENDERPUNKT.match(text):
        ohne = text.replace(".", "")
        return (f"'{text}' wird als Kommazahl {float(text):g} gelesen, nicht als {int(ohne)}: YAML kennt keinen "
                f"Tausenderpunkt. Meinten Sie {ohne}? Schreiben Sie Zahlen ohne Tausenderpunkt, "
                f"Nachkommastellen mit Punkt (z. B. 1200000.50).")
    if _FUEHRENDE_NULL.match(text):
        ohne = text.lstrip("+-").lstrip("0").replace("_", "") or "0"
        return (f"'{text}' lesen YAML-Programme verschieden (als Text, als Zahl {ohne} oder als Oktalzahl). "
                f"Ist es eine Kennung wie der Gemeindeschlüssel, schreiben Sie \"{text}\" in Anführungszeichen; "
                f"ist es eine Zahl, schreiben Sie sie ohne führende Null ({ohne}).")
    if _PRAEFIX_ZAHL.match(text):
        return (f"'{text}' lesen YAML-Programme verschieden (als Text oder als Oktal-, Hexadezimal- bzw. Binärzahl). "
                f"Schreiben Sie eine Zahl im Dezimalsystem oder den Text in Anführungszeichen: \"{text}\".")
    if _SEXAGESIMAL.match(text):
        return (f"'{text}' liest YAML 1.1 als Zahl zur Basis 60, YAML 1.2 als Text. Schreiben Sie "
                f"\"{text}\" in Anführungszeichen.")
    if "_" in text and _ZAHL_MIT_UNTERSTRICH.match(text):
        return (f"'{text}': Unterstriche in Zahlen lesen YAML-Programme verschieden. Schreiben Sie "
                f"{text.replace('_', '')} ohne Unterstriche.")
    if _EXPONENT.match(text) and not _PYYAML_FLOAT.match(text):
        return (f"'{text}' liest YAML 1.1 als Text, YAML 1.2 als Zahl. Schreiben Sie die Zahl aus "
                f"(z. B. 1000 statt 1e3) oder den Text in Anführungszeichen.")
    return None
