"""Editions: drafts and internal entries are removed from the catalogue before any view."""

from __future__ import annotations

from conftest import Handbuch, basis_eintraege
from staedtenetz.inhalt.ausgabe import Ausgabe
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.katalog.katalog import Katalog

ENTWURF = """\
---
typ: leitfaden
status: entwurf
title: Geheimer Entwurf
zusammenfassung: Ein Entwurf mit dem Merkmal ENTWURF-7f3a, das nirgends erscheinen darf.
---
# Geheimer Entwurf
"""
INTERN = ENTWURF.replace("status: entwurf", "sichtbarkeit: intern").replace("ENTWURF-7f3a", "INTERN-91bc")


def katalog(**dateien: str) -> Katalog:
    alle = {**basis_eintraege(), **{f"leitfaeden/{k}.md": v for k, v in dateien.items()}}
    return Katalog.aufbauen(lesen(p, t.encode()) for p, t in alle.items())


def test_oeffentliche_ausgabe_ohne_entwuerfe_und_interne() -> None:
    k = katalog(entwurf=ENTWURF, intern=INTERN)
    weg = k.einschraenken(Ausgabe())
    assert sorted(e.slug for e in weg) == ["entwurf", "intern"]
    assert "entwurf" not in k.eintraege and "intern" not in k.eintraege
    assert k.meldungen == []


def test_vorschau_zeigt_entwuerfe_mitgliederausgabe_interne() -> None:
    k = katalog(entwurf=ENTWURF, intern=INTERN)
    assert [e.slug for e in k.einschraenken(Ausgabe(entwuerfe=True))] == ["intern"]
    k = katalog(entwurf=ENTWURF, intern=INTERN)
    assert [e.slug for e in k.einschraenken(Ausgabe(intern=True))] == ["entwurf"]


def test_verweis_auf_internes_ist_in_der_oeffentlichen_ausgabe_ein_fehler() -> None:
    verweisend = """\
---
typ: praxisbeispiel
art: illustrativ
title: Verweisend
zusammenfassung: Ein öffentliches Beispiel, das ein internes Förderprogramm nennt.
kommune: essen
handlungsfelder: [bildung]
foerderprogramme:
  - sozialer-zusammenhalt
  - geheimfonds
laufzeit: {von: 2021}
---
"""
    geheim = basis_eintraege()["foerderprogramme/sozialer-zusammenhalt.md"].replace(
        "title: Sozialer Zusammenhalt", "title: Geheimfonds\nsichtbarkeit: intern"
    ).replace("# Sozialer Zusammenhalt", "# Geheimfonds")
    alle = {**basis_eintraege(), "praxisbeispiele/verweisend.md": verweisend, "foerderprogramme/geheimfonds.md": geheim}
    k = Katalog.aufbauen(lesen(p, t.encode()) for p, t in alle.items())
    k.einschraenken(Ausgabe())
    assert [m.als_zeile() for m in k.meldungen] == [
        "praxisbeispiele/verweisend.md:10: fehler: 'foerderprogramme' verweist auf 'geheimfonds', und das ist "
        "nur für Mitglieder (sichtbarkeit: intern). In der öffentlichen Ausgabe fehlt es, der Verweis ginge ins "
        "Leere. Entfernen Sie den Verweis oder geben Sie 'geheimfonds' zuerst frei."
    ]
    assert [e.slug for e in k.verweise_auf("sozialer-zusammenhalt")] == ["lernwerkstatt", "verstetigung", "verweisend"]  # by title


def test_entwurf_fehlt_im_produktionsbau(handbuch: Handbuch) -> None:
    handbuch.schreiben("docs/leitfaeden/entwurf.md", ENTWURF)
    r = handbuch.bauen()
    assert r.returncode == 0, r.ausgabe
    assert "Nicht in der öffentlichen Ausgabe: 1 Eintrag (Entwürfe, in Prüfung oder intern): entwurf" in r.ausgabe
    assert not (handbuch.site / "leitfaeden/entwurf").exists()
    treffer = [p for p in handbuch.site.rglob("*") if p.is_file() and b"ENTWURF-7f3a" in p.read_bytes()]
    assert treffer == []
