"""Golden tests of the content checks: front matter in, German messages out (no build)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import basis_eintraege
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.katalog.katalog import Katalog

FAELLE = yaml.safe_load((Path(__file__).parent / "golden" / "pruefung.yaml").read_text(encoding="utf-8"))


def pruefen(dateien: dict[str, str], basis: bool = True) -> list[str]:
    alle = {**(basis_eintraege() if basis else {}), **dateien}
    katalog = Katalog.aufbauen(lesen(pfad, text.encode("utf-8")) for pfad, text in alle.items())
    return [m.als_zeile() for m in katalog.meldungen]


@pytest.mark.parametrize("fall", FAELLE, ids=[f["name"] for f in FAELLE])
def test_golden(fall: dict) -> None:
    tatsaechlich = pruefen(fall["dateien"], basis=not fall.get("ohne_basis"))
    erwartet = fall["erwartet"]
    assert len(tatsaechlich) == len(erwartet), "\n".join(tatsaechlich)
    for soll, ist in zip(sorted(erwartet), sorted(tatsaechlich)):
        assert ist.startswith(soll), f"\nerwartet: {soll}\nbekommen: {ist}"
