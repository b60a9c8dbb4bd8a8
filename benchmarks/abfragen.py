"""Benchmark: was 100 Abfrageblöcke (```abfrage) die Bauzeit eines großen Handbuchs kosten.

Erzeugt mit dem Generator aus ``bauen.py`` ein Handbuch (Standard: 5.000 Einträge) und eine
Kopie, in der 100 Praxisbeispiel-Seiten je einen Abfrageblock tragen (Tabellen, Listen und
Anzahlen mit Filtern auf Handlungsfeld, Kommune, Förderprogramm und Laufzeit, mit Sortierung und
Begrenzung). Beide werden im selben Lauf abwechselnd gebaut (Paare „ohne, mit“), damit beide
dieselbe Last der Maschine sehen; verglichen werden die Mediane. Ziel: weniger als 5 % mehr
Bauzeit.

Auf einer geteilten Maschine schwankt die Bauzeit von Bau zu Bau leicht um mehr als 5 %. Deshalb
misst das Skript zusätzlich in einem Bau im eigenen Prozess, wie viel CPU-Zeit der Code der
Abfragen selbst braucht (Prüfen und Auswerten im Katalog, Rendern in der Markdown-Erweiterung),
im Verhältnis zur CPU-Zeit des ganzen Baus – dieser Anteil hängt kaum von der Last ab.

    .venv/bin/python benchmarks/abfragen.py                 # 5.000 Einträge, 3 Paare
    .venv/bin/python benchmarks/abfragen.py --eintraege 1000 --paare 5

Kein Test: dauert einige Minuten.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bauen import HANDLUNGSFELDER, _de, _umgebung, bauen, projekt_anlegen  # noqa: E402

ZIEL = 0.05


def abfragen(kommunen: list[str], programme: list[str]) -> list[str]:
    """100 query blocks of every kind, different filters, each one finding entries."""
    bloecke = []
    for i in range(100):
        hf = f"b-{HANDLUNGSFELDER[i % len(HANDLUNGSFELDER)][0]}"
        art = i % 5
        if art == 0:
            text = f"typ: praxisbeispiel\nhandlungsfelder: {hf}\nsortierung: -laufzeit.von\nanzahl: 10\nspalten: [title, kommune, laufzeit]"
        elif art == 1:
            text = f"typ: praxisbeispiel\nkommune: {kommunen[i % len(kommunen)]}\nanzeige: liste\nspalten: [laufzeit]"
        elif art == 2:
            text = f"typ: praxisbeispiel\nhandlungsfelder: {hf}\nanzeige: anzahl\nverteilt_auf: kommune"
        elif art == 3:
            text = f"typ: foerderprogramm\nprogrammstatus: laufend\nhandlungsfelder: {hf}\nsortierung: title"
        else:
            text = f"typ: praxisbeispiel\nfoerderprogramme: {programme[i % len(programme)]}\nlaufzeit: ab 2015\nsortierung: [kommune, title]\nanzahl: 20"
        bloecke.append(f"\n## Passende Einträge\n\n```abfrage\n{text}\n```\n")
    return bloecke


def mit_abfragen(projekt: Path) -> int:
    docs = projekt / "docs"
    kommunen = sorted(p.stem for p in (docs / "kommunen").glob("b-k*.md"))
    programme = sorted(p.stem for p in (docs / "foerderprogramme").glob("b-programm-*.md"))
    seiten = sorted((docs / "praxisbeispiele").glob("b-praxis-*.md"))[:100]
    for seite, block in zip(seiten, abfragen(kommunen, programme)):
        with open(seite, "a", encoding="utf-8") as f:
            f.write(block)
    env = _umgebung()
    env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = "2025-01-16T10:00:00+01:00"
    subprocess.run(["git", "-c", "user.email=messung@staedtenetz.invalid", "-c", "user.name=Messung",
                    "commit", "-q", "-am", "100 Abfragen"], cwd=projekt, env=env, check=True)
    return len(seiten)


def anteil(projekt: Path) -> tuple[float, float, float]:
    """One build of ``projekt`` in this process: (CPU seconds of the whole build, CPU seconds in
    the query code, wall seconds)."""
    import os
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from staedtenetz.ansichten import abfrage as ansicht
    from staedtenetz.katalog import abfrage as katalogteil

    verbraucht = [0.0]

    def gemessen(funktion):
        def huelle(*args, **kwargs):
            start = time.process_time()
            try:
                return funktion(*args, **kwargs)
            finally:
                verbraucht[0] += time.process_time() - start
        return huelle

    alt_aufloesen, alt_run = katalogteil.aufloesen, ansicht._Vorverarbeitung.run
    katalogteil.aufloesen = gemessen(alt_aufloesen)
    ansicht._Vorverarbeitung.run = gemessen(alt_run)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    arbeitsordner = Path.cwd()
    os.chdir(projekt)
    try:
        konf = load_config(config_file=str(projekt / "mkdocs.yml"), site_dir=str(projekt / "site-anteil"))
        start_cpu, start = time.process_time(), time.perf_counter()
        build(konf)
        return time.process_time() - start_cpu, verbraucht[0], time.perf_counter() - start
    finally:
        os.chdir(arbeitsordner)
        katalogteil.aufloesen, ansicht._Vorverarbeitung.run = alt_aufloesen, alt_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eintraege", type=int, default=5000)
    parser.add_argument("--paare", type=int, default=3, help="abwechselnde Bauten ohne/mit Abfragen")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="staedtenetz-abfragen-") as tmp:
        ohne = Path(tmp) / "ohne"
        projekt_anlegen(ohne, args.eintraege)
        mit = Path(tmp) / "mit"
        shutil.copytree(ohne, mit, symlinks=True)
        n = mit_abfragen(mit)
        zeiten: dict[str, list[float]] = {"ohne": [], "mit": []}
        for paar in range(args.paare):
            for name, projekt in (("ohne", ohne), ("mit", mit)):
                m = bauen(projekt, "mkdocs.yml", "site")
                zeiten[name].append(m.sekunden)
                print(f"… Paar {paar + 1}, {name}: {m.sekunden:.1f} s, {m.warnungen} Warnungen", file=sys.stderr, flush=True)
        cpu_bau, cpu_abfragen, wand = anteil(mit)
        gerendert = sum(p.read_text(encoding="utf-8").count('class="staedtenetz-abfrage ') for p in (mit / "site" / "praxisbeispiele").rglob("index.html"))
        if gerendert != n:
            raise SystemExit(f"Erwartet {n} gerenderte Abfragen, gefunden {gerendert}.")

    median_ohne = statistics.median(zeiten["ohne"])
    median_mit = statistics.median(zeiten["mit"])
    verhaeltnisse = [m / o for o, m in zip(zeiten["ohne"], zeiten["mit"])]
    mehr = median_mit / median_ohne - 1
    print()
    print(f"| Einträge | Abfragen | Paare | ohne (Median) | mit (Median) | Mehraufwand | Median der Paar-Verhältnisse |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {_de(args.eintraege)} | {n} | {args.paare} | {_de(median_ohne, 1)} s | {_de(median_mit, 1)} s | "
        f"{_de(100 * mehr, 1)} % | {_de(statistics.median(verhaeltnisse), 3)} |"
    )
    print(f"\nEinzelwerte ohne: {', '.join(_de(z, 1) for z in zeiten['ohne'])} s; mit: {', '.join(_de(z, 1) for z in zeiten['mit'])} s")
    print(
        f"Im eigenen Prozess (ein Bau mit Abfragen, {_de(wand, 1)} s): CPU-Zeit des Baus {_de(cpu_bau, 1)} s, "
        f"davon im Code der Abfragen {_de(cpu_abfragen, 2)} s = {_de(100 * cpu_abfragen / cpu_bau, 2)} %"
    )
    ok = mehr < ZIEL
    print(f"Ziel: weniger als {_de(100 * ZIEL)} % Mehraufwand (Mediane) – {'erreicht' if ok else 'VERFEHLT'}; "
          f"CPU-Anteil der Abfragen {'unter' if cpu_abfragen / cpu_bau < ZIEL else 'ÜBER'} {_de(100 * ZIEL)} %")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
