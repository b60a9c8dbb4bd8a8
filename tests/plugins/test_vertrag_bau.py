"""What a real build publishes (issue 10): nothing invisible, strict exports, one title.

One build of a fixture handbook with HTML comments (a note about a person, the map marker,
an unclosed comment), amounts and a title with characters XML forbids being typed.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from conftest import Handbuch, basis_eintraege

NOTIZ = "<!-- intern: Frau Beispiel hat das Budget noch nicht freigegeben -->"


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory) -> Handbuch:
    lernwerkstatt = basis_eintraege()["praxisbeispiele/lernwerkstatt.md"].replace(
        "laufzeit:", "kosten:\n  gesamt: 1250000.50\nlaufzeit:"
    )
    h = Handbuch.anlegen(
        tmp_path_factory.mktemp("vertrag") / "h",
        {
            "docs/praxisbeispiele/lernwerkstatt.md": lernwerkstatt + f"\nÖffentlicher Text.\n\n{NOTIZ}\n\nMehr Text.\n",
            "docs/ueber/notizen.md": "# Notizen\n\nSichtbar.\n\n<!-- nur für die Redaktion\n\nüber mehrere Zeilen -->\n\nAuch sichtbar.\n",
            "docs/ueber/offen.md": "# Offen\n\nSichtbar.\n\n<!-- nicht geschlossen\n\nDer Rest.\n",
        },
    )
    h.git_init()
    h.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.stderr
    return h


def test_html_kommentare_erreichen_die_seite_nicht(gebaut: Handbuch) -> None:
    seite = (gebaut.site / "praxisbeispiele/lernwerkstatt/index.html").read_text(encoding="utf-8")
    assert "Frau Beispiel" not in seite and "Budget" not in seite
    assert "Öffentlicher Text." in seite and "Mehr Text." in seite
    notizen = (gebaut.site / "ueber/notizen/index.html").read_text(encoding="utf-8")
    assert "nur für die Redaktion" not in notizen and "über mehrere Zeilen" not in notizen
    assert "Auch sichtbar." in notizen
    # Markdown shows an unclosed comment as text: visible to the author, never a hidden comment.
    offen = (gebaut.site / "ueber/offen/index.html").read_text(encoding="utf-8")
    assert "<!-- nicht geschlossen" not in offen and "Der Rest." in offen
    # Neither in the search index.
    suche = (gebaut.site / "search/search_index.json").read_text(encoding="utf-8")
    assert "Frau Beispiel" not in suche and "nur für die Redaktion" not in suche


def _streng(text: str):
    def nein(wert: str):
        raise ValueError(f"kein JSON: {wert}")

    return json.loads(text, parse_constant=nein)


def test_exporte_fuer_strenge_leser(gebaut: Handbuch) -> None:
    katalog = _streng((gebaut.site / "katalog.json").read_text(encoding="utf-8"))
    (eintrag,) = [e for e in katalog["eintraege"] if e.get("slug") == "lernwerkstatt"] or [None]
    assert eintrag is not None
    assert "1250000.5" in json.dumps(eintrag)
    _streng((gebaut.site / "assets/staedtenetz/formular.json").read_text(encoding="utf-8"))
    _streng((gebaut.site / "schema/eintrag.schema.json").read_text(encoding="utf-8"))
    ET.fromstring((gebaut.site / "feed.xml").read_bytes())  # expat: strict XML 1.0


def test_validator_mit_lizenz_ausgeliefert(gebaut: Handbuch) -> None:
    vendor = gebaut.site / "assets/staedtenetz/vendor"
    assert (vendor / "ajv2020.min.js").stat().st_size > 50_000
    lizenz = (vendor / "ajv2020.LICENSE.txt").read_text(encoding="utf-8")
    assert "=== ajv 8.20.0 ===" in lizenz and "MIT License" in lizenz
    # Loaded by the form only, not on every page.
    assert "vendor/ajv2020.min.js" not in (gebaut.site / "index.html").read_text(encoding="utf-8")
