"""Listing pages and the NRW map, proven against the front matter of a built fixture handbook."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from listen_fixture import GELISTET, NICHT_GELISTET, listen_handbuch

from conftest import Handbuch
from staedtenetz.ansichten import karte, liste
from staedtenetz.inhalt.modell import Zeitraum


@pytest.fixture(scope="module")
def h(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    return listen_handbuch(tmp_path_factory.mktemp("listen") / "handbuch")


def _ziel(h: Handbuch, seite: str, href: str) -> Path:
    """The file a relative link on ``seite`` (site-relative URL) points to."""
    url = urljoin("http://x/" + seite, href)[len("http://x/") :]
    return h.site / (url + "index.html" if url.endswith("/") or url == "" else url)


def _titel(h: Handbuch, datei: Path) -> str:
    return h.html(datei.relative_to(h.site).as_posix()).select_one("article h1").get_text(strip=True)


def test_praxisbeispiele_karten_entsprechen_der_front_matter(h: Handbuch) -> None:
    s = h.html("praxisbeispiele/index.html")
    karten = s.select(".sn-liste li.sn-karte")
    assert [k.h3.get_text(strip=True) for k in karten] == GELISTET
    text = s.select_one(".sn-liste").get_text()
    for titel in NICHT_GELISTET:
        assert titel not in text
    # Every card links to the entry page with that title.
    for k in karten:
        ziel = _ziel(h, "praxisbeispiele/", k.a["href"])
        assert ziel.exists(), k.a["href"]
        assert _titel(h, ziel) == k.h3.get_text(strip=True)
    sprachcafe = karten[GELISTET.index("Sprachcafé")]
    fakten = {dt_.get_text(): dd.get_text() for dt_, dd in zip(sprachcafe.select("dt"), sprachcafe.select("dd"))}
    assert fakten == {
        "Kommune": "Dortmund",
        "Programmgebiet": "Dortmund Testgebiet (in Planung)",
        "Handlungsfelder": "Bildung, Beteiligung",
        "Laufzeit": "2019–2021",
    }
    assert sprachcafe.select_one(".sn-karte__text").get_text() == "Ehrenamtliche üben mit Zugewanderten Deutsch bei Kaffee und Kuchen."
    buero = karten[GELISTET.index("Stadtteilbüro am Markt")]
    assert "seit 2023" in buero.get_text()
    assert s.select_one(".sn-liste__anzahl").get_text() == "5 Praxisbeispiele"
    assert s.select_one(".sn-liste")["data-sn-gesamt"] == "5"
    assert not s.select("nav.sn-seiten")  # one page: no page links


def test_datendatei_der_liste_entspricht_den_karten(h: Handbuch) -> None:
    # What the filter (liste.js) works on: the listed entries in listing order, with the values
    # the filters compare and the texts the cards show – nothing of the entries left out.
    s = h.html("praxisbeispiele/index.html")
    adresse = s.select_one(".sn-liste")["data-sn-daten"]
    datei = _ziel(h, "praxisbeispiele/", adresse)
    assert datei == h.site / "praxisbeispiele/liste.json"
    roh = datei.read_text(encoding="utf-8")
    d = json.loads(roh)
    assert (d["typ"], d["darstellung"], d["namen"]) == ("praxisbeispiel", "karten", ["Kommune", "Programmgebiet", "Handlungsfelder", "Laufzeit"])
    assert [e["t"] for e in d["eintraege"]] == GELISTET
    for titel in NICHT_GELISTET:
        assert titel not in roh
    for e in d["eintraege"]:
        ziel = _ziel(h, "praxisbeispiele/liste.json", e["u"])
        assert _titel(h, ziel) == e["t"]
    sprachcafe = d["eintraege"][GELISTET.index("Sprachcafé")]
    assert (sprachcafe["h"], sprachcafe["p"], sprachcafe["k"], sprachcafe["s"]) == (["bildung", "beteiligung"], ["esf"], "dortmund", "in-planung")
    assert (sprachcafe["v"], sprachcafe["b"], sprachcafe["a"]) == (2019, 2021, "illustrativ")
    karte = s.select(".sn-liste li.sn-karte")[GELISTET.index("Sprachcafé")]
    fakten = {dt_.get_text(): dd.get_text() for dt_, dd in zip(karte.select("dt"), karte.select("dd"))}
    assert {n: d["werte"][i] for n, i in zip(d["namen"], sprachcafe["f"]) if i >= 0} == fakten
    assert sprachcafe["z"] == karte.select_one(".sn-karte__text").get_text()
    buero = d["eintraege"][GELISTET.index("Stadtteilbüro am Markt")]
    assert (buero["v"], "b" in buero, "s" in buero) == (2023, False, False)


def test_filterformular_bietet_nur_vorkommende_werte_mit_anzahl(h: Handbuch) -> None:
    s = h.html("praxisbeispiele/index.html")
    form = s.select_one("details.sn-filter__klappe form.sn-filter")
    # shown by the script only: without JS it would do nothing
    assert s.select_one("details.sn-filter__klappe").has_attr("hidden")
    boxen = {i["value"]: i.parent.get_text(strip=True) for i in form.select("input[name=handlungsfeld]")}
    assert boxen == {"bildung": "Bildung (3)", "beteiligung": "Beteiligung (2)", "wohnumfeld": "Wohnumfeld (2)"}
    assert [i["value"] for i in form.select("input[name=verknuepfung]")] == ["alle", "eins"]

    def optionen(name: str) -> dict[str, str]:
        return {o["value"]: o.get_text() for o in form.select(f"select[name={name}] option")}

    assert optionen("kommune") == {"": "alle Kommunen", "dortmund": "Dortmund (1)", "essen": "Essen (2)", "gelsenkirchen": "Gelsenkirchen (2)"}
    assert optionen("foerderprogramm") == {"": "alle Förderprogramme", "esf": "ESF-Testprogramm (2)", "sozialer-zusammenhalt": "Sozialer Zusammenhalt (3)"}
    assert optionen("zustand") == {"": "alle Zustände", "laufend": "laufend (1)", "in-planung": "in Planung (1)", "verstetigt": "verstetigt (2)"}
    assert not form.select("select[name=art]")  # only illustrative examples: nothing to choose
    # Every control has a label.
    for feld in form.select("select, input[type=search], input[type=number]"):
        assert form.select_one(f'label[for="{feld["id"]}"]') is not None
    assert s.select_one(".sn-liste__anzahl")["aria-live"] == "polite"


def test_listen_der_anderen_typen(h: Handbuch) -> None:
    kommunen = h.html("kommunen/index.html")
    zeilen = kommunen.select(".sn-tabelle tbody tr")
    werte = [[z.get_text(strip=True) for z in tr.select("th, td")] for tr in zeilen]
    # Kommune, Programmgebiete, Praxisbeispiele (listed ones, as in the Praxisbeispiele filter)
    assert werte == [["Dortmund", "1", "1"], ["Essen", "1", "2"], ["Gelsenkirchen", "1", "2"]]
    for tr in zeilen:
        assert _ziel(h, "kommunen/", tr.a["href"]).exists()

    gebiete = h.html("programmgebiete/index.html")
    werte = [[z.get_text(strip=True) for z in tr.select("th, td")] for tr in gebiete.select(".sn-tabelle tbody tr")]
    assert werte == [
        ["Dortmund Testgebiet", "Dortmund", "in Planung", ""],
        ["Essen Testviertel", "Essen", "laufend", ""],
        ["Gelsenkirchen Testgebiet", "Gelsenkirchen", "verstetigt", "2008–2016"],
    ]
    assert gebiete.select_one(".sn-liste__anzahl").get_text() == "3 Programmgebiete"

    felder = h.html("handlungsfelder/index.html")
    assert [k.h3.get_text(strip=True) for k in felder.select(".sn-karte")] == ["Beteiligung", "Bildung", "Wohnumfeld"]
    assert "Praxisbeispiele:3" in felder.select(".sn-karte")[1].dl.get_text(":", strip=True).replace("::", ":")

    programme = h.html("foerderprogramme/index.html")
    esf = programme.select(".sn-karte")[0]
    assert esf.h3.get_text(strip=True) == "ESF-Testprogramm"
    assert "18. November 2025" in esf.get_text() and "EU" in esf.get_text()

    for seite, titel in (("vorlagen/index.html", ["ISEK-Gliederung"]), ("leitfaeden/index.html", ["Verstetigung"])):
        s = h.html(seite)
        assert [k.h3.get_text(strip=True) for k in s.select(".sn-karte")] == titel
        assert s.select_one(".sn-liste__anzahl").get_text() == f"1 {'Vorlage' if 'vorlagen' in seite else 'Leitfaden'}"


def test_eintraege_stehen_nicht_in_der_navigation(h: Handbuch) -> None:
    s = h.html("praxisbeispiele/sprachcafe/index.html")
    nav_links = [a["href"] for a in s.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert not any("sprachcafe" in l or "lernwerkstatt" in l for l in nav_links)


def test_karte_auf_startseite_und_mitgliederseite(h: Handbuch) -> None:
    for seite in ("", "kommunen/"):
        s = h.html(seite + "index.html")
        figur = s.select_one("figure.sn-karte")
        assert figur is not None, seite
        svg = figur.svg
        assert not svg.has_attr("role")
        assert svg["aria-labelledby"] == "sn-karte-titel sn-karte-beschreibung"
        assert svg.select_one("title#sn-karte-titel") and svg.select_one("desc#sn-karte-beschreibung")
        links = svg.select("a.sn-karte__mitglied")
        assert [a["aria-label"] for a in links] == ["Dortmund: 1 Programmgebiet", "Essen: 1 Programmgebiet", "Gelsenkirchen: 1 Programmgebiet"]
        for a in links:
            assert a.title.get_text() == a["aria-label"]
            assert _titel(h, _ziel(h, seite, a["href"])) == a["aria-label"].split(":")[0]
        nachweis = figur.figcaption
        assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in nachweis.get_text()
        assert [a["href"] for a in nachweis.select("a")] == ["https://www.bkg.bund.de", "https://www.govdata.de/dl-de/by-2-0"]
        assert "dl-de/by-2-0" in nachweis.get_text()
        tabelle = s.select_one("details.sn-karte__alternative table")
        assert [[c.get_text() for c in tr.select("th, td")] for tr in tabelle.tbody.select("tr")] == [
            ["Dortmund", "1"], ["Essen", "1"], ["Gelsenkirchen", "1"],
        ]
        assert "<!-- karte -->" not in (h.site / (seite + "index.html")).read_text()
    # The map stands where the marker was: between the heading and the next paragraph.
    start = (h.site / "index.html").read_text()
    assert start.index('id="karte"') < start.index("sn-karte__svg") < start.index("Text nach der Karte")
    # The map is small: rounded, relative coordinates.
    svg_text = re.search(r"<svg class=\"sn-karte__svg\".*?</svg>", start, re.S).group(0)
    assert len(svg_text) < 40_000
    assert not re.search(r"\d\.\d", svg_text.split("</desc>")[1])


def test_ohne_fremde_hosts_und_ohne_fremde_skripte(h: Handbuch) -> None:
    for seite in ("index.html", "praxisbeispiele/index.html", "kommunen/index.html"):
        s = h.html(seite)
        for tag in s.select("script[src], link[href]"):
            adresse = tag.get("src") or tag.get("href")
            assert not adresse.startswith(("http://", "https://", "//")), adresse
    assert (h.site / "assets/staedtenetz/liste.js").exists()
    assert (h.site / "assets/staedtenetz/karte.css").exists()


# -- pure logic ------------------------------------------------------------------------------


def test_laufzeit_text() -> None:
    assert liste.laufzeit_text(Zeitraum(von=2020, bis=2022)) == "2020–2022"
    assert liste.laufzeit_text(Zeitraum(von=2021, bis=2021)) == "2021"
    assert liste.laufzeit_text(Zeitraum(von=2021)) == "seit 2021"
    assert liste.laufzeit_text(Zeitraum(von=dt.date(2019, 4, 1), bis=2022)) == "1. April 2019 – 2022"


def test_listenseite_erkennt_die_ordner() -> None:
    assert liste.listenseite("praxisbeispiele/index.md") == "praxisbeispiel"
    assert liste.listenseite("foerderprogramme/index.md") == "foerderprogramm"
    assert liste.listenseite("praxisbeispiele/lernwerkstatt.md") is None
    assert liste.listenseite("index.md") is None


def test_projektion_und_pfade() -> None:
    links_oben = karte.projizieren(5.866, 52.5316)
    rechts_unten = karte.projizieren(9.4599, 50.3227)
    assert links_oben == (karte.RAND, karte.RAND)
    assert rechts_unten == (karte.BREITE - karte.RAND, karte.HOEHE - karte.RAND)
    # NRW is about as wide as it is high once longitude is scaled by cos(latitude).
    assert 0.9 < karte.HOEHE / karte.BREITE < 1.05
    # A ring becomes an absolute start and relative steps; repeated points after rounding vanish.
    assert karte._ring([[6.0, 51.0], [6.0, 51.0], [6.1, 51.0], [6.1, 51.1], [6.0, 51.0]]) == "M45 681l27 0 0-44z"  # 0.1° east: 27 units, 0.1° north: 44 units
    assert karte._ring([[6.0, 51.0], [6.00001, 51.0], [6.0, 51.0]]) == ""
    assert karte.programmgebiete_text(0) == "kein Programmgebiet"
    assert karte.programmgebiete_text(1) == "1 Programmgebiet"
    assert karte.programmgebiete_text(4) == "4 Programmgebiete"


def test_karte_uebergeht_unbekannten_gemeindeschluessel(tmp_path: Path) -> None:
    # In the live preview a wrong AGS is shown as an error on the page; the map must not crash.
    from staedtenetz.inhalt.frontmatter import lesen
    from staedtenetz.katalog.katalog import Katalog

    quellen = [
        lesen("kommunen/essen.md", b'---\ntyp: kommune\ntitle: Essen\nzusammenfassung: Testkommune Essen zum Testen der Karte.\nags: "05113000"\nstand: 2025-01-01\n---\n'),
        lesen("kommunen/falsch.md", b'---\ntyp: kommune\ntitle: Falsch\nzusammenfassung: Testkommune mit falschem Schluessel.\nags: "05999999"\nstand: 2025-01-01\n---\n'),
    ]
    k = Katalog.aufbauen(quellen)
    assert k.fehler  # the wrong AGS is reported …
    html = karte.karte(k, lambda e: f"../{e.slug}/")
    assert html.count('class="sn-karte__mitglied"') == 1  # … and only the known one is drawn
    assert "Falsch" in html.split("</svg>")[1]  # but listed in the text alternative
