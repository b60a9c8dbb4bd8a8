"""Benchmark: die Suche (Pagefind) im Browser – übertragene Bytes je Anfrage und Zeit bis zum
ersten Treffer, in Debians Headless-Chromium.

Erzeugt Handbücher mit 1.000 und 5.000 Einträgen (Generator aus benchmarks/bauen.py), baut sie
mit der vollen Konfiguration (mkdocs build, danach Pagefind), liefert die Website von 127.0.0.1
aus und tippt auf einer Eintragsseite Suchbegriffe in das Suchfeld im Kopf:

- „erste Anfrage“: die erste Suche auf der Seite, also mit pagefind.js, WebAssembly und den
  Metadaten des Index; danach je weiterer Begriff nur dessen Teile des Index und die Treffer.
- Bytes: was der Browser über das Netz bekommt (Antwortköpfe und -körper aller Anfragen, auch
  die des Web Workers von Pagefind), ab dem Fokus ins
  Suchfeld bis zum ersten angezeigten Treffer. Pythons http.server komprimiert nicht; die Teile
  des Index liefert Pagefind schon gzip-komprimiert, pagefind.js und das WebAssembly nicht – ein
  Webserver mit gzip überträgt also weniger.
- Zeit: vom Tippen bis zum ersten Treffer in der Liste (inklusive 150 ms Wartezeit nach dem
  letzten Tastendruck, die das Suchfeld vor jeder Anfrage einlegt).

    .venv/bin/python benchmarks/suche.py                      # 1.000 und 5.000 Einträge
    .venv/bin/python benchmarks/suche.py --groessen 1000 --drosselung 4

Von anderen Messungen nutzbar: :func:`messen` misst eine schon gebaute Website.
Kein Test: dauert Minuten. Ziel: höchstens 300 KB je Anfrage.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bauen import _de, bauen, projekt_anlegen  # noqa: E402  (the generator and the build)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ZIEL_KB = 300


@dataclass
class Anfrage:
    begriff: str
    bytes: int
    anfragen: int  # HTTP requests
    sekunden: float  # typing to the first result shown
    treffer: int


class _Leise(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def messen(site: Path, begriffe: list[str], seite: str = "", drosselung: float = 1) -> list[Anfrage]:
    """Type each of ``begriffe`` into the header's search box of page ``seite`` (one page load for
    all, so the first query pays for loading Pagefind); one :class:`Anfrage` per query."""
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Leise, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    basis = f"http://127.0.0.1:{httpd.server_address[1]}/"
    ergebnisse: list[Anfrage] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
            kontext = browser.new_context(locale="de-DE")
            p = kontext.new_page()
            if drosselung > 1:
                kontext.new_cdp_session(p).send("Emulation.setCPUThrottlingRate", {"rate": drosselung})
            # Pagefind fetches from a web worker too; Playwright reports those requests on the page.
            geladen: list = []
            p.on("requestfinished", lambda r: geladen.append(r))
            p.goto(basis + seite)
            p.wait_for_load_state("load")
            feld = p.locator(".md-header input[name=q]")
            for begriff in begriffe:
                feld.fill("")
                p.wait_for_function("() => document.querySelectorAll('#sn-suche-ergebnisse li').length === 0")
                p.wait_for_timeout(300)  # let the emptied box settle
                geladen.clear()
                start = time.perf_counter()
                feld.focus()
                feld.fill(begriff)
                p.wait_for_function(
                    "b => document.getElementById('sn-suche-status').textContent.includes('„' + b + '“')",
                    arg=begriff, timeout=60_000,
                )
                dauer = time.perf_counter() - start
                p.wait_for_timeout(200)  # fragments of the shown results may still arrive
                treffer = p.locator("#sn-suche-ergebnisse li").count()
                groesse = 0
                for r in list(geladen):
                    s = r.sizes()
                    groesse += s["responseBodySize"] + s["responseHeadersSize"]
                ergebnisse.append(Anfrage(begriff, groesse, len(geladen), dauer, treffer))
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return ergebnisse


def begriffe_fuer(docs: Path) -> list[str]:
    """Queries for a generated handbook: words of its texts, a German word form, a Kommune."""
    kommune = next(iter(sorted((docs / "kommunen").glob("b-k*.md"))))
    titel = next(z for z in kommune.read_text(encoding="utf-8").splitlines() if z.startswith("title: "))[7:].strip()
    return ["Quartier", "Quartiers", titel, "Stadtteilbüro Beteiligung"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--groessen", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--drosselung", type=float, default=1, help="CPU-Drosselung in Chromium (z. B. 4)")
    args = parser.parse_args()
    zeilen = []
    with tempfile.TemporaryDirectory(prefix="staedtenetz-suche-") as tmp:
        for n in args.groessen:
            projekt = Path(tmp) / f"h{n}"
            projekt_anlegen(projekt, n)
            b = bauen(projekt, "mkdocs.yml", "site")
            index = sum(f.stat().st_size for f in (projekt / "site" / "pagefind").rglob("*") if f.is_file())
            print(f"… {n} Einträge gebaut ({b.sekunden:.1f} s), Suchindex {index / 1e6:.1f} MB auf der Platte", file=sys.stderr, flush=True)
            seite = "praxisbeispiele/b-praxis-00000/"
            for a in messen(projekt / "site", begriffe_fuer(projekt / "docs"), seite, args.drosselung):
                zeilen.append((n, a))
            shutil.rmtree(projekt)
    print()
    print(f"CPU-Drosselung: {_de(args.drosselung, 0)}×" if args.drosselung > 1 else "Ohne CPU-Drosselung")
    print("| Einträge | Anfrage | übertragen | HTTP-Anfragen | erster Treffer | Treffer angezeigt |")
    print("|---:|---|---:|---:|---:|---:|")
    for n, a in zeilen:
        print(f"| {_de(n)} | {a.begriff} | {_de(a.bytes / 1000)} KB | {a.anfragen} | {_de(a.sekunden * 1000)} ms | {a.treffer} |")
    schlechteste = max(a.bytes for _, a in zeilen)
    ok = schlechteste <= ZIEL_KB * 1000
    print(f"\nZiel ≤ {ZIEL_KB} KB je Anfrage (auch die erste): höchstens {_de(schlechteste / 1000)} KB – {'erreicht' if ok else 'VERFEHLT'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
