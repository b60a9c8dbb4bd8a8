"""Invariants of the handbook's own content in docs/ – checked without building the site.

These tests read the real ``docs/`` folder with the same loader as ``staedtenetz pruefen``. They
guard what the content promises its readers: every type is present, facts carry sources and a
"Stand", invented examples say so, and no unfinished text slips through.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from staedtenetz.inhalt import geodaten
from staedtenetz.katalog.laden import katalog_laden
from staedtenetz.inhalt.modell import TYPEN
from staedtenetz.pruefung.platzhalter import finden

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: Municipalities named in the network's public (undated, partial) member list.
MITGLIEDER_LAUT_LISTE = {
    "Aachen", "Ahlen", "Baesweiler", "Bonn", "Brühl", "Castrop-Rauxel", "Detmold", "Dinslaken",
    "Dorsten", "Dortmund", "Düren", "Düsseldorf", "Duisburg", "Essen", "Gelsenkirchen",
}
AG_THEMEN = {
    "Wohnumfeldverbesserung", "Ökologie und Umweltgerechtigkeit", "Lokale Ökonomie", "Bildung",
    "Kultur", "Sport und Freizeit", "Integration und Inklusion", "Gesundheit und Sicherheit",
    "Imageverbesserung und Stadtteilmarketing", "Bürger*innenbeteiligung und -aktivierung",
    "Klimaschutz und Klimaanpassung",
}
INSTRUMENTELL = {"Quartiersmanagement", "Aktivierung und Beteiligung", "Ressourcenbündelung", "Monitoring und Evaluation"}
GLOSSAR_PFLICHT = {
    "ISEK", "Verfügungsfonds", "Verstetigung", "Quartiersmanagement", "Gesamtmaßnahme", "Programmgebiet",
    "BIWAQ", "EFRE", "ESF Plus", "Städtebauförderung", "Fördersatz", "Ratsbeschluss",
}
LINK_RE = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


@pytest.fixture(scope="module")
def katalog():
    return katalog_laden(DOCS)


def _abschnitt(text: str, ueberschrift: str) -> str:
    """The body of the section '## <ueberschrift>' up to the next heading of level 1 or 2."""
    m = re.search(rf"^## {re.escape(ueberschrift)}\s*$(.*?)(?=^#{{1,2}} |\Z)", text, re.MULTILINE | re.DOTALL)
    return m.group(1) if m else ""


def test_inhalte_sind_fehler_und_warnungsfrei(katalog):
    assert [m.als_zeile(m.pfad) for m in katalog.meldungen] == []


def test_jeder_typ_hat_eintraege(katalog):
    anzahl = {typ: len(katalog.nach_typ(typ)) for typ in TYPEN}
    assert all(n >= 1 for n in anzahl.values()), anzahl
    assert anzahl["kommune"] >= 15
    assert anzahl["handlungsfeld"] == 15
    assert anzahl["foerderprogramm"] >= 6
    assert anzahl["programmgebiet"] >= 4
    assert anzahl["vorlage"] >= 4
    assert anzahl["leitfaden"] >= 5


def test_kommunen_der_mitgliederliste_mit_gueltigem_ags(katalog):
    kommunen = katalog.nach_typ("kommune")
    assert {k.title for k in kommunen} >= MITGLIEDER_LAUT_LISTE
    gemeinden = geodaten.gemeinden()
    for k in kommunen:
        gemeinde = gemeinden.get(k.daten.ags)
        assert gemeinde is not None, f"{k.pfad}: AGS {k.daten.ags} gibt es in NRW nicht"
        assert gemeinde.name == k.title, f"{k.pfad}: AGS {k.daten.ags} gehört zu {gemeinde.name}"
        assert k.daten.stand is not None and k.daten.quellen, k.pfad
        assert "undatiert" in k.quelle.text and "unvollständig" in k.quelle.text, k.pfad
    assert len({k.daten.ags for k in kommunen}) == len(kommunen)


def test_handlungsfelder_der_ag_und_instrumentelle(katalog):
    felder = {e.title: e.daten for e in katalog.nach_typ("handlungsfeld")}
    assert set(felder) == AG_THEMEN | INSTRUMENTELL
    assert {t for t, d in felder.items() if d.art == "instrumentell"} == INSTRUMENTELL
    reihenfolge = [d.reihenfolge for d in felder.values()]
    assert None not in reihenfolge and len(set(reihenfolge)) == len(reihenfolge)
    assert all(d.quellen for d in felder.values())


def test_foerderprogramme_zeigen_stand_und_quellen(katalog):
    programme = katalog.nach_typ("foerderprogramm")
    slugs = {p.slug for p in programme}
    assert {"sozialer-zusammenhalt", "biwaq", "wohnviertel-im-wandel", "starke-quartiere-starke-menschen",
            "kfw-432-energetische-stadtsanierung", "zusammen-im-quartier"} <= slugs
    for p in programme:
        assert p.daten.stand is not None, p.pfad
        assert p.daten.quellen and all(q.url.startswith(("https://", "http://")) for q in p.daten.quellen), p.pfad
        assert p.daten.foerdergeber and p.daten.foerdergegenstand, p.pfad
        quellen_im_text = LINK_RE.findall(_abschnitt(p.quelle.text, "Quellen"))
        assert len(quellen_im_text) >= 1, f"{p.pfad}: Abschnitt 'Quellen' ohne Link"
    status = {p.slug: p.daten.programmstatus for p in programme}
    assert status["starke-quartiere-starke-menschen"] == "ausgelaufen"
    assert status["zusammen-im-quartier"] == "ungeklaert"


def test_praxisbeispiele_erfundene_sind_gekennzeichnet(katalog):
    beispiele = katalog.nach_typ("praxisbeispiel")
    assert len(beispiele) >= 8
    kombinationen = set()
    for b in beispiele:
        kombinationen.add((tuple(sorted(b.daten.handlungsfelder)), tuple(sorted(b.daten.foerderprogramme))))
        if b.daten.art == "dokumentiert":
            assert b.daten.quellen, b.pfad
            continue
        assert b.title.endswith("(Beispiel)"), b.pfad
        assert '!!! note "Illustratives Beispiel"' in b.quelle.text, b.pfad
        assert "erfunden" in b.quelle.text.split('!!! note "Illustratives Beispiel"', 1)[1][:400], b.pfad
        assert b.daten.programmgebiet is None, f"{b.pfad}: erfundenes Projekt an einem realen Programmgebiet"
        for abschnitt in ("Ausgangslage", "Vorgehen"):
            assert _abschnitt(b.quelle.text, abschnitt).strip(), f"{b.pfad}: Abschnitt {abschnitt} fehlt"
    assert len(kombinationen) == len(beispiele), "Jedes Beispiel soll eine eigene Kombination zeigen"


def test_programmgebiete_nennen_quellen(katalog):
    for g in katalog.nach_typ("programmgebiet"):
        assert g.daten.quellen, g.pfad
        assert LINK_RE.findall(_abschnitt(g.quelle.text, "Quellen")), g.pfad
        if g.daten.zustand == "ungeklaert":
            assert "nicht belegt" in g.quelle.text, f"{g.pfad}: unbelegter Zustand ohne Hinweis"
        else:
            assert g.daten.laufzeit or "Quellen" in g.quelle.text, g.pfad


def test_vorlagen_haben_platzhalter_ueberschriften_und_tabelle(katalog):
    for v in katalog.nach_typ("vorlage"):
        koerper = v.quelle.text.split("\n---\n", 1)[1]
        assert re.search(r"\[[^\]\n(]+\](?!\()", koerper), f"{v.pfad}: keine [Platzhalter]"
        assert len(re.findall(r"^## ", koerper, re.MULTILINE)) >= 3, v.pfad
        assert re.search(r"^\|[-| ]+\|$", koerper, re.MULTILINE), f"{v.pfad}: keine Tabelle"
        assert not finden(koerper), f"{v.pfad}: Betreiber-Platzhalter gehören nicht in Vorlagen"
    isek = katalog.eintraege["isek-gliederung"].quelle.text
    assert "25 Seiten" in isek
    assert [int(n) for n in re.findall(r"^## (\d) ", isek, re.MULTILINE)] == [1, 2, 3, 4, 5, 6, 7]


def test_glossar_hat_mindestens_30_begriffe():
    text = (DOCS / "glossar.md").read_text(encoding="utf-8")
    zeilen = text.splitlines()
    begriffe = [zeilen[i - 1].strip() for i, z in enumerate(zeilen) if z.startswith(":   ") and zeilen[i - 1].strip()]
    assert len(begriffe) >= 30, begriffe
    assert len(set(begriffe)) == len(begriffe)
    namen = {re.sub(r"\s*\(.*\)$", "", b) for b in begriffe}
    assert GLOSSAR_PFLICHT <= namen, GLOSSAR_PFLICHT - namen


def test_abkuerzungen_fuer_tooltips():
    datei = ROOT / "includes" / "abkuerzungen.md"
    definitionen = re.findall(r"^\*\[([^\]]+)\]: \S", datei.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(definitionen) >= 30
    assert {"ISEK", "BIWAQ", "EFRE", "ESF Plus", "Verfügungsfonds", "Programmgebiet"} <= set(definitionen)
    konfiguration = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "glossar: includes/abkuerzungen.md" in konfiguration  # read once, for the abbr extension


def test_seiten_fuer_die_oeffentlichkeit():
    for seite in ("impressum.md", "datenschutz.md", "barrierefreiheit.md", "leichte-sprache.md", "gebaerdensprache.md"):
        assert (DOCS / seite).is_file(), seite
    for seite in ("impressum.md", "datenschutz.md", "barrierefreiheit.md", "gebaerdensprache.md"):
        assert finden((DOCS / seite).read_text(encoding="utf-8")), f"{seite}: Felder für den Betreiber fehlen"
    barrierefreiheit = (DOCS / "barrierefreiheit.md").read_text(encoding="utf-8")
    for muss in ("WCAG 2.1", "BGG NRW", "BITV NRW", "Ombudsverfahren", "sechs Wochen"):
        assert muss in barrierefreiheit, muss
    datenschutz = (DOCS / "datenschutz.md").read_text(encoding="utf-8")
    assert "Art. 13" in datenschutz and "keine Cookies" in datenschutz
    assert "§ 5" in (DOCS / "impressum.md").read_text(encoding="utf-8")
    start = (DOCS / "index.md").read_text(encoding="utf-8").splitlines()
    assert "<!-- karte -->" in start
    assert any("leichte-sprache.md" in z for z in start) and any("gebaerdensprache.md" in z for z in start)


def test_keine_platzhaltertexte_oder_notizen_in_docs():
    verboten = re.compile(r"\b(TODO|FIXME|XXX)\b|lorem ipsum", re.IGNORECASE)
    funde = []
    for datei in sorted([*DOCS.rglob("*.md"), *(ROOT / "includes").glob("*.md")]):
        for nr, zeile in enumerate(datei.read_text(encoding="utf-8").splitlines(), 1):
            if verboten.search(zeile):
                funde.append(f"{datei.relative_to(ROOT)}:{nr}: {zeile.strip()}")
    assert funde == []
