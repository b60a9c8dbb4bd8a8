"""Golden tests of the strict contract (issue 10): every corpus case, file, line, level and
German text, as `staedtenetz pruefen` reports it (the same loader, without the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import basis_eintraege
from staedtenetz.katalog.laden import katalog_laden
from vertrag_fixture import faelle

FAELLE = faelle()


@pytest.fixture(scope="module")
def meldungen(tmp_path_factory) -> dict[str, list[str]]:
    """All cases in one docs folder (their slugs differ), checked once: path -> messages."""
    docs = tmp_path_factory.mktemp("vertrag") / "docs"
    for pfad, text in {**basis_eintraege(), **{f.pfad: f.text for f in FAELLE}}.items():
        ziel = docs / pfad
        ziel.parent.mkdir(parents=True, exist_ok=True)
        ziel.write_text(text, encoding="utf-8")
    katalog = katalog_laden(docs)
    nach_pfad: dict[str, list[str]] = {}
    for m in katalog.meldungen:
        nach_pfad.setdefault(m.pfad, []).append(m.als_zeile())
    return nach_pfad


def test_korpus_gross_genug() -> None:
    assert len(FAELLE) >= 80
    assert sum(f.gueltig for f in FAELLE) >= 15  # agreement on "valid" counts as much


def test_grundstock_ohne_meldung(meldungen) -> None:
    basis = set(basis_eintraege())
    assert {p: m for p, m in meldungen.items() if p in basis} == {}


@pytest.mark.parametrize("fall", FAELLE, ids=[f.id for f in FAELLE])
def test_golden(fall, meldungen) -> None:
    ist = sorted(meldungen.get(fall.pfad, []))
    soll = sorted(fall.erwartet)
    assert len(ist) == len(soll), "\n".join(ist)
    for s, i in zip(soll, ist):
        assert i.startswith(s), f"\nerwartet: {s}\nbekommen: {i}"
