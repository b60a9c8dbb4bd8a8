"""The workflows run with least privilege: zizmor (offline) finds nothing above "low", every
action is pinned by commit hash with its tag as a comment, checkout keeps no credentials, and
only the publishing job may write to GitHub Pages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import BIN, ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
STUFEN = ["unknown", "informational", "low", "medium", "high"]


def _zizmor() -> str:
    programm = BIN / "zizmor"
    if programm.exists():
        return str(programm)
    gefunden = shutil.which("zizmor")
    if gefunden is None:
        pytest.fail("zizmor fehlt: pip install -r requirements.lock (Paket zizmor).")
    return gefunden


def _befunde(*pfade) -> list[dict]:
    r = subprocess.run(
        [_zizmor(), "--offline", "--format", "json", "--no-progress", *map(str, pfade)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert r.returncode in (0, 10, 11, 12, 13, 14), r.stderr
    return json.loads(r.stdout or "[]")


def _stufe(befund: dict) -> str:
    return str(befund.get("determinations", {}).get("severity", "unknown")).lower()


def test_zizmor_findet_nichts_ueber_niedrig() -> None:
    schwer = [
        f"{b['ident']} ({_stufe(b)}): {b.get('desc', '')}"
        for b in _befunde(*WORKFLOWS)
        if STUFEN.index(_stufe(b)) > STUFEN.index("low")
    ]
    assert schwer == []


def test_zizmor_findet_wirklich_etwas(tmp_path) -> None:
    kaputt = tmp_path / ".github/workflows/kaputt.yml"
    kaputt.parent.mkdir(parents=True)
    kaputt.write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v5\n      - run: echo \"${{ github.event.pull_request.title }}\"\n"
    )
    idents = {b["ident"] for b in _befunde(kaputt)}
    assert {"unpinned-uses", "template-injection", "artipacked"} <= idents


def _jobs():
    for pfad in WORKFLOWS:
        daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
        for name, job in daten["jobs"].items():
            yield pfad.name, daten, name, job


def test_rechte_je_job_und_nur_die_bereitstellung_schreibt() -> None:
    for datei, daten, name, job in _jobs():
        assert daten.get("permissions") == {}, datei  # nothing for the whole run
        rechte = job.get("permissions")
        assert isinstance(rechte, dict), f"{datei}: {name}"
        schreibt = {k for k, v in rechte.items() if v == "write"}
        laeuft = [s.get("run", "") for s in job.get("steps", [])]
        if schreibt:
            assert (datei, name, schreibt) == ("veroeffentlichen.yml", "bereitstellen", {"pages", "id-token"})
            assert not any(laeuft), "der schreibende Job führt keine Befehle aus"
        else:
            assert rechte == {"contents": "read"}, f"{datei}: {name}"


def test_actions_per_commit_hash_und_ohne_zugangsdaten() -> None:
    for pfad in WORKFLOWS:
        for zeile in pfad.read_text(encoding="utf-8").splitlines():
            if "uses:" in zeile:
                assert re.search(r"uses: [\w-]+/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", zeile), zeile
    for datei, _, name, job in _jobs():
        for schritt in job.get("steps", []):
            if str(schritt.get("uses", "")).startswith("actions/checkout@"):
                assert schritt.get("with", {}).get("persist-credentials") is False, f"{datei}: {name}"
