"""The content model: the seven entry types and their front-matter contract.

Defined once, here. Validation (``validierung.py``), the JSON Schema for editors and the
submission form (``schema.py``), the catalogue's reference resolution (``katalog.py``) and
every view read these classes; nothing about a field is repeated elsewhere.

Keys are German and ASCII (``foerderprogramme``), as in DESIGN.md. Reference fields carry a
:class:`Referenz` marker in their metadata naming the entry type they point to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

SLUG_MUSTER = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_MUSTER = r"^https?://[^\s/$.?#][^\s]*$"
EMAIL_MUSTER = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"
TELEFON_MUSTER = r"^\+?[0-9][0-9 ()/\-]{4,}[0-9]$"


@dataclass(frozen=True)
class Referenz:
    """Marks a field whose value is the slug of an entry of type ``ziel``."""

    ziel: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        # Tells editors and the submission form which entries may be named here.
        schema = handler(core_schema)
        schema["x-referenz"] = self.ziel
        return schema


def _kein_leerer_text(wert: str) -> str:
    if not wert.strip():
        raise PydanticCustomError("leerer_text", "Das Feld ist leer. Tragen Sie einen Text ein.")
    return wert


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_kein_leerer_text)]
KurzText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_MUSTER)]
Url = Annotated[str, StringConstraints(pattern=URL_MUSTER)]
Jahr = Annotated[int, Field(ge=1949, le=2100)]

Status = Literal["entwurf", "in-pruefung", "veroeffentlicht", "archiviert"]
Sichtbarkeit = Literal["oeffentlich", "intern"]
Gebietszustand = Literal["laufend", "in-planung", "verstetigt", "abgeschlossen", "ungeklaert"]

STATUS_BEZEICHNUNG = {
    "entwurf": "Entwurf",
    "in-pruefung": "In Prüfung",
    "veroeffentlicht": "Veröffentlicht",
    "archiviert": "Archiviert",
}
GEBIETSZUSTAND_BEZEICHNUNG = {
    "laufend": "laufend",
    "in-planung": "in Planung",
    "verstetigt": "verstetigt",
    "abgeschlossen": "abgeschlossen",
    "ungeklaert": "nicht belegt",  # no public source for the state yet
}
Programmstatus = Literal["laufend", "geschlossen", "ausgelaufen", "ungeklaert"]
PROGRAMMSTATUS_BEZEICHNUNG = {
    "laufend": "laufend",
    "geschlossen": "geschlossen (keine neuen Anträge)",
    "ausgelaufen": "ausgelaufen",
    "ungeklaert": "ungeklärt",
}
# Each allowed value has its label: views never meet a state they cannot name.
assert set(GEBIETSZUSTAND_BEZEICHNUNG) == set(get_args(Gebietszustand))
assert set(PROGRAMMSTATUS_BEZEICHNUNG) == set(get_args(Programmstatus))


def ref(ziel: str, beschreibung: str, titel: str) -> Any:
    """A single reference to an entry of type ``ziel``."""
    return Annotated[Slug, Referenz(ziel), Field(title=titel, description=beschreibung)]


def refs(ziel: str, beschreibung: str, titel: str, min_length: int = 0) -> Any:
    """A list of references to entries of type ``ziel``."""
    if min_length:
        return Annotated[
            list[Annotated[Slug, Referenz(ziel)]],
            Field(title=titel, description=beschreibung, min_length=min_length),
        ]
    return Annotated[
        list[Annotated[Slug, Referenz(ziel)]],
        Field(title=titel, description=beschreibung, default_factory=list),
    ]


class Teil(BaseModel):
    """Base for nested objects: unknown keys are errors, like on the top level."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Zeitraum(Teil):
    von: Annotated[Jahr | dt.date, Field(title="Von", description="Beginn: Jahr (2019) oder Datum (2019-04-01)")]
    bis: Annotated[
        Jahr | dt.date | None,
        Field(title="Bis", description="Ende: Jahr oder Datum; leer lassen, solange es läuft"),
    ] = None

    @model_validator(mode="after")
    def _reihenfolge(self) -> Zeitraum:
        if self.bis is not None and _jahr(self.bis) < _jahr(self.von):
            raise PydanticCustomError(
                "zeitraum_umgekehrt",
                "Das Ende ({bis}) liegt vor dem Beginn ({von}). Prüfen Sie `von` und `bis`.",
                {"von": str(self.von), "bis": str(self.bis), "feld": "bis"},
            )
        return self


