"""Benchmark: was das Glossar (Tooltips aus includes/abkuerzungen.md) am Bau kostet.

Baut ein erzeugtes Handbuch (Generator aus benchmarks/bauen.py, Standard 1.000 Einträge) mit
der vollen Konfiguration in drei Varianten, abwechselnd im selben Lauf:

  (a) „glossary“:    wie ausgeliefert – das Plugin liest die Datei einmal und gibt sie der
                     Markdown-Erweiterung abbr (Option glossary),
  (b) „auto_append“: wie früher – pymdownx.snippets hängt die Datei an jede Seite an,
  (c) „ohne“:        ohne Glossar (untere Grenze).

Ausgegeben werden je Variante der Median der Bauzeit und die Mehrkosten gegenüber (c), sowie,
ob (a) und (b) dieselben Seiten erzeugen (dieselben <abbr>-Elemente im Inhalt). Davor, weniger
anfällig für die Last anderer Prozesse: die Markdown-Umwandlung allein (Python-Markdown mit den
Erweiterungen aus mkdocs.yml) der erzeugten Praxisbeispiele, je Seite, die drei Varianten
abwechselnd.

    .venv/bin/python benchmarks/glossar.py
    .venv/bin/python benchmarks/glossar.py --eintraege 1000 --paare 2

Kein Test: dauert einige Minuten.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bauen import _de, bauen, projekt_anlegen  # noqa: E402

_ABBR = re.compile(r"<abbr\b[^>]*>[^<]*</abbr>")


def varianten(projekt: Path) -> dict[str, str]:
    """Write the three configurations next to mkdocs.yml; name -> file name."""
    text = (projekt / "mkdocs.yml").read_text(encoding="utf-8")
    if "    glossar: includes/abkuerzungen.md\n" not in text:
        raise SystemExit("mkdocs.yml hat keine Zeile 'glossar: includes/abkuerzungen.md' unter staedtenetz/katalog.")
    ohne = text.replace("    glossar: includes/abkuerzungen.md\n", "")
    anhaengen = ohne.replace(
        "markdown_extensions:\n",
        "markdown_extensions:\n  - pymdownx.snippets:\n      auto_append:\n        - includes/abkuerzungen.md\n      check_paths: true\n",
        1,
    )
    dateien = {"glossary": "mkdocs.yml", "auto_append": "glossar-anhaengen.yml", "ohne": "glossar-ohne.yml"}
    (projekt / dateien["auto_append"]).write_text(anhaengen, encoding="utf-8")
    (projekt / dateien["ohne"]).write_text(ohne, encoding="utf-8")
    return dateien


def markdown_je_seite(projekt: Path, seiten: int = 200) -> dict[str, float]:
    """Milliseconds per page for converting generated pages with Python-Markdown, per variant."""
    import markdown
    import yaml

    from bauen import _Lader

    sys.path.insert(0, str(projekt.parent.parent))
    from staedtenetz.inhalt.glossar import lesen

    konf = yaml.load((projekt / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lader)
    namen, einstellungen = [], {}
    for ext in konf["markdown_extensions"]:
        name, werte = (next(iter(ext.items())) if isinstance(ext, dict) else (ext, None))
        namen.append(name)
        if werte:
            einstellungen[name] = werte
    glossar = lesen(projekt / "includes/abkuerzungen.md")
    anhang = "\n\n" + (projekt / "includes/abkuerzungen.md").read_text(encoding="utf-8")
    texte = [p.read_text(encoding="utf-8").split("---", 2)[2] for p in sorted((projekt / "docs/praxisbeispiele").glob("*.md"))[:seiten]]
    varianten_ = {
        "glossary": ({**einstellungen, "abbr": {"glossary": glossar}}, ""),
        "auto_append": (einstellungen, anhang),
        "ohne": (einstellungen, ""),
    }
    zeiten: dict[str, list[float]] = {n: [] for n in varianten_}
    for _ in range(3):
        for name, (cfg, zusatz) in varianten_.items():
            start = time.perf_counter()
            for text in texte:
                markdown.Markdown(extensions=namen, extension_configs=cfg).convert(text + zusatz)
            zeiten[name].append(1000 * (time.perf_counter() - start) / len(texte))
    return {n: statistics.median(z) for n, z in zeiten.items()}


def abbr_je_seite(site: Path) -> dict[str, list[str]]:
    return {p.relative_to(site).as_posix(): _ABBR.findall(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eintraege", type=int, default=1000)
    parser.add_argument("--paare", type=int, default=1, help="Durchläufe aller drei Varianten (abwechselnd)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="staedtenetz-glossar-") as tmp:
        projekt = Path(tmp) / "h"
        projekt_anlegen(projekt, args.eintraege)
        dateien = varianten(projekt)
        je_seite = markdown_je_seite(projekt)
        print("Markdown je Seite (ms): " + ", ".join(f"{n} {v:.2f}" for n, v in je_seite.items()), file=sys.stderr, flush=True)
        bauen(projekt, "glossar-ohne.yml", "site-aufwaermen")  # warm caches (downloads, Python imports)
        zeiten: dict[str, list[float]] = {name: [] for name in dateien}
        reihenfolge = list(dateien.items())
        for durchlauf in range(args.paare):
            # a different order in every pass, so no variant is always first after the warm-up
            k = durchlauf % len(reihenfolge)
            for name, datei in reihenfolge[k:] + reihenfolge[:k]:
                zeiten[name].append(bauen(projekt, datei, f"site-{name}").sekunden)
                print(f"… {name}: {zeiten[name][-1]:.1f} s", file=sys.stderr, flush=True)
        gleich = abbr_je_seite(projekt / "site-glossary") == abbr_je_seite(projekt / "site-auto_append")
        mit_abbr = sum(1 for v in abbr_je_seite(projekt / "site-glossary").values() if v)
    ohne = statistics.median(zeiten["ohne"])
    print()
    print(f"Handbuch mit {_de(args.eintraege)} Einträgen, {args.paare} Durchlauf/Durchläufe je Variante (Median)")
    print("| Variante | Bauzeit | Mehrkosten gegenüber ohne Glossar |")
    print("|---|---:|---:|")
    for name in dateien:
        m = statistics.median(zeiten[name])
        print(f"| {name} | {_de(m, 1)} s | {_de(m - ohne, 1)} s |")
    print("\nMarkdown-Umwandlung allein, je Praxisbeispiel (Median aus 3 Durchläufen):")
    print("| Variante | ms je Seite | Mehrkosten je Seite |")
    print("|---|---:|---:|")
    for name, ms in je_seite.items():
        print(f"| {name} | {_de(ms, 2)} | {_de(ms - je_seite['ohne'], 2)} |")
    print(f"\nGleiche <abbr>-Elemente in (a) und (b) auf allen Seiten: {'ja' if gleich else 'NEIN'} ({mit_abbr} Seiten mit Tooltips)")
    sys.exit(0 if gleich else 1)


if __name__ == "__main__":
    main()
