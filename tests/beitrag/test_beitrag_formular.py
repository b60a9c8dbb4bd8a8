"""One contract, two readers: the Word template downloaded from a built site, filled in as a person
would, gives the same entry through the form in the browser (docx_lesen.js → Beitragspaket) as
through `staedtenetz import`; and the package from the browser imports cleanly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml

from beitrag_fixture import ausfuellen
pytestmark = pytest.mark.browser


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def _ueberschriften(text: str) -> list[str]:
    return [z for z in text.splitlines() if z.startswith("#")]


def test_vorlage_im_browser_wie_mit_import(tmp_path: Path, formular_seite) -> None:
    # The real form page (conftest.formular_seite; it also fails the test on any script error).
    h, seite, _ = formular_seite

    # The template as the contribution page offers it, filled in with a photo and its caption.
    href = seite.get_attribute("a[href$='vorlage-praxisbeispiel.docx']", "href")
    vorlage = (h.site / "beitragen/einreichen" / href).resolve()
    gefuellt = ausfuellen(vorlage, tmp_path / "lernwerkstatt.docx")

    # In the browser: read, check, package.
    seite.set_input_files("#beitrag-word", str(gefuellt))
    seite.wait_for_function("document.getElementById('beitrag-word-meldung').textContent.includes('übernommen')")
    assert seite.locator("#beitrag-fehler").is_hidden(), seite.inner_text("#beitrag-fehler")
    with seite.expect_download() as laden:
        seite.click("#beitrag-paket")
    paket = tmp_path / "paket.zip"
    paket.write_bytes(Path(laden.value.path()).read_bytes())
    with zipfile.ZipFile(io.BytesIO(paket.read_bytes())) as z:
        md = next(n for n in z.namelist() if n.endswith(".md"))
        aus_browser = z.read(md).decode("utf-8")
        assert sorted(z.namelist()) == ["beitrag.json", md, md[:-3] + "/foto-1.png"]

    # With `staedtenetz import`: the same front matter, the same sections.
    i = h.run("staedtenetz", "import", str(gefuellt))
    assert i.returncode == 0, i.ausgabe
    aus_import = (h.pfad / md).read_text(encoding="utf-8")
    assert _front_matter(aus_browser) == _front_matter(aus_import)
    leer = {"## Übertragbarkeit"}  # left empty in the document: the form keeps the heading to fill in
    assert [u for u in _ueberschriften(aus_browser) if u not in leer] == _ueberschriften(aus_import)

    # The browser's package replaces it and passes the checks.
    i = h.run("staedtenetz", "import", "--ersetzen", str(paket))
    assert i.returncode == 0, i.ausgabe
    p = h.pruefen()
    assert p.returncode == 0, p.ausgabe
