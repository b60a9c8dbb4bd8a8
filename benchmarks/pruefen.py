"""Benchmark of `staedtenetz pruefen` on generated handbooks of 1,000 and 5,000 entries.

Prints, per size, the wall time of the real command (a subprocess, as CI runs it), the time per
entry, and the ratio against a baseline measured in the same run: a bare Python process that
only reads every file and parses its front matter with libyaml (the least any check must do).
Target: ≤ 1 ms per entry on the 2-core reference machine.

    .venv/bin/python benchmarks/pruefen.py [--groessen 1000 5000] [--wiederholungen 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bauen import erzeugen  # noqa: E402  (the same generated entries as the build benchmark)

BIN = Path(sys.executable).parent
BASELINE = """
import re, sys, yaml
from pathlib import Path
rx = re.compile(r"^-{3}[ \\t]*\\n(.*?\\n)(?:\\.{3}|-{3})[ \\t]*\\n", re.DOTALL)
n = 0
for p in Path(sys.argv[1]).rglob("*.md"):
    m = rx.match(p.read_text(encoding="utf-8-sig"))
    if m:
        yaml.load(m.group(1), Loader=yaml.CSafeLoader); n += 1
print(n)
"""


def messen(befehl: list[str], cwd: Path, wiederholungen: int) -> float:
    zeiten = []
    for _ in range(wiederholungen):
        start = time.perf_counter()
        r = subprocess.run(befehl, cwd=cwd, capture_output=True, text=True)
        zeiten.append(time.perf_counter() - start)
        if r.returncode != 0:
            sys.exit(f"Befehl fehlgeschlagen ({r.returncode}): {' '.join(befehl)}\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return statistics.median(zeiten)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groessen", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--wiederholungen", type=int, default=3)
    args = ap.parse_args()
    print(f"{'Einträge':>9} {'pruefen':>9} {'je Eintrag':>11} {'Baseline':>9} {'Verhältnis':>10}  Ziel ≤ 1 ms/Eintrag")
    for n in args.groessen:
        with tempfile.TemporaryDirectory() as tmp:
            wurzel = Path(tmp)
            (wurzel / "mkdocs.yml").write_text("site_name: Benchmark\n", encoding="utf-8")
            eintraege = sum(erzeugen(wurzel / "docs", n).values())
            t = messen([str(BIN / "staedtenetz"), "pruefen"], wurzel, args.wiederholungen)
            b = messen([sys.executable, "-c", BASELINE, str(wurzel / "docs")], wurzel, args.wiederholungen)
            je = t / eintraege * 1000
            print(f"{eintraege:>9} {t:>8.2f}s {je:>8.3f} ms {b:>8.2f}s {t / b:>9.2f}x  {'ok' if je <= 1 else 'ZU LANGSAM'}")


if __name__ == "__main__":
    main()
