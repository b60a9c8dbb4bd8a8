"""What an edition may publish: checked material files and no links into hidden content.

:func:`pruefen` is the one call the build (``plugins/katalog.py``) and ``staedtenetz pruefen``
(``laden.py``) make after :meth:`Katalog.einschraenken`. It

- checks the files named under ``materialien`` and ``bilder`` of *every* entry, shown or not
  (``materialien.pruefen``), so both editions report the same file problems, and
- decides per file, from every use (materials, pictures, links in the text of every page),
  whether it is internal, and reports a file that is internal by one use and public by
  another (``materialien.widersprueche``), and
- reports links (Markdown and HTML, resolved against the source and the page address, see
  ``verweise``) on shown pages that point to an entry or a file this edition leaves out: in the
  public edition they would be dead links, and their text would hint at internal content.

Front-matter references and ``[[slug]]`` wiki links to left-out entries are reported by
``Katalog.einschraenken`` and ``textverweise.einschraenken``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from staedtenetz.pruefung import materialien, verweise
from staedtenetz.inhalt.ausgabe import GRUND_TEXT, Ausgabe
from staedtenetz.inhalt.meldungen import Meldung, fehler

if TYPE_CHECKING:
    from staedtenetz.katalog.katalog import Katalog


def pruefen(katalog: Katalog, docs_dir: Path, ausgabe: Ausgabe | None, max_mb: float | None = None) -> list[Meldung]:
    """Check material files and links for ``ausgabe``; add the messages to the sources and to
    ``katalog.meldungen`` and return them."""
    neu = materialien.pruefen(katalog, docs_dir, max_mb)
    nutzung = materialien.dateinutzung(katalog)
    widersprueche = materialien.widersprueche(katalog, nutzung)
    for m in widersprueche:
        katalog.quellen[m.pfad].meldungen.append(m)
    katalog.meldungen.extend(widersprueche)
    katalog.meldungen.sort()
    neu += widersprueche
    if ausgabe is not None:
        links = links_pruefen(katalog, ausgabe, nutzung)
        for m in links:
            katalog.quellen[m.pfad].meldungen.append(m)
        katalog.meldungen.extend(links)
        katalog.meldungen.sort()
        neu += links
    return neu


def links_pruefen(katalog: Katalog, ausgabe: Ausgabe, nutzung: dict | None = None) -> list[Meldung]:
    """Messages for links on shown pages to left-out entries and hidden files (files that are
    internal by another use and shown as material or picture are reported by
    ``materialien.widersprueche``)."""
    weg = {e.pfad: e for e in katalog.ausgeschlossen.values()}
    nutzung = materialien.dateinutzung(katalog) if nutzung is None else nutzung
    _, versteckt = materialien.dateien_der_ausgabe(katalog, ausgabe.intern, nutzung)
    if not weg and not versteckt:
        return []
    meldungen: list[Meldung] = []
    for q in sorted(katalog.quellen.values(), key=lambda q: q.pfad):
        if q.pfad in weg or not q.lesbar:
            continue
        for zeile, ziel in verweise.links(q):
            kandidaten = verweise.kandidaten(q.pfad, ziel)
            e = next((weg[k] for k in kandidaten if k in weg), None)
            datei = next((k for k in kandidaten if k in versteckt), None)
            if e is not None:
                grund = GRUND_TEXT[ausgabe.ausschlussgrund(e.daten) or ""]
                meldungen.append(
                    fehler(
                        q.pfad,
                        zeile,
                        f"Der Link '{ziel}' führt zu '{e.slug}', und das ist {grund}. In der "
                        f"{ausgabe.name_dativ} fehlt die Seite, der Link ginge ins Leere. Entfernen Sie den "
                        f"Link oder geben Sie '{e.slug}' zuerst frei.",
                    )
                )
            elif datei is not None:
                meldungen.append(
                    fehler(
                        q.pfad,
                        zeile,
                        f"Der Link '{ziel}' führt zu einer Datei, die nur interne Einträge oder interne "
                        f"Materialien nennen. In der {ausgabe.name_dativ} wird sie nicht veröffentlicht, der "
                        "Link ginge ins Leere. Entfernen Sie den Link oder geben Sie die Datei frei.",
                    )
                )
    return meldungen
