"""The title in a generated document's properties (``dc:title``), where readers look for it.

pandoc fills the title of a DOCX or ODT only together with a printed title block, which the
pages' own first heading already is; so the files are written without it and the title is set
afterwards in ``docProps/core.xml`` (DOCX) or ``meta.xml`` (ODT). The archive is rewritten with
every other member unchanged (for ODT the ``mimetype`` member stays first and uncompressed).
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

DC = "http://purl.org/dc/elements/1.1/"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

#: format -> (member, parent element of dc:title as Clark name or None for the root)
_ORT = {"docx": ("docProps/core.xml", None), "odt": ("meta.xml", f"{{{_OFFICE}}}meta")}


def _mit_titel(xml: bytes, eltern: str | None, titel: str) -> bytes:
    wurzel = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    ort = wurzel if eltern is None else wurzel.find(eltern)
    if ort is None:
        ort = etree.SubElement(wurzel, eltern)  # type: ignore[arg-type]
    element = ort.find(f"{{{DC}}}title")
    if element is None:
        element = etree.SubElement(ort, f"{{{DC}}}title")
    element.text = titel
    return etree.tostring(wurzel, xml_declaration=True, encoding="UTF-8", standalone=True)


def titel_setzen(pfad: Path, fmt: str, titel: str) -> None:
    """Set ``dc:title`` of the DOCX or ODT at ``pfad`` to ``titel`` (in place, atomically)."""
    name, eltern = _ORT[fmt]
    with zipfile.ZipFile(pfad) as alt:
        mitglieder = [(info, alt.read(info)) for info in alt.infolist()]
    if not any(info.filename == name for info, _ in mitglieder):
        if fmt == "docx":
            raise ValueError(f"{pfad} hat kein {name}")
        leer = f'<office:document-meta xmlns:office="{_OFFICE}" xmlns:dc="{DC}" office:version="1.2"><office:meta/></office:document-meta>'
        mitglieder.append((zipfile.ZipInfo(name), leer.encode()))
    fd, tmp = tempfile.mkstemp(dir=pfad.parent, suffix=pfad.suffix)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w") as neu:
            for info, daten in mitglieder:
                if info.filename == name:
                    daten = _mit_titel(daten, eltern, titel)
                art = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
                neu.writestr(info, daten, compress_type=art)
        os.replace(tmp, pfad)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def titel_lesen(pfad: Path, fmt: str) -> str | None:
    """The ``dc:title`` of a DOCX or ODT (for the tests and the check)."""
    name, eltern = _ORT[fmt]
    with zipfile.ZipFile(pfad) as z:
        wurzel = etree.fromstring(z.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
    ort = wurzel if eltern is None else wurzel.find(eltern)
    element = ort.find(f"{{{DC}}}title") if ort is not None else None
    return element.text if element is not None else None
