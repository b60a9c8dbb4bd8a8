"""One contract: the corpus (tests/pruefung/golden/vertrag.yaml) through every checker.

- ``staedtenetz pruefen --strict`` and ``mkdocs build --strict`` on one handbook holding every
  case: the same messages per file (so the same verdict per file), and the same exit code;
  a few cases also alone, so the per-case exit codes of the two are compared for real;
- check-jsonschema (a standard JSON Schema validator, pinned, with format checks) reading each
  front matter as an editor does (YAML 1.2), on the committed docs/schema/eintrag.schema.json;
- the submission form's validator (vendored Ajv, einreichen.js) in Chromium, given the data as
  check-jsonschema reads it.

Every verdict agrees, except the cases marked ``nur_pruefen`` (rules no JSON Schema validator
can know; listed in the schema's description). The figures are printed (pytest -s).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import BIN, ROOT, Handbuch
from vertrag_fixture import NUR_PRUEFEN, Fall, faelle

FAELLE = faelle()
SCHEMA = ROOT / "docs" / "schema" / "eintrag.schema.json"
ZEILE_RE = re.compile(r"^(?:(?:ERROR|WARNING)\s+-\s+)?(?:\[?staedtenetz\]?:?\s+)?docs/(.+?):(\d+): (fehler|warnung): (.*)$")


def _meldungen(ausgabe: str) -> dict[str, list[str]]:
    """docs-relative path -> its messages ("zeile: stufe: text", first line of each), from the
    output of pruefen or the log of a build."""
    nach_pfad: dict[str, list[str]] = {}
    for zeile in ausgabe.splitlines():
        m = ZEILE_RE.match(zeile.strip())
        if m:
            nach_pfad.setdefault(m.group(1), []).append(f"{m.group(2)}: {m.group(3)}: {m.group(4)}")
    return {p: sorted(v) for p, v in nach_pfad.items()}


def _handbuch(ziel: Path, faelle: list[Fall]) -> Handbuch:
    return Handbuch.anlegen(ziel, {f"docs/{f.pfad}": f.text.encode("utf-8") for f in faelle})


@pytest.fixture(scope="module")
def alle(tmp_path_factory) -> dict:
    h = _handbuch(tmp_path_factory.mktemp("korpus") / "h", FAELLE)
    pruefen = h.pruefen("--strict")
    bau = h.bauen(strict=True)
    return {"pruefen": pruefen, "bau": bau}


def test_pruefen_und_bau_melden_dasselbe_je_datei(alle) -> None:
    aus_pruefen = _meldungen(alle["pruefen"].stdout)
    aus_bau = _meldungen(alle["bau"].stderr + alle["bau"].stdout)
    for f in FAELLE:
        assert aus_bau.get(f.pfad, []) == aus_pruefen.get(f.pfad, []), f.id
        assert len(aus_pruefen.get(f.pfad, [])) == len(f.erwartet), f.id
    assert set(aus_bau) == set(aus_pruefen)
    assert alle["pruefen"].returncode == alle["bau"].returncode == 1


# One case of each kind alone: the exit code of pruefen and build, strict and not, compared
# for real (the per-file agreement above gives the verdict of every other case).
STICHPROBE = [
    "gueltig-praxisbeispiel",  # valid: 0 / 0
    "falscher-ordner",  # only a warning: 0 without --strict, 1 with
    "leerzeile-vor-front-matter",  # the front matter not found
    "endung-md-txt",  # a file the build would copy verbatim
    "kosten-tausenderpunkt",  # a YAML misreading
    "bis-vor-von",  # a rule of the model
]


@pytest.mark.parametrize("fall_id", STICHPROBE)
def test_exitcode_wie_der_bau(fall_id, tmp_path) -> None:
    fall = next(f for f in FAELLE if f.id == fall_id)
    h = _handbuch(tmp_path / "h", [fall])
    for streng in (True, False):
        schalter = "--strict" if streng else "--nicht-strict"
        p, b = h.pruefen(schalter), h.bauen(strict=streng)
        assert p.returncode == b.returncode, (fall_id, streng, p.stdout, b.stderr)
        erwartet = 1 if (fall.erwartet and (streng or not fall.gueltig)) else 0
        assert p.returncode == erwartet, (fall_id, streng, p.stdout)


# -- the JSON Schema validators ------------------------------------------------------------


def _schema_faelle() -> list[Fall]:
    return [f for f in FAELLE if f.frontmatter is not None and f.pfad.endswith(".md")]


@pytest.fixture(scope="module")
def check_jsonschema(tmp_path_factory) -> dict[str, bool]:
    """case id -> valid? by check-jsonschema (format checks on, ECMAScript regexes)."""
    ordner = tmp_path_factory.mktemp("fm")
    dateien = []
    for f in _schema_faelle():
        (ordner / f"{f.id}.yaml").write_text(f.frontmatter, encoding="utf-8")
        dateien.append(f"{f.id}.yaml")
    r = subprocess.run(
        [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), "-o", "json", *dateien],
        cwd=ordner,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode in (0, 1), r.stderr
    bericht = json.loads(r.stdout)
    falsch = {Path(e["filename"]).stem for e in bericht.get("errors", []) + bericht.get("parse_errors", [])}
    return {f.id: f.id not in falsch for f in _schema_faelle()}


def _wie_check_jsonschema(text: str):
    """The data of a front matter as check-jsonschema reads it (its own YAML loader), or None
    if it cannot read it."""
    from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader

    laden = impl2loader(construct_yaml_implementation(), construct_yaml_implementation(pure=True))
    try:
        return laden(io.BytesIO(text.encode("utf-8")))
    except Exception:  # any YAML error: not readable, so not valid
        return None


@pytest.fixture(scope="module")
def formular_site(tmp_path_factory) -> Path:
    h = Handbuch.anlegen(tmp_path_factory.mktemp("formular") / "h")
    assert h.bauen().returncode == 0
    return h.site


def _form_urteile(seite, webserver, site: Path) -> dict[str, list[dict]]:
    """case id -> the form validator's messages ([] = valid) in Chromium."""
    basis = webserver(site)
    seite.goto(basis)
    # einreichen.js (with the validator) is loaded only on the form page; this fixture has none.
    seite.add_script_tag(url=basis + "assets/staedtenetz/formular_dom.js")  # its DOM helpers
    seite.add_script_tag(url=basis + "assets/staedtenetz/einreichen.js")
    seite.wait_for_function("() => window.StaedtenetzVertrag !== undefined")
    daten = {f.id: _wie_check_jsonschema(f.frontmatter) for f in _schema_faelle()}
    lesbar = {k: v for k, v in daten.items() if v is not None}
    ergebnis = seite.evaluate(
        """async ([basis, faelle]) => {
            const p = await window.StaedtenetzVertrag.laden(basis);
            const aus = {};
            for (const [id, d] of Object.entries(faelle)) aus[id] = p.pruefen(d);
            return aus;
        }""",
        [basis, lesbar],
    )
    return {k: ergebnis.get(k, [{"pfad": [], "text": "nicht lesbar"}]) for k in daten}


