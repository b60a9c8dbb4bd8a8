"""Benchmark: Bauzeit und Spitzenspeicher unserer Plugins gegenüber reinem Material for MkDocs.

Erzeugt Handbücher mit 100, 1.000 und 5.000 gültigen Einträgen (überwiegend Praxisbeispiele,
dazu die Kommunen, Programmgebiete, Handlungsfelder und Förderprogramme, auf die sie verweisen)
in temporären Git-Repositorys und baut jedes im selben Lauf zweimal:

  (a) „unsere“: die vollständige Konfiguration des Repositorys (mkdocs.yml mit allen Plugins),
  (b) „Basis“:  reines Material, nur das Plugin search, dieselben Seiten außerhalb der Navigation,
                keine Plugins und keine Theme-Anpassungen von uns (die Front Matter bleibt; MkDocs
                ignoriert sie).

Ausgegeben wird eine Tabelle mit Bauzeit, Spitzenspeicher (maxrss des Bauprozesses, über
os.wait4), dem Verhältnis unsere/Basis und der Zeit je Eintrag; am Ende die Prüfung der Ziele
(≤ 1,30 bei 5.000 Einträgen, lineares Wachstum).

    .venv/bin/python benchmarks/bauen.py                  # 100, 1.000, 5.000
    .venv/bin/python benchmarks/bauen.py --groessen 100 1000
    .venv/bin/python benchmarks/bauen.py --profil 1000    # cProfile unserer Plugins bei 1.000

Kein Test: dauert einige Minuten. Ergebnisse schwanken auf geteilten Maschinen; --wiederholungen
nimmt je Messung das Minimum.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ORDNER = ("kommunen", "programmgebiete", "handlungsfelder", "foerderprogramme", "praxisbeispiele", "vorlagen", "leitfaeden")

HANDLUNGSFELDER = [
    ("bildung", "Bildung"), ("wohnen", "Wohnen"), ("wohnumfeld", "Wohnumfeld und öffentlicher Raum"),
    ("beteiligung", "Beteiligung"), ("gesundheit", "Gesundheit"), ("lokale-oekonomie", "Lokale Ökonomie"),
    ("integration", "Integration"), ("kultur", "Kultur"), ("sport", "Sport und Bewegung"),
    ("klima", "Klimaanpassung"), ("sicherheit", "Sicherheit"), ("quartiersmanagement", "Quartiersmanagement"),
]
WOERTER = (
    "Quartier Nachbarschaft Stadtteil Beteiligung Familien Kinder Jugendliche Schule Kita Verein Träger "
    "Stadtteilbüro Projekt Förderung Angebot Treffpunkt Netzwerk Verwaltung Ehrenamt Bewohnerinnen Bewohner "
    "Platz Grünfläche Spielplatz Werkstatt Beratung Sprache Arbeit Ausbildung Gesundheit Bewegung Kultur "
    "gemeinsam dauerhaft erfolgreich niedrigschwellig offen regelmäßig lokal neu weiter verstetigt"
).split()


# -- erzeugen ----------------------------------------------------------------------------------


def _satz(rnd: random.Random, n: int) -> str:
    w = [rnd.choice(WOERTER) for _ in range(n)]
    return " ".join(w).capitalize() + "."


def _absatz(rnd: random.Random) -> str:
    return " ".join(_satz(rnd, rnd.randint(8, 16)) for _ in range(rnd.randint(3, 6)))


def _seite(kopf: dict, titel: str, rnd: random.Random, abschnitte: int = 3) -> str:
    text = [f"# {titel}", ""]
    for name in ("Ausgangslage", "Vorgehen", "Übertragbarkeit")[:abschnitte]:
        text += [f"## {name}", "", _absatz(rnd), ""]
    return "---\n" + yaml.safe_dump(kopf, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n".join(text)


def erzeugen(docs: Path, anzahl: int, saat: int = 1) -> dict[str, int]:
    """Write ``anzahl`` valid entries below ``docs``; return the count per type."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from staedtenetz.inhalt import geodaten

    rnd = random.Random(saat)
    gemeinden = sorted(geodaten.gemeinden().values(), key=lambda g: g.ags)
    n_kommunen = min(len(gemeinden), max(3, anzahl // 25))
    n_gebiete = 2 * n_kommunen
    n_programme = 8
    n_praxis = anzahl - n_kommunen - n_gebiete - n_programme - len(HANDLUNGSFELDER)
    if n_praxis < 1:
        raise SystemExit(f"{anzahl} Einträge sind zu wenige für ein sinnvolles Handbuch.")
    for o in ORDNER:
        (docs / o).mkdir(parents=True, exist_ok=True)

    def schreiben(ordner: str, slug: str, inhalt: str) -> None:
        (docs / ordner / f"{slug}.md").write_text(inhalt, encoding="utf-8")

    for slug, titel in HANDLUNGSFELDER:
        schreiben("handlungsfelder", f"b-{slug}", _seite(
            {"typ": "handlungsfeld", "title": f"{titel} (Messung)", "art": "thematisch",
             "zusammenfassung": f"Erzeugtes Handlungsfeld {titel} für die Bauzeitmessung."}, titel, rnd, 1))
    programme = [f"b-programm-{i}" for i in range(n_programme)]
    for i, slug in enumerate(programme):
        schreiben("foerderprogramme", slug, _seite(
            {"typ": "foerderprogramm", "title": f"Förderprogramm {i} (Messung)",
             "zusammenfassung": "Erzeugtes Förderprogramm für die Bauzeitmessung des Handbuchs.",
             "foerdergeber": ["Land"], "foerdergegenstand": "Erzeugter Fördergegenstand.",
             "programmstatus": "laufend", "stand": "2025-01-01",
             "quellen": [{"titel": "Beispielquelle", "url": "https://example.org/quelle"}],
             "handlungsfelder": [f"b-{s}" for s, _ in rnd.sample(HANDLUNGSFELDER, 3)]}, f"Förderprogramm {i}", rnd, 1))
    kommunen = []
    for g in gemeinden[:n_kommunen]:
        slug = f"b-k{g.ags}"
        kommunen.append(slug)
        schreiben("kommunen", slug, _seite(
            {"typ": "kommune", "title": g.name, "ags": g.ags, "stand": "2025-01-01",
             "zusammenfassung": f"Erzeugte Mitgliedskommune {g.name} für die Bauzeitmessung."}, g.name, rnd, 1))
    gebiete: dict[str, list[str]] = {k: [] for k in kommunen}
    zustaende = ["laufend", "in-planung", "verstetigt", "abgeschlossen"]
    for i in range(n_gebiete):
        k = kommunen[i % n_kommunen]
        slug = f"b-gebiet-{i}"
        gebiete[k].append(slug)
        schreiben("programmgebiete", slug, _seite(
            {"typ": "programmgebiet", "title": f"Programmgebiet {i} (Messung)", "kommune": k,
             "zustand": zustaende[i % 4], "zusammenfassung": "Erzeugtes Programmgebiet für die Bauzeitmessung.",
             "foerderprogramme": rnd.sample(programme, 2)}, f"Programmgebiet {i}", rnd, 1))
    for i in range(n_praxis):
        k = rnd.choice(kommunen)
        von = rnd.randint(2005, 2024)
        kopf = {
            "typ": "praxisbeispiel", "art": "illustrativ", "title": f"Praxisbeispiel {i}: {_satz(rnd, 3)[:-1]}",
            "zusammenfassung": _satz(rnd, 14), "kommune": k, "programmgebiet": rnd.choice(gebiete[k]),
            "handlungsfelder": [f"b-{s}" for s, _ in rnd.sample(HANDLUNGSFELDER, rnd.randint(1, 3))],
            "foerderprogramme": rnd.sample(programme, rnd.randint(0, 2)),
            "laufzeit": {"von": von, **({"bis": von + rnd.randint(0, 6)} if rnd.random() < 0.8 else {})},
            "traeger": [f"Träger {rnd.randint(1, 50)}"], "zielgruppen": ["Familien", "Jugendliche"],
        }
        schreiben("praxisbeispiele", f"b-praxis-{i:05d}", _seite(kopf, kopf["title"], rnd))
    return {"praxisbeispiel": n_praxis, "kommune": n_kommunen, "programmgebiet": n_gebiete,
            "foerderprogramm": n_programme, "handlungsfeld": len(HANDLUNGSFELDER)}


# -- configurations ----------------------------------------------------------------------------


class _Markiert:
    """A YAML value with a tag we keep as it is (!ENV, !relative, !!python/name:…)."""

    def __init__(self, tag: str, knoten: yaml.Node) -> None:
        self.tag, self.knoten = tag, knoten


class _Lader(yaml.SafeLoader):
    pass


class _Schreiber(yaml.SafeDumper):
    pass


_Lader.add_multi_constructor("!", lambda lader, suffix, knoten: _Markiert("!" + suffix, knoten))
_Lader.add_multi_constructor("tag:yaml.org,2002:python/", lambda lader, suffix, knoten: _Markiert("tag:yaml.org,2002:python/" + suffix, knoten))
_Schreiber.add_representer(_Markiert, lambda s, m: _knoten_mit_tag(m))


def _knoten_mit_tag(m: _Markiert) -> yaml.Node:
    m.knoten.tag = m.tag
    return m.knoten


def basis_konfiguration(eigene: dict) -> dict:
    """Plain Material: search only, no plugin, extension or theme override of ours."""
    konf = dict(eigene)
    konf["plugins"] = [{"search": {"lang": "de"}}]
    konf.pop("hooks", None)
    theme = dict(konf.get("theme") or {})
    theme.pop("custom_dir", None)
    konf["theme"] = theme

    def fremd(ext: object) -> bool:
        name = ext if isinstance(ext, str) else next(iter(ext))  # type: ignore[call-overload]
        return not str(name).startswith("staedtenetz")

    konf["markdown_extensions"] = [e for e in konf.get("markdown_extensions", []) if fremd(e)]
    return konf


def projekt_anlegen(ziel: Path, anzahl: int) -> dict[str, int]:
    """Copy the handbook (configuration, docs, theme overrides) and add ``anzahl`` entries."""
    shutil.copytree(ROOT / "docs", ziel / "docs")
    for extra in ("overrides", "includes"):
        if (ROOT / extra).exists():
            shutil.copytree(ROOT / extra, ziel / extra)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (ziel / "mkdocs.yml").write_text(text, encoding="utf-8")
    eigene = yaml.load(text, Loader=_Lader)
    (ziel / "basis.yml").write_text(
        "# Basis der Messung: reines Material, nur search.\n"
        + yaml.dump(basis_konfiguration(eigene), Dumper=_Schreiber, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    zahlen = erzeugen(ziel / "docs", anzahl)
    env = _umgebung()
    env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = "2025-01-15T10:00:00+01:00"
    for befehl in (["init", "-q", "-b", "main"], ["add", "-A"],
                   ["-c", "user.email=messung@staedtenetz.invalid", "-c", "user.name=Messung", "commit", "-q", "-m", "Messung"]):
        subprocess.run(["git", *befehl], cwd=ziel, env=env, check=True)
    return zahlen


def _umgebung() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    return env


# -- messen ------------------------------------------------------------------------------------


@dataclass
class Messung:
    sekunden: float
    speicher_mb: float
    warnungen: int


def bauen(projekt: Path, konfiguration: str, site: str) -> Messung:
    """One ``mkdocs build`` as a child process: wall time and its peak resident memory."""
    start = time.perf_counter()
    with open(projekt / f"{site}.log", "wb") as log:
        proc = subprocess.Popen(
            [str(BIN / "mkdocs"), "build", "-f", konfiguration, "-d", site],
            cwd=projekt, env=_umgebung(), stdout=log, stderr=subprocess.STDOUT,
        )
        _, status, nutzung = os.wait4(proc.pid, 0)
    dauer = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    ausgabe = (projekt / f"{site}.log").read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"Bau mit {konfiguration} in {projekt} ist gescheitert:\n{ausgabe[-3000:]}")
    return Messung(dauer, nutzung.ru_maxrss / 1024, ausgabe.count("WARNING"))


def profil(anzahl: int, oben: int = 25) -> None:
    """Build once per configuration in this process under cProfile: the phases of MkDocs side by
    side, then where our plugin code spends its time."""
    import cProfile
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    ergebnisse: dict[str, tuple[float, pstats.Stats]] = {}
    with tempfile.TemporaryDirectory(prefix="staedtenetz-profil-") as tmp:
        projekt = Path(tmp) / "handbuch"
        projekt_anlegen(projekt, anzahl)
        alt = Path.cwd()
        os.chdir(projekt)
        try:
            for name, datei in (("unsere", "mkdocs.yml"), ("Basis", "basis.yml")):
                konf = load_config(config_file=str(projekt / datei), site_dir=str(projekt / f"site-{name}"))
                p = cProfile.Profile()
                start = time.perf_counter()
                p.runcall(build, konf)
                ergebnisse[name] = (time.perf_counter() - start, pstats.Stats(p))
        finally:
            os.chdir(alt)

    def kumuliert(stats: pstats.Stats, datei_endung: str, funktion: str) -> float:
        return sum(
            werte[3]
            for (datei, _, name), werte in stats.stats.items()  # type: ignore[attr-defined]
            if datei.endswith(datei_endung) and name == funktion
        )

    phasen = [
        ("Markdown → HTML je Seite", "mkdocs/commands/build.py", "_populate_page"),
        ("Vorlage rendern und schreiben je Seite", "mkdocs/commands/build.py", "_build_page"),
        ("  davon Suche: Seite indizieren", "material/plugins/search/plugin.py", "on_page_context"),
        ("  davon Jinja-Vorlagen", "jinja2/environment.py", "render"),
        ("Suchindex schreiben", "material/plugins/search/plugin.py", "on_post_build"),
        ("Dateien kopieren", "mkdocs/structure/files.py", "copy_static_files"),
    ]
    print(f"\nProfil: {_de(anzahl)} Einträge, Bau unter cProfile: unsere {_de(ergebnisse['unsere'][0], 1)} s, "
          f"Basis {_de(ergebnisse['Basis'][0], 1)} s\n")
    print(f"  {'Phase':40} {'unsere':>9} {'Basis':>9}")
    for titel, datei, funktion in phasen:
        werte = [kumuliert(ergebnisse[n][1], datei, funktion) for n in ("unsere", "Basis")]
        print(f"  {titel:40} {_de(werte[0], 2):>7} s {_de(werte[1], 2):>7} s")
    print("\nUnser Code und fremde Plugins im Bau mit unserer Konfiguration (kumulierte Zeit):")
    eintraege = []
    for (datei, zeile, name), (_, aufrufe, eigen, kum, _) in ergebnisse["unsere"][1].stats.items():  # type: ignore[attr-defined]
        if "staedtenetz" in datei or "git_revision" in datei or "mkdocs_git" in datei:
            eintraege.append((kum, eigen, aufrufe, f"{_kurz(datei)}:{zeile}({name})"))
    for kum, eigen, aufrufe, ort in sorted(eintraege, reverse=True)[:oben]:
        print(f"  {_de(kum, 2):>7} s kum. {_de(eigen, 2):>6} s eigen {aufrufe:8d}×  {ort}")


def _kurz(datei: str) -> str:
    for marke in ("staedtenetz/", "site-packages/"):
        if marke in datei:
            return datei.split(marke, 1)[1] if marke == "site-packages/" else "staedtenetz/" + datei.split(marke, 1)[1]
    return datei


def _de(zahl: float, stellen: int = 0) -> str:
    """German number format: 5.000 · 12,3"""
    return f"{zahl:,.{stellen}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--groessen", type=int, nargs="+", default=[100, 1000, 5000], help="Anzahl der Einträge je Handbuch")
    parser.add_argument("--wiederholungen", type=int, default=1, help="Bauten je Messung (das Minimum zählt)")
    parser.add_argument("--profil", type=int, metavar="N", help="statt der Messung: cProfile eines Baus mit N Einträgen")
    args = parser.parse_args()
    if args.profil:
        profil(args.profil)
        return

    zeilen = []
    with tempfile.TemporaryDirectory(prefix="staedtenetz-messung-") as tmp:
        for n in args.groessen:
            projekt = Path(tmp) / f"h{n}"
            zahlen = projekt_anlegen(projekt, n)
            seiten = sum(1 for _ in (projekt / "docs").rglob("*.md"))
            unsere: list[Messung] = []
            basis: list[Messung] = []
            for _ in range(args.wiederholungen):  # interleaved, so both see the same machine load
                unsere.append(bauen(projekt, "mkdocs.yml", "site-unsere"))
                basis.append(bauen(projekt, "basis.yml", "site-basis"))
            u = min(unsere, key=lambda m: m.sekunden)
            b = min(basis, key=lambda m: m.sekunden)
            zeilen.append((n, seiten, zahlen["praxisbeispiel"], u, b))
            print(f"… {n} Einträge gebaut ({u.sekunden:.1f} s / {b.sekunden:.1f} s)", file=sys.stderr, flush=True)
            shutil.rmtree(projekt)

    print()
    print("| Einträge | Seiten | Praxisbeispiele | unsere: Zeit | Basis: Zeit | Verhältnis | unsere: Speicher | Basis: Speicher | ms je Eintrag (unsere / Basis) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, seiten, praxis, u, b in zeilen:
        print(
            f"| {_de(n)} | {_de(seiten)} | {_de(praxis)} | {_de(u.sekunden, 1)} s | {_de(b.sekunden, 1)} s | "
            f"{_de(u.sekunden / b.sekunden, 2)} | {_de(u.speicher_mb)} MB | {_de(b.speicher_mb)} MB | "
            f"{_de(1000 * u.sekunden / n, 1)} / {_de(1000 * b.sekunden / n, 1)} |"
        )
    warnungen = sum(z[3].warnungen for z in zeilen)
    if warnungen:
        print(f"\nHinweis: {warnungen} Warnungen im Bau mit unserer Konfiguration (siehe Log im Projektordner).")
    print()
    ok = True
    groesste = max(zeilen, key=lambda z: z[0])
    verhaeltnis = groesste[3].sekunden / groesste[4].sekunden
    ziel = verhaeltnis <= 1.30
    ok &= ziel
    print(f"Ziel Verhältnis ≤ 1,30 bei {_de(groesste[0])} Einträgen: {_de(verhaeltnis, 2)} – {'erreicht' if ziel else 'VERFEHLT'}")
    if len(zeilen) >= 2:
        (n1, _, _, u1, b1), (n2, _, _, u2, b2) = sorted(zeilen, key=lambda z: z[0])[-2:]
        wachstum_u = (u2.sekunden / n2) / (u1.sekunden / n1)
        wachstum_b = (b2.sekunden / n2) / (b1.sekunden / n1)
        linear = wachstum_u <= 1.25
        ok &= linear
        print(
            f"Lineares Wachstum ({_de(n1)} → {_de(n2)} Einträge): Zeit je Eintrag × {_de(wachstum_u, 2)} "
            f"(Basis × {_de(wachstum_b, 2)}) – {'ja' if linear else 'NEIN'} (Grenze × 1,25)"
        )
        grenz_u = 1000 * (u2.sekunden - u1.sekunden) / (n2 - n1)
        grenz_b = 1000 * (b2.sekunden - b1.sekunden) / (n2 - n1)
        print(
            f"Grenzkosten je weiterem Eintrag ({_de(n1)} → {_de(n2)}): unsere {_de(grenz_u, 1)} ms, "
            f"Basis {_de(grenz_b, 1)} ms (× {_de(grenz_u / grenz_b, 2)}); der Rest sind feste Kosten je Bau."
        )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
