"""Benchmark: Bauzeit, Spitzenspeicher und Leseerlebnis unserer Plugins gegenüber Material.

Erzeugt Handbücher mit 1.000 und 5.000 gültigen Einträgen (überwiegend Praxisbeispiele, dazu die
Kommunen, Programmgebiete, Handlungsfelder und Förderprogramme, auf die sie verweisen) in
temporären Git-Repositorys und baut jedes im selben Lauf mit drei Konfigurationen:

  unsere   die vollständige Konfiguration des Repositorys (mkdocs.yml mit allen Plugins); ab 400
           Einträgen rendert sie die Einträge in einem Prozess je Kern (plugins/parallel.py),
  unsere-1 dieselbe Konfiguration in einem Prozess (STAEDTENETZ_PROZESSE=1): was der Bau auf
           einem Kern kostet – Basis und rein nutzen immer nur einen,
  Basis    Material mit denselben Markdown-Erweiterungen (abbr ohne unser Glossar, das das Plugin lädt),
           derselben Navigation und denselben Seiten außerhalb der Navigation, nur search,
           keine Plugins und keine Theme-Anpassungen von uns (basis.yml),
  rein     wirklich reines Material: wie Basis, aber ohne Markdown-Erweiterungen (rein.yml).

Ablauf je Größe: ein erster Bau mit unserer Konfiguration füllt den Zwischenspeicher der
Downloads (DOCX/ODT/PDF) – seine Zeit steht als „kalter Zwischenspeicher“ in einer eigenen
Zeile –, danach mehrere verschränkte Durchgänge unsere → Basis → rein (derselbe warme
Zwischenspeicher, dieselbe Last der Maschine für alle drei; jeder Bau beginnt mit leerem
site-Ordner, gelöscht, bevor die Uhr läuft). Berichtet werden Median und
Spannweite der Zeiten, der Median der Verhältnisse je Durchgang (Wand- und CPU-Zeit), der
Spitzenspeicher (maxrss über os.wait4) und die Grenzkosten je weiterem Eintrag zwischen den
Größen (Linearität). Dazu, einmal:

  - die Basis mit allen Einträgen IN der Navigation bei 2.000 Einträgen (in-nav.yml), gegen
    unsere und die Basis bei derselben Größe;
  - die Listenseite der Praxisbeispiele in Chromium (benchmarks/liste.py): gzip-Größe,
    DOM-Elemente, Zeit bis interaktiv bei 4× CPU-Drosselung, Filterklick bis gezeichnet;
  - die Suche je Anfrage (benchmarks/suche.py, falls vorhanden);
  - die Live-Vorschau: Speichern bis neu geladene Seite bei 1.000 Einträgen (benchmarks/vorschau.py).

    .venv/bin/python benchmarks/bauen.py                          # 1.000 und 5.000, 3 Durchgänge
    .venv/bin/python benchmarks/bauen.py --groessen 100 1000 --durchgaenge 2 --in-nav 0
    .venv/bin/python benchmarks/bauen.py --profil 1000            # cProfile unserer Plugins bei 1.000

Kein Test: dauert etwa 15 Minuten auf 2 Kernen. Ergebnisse schwanken auf geteilten Maschinen;
darum Verhältnisse aus demselben Lauf und die CPU-Zeit daneben.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
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
    # PyYAML leaves '05119000' unquoted (no valid octal for YAML 1.1, a number for YAML 1.2): the
    # handbook refuses such a line, so the AGS is always written in quotes.
    kopf_text = re.sub(r"^ags: '?([0-9]{8})'?$", r'ags: "\1"', yaml.safe_dump(kopf, allow_unicode=True, sort_keys=False), flags=re.M)
    return "---\n" + kopf_text + "---\n\n" + "\n".join(text)


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
             "zusammenfassung": f"Erzeugtes Handlungsfeld {titel} für die Bauzeitmessung."}, f"{titel} (Messung)", rnd, 1))
    programme = [f"b-programm-{i}" for i in range(n_programme)]
    for i, slug in enumerate(programme):
        schreiben("foerderprogramme", slug, _seite(
            {"typ": "foerderprogramm", "title": f"Förderprogramm {i} (Messung)",
             "zusammenfassung": "Erzeugtes Förderprogramm für die Bauzeitmessung des Handbuchs.",
             "foerdergeber": ["Land"], "foerdergegenstand": "Erzeugter Fördergegenstand.",
             "programmstatus": "laufend", "stand": "2025-01-01",
             "quellen": [{"titel": "Beispielquelle", "url": "https://example.org/quelle"}],
             "handlungsfelder": [f"b-{s}" for s, _ in rnd.sample(HANDLUNGSFELDER, 3)]}, f"Förderprogramm {i} (Messung)", rnd, 1))
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
             "foerderprogramme": rnd.sample(programme, 2)}, f"Programmgebiet {i} (Messung)", rnd, 1))
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


def rein_konfiguration(basis: dict) -> dict:
    """Truly plain Material: the baseline without any Markdown extension."""
    konf = dict(basis)
    konf.pop("markdown_extensions", None)
    return konf


def in_nav_konfiguration(basis: dict) -> dict:
    """The baseline with every page in the navigation (MkDocs' automatic nav of all pages)."""
    konf = dict(basis)
    konf.pop("nav", None)
    konf.pop("not_in_nav", None)
    return konf


def projekt_anlegen(ziel: Path, anzahl: int) -> dict[str, int]:
    """Copy the handbook (configuration, docs, theme overrides) and add ``anzahl`` entries;
    write the baselines basis.yml, rein.yml and in-nav.yml next to mkdocs.yml."""
    shutil.copytree(ROOT / "docs", ziel / "docs")
    for extra in ("overrides", "includes"):
        if (ROOT / extra).exists():
            shutil.copytree(ROOT / extra, ziel / extra)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (ziel / "mkdocs.yml").write_text(text, encoding="utf-8")
    eigene = yaml.load(text, Loader=_Lader)
    basis = basis_konfiguration(eigene)
    for name, kopf, konf in (
        ("basis.yml", "Material mit denselben Markdown-Erweiterungen, nur search", basis),
        ("rein.yml", "reines Material ohne Markdown-Erweiterungen, nur search", rein_konfiguration(basis)),
        ("in-nav.yml", "wie basis.yml, aber alle Seiten in der Navigation", in_nav_konfiguration(basis)),
    ):
        (ziel / name).write_text(
            f"# Basis der Messung: {kopf}.\n" + yaml.dump(konf, Dumper=_Schreiber, allow_unicode=True, sort_keys=False),
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
    cpu_sekunden: float = 0.0  # user + system time of the build process


def bauen(projekt: Path, konfiguration: str, site: str, umgebung: dict[str, str] | None = None) -> Messung:
    """One ``mkdocs build`` as a child process: wall time, CPU time (with its own worker
    processes) and the peak resident memory of the largest of them.

    Every build starts from an empty site directory, deleted before the clock starts: MkDocs
    first deletes the previous output, which on this disk takes 2.7 s for Material's 5,000 pages
    and 3.1 s for ours (twice the files: Pagefind's fragments). Which build pays that would
    otherwise depend on the order of the passes (the first pass of each configuration finds no
    previous output)."""
    shutil.rmtree(projekt / site, ignore_errors=True)
    start = time.perf_counter()
    with open(projekt / f"{site}.log", "wb") as log:
        proc = subprocess.Popen(
            [str(BIN / "mkdocs"), "build", "-f", konfiguration, "-d", site],
            cwd=projekt, env={**_umgebung(), **(umgebung or {})}, stdout=log, stderr=subprocess.STDOUT,
        )
        _, status, nutzung = os.wait4(proc.pid, 0)
    dauer = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    ausgabe = (projekt / f"{site}.log").read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"Bau mit {konfiguration} in {projekt} ist gescheitert:\n{ausgabe[-3000:]}")
    return Messung(dauer, nutzung.ru_maxrss / 1024, ausgabe.count("WARNING"), nutzung.ru_utime + nutzung.ru_stime)


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


EIN_PROZESS = {"STAEDTENETZ_PROZESSE": "1"}
KONFIGURATIONEN: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("unsere", "mkdocs.yml", {}), ("unsere-1", "mkdocs.yml", EIN_PROZESS), ("Basis", "basis.yml", {}), ("rein", "rein.yml", {}),
)
ZIEL_VERHAELTNIS = 1.30
ZIEL_IN_NAV = 15.0
VERFEHLT: list[str] = []  # targets outside the build table that a measurement missed