@pytest.mark.browser
def test_drei_pruefer_ein_urteil(alle, check_jsonschema, formular_site, seite, webserver, capsys) -> None:
    aus_pruefen = _meldungen(alle["pruefen"].stdout)
    form = _form_urteile(seite, webserver, formular_site)
    verglichen, ausgenommen, abweichend = 0, Counter(), []
    gleiche_texte = 0
    for f in _schema_faelle():
        p = not any(": fehler: " in m for m in aus_pruefen.get(f.pfad, []))
        c = check_jsonschema[f.id]
        j = not form[f.id]
        if f.nur_pruefen:
            ausgenommen[f.nur_pruefen] += 1
            assert aus_pruefen.get(f.pfad), f"{f.id}: a pruefen-only rule must be reported by pruefen"
            continue
        verglichen += 1
        if not (p == c == j):
            abweichend.append(f"{f.id}: pruefen={p} check-jsonschema={c} formular={j} {form[f.id]}")
        texte = {m.split(": ", 2)[2].split("\n")[0] for m in aus_pruefen.get(f.pfad, [])}
        if form[f.id] and all(any(t.startswith(m["text"].split("\n")[0]) or m["text"].startswith(t) for t in texte) for m in form[f.id]):
            gleiche_texte += 1
    ungueltig = sum(1 for f in _schema_faelle() if not f.nur_pruefen and not f.gueltig)
    with capsys.disabled():
        print(
            f"\nVertrag: {len(FAELLE)} Fälle; {verglichen} von allen drei Prüfern beurteilt, "
            f"{verglichen - len(abweichend)} gleich ({len(abweichend)} abweichend); ausgenommen "
            f"{dict(ausgenommen)} + {len(FAELLE) - len(_schema_faelle())} Dateifälle (datei); "
            f"gleicher Text in Formular und pruefen bei {gleiche_texte} von {ungueltig} Fehlerfällen.",
            file=sys.stderr,
        )
    assert abweichend == []
    assert verglichen >= 80
    assert set(ausgenommen) <= set(NUR_PRUEFEN)
