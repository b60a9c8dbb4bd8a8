"""The parallel build (plugins/parallel.py): same site as one process, every message once,
a worker's error stops the build, no process left behind."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BIN, ROOT, Handbuch, _umgebung, suchindex
from staedtenetz.ansichten import suche
from staedtenetz.plugins import parallel

PRAXIS = """\
---
typ: praxisbeispiel
art: illustrativ
title: Beispiel {n}
zusammenfassung: Erfundenes Praxisbeispiel {n} der Fixture-Seite zum Testen.
kommune: essen
handlungsfelder: [bildung]
laufzeit:
  von: 2020
---
# Beispiel {n}

## Ablauf {n}

Text mit einem [Verweis auf einen Abschnitt, den es nicht gibt](../kommunen/essen.md#gibt-es-nicht-{n}).
"""


def _eigener_tmp(tmp_path: Path, monkeypatch) -> Path:
    """A temporary folder of the test's own for the builds (TMPDIR): the search extracts go there."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    return tmp


def _parallel_handbuch(pfad: Path, anzahl: int = 6, **einstellungen: object) -> Handbuch:
    h = Handbuch.anlegen(pfad).git_init()
    konfiguration = h.pfad / "mkdocs.yml"
    zeilen = "".join(f"      {k}: {v}\n" for k, v in {"prozesse": 2, "parallel_ab": 1, **einstellungen}.items())
    text = konfiguration.read_text(encoding="utf-8").replace("  - staedtenetz/katalog\n", "  - staedtenetz/katalog:\n" + zeilen)
    konfiguration.write_text(text + "validation:\n  anchors: warn\n  absolute_links: warn\n", encoding="utf-8")
    for n in range(anzahl):
        h.schreiben(f"docs/praxisbeispiele/beispiel-{n}.md", PRAXIS.format(n=n))
    links = "\n".join(
        f"- [Beispiel {n}](praxisbeispiele/beispiel-{n}.md#ablauf-{n}) und [fehlt](praxisbeispiele/beispiel-{n}.md#fehlt-{n})"
        for n in range(anzahl)
    )
    # An absolute link: MkDocs warns while it converts the page – the start page is in the
    # navigation, so every process converts it (for its title), but only one may report it.
    h.schreiben("docs/index.md", f"# Testhandbuch\n\nStartseite, [absolut](/kommunen/essen/).\n\n{links}\n")
    h.commit("Grundstock", "2024-01-15T10:00:00+01:00")
    return h


def test_aufteilung_und_prozesszahl() -> None:
    seiten = [f"p/{i}.md" for i in range(7)]
    assert parallel.aufteilen(seiten, 2) == {s: i % 2 for i, s in enumerate(seiten)}
    assert set(parallel.aufteilen(seiten, 3).values()) == {0, 1, 2}
    assert parallel.aufteilen(seiten, 1) == {s: 0 for s in seiten}
    kerne = min(parallel.HOECHSTENS, parallel.nutzbare_kerne())
    assert parallel.prozesszahl(0, "build", False, 1000, 400) == (kerne if sys.platform.startswith("linux") else 1)
    assert parallel.prozesszahl(0, "serve", False, 1000, 400) == 1  # never in the live preview
    assert parallel.prozesszahl(0, "build", True, 1000, 400) == 1  # nor with --dirty
    assert parallel.prozesszahl(0, "build", False, 399, 400) == 1
    assert parallel.prozesszahl(1, "build", False, 1000, 400) == 1
    assert parallel.prozesszahl(3, "gh-deploy", False, 1000, 400) == 3
    assert parallel.prozesszahl(8, "build", False, 2, 1) == 2  # never more processes than pages
    # Another plugin might gather facts from all pages: automatic means one process then …
    assert parallel.prozesszahl(0, "build", False, 1000, 400, ["staedtenetz/katalog", "material/tags"]) == 1
    assert parallel.ungepruefte_plugins(["staedtenetz/katalog", "material/tags", "haken.py"]) == ["haken.py", "material/tags"]
    # … unless the handbook asks for processes explicitly.
    assert parallel.prozesszahl(2, "build", False, 1000, 400, ["staedtenetz/katalog", "material/tags"]) == 2


WARNHAKEN = """\
import logging


def on_page_content(html, page, config, files):  # like a plugin that checks the text
    if "Ablauf" in html:
        logging.getLogger("mkdocs.hooks.warnhaken").warning(f"Testwarnung beim Rendern von {page.file.src_uri}")
    return html
"""


def test_meldungen_der_arbeitsprozesse_erscheinen_einmal_und_zaehlen_streng(tmp_path: Path) -> None:
    h = _parallel_handbuch(tmp_path / "h")
    h.schreiben("warnhaken.py", WARNHAKEN)
    (h.pfad / "mkdocs.yml").write_text((h.pfad / "mkdocs.yml").read_text(encoding="utf-8") + "hooks:\n  - warnhaken.py\n", encoding="utf-8")
    r = h.bauen(strict=False)
    assert r.returncode == 0, r.ausgabe
    assert "Paralleler Bau: 2 Prozesse" in r.ausgabe
    for n in range(6):
        # From an entry (either process) to a missing anchor: once.
        assert r.ausgabe.count(f"'praxisbeispiele/beispiel-{n}.md' contains a link '../kommunen/essen.md#gibt-es-nicht-{n}'") == 1, r.ausgabe
        # From the main process's start page into every entry: the missing anchor once, the
        # existing one (its anchors came from whichever process rendered it) never.
        assert r.ausgabe.count(f"link 'praxisbeispiele/beispiel-{n}.md#fehlt-{n}'") == 1, r.ausgabe
        assert f"#ablauf-{n}'" not in r.ausgabe
        # Logged while the page renders, in whichever process renders it: once.
        assert r.ausgabe.count(f"Testwarnung beim Rendern von praxisbeispiele/beispiel-{n}.md") == 1, r.ausgabe
        seite = h.html(f"praxisbeispiele/beispiel-{n}/index.html")
        assert seite.select_one("h1").get_text(strip=True) == f"Beispiel {n}"
    assert "Page skipped" not in r.ausgabe and "Traceback" not in r.ausgabe
    assert r.ausgabe.count("Doc file 'index.md' contains an absolute link '/kommunen/essen/'") == 1, r.ausgabe

    streng = h.bauen()
    assert streng.returncode == 1
    assert "Aborted with 19 warnings in strict mode!" in streng.ausgabe


def test_gleiche_website_wie_ein_prozess(tmp_path: Path) -> None:
    """The repository's own handbook, built with one and with three processes: every file the
    same (the catalogue's timestamp and Pagefind's shard names aside, which differ between any
    two builds). And its search index, built from the pages' extracts (suche.auszug), is the one
    Pagefind builds from the whole pages."""
    projekt = tmp_path / "handbuch"
    for teil in ("docs", "includes", "overrides"):
        shutil.copytree(ROOT / teil, projekt / teil)
    if (ROOT / ".cache").is_dir():  # converted downloads, if this checkout has them
        shutil.copytree(ROOT / ".cache", projekt / ".cache")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    prozesse: !ENV [STAEDTENETZ_PROZESSE, 0]\n" in text
    text = text.replace("    prozesse: !ENV [STAEDTENETZ_PROZESSE, 0]\n", "    prozesse: !ENV [STAEDTENETZ_PROZESSE, 0]\n    parallel_ab: 1\n")
    (projekt / "mkdocs.yml").write_text(text, encoding="utf-8")
    h = Handbuch(projekt).git_init()
    h.commit("Handbuch", "2025-03-01T09:00:00+01:00")

    def bauen(prozesse: int, site: str) -> str:
        env = {**_umgebung(), "STAEDTENETZ_PROZESSE": str(prozesse), "STAEDTENETZ_SITE_URL": "https://handbuch.example/"}
        r = subprocess.run(
            [str(BIN / "mkdocs"), "build", "--strict", "-d", site], cwd=projekt, env=env, capture_output=True, text=True, timeout=600
        )
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout + r.stderr

    eins = bauen(1, "site-1")
    drei = bauen(3, "site-3")
    assert "Paralleler Bau" not in eins
    m = re.search(r"Paralleler Bau: 3 Prozesse; (\d+) von (\d+) Seiten rendern die weiteren Prozesse", drei)
    assert m and int(m.group(1)) >= 40, drei
    assert re.search(r"Suche: (\d+) Seiten", eins).group(1) == re.search(r"Suche: (\d+) Seiten", drei).group(1)

    a, b = projekt / "site-1", projekt / "site-3"
    dateien_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    dateien_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    # Pagefind names its filter and meta shards by a hash over an order it does not fix.
    ohne_shards = lambda namen: [n for n in namen if not re.match(r"pagefind/(filter/|pagefind\.|pagefind-entry\.json)", n)]  # noqa: E731
    assert ohne_shards(dateien_a) == ohne_shards(dateien_b)
    assert len(dateien_a) == len(dateien_b) and len(dateien_a) > 300
    verschieden = []
    for name in ohne_shards(dateien_a):
        if name == "katalog.json":
            ka, kb = (json.loads((x / name).read_text(encoding="utf-8")) for x in (a, b))
            ka.get("meta", ka).pop("erzeugt", None)
            kb.get("meta", kb).pop("erzeugt", None)
            if ka != kb:
                verschieden.append(name)
        elif not filecmp.cmp(a / name, b / name, shallow=False):
            verschieden.append(name)
    assert verschieden == []
    # Pagefind's fragments (one per page, named by its content) are the same.
    assert [n for n in dateien_a if n.startswith("pagefind/fragment/")] == [n for n in dateien_b if n.startswith("pagefind/fragment/")]

    # Pagefind over the whole pages, in the same kind of folder and order as the extracts: the
    # same fragments and the same word index (both named by their content).
    ganz = suche.auszugsordner(0)
    try:
        for seite in a.rglob("*.html"):
            if not seite.is_relative_to(a / "pagefind"):
                (ganz / seite.relative_to(a)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(seite, ganz / seite.relative_to(a))
        index = tmp_path / "index"
        assert suche.index_bauen(index, ganz) == int(re.search(r"Suche: (\d+) Seiten", eins).group(1))
    finally:
        shutil.rmtree(ganz)
    for teil in ("fragment", "index"):
        assert sorted(p.name for p in (index / "pagefind" / teil).iterdir()) == sorted(p.name for p in (a / "pagefind" / teil).iterdir())

HAKEN = """\
import os

from mkdocs.exceptions import PluginError

HAUPT = os.getpid()


def on_page_content(html, page, config, files):
    if os.getpid() != HAUPT and "Ablauf" in html:  # a worker's own entry (others arrive empty)
        with open(os.path.join(os.path.dirname(__file__), "arbeiter.pid"), "a") as f:
            f.write(f"{os.getpid()}\\n")
        {fehler}
    return html
"""


@pytest.mark.parametrize(
    ("fehler", "erwartet"),
    [
        ('raise PluginError("Absichtlicher Fehler im Arbeitsprozess")', "Absichtlicher Fehler im Arbeitsprozess"),
        ('raise RuntimeError("Programmfehler im Arbeitsprozess")', "Fehler in einem parallelen Bauprozess"),
        ("os._exit(3)", "endete ohne Ergebnis (Exit-Code 3)"),
    ],
    ids=["inhaltsfehler", "programmfehler", "abbruch"],
)
def test_fehler_eines_arbeitsprozesses_bricht_den_bau_ab(tmp_path: Path, fehler: str, erwartet: str, monkeypatch) -> None:
    tmp = _eigener_tmp(tmp_path, monkeypatch)
    h = _parallel_handbuch(tmp_path / "h")
    h.schreiben("haken.py", HAKEN.replace("{fehler}", fehler))
    (h.pfad / "mkdocs.yml").write_text((h.pfad / "mkdocs.yml").read_text(encoding="utf-8") + "hooks:\n  - haken.py\n", encoding="utf-8")
    r = h.bauen(strict=False)
    assert r.returncode == 1, r.ausgabe
    assert erwartet in r.ausgabe
    assert "Error building page" not in r.ausgabe  # the main process's own pages are fine
    if "PluginError" in fehler:
        # As with one process: MkDocs names the page, then the error follows on its own line.
        assert re.search(r"Error reading page 'praxisbeispiele/beispiel-\d\.md':\nERROR +-  Absichtlicher Fehler", r.ausgabe)
        assert "Aborted with a BuildError!" in r.ausgabe and "Traceback" not in r.ausgabe
    if "RuntimeError" in fehler:
        assert "Programmfehler im Arbeitsprozess" in r.ausgabe
    assert list(tmp.iterdir()) == []  # the search extracts are gone
    pids = {int(z) for z in (h.pfad / "arbeiter.pid").read_text().split()}
    assert len(pids) == 1
    for pid in pids:  # no worker left behind
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


@pytest.mark.skipif(parallel.nutzbare_kerne() < 2 or not sys.platform.startswith("linux"), reason="braucht Linux und 2 Kerne")
def test_unbekanntes_plugin_baut_in_einem_prozess(tmp_path: Path) -> None:
    """Automatic (prozesse: 0) forks only with the plugins known to work page by page."""
    h = _parallel_handbuch(tmp_path / "h", anzahl=2, prozesse=0)
    r = h.bauen(strict=False)
    assert r.returncode == 0, r.ausgabe
    assert "Paralleler Bau: 2 Prozesse" in r.ausgabe
    h.schreiben("sammler.py", "def on_page_markdown(markdown, page, config, files):\n    return markdown\n")
    (h.pfad / "mkdocs.yml").write_text((h.pfad / "mkdocs.yml").read_text(encoding="utf-8") + "hooks:\n  - sammler.py\n", encoding="utf-8")
    r = h.bauen(strict=False)
    assert r.returncode == 0, r.ausgabe
    assert "Paralleler Bau" not in r.ausgabe
    assert "Bau in einem Prozess: sammler.py ist für den parallelen Bau nicht geprüft" in r.ausgabe


HAUPTFEHLER = """\
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

HAUPT = os.getpid()
PID = Path(__file__).parent / "arbeiter.pid"


def on_page_content(html, page, config, files):
    if "Ablauf" not in html:
        return html
    if os.getpid() != HAUPT:  # a worker: say who it is, then go on rendering
        PID.write_text(str(os.getpid()))
        time.sleep(0.2)
        return html
    for _ in range(200):  # the main process fails once a worker is busy
        if PID.exists():
            break
        time.sleep(0.05)
    raise PluginError("Absichtlicher Fehler im Hauptprozess")
"""


def test_fehler_im_hauptprozess_beendet_die_arbeitsprozesse(tmp_path: Path, monkeypatch) -> None:
    tmp = _eigener_tmp(tmp_path, monkeypatch)
    h = _parallel_handbuch(tmp_path / "h", anzahl=8)
    h.schreiben("haken.py", HAUPTFEHLER)
    (h.pfad / "mkdocs.yml").write_text((h.pfad / "mkdocs.yml").read_text(encoding="utf-8") + "hooks:\n  - haken.py\n", encoding="utf-8")
    r = h.bauen(strict=False)
    assert r.returncode == 1, r.ausgabe
    assert "Absichtlicher Fehler im Hauptprozess" in r.ausgabe and "Aborted with a BuildError!" in r.ausgabe
    assert list(tmp.iterdir()) == []
    pid = int((h.pfad / "arbeiter.pid").read_text())
    with pytest.raises(ProcessLookupError):  # killed and reaped by the main process
        os.kill(pid, 0)
    # It was stopped, not left to finish: 8 × 0.2 s of work would have written its pages.
    geschrieben = [n for n in range(8) if (h.site / f"praxisbeispiele/beispiel-{n}/index.html").exists()]
    assert len(geschrieben) < 4, geschrieben


SPION = """\
import os


def on_page_content(html, page, config, files):
    with open(os.path.join(os.path.dirname(__file__), "auszuege.txt"), "a") as f:
        f.write(f"{config.plugins['staedtenetz/katalog'].auszuege}\\n")
    return html
"""

NACHTRAG = SPION + """

def on_post_page(output, page, config):  # after ours: the article changes once more
    if "data-pagefind-body" not in output:
        return output
    return output.replace("</article>", "<p>Nachtragwortq</p></article>", 1)
"""

ABBRUCH = """\
import os

HAUPT = os.getpid()


def on_page_content(html, page, config, files):
    if os.getpid() == HAUPT and "Ablauf" in html:
        raise KeyboardInterrupt  # as Ctrl+C: no build error, MkDocs stops at once
    return html
"""


def _mit_haken(h: Handbuch, text: str) -> None:
    h.schreiben("haken.py", text)
    konfiguration = h.pfad / "mkdocs.yml"
    alt = konfiguration.read_text(encoding="utf-8").split("hooks:\n")[0]
    konfiguration.write_text(alt + "hooks:\n  - haken.py\n", encoding="utf-8")


def test_auszuege_der_suche_werden_weggeraeumt(tmp_path: Path, monkeypatch) -> None:
    """Pagefind reads each page's extract (suche.auszug) from a temporary folder – TMPDIR if set,
    else in memory (/dev/shm) – that is gone after every build: done, interrupted, or left by a
    build that was killed. With an on_post_page after ours (which might change the article),
    Pagefind reads the finished pages instead."""
    tmp = _eigener_tmp(tmp_path, monkeypatch)
    tot = subprocess.Popen(["true"])
    tot.wait()
    verwaist = tmp / f"staedtenetz-suche-{tot.pid}-abc"  # left by a killed build
    (verwaist / "x").mkdir(parents=True)
    lebendig = tmp / f"staedtenetz-suche-{os.getpid()}-abc"  # a build still running
    lebendig.mkdir()
    h = _parallel_handbuch(tmp_path / "h")
    _mit_haken(h, SPION)
    r = h.bauen(strict=False)
    assert r.returncode == 0, r.ausgabe
    assert "Paralleler Bau: 2 Prozesse" in r.ausgabe
    assert re.search(r"Suche: \d+ Seiten im Suchindex", r.ausgabe), r.ausgabe
    ordner = set((h.pfad / "auszuege.txt").read_text().split())
    assert len(ordner) == 1 and Path(next(iter(ordner))).parent == tmp, ordner
    assert list(tmp.iterdir()) == [lebendig]
    # An on_post_page after ours: no extracts, and the index has what the pages show.
    _mit_haken(h, NACHTRAG)
    (h.pfad / "auszuege.txt").unlink()
    r = h.bauen(strict=False)
    assert r.returncode == 0, r.ausgabe
    assert set((h.pfad / "auszuege.txt").read_text().split()) == {"None"}
    assert any("Nachtragwortq" in s["content"] for s in suchindex(h.site).values())
    # Interrupted in the main process while the worker renders.
    _mit_haken(h, ABBRUCH)
    r = h.bauen(strict=False)
    assert r.returncode != 0 and r.ausgabe.rstrip().endswith("Aborted!"), r.ausgabe  # click on Ctrl+C
    assert list(tmp.iterdir()) == [lebendig]


EINGEFROREN = """\
import atexit
import gc
import os

# Registered before the plugins start: atexit runs it after their exit handlers.
atexit.register(lambda: open(os.path.join(os.path.dirname(__file__), "eingefroren.txt"), "w").write(str(gc.get_freeze_count())))
"""


def test_am_ende_sammelt_python_nicht_mehr(tmp_path: Path) -> None:
    """After the build, the interpreter's final garbage collections over everything the build
    holds are skipped (about 1.3 s at 5,000 entries, benchmarks/bauen.py): the objects are frozen
    at exit, after our own exit handlers."""
    h = Handbuch.anlegen(tmp_path / "h").git_init()
    _mit_haken(h, EINGEFROREN)
    r = h.bauen(strict=False)
    assert r.returncode == 0, r.ausgabe
    assert "Paralleler Bau" not in r.ausgabe  # one process: no freeze of the fork left over
    assert int((h.pfad / "eingefroren.txt").read_text()) > 10_000