@dataclass
class Groesse:
    """All builds of one size."""

    n: int
    seiten: int
    praxis: int
    kalt: Messung
    laeufe: dict[str, list[Messung]]

    def median(self, name: str, cpu: bool = False) -> float:
        return statistics.median(m.cpu_sekunden if cpu else m.sekunden for m in self.laeufe[name])

    def spanne(self, name: str) -> tuple[float, float]:
        werte = [m.sekunden for m in self.laeufe[name]]
        return min(werte), max(werte)

    def verhaeltnisse(self, gegen: str, cpu: bool = False, von: str = "unsere") -> list[float]:
        """Ratio ``von``/``gegen`` per interleaved pass (same machine load)."""
        def wert(m: Messung) -> float:
            return m.cpu_sekunden if cpu else m.sekunden
        return [wert(u) / wert(b) for u, b in zip(self.laeufe[von], self.laeufe[gegen])]

    @property
    def speicher_mb(self) -> float:
        return max(m.speicher_mb for m in self.laeufe["unsere"])


def _spanne(werte: list[float], stellen: int = 2) -> str:
    return f"{_de(statistics.median(werte), stellen)} ({_de(min(werte), stellen)}–{_de(max(werte), stellen)})"


def groesse_messen(tmp: Path, n: int, durchgaenge: int) -> tuple[Groesse, Path]:
    projekt = tmp / f"h{n}"
    zahlen = projekt_anlegen(projekt, n)
    seiten = sum(1 for _ in (projekt / "docs").rglob("*.md"))
    kalt = bauen(projekt, "mkdocs.yml", "site-unsere")  # converts the downloads: the cache is warm afterwards
    laeufe: dict[str, list[Messung]] = {name: [] for name, _, _ in KONFIGURATIONEN}
    for i in range(durchgaenge):  # interleaved, so all see the same machine load
        for name, datei, umgebung in KONFIGURATIONEN:
            laeufe[name].append(bauen(projekt, datei, f"site-{name}", umgebung))
        print(f"… {_de(n)} Einträge, Durchgang {i + 1}: "
              + ", ".join(f"{name} {_de(laeufe[name][-1].sekunden, 1)} s" for name, _, _ in KONFIGURATIONEN),
              file=sys.stderr, flush=True)
    return Groesse(n, seiten, zahlen["praxisbeispiel"], kalt, laeufe), projekt