def _jahr(wert: int | dt.date) -> int:
    return wert if isinstance(wert, int) else wert.year


class Quelle(Teil):
    titel: Annotated[Text, Field(title="Titel", description="Titel der Quelle, z. B. Name der Webseite")]
    url: Annotated[Url, Field(title="Adresse", description="Vollständige Adresse mit https://")]
    # A date (YAML reads 2024-05-22 as one) or a text such as "März 2021" or "undatiert"; in JSON
    # both are strings, so the schema (and the submission form) offer one text field.
    stand: Annotated[
        Annotated[dt.date | KurzText, WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 200})] | None,
        Field(
            title="Stand der Quelle",
            description="Datum oder Stand, den die Quelle selbst nennt (2024-05-22 oder 'März 2021'); 'undatiert', wenn sie keinen nennt",
        ),
    ] = None
    # When the facts were last compared with the live source; absent: never ("nicht live geprüft").
    # ``staedtenetz bericht`` lists entries whose sources are unchecked or older than 12 months.
    geprueft: Annotated[
        dt.date | None,
        Field(
            title="Zuletzt geprüft am",
            description="Datum JJJJ-MM-TT, an dem die Angaben zuletzt mit der Quelle verglichen wurden; leer: nicht live geprüft",
        ),
    ] = None


class Material(Teil):
    datei: Annotated[Text, Field(title="Datei", description="Pfad der Datei innerhalb von docs/, relativ zu dieser Seite")]
    titel: Annotated[Text, Field(title="Titel")]
    beschreibung: Annotated[Text | None, Field(title="Beschreibung")] = None
    lizenz: Annotated[Text, Field(title="Lizenz", description="z. B. CC BY 4.0 oder 'Alle Rechte vorbehalten'")]
    sichtbarkeit: Annotated[
        Sichtbarkeit,
        Field(title="Sichtbarkeit", description="intern: nur in der Mitgliederausgabe, auch wenn der Eintrag öffentlich ist"),
    ] = "oeffentlich"


class Bild(Teil):
    datei: Annotated[Text, Field(title="Datei", description="Pfad der Bilddatei, relativ zu dieser Seite")]
    alt: Annotated[Text, Field(title="Alternativtext", description="Was auf dem Bild zu sehen ist (für Screenreader)")]
    urheber: Annotated[Text, Field(title="Urheber/Bildnachweis", description="z. B. 'Stadt Essen, Amt 61'")]
    lizenz: Annotated[Text | None, Field(title="Lizenz")] = None


class Ansprechstelle(Teil):
    stelle: Annotated[
        Text,
        Field(title="Stelle", description="Funktionale Stelle, z. B. 'Stadt Essen, Amt für Stadterneuerung'"),
    ]
    email: Annotated[str | None, StringConstraints(pattern=EMAIL_MUSTER), Field(title="E-Mail")] = None
    telefon: Annotated[str | None, StringConstraints(pattern=TELEFON_MUSTER), Field(title="Telefon")] = None
    webseite: Annotated[Url | None, Field(title="Webseite")] = None
    person: Annotated[
        Text | None,
        Field(title="Person", description="Name einer Person – nur mit dokumentierter Einwilligung"),
    ] = None
    einwilligung: Annotated[
        dt.date | None,
        Field(title="Einwilligung vom", description="Datum, an dem die Person der Nennung zugestimmt hat"),
    ] = None

    @model_validator(mode="after")
    def _person_nur_mit_einwilligung(self) -> Ansprechstelle:
        if self.person and not self.einwilligung:
            raise PydanticCustomError(
                "person_ohne_einwilligung",
                "Namen von Personen dürfen nur mit Einwilligung genannt werden. Ergänzen Sie "
                "`einwilligung: JJJJ-MM-TT` (Datum der Zustimmung) oder entfernen Sie `person` "
                "und nennen Sie nur die Stelle.",
                {"feld": "person"},
            )
        return self


class Kosten(Teil):
    gesamt: Annotated[float | None, Field(title="Gesamtkosten in Euro", ge=0)] = None
    anmerkung: Annotated[Text | None, Field(title="Anmerkung", description="z. B. Anteile der Finanzierung")] = None


