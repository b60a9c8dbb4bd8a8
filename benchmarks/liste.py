"""Benchmark: die Übersichtsliste der Praxisbeispiele im Browser (Debians Headless-Chromium).

Misst auf einer schon gebauten Website (von benchmarks/bauen.py aufgerufen, oder allein):

- Größe der Listenseite (HTML, roh und gzip -6 wie ein üblicher Webserver) und der Datendatei
  des Filters (liste.json, die erst geladen wird, wenn jemand zum Filter greift);
- Zahl der DOM-Elemente nach dem Laden;
- Zeit bis interaktiv mit vierfacher CPU-Drosselung (CDP Emulation.setCPUThrottlingRate):
  Ende der letzten langen Aufgabe (> 50 ms, PerformanceObserver „longtask“) vor einer ruhigen
  Phase von 2 s, mindestens DOMContentLoaded – eine kürzere Fassung der TTI-Definition von
  Lighthouse (dort 5 s Ruhe); dazu die Summe der Blockierzeit (Anteile über 50 ms);
- Filterklick bis zum Zeichnen: Klick auf ein Handlungsfeld, bis die Treffer gezeichnet sind und
  der Browser das nächste Bild malt (requestAnimationFrame, dann eine Aufgabe), Median aus
  mehreren Klicks, gedrosselt und ungedrosselt.

    .venv/bin/python benchmarks/liste.py SITE-ORDNER [--drosselung 4]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import threading
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"]

_LANGE_AUFGABEN = """
window.__snLange = [];
try {
  new PerformanceObserver(function (l) {
    l.getEntries().forEach(function (e) { window.__snLange.push([e.startTime, e.duration]); });
  }).observe({ type: "longtask", buffered: true });
} catch (e) {}
"""

_KLICK = """
async (nummer) => {
  const boxen = document.querySelectorAll('.sn-liste input[name=handlungsfeld]');
  const box = boxen[nummer % boxen.length];
  const liste = document.querySelector('.sn-liste');
  const start = performance.now();
  box.click();
  while (liste.hasAttribute('aria-busy')) await new Promise(r => setTimeout(r, 1));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
}
"""


@dataclass
class Listenmessung:
    html_bytes: int
    html_gzip: int
    daten_bytes: int
    daten_gzip: int
    dom_elemente: int
    tti_ms: float  # with CPU throttling
    blockiert_ms: float  # total blocking time (parts of long tasks above 50 ms)
    klick_ms: float  # median, throttled
    klick_ungedrosselt_ms: float  # median
    karten: int  # cards on the page


class _Leise(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def messen(site: Path, pfad: str = "praxisbeispiele/", drosselung: float = 4, klicks: int = 5) -> Listenmessung:
    from playwright.sync_api import sync_playwright

    html = (site / pfad / "index.html").read_bytes()
    daten_datei = site / pfad / "liste.json"
    daten = daten_datei.read_bytes() if daten_datei.exists() else b""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Leise, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{pfad}"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            try:
                kontext = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
                seite = kontext.new_page()
                seite.add_init_script(_LANGE_AUFGABEN)
                cdp = kontext.new_cdp_session(seite)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": drosselung})
                seite.goto(url, wait_until="load")
                tti, blockiert = _bis_ruhig(seite)
                dom = seite.evaluate("document.getElementsByTagName('*').length")
                karten = seite.locator(".sn-karte").count()
                gedrosselt = [seite.evaluate(_KLICK, i) for i in range(klicks)]
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
                ungedrosselt = [seite.evaluate(_KLICK, i) for i in range(klicks)]
                kontext.close()
            finally:
                browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return Listenmessung(
        len(html), len(gzip.compress(html, 6)), len(daten), len(gzip.compress(daten, 6)) if daten else 0,
        dom, tti, blockiert, statistics.median(gedrosselt), statistics.median(ungedrosselt), karten,
    )


def _bis_ruhig(seite, ruhe_ms: float = 2000, hoechstens_ms: float = 30_000) -> tuple[float, float]:
    """Wait for a quiet window of ``ruhe_ms`` without long tasks; (TTI, total blocking time)."""
    while True:
        jetzt = seite.evaluate("performance.now()")
        lange = seite.evaluate("window.__snLange")
        letzte = max((s + d for s, d in lange), default=0.0)
        if jetzt - letzte >= ruhe_ms or jetzt > hoechstens_ms:
            break
        seite.wait_for_timeout(250)
    dcl = seite.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    return max(dcl, letzte), sum(max(0.0, d - 50) for _, d in lange)


def zeilen(m: Listenmessung, de) -> list[str]:
    """The measurement as lines of the benchmark report (``de``: number formatter)."""
    return [
        f"Listenseite: {de(m.html_bytes / 1024)} KB HTML, gzip {de(m.html_gzip / 1024)} KB (Ziel ≤ 300 KB) – "
        f"{'erreicht' if m.html_gzip <= 300 * 1024 else 'VERFEHLT'}; {m.karten} Karten, {de(m.dom_elemente)} DOM-Elemente",
        f"Datendatei des Filters (erst beim Griff zum Filter geladen): {de(m.daten_bytes / 1024)} KB, gzip {de(m.daten_gzip / 1024)} KB",
        f"Zeit bis interaktiv bei 4× CPU-Drosselung: {de(m.tti_ms)} ms (Blockierzeit {de(m.blockiert_ms)} ms)",
        f"Filterklick bis gezeichnet: {de(m.klick_ms)} ms gedrosselt (4×), {de(m.klick_ungedrosselt_ms)} ms ungedrosselt "
        f"(Ziel < 100 ms) – {'erreicht' if m.klick_ungedrosselt_ms < 100 else 'VERFEHLT'}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--drosselung", type=float, default=4)
    args = parser.parse_args()

    def de(x: float) -> str:
        return f"{x:,.0f}".replace(",", ".")

    print("\n".join(zeilen(messen(args.site, drosselung=args.drosselung), de)))


if __name__ == "__main__":
    main()
