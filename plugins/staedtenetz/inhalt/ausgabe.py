"""Which entries an edition of the site shows: the editorial workflow and internal content.

The production build shows published and archived public entries. The live preview also shows
drafts and entries in review (with a banner); the members' edition also shows internal entries.
Everything else is removed from the catalogue *before* any view is built, so no listing, search
record, sitemap URL, feed item, export record or backlink can mention it.
"""

from __future__ import annotations

from dataclasses import dataclass

from staedtenetz.inhalt.modell import Basis

#: Reasons an entry is left out, as shown in messages.
GRUND_TEXT = {
    "entwurf": "ein Entwurf (status: entwurf)",
    "in-pruefung": "noch in Prüfung (status: in-pruefung)",
    "intern": "nur für Mitglieder (sichtbarkeit: intern)",
}


@dataclass(frozen=True)
class Ausgabe:
    intern: bool = False  # members' edition: include sichtbarkeit: intern
    entwuerfe: bool = False  # live preview: include entwurf and in-pruefung

    def ausschlussgrund(self, daten: Basis) -> str | None:
        """Why ``daten`` is not part of this edition, or None if it is."""
        if daten.status in ("entwurf", "in-pruefung") and not self.entwuerfe:
            return daten.status
        if daten.sichtbarkeit == "intern" and not self.intern:
            return "intern"
        return None

    @property
    def name(self) -> str:
        return "Mitgliederausgabe" if self.intern else "öffentliche Ausgabe"

    @property
    def name_dativ(self) -> str:
        """For "In der …": Mitgliederausgabe / öffentlichen Ausgabe."""
        return "Mitgliederausgabe" if self.intern else "öffentlichen Ausgabe"


#: The marker of members-only content, on pages, cards and fact boxes of the members' edition.
NUR_MITGLIEDER = "Nur für Mitglieder"


def ist_intern(eintrag: object) -> bool:
    """Whether an entry (a catalogue ``Eintrag`` or its model ``daten``) or a material is for
    members only. Views of the members' edition mark such items with :data:`NUR_MITGLIEDER`."""
    daten = getattr(eintrag, "daten", eintrag)
    return getattr(daten, "sichtbarkeit", "oeffentlich") == "intern"
