"""SVG files: accepted only if every element and attribute is on an allow-list.

An SVG is a document that can run script with the handbook's origin when it is opened as a
file (a material link opens it in the browser). A pattern cannot tell (``<svg:script>``,
``&#106;avascript:``, ``<set attributeName="href" to="javascript:…">``), so the file is parsed
with defusedxml – no entity expansion, no external entities, no DTD fetches – and walked:
every element must be a drawing element of the SVG namespace (or harmless metadata of drawing
programs), every attribute a known presentation or geometry attribute; links (``href``) may
only point into the file itself (``#id``) or, on ``<a>``, to a safe address; ``url(…)`` in
styles only to ``#id``. ``script``, ``foreignObject``, ``image``, animation elements that can
change attributes, event handlers and everything unknown are refused.

:func:`fehler` returns the German reason (what the file "enthält"), or None for a clean drawing.
"""

from __future__ import annotations

import re
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from xml.etree.ElementTree import ParseError

from staedtenetz.inhalt.html_regeln import sichere_adresse

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
#: Namespaces of drawing programs' metadata: not rendered, no behaviour.
METADATEN = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
        "http://ns.adobe.com/AdobeIllustrator/10.0/",
        "http://ns.adobe.com/Graphs/1.0/",
        "http://ns.adobe.com/SaveForWeb/1.0/",
        "http://ns.adobe.com/Extensibility/1.0/",
        "http://ns.adobe.com/Variables/1.0/",
        "http://ns.adobe.com/ImageReplacement/1.0/",
        "http://ns.adobe.com/Flows/1.0/",
        "http://www.bohemiancoding.com/sketch/ns",
    }
)

ELEMENTE = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feComposite", "feFlood",
        "feMerge", "feMergeNode", "feMorphology", "feDropShadow",
        "style", "a",
    }
)

ATTRIBUTE = frozenset(
    """id class style transform d x y x1 y1 x2 y2 cx cy r rx ry width height viewBox
    preserveAspectRatio points fill fill-opacity fill-rule stroke stroke-width stroke-linecap
    stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity
    font-family font-size font-weight font-style font-variant font-stretch text-anchor
    dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing
    text-decoration writing-mode dx dy rotate textLength lengthAdjust startOffset offset
    stop-color stop-opacity gradientUnits gradientTransform spreadMethod fx fy fr clip-path
    clip-rule clipPathUnits mask maskUnits maskContentUnits patternUnits patternContentUnits
    patternTransform marker-start marker-mid marker-end markerWidth markerHeight markerUnits
    refX refY orient version baseProfile visibility display overflow color color-interpolation
    color-interpolation-filters filter filterUnits primitiveUnits in in2 result stdDeviation
    mode operator k1 k2 k3 k4 values type flood-color flood-opacity radius vector-effect
    paint-order shape-rendering text-rendering image-rendering isolation mix-blend-mode
    enable-background role aria-label aria-labelledby aria-describedby aria-hidden focusable
    lang tabindex media href""".split()
)

_URL_RE = re.compile(r"url\(\s*['\"]?([^)'\"]*)", re.IGNORECASE)
_CSS_GEFAHR_RE = re.compile(r"@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.IGNORECASE)


def _name(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, lokal = tag[1:].partition("}")
        return ns, lokal
    return "", tag


def _css_fehler(css: str) -> str | None:
    if m := _CSS_GEFAHR_RE.search(css):
        return f"Stilangaben mit '{m.group(0)}'"
    for m in _URL_RE.finditer(css):
        if not m.group(1).strip().startswith("#"):
            return f"Stilangaben, die eine Adresse laden (url({m.group(1)}))"
    return None


def fehler(pfad: Path) -> str | None:
    """Why the SVG file ``pfad`` is refused (German), or None if it is a clean drawing."""
    try:
        wurzel = fromstring(pfad.read_bytes(), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return "eigene XML-Entitäten (<!ENTITY …>)"
    except (ParseError, ValueError, UnicodeError) as grund:
        return f"kein gültiges XML ({grund})"
    except OSError as grund:
        return f"nichts Lesbares ({grund.strerror})"
    if _name(wurzel.tag) != (SVG, "svg"):
        return "kein <svg> im SVG-Namensraum als oberstes Element"
    return _element_fehler(wurzel, in_metadaten=False)


def _element_fehler(e, *, in_metadaten: bool) -> str | None:
    ns, lokal = _name(e.tag)
    if not isinstance(e.tag, str):
        return None  # comments, processing instructions
    if ns == SVG:
        if lokal not in ELEMENTE:
            return f"das Element <{lokal}>"
    elif ns in METADATEN:
        pass  # not rendered; its children are checked below like everything
    else:
        return f"das Element <{lokal}> aus dem Namensraum '{ns or 'ohne'}'"
    for attribut, wert in e.attrib.items():
        a_ns, a_lokal = _name(attribut)
        if a_lokal.lower().startswith("on"):
            return f"das Ereignis-Attribut '{a_lokal}' an <{lokal}>"
        if a_ns in METADATEN or a_ns == XML:
            continue
        if a_ns not in ("", XLINK) or (a_ns == "" and a_lokal not in ATTRIBUTE and not a_lokal.startswith("data-")):
            return f"das Attribut '{a_lokal}' an <{lokal}>"
        if a_lokal == "href":
            if lokal == "a" and ns == SVG:
                if not sichere_adresse(wert):
                    return f"einen Link '{wert}' an <a>"
            elif not wert.strip().startswith("#"):
                return f"einen Verweis '{wert}' an <{lokal}> (erlaubt sind nur Verweise innerhalb der Datei, '#…')"
        if (css := _css_fehler(wert)) is not None and a_lokal in ("style", "fill", "stroke", "filter", "mask", "clip-path", "marker-start", "marker-mid", "marker-end"):
            return f"{css} an <{lokal}>"
    if ns == SVG and lokal == "style" and (css := _css_fehler("".join(e.itertext()))) is not None:
        return css
    for kind in e:
        if (grund := _element_fehler(kind, in_metadaten=in_metadaten or lokal == "metadata")) is not None:
            return grund
    return None