def in_nav_messen(tmp: Path, n: int) -> tuple[Messung, Messung, Messung, Messung]:
    """(ours, ours in one process, baseline out of nav, baseline in nav) at ``n`` entries, one build each."""
    projekt = tmp / f"nav{n}"
    projekt_anlegen(projekt, n)
    bauen(projekt, "mkdocs.yml", "site-unsere")  # warm the download cache
    ergebnis = (bauen(projekt, "mkdocs.yml", "site-unsere"), bauen(projekt, "mkdocs.yml", "site-unsere-1", EIN_PROZESS),
                bauen(projekt, "basis.yml", "site-basis"), bauen(projekt, "in-nav.yml", "site-in-nav"))
    shutil.rmtree(projekt)
    return ergebnis


def bericht(groessen: list[Groesse]) -> bool:
    print()
    print("| Einträge | Seiten | unsere: Zeit | unsere, 1 Prozess | Basis: Zeit | rein: Zeit | unsere/Basis | "
          "1 Prozess/Basis | unsere/rein | CPU unsere/Basis | unsere: Speicher | Basis: Speicher | kalter Zwischenspeicher |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for g in groessen:
        print(
            f"| {_de(g.n)} | {_de(g.seiten)} | {_spanne([m.sekunden for m in g.laeufe['unsere']], 1)} s | "
            f"{_spanne([m.sekunden for m in g.laeufe['unsere-1']], 1)} s | "
            f"{_spanne([m.sekunden for m in g.laeufe['Basis']], 1)} s | {_spanne([m.sekunden for m in g.laeufe['rein']], 1)} s | "
            f"{_spanne(g.verhaeltnisse('Basis'))} | {_spanne(g.verhaeltnisse('Basis', von='unsere-1'))} | {_spanne(g.verhaeltnisse('rein'))} | "
            f"{_de(statistics.median(g.verhaeltnisse('Basis', cpu=True)), 2)} | {_de(g.speicher_mb)} MB | "
            f"{_de(max(m.speicher_mb for m in g.laeufe['Basis']))} MB | {_de(g.kalt.sekunden, 1)} s |"
        )
    print("\nZeiten: Median (kleinster–größter Wert) der Durchgänge; Verhältnisse: Median (Spannweite) der "
          "Verhältnisse je verschränktem Durchgang. „kalter Zwischenspeicher“: der erste Bau unserer "
          "Konfiguration, der die Downloads umwandelt (nicht in den Verhältnissen). „unsere“ rendert die Einträge "
          "in einem Prozess je Kern (höchstens 4), Basis und rein in einem; CPU-Zeit: alle Prozesse eines Baus; "
          "Speicher: der größte Prozess.")
    warnungen = sum(m.warnungen for g in groessen for m in g.laeufe["unsere"])
    if warnungen:
        print(f"Hinweis: {warnungen} Warnungen in den Bauten mit unserer Konfiguration (siehe Log im Projektordner).")
    print()
    ok = True
    groesste = max(groessen, key=lambda g: g.n)
    v = statistics.median(groesste.verhaeltnisse("Basis"))
    ok &= v <= ZIEL_VERHAELTNIS
    print(f"Ziel unsere/Basis ≤ {_de(ZIEL_VERHAELTNIS, 2)} bei {_de(groesste.n)} Einträgen auf {len(os.sched_getaffinity(0))} Kernen: {_de(v, 2)} "
          f"(CPU-Zeit {_de(statistics.median(groesste.verhaeltnisse('Basis', cpu=True)), 2)}; in einem Prozess "
          f"{_de(statistics.median(groesste.verhaeltnisse('Basis', von='unsere-1')), 2)}; gegen reines Material "
          f"{_de(statistics.median(groesste.verhaeltnisse('rein')), 2)}) – {'erreicht' if v <= ZIEL_VERHAELTNIS else 'VERFEHLT'}")
    if len(groessen) >= 2:
        klein, gross = sorted(groessen, key=lambda g: g.n)[0], groesste
        dn = gross.n - klein.n
        grenz = {name: 1000 * (gross.median(name) - klein.median(name)) / dn for name, _, _ in KONFIGURATIONEN}
        fest = {name: klein.median(name) - klein.n * grenz[name] / 1000 for name, _, _ in KONFIGURATIONEN}
        cpu = 1000 * (gross.median("unsere", cpu=True) - klein.median("unsere", cpu=True)) / dn
        print(
            f"Grenzkosten je weiterem Eintrag ({_de(klein.n)} → {_de(gross.n)}): unsere {_de(grenz['unsere'], 2)} ms "
            f"(CPU-Zeit {_de(cpu, 2)} ms, in einem Prozess {_de(grenz['unsere-1'], 2)} ms), "
            f"Basis {_de(grenz['Basis'], 2)} ms, rein {_de(grenz['rein'], 2)} ms (unsere/Basis × {_de(grenz['unsere'] / grenz['Basis'], 2)}); "
            f"feste Kosten je Bau: unsere {_de(fest['unsere'], 1)} s, Basis {_de(fest['Basis'], 1)} s, rein {_de(fest['rein'], 1)} s"
        )
        je_eintrag_klein = klein.median("unsere") / klein.n
        linear = grenz["unsere"] / 1000 <= 1.25 * je_eintrag_klein
        print(f"Linear: Grenzkosten {_de(grenz['unsere'], 2)} ms ≤ 1,25 × Durchschnitt bei {_de(klein.n)} "
              f"({_de(1000 * je_eintrag_klein, 2)} ms) – {'ja' if linear else 'NEIN'}")
        ok &= linear
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--groessen", type=int, nargs="+", default=[1000, 5000], help="Anzahl der Einträge je Handbuch")
    parser.add_argument("--durchgaenge", type=int, default=3, help="verschränkte Durchgänge unsere → Basis → rein je Größe")
    parser.add_argument("--in-nav", type=int, nargs="*", default=[2000], metavar="N",
                        help="Basis mit allen Seiten in der Navigation bei N Einträgen (mehrere Größen möglich; "
                             "das Ziel gilt bei der größten; 0 oder keine: nicht messen). 5.000 dauert etwa 16 min.")
    parser.add_argument("--vorschau", type=int, default=1000, metavar="N", help="Live-Vorschau bei N Einträgen (0: nicht messen)")
    parser.add_argument("--ohne-browser", action="store_true", help="Listenseite und Suche nicht in Chromium messen")
    parser.add_argument("--ordner", metavar="PFAD", help="hier die Handbücher anlegen (Vorgabe: das Temp-Verzeichnis), "
                        "z. B. /dev/shm, damit Schreib- und Löschzeiten der Platte die Messung nicht verrauschen")
    parser.add_argument("--profil", type=int, metavar="N", help="statt der Messung: cProfile eines Baus mit N Einträgen")
    args = parser.parse_args()
    if args.profil:
        profil(args.profil)
        return

    start = time.perf_counter()
    groessen: list[Groesse] = []
    zusatz: list[str] = []
    ok_nav = True
    with tempfile.TemporaryDirectory(prefix="staedtenetz-messung-", dir=args.ordner) as tmp_text:
        tmp = Path(tmp_text)
        for n in sorted(args.groessen):
            g, projekt = groesse_messen(tmp, n, args.durchgaenge)
            groessen.append(g)
            _zwischenstand(g)
            if args.vorschau and n == args.vorschau:
                zusatz += _zwischenstand_zeilen(_vorschau_messen(projekt, n))
            if not args.ohne_browser and n == max(args.groessen):
                zusatz += _zwischenstand_zeilen(_browsermessungen(projekt, n))
            shutil.rmtree(projekt)
        if args.vorschau and args.vorschau not in args.groessen:
            projekt = tmp / f"vorschau{args.vorschau}"
            projekt_anlegen(projekt, args.vorschau)
            zusatz += _zwischenstand_zeilen(_vorschau_messen(projekt, args.vorschau))
            shutil.rmtree(projekt)
        nav_groessen = sorted(n for n in args.in_nav if n > 0)
        for nav_n in nav_groessen:
            u, u1, b, nav = in_nav_messen(tmp, nav_n)
            faktor = nav.sekunden / u.sekunden
            if nav_n == nav_groessen[-1]:
                ok_nav = faktor >= ZIEL_IN_NAV
            zusatz += _zwischenstand_zeilen([
                f"In der Navigation ({_de(nav_n)} Einträge, je ein Bau): Basis mit allen Seiten in der Navigation "
                f"{_de(nav.sekunden, 1)} s, unsere {_de(u.sekunden, 1)} s (in einem Prozess {_de(u1.sekunden, 1)} s), "
                f"Basis außerhalb {_de(b.sekunden, 1)} s – "
                f"in-nav/unsere × {_de(faktor, 1)} (Ziel ≥ {_de(ZIEL_IN_NAV, 0)}: {'erreicht' if faktor >= ZIEL_IN_NAV else 'VERFEHLT'}; "
                f"in einem Prozess × {_de(nav.sekunden / u1.sekunden, 1)}), "
                f"in-nav/Basis × {_de(nav.sekunden / b.sekunden, 1)}; Speicher in-nav {_de(nav.speicher_mb)} MB"
            ])
    ok = bericht(groessen) and ok_nav and not VERFEHLT
    for zeile in zusatz:
        print(zeile)
    if VERFEHLT:
        print(f"Außerdem verfehlt: {', '.join(VERFEHLT)}")
    print(f"\nGesamtdauer der Messung: {_de((time.perf_counter() - start) / 60, 1)} min")
    sys.exit(0 if ok else 1)


def _zwischenstand(g: Groesse) -> None:
    """Results of one size as soon as they are there (on stderr; the report follows at the end)."""
    print(f"… {_de(g.n)} Einträge: unsere {_spanne([m.sekunden for m in g.laeufe['unsere']], 1)} s, "
          f"Basis {_spanne([m.sekunden for m in g.laeufe['Basis']], 1)} s, rein {_spanne([m.sekunden for m in g.laeufe['rein']], 1)} s; "
          f"unsere, 1 Prozess {_spanne([m.sekunden for m in g.laeufe['unsere-1']], 1)} s; "
          f"unsere/Basis {_spanne(g.verhaeltnisse('Basis'))}, 1 Prozess/Basis {_spanne(g.verhaeltnisse('Basis', von='unsere-1'))}, unsere/rein {_spanne(g.verhaeltnisse('rein'))}, "
          f"CPU unsere/Basis {_de(statistics.median(g.verhaeltnisse('Basis', cpu=True)), 2)}; Speicher unsere {_de(g.speicher_mb)} MB, "
          f"Basis {_de(max(m.speicher_mb for m in g.laeufe['Basis']))} MB; kalter Zwischenspeicher {_de(g.kalt.sekunden, 1)} s",
          file=sys.stderr, flush=True)


def _zwischenstand_zeilen(zeilen: list[str]) -> list[str]:
    for z in zeilen:
        print(f"… {z}", file=sys.stderr, flush=True)
    return zeilen


def _browsermessungen(projekt: Path, n: int) -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import liste  # benchmarks/liste.py

    zeilen = [f"Listenseite der Praxisbeispiele bei {_de(n)} Einträgen (unsere, Chromium):"]
    zeilen += ["  " + z for z in liste.zeilen(liste.messen(projekt / "site-unsere"), _de)]
    if (Path(__file__).resolve().parent / "suche.py").exists():
        import suche  # benchmarks/suche.py (Pagefind)

        try:
            anfragen = suche.messen(projekt / "site-unsere", suche.begriffe_fuer(projekt / "docs"))
            zeilen.append(f"Suche bei {_de(n)} Einträgen (benchmarks/suche.py):")
            for a in anfragen:
                zeilen.append(f"  „{a.begriff}“: {_de(a.bytes / 1024)} KB in {a.anfragen} Anfragen, erster Treffer nach "
                              f"{_de(a.sekunden * 1000)} ms ({a.treffer} Treffer)")
        except Exception as grund:  # the search benchmark is another module's; report, do not stop
            zeilen.append(f"Suche: Messung mit benchmarks/suche.py fehlgeschlagen ({type(grund).__name__}: {grund})")
    else:
        zeilen.append("Suche: benchmarks/suche.py fehlt – Übertragung je Anfrage nicht gemessen.")
    return zeilen


def _vorschau_messen(projekt: Path, n: int) -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import vorschau  # benchmarks/vorschau.py

    eintrag = sorted((projekt / "docs/praxisbeispiele").glob("b-praxis-*.md"))[10].relative_to(projekt / "docs").as_posix()
    m = vorschau.messen(projekt, eintrag)
    if m.median_s > 2:
        VERFEHLT.append("Live-Vorschau")
    return [
        f"Live-Vorschau bei {_de(n)} Einträgen (mkdocs serve --dirty, eine Änderung, bis die Seite neu geladen ist): "
        f"Median {_de(m.median_s, 2)} s ({', '.join(_de(s, 2) for s in m.neuladen_s)} s; Ziel ≤ 2 s: "
        f"{'erreicht' if m.median_s <= 2 else 'VERFEHLT'}); MkDocs-Bauzeit {', '.join(_de(s, 2) for s in m.bauzeiten_s)} s; "
        f"erster Bau {_de(m.erster_bau_s, 1)} s; {'; '.join(m.seiten)}"
    ]


if __name__ == "__main__":
    main()
