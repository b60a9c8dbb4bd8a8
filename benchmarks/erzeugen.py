"""Generated handbooks for benchmarks: N valid entries with realistic front matter.

Shared by the benchmark scripts. The entries are synthetic test data (``Beispiel …``), not
handbook content.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from staedtenetz.geodaten import gemeinden

HANDLUNGSFELDER = [
    "bildung", "kultur", "lokale-oekonomie", "gesundheit", "wohnumfeld", "integration",
    "sport-und-freizeit", "klimaschutz", "beteiligung", "quartiersmanagement",
]
FOERDERPROGRAMME = ["sozialer-zusammenhalt", "biwaq", "wohnviertel-im-wandel", "kfw-432", "starke-quartiere"]


def handbuch_erzeugen(docs: Path, anzahl: int, seed: int = 1) -> None:
    """Write ``anzahl`` typed entries below ``docs`` (kommunen, handlungsfelder,
    foerderprogramme, programmgebiete and the rest as praxisbeispiele)."""
    rnd = random.Random(seed)
    kommunen = sorted(gemeinden().values(), key=lambda g: g.ags)[:40]
    dateien: dict[str, str] = {"index.md": "# Benchmark\n"}
    for g in kommunen:
        slug = f"k-{g.ags}"
        dateien[f"kommunen/{slug}.md"] = _fm(
            typ="kommune", title=g.name, ags=g.ags, stand="2025-06-30",
            zusammenfassung=f"Kommune {g.name} als Testeintrag für den Benchmark.",
        ) + f"# {g.name}\n"
    for hf in HANDLUNGSFELDER:
        dateien[f"handlungsfelder/{hf}.md"] = _fm(
            typ="handlungsfeld", title=hf.replace("-", " ").title(), art="thematisch",
            zusammenfassung="Handlungsfeld als Testeintrag für den Benchmark.",
        ) + "# Handlungsfeld\n"
    for fp in FOERDERPROGRAMME:
        dateien[f"foerderprogramme/{fp}.md"] = _fm(
            typ="foerderprogramm", title=fp, zusammenfassung="Förderprogramm als Testeintrag für den Benchmark.",
            foerdergeber=["Bund", "Land"], foerdergegenstand="Maßnahmen in Programmgebieten.",
            programmstatus="laufend", stand="2025-11-18",
            quellen=[{"titel": "Quelle", "url": "https://www.staedtebaufoerderung.nrw"}],
            handlungsfelder=rnd.sample(HANDLUNGSFELDER, 2),
        ) + "# Förderprogramm\n"
    gebiete = []
    for i, g in enumerate(kommunen):
        slug = f"gebiet-{i}"
        gebiete.append((slug, f"k-{g.ags}"))
        dateien[f"programmgebiete/{slug}.md"] = _fm(
            typ="programmgebiet", title=f"{g.name} Testviertel", kommune=f"k-{g.ags}",
            zustand=rnd.choice(["laufend", "in-planung", "verstetigt", "abgeschlossen"]),
            zusammenfassung="Programmgebiet als Testeintrag für den Benchmark.",
            laufzeit={"von": 2015, "bis": 2024},
        ) + "# Programmgebiet\n"
    rest = max(0, anzahl - len(dateien) + 1)
    for i in range(rest):
        gebiet, kommune = rnd.choice(gebiete)
        von = rnd.randint(2005, 2024)
        dateien[f"praxisbeispiele/beispiel-{i:05d}.md"] = _fm(
            typ="praxisbeispiel", art="illustrativ", title=f"Beispiel {i}",
            zusammenfassung=f"Synthetisches Praxisbeispiel Nummer {i} für die Leistungsmessung des Handbuchs.",
            kommune=kommune, programmgebiet=gebiet,
            handlungsfelder=rnd.sample(HANDLUNGSFELDER, rnd.randint(1, 3)),
            foerderprogramme=rnd.sample(FOERDERPROGRAMME, rnd.randint(1, 2)),
            laufzeit={"von": von, "bis": von + rnd.randint(1, 5)},
            traeger=["Stadtteilbüro"], zielgruppen=["Kinder", "Eltern"],
            kosten={"gesamt": rnd.randint(10, 2000) * 1000},
        ) + f"# Beispiel {i}\n\n## Ausgangslage\n\nText.\n\n## Vorgehen\n\nText.\n\n## Übertragbarkeit\n\nText.\n"
    for pfad, text in dateien.items():
        datei = docs / pfad
        datei.parent.mkdir(parents=True, exist_ok=True)
        datei.write_text(text, encoding="utf-8")


def _fm(**felder: object) -> str:
    # JSON is valid YAML: one line per key keeps the generator simple.
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in felder.items()) + "---\n\n"
