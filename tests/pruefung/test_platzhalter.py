"""Fill-in fields ``[AUSFÜLLEN: …]``: finding them and rendering them visibly in a real build."""

from __future__ import annotations

import unicodedata

from staedtenetz.pruefung.platzhalter import finden, hervorheben, markierung

TEXT = """\
---
title: Impressum
---
# Impressum

Anbieter: [AUSFÜLLEN: Name der Stelle]
E-Mail: [AUSFÜLLEN: E-Mail-Adresse]   Telefon: [AUSFÜLLEN:Telefonnummer ]

So sieht die Syntax aus: `[AUSFÜLLEN: Beispiel im Code]`.

```markdown
[AUSFÜLLEN: im Codeblock, kein Platzhalter]
```

[AUSFÜLLEN:]
[Name der Kommune] ist kein Platzhalter für den Betreiber.
"""


def test_finden_liefert_zeile_und_beschreibung_in_lesereihenfolge():
    assert finden(TEXT) == [
        (6, "Name der Stelle"),
        (7, "E-Mail-Adresse"),
        (7, "Telefonnummer"),
        (15, ""),
    ]


def test_finden_ohne_platzhalter_ist_leer():
    assert finden("# Seite\n\n[Platzhalter einer Vorlage] und [AUSFUELLEN: falsch geschrieben]\n") == []


def test_finden_in_front_matter():
    text = "---\nansprechstelle:\n  stelle: \"[AUSFÜLLEN: Stelle]\"\n---\n# X\n"
    assert finden(text) == [(3, "Stelle")]


def test_zerlegtes_ue_wird_erkannt():
    zerlegt = unicodedata.normalize("NFD", "Kontakt: [AUSFÜLLEN: Adresse]")
    assert finden(zerlegt) == [(1, "Adresse")]


def test_hervorheben_markiert_nur_ausserhalb_von_code():
    html = hervorheben(TEXT)
    assert html.count('<mark class="ausfuellen"') == 4
    assert "Noch auszufüllen: Name der Stelle</mark>" in html
    assert "Noch auszufüllen: Angabe fehlt</mark>" in html
    assert "`[AUSFÜLLEN: Beispiel im Code]`" in html
    assert "[AUSFÜLLEN: im Codeblock, kein Platzhalter]" in html
    # Everything else is left exactly as it was, line for line.
    assert len(html.splitlines()) == len(TEXT.splitlines())


def test_hervorheben_ohne_platzhalter_gibt_text_unveraendert_zurueck():
    text = "# Seite\n\nNur [Platzhalter] einer Vorlage.\n"
    assert hervorheben(text) is text


def test_beschreibung_wird_html_maskiert():
    assert markierung("<b>&") == (
        '<mark class="ausfuellen" title="Platzhalter: vom Betreiber auszufüllen">'
        "Noch auszufüllen: &lt;b&gt;&amp;</mark>"
    )


def test_bau_zeigt_platzhalter_sichtbar_markiert(handbuch):
    handbuch.schreiben(
        "docs/impressum.md",
        """\
        # Impressum

        Anbieter: [AUSFÜLLEN: Name und Anschrift der Stelle]

        - E-Mail: [AUSFÜLLEN: Funktionspostfach]

        Syntax: `[AUSFÜLLEN: Beispiel]`
        """,
    )
    handbuch.commit("Impressum", "2024-02-01T10:00:00+01:00")
    ergebnis = handbuch.bauen()
    assert ergebnis.returncode == 0, ergebnis.ausgabe

    seite = handbuch.html("impressum/index.html")
    marken = seite.select("article mark.ausfuellen")
    assert [m.get_text() for m in marken] == [
        "Noch auszufüllen: Name und Anschrift der Stelle",
        "Noch auszufüllen: Funktionspostfach",
    ]
    assert marken[1].find_parent("li") is not None
    assert seite.select_one("article code").get_text() == "[AUSFÜLLEN: Beispiel]"
    # An unfilled field is reported nowhere as an error: the check stays clean.
    assert handbuch.pruefen().returncode == 0
