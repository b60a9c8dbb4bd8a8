"""Our views' HTML that joins a page only after the page text has passed the sanitizer.

The listing, an entry's fact box and the sections below its text, and the map are ours, made
with the escaping builder (:mod:`.html`); the page text around them passes the allow-list
sanitizer (:mod:`.bereinigen`), which would strip what content may not write (the map's SVG,
``data-pagefind-*``). So ``on_page_content`` puts a marker, the sanitizer keeps the markers
(:attr:`Nachtraege.muster`) and cleans the parts between them, and ``on_post_page`` replaces
each marker with the held-back HTML. A marker carries a random key made per build, so no page
text can forge one to move or swallow our HTML.

(It began as a way around Material's search parser, which read every page; the search is now
Pagefind, which reads the finished pages.)
"""

from __future__ import annotations

import re
import secrets


class Nachtraege:
    """Held-back HTML per page, for one build."""

    def __init__(self) -> None:
        self._offen: dict[str, list[tuple[str, str]]] = {}
        self._schluessel = secrets.token_hex(8)
        #: Matches the markers of this build (and nothing content can write without the key).
        self.muster = re.compile(rf"<!-- staedtenetz:{self._schluessel}:[a-z-]+ -->")

    def marke(self, seite: str, name: str, html: str) -> str:
        """Hold ``html`` back for page ``seite``; return what the page gets now: a marker pair."""
        marke = f"<!-- staedtenetz:{self._schluessel}:{name} -->"
        self._offen.setdefault(seite, []).append((marke, html))
        return f"{marke}{marke}"

    def einsetzen(self, seite: str, ausgabe: str) -> str:
        """Replace the marker pairs of ``seite`` in the finished page ``ausgabe``."""
        for marke, html in self._offen.pop(seite, ()):
            anfang = ausgabe.find(marke)
            ende = ausgabe.find(marke, anfang + 1)
            if anfang >= 0 and ende > anfang:
                ausgabe = ausgabe[:anfang] + html + ausgabe[ende + len(marke) :]
        return ausgabe
