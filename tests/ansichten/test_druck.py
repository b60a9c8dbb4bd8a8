"""Print styles in real headless Chromium: printing a page leaves only its content, with the
addresses of external links written out."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from conftest import Handbuch

pytestmark = pytest.mark.browser

SEITE = """\
---
typ: leitfaden
title: Druckprobe
zusammenfassung: Ein Testleitfaden, der gedruckt werden soll, mit einem externen Link.
---
# Druckprobe

Mehr dazu bei der [Städtebauförderung NRW](https://www.staedtebaufoerderung.nrw/).

## Abschnitt

| Spalte | Wert |
|---|---|
| A | 1 |
"""


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory: pytest.TempPathFactory) -> Handbuch:
    h = Handbuch.anlegen(tmp_path_factory.mktemp("druck") / "h", {"docs/leitfaeden/druckprobe.md": SEITE}).git_init()
    h.commit("Druckprobe", "2024-01-15T10:00:00+01:00")
    r = h.bauen()
    assert r.returncode == 0, r.ausgabe
    return h


def _anzeige(seite, selektor: str) -> str:
    return seite.eval_on_selector(selektor, "e => getComputedStyle(e).display")


def test_druckansicht_zeigt_nur_den_inhalt(seite, gebaut: Handbuch, webserver) -> None:
    basis = webserver(gebaut.site)
    seite.goto(basis + "leitfaeden/druckprobe/")
    assert _anzeige(seite, ".md-header") != "none"
    seite.emulate_media(media="print")
    for selektor in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".vorlage-downloads"):
        assert _anzeige(seite, selektor) == "none", selektor
    assert _anzeige(seite, ".md-content h1") == "block"
    danach = seite.eval_on_selector(
        'a[href="https://www.staedtebaufoerderung.nrw/"]', "a => getComputedStyle(a, '::after').content"
    )
    assert danach == '" (https://www.staedtebaufoerderung.nrw/)"'

    # The printed document itself: content and link address, no navigation or search.
    pdf = PdfReader(io.BytesIO(seite.pdf(format="A4")))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert "Druckprobe" in text and "Abschnitt" in text
    assert "Mehr dazu bei der Städtebauförderung NRW (https://www.staedtebaufoerderung.nrw/)." in text
    assert "Spalte Wert A 1" in text
    assert "Suche" not in text and "Testhandbuch" not in text
    assert len(pdf.pages) == 1
