"""The attack corpus of tests/plugins/test_sicherheit_korpus.py: hostile content in every sink.

Every payload that would run script calls ``__hit('ID')`` (the browser test defines it and
records the ID); every internal thing carries the marker ``GEHEIMQ7`` (in titles, text, slugs,
file names and file contents), so a leak into the public edition is found by a plain search.
Build-time fetches point to ``{KANARIE}`` (a local HTTP server that must see no request).

Two handbooks are made from it:

- **bereinigt** – content the site must render harmlessly. Its body payloads are also what
  ``staedtenetz pruefen`` reports (with file and line, recorded here); for the build the test
  switches that early warning off, so the sanitizer itself is what is tested.
- **abgelehnt** – content the build must refuse (SVG with script, files and links that would
  publish internal content, snippets, unsafe source addresses): ``pruefen`` and the build
  report each on its line and nothing is published.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field

import yaml

from conftest import ROOT

GEHEIM = "GEHEIMQ7"
#: What a leak of the build machine's files or of a page's Markdown source would look like.
FREMDE_MARKEN = ("root:x:0:0", "GEHEIMQ7TOKEN", "NURQUELLE7")


class _Lader(yaml.SafeLoader):
    pass


_Lader.add_constructor("!ENV", lambda loader, node: None)


def projekt_konfiguration() -> str:
    """The project's own mkdocs.yml (theme features, Markdown extensions, plugins) with a
    small navigation: the corpus meets exactly what the handbook runs."""
    cfg = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lader)
    cfg["site_name"] = "Korpus"
    cfg["nav"] = [{"Start": "index.md"}]
    cfg.pop("extra_css", None)
    cfg["plugins"]["staedtenetz/katalog"] = {}
    return yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)


@dataclass
class Angriff:
    kennung: str
    senke: str
    datei: str  # project-relative path of the file that carries it
    zeile: int | None  # the line pruefen reports (None: pruefen lets it pass, the build defuses it)
    seite: str | None  # site-relative URL of a page that shows it (opened in Chromium)
    gruppe: str  # "bereinigt" or "abgelehnt"


@dataclass
class Korpus:
    gruppe: str
    kanarie: str
    dateien: dict[str, str | bytes] = field(default_factory=dict)
    angriffe: list[Angriff] = field(default_factory=list)

    def seite(self, pfad: str, kopf: dict | None, url: str | None) -> Seite:
        return Seite(self, pfad, kopf, url)


class Seite:
    """A Markdown file written line by line, so the payloads' line numbers are known."""

    def __init__(self, korpus: Korpus, pfad: str, kopf: dict | None, url: str | None) -> None:
        self.korpus, self.pfad, self.url = korpus, pfad, url
        self.zeilen: list[str] = []
        self._kopfzeilen: dict[str, int] = {}
        if kopf is not None:
            self.zeilen.append("---")
            for k, v in kopf.items():
                self._kopfzeilen[k] = len(self.zeilen) + 1
                if isinstance(v, (dict, list)) and not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
                    block = textwrap.indent(_yaml(v), "  ")
                    self.zeilen.append(f"{k}:")
                    self.zeilen.extend(block.splitlines())
                else:
                    self.zeilen.append(f"{k}: {json.dumps(v, ensure_ascii=False)}")
            self.zeilen.append("---")

    def kopf_angriff(self, kennung: str, senke: str, schluessel: str, *, pruefen: bool) -> Seite:
        self.korpus.angriffe.append(
            Angriff(kennung, senke, self.pfad, self._kopfzeilen[schluessel] if pruefen else None, self.url, self.korpus.gruppe)
        )
        return self

    def text(self, *zeilen: str) -> Seite:
        for z in zeilen:
            self.zeilen.extend(z.split("\n") if z else [""])
        return self

    def angriff(self, kennung: str, senke: str, zeile: str, *, pruefen: bool = True, versatz: int = 0) -> Seite:
        """Add ``zeile`` (may span lines; ``versatz``: which of them pruefen reports)."""
        nr = len(self.zeilen) + 1 + versatz
        self.zeilen.extend(zeile.split("\n"))
        self.zeilen.append("")
        self.korpus.angriffe.append(Angriff(kennung, senke, self.pfad, nr if pruefen else None, self.url, self.korpus.gruppe))
        return self

    def fertig(self) -> None:
        self.korpus.dateien[self.pfad] = "\n".join(self.zeilen) + "\n"


