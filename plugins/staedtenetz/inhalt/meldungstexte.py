"""The German texts of the content checks, in one place.

``staedtenetz pruefen`` and the build (via ``pruefung/validierung.py``) and the submission form
(``einreichen.js``, which gets this table through ``formular.json``) fill the same templates, so
a rule says the same thing wherever it is broken. Placeholders are ``{name}``; ``{feld}`` is the
field as people read it (``handlungsfelder, 1. Eintrag`` in a file, the field's label in the
form). The keys of the model's cross-field rules are the ``x-regel`` names in the JSON Schema.
"""

from __future__ import annotations

from typing import Any

TEXTE: dict[str, str] = {
    # fields and types
    "pflichtfeld": "Das Pflichtfeld '{feld}' fehlt. Ergänzen Sie es{beispiel}.",
    "unbekanntes_feld": "Unbekanntes Feld '{name}'.{hinweis}",
    "unbekannter_typ": "Unbekannter Typ '{wert}'.{vorschlag} Erlaubt sind: {erlaubt}.",
    "auswahl": "Der Wert '{wert}' ist bei '{feld}' nicht erlaubt.{vorschlag} Erlaubt sind: {erlaubt}.",
    "text": "'{feld}' muss ein Text sein, gefunden: {gefunden}. Setzen Sie den Wert in Anführungszeichen.",
    "liste": "'{feld}' muss eine Liste sein. Schreiben Sie jeden Eintrag in eine eigene Zeile mit '- ' davor.",
    "gruppe": "'{feld}' muss eine Gruppe von Feldern sein (eingerückte Zeilen 'feld: wert'), gefunden: {gefunden}.{beispiel}",
    "jahr_oder_datum": "'{feld}' muss ein Jahr (z. B. 2019) oder ein Datum der Form JJJJ-MM-TT sein{gefunden}.",
    "zwei_jahre": (
        "'{feld}' enthält einen Zeitraum ('{wert}'), erwartet ist ein einzelnes Jahr oder Datum. Schreiben Sie "
        "Beginn und Ende getrennt: 'von: {von}' und 'bis: {bis}' (beide eingerückt unter 'laufzeit:')."
    ),
    "datum": "'{feld}' muss ein Datum der Form JJJJ-MM-TT sein{gefunden}.",
    "datum_mit_uhrzeit": "'{feld}' muss ein Datum ohne Uhrzeit sein. Schreiben Sie nur JJJJ-MM-TT, also '{datum}'.",
    "datum_ungueltig": "'{feld}': '{wert}' ist kein Datum, das es gibt. Schreiben Sie ein gültiges Datum JJJJ-MM-TT.",
    "jahr_ausserhalb": "'{feld}': Das Jahr muss zwischen {ge} und {le} liegen, gefunden: {wert}.",
    "ganze_zahl": "'{feld}' muss eine ganze Zahl sein (ohne Anführungszeichen, Einheit und Tausenderpunkte), gefunden: {gefunden}.{vorschlag}",
    "zahl": "'{feld}' muss eine Zahl sein (ohne Anführungszeichen, Einheit und Tausenderpunkte, z. B. 1200000.50), gefunden: {gefunden}.{vorschlag}",
    "keine_endliche_zahl": "'{feld}' muss eine endliche Zahl sein. Tragen Sie den belegten Wert ein oder lassen Sie das Feld weg.",
    "zu_wenige": "'{feld}' braucht mindestens {anzahl} Eintrag/Einträge.",
    "zu_viele": "'{feld}' hat zu viele Einträge (höchstens {anzahl}).",
    "zu_kurz": "'{feld}' ist zu kurz: mindestens {anzahl} Zeichen, gefunden {laenge}.",
    "zu_lang": "'{feld}' ist zu lang: höchstens {anzahl} Zeichen, gefunden {laenge}. Kürzen Sie den Text.",
    "mindestens": "'{feld}' muss mindestens {grenze} sein, gefunden: {wert}.",
    "hoechstens": "'{feld}' darf höchstens {grenze} sein, gefunden: {wert}.",
    # texts (TEXT_MUSTER in modell.py)
    "leer": "'{feld}' ist leer. Tragen Sie einen Text ein.",
    "leerzeichen_anfang": (
        "'{feld}' beginnt mit einem Leerzeichen oder Zeilenumbruch. Entfernen Sie es – veröffentlicht wird "
        "genau, was in der Datei steht."
    ),
    "leerzeichen_ende": (
        "'{feld}' endet mit einem Leerzeichen oder Zeilenumbruch. Entfernen Sie es (bei mehrzeiligen Texten "
        "'>-' statt '>' bzw. '|-' statt '|' schreiben)."
    ),
    "wahrheitswort": (
        "'{feld}': '{wert}' allein lesen YAML-Programme verschieden (YAML 1.1 als Ja/Nein, YAML 1.2 als Text). "
        "Schreiben Sie aus, was gemeint ist."
    ),
    "in_der_zukunft": (
        "'{feld}' ({datum}) liegt in der Zukunft (heute ist {heute}). Tragen Sie das Datum ein, an dem geprüft, "
        "zugestimmt bzw. mit der Quelle verglichen wurde."
    ),
    # patterns
    "kennung": "'{wert}' ist keine gültige Kennung bei '{feld}': nur Kleinbuchstaben a–z, Ziffern und Bindestriche.{vorschlag}",
    "zwei_werte": "'{feld}' nimmt genau eine Kennung, hier stehen {anzahl}: {werte}. Tragen Sie nur eine ein.{vorschlag}",
    "ags": (
        "'{feld}' muss der 8-stellige Amtliche Gemeindeschlüssel einer NRW-Gemeinde sein (beginnt mit 05), "
        "gefunden: '{wert}'. Schreiben Sie ihn in Anführungszeichen, z. B. ags: \"05113000\"."
    ),
    "url": "'{feld}' muss eine vollständige Adresse sein, die mit https:// beginnt, gefunden: '{wert}'.",
    "email": "'{feld}' ist keine gültige E-Mail-Adresse: '{wert}'. Verwenden Sie ein Funktionspostfach, z. B. stadterneuerung@stadt.de.",
    "telefon": "'{feld}' ist keine gültige Telefonnummer: '{wert}'. Schreiben Sie z. B. +49 201 123456.",
    # the model's cross-field rules (x-regel in the JSON Schema)
    "zeitraum_umgekehrt": "Das Ende ({bis}) liegt vor dem Beginn ({von}). Prüfen Sie `von` und `bis`.",
    "person_ohne_einwilligung": (
        "Namen von Personen dürfen nur mit Einwilligung genannt werden. Ergänzen Sie `einwilligung: JJJJ-MM-TT` "
        "(Datum der Zustimmung) oder entfernen Sie `person` und nennen Sie nur die Stelle."
    ),
    "quellen_fehlen": (
        "Ein dokumentiertes Praxisbeispiel braucht mindestens eine öffentliche Quelle unter `quellen` (titel und "
        "url). Ist es ein erfundenes Beispiel, schreiben Sie `art: illustrativ`."
    ),
}


def text(schluessel: str, **werte: Any) -> str:
    """The filled template ``schluessel``; missing placeholders stay empty."""
    return TEXTE[schluessel].format_map(_Leer(werte))


class _Leer(dict):
    def __missing__(self, key: str) -> str:
        return ""
