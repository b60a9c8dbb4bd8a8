"""The live preview's check results across rebuilds (katalog.Pruefspeicher): an unchanged page
keeps its findings, a changed one is checked again – the same messages as without the store."""

from __future__ import annotations

from conftest import basis_eintraege
from staedtenetz.inhalt.frontmatter import lesen
from staedtenetz.katalog.katalog import Katalog, Pruefspeicher
from staedtenetz.pruefung import html_pruefung

SKRIPT = "# Über\n\nText.\n\n<script>alert(1)</script>\n"


def _meldungen(dateien: dict[str, str], speicher: Pruefspeicher | None) -> list[str]:
    katalog = Katalog.aufbauen((lesen(p, t.encode()) for p, t in dateien.items()), speicher)
    return [m.als_zeile() for m in katalog.meldungen]


def test_unveraenderte_seiten_behalten_ihre_befunde_geaenderte_werden_neu_geprueft(monkeypatch) -> None:
    geprueft: list[str] = []
    pruefen = html_pruefung.pruefen
    monkeypatch.setattr(html_pruefung, "pruefen", lambda q: geprueft.append(q.pfad) or pruefen(q))
    speicher = Pruefspeicher()
    seiten = {**basis_eintraege(), "ueber.md": SKRIPT}
    erster = _meldungen(seiten, speicher)
    assert sorted(geprueft) == sorted(seiten)
    assert any(z.startswith("ueber.md:5: fehler:") and "Skripte" in z for z in erster), erster
    assert erster == _meldungen(seiten, None)
    geprueft.clear()
    # Unchanged: the same findings again (from the store, for fresh sources), not twice.
    assert _meldungen(seiten, speicher) == erster
    assert _meldungen(seiten, speicher) == erster
    assert geprueft == []  # nothing checked again
    # Fixed: gone; broken again at another line: found there.
    repariert = {**seiten, "ueber.md": "# Über\n\nText.\n"}
    assert not any(z.startswith("ueber.md") for z in _meldungen(repariert, speicher))
    assert geprueft == ["ueber.md"]  # only the changed page
    wieder = {**seiten, "ueber.md": "# Über\n\n<script>alert(2)</script>\n"}
    zeilen = [z for z in _meldungen(wieder, speicher) if z.startswith("ueber.md")]
    assert len(zeilen) == 1 and zeilen[0].startswith("ueber.md:3: fehler:"), zeilen
    assert _meldungen(wieder, speicher) == _meldungen(wieder, None)