def _yaml(wert) -> str:
    """Nested front matter as YAML with JSON scalars (JSON is YAML)."""
    if isinstance(wert, dict):
        zeilen = []
        for k, v in wert.items():
            if isinstance(v, (dict, list)):
                zeilen.append(f"{k}:")
                zeilen.extend(textwrap.indent(_yaml(v), "  ").splitlines())
            else:
                zeilen.append(f"{k}: {json.dumps(v, ensure_ascii=False)}")
        return "\n".join(zeilen)
    zeilen = []
    for x in wert:
        teil = _yaml(x) if isinstance(x, (dict, list)) else json.dumps(x, ensure_ascii=False)
        erste, *rest = teil.splitlines()
        zeilen.append(f"- {erste}")
        zeilen.extend(f"  {r}" for r in rest)
    return "\n".join(zeilen)


def pdf(text: str) -> bytes:
    return f"%PDF-1.4\n% {text}\n%%EOF\n".encode()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)

SAUBERES_SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><title>Quadrat</title>'
    '<defs><linearGradient id="v"><stop offset="0" stop-color="#336"/></linearGradient></defs>'
    '<rect width="10" height="10" fill="url(#v)"/><use xlink:href="#v"/></svg>\n'
)

#: Hostile SVG files: (ID, content). Each must be refused.
BOESE_SVG = [
    ("V01", '<svg xmlns="http://www.w3.org/2000/svg"><script>__hit("V01")</script></svg>'),
    ("V02", '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>__hit("V02")</svg:script></svg:svg>'),
    ("V03", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="&#106;avascript:__hit(\'V03\')"><text y="9">x</text></a></svg>'),
    ("V04", '<svg xmlns="http://www.w3.org/2000/svg" onload="__hit(\'V04\')"/>'),
    ("V05", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="9" height="9"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="__hit(\'V05\')"/></body></foreignObject></svg>'),
    ("V06", '<svg xmlns="http://www.w3.org/2000/svg"><a href="#"><set attributeName="href" to="javascript:__hit(\'V06\')"/><text y="9">x</text></a></svg>'),
    ("V07", '<!DOCTYPE svg [<!ENTITY j "javascript:__hit(\'V07\')">]><svg xmlns="http://www.w3.org/2000/svg"><a href="&j;"><text y="9">x</text></a></svg>'),
    ("V08", '<svg xmlns="http://www.w3.org/2000/svg"><script xmlns="http://www.w3.org/1999/xhtml">__hit("V08")</script></svg>'),
    ("V09", '<svg xmlns="http://www.w3.org/2000/svg"><image href="{KANARIE}/v09.png" width="9" height="9"/></svg>'),
    ("V10", '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url({KANARIE}/v10.css);</style></svg>'),
    ("V11", '<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="href" values="javascript:__hit(\'V11\')"/></svg>'),
]


def _geheime_eintraege(k: Korpus) -> None:
    """An internal guide with its own files, text links to files it does not declare and a
    members-only material on a public entry: none of it may reach the public edition."""
    s = k.seite(
        "docs/leitfaeden/geheimq7-leitfaden.md",
        {
            "typ": "leitfaden",
            "title": f"Leitfaden {GEHEIM}",
            "zusammenfassung": f"Interner Leitfaden {GEHEIM} nur für die Mitglieder des Netzes.",
            "sichtbarkeit": "intern",
            "materialien": [{"titel": f"Protokoll {GEHEIM}", "datei": "materialien/geheimq7-protokoll.pdf", "lizenz": "Alle Rechte vorbehalten"}],
        },
        None,
    )
    s.text(
        f"# Leitfaden {GEHEIM}",
        "",
        f"Vertraulich: {GEHEIM}. Der Anhang [als PDF](geheimq7-anhang/geheimq7-notiz.pdf) und",
        "<a href=geheimq7-anhang/geheimq7-liste.csv>die Liste</a> sowie",
        "<img src='geheimq7-anhang/geheimq7-bild.png' alt='Bild'> und",
        "[der Ordner](../../leitfaeden/geheimq7-anhang/geheimq7-plan.pdf) stehen nur hier.",
    ).fertig()
    k.dateien["docs/leitfaeden/materialien/geheimq7-protokoll.pdf"] = pdf(f"Protokoll {GEHEIM}")
    k.dateien["docs/leitfaeden/geheimq7-anhang/geheimq7-notiz.pdf"] = pdf(f"Notiz {GEHEIM}")
    k.dateien["docs/leitfaeden/geheimq7-anhang/geheimq7-liste.csv"] = f"Spalte;{GEHEIM}\n"
    k.dateien["docs/leitfaeden/geheimq7-anhang/geheimq7-bild.png"] = PNG
    k.dateien["docs/leitfaeden/geheimq7-anhang/geheimq7-plan.pdf"] = pdf(f"Plan {GEHEIM}")


def bereinigt(kanarie: str) -> Korpus:
    """Content the site must render harmlessly (valid except for pruefen's HTML warnings)."""
    k = Korpus("bereinigt", kanarie)
    _geheime_eintraege(k)
    k.dateien["docs/praxisbeispiele/materialien/geheimq7-intern.pdf"] = pdf(f"Intern {GEHEIM}")
    k.dateien["docs/praxisbeispiele/materialien/quadrat.svg"] = SAUBERES_SVG
    k.dateien["docs/praxisbeispiele/materialien/ok.png"] = PNG

    # -- front matter of every type ------------------------------------------------------------
    u = "praxisbeispiele/angriff-kopf/"
    s = k.seite(
        "docs/praxisbeispiele/angriff-kopf.md",
        {
            "typ": "praxisbeispiel",
            "art": "illustrativ",
            "title": "KORPUS-F01 <img src=x onerror=__hit('F01')>",
            "zusammenfassung": "KORPUS-F02 \"><script>__hit('F02')</script> erfundenes Beispiel.",
            "kommune": "korpusstadt",
            "handlungsfelder": ["angriff-feld"],
            "laufzeit": {"von": 2020},
            "schlagworte": ["<img src=x onerror=__hit('F03')>"],
            "traeger": ["<svg onload=__hit('F04')>"],
            "zielgruppen": ["</p><script>__hit('F05')</script>"],
            "kosten": {"anmerkung": "<iframe srcdoc=\"<script>parent.__hit('F06')</script>\"></iframe>"},
            "ansprechstelle": {"stelle": "<a href=javascript:__hit('F07')>Amt</a>"},
            "materialien": [
                {"titel": "<img src=x onerror=__hit('F08')>", "beschreibung": "<script>__hit('F09')</script>", "datei": "materialien/ok.png", "lizenz": "<b onmouseover=__hit('F10')>CC</b>"},
                {"titel": f"Interna {GEHEIM}", "datei": "materialien/geheimq7-intern.pdf", "lizenz": "intern", "sichtbarkeit": "intern"},
            ],
            "bilder": [{"datei": "materialien/quadrat.svg", "alt": "\"><img src=x onerror=__hit('F11')>", "urheber": "<script>__hit('F12')</script>"}],
            "quellen": [{"titel": "<img src=x onerror=__hit('F13')>", "url": "https://example.org/quelle"}],
        },
        u,
    )
    s.kopf_angriff("F01", "Front Matter: title (Praxisbeispiel)", "title", pruefen=True)
    s.kopf_angriff("F02", "Front Matter: zusammenfassung (Meta-Beschreibung)", "zusammenfassung", pruefen=True)
    for kennung, senke, feld in [
        ("F03", "Front Matter: schlagworte", "schlagworte"),
        ("F04", "Front Matter: traeger", "traeger"),
        ("F05", "Front Matter: zielgruppen", "zielgruppen"),
        ("F06", "Front Matter: kosten.anmerkung", "kosten"),
        ("F07", "Front Matter: ansprechstelle.stelle", "ansprechstelle"),
        ("F08", "Front Matter: materialien.titel", "materialien"),
        ("F09", "Front Matter: materialien.beschreibung", "materialien"),
        ("F10", "Front Matter: materialien.lizenz", "materialien"),
        ("F11", "Front Matter: bilder.alt", "bilder"),
        ("F12", "Front Matter: bilder.urheber", "bilder"),
        ("F13", "Front Matter: quellen.titel", "quellen"),
    ]:
        s.kopf_angriff(kennung, senke, feld, pruefen=False)
    s.text("# Angriff im Kopf", "", "![Quadrat](materialien/quadrat.svg)", "", "Siehe [[lernwerkstatt|die Lernwerkstatt]].").fertig()

    s = k.seite(
        "docs/kommunen/korpusstadt.md",
        {
            "typ": "kommune",
            "title": "Dortmund KORPUS-F14 <img src=x onerror=__hit('F14')>",
            "zusammenfassung": "Testkommune des Angriffskorpus mit einem Titel voller HTML.",
            "ags": "05913000",
            "stand": "2025-06-30",
        },
        "kommunen/korpusstadt/",
    )
    s.kopf_angriff("F14", "Front Matter: title (Kommune: Karte, Inhaltsverzeichnis 'Einträge aus …')", "title", pruefen=True)
    s.text("# Korpusstadt").fertig()

    s = k.seite(
        "docs/handlungsfelder/angriff-feld.md",
        {
            "typ": "handlungsfeld",
            "art": "thematisch",
            "title": "Feld KORPUS-F15 </title><script>__hit('F15')</script>",
            "zusammenfassung": "Handlungsfeld des Korpus mit Steuerzeichen\u000b im Text.",
        },
        "handlungsfelder/angriff-feld/",
    )
    s.kopf_angriff("F15", "Front Matter: title (Handlungsfeld: Filter, Karten, Steckbrief)", "title", pruefen=True)
    s.kopf_angriff("F16", "Front Matter: Steuerzeichen U+000B (Feed, katalog.json)", "zusammenfassung", pruefen=True)
    s.text("# Feld").fertig()

    s = k.seite(
        "docs/foerderprogramme/angriff-programm.md",
        {
            "typ": "foerderprogramm",
            "title": "Programm KORPUS-F17\u000b mit Steuerzeichen",
            "zusammenfassung": "Förderprogramm des Korpus, sein Titel hat ein Steuerzeichen.",
            "foerdergeber": ["<img src=x onerror=__hit('F18')>"],
            "foerdergegenstand": "<script>__hit('F19')</script>",
            "programmstatus": "laufend",
            "stand": "2025-01-01",
            "quellen": [{"titel": "Quelle", "url": "https://example.org"}],
        },
        "foerderprogramme/angriff-programm/",
    )
    s.kopf_angriff("F17", "Front Matter: Steuerzeichen im title (feed.xml)", "title", pruefen=True)
    s.kopf_angriff("F18", "Front Matter: foerdergeber", "foerdergeber", pruefen=False)
    s.kopf_angriff("F19", "Front Matter: foerdergegenstand", "foerdergegenstand", pruefen=False)
    s.text("# Programm").fertig()

    s = k.seite(
        "docs/programmgebiete/angriff-gebiet.md",
        {
            "typ": "programmgebiet",
            "title": "Gebiet <details open ontoggle=__hit('F20')>",
            "zusammenfassung": "Programmgebiet des Korpus in der Korpusstadt, erfunden.",
            "kommune": "korpusstadt",
            "zustand": "laufend",
        },
        "programmgebiete/angriff-gebiet/",
    )
    s.kopf_angriff("F20", "Front Matter: title (Programmgebiet)", "title", pruefen=True)
    s.text("# Gebiet").fertig()

    s = k.seite(
        "docs/leitfaeden/angriff-leitfaden.md",
        {
            "typ": "leitfaden",
            "title": "Leitfaden KORPUS-F21 <a href=javascript:__hit('F21')>x</a>",
            "zusammenfassung": "Leitfaden des Korpus, sein Titel steht in der PDF-Fassung.",
        },
        "leitfaeden/angriff-leitfaden/",
    )
    s.kopf_angriff("F21", "Front Matter: title (Leitfaden, PDF)", "title", pruefen=True)
    s.text("# Leitfaden", "", "Text des Leitfadens.", "", "<!-- NURQUELLE7: steht nur im Quelltext, nie auf der Website -->").fertig()

    s = k.seite(
        "docs/seite-kopf.md",
        {
            "title": "Seite KORPUS-F22 <img src=x onerror=__hit('F22')>",
            "description": "\"><script>__hit('F23')</script>",
            "template": "redirect.html",
            "location": "javascript:__hit('F24')",
            "author": "\"><script>__hit('F25')</script>",
            "subtitle": "<img src=x onerror=__hit('F26')>",
        },
        "seite-kopf/",
    )
    s.kopf_angriff("F22", "Front Matter einer Seite ohne typ: title (Kopf, Navigation, Suche)", "title", pruefen=True)
    s.kopf_angriff("F23", "Front Matter einer Seite ohne typ: description", "description", pruefen=True)
    s.kopf_angriff("F24", "Front Matter: template redirect.html mit location javascript:", "template", pruefen=True)
    s.kopf_angriff("F25", "Front Matter: author (Meta-Angabe)", "author", pruefen=False)
    s.kopf_angriff("F26", "Front Matter: subtitle", "subtitle", pruefen=False)
    s.text("# Seite mit Kopf-Angriffen", "", "KORPUS-Seite.").fertig()

    # -- page text -----------------------------------------------------------------------------
    s = k.seite("docs/angriff-text.md", {"title": "Angriffe im Text"}, "angriff-text/")
    s.text("# Angriffe im Text", "", "KORPUSA und KORPUSB stehen im Glossar.", "")
    koerper = [
        ("B01", "<script>__hit('B01')</script>"),
        ("B02", '<img src=x onerror="__hit(\'B02\')">'),
        ("B03", "<iframe srcdoc=\"<script>parent.__hit('B03')</script>\"></iframe>"),
        ("B04", "<form action=\"javascript:__hit('B04')\"><button id=b04>KORPUS-B04</button></form>"),
        ("B05", "[KORPUS-B05](javascript:__hit('B05'))"),
        ("B06", "[KORPUS-B06](jav&#x09;ascript:__hit('B06'))"),
        ("B07", "<a href=\"&#106;avascript:__hit('B07')\">KORPUS-B07</a>"),
        ("B08", "<details ontoggle=\"__hit('B08')\" open><summary>KORPUS-B08</summary>x</details>"),
        ("B09", "KORPUS-B09 Absatz\n{: onmouseover=\"__hit('B09')\" }"),
        ("B10", "KORPUS-B10 Absatz\n{: autofocus onfocus=\"__hit('B10')\" tabindex=\"1\" }"),
        ("B11", "<svg><script>__hit('B11')</script></svg>"),
        ("B12", "<math><mtext><table><mglyph><style><img src=x onerror=__hit('B12')>"),
        ("B13", "<noscript><p title=\"</noscript><img src=x onerror=__hit('B13')>\"></noscript>"),
        ("B14", "<object data=\"javascript:__hit('B14')\"></object>"),
        ("B15", "<embed src=\"data:text/html,<script>parent.__hit('B15')</script>\">"),
        ("B16", "<a href=\"data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19oaXQoJ0IxNicpPC9zY3JpcHQ+\">KORPUS-B16</a>"),
        ("B17", "<div style=\"background:url(javascript:__hit('B17'))\">KORPUS-B17</div>"),
        ("B18", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__hit('B18')\">"),
        ("B19", "<base href=\"javascript:__hit('B19')//\">"),
        ("B20", "<a href=javascript:__hit('B20')>KORPUS-B20</a>"),
        ("B21", "<input autofocus onfocus=__hit('B21')>"),
        ("B22", "<video><source onerror=\"__hit('B22')\"></video>"),
        ("B23", "<body onload=__hit('B23')>"),
        ("B24", "<!--><img src=x onerror=__hit('B24')>-->"),
        ("B25", "[KORPUS-B25][r25]\n\n[r25]: javascript:__hit('B25')"),
        ("B26", "![KORPUS-B26](javascript:__hit('B26'))"),
        ("B27", "<a href=\"  javascript:__hit('B27')\">KORPUS-B27</a>"),
        ("B28", "<div markdown=\"1\" onmouseover=\"__hit('B28')\">**KORPUS-B28**</div>"),
        ("B29", "<marquee onstart=__hit('B29')>KORPUS-B29</marquee>"),
        ("B30", "<style>*{background:url(\"javascript:__hit('B30')\")}</style>"),
        ("B31", "<select autofocus onfocus=__hit('B31')><option>KORPUS</option></select>"),
        ("B32", "<a href=\"https://example.org\" onclick=\"__hit('B32')\" id=b32>KORPUS-B32</a>"),
        ("B33", "<div id=\"__config\">{\"search\":\"data:text/javascript,__hit('B33')\"}</div>"),
    ]
    for kennung, zeile in koerper:
        versatz = 2 if kennung == "B25" else (1 if kennung in ("B09", "B10") else 0)
        s.angriff(kennung, "Seitentext (rohes HTML, Links, attr_list)", zeile, versatz=versatz)
    # Allowed attributes with hostile values: pruefen lets them pass, the tooltip path must not run them.
    s.angriff("T01", "Tooltip: title-Attribut mit maskiertem HTML", "<p title=\"&lt;img src=x onerror=__hit('T01')&gt;\">KORPUS-T01</p>", pruefen=False)
    s.angriff("T02", "Tooltip: title-Attribut mit rohem <", "<span title=\"<img src=x onerror=__hit('T02')>\">KORPUS-T02</span>", pruefen=False)
    s.angriff("T03", "Tooltip: Link-Titel in Markdown", "[KORPUS-T03](https://example.org \"<img src=x onerror=__hit('T03')>\")", pruefen=False)
    s.angriff("T04", "Tooltip: Abkürzung auf der Seite", "*[KORPUSB]: <img src=x onerror=__hit('T04')>", pruefen=False)
    # Markdown structures with HTML in their titles.
    s.angriff("A01", "Hinweiskasten: Titel", "!!! note \"<img src=x onerror=__hit('A01')>\"\n\n    KORPUS-A01", pruefen=True)
    s.angriff("A02", "Aufklappbarer Kasten (details): Titel", "??? info \"<svg onload=__hit('A02')>\"\n\n    KORPUS-A02", pruefen=True)
    s.angriff("A03", "Reiter: Titel", "=== \"<img src=x onerror=__hit('A03')>\"\n\n    KORPUS-A03\n\n=== \"Zwei\"\n\n    Zwei", pruefen=True)
    s.angriff("A04", "Hinweiskasten: Inhalt", "!!! warning \"KORPUS-A04\"\n\n    <img src=x onerror=__hit('A04')>", versatz=2)
    s.angriff("A05", "Überschrift (Inhaltsverzeichnis, Suche)", "## KORPUS-A05 <img src=x onerror=__hit('A05')>")
    s.angriff("A06", "Überschrift mit data-toc-label", "## KORPUS-A06 {data-toc-label=\"<img src=x onerror=__hit('A06')>\"}", pruefen=False)
    s.angriff("A07", "Fußnote", "KORPUS-A07[^a7]\n\n[^a7]: <img src=x onerror=__hit('A07')>", versatz=2)
    s.angriff("A08", "Tabellenzelle", "| Spalte |\n|---|\n| <img src=x onerror=__hit('A08')> KORPUS-A08 |", versatz=2)
    s.angriff("A09", "Definitionsliste", "KORPUS-A09\n:   <img src=x onerror=__hit('A09')>", versatz=1)
    s.angriff("W01", "Wiki-Link: Text", "[[lernwerkstatt|<img src=x onerror=__hit('W01')>]]")
    s.angriff("W02", "Wiki-Link: Text mit Skript", "[[lernwerkstatt|<script>__hit('W02')</script>]]")
    s.angriff("W03", "Wiki-Link auf Eintrag mit HTML-Titel", "[[angriff-kopf]] KORPUS-W03", pruefen=False)
    s.fertig()

    # Glossary (includes/abkuerzungen.md, appended to every page): rebuilt as HTML on hover.
    k.dateien["includes/abkuerzungen.md"] = "*[KORPUSA]: <img src=x onerror=__hit('T05')>\n"
    k.angriffe.append(Angriff("T05", "Glossar-Tooltip (includes/abkuerzungen.md)", "includes/abkuerzungen.md", None, "angriff-text/", "bereinigt"))

    # -- exports: a template and a guide whose text tries to reach files and the network ----------
    s = k.seite(
        "docs/vorlagen/angriff-vorlage.md",
        {
            "typ": "vorlage",
            "title": "Vorlage KORPUS-E00",
            "zusammenfassung": "Vorlage des Korpus: ihr Text will Dateien und das Netz erreichen.",
        },
        "vorlagen/angriff-vorlage/",
    )
    s.text("# Vorlage KORPUS-E00", "")
    for kennung, zeile in [
        ("E01", '<img src="file:///etc/passwd" alt="E01">'),
        ("E02", "<img src='/etc/passwd' alt='E02'>"),
        ("E03", '<img src="../../.git/config" alt="E03">'),
        ("E04", f'<iframe src="{kanarie}/e04"></iframe>'),
        ("E05", f"<img src='{kanarie}/e05.png' alt='E05'>"),
        ("E06", '<a rel="attachment" href="../leitfaeden/angriff-leitfaden.md">E06</a>'),
        ("E07", "<a rel=attachment href=../../.git/config>E07</a>"),
        ("E08", f'<link rel="stylesheet" href="{kanarie}/e08.css">'),
        ("E09", '<object data="file:///etc/passwd"></object>'),
        ("E10", f"<img srcset='{kanarie}/e10.png 1x' alt='E10'>"),
        ("E11", f'<video poster="{kanarie}/e11.png"></video>'),
        ("E12", "<img src=\"../angriff-text.md\" alt=\"E12\">"),
        ("E13", f'<style>@import url("{kanarie}/e13.css");</style>'),
    ]:
        # Relative and http(s) addresses are allowed on pages; in a download only published files count.
        s.angriff(kennung, "Downloads (DOCX, ODT, PDF)", zeile, pruefen=kennung not in ("E02", "E03", "E05", "E12"))
    s.fertig()
    return k


def abgelehnt(kanarie: str) -> Korpus:
    """Content the build must refuse; each payload's error must be on its line."""
    k = Korpus("abgelehnt", kanarie)
    k.dateien["includes/abkuerzungen.md"] = "*[AGS]: Amtlicher Gemeindeschlüssel\n"
    _geheime_eintraege(k)
    bilder = []
    for kennung, inhalt in BOESE_SVG:
        name = f"materialien/boese-{kennung.lower()}.svg"
        k.dateien[f"docs/praxisbeispiele/{name}"] = inhalt.replace("{KANARIE}", kanarie)
        bilder.append({"datei": name, "alt": "Bild", "urheber": "Korpus"})
    k.dateien["docs/assets/boese-v12.svg"] = '<svg xmlns="http://www.w3.org/2000/svg" onload="__hit(\'V12\')"/>'
    k.angriffe.append(Angriff("V12", "SVG-Datei in docs/, die kein Eintrag nennt", "docs/assets/boese-v12.svg", 1, None, "abgelehnt"))
    s = k.seite(
        "docs/praxisbeispiele/angriff-dateien.md",
        {
            "typ": "praxisbeispiel",
            "art": "illustrativ",
            "title": "Dateien und Links",
            "zusammenfassung": "Öffentliches Praxisbeispiel, das interne Dateien zeigen will.",
            "kommune": "essen",
            "handlungsfelder": ["bildung"],
            "laufzeit": {"von": 2021},
            "bilder": bilder + [{"datei": "../leitfaeden/geheimq7-anhang/geheimq7-bild.png", "alt": "Bild", "urheber": "Korpus"}],
            "materialien": [{"titel": "Protokoll", "datei": "../leitfaeden/materialien/geheimq7-protokoll.pdf", "lizenz": "x"}],
        },
        None,
    )
    zeile_bilder = s._kopfzeilen["bilder"]
    for i, (kennung, _) in enumerate(BOESE_SVG):
        # Each list item takes three lines (datei, alt, urheber); the error is on 'datei'.
        k.angriffe.append(Angriff(kennung, "SVG-Bild mit Skript", s.pfad, zeile_bilder + 1 + 3 * i, None, "abgelehnt"))
    k.angriffe.append(Angriff("L01", "Bild eines öffentlichen Eintrags, das ein interner Eintrag nutzt", s.pfad, zeile_bilder + 1 + 3 * len(BOESE_SVG), None, "abgelehnt"))
    k.angriffe.append(Angriff("L02", "Material eines öffentlichen Eintrags aus einem internen Eintrag", s.pfad, s._kopfzeilen["materialien"] + 2, None, "abgelehnt"))
    s.text("# Dateien und Links", "")
    s.angriff("L03", "Link auf internen Eintrag", "[KORPUS](../leitfaeden/geheimq7-leitfaden.md)")
    s.angriff("L04", "Link auf internen Eintrag im Stil der Seitenadresse", "[KORPUS](../../leitfaeden/geheimq7-leitfaden/)")
    s.angriff("L05", "HTML-Link ohne Anführungszeichen auf internen Eintrag", "<a href=../../leitfaeden/geheimq7-leitfaden/>KORPUS</a>")
    s.angriff("L06", "Bild in einfachen Anführungszeichen aus einem internen Eintrag", "<img src='../leitfaeden/geheimq7-anhang/geheimq7-bild.png' alt='x'>")
    s.angriff("L07", "Wiki-Link auf internen Eintrag", "[[geheimq7-leitfaden]]")
    s.angriff("L08", "Link auf nicht erklärte Datei eines internen Eintrags", "[Notiz](../leitfaeden/geheimq7-anhang/geheimq7-notiz.pdf)")
    s.angriff("S01", "Snippet: .git/config (Zugangsschlüssel)", '--8<-- ".git/config"')
    s.angriff("S02", "Snippet: Quelltext eines internen Eintrags", '--8<-- "../docs/leitfaeden/geheimq7-leitfaden.md"')
    s.angriff("S03", "Snippet: Datei des Systems", '--8<-- "/etc/passwd"')
    s.angriff("S04", "Snippet: Adresse im Netz", f'--8<-- "{kanarie}/s04.md"')
    s.angriff("S05", "Snippet als Block", '--8<--\ndocs/leitfaeden/geheimq7-leitfaden.md\n--8<--')
    s.fertig()

    q = k.seite(
        "docs/praxisbeispiele/angriff-quelle.md",
        {
            "typ": "praxisbeispiel",
            "art": "illustrativ",
            "title": "Quelle",
            "zusammenfassung": "Öffentliches Praxisbeispiel mit einer Skript-Adresse als Quelle.",
            "kommune": "essen",
            "handlungsfelder": ["bildung"],
            "laufzeit": {"von": 2021},
            "quellen": [{"titel": "Quelle", "url": "javascript:__hit('Q01')"}],
        },
        None,
    )
    k.angriffe.append(Angriff("Q01", "Quelle mit javascript:-Adresse", q.pfad, q._kopfzeilen["quellen"] + 2, None, "abgelehnt"))
    q.text("# Quelle").fertig()

    s = k.seite(
        "docs/leitfaeden/geheimq7-zweiter.md",
        {
            "typ": "leitfaden",
            "title": f"Zweiter {GEHEIM}",
            "zusammenfassung": f"Noch ein interner Leitfaden {GEHEIM}, der seine Datei öffentlich nennt.",
            "sichtbarkeit": "intern",
            "materialien": [{"titel": "Plan", "datei": "geheimq7-anhang/geheimq7-plan.pdf", "lizenz": "x", "sichtbarkeit": "oeffentlich"}],
        },
        None,
    )
    k.angriffe.append(Angriff("L09", "Widerspruch: 'sichtbarkeit: oeffentlich' in internem Eintrag", s.pfad, s._kopfzeilen["materialien"] + 2, None, "abgelehnt"))
    s.text(f"# Zweiter {GEHEIM}").fertig()
    return k


def einbindungen() -> dict[str, str]:
    """Snippet lines, for a build with pruefen's HTML check switched off: the snippets
    extension itself must refuse everything outside includes/."""
    return {
        "includes/abkuerzungen.md": "*[AGS]: Amtlicher Gemeindeschlüssel\n",
        "docs/einbindung.md": textwrap.dedent(
            """\
            # Einbindung

            --8<-- ".git/config"

            --8<-- "../docs/leitfaeden/geheimq7-leitfaden.md"

            --8<-- "../../../../../../etc/passwd"
            """
        ),
    }
