"""Query blocks in whole builds: the table follows the catalogue, editions and backlinks hold,
and a wrong query stops the build and `staedtenetz pruefen` with the same message."""

from __future__ import annotations

from pathlib import Path

from conftest import Handbuch

PROGRAMM = """\
    ---
    typ: foerderprogramm
    title: Quartiersfonds
    zusammenfassung: Erfundenes Förderprogramm für den Bautest der Abfragen.
    foerdergeber: [Land]
    foerdergegenstand: Kleine Projekte im Quartier.
    programmstatus: {status}
    stand: 2025-03-01
    quellen: [{{titel: Quelle, url: "https://example.org/q"}}]
    ---
    # Quartiersfonds
    """

ENTWURF = """\
    ---
    typ: foerderprogramm
    title: Geheimer Entwurf
    status: entwurf
    zusammenfassung: Erfundenes Förderprogramm im Entwurf für den Bautest.
    foerdergeber: [Land]
    foerdergegenstand: Noch nicht freigegeben.
    programmstatus: laufend
    stand: 2025-03-01
    quellen: [{titel: Quelle, url: "https://example.org/q"}]
    ---
    # Geheimer Entwurf
    """

LEITFADEN = """\
    ---
    typ: leitfaden
    title: Mittel bündeln
    zusammenfassung: Testleitfaden mit einer Abfrage der Förderprogramme für den Bautest.
    ---
    # Mittel bündeln

    ## Programme zuordnen

    ```abfrage
    typ: foerderprogramm
    sortierung: [programmstatus, title]
    spalten: [title, programmstatus, stand]
    ```

    ```abfrage
    typ: praxisbeispiel
    anzeige: anzahl
    verteilt_auf: kommune
    ```
    """


def _tabelle(h: Handbuch) -> list[list[str]]:
    block = h.html("leitfaeden/mittel-buendeln/index.html").select_one(".staedtenetz-abfrage--tabelle")
    return [[" ".join(z.get_text().split()) for z in tr.find_all(["th", "td"])] for tr in block.select("tr")]


def test_programmstatus_aendert_die_tabelle_des_leitfadens(tmp_path: Path) -> None:
    h = Handbuch.anlegen(
        tmp_path / "h",
        {
            "docs/foerderprogramme/quartiersfonds.md": PROGRAMM.format(status="laufend"),
            "docs/foerderprogramme/geheimer-entwurf.md": ENTWURF,
            "docs/leitfaeden/mittel-buendeln.md": LEITFADEN,
        },
    ).git_init()
    h.commit("Grundstock", "2025-03-01T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    assert _tabelle(h) == [
        ["Titel", "Programmstatus", "Stand"],
        ["Quartiersfonds", "laufend", "1. März 2025"],
        ["Sozialer Zusammenhalt", "laufend", "18. November 2025"],
    ]
    seite = h.html("leitfaeden/mittel-buendeln/index.html")
    assert seite.select_one(".staedtenetz-abfrage--anzahl").get_text() == "1 Praxisbeispiel in 1 Kommune"
    assert "Geheimer Entwurf" not in seite.get_text()  # the public edition never shows a draft
    assert not (h.site / "foerderprogramme/geheimer-entwurf").exists()
    links = [a["href"] for a in seite.select(".staedtenetz-abfrage a")]
    assert links == ["../../foerderprogramme/quartiersfonds/", "../../foerderprogramme/sozialer-zusammenhalt/"]
    assert (h.site / "foerderprogramme/quartiersfonds/index.html").exists()
    # The programme page names the guide under "Wird erwähnt in": the query lists it.
    erwaehnt = h.html("foerderprogramme/quartiersfonds/index.html").select_one(".staedtenetz-erwaehnt")
    assert erwaehnt is not None and "Mittel bündeln" in erwaehnt.get_text()

    h.schreiben("docs/foerderprogramme/quartiersfonds.md", PROGRAMM.format(status="ausgelaufen"))
    h.commit("Quartiersfonds ausgelaufen", "2025-06-01T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    assert _tabelle(h) == [
        ["Titel", "Programmstatus", "Stand"],
        ["Sozialer Zusammenhalt", "laufend", "18. November 2025"],
        ["Quartiersfonds", "ausgelaufen", "1. März 2025"],
    ]


def test_falsche_abfrage_bricht_bau_und_pruefen_mit_derselben_meldung_ab(handbuch: Handbuch) -> None:
    handbuch.schreiben(
        "docs/uebersicht.md",
        """\
        # Übersicht

        ```abfrage
        typ: foerderprogramm
        programmstatus: laufend
        spalten: [title, programmstaus]
        ```
        """,
    )
    meldung = (
        "docs/uebersicht.md:6: fehler: Eine Spalte 'programmstaus' gibt es bei Förderprogrammen nicht. "
        "Meinten Sie 'programmstatus'?"
    )
    r = handbuch.pruefen()
    assert r.returncode == 1
    assert meldung in r.ausgabe
    b = handbuch.bauen(strict=False)
    assert b.returncode == 1
    assert meldung in b.ausgabe
    assert "Traceback" not in b.ausgabe + r.ausgabe


def test_leere_abfrage_ist_eine_warnung_die_strict_scheitern_laesst(handbuch: Handbuch) -> None:
    handbuch.schreiben(
        "docs/uebersicht.md",
        "# Übersicht\n\n```abfrage\ntyp: programmgebiet\nzustand: abgeschlossen\n```\n",
    )
    r = handbuch.pruefen()
    assert r.returncode == 0
    assert "docs/uebersicht.md:3: warnung: Die Abfrage findet in der öffentlichen Ausgabe keinen Eintrag." in r.ausgabe
    assert handbuch.bauen(strict=False).returncode == 0
    assert handbuch.bauen(strict=True).returncode == 1
