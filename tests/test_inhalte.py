"""Invariants of the handbook's own content in docs/ – checked without building the site.

These tests read the real ``docs/`` folder with the same loader as ``staedtenetz pruefen``. They
guard what the content promises its readers: every type is present, facts carry sources and a
"Stand", invented examples say so and step back, the documented case studies and area profiles
from the research file (../shared/CASES.md) are there, the contradictions it found are gone, no
private person is named, and no unfinished text slips through.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from staedtenetz.inhalt import geodaten
from staedtenetz.inhalt.abschnitte import ABSCHNITTE
from staedtenetz.katalog.laden import katalog_laden
from staedtenetz.inhalt.modell import TYPEN
from staedtenetz.pruefung.platzhalter import finden

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: Municipalities named in the undated member list on vm.nrw.de (the stored copy breaks off after
#: "Gel…": Gelsenkirchen is inferred), see ../shared/CASES.md section 3.
MITGLIEDERLISTE_URL = "http://www.vm.nrw.de/stadtentwicklung/foerderung_und_instrumente/Staedtenetz_Soziale_Stadt_NRW/index.php"
#: Municipalities with a programme-area profile of the network, missing from that list.
MITGLIEDER_LAUT_PROFIL = {"Köln", "Bielefeld"}
#: Programme areas of the research file (section 2, plus Dorsten's from project P10).
GEBIETE_DER_RECHERCHE = {
    "duisburg-marxloh", "dortmund-nordstadt", "gelsenkirchen-schalke", "gelsenkirchen-bismarck-schalke-nord",
    "gelsenkirchen-schalke-nord", "dinslaken-lohberg", "duesseldorf-rath-moersenbroich", "essen-west", "aachen-nord",
    "bielefeld-sieker-mitte", "bonn-neu-tannenbusch", "koeln-chorweiler", "dortmund-hoerde", "dorsten-wir-machen-mitte",
}
#: Areas whose state the research could not establish.
OHNE_BELEGTEN_ZUSTAND = {"duisburg-marxloh", "koeln-chorweiler", "dortmund-hoerde", "dorsten-wir-machen-mitte"}
#: Case studies graded "mittel" (or with conflicting figures) in the research: the page says what is uncertain.
UNSICHER = {
    "begegnungsstaette-marxloh", "uferviertel-niederfeldsee", "kreativquartier-lohberg", "essbares-chorweiler",
    "gruenzug-lehrstrasse", "quartiersfonds-nordstadt", "buergerpark-maria-lindenhof",
}
#: Projects that ran under another programme than Sozialer Zusammenhalt (the research marks P6, P11 and
#: P16; P18 ran under "Starke Veedel" / EU funds).
ANDERES_PROGRAMM = {"stark-im-norden", "sportgarten-glueckauf-kampfbahn", "uferviertel-niederfeldsee", "essbares-chorweiler"}
#: People named in the research file (only inside addresses of its sources): they must not appear.
PERSONEN_DER_RECHERCHE = {"eislöffel", "eisloeffel", "ossowski", "ünalgan", "uenalgan"}
#: "Herr Müller", "Bürgermeisterin Muster", "Dr. Beispiel" … – a name introduced in running text.
ANREDE_MIT_NAME = re.compile(
    r"\b(?:Herrn?|Frau|(?:Ober)?[Bb]ürgermeister(?:in)?|Minister(?:in)?|Dezernent(?:in)?|Prof\.|Dr\.)\s+"
    r"(?!med\b|phil\b|rer\b|Jansen GmbH)[A-ZÄÖÜ][a-zäöüß]+"
)
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
    assert anzahl["kommune"] >= 17
    assert anzahl["handlungsfeld"] == 15
    assert anzahl["foerderprogramm"] >= 6
    assert anzahl["programmgebiet"] >= 10
    assert anzahl["praxisbeispiel"] >= 15
    assert anzahl["vorlage"] >= 4
    assert anzahl["leitfaden"] >= 5


def test_kommunen_der_mitgliederliste_mit_gueltigem_ags(katalog):
    kommunen = katalog.nach_typ("kommune")
    assert {k.title for k in kommunen} >= MITGLIEDER_LAUT_LISTE | MITGLIEDER_LAUT_PROFIL
    gemeinden = geodaten.gemeinden()
    for k in kommunen:
        gemeinde = gemeinden.get(k.daten.ags)
        assert gemeinde is not None, f"{k.pfad}: AGS {k.daten.ags} gibt es in NRW nicht"
        assert gemeinde.name == k.title, f"{k.pfad}: AGS {k.daten.ags} gehört zu {gemeinde.name}"
        assert k.daten.quellen and all(q.stand for q in k.daten.quellen), f"{k.pfad}: Quelle ohne Stand"
        # No dated source confirms any membership by name: no entry claims a date it cannot show.
        assert k.daten.stand is None, f"{k.pfad}: 'stand' ohne datierte Quelle"
        assert "undatiert" in k.quelle.text, k.pfad
        urls = {q.url for q in k.daten.quellen}
        if k.title in MITGLIEDER_LAUT_LISTE:
            assert MITGLIEDERLISTE_URL in urls, f"{k.pfad}: Quelle der namentlichen Liste fehlt"
        else:
            assert any("soziale-stadt" in u for u in urls), f"{k.pfad}: Stadtteilprofil als Beleg fehlt"
            assert "Schlussfolgerung" in k.quelle.text, k.pfad
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


def test_dokumentierte_praxisbeispiele_aus_der_recherche(katalog):
    dokumentiert = [b for b in katalog.nach_typ("praxisbeispiel") if b.daten.art == "dokumentiert"]
    assert len(dokumentiert) >= 15
    assert len({b.daten.kommune for b in dokumentiert}) >= 8
    assert len({f for b in dokumentiert for f in b.daten.handlungsfelder}) >= 10
    for b in dokumentiert:
        assert b.daten.kommune in katalog.eintraege, b.pfad
        gebiet = katalog.eintraege.get(b.daten.programmgebiet or "")
        assert gebiet is not None and gebiet.typ == "programmgebiet", f"{b.pfad}: ohne Programmgebiet"
        assert gebiet.daten.kommune == b.daten.kommune, f"{b.pfad}: Programmgebiet einer anderen Kommune"
        assert [q for q in b.daten.quellen if q.url.startswith(("https://", "http://"))], b.pfad
        assert all(q.stand for q in b.daten.quellen), f"{b.pfad}: jede Quelle braucht ihren Stand (oder 'undatiert')"
        for abschnitt in ("Ausgangslage", "Vorgehen", "Ergebnisse", "Übertragbarkeit"):
            assert _abschnitt(b.quelle.text, abschnitt).strip(), f"{b.pfad}: Abschnitt {abschnitt} fehlt"
        assert "(Beispiel)" not in b.title and "erfunden" not in b.quelle.text.lower(), b.pfad


def test_unsichere_angaben_und_andere_programme_stehen_auf_der_seite(katalog):
    for slug in UNSICHER:
        text = katalog.eintraege[slug].quelle.text
        assert '!!! info "Was unsicher ist"' in text or "uneinheitlich" in text, f"{slug}: Unsicherheit nicht benannt"
    for slug in ANDERES_PROGRAMM:
        e = katalog.eintraege[slug]
        assert '!!! note "Anderes Förderprogramm' in e.quelle.text, slug
        assert "sozialer-zusammenhalt" not in e.daten.foerderprogramme, slug


def test_illustrative_beispiele_treten_zurueck(katalog):
    beispiele = [b for b in katalog.nach_typ("praxisbeispiel") if b.daten.art == "illustrativ"]
    assert 1 <= len(beispiele) <= 3
    # Linked as writing models from the contribution guide and from the template for case studies.
    anleitungen = [
        (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"),
        (DOCS / "vorlagen" / "praxisbeispiel-beschreiben.md").read_text(encoding="utf-8"),
    ]
    for b in beispiele:
        assert b.title.endswith("(Beispiel)"), b.pfad
        assert '!!! note "Illustratives Beispiel"' in b.quelle.text, b.pfad
        assert "erfunden" in b.quelle.text.split('!!! note "Illustratives Beispiel"', 1)[1][:400], b.pfad
        assert b.daten.programmgebiet is None, f"{b.pfad}: erfundenes Projekt an einem realen Programmgebiet"
        for abschnitt in ("Ausgangslage", "Vorgehen"):
            assert _abschnitt(b.quelle.text, abschnitt).strip(), f"{b.pfad}: Abschnitt {abschnitt} fehlt"
        datei = b.pfad.rsplit("/", 1)[1]
        assert all(datei in a for a in anleitungen), f"{b.pfad}: nicht aus der Anleitung für Beiträge verlinkt"


def test_programmgebiete_in_den_sieben_abschnitten(katalog):
    gebiete = {g.slug: g for g in katalog.nach_typ("programmgebiet")}
    assert len(gebiete) >= 10
    assert GEBIETE_DER_RECHERCHE <= set(gebiete)
    titel = [a.titel for a in ABSCHNITTE["programmgebiet"]]
    assert len(titel) == 7
    for g in gebiete.values():
        ueberschriften = re.findall(r"^## (.+?)\s*$", g.quelle.text, re.MULTILINE)
        assert ueberschriften == titel, f"{g.pfad}: {ueberschriften}"
        assert g.daten.quellen and all(q.url.startswith(("https://", "http://")) and q.stand for q in g.daten.quellen), g.pfad
        if g.daten.zustand == "ungeklaert":
            assert "nicht belegt" in g.quelle.text, f"{g.pfad}: unbelegter Zustand ohne Hinweis"
    # 'ungeklaert' only where the research found no state.
    assert {s for s, g in gebiete.items() if g.daten.zustand == "ungeklaert"} == OHNE_BELEGTEN_ZUSTAND


def test_widersprueche_der_recherche_sind_behoben(katalog):
    seiten = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md")}
    # 1. The named member list is not on the network's structure page, and the list was not "incomplete".
    for pfad, text in seiten.items():
        assert "undatiert und unvollständig" not in text, pfad
        if pfad.startswith("kommunen/"):
            assert "struktur-des-staedtenetzes" not in text or pfad == "kommunen/index.md", pfad
    ueber = seiten["ueber/index.md"]
    assert MITGLIEDERLISTE_URL in ueber and "Gel…" in ueber
    # 2. "34" comes from soziale-stadt-nrw.de, not from the Netzwerk's about page.
    for pfad, text in seiten.items():
        for punkt in re.findall(r"^- \[[^\]]*\]\((\S+)\)\n((?:  .*\n)*)", _abschnitt(text, "Quellen") + "\n", re.MULTILINE):
            if "das-netzwerk/ueber" in punkt[0]:
                assert "34" not in punkt[1], f"{pfad}: 34 Mitglieder der falschen Quelle zugeschrieben"
    # 3. Bismarck/Schalke-Nord: the old profile as source, both size figures, admission 1994 and funding 1995–2004.
    bismarck = katalog.eintraege["gelsenkirchen-bismarck-schalke-nord"]
    assert "https://www.soziale-stadt.nrw.de/stadtteile_projekte/profil.php?st=gelsenkirchen-bismarck" in {q.url for q in bismarck.daten.quellen}
    for zahl in ("650 Hektar", "19.500", "520 Hektar", "18.700", "1994", "1995–2004"):
        assert zahl in bismarck.quelle.text, zahl
    assert "noch nicht erfasst" not in bismarck.quelle.text
    assert (bismarck.daten.laufzeit.von, bismarck.daten.laufzeit.bis) == (1995, 2004)
    assert bismarck.daten.flaeche_ha and bismarck.daten.einwohner
    # 4. Schalke's programme ended in 2024 and continues without funding.
    schalke = katalog.eintraege["gelsenkirchen-schalke"].daten
    assert schalke.zustand == "verstetigt" and (schalke.laufzeit.von, schalke.laufzeit.bis) == (2008, 2024)
    # 5. Nordstadt is running; Marxloh stays unproven but has its history and population.
    assert katalog.eintraege["dortmund-nordstadt"].daten.zustand == "laufend"
    marxloh = katalog.eintraege["duisburg-marxloh"]
    assert marxloh.daten.einwohner and "1985" in marxloh.quelle.text and "2015" in marxloh.quelle.text
    # 6. "Zusammen im Quartier" did not end in 2021.
    ziq = katalog.eintraege["zusammen-im-quartier"]
    assert not re.search(r"[Ll]ief 2018–2021|von \*\*2018 bis 2021\*\*", ziq.quelle.text)
    assert ziq.daten.laufzeit.bis == 2022 and "mindestens Ende 2022" in ziq.quelle.text
    # 7. What the Beratender Ausschuss does, in the source's words.
    assert "berät die Kommunale Koordinierungsstelle" in ueber


def test_keine_namen_von_privatpersonen(katalog):
    """Names of people appear only under 'ansprechstelle.person' with consent. Checked with the
    person names that occur in the research file (in addresses of its sources) and with the usual
    ways a name is introduced in German text."""
    dateien = [*DOCS.rglob("*.md"), *(ROOT / "includes").glob("*.md"), ROOT / "CONTRIBUTING.md"]
    for datei in dateien:
        text = datei.read_text(encoding="utf-8")
        klein = text.casefold()
        for name in PERSONEN_DER_RECHERCHE:
            assert name not in klein, f"{datei.relative_to(ROOT)}: Name einer Person ('{name}')"
        for m in ANREDE_MIT_NAME.finditer(text):
            raise AssertionError(f"{datei.relative_to(ROOT)}: '{m.group(0)}' – Personen nur als Ansprechstelle mit Einwilligung")
    for e in katalog.eintraege.values():
        stelle = getattr(e.daten, "ansprechstelle", None)
        if stelle is not None and stelle.person:
            assert stelle.einwilligung, e.pfad


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
    assert "includes/abkuerzungen.md" in konfiguration and "pymdownx.snippets" in konfiguration


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


def test_jede_seite_besteht_das_json_schema(katalog):
    """The published JSON Schema (what editors and the form use) accepts every entry of the
    handbook, read as a form would send it (dates as text) – the same verdict as the model."""
    import json

    import jsonschema
    import yaml

    schema = json.loads((DOCS / "schema" / "eintrag.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for e in katalog.eintraege.values():
        daten = json.loads(json.dumps(yaml.safe_load(e.quelle.text.split("---")[1]), default=str))
        assert [f.message for f in validator.iter_errors(daten)] == [], e.pfad
