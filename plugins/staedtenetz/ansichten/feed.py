"""Atom feed ``feed.xml`` of new and updated Praxisbeispiele (RFC 4287), built with xml.etree.

Dates come from git: ``<published>`` is the first commit of the entry's file, ``<updated>`` the
last. Entry IDs must never change: with ``site_url`` set they are the entries' absolute URLs;
without it they are ``tag:`` URIs (RFC 4151) made of :data:`TAG_AUTORITAET` and the page path,
and links are relative to the feed, which lies at the root of the site.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from staedtenetz.ansichten.export import absolut
from staedtenetz.ansichten.kontext import Ansichtskontext
from staedtenetz.inhalt.formate import xml_text

PFAD = "feed.xml"
ANZAHL = 50
ATOM = "http://www.w3.org/2005/Atom"
#: Tagging authority for tag: IDs when site_url is unset (RFC 4151: name and a date).
TAG_AUTORITAET = "staedtenetz-handbuch.invalid,2026"

ET.register_namespace("", ATOM)


def _a(tag: str) -> str:
    return f"{{{ATOM}}}{tag}"


def _zeit(d: dt.date) -> str:
    return f"{d.isoformat()}T00:00:00Z"


def kennung(url: str, site_url: str | None) -> str:
    if site_url:
        return absolut(url, site_url)
    return f"tag:{TAG_AUTORITAET}:{url or 'start'}"


def eintraege(kontext: Ansichtskontext, anzahl: int = ANZAHL):
    """Listed Praxisbeispiele with a revision date, newest change first (then by title)."""
    k = kontext.katalog
    datiert = [
        (e, kontext.geaendert[e.slug])
        for e in k.eintraege.values()
        if e.typ == "praxisbeispiel"
        and e.daten.status != "archiviert"
        and e.slug in kontext.geaendert
        and e.slug in kontext.urls
    ]
    datiert.sort(key=lambda p: (-p[1].toordinal(), p[0].title.casefold(), p[0].slug))
    return datiert[:anzahl]


def atom(
    kontext: Ansichtskontext,
    *,
    site_name: str,
    site_url: str | None,
    autor: str | None,
    erzeugt: dt.datetime,
    anzahl: int = ANZAHL,
) -> bytes:
    k = kontext.katalog
    liste = eintraege(kontext, anzahl)
    feed = ET.Element(_a("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": "de"})
    ET.SubElement(feed, _a("id")).text = kennung(PFAD, site_url)
    ET.SubElement(feed, _a("title")).text = f"{site_name}: neue und geänderte Praxisbeispiele"
    ET.SubElement(feed, _a("subtitle")).text = "Praxisbeispiele aus dem Handbuch, zuletzt geänderte zuerst."
    ET.SubElement(feed, _a("updated")).text = _zeit(liste[0][1]) if liste else erzeugt.isoformat().replace("+00:00", "Z")
    ET.SubElement(feed, _a("link"), {"rel": "self", "type": "application/atom+xml", "href": absolut(PFAD, site_url)})
    ET.SubElement(feed, _a("link"), {"rel": "alternate", "type": "text/html", "href": absolut("./", site_url) if site_url else "./"})
    ET.SubElement(ET.SubElement(feed, _a("author")), _a("name")).text = autor or site_name
    ET.SubElement(feed, _a("generator")).text = "staedtenetz"
    for e, geaendert in liste:
        url = kontext.urls[e.slug]
        erstmals = kontext.erstmals.get(e.slug, geaendert)
        neu = erstmals == geaendert
        eintrag = ET.SubElement(feed, _a("entry"))
        ET.SubElement(eintrag, _a("id")).text = kennung(url, site_url)
        ET.SubElement(eintrag, _a("title")).text = e.title
        ET.SubElement(eintrag, _a("link"), {"rel": "alternate", "type": "text/html", "href": absolut(url, site_url)})
        ET.SubElement(eintrag, _a("published")).text = _zeit(erstmals)
        ET.SubElement(eintrag, _a("updated")).text = _zeit(geaendert)
        ET.SubElement(eintrag, _a("category"), {"term": "neu" if neu else "aktualisiert", "label": "Neu" if neu else "Aktualisiert"})
        for hf in getattr(e.daten, "handlungsfelder", ()):
            if hf in k.eintraege:
                ET.SubElement(eintrag, _a("category"), {"term": hf, "label": k.eintraege[hf].title})
        ET.SubElement(eintrag, _a("summary")).text = e.daten.zusammenfassung
    _xml_zeichen(feed)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _xml_zeichen(wurzel: ET.Element) -> None:
    for e in wurzel.iter():
        if e.text:
            e.text = xml_text(e.text)
        for k, v in e.attrib.items():
            e.attrib[k] = xml_text(v)
