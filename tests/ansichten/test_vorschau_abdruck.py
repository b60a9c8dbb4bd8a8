"""Which pages the live preview renders again (ansichten/vorschau.py) and the pages of a listing
(ansichten/liste.py) – pure functions of the catalogue, without a build."""

from __future__ import annotations

import textwrap

from conftest import basis_eintraege
from staedtenetz.ansichten import liste, vorschau
from staedtenetz.ansichten.kontext import Ansichtskontext
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.katalog.katalog import Katalog

SEITEN = {**basis_eintraege(), "index.md": "# Start\n", "ueber.md": "# Über\n\nSiehe [[essen]].\n"}


def _stand(dateien: dict[str, str], alt: vorschau.Stand | None = None, gesamt: object = "konfig") -> vorschau.Stand:
    katalog = Katalog.aufbauen(lesen(p, t.encode()) for p, t in dateien.items())
    kontext = Ansichtskontext.aufbauen(katalog, lambda p: p.removesuffix(".md") + "/")
    inhalte = {p: vorschau.inhaltsschluessel(t.encode()) for p, t in dateien.items()}
    return vorschau.stand(katalog, kontext, inhalte, {}, list(dateien), gesamt, alt)


def test_unveraendert_nichts_neu_und_erster_bau_alles() -> None:
    a = _stand(SEITEN)
    assert vorschau.neu_zu_bauen(None, a) is None
    assert vorschau.neu_zu_bauen(a, _stand(SEITEN, a)) == set()
    # Configuration, theme or git history changed: everything.
    assert vorschau.neu_zu_bauen(a, _stand(SEITEN, a, gesamt="anders")) is None


def test_textaenderung_nur_die_seite_titel_auch_die_nachbarn() -> None:
    a = _stand(SEITEN)
    dateien = dict(SEITEN)
    pfad = "praxisbeispiele/lernwerkstatt.md"
    dateien[pfad] = dateien[pfad] + "\nNeuer Satz.\n"
    neu = vorschau.neu_zu_bauen(a, _stand(dateien, a))
    # The entry and the pages that show parts of it (fact boxes, collections: conservatively
    # every neighbour in the graph) – not the unrelated pages.
    assert pfad in neu
    assert neu <= {pfad, "kommunen/essen.md", "programmgebiete/essen-testviertel.md", "handlungsfelder/bildung.md",
                   "foerderprogramme/sozialer-zusammenhalt.md"}
    assert "index.md" not in neu and "vorlagen/isek.md" not in neu and "ueber.md" not in neu

    dateien = dict(SEITEN)
    dateien["kommunen/essen.md"] = dateien["kommunen/essen.md"].replace("title: Essen", "title: Essen an der Ruhr")
    neu = vorschau.neu_zu_bauen(a, _stand(dateien, a))
    # Everything that names Essen: its Praxisbeispiel and Programmgebiet, and the page with [[essen]].
    assert {"kommunen/essen.md", "praxisbeispiele/lernwerkstatt.md", "programmgebiete/essen-testviertel.md", "ueber.md"} <= neu
    assert "vorlagen/isek.md" not in neu


def test_neuer_verweis_baut_das_ziel_neu_und_fehler_zeigen_sich() -> None:
    a = _stand(SEITEN)
    dateien = dict(SEITEN)
    dateien["vorlagen/isek.md"] = dateien["vorlagen/isek.md"].replace("handlungsfelder: [bildung]", "handlungsfelder: [bildng]")
    neu = vorschau.neu_zu_bauen(a, _stand(dateien, a))
    assert {"vorlagen/isek.md", "handlungsfelder/bildung.md"} <= neu  # the error box, the lost backlink


def test_seiten_der_liste() -> None:
    assert liste.seite_der_liste("praxisbeispiele/index.md") == liste.Listenseite("praxisbeispiel", 1)
    assert liste.seite_der_liste("praxisbeispiele/seite-12.md") == liste.Listenseite("praxisbeispiel", 12)
    assert liste.seite_der_liste("praxisbeispiele/seite-1.md") is None
    assert liste.seite_der_liste("praxisbeispiele/seite-02.md") is None
    assert liste.seite_der_liste("ueber/seite-2.md") is None
    assert liste.seitenpfad("vorlage", 3) == "vorlagen/seite-3.md"
    assert liste.seitenzahl(0, 50) == 1 and liste.seitenzahl(50, 50) == 1 and liste.seitenzahl(51, 50) == 2
    assert liste.sichtbare_seiten(1, 1) == [1]
    assert liste.sichtbare_seiten(1, 9) == [1, 2, 3, None, 9]
    assert liste.sichtbare_seiten(5, 9) == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert liste.sichtbare_seiten(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert liste.sichtbare_seiten(4, 20) == [1, 2, 3, 4, 5, 6, None, 20]  # a gap of one page is filled


def test_dokumentierte_praxisbeispiele_zuerst() -> None:
    dateien = dict(SEITEN)
    dateien["praxisbeispiele/aaa.md"] = dateien["praxisbeispiele/lernwerkstatt.md"].replace("title: Lernwerkstatt", "title: Aaa").replace("# Lernwerkstatt", "# Aaa")
    dateien["praxisbeispiele/zzz.md"] = textwrap.dedent(
        dateien["praxisbeispiele/lernwerkstatt.md"]
        .replace("title: Lernwerkstatt", "title: Zzz")
        .replace("# Lernwerkstatt", "# Zzz")
        .replace("art: illustrativ", "art: dokumentiert")
        .replace("laufzeit:", "quellen:\n  - titel: Quelle\n    url: https://example.org/q\nlaufzeit:")
    )
    katalog = Katalog.aufbauen(lesen(p, t.encode()) for p, t in dateien.items())
    assert not katalog.fehler, katalog.fehler
    assert [e.title for e in liste.eintraege(katalog, "praxisbeispiel")] == ["Zzz", "Aaa", "Lernwerkstatt"]
