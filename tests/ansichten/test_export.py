"""Open data of a real fixture build: katalog.json (validated against its published schema and
its documentation page) and the Atom feed (parsed with xml.etree), against the front matter of
``eintrag_fixture``."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import eintrag_fixture as fx
from conftest import ROOT, Handbuch
from staedtenetz.ansichten import export

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    h = fx.anlegen(tmp_path_factory.mktemp("export") / "h")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    return h


@pytest.fixture(scope="module")
def mit_site_url(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    h = fx.anlegen(tmp_path_factory.mktemp("export-url") / "h", site_url="https://handbuch.example.org/nrw/")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    return h


def katalog(h: Handbuch) -> dict:
    return json.loads((h.site / "katalog.json").read_text(encoding="utf-8"))


def nach_slug(d: dict) -> dict[str, dict]:
    return {e["slug"]: e for e in d["eintraege"]}


# -- katalog.json -----------------------------------------------------------------------------


def test_katalog_json_entspricht_seinem_schema(gebaut: Handbuch) -> None:
    d = katalog(gebaut)
    schema = json.loads((gebaut.site / "katalog.schema.json").read_text(encoding="utf-8"))
    assert schema == export.SCHEMA
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(d)
    assert d["format"] == "staedtenetz-katalog" and d["version"] == 1
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d["erzeugt"])
    assert d["ausgabe"] == "oeffentlich"
    assert d["anzahl"] == len(d["eintraege"]) == 16


def test_katalog_json_ist_dokumentiert(gebaut: Handbuch) -> None:
    """Every key of the format has a row in the documentation page docs/daten/index.md."""
    doku = (ROOT / "docs/daten/index.md").read_text(encoding="utf-8")
    oben = set(export.SCHEMA["properties"])
    eintrag = set(export.SCHEMA["properties"]["eintraege"]["items"]["properties"])
    for feld in oben | eintrag:
        assert f"| `{feld}` |" in doku, f"Feld '{feld}' fehlt in docs/daten/index.md"
    d = katalog(gebaut)
    assert set(d) == oben
    assert all(set(e) == eintrag for e in d["eintraege"])


def test_katalog_json_gibt_die_front_matter_wieder(gebaut: Handbuch) -> None:
    d = katalog(gebaut)
    e = nach_slug(d)
    assert set(e) == {
        "essen", "dortmund", "essen-testviertel", "essen-nordviertel", "dortmund-testgebiet", "bildung",
        "gesundheit", "sozialer-zusammenhalt", "biwaq", "klimafonds", "lernwerkstatt", "gesundheitskiosk",
        "elterncafe", "archiviertes-projekt", "isek", "verstetigung",
    }
    assert not set(fx.GEHEIME_SLUGS) & set(e)
    kiosk = e["gesundheitskiosk"]
    assert kiosk["typ"] == "praxisbeispiel" and kiosk["title"] == "Gesundheitskiosk"
    assert kiosk["url"] == "praxisbeispiele/gesundheitskiosk/"
    assert (gebaut.site / kiosk["url"] / "index.html").is_file()
    assert kiosk["geaendert"] == kiosk["erstmals"] == "2024-03-01"
    f = kiosk["felder"]
    assert f["kosten"] == {"gesamt": 1200000.0, "anmerkung": "davon 80 % Förderung"}
    assert f["laufzeit"] == {"von": "2021-04-01", "bis": 2023}
    assert f["handlungsfelder"] == ["gesundheit", "bildung"]
    assert f["bilder"][0]["urheber"] == "Testfotograf"
    assert "programmgebiet" in f and "title" not in f and "typ" not in f
    assert kiosk["verweise"] == [
        {"feld": "kommune", "ziel": "essen"},
        {"feld": "programmgebiet", "ziel": "essen-nordviertel"},
        {"feld": "handlungsfelder", "ziel": "gesundheit"},
        {"feld": "handlungsfelder", "ziel": "bildung"},
        {"feld": "foerderprogramme", "ziel": "sozialer-zusammenhalt"},
        {"feld": "foerderprogramme", "ziel": "biwaq"},
    ]
    assert kiosk["erwaehnt_in"] == ["verstetigung"]  # wiki link in the Leitfaden
    assert e["lernwerkstatt"]["geaendert"] == "2025-06-30" and e["lernwerkstatt"]["erstmals"] == "2024-01-15"
    assert e["archiviertes-projekt"]["status"] == "archiviert"
    # Backlinks: front-matter references and wiki links from entries (not from the draft).
    assert e["essen"]["erwaehnt_in"] == ["archiviertes-projekt", "essen-nordviertel", "essen-testviertel", "gesundheitskiosk", "lernwerkstatt"]
    assert e["sozialer-zusammenhalt"]["erwaehnt_in"] == [
        "archiviertes-projekt", "elterncafe", "essen-nordviertel", "gesundheitskiosk", "lernwerkstatt", "verstetigung",
    ]
    # Every URL is a page of the site.
    for x in d["eintraege"]:
        assert (gebaut.site / x["url"] / "index.html").is_file(), x["url"]


# -- feed.xml ---------------------------------------------------------------------------------


def test_atom_feed_mit_den_praxisbeispielen_nach_datum(gebaut: Handbuch) -> None:
    feed = ET.parse(gebaut.site / "feed.xml").getroot()
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}updated") == "2025-06-30T00:00:00Z"
    assert feed.find(f"{A}author/{A}name").text == "Testhandbuch"
    eintraege = feed.findall(f"{A}entry")
    # The archived one is no news; draft and internal are not part of this edition.
    assert [e.findtext(f"{A}title") for e in eintraege] == ["Lernwerkstatt", "Gesundheitskiosk", "Elterncafé"]
    assert [e.findtext(f"{A}updated") for e in eintraege] == ["2025-06-30T00:00:00Z", "2024-03-01T00:00:00Z", "2024-01-15T00:00:00Z"]
    assert [e.findtext(f"{A}published") for e in eintraege] == ["2024-01-15T00:00:00Z", "2024-03-01T00:00:00Z", "2024-01-15T00:00:00Z"]
    assert [e.find(f"{A}category").get("term") for e in eintraege] == ["aktualisiert", "neu", "neu"]
    for e in eintraege:
        href = e.find(f"{A}link").get("href")
        assert (gebaut.site / href / "index.html").is_file()  # relative to the feed at the site root
        assert e.findtext(f"{A}id") == f"tag:staedtenetz-handbuch.invalid,2026:{href}"
        assert e.findtext(f"{A}summary")
    assert len({e.findtext(f"{A}id") for e in eintraege}) == 3


def test_feed_steht_im_kopf_jeder_seite(gebaut: Handbuch) -> None:
    for seite, href in (("index.html", "feed.xml"), ("praxisbeispiele/lernwerkstatt/index.html", "../../feed.xml")):
        link = gebaut.html(seite).select_one('head link[rel="alternate"][type="application/atom+xml"]')
        assert link is not None and link["href"] == href


def test_mit_site_url_absolute_adressen_und_ids(mit_site_url: Handbuch) -> None:
    feed = ET.parse(mit_site_url.site / "feed.xml").getroot()
    basis = "https://handbuch.example.org/nrw/"
    assert feed.find(f"{A}link[@rel='self']").get("href") == basis + "feed.xml"
    erster = feed.find(f"{A}entry")
    assert erster.findtext(f"{A}id") == basis + "praxisbeispiele/lernwerkstatt/"
    assert erster.find(f"{A}link").get("href") == basis + "praxisbeispiele/lernwerkstatt/"
    e = nach_slug(katalog(mit_site_url))
    assert e["essen"]["url"] == basis + "kommunen/essen/"