class Basis(BaseModel):
    """Keys every typed page understands."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    typ: str
    title: Annotated[KurzText, Field(title="Titel", description="Titel der Seite")]
    zusammenfassung: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=20, max_length=400),
        Field(title="Zusammenfassung", description="Zwei, drei Sätze für Karten, Suche und Vorschau (20–400 Zeichen)"),
    ]
    status: Annotated[Status, Field(title="Status", description="Redaktioneller Stand")] = "veroeffentlicht"
    sichtbarkeit: Annotated[Sichtbarkeit, Field(title="Sichtbarkeit")] = "oeffentlich"
    stand: Annotated[dt.date | None, Field(title="Stand", description="Datum, an dem die Angaben geprüft wurden")] = None
    schlagworte: Annotated[list[KurzText], Field(title="Schlagworte")] = []
    materialien: Annotated[list[Material], Field(title="Materialien zum Download")] = []
    bilder: Annotated[list[Bild], Field(title="Bilder")] = []
    quellen: Annotated[list[Quelle], Field(title="Quellen")] = []
    # Keys of MkDocs and Material for MkDocs that stay allowed on typed pages.
    hide: Annotated[list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]], Field(title="Ausblenden")] = []
    search: Annotated[dict[str, Any] | None, Field(title="Suche")] = None


class Kommune(Basis):
    """A member municipality."""

    typ: Literal["kommune"]
    ags: Annotated[
        str,
        StringConstraints(pattern=r"^05\d{6}$"),
        Field(title="AGS", description="Amtlicher Gemeindeschlüssel, 8 Ziffern, in NRW beginnend mit 05"),
    ]
    stand: Annotated[
        dt.date | None,
        Field(
            title="Stand",
            description="Datum, zu dem eine datierte Quelle die Mitgliedschaft bestätigt; leer, solange keine das tut",
        ),
    ] = None
    webseite: Annotated[Url | None, Field(title="Webseite der Kommune")] = None
    ansprechstelle: Annotated[Ansprechstelle | None, Field(title="Ansprechstelle")] = None


class Programmgebiet(Basis):
    """A programme area (Stadtteil) of a municipality."""

    typ: Literal["programmgebiet"]
    kommune: ref("kommune", "Kennung der Kommune, z. B. duisburg", "Kommune")
    zustand: Annotated[
        Gebietszustand,
        Field(
            title="Zustand",
            description="laufend, in-planung, verstetigt, abgeschlossen – oder ungeklaert, solange keine Quelle den Zustand belegt",
        ),
    ]
    laufzeit: Annotated[Zeitraum | None, Field(title="Förderzeitraum")] = None
    einwohner: Annotated[int | None, Field(title="Einwohnerzahl", ge=0)] = None
    flaeche_ha: Annotated[float | None, Field(title="Fläche in Hektar", ge=0)] = None
    foerderprogramme: refs("foerderprogramm", "Kennungen der Förderprogramme im Gebiet", "Förderprogramme")
    ansprechstelle: Annotated[Ansprechstelle | None, Field(title="Ansprechstelle")] = None


class Handlungsfeld(Basis):
    """A field of action."""

    typ: Literal["handlungsfeld"]
    art: Annotated[
        Literal["thematisch", "instrumentell"],
        Field(title="Art", description="thematisch (z. B. Bildung) oder instrumentell (z. B. Quartiersmanagement)"),
    ]
    reihenfolge: Annotated[int | None, Field(title="Reihenfolge in Listen")] = None


class Foerderprogramm(Basis):
    """A funding programme."""

    typ: Literal["foerderprogramm"]
    foerdergeber: Annotated[list[KurzText], Field(title="Fördergeber", min_length=1)]
    foerdergegenstand: Annotated[Text, Field(title="Was wird gefördert?")]
    foerderart: Annotated[KurzText | None, Field(title="Förderart", description="z. B. Zuschuss, Darlehen")] = None
    foerderberechtigte: Annotated[list[KurzText], Field(title="Wer kann Anträge stellen?")] = []
    programmstatus: Annotated[
        Programmstatus,
        Field(title="Programmstatus", description="laufend, geschlossen (keine Anträge), ausgelaufen oder ungeklaert"),
    ]
    laufzeit: Annotated[Zeitraum | None, Field(title="Laufzeit")] = None
    stand: Annotated[dt.date, Field(title="Stand", description="Datum, an dem die Angaben geprüft wurden")]
    quellen: Annotated[list[Quelle], Field(title="Quellen", min_length=1)]
    handlungsfelder: refs("handlungsfeld", "Kennungen der Handlungsfelder", "Handlungsfelder")


class Praxisbeispiel(Basis):
    """A good-practice case study."""

    typ: Literal["praxisbeispiel"]
    art: Annotated[
        Literal["dokumentiert", "illustrativ"],
        Field(
            title="Art",
            description="dokumentiert (ein reales Projekt mit Quellen) oder illustrativ (ein erfundenes Beispiel)",
        ),
    ]
    kommune: ref("kommune", "Kennung der Kommune", "Kommune")
    programmgebiet: Annotated[
        Slug | None, Referenz("programmgebiet"), Field(title="Programmgebiet", description="Kennung des Programmgebiets")
    ] = None
    handlungsfelder: refs("handlungsfeld", "Kennungen der Handlungsfelder", "Handlungsfelder", min_length=1)
    foerderprogramme: refs("foerderprogramm", "Kennungen der Förderprogramme", "Förderprogramme")
    laufzeit: Annotated[Zeitraum, Field(title="Laufzeit")]
    traeger: Annotated[list[KurzText], Field(title="Träger")] = []
    zielgruppen: Annotated[list[KurzText], Field(title="Zielgruppen")] = []
    kosten: Annotated[Kosten | None, Field(title="Kosten")] = None
    ansprechstelle: Annotated[Ansprechstelle | None, Field(title="Ansprechstelle")] = None

    @model_validator(mode="after")
    def _dokumentiert_braucht_quellen(self) -> Praxisbeispiel:
        if self.art == "dokumentiert" and not self.quellen:
            raise PydanticCustomError(
                "quellen_fehlen",
                "Ein dokumentiertes Praxisbeispiel braucht mindestens eine öffentliche Quelle unter "
                "`quellen` (titel und url). Ist es ein erfundenes Beispiel, schreiben Sie `art: illustrativ`.",
            )
        return self


class Vorlage(Basis):
    """A template that cities download and fill in."""

    typ: Literal["vorlage"]
    handlungsfelder: refs("handlungsfeld", "Kennungen der Handlungsfelder", "Handlungsfelder")


class Leitfaden(Basis):
    """A strategy guide."""

    typ: Literal["leitfaden"]
    handlungsfelder: refs("handlungsfeld", "Kennungen der Handlungsfelder", "Handlungsfelder")
    foerderprogramme: refs("foerderprogramm", "Kennungen der Förderprogramme", "Förderprogramme")


EintragsModell = Union[Kommune, Programmgebiet, Handlungsfeld, Foerderprogramm, Praxisbeispiel, Vorlage, Leitfaden]

#: typ value -> model class, in the order the handbook presents them.
TYPEN: dict[str, type[Basis]] = {
    modell.model_fields["typ"].annotation.__args__[0]: modell  # type: ignore[union-attr]
    for modell in get_args(EintragsModell)
}

#: typ value -> (singular, plural, folder below docs/)
TYP_BEZEICHNUNG: dict[str, tuple[str, str, str]] = {
    "kommune": ("Kommune", "Kommunen", "kommunen"),
    "programmgebiet": ("Programmgebiet", "Programmgebiete", "programmgebiete"),
    "handlungsfeld": ("Handlungsfeld", "Handlungsfelder", "handlungsfelder"),
    "foerderprogramm": ("Förderprogramm", "Förderprogramme", "foerderprogramme"),
    "praxisbeispiel": ("Praxisbeispiel", "Praxisbeispiele", "praxisbeispiele"),
    "vorlage": ("Vorlage", "Vorlagen", "vorlagen"),
    "leitfaden": ("Leitfaden", "Leitfäden", "leitfaeden"),
}


def referenzfelder(modell: type[BaseModel]) -> dict[str, tuple[str, bool]]:
    """Field name -> (target type, is a list) for every reference field of ``modell``."""
    felder: dict[str, tuple[str, bool]] = {}
    for name, info in modell.model_fields.items():
        for marke in info.metadata:
            if isinstance(marke, Referenz):
                felder[name] = (marke.ziel, False)
        if get_origin(info.annotation) is list:
            (element,) = get_args(info.annotation)
            for marke in getattr(element, "__metadata__", ()):
                if isinstance(marke, Referenz):
                    felder[name] = (marke.ziel, True)
    return felder


#: typ -> {field: (target type, is list)}; computed once at import.
REFERENZEN: dict[str, dict[str, tuple[str, bool]]] = {typ: referenzfelder(m) for typ, m in TYPEN.items()}

_SLUG_RE = re.compile(SLUG_MUSTER)


def ist_slug(text: str) -> bool:
    return bool(_SLUG_RE.match(text))
