"""Entry pages of a real fixture build: fact box, entity collections, wiki links, backlinks,
related Praxisbeispiele and the change list – checked against the front matter of
``eintrag_fixture`` (counts, texts and link targets that exist in site/)."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest

import eintrag_fixture as fx
from conftest import Handbuch
from staedtenetz.ansichten.verwandt import Aehnlichkeit
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.katalog.katalog import Katalog


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    h = fx.anlegen(tmp_path_factory.mktemp("eintraege") / "h")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    assert "Traceback" not in r.ausgabe
    return h


def ziel(h: Handbuch, seite: str, href: str) -> Path:
    """The file in site/ that ``href`` on ``seite`` (site-relative HTML path) points to."""
    pfad = posixpath.normpath(posixpath.join(posixpath.dirname(seite), href.split("#")[0]))
    datei = h.site / pfad
    return datei / "index.html" if href.endswith("/") or datei.is_dir() else datei


def links(h: Handbuch, seite: str, element) -> list[tuple[str, str]]:
    """(text, site-relative target) of every link in ``element``; each target must exist."""
    ergebnis = []
    for a in element.select("a[href]"):
        href = a["href"]
        if href.startswith(("http", "mailto:", "tel:", "#")):
            continue
        datei = ziel(h, seite, href)
        assert datei.is_file(), f"{seite}: Link '{href}' führt ins Leere"
        ergebnis.append((a.get_text(" ", strip=True), datei.relative_to(h.site).as_posix()))
    return ergebnis


def abschnitt(soup, kennung: str):
    h2 = soup.find("h2", id=kennung)
    return None if h2 is None else h2.find_parent("section")


def steckbrief(soup) -> dict[str, object]:
    kasten = soup.select_one("article aside.steckbrief[aria-label='Steckbrief']")
    assert kasten is not None
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in kasten.select("dl > dt")}


# -- fact box ---------------------------------------------------------------------------------


def test_steckbrief_zeigt_jedes_feld_der_front_matter(gebaut: Handbuch) -> None:
    seite = "praxisbeispiele/gesundheitskiosk/index.html"
    soup = gebaut.html(seite)
    h1 = soup.select_one("article h1")
    assert h1.find_next_sibling() is soup.select_one("article aside.steckbrief"), "Steckbrief direkt nach der H1"
    f = steckbrief(soup)
    assert list(f) == [
        "Typ", "Art", "Kommune", "Programmgebiet", "Handlungsfelder", "Förderprogramme", "Laufzeit", "Kosten",
        "Träger", "Zielgruppen", "Ansprechstelle", "Stand", "Zuletzt geändert", "Bildnachweise", "Quellen",
    ]
    assert f["Typ"].get_text() == "Praxisbeispiel"
    assert f["Art"].get_text() == "dokumentiertes Projekt"
    assert links(gebaut, seite, f["Kommune"]) == [("Essen", "kommunen/essen/index.html")]
    assert links(gebaut, seite, f["Programmgebiet"]) == [("Essen Nordviertel", "programmgebiete/essen-nordviertel/index.html")]
    assert f["Programmgebiet"].get_text(" ", strip=True) == "Essen Nordviertel (verstetigt)"
    assert links(gebaut, seite, f["Handlungsfelder"]) == [
        ("Gesundheit", "handlungsfelder/gesundheit/index.html"),
        ("Bildung", "handlungsfelder/bildung/index.html"),
    ]
    assert links(gebaut, seite, f["Förderprogramme"]) == [
        ("Sozialer Zusammenhalt", "foerderprogramme/sozialer-zusammenhalt/index.html"),
        ("BIWAQ", "foerderprogramme/biwaq/index.html"),
    ]
    assert f["Laufzeit"].get_text() == "1. April 2021 bis 2023"
    assert f["Laufzeit"].time["datetime"] == "2021-04-01"
    assert f["Kosten"].get_text() == "1,2\xa0Mio.\xa0€ gesamt; davon 80 % Förderung"
    assert f["Träger"].get_text() == "Testträger e. V., Stadt Essen"
    assert f["Zielgruppen"].get_text() == "Familien, Ältere Menschen"
    ansprech = f["Ansprechstelle"]
    assert ansprech.get_text(" ", strip=True).startswith("Stadt Essen, Testamt")
    assert [a["href"] for a in ansprech.select("a")] == ["mailto:testamt@example.org", "tel:+49201123456"]
    assert f["Stand"].get_text() == "3. Februar 2025"
    assert f["Zuletzt geändert"].get_text() == "1. März 2024"  # the commit of fx.DATUM_KIOSK
    assert f["Bildnachweise"].get_text(" ", strip=True) == "Der Kiosk von außen: Testfotograf, Lizenz: CC BY 4.0"
    assert [(a.get_text(), a["href"]) for a in f["Quellen"].select("a")] == [("Testquelle zum Kiosk", "https://www.example.org/kiosk")]
    assert f["Quellen"].get_text() == (
        "Testquelle zum Kiosk (Stand der Quelle: 5. November 2024; zuletzt geprüft am 20. Januar 2025)"
    )
    assert [t["datetime"] for t in f["Quellen"].select("time")] == ["2024-11-05", "2025-01-20"]
    assert soup.select_one(".steckbrief__hinweis--illustrativ") is None  # documented, not illustrative
    assert (gebaut.site / "praxisbeispiele/bilder/kiosk.png").is_file()


def test_illustratives_beispiel_ist_sichtbar_gekennzeichnet(gebaut: Handbuch) -> None:
    soup = gebaut.html("praxisbeispiele/lernwerkstatt/index.html")
    hinweis = soup.select_one("aside.steckbrief .steckbrief__hinweis--illustrativ")
    assert hinweis.get_text() == "Illustratives Beispiel – kein reales Projekt"
    f = steckbrief(soup)
    assert f["Laufzeit"].get_text() == "2020 bis 2022"
    assert f["Zuletzt geändert"].get_text() == "30. Juni 2025"
    assert "Kosten" not in f and "Quellen" not in f  # empty fields get no row


def test_steckbrief_anderer_typen(gebaut: Handbuch) -> None:
    f = steckbrief(gebaut.html("kommunen/essen/index.html"))
    assert f["Typ"].get_text() == "Kommune"
    assert f["AGS"].get_text() == "05113000"
    assert f["Stand"].get_text() == "30. Juni 2025"
    seite = "programmgebiete/essen-nordviertel/index.html"
    f = steckbrief(gebaut.html(seite))
    assert f["Zustand"].get_text() == "verstetigt"
    assert f["Förderzeitraum"].get_text() == "2008 bis 2018"
    assert links(gebaut, seite, f["Kommune"]) == [("Essen", "kommunen/essen/index.html")]
    f = steckbrief(gebaut.html("foerderprogramme/klimafonds/index.html"))
    assert f["Programmstatus"].get_text() == "ausgelaufen"
    assert f["Fördergeber"].get_text() == "Land"
    assert f["Stand"].get_text() == "1. Dezember 2024"
    f = steckbrief(gebaut.html("foerderprogramme/biwaq/index.html"))
    # A source without 'geprueft' says so: the research copy was never compared with the live page.
    assert f["Quellen"].get_text() == "Quelle BIWAQ (Stand der Quelle: undatiert; nicht live geprüft)"


# -- entity collections -----------------------------------------------------------------------


def test_kommune_sammelt_programmgebiete_mit_zustand_und_eintraege(gebaut: Handbuch) -> None:
    seite = "kommunen/essen/index.html"
    soup = gebaut.html(seite)
    gebiete = abschnitt(soup, "sammlung-programmgebiete")
    assert gebiete.caption.get_text() == "2 Programmgebiete: 1 laufend, 1 verstetigt"
    zeilen = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in gebiete.select("tbody tr")]
    assert zeilen == [["Essen Nordviertel", "verstetigt", "2008 bis 2018"], ["Essen Testviertel", "laufend", "–"]]
    assert links(gebaut, seite, gebiete) == [
        ("Essen Nordviertel", "programmgebiete/essen-nordviertel/index.html"),
        ("Essen Testviertel", "programmgebiete/essen-testviertel/index.html"),
    ]
    eintraege = abschnitt(soup, "sammlung-eintraege")
    assert eintraege.h3.get_text() == "Praxisbeispiele (2)"  # archived and draft not listed
    assert links(gebaut, seite, eintraege) == [
        ("Gesundheitskiosk", "praxisbeispiele/gesundheitskiosk/index.html"),
        ("Lernwerkstatt", "praxisbeispiele/lernwerkstatt/index.html"),
    ]
    dortmund = gebaut.html("kommunen/dortmund/index.html")
    assert abschnitt(dortmund, "sammlung-programmgebiete").caption.get_text() == "1 Programmgebiet: 1 in Planung"


def test_programmgebiet_sammelt_seine_eintraege(gebaut: Handbuch) -> None:
    seite = "programmgebiete/essen-testviertel/index.html"
    eintraege = abschnitt(gebaut.html(seite), "sammlung-eintraege")
    assert links(gebaut, seite, eintraege) == [("Lernwerkstatt", "praxisbeispiele/lernwerkstatt/index.html")]


def test_handlungsfeld_listet_eintraege_je_typ(gebaut: Handbuch) -> None:
    seite = "handlungsfelder/bildung/index.html"
    eintraege = abschnitt(gebaut.html(seite), "sammlung-eintraege")
    assert [h3.get_text() for h3 in eintraege.select("h3")] == ["Förderprogramme (1)", "Praxisbeispiele (3)", "Vorlagen (1)"]
    assert [t for t, _ in links(gebaut, seite, eintraege)] == ["BIWAQ", "Elterncafé", "Gesundheitskiosk", "Lernwerkstatt", "ISEK-Gliederung"]


def test_foerderprogramm_zeigt_projekte_und_mittelbuendelung(gebaut: Handbuch) -> None:
    seite = "foerderprogramme/sozialer-zusammenhalt/index.html"
    soup = gebaut.html(seite)
    assert [t for t, _ in links(gebaut, seite, abschnitt(soup, "sammlung-projekte"))] == ["Elterncafé", "Gesundheitskiosk", "Lernwerkstatt"]
    assert [t for t, _ in links(gebaut, seite, abschnitt(soup, "sammlung-programmgebiete"))] == ["Essen Nordviertel"]
    buendel = abschnitt(soup, "sammlung-mittelbuendelung")
    # Gesundheitskiosk and Elterncafé combine it with BIWAQ; the archived project's Klimafonds
    # and the draft's and internal entry's programmes do not count.
    zeilen = [[td.get_text(strip=True) for td in tr.select("td")] for tr in buendel.select("tbody tr")]
    assert zeilen == [["BIWAQ", "2 Projekten"]]
    assert links(gebaut, seite, buendel) == [("BIWAQ", "foerderprogramme/biwaq/index.html")]
    klima = gebaut.html("foerderprogramme/klimafonds/index.html")
    assert abschnitt(klima, "sammlung-projekte").get_text(strip=True).endswith("Noch kein Praxisbeispiel nennt dieses Programm.")


# -- wiki links, backlinks, related -----------------------------------------------------------


def test_wikilinks_werden_titel_und_url(gebaut: Handbuch) -> None:
    seite = "leitfaeden/verstetigung/index.html"
    soup = gebaut.html(seite)
    wl = soup.select("article a.wikilink")
    assert links(gebaut, seite, soup.select_one("article p:has(a.wikilink)")) == [
        ("Lernwerkstatt", "praxisbeispiele/lernwerkstatt/index.html"),
        ("der Kiosk in Essen", "praxisbeispiele/gesundheitskiosk/index.html"),
    ]
    assert len(wl) == 2
    assert soup.select_one("article code").get_text() == "[[kennung]]"


def test_wird_erwaehnt_in_aus_front_matter_und_wikilinks(gebaut: Handbuch) -> None:
    seite = "praxisbeispiele/lernwerkstatt/index.html"
    erwaehnt = abschnitt(gebaut.html(seite), "wird-erwaehnt-in")
    assert links(gebaut, seite, erwaehnt) == [("Verstetigung", "leitfaeden/verstetigung/index.html")]  # wiki link
    seite = "kommunen/essen/index.html"
    erwaehnt = abschnitt(gebaut.html(seite), "wird-erwaehnt-in")
    # Listed entries are already in the collection above; the archived one and a plain page are not.
    assert links(gebaut, seite, erwaehnt) == [
        ("Archiviertes Projekt", "praxisbeispiele/archiviertes-projekt/index.html"),
        ("Über das Testhandbuch", "ueber/index.html"),
    ]
    assert "(Praxisbeispiel, archiviert)" in erwaehnt.get_text()
    seite = "foerderprogramme/sozialer-zusammenhalt/index.html"
    erwaehnt = abschnitt(gebaut.html(seite), "wird-erwaehnt-in")
    assert [t for t, _ in links(gebaut, seite, erwaehnt)] == ["Archiviertes Projekt", "Verstetigung"]
    leer = abschnitt(gebaut.html("leitfaeden/verstetigung/index.html"), "wird-erwaehnt-in")
    assert leer.get_text(" ", strip=True) == "Wird erwähnt in Bisher verweist keine andere Seite des Handbuchs hierher."


def test_abschnitte_stehen_im_inhaltsverzeichnis(gebaut: Handbuch) -> None:
    soup = gebaut.html("foerderprogramme/sozialer-zusammenhalt/index.html")
    toc = [a["href"] for a in soup.select("nav.md-nav--secondary a")]
    assert toc == ["#sammlung-projekte", "#sammlung-programmgebiete", "#sammlung-mittelbuendelung", "#wird-erwaehnt-in"]


def test_aehnliche_praxisbeispiele(gebaut: Handbuch) -> None:
    # The documented Gesundheitskiosk shares tags with the invented Elterncafé and Lernwerkstatt,
    # but real practice is not pointed to invented examples (nor the other way round).
    assert abschnitt(gebaut.html("praxisbeispiele/gesundheitskiosk/index.html"), "aehnliche-praxisbeispiele") is None
    seite = "praxisbeispiele/lernwerkstatt/index.html"
    aehnlich = abschnitt(gebaut.html(seite), "aehnliche-praxisbeispiele")
    assert links(gebaut, seite, aehnlich) == [("Elterncafé", "praxisbeispiele/elterncafe/index.html")]
    assert abschnitt(gebaut.html("leitfaeden/verstetigung/index.html"), "aehnliche-praxisbeispiele") is None


def test_aehnlichkeit_gleicht_dem_direkten_zaehlen() -> None:
    """The subset index gives exactly the brute-force top five among entries of the same art,
    ties by title."""
    import random

    zufall = random.Random(7)
    felder = [f"hf{i}" for i in range(6)]
    programme = [f"fp{i}" for i in range(5)]
    dateien = {}
    for i in range(120):
        hf = zufall.sample(felder, zufall.randint(1, 3))
        fp = zufall.sample(programme, zufall.randint(0, 3))
        dateien[f"praxisbeispiele/p{i}.md"] = (
            f"---\ntyp: praxisbeispiel\nart: {zufall.choice(['illustrativ', 'dokumentiert'])}\ntitle: Beispiel {zufall.randint(0, 40)}\n"
            f"zusammenfassung: Zufälliges Testbeispiel für den Vergleich.\nkommune: k\n"
            f"handlungsfelder: [{', '.join(hf)}]\nfoerderprogramme: [{', '.join(fp)}]\nlaufzeit: {{von: 2020}}\n---\n"
        )
    k = Katalog.aufbauen(lesen(p, t.encode()) for p, t in dateien.items())  # references unresolved: fine here
    eintraege = list(k.eintraege.values())
    index = Aehnlichkeit.aufbauen(eintraege)
    from staedtenetz.ansichten.verwandt import tags

    for e in eintraege:
        punkte = [
            (len(tags(e) & tags(x)), x)
            for x in eintraege
            if x is not e and x.daten.art == e.daten.art and tags(e) & tags(x)
        ]
        punkte.sort(key=lambda p: (-p[0], p[1].title.casefold(), p[1].slug))
        assert [(x.slug, n) for n, x in punkte[:5]] == [(x.slug, n) for x, n in index.aehnliche(e)]


# -- change list ------------------------------------------------------------------------------


def test_letzte_aenderungen_nach_revisionsdatum(gebaut: Handbuch) -> None:
    seite = "aenderungen/index.html"
    soup = gebaut.html(seite)
    assert soup.select_one("article h1").get_text(strip=True) == "Letzte Änderungen"
    assert "Letzte Änderungen" in [a.get_text(strip=True) for a in gebaut.html("index.html").select("nav.md-nav--primary a")]
    tabelle = soup.select_one("table[data-tabelle=aenderungen]")
    zeilen = [[td.get_text(strip=True) for td in tr.select("td")] for tr in tabelle.select("tbody tr")]
    assert zeilen[0] == ["30. Juni 2025", "Lernwerkstatt", "Praxisbeispiel", "geändert"]
    assert zeilen[1] == ["1. März 2024", "Gesundheitskiosk", "Praxisbeispiel", "neu"]
    assert all(z[0] == "15. Januar 2024" and z[3] == "neu" for z in zeilen[2:])
    rest = [z[1] for z in zeilen[2:]]
    assert rest == sorted(rest, key=str.casefold)
    # Every entry of this edition once: 7 base entries + 11 new, minus draft and internal.
    assert len(zeilen) == 7 + 11 - 2 == len(links(gebaut, seite, tabelle))


def test_entwurf_und_internes_erscheinen_nirgends(gebaut: Handbuch) -> None:
    for slug in fx.GEHEIME_SLUGS:
        assert not (gebaut.site / "praxisbeispiele" / slug).exists()
    treffer = []
    for datei in gebaut.site.rglob("*"):
        if datei.is_file() and datei.suffix in (".html", ".json", ".xml"):
            inhalt = datei.read_text(encoding="utf-8", errors="replace")
            if fx.GEHEIM in inhalt or any(f"praxisbeispiele/{s}" in inhalt for s in fx.GEHEIME_SLUGS):
                treffer.append(datei.relative_to(gebaut.site).as_posix())
    assert treffer == []


def test_links_auch_ohne_use_directory_urls(tmp_path: Path) -> None:
    h = fx.anlegen(tmp_path / "h")
    h.schreiben("mkdocs.yml", "use_directory_urls: false\n" + (h.pfad / "mkdocs.yml").read_text(encoding="utf-8"))
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    seite = "praxisbeispiele/gesundheitskiosk.html"
    soup = h.html(seite)
    ziele = [z for _, z in links(h, seite, soup.select_one("article"))]
    assert "kommunen/essen.html" in ziele and "programmgebiete/essen-nordviertel.html" in ziele
    aehnlich = [z for _, z in links(h, "praxisbeispiele/lernwerkstatt.html", h.html("praxisbeispiele/lernwerkstatt.html").select_one("article"))]
    assert "praxisbeispiele/elterncafe.html" in aehnlich  # "Ähnliche Praxisbeispiele"
    assert "leitfaeden/verstetigung.html" in ziele  # "Wird erwähnt in"
    seite = "leitfaeden/verstetigung.html"
    assert [z for _, z in links(h, seite, h.html(seite).select_one("article p:has(a.wikilink)"))] == [
        "praxisbeispiele/lernwerkstatt.html",
        "praxisbeispiele/gesundheitskiosk.html",
    ]
    assert len(links(h, "aenderungen.html", h.html("aenderungen.html").select_one("table"))) == 16
    assert json.loads((h.site / "katalog.json").read_text(encoding="utf-8"))["eintraege"][0]["url"].endswith(".html")


def test_relative_adressen_wie_mkdocs() -> None:
    from mkdocs.utils import get_relative_url

    from staedtenetz.ansichten.kontext import Ansichtskontext, Verlinker

    urls = ["", "index.html", "a/", "a/b/", "a/b/c/", "x/y/", "a.html", "a/b.html", "a/b/c.html", "x/index.html", "aenderungen/"]
    kontext = Ansichtskontext(Katalog())
    for seite in urls:
        v = Verlinker(kontext, seite)
        for ziel in urls:
            assert v.relativ(ziel) == get_relative_url(ziel, seite), (ziel, seite)


def test_wikilink_auf_entwurf_bricht_den_oeffentlichen_bau_ab(tmp_path: Path) -> None:
    h = fx.anlegen(tmp_path / "h")
    h.schreiben("docs/ueber.md", "# Über\n\nBald: [[geheimprojekt]]\n")
    r = h.bauen(strict=False)
    assert r.returncode == 1
    assert (
        "docs/ueber.md:3: fehler: Der Verweis '[[geheimprojekt]]' nennt einen Eintrag, der ein Entwurf "
        "(status: entwurf) ist. In der öffentlichen Ausgabe fehlt er"
    ) in r.ausgabe
    assert "Traceback" not in r.ausgabe


def _steckbrief_html(dateien: dict[str, str], slug: str) -> str:
    from conftest import basis_eintraege
    from staedtenetz.ansichten.html import text
    from staedtenetz.ansichten.kontext import Ansichtskontext
    from staedtenetz.ansichten.html import einfuegen
    from staedtenetz.ansichten.steckbrief import steckbrief

    alle = {**basis_eintraege(), **dateien}
    k = Katalog.aufbauen(lesen(p, t.encode()) for p, t in alle.items())
    kontext = Ansichtskontext.aufbauen(k, lambda p: p[:-3] + "/")
    e = k.eintraege[slug]
    kasten = steckbrief(e, kontext.verlinker(e.pfad[:-3] + "/"), None)
    assert einfuegen("<p>ohne H1</p>", kasten).startswith('<aside class="steckbrief')
    assert einfuegen('<h1 id="t">T</h1><p>x</p>', kasten) == '<h1 id="t">T</h1>\n' + text(kasten) + "<p>x</p>"
    return text(kasten)


def test_steckbrief_markiert_interne_eintraege_und_maskiert_text() -> None:
    html = _steckbrief_html(
        {
            "leitfaeden/intern.md": (
                "---\ntyp: leitfaden\nsichtbarkeit: intern\ntitle: Intern <b>fett</b> & mehr\n"
                "zusammenfassung: Ein interner Leitfaden für die Mitgliederausgabe.\nhandlungsfelder: [bildung, sonder]\n---\n# Intern\n"
            ),
            "handlungsfelder/sonder.md": (
                "---\ntyp: handlungsfeld\ntitle: 'Schule & <b>Beruf</b> \"x\"'\nart: thematisch\n"
                "zusammenfassung: Ein Handlungsfeld mit Sonderzeichen im Titel.\n---\n"
            ),
        },
        "intern",
    )
    assert '<p class="steckbrief__hinweis steckbrief__hinweis--intern">Nur für Mitglieder</p>' in html
    assert '<li><a href="../../handlungsfelder/bildung/">Bildung</a></li>' in html
    assert '<a href="../../handlungsfelder/sonder/">Schule &amp; &lt;b&gt;Beruf&lt;/b&gt; "x"</a>' in html


def test_suche_findet_eintraege_nicht_ueber_fremde_listen(gebaut: Handbuch) -> None:
    index = json.loads((gebaut.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    essen = " ".join(d["text"] + d["title"] for d in index if d["location"].startswith("kommunen/essen/"))
    assert "Gesundheitskiosk" not in essen and "Essen Nordviertel" not in essen  # lists are excluded
    kiosk = " ".join(d["text"] for d in index if d["location"].startswith("praxisbeispiele/gesundheitskiosk/"))
    # Instead of the box, the search indexes one line with the names it links to.
    assert kiosk.startswith(
        "<p>Praxisbeispiel · Essen · Essen Nordviertel · Gesundheit, Bildung · Sozialer Zusammenhalt, BIWAQ · "
        "Testträger e. V., Stadt Essen · Familien, Ältere Menschen</p>"
    )
    seite = (gebaut.site / "praxisbeispiele/gesundheitskiosk/index.html").read_text(encoding="utf-8")
    assert "staedtenetz:" not in seite and "steckbrief-suchzeile" not in seite  # placeholders replaced
