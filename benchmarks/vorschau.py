"""Benchmark: die Live-Vorschau – Zeit vom Speichern eines Eintrags bis zur neu geladenen Seite.

Startet `mkdocs serve --livereload --dirty` (wie `make vorschau`) in einem erzeugten Handbuch,
öffnet eine Eintragsseite in Debians Headless-Chromium und ändert den Eintrag mehrmals (Text und
Titel). Gemessen wird vom Schreiben der Datei bis die Seite die Änderung zeigt – ohne Zutun der
Messung, allein durch das Neuladen von livereload; enthalten sind also auch das Abfragen der
Dateien durch MkDocs (alle 0,5 s) und das Laden der Seite. Dazu die Zeilen des Plugins, wie
viele Seiten neu gebaut wurden, und MkDocs' eigene Bauzeit.

    .venv/bin/python benchmarks/vorschau.py PROJEKT-ORDNER
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@dataclass
class Vorschaumessung:
    erster_bau_s: float
    neuladen_s: list[float]  # per edit: save -> page shows the change
    bauzeiten_s: list[float]  # MkDocs' "Documentation built in" of each rebuild
    seiten: list[str]  # the plugin's "Vorschau: n von m Seiten neu gebaut"

    @property
    def median_s(self) -> float:
        return statistics.median(self.neuladen_s)


def messen(projekt: Path, eintrag: str, aenderungen: int = 3) -> Vorschaumessung:
    """``eintrag``: docs-relative path of the entry to edit, e.g. 'praxisbeispiele/b-praxis-00010.md'."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GIT_CONFIG_NOSYSTEM="1")
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=projekt, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
    )
    protokoll: list[str] = []
    threading.Thread(target=lambda: protokoll.extend(iter(proc.stdout.readline, "")), daemon=True).start()  # type: ignore[union-attr]
    url = f"http://127.0.0.1:{port}/"
    datei = projekt / "docs" / eintrag
    original = datei.read_text(encoding="utf-8")
    start = time.perf_counter()
    try:
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("mkdocs serve ist beendet:\n" + "".join(protokoll[-30:]))
                time.sleep(0.3)
        erster = time.perf_counter() - start
        seitenurl = url + eintrag[: -len(".md")] + "/"
        neuladen: list[float] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
            try:
                seite = browser.new_page()
                seite.goto(seitenurl)
                for i in range(aenderungen):
                    marke = f"Messänderung {i}"
                    text = datei.read_text(encoding="utf-8")
                    if i % 2 == 0:  # a sentence in the body
                        neu = text.replace("## Vorgehen\n", f"## Vorgehen\n\n{marke}.\n", 1)
                        bedingung = f"document.body.innerText.includes('{marke}')"
                    else:  # the title (listing, backlinks and similar entries change too)
                        neu = re.sub(r"^title: .*$", f'title: "{marke}"', text, count=1, flags=re.M)
                        neu = re.sub(r"^# .*$", f"# {marke}", neu, count=1, flags=re.M)  # the heading matches the title
                        bedingung = f"document.title.includes('{marke}')"
                    seite.wait_for_timeout(1200)  # past the file system's time resolution and the poll
                    t0 = time.perf_counter()
                    datei.write_text(neu, encoding="utf-8")
                    seite.wait_for_function(bedingung, timeout=300_000, polling=20)
                    neuladen.append(time.perf_counter() - t0)
            finally:
                browser.close()
    finally:
        datei.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    bauzeiten = [float(m.group(1)) for z in protokoll if (m := re.search(r"Documentation built in ([\d.]+) seconds", z))]
    seiten = [m.group(0) for z in protokoll if (m := re.search(r"Vorschau: \d+ von \d+ Seiten neu gebaut", z))]
    return Vorschaumessung(erster, neuladen, bauzeiten[1:], seiten[1:])


def main() -> None:
    projekt = Path(sys.argv[1])
    eintrag = sys.argv[2] if len(sys.argv) > 2 else "praxisbeispiele/b-praxis-00010.md"
    m = messen(projekt, eintrag)
    print(f"erster Bau {m.erster_bau_s:.1f} s; Neuladen {', '.join(f'{s:.2f}' for s in m.neuladen_s)} s; "
          f"Bauzeiten {m.bauzeiten_s}; {m.seiten}")


if __name__ == "__main__":
    main()
