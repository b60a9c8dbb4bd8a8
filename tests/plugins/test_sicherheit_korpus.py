"""The attack corpus (sicherheit_korpus.py) against real builds and real Chromium.

Three handbooks, each built once for the whole module:

- *bereinigt*: ``staedtenetz pruefen`` and the strict build report every body payload on its
  line; a build with that early warning switched off (and without ``--strict``) must still be
  harmless: every page showing a payload is opened in Chromium with the Content-Security-Policy
  bypassed (so the sanitizer, not the CSP, is tested) – no payload runs; no public file (zip
  members of DOCX/ODT, PDF streams, search index, sitemap.xml.gz included) holds an internal
  marker; feed.xml and katalog.json stay well-formed.
- *abgelehnt*: SVG with script, files and links that would publish internal content, snippets,
  unsafe source addresses: pruefen and the build refuse each on its line.
- *einbindung*: snippet lines with the HTML check switched off: the snippets extension itself
  refuses everything outside includes/.

A local HTTP server stands for the network during all builds: it must see no request.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import re
import threading
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import Handbuch, Webserver
import sicherheit_korpus as korpus
from sicherheit_korpus import projekt_konfiguration

#: Build with pruefen's HTML early warning switched off: what remains is the sanitizer.
LOCKER = (
    "import sys\n"
    "from staedtenetz.pruefung import html_pruefung\n"
    "html_pruefung.pruefen = lambda q: []\n"
    "from mkdocs.__main__ import cli\n"
    "sys.argv[0] = 'mkdocs'\n"
    "cli()\n"
)

LISTEN = ["praxisbeispiele", "kommunen", "handlungsfelder", "foerderprogramme", "programmgebiete", "vorlagen", "leitfaeden"]


class Kanarie:
    """An HTTP server on 127.0.0.1 that records every request."""

    def __init__(self) -> None:
        self.anfragen: list[str] = []
        kanarie = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                kanarie.anfragen.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"GEHEIMQ7 aus dem Netz")

            do_POST = do_GET

            def log_message(self, *args) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _handbuch(ziel: Path, dateien: dict, konfiguration: str | None = None) -> Handbuch:
    h = Handbuch.anlegen(ziel, {**dateien, "mkdocs.yml": konfiguration or projekt_konfiguration()})
    for typ in LISTEN:
        if not (h.docs / typ / "index.md").exists():
            h.schreiben(f"docs/{typ}/index.md", f"# {typ.capitalize()}\n")
    h.git_init()
    # What actions/checkout leaves in .git/config without persist-credentials: false.
    h.git("config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic GEHEIMQ7TOKEN")
    h.commit("Korpus", "2025-03-01T10:00:00+01:00")
    return h


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory):
    kanarie = Kanarie()
    wurzel = tmp_path_factory.mktemp("korpus")
    try:
        kb = korpus.bereinigt(kanarie.url)
        hb = _handbuch(wurzel / "bereinigt", kb.dateien)
        ka = korpus.abgelehnt(kanarie.url)
        ha = _handbuch(wurzel / "abgelehnt", ka.dateien)
        he = _handbuch(
            wurzel / "einbindung",
            {**korpus.einbindungen(), **{p: i for p, i in ka.dateien.items() if "geheimq7" in p and "zweiter" not in p}},
            korpus.konfiguration_mit_snippets(),
        )
        ergebnis = SimpleNamespace(
            kanarie=kanarie,
            bereinigt=hb,
            korpus_bereinigt=kb,
            pruefen_bereinigt=hb.pruefen(),
            streng_bereinigt=hb.bauen(),
            locker_bereinigt=hb.run("python", "-c", LOCKER, "build"),
            abgelehnt=ha,
            korpus_abgelehnt=ka,
            pruefen_abgelehnt=ha.pruefen(),
            bau_abgelehnt=ha.bauen(),
            einbindung=he,
            locker_einbindung=he.run("python", "-c", LOCKER, "build"),
        )
        ergebnis.anfragen_beim_bauen = list(kanarie.anfragen)
        yield ergebnis
    finally:
        kanarie.stop()


def test_korpus_umfasst_alle_senken(gebaut) -> None:
    angriffe = gebaut.korpus_bereinigt.angriffe + gebaut.korpus_abgelehnt.angriffe
    assert len(angriffe) >= 60
    assert len({a.kennung for a in angriffe}) == len(angriffe)
    senken = Counter(a.senke.split(":")[0].split(" (")[0] for a in angriffe)
    for senke in ["Front Matter", "Seitentext", "Hinweiskasten", "Reiter", "Tooltip", "Wiki-Link", "SVG-Bild mit Skript",
                  "Downloads", "Snippet", "Link auf internen Eintrag", "Glossar-Tooltip"]:
        assert any(s.startswith(senke) for s in senken), senke


def test_kein_netzzugriff_beim_bauen(gebaut) -> None:
    assert gebaut.locker_bereinigt.returncode == 0, gebaut.locker_bereinigt.ausgabe
    assert gebaut.anfragen_beim_bauen == []


# -- pruefen and the strict build report what the site will drop --------------------------


def _meldungen(ausgabe: str) -> set[tuple[str, int]]:
    return {(m.group(1), int(m.group(2))) for m in re.finditer(r"^(?:\S*\s+-\s+\S+: )?(\S+?):(\d+): fehler: ", ausgabe, re.MULTILINE)}


def test_pruefen_meldet_jeden_html_angriff_mit_datei_und_zeile(gebaut) -> None:
    r = gebaut.pruefen_bereinigt
    assert r.returncode == 1
    gemeldet = _meldungen(r.stdout)
    fehlend = [(a.kennung, a.datei, a.zeile) for a in gebaut.korpus_bereinigt.angriffe if a.zeile is not None and (a.datei, a.zeile) not in gemeldet]
    assert fehlend == [], r.stdout
    # German, and it says what to do.
    for zeile in r.stdout.splitlines():
        if ": fehler: " in zeile:
            assert re.search(r"\b(Sie|die|der|das|ist|sind)\b", zeile), zeile
    # The strict build stops with the same messages.
    s = gebaut.streng_bereinigt
    assert s.returncode != 0
    assert {(a.datei, a.zeile) for a in gebaut.korpus_bereinigt.angriffe if a.zeile} <= _meldungen(s.stderr)


def test_abgelehntes_wird_nicht_gebaut(gebaut) -> None:
    r = gebaut.pruefen_abgelehnt
    assert r.returncode == 1
    gemeldet = _meldungen(r.stdout)
    fehlend = [(a.kennung, a.datei, a.zeile) for a in gebaut.korpus_abgelehnt.angriffe if (a.datei, a.zeile) not in gemeldet]
    assert fehlend == [], r.stdout
    b = gebaut.bau_abgelehnt
    assert b.returncode != 0
    assert not (gebaut.abgelehnt.site / "index.html").exists()
    assert {(a.datei, a.zeile) for a in gebaut.korpus_abgelehnt.angriffe} <= _meldungen(b.stderr), b.stderr


def test_einbindungen_nur_aus_includes(gebaut) -> None:
    r = gebaut.locker_einbindung
    assert r.returncode != 0 and "Snippet" in r.ausgabe, r.ausgabe
    site = gebaut.einbindung.site
    if site.exists():
        assert _fundstellen(site) == []


# -- nothing internal in any public file -----------------------------------------------------


def _texte(pfad: Path, inhalt: bytes):
    """(name, text) of a file and of what it contains: zip members, PDF streams, gzip."""
    yield pfad.as_posix(), inhalt.decode("utf-8", "replace")
    if inhalt[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(inhalt)) as z:
            for name in z.namelist():
                yield from _texte(Path(f"{pfad}!{name}"), z.read(name))
    elif inhalt[:2] == b"\x1f\x8b":
        yield from _texte(Path(f"{pfad} (entpackt)"), gzip.decompress(inhalt))
    elif inhalt[:5] == b"%PDF-" and inhalt.count(b"obj") > 1:
        from pypdf import PdfReader
        from pypdf.generic import StreamObject

        leser = PdfReader(io.BytesIO(inhalt))
        for seite in leser.pages:
            yield f"{pfad} (Text)", seite.extract_text() or ""
        for nummer in range(1, int(leser.trailer.get("/Size", 0))):
            try:
                obj = leser.get_object(nummer)
            except Exception:  # free entries
                continue
            if isinstance(obj, StreamObject):
                yield f"{pfad} (Objekt {nummer})", obj.get_data().decode("latin-1")
        for name, daten in leser.attachments.items():
            for d in daten:
                yield from _texte(Path(f"{pfad}!{name}"), d)


def _fundstellen(site: Path) -> list[str]:
    funde = []
    for datei in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = datei.relative_to(site)
        if re.search("geheimq7", str(rel), re.IGNORECASE):
            funde.append(f"{rel} (Dateiname)")
        for name, text in _texte(rel, datei.read_bytes()):
            for marke in (korpus.GEHEIM, *korpus.FREMDE_MARKEN):
                if marke.lower() in text.lower():
                    funde.append(f"{name}: {marke}")
    return funde


def test_nichts_internes_in_der_oeffentlichen_ausgabe(gebaut) -> None:
    site = gebaut.bereinigt.site
    # The places a leak would show exist (else the search below proves nothing).
    for datei in ["pagefind/pagefind-entry.json", "sitemap.xml.gz", "katalog.json", "feed.xml", "404.html",
                  "vorlagen/angriff-vorlage/angriff-vorlage.docx", "vorlagen/angriff-vorlage/angriff-vorlage.odt",
                  "vorlagen/angriff-vorlage/angriff-vorlage.pdf", "leitfaeden/angriff-leitfaden/angriff-leitfaden.pdf",
                  "praxisbeispiele/materialien/quadrat.svg"]:
        assert (site / datei).is_file(), datei
    assert _fundstellen(site) == []


def test_feed_und_katalog_bleiben_wohlgeformt(gebaut) -> None:
    site = gebaut.bereinigt.site
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag.endswith("feed")
    daten = json.loads((site / "katalog.json").read_text(encoding="utf-8"))
    titel = {e["slug"]: e["title"] for e in daten["eintraege"]}
    assert titel["angriff-programm"] == "Programm KORPUS-F17\u000b mit Steuerzeichen"  # JSON escapes it


def test_seitenangaben_kommen_maskiert_an(gebaut) -> None:
    seite = (gebaut.bereinigt.site / "seite-kopf/index.html").read_text(encoding="utf-8")
    assert "window.location.replace" not in seite  # no template chosen by content
    assert "<title>Seite KORPUS-F22 &lt;img" in seite
    kopf = (gebaut.bereinigt.site / "praxisbeispiele/angriff-kopf/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="KORPUS-F02 &#34;&gt;&lt;script&gt;' in kopf or '&quot;&gt;&lt;script&gt;' in kopf


# -- nothing runs in the browser -----------------------------------------------------------

DETEKTOR = """
(() => {
  const melden = (id) => { try { (window.top.__treffer = window.top.__treffer || []).push(String(id)); } catch (e) {} };
  window.__hit = melden;
  for (const name of ["alert", "confirm", "prompt", "print"]) window[name] = (m) => melden(name + ":" + m);
})();
"""

AUSLOESEN = """
() => {
  for (const e of document.querySelectorAll("body *")) {
    for (const t of ["mouseover", "mouseenter", "focus", "animationstart", "toggle", "error", "load"]) {
      try { e.dispatchEvent(new Event(t, { bubbles: false })); } catch (x) {}
    }
  }
  for (const d of document.querySelectorAll("details")) d.open = !d.open;
  for (const l of document.querySelectorAll(".tabbed-labels label")) l.click();
  const gefahr = [];
  for (const e of document.querySelectorAll("*")) {
    for (const a of e.attributes) if (a.name.startsWith("on")) gefahr.push(e.tagName + "[" + a.name + "]");
  }
  for (const a of document.querySelectorAll("[href], [src], [action], [formaction], [data]")) {
    for (const n of ["href", "src", "action", "formaction", "data"]) {
      const v = (a.getAttribute(n) || "").replace(/[\\u0000-\\u0020]/g, "");
      if (/^(javascript|data|vbscript):/i.test(v)) gefahr.push(a.tagName + "[" + n + "=" + v.slice(0, 30) + "]");
    }
  }
  const inhalt = document.querySelector("article");
  if (inhalt) for (const e of inhalt.querySelectorAll("script, iframe, object, embed, form:not(.sn-filter), style, base, meta")) gefahr.push("article " + e.tagName);
  return gefahr;
}
"""

TOOLTIPS = """
async () => {
  for (const e of document.querySelectorAll("article [title], article abbr")) {
    e.dispatchEvent(new MouseEvent("mouseenter")); e.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    await new Promise(r => setTimeout(r, 30));
    e.dispatchEvent(new MouseEvent("mouseleave"));
  }
}
"""


@pytest.mark.browser
def test_kein_angriff_laeuft_im_browser(gebaut, browser) -> None:
    site = gebaut.bereinigt.site
    assert gebaut.locker_bereinigt.returncode == 0, gebaut.locker_bereinigt.ausgabe
    server = Webserver(site)
    kanarie = Kanarie()  # stands for an attacker's server during the browser run
    kontext = browser.new_context(locale="de-DE", bypass_csp=True)
    kontext.add_init_script(DETEKTOR.replace("__KANARIE__", kanarie.url))
    treffer: list[str] = []
    geoeffnet: list[str] = []
    try:
        seiten = sorted({a.seite for a in gebaut.korpus_bereinigt.angriffe if a.seite})
        seiten += [f"{t}/" for t in LISTEN] + ["", "404.html", "aenderungen/", "praxisbeispiele/materialien/quadrat.svg"]
        p = kontext.new_page()
        p.on("dialog", lambda d: (treffer.append(f"Dialog: {d.message}"), d.dismiss()))
        p.on("console", lambda m: treffer.append(f"Konsole: {m.text}") if "__hit" in m.text else None)
        p.on("pageerror", lambda e: treffer.append(f"Fehler: {e}") if "__hit" in str(e) else None)
        for url in seiten:
            antwort = p.goto(server.url + url, wait_until="load")
            assert antwort is not None and (antwort.ok or url == "404.html"), url
            geoeffnet.append(url)
            p.wait_for_timeout(150)
            gefahr = p.evaluate(AUSLOESEN)
            if url.endswith("/") or url == "":
                p.evaluate(TOOLTIPS)
            p.wait_for_timeout(100)
            treffer += [f"{url}: {g}" for g in gefahr]
            treffer += [f"{url}: __hit({t})" for t in p.evaluate("window.__treffer || []")]
        # The search renders titles and text from the index as HTML.
        p.goto(server.url)
        p.wait_for_timeout(300)
        p.keyboard.press("/")
        p.keyboard.type("KORPUS", delay=20)
        # The results for the whole word (the first letters may have had results of their own,
        # replaced later); a locator, not wait_for_function: no eval under the policy.
        p.locator("#sn-suche-status", has_text="„KORPUS“").wait_for(timeout=15000)
        p.wait_for_selector(".md-search-result__item", timeout=15000)
        p.evaluate(AUSLOESEN)
        treffer += [f"Suche: __hit({t})" for t in p.evaluate("window.__treffer || []")]
    finally:
        kontext.close()
        server.stop()
        kanarie.stop()
    assert len(geoeffnet) >= 20
    assert treffer == [], "\n".join(treffer)
    assert kanarie.anfragen == []
