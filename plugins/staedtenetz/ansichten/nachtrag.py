"""HTML that joins a page only after Material's search plugin has read it.

Material's search parser costs about 10 µs per HTML tag. Large generated parts – a listing of
thousands of cards, an entry's fact box and the lists below its text, the map – would double the
build time and clutter the search results with titles of other entries. So ``on_page_content``
puts a marker (optionally around a short text the search may index instead), and
``on_post_page`` replaces it with the held-back HTML.

The held-back HTML is ours, made with the escaping builder (:mod:`.html`); the page text around
it passes the sanitizer (:mod:`.bereinigen`), which keeps the markers (:attr:`Nachtraege.muster`)
and cleans the parts between them. A marker carries a random key made per build, so no page
text can forge one to move or swallow our HTML.
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

    def marke(self, seite: str, name: str, html: str, fuer_die_suche: str = "") -> str:
        """Hold ``html`` back for page ``seite``; return what the page gets now: a marker pair
        around ``fuer_die_suche``."""
        marke = f"<!-- staedtenetz:{self._schluessel}:{name} -->"
        self._offen.setdefault(seite, []).append((marke, html))
        return f"{marke}{fuer_die_suche}{marke}"

    def einsetzen(self, seite: str, ausgabe: str) -> str:
        """Replace the marker pairs of ``seite`` in the finished page ``ausgabe``."""
        for marke, html in self._offen.pop(seite, ()):
            anfang = ausgabe.find(marke)
            ende = ausgabe.find(marke, anfang + 1)
            if anfang >= 0 and ende > anfang:
                ausgabe = ausgabe[:anfang] + html + ausgabe[ende + len(marke) :]
        return ausgabe
