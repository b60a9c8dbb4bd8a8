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
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from staedtenetz.inhalt.meldungstexte import TEXTE
from staedtenetz.inhalt.yamlfassung import WAHRHEITSWORTE_MUSTER

# Patterns are written so that Python's re, ECMAScript (the form's validator) and every JSON
# Schema validator read them alike: the end is "(?![\s\S])" (Python's "$" also matches before
# a final line break), blanks are an explicit class (the engines' "\s" differ).
ENDE = r"(?![\s\S])"
LEER = r"[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
SLUG_MUSTER = r"^[a-z0-9]+(?:-[a-z0-9]+)*" + ENDE
URL_MUSTER = r"^https?://[^\s/$.?#][^\s]*" + ENDE
EMAIL_MUSTER = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}" + ENDE
TELEFON_MUSTER = r"^\+?[0-9][0-9 ()/\-]{4,}[0-9]" + ENDE
AGS_MUSTER = r"^05[0-9]{6}" + ENDE
#: A text: no blank at the start or end (nothing is trimmed silently: what the file says is
#: what is published), not blank only, and not a word YAML 1.1 reads as true/false.
TEXT_MUSTER = rf"^(?!{LEER})(?![\s\S]*{LEER}{ENDE})(?!{WAHRHEITSWORTE_MUSTER}{ENDE})"
DATUM_MUSTER = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + ENDE
#: Years a Laufzeit may name (also as the year of a date).
JAHR_VON, JAHR_BIS = 1949, 2100
LAUFZEITDATUM_MUSTER = r"^(?:1949|19[5-9][0-9]|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}" + ENDE
#: Upper bounds of amounts: finite and far above any real value (NRW has 18 million people
#: on 3.4 million hectares), so that an infinite value is refused by every validator.
HOECHSTBETRAG = 1e12


@dataclass(frozen=True)
class Referenz:
    """Marks a field whose value is the slug of an entry of type ``ziel``."""

    ziel: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        # Tells editors and the submission form which entries may be named here.
        schema = handler(core_schema)
        schema["x-referenz"] = self.ziel
        return schema


def _ganze_zahl(wert: Any) -> Any:
    # JSON Schema (and so the form and every editor) counts 2019.0 as the integer 2019.
    if isinstance(wert, float) and wert.is_integer():
        return int(wert)
    return wert


def _datum(wert: Any) -> Any:
    """An ISO date: a date YAML read as one, or the text JJJJ-MM-TT (as JSON writes dates).
    A date with a time, a number or any other text is refused (strict mode)."""
    if isinstance(wert, dt.datetime):
        raise PydanticCustomError("datum_mit_uhrzeit", "datum_mit_uhrzeit")
    if isinstance(wert, str) and re.match(DATUM_MUSTER, wert):
        try:
            return dt.date.fromisoformat(wert)
        except ValueError:
            raise PydanticCustomError("datum_ungueltig", "datum_ungueltig") from None
    return wert


def _laufzeitjahr(wert: dt.date) -> dt.date:
    if not JAHR_VON <= wert.year <= JAHR_BIS:
        raise PydanticCustomError("jahr_ausserhalb", "jahr_ausserhalb", {"ge": JAHR_VON, "le": JAHR_BIS})
    return wert


Text = Annotated[str, StringConstraints(min_length=1, pattern=TEXT_MUSTER)]
KurzText = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=TEXT_MUSTER)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_MUSTER)]
Url = Annotated[str, StringConstraints(pattern=URL_MUSTER)]
Ganzzahl = Annotated[int, BeforeValidator(_ganze_zahl)]


def ganzzahl(ge: int, le: int) -> Any:
    """An integer in [ge, le]; the bounds sit inside the validator so the JSON Schema has them."""
    return Annotated[int, Field(ge=ge, le=le), BeforeValidator(_ganze_zahl)]


Jahr = ganzzahl(JAHR_VON, JAHR_BIS)
Datum = Annotated[
    dt.date,
    BeforeValidator(_datum),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATUM_MUSTER}),
]
Laufzeitdatum = Annotated[
    dt.date,
    BeforeValidator(_datum),
    AfterValidator(_laufzeitjahr),
    WithJsonSchema({"type": "string", "format": "date", "pattern": LAUFZEITDATUM_MUSTER}),
]
#: A finite amount (YAML's .inf/.nan are refused by the reader already).
Betrag = Annotated[float, Field(ge=0, le=HOECHSTBETRAG, allow_inf_nan=False)]

#: Strict reading everywhere: a number field takes a number, a text field a text, a date field
#: an ISO date – nothing is converted (no "1200" for 1200, no true for 1, no Unix time for a date).
STRENG = ConfigDict(extra="forbid", strict=True, regex_engine="python-re")

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

    model_config = STRENG


def _regel(name: str, wenn: dict[str, Any], dann: dict[str, Any]) -> dict[str, Any]:
    """A cross-field rule of the model as JSON Schema ``if``/``then``; ``x-regel`` names the
    model's error (and message) for validators that report the failing subschema."""
    return {"x-regel": name, "if": wenn, "then": dann}


def _ab_jahr_muster(jahr: int) -> str:
    """A pattern for the four-digit years >= ``jahr`` (upper bound: the date pattern itself)."""
    a, b, c, d = str(jahr)
    teile = [f"{a}{b}{c}[{d}-9]"]
    if c != "9":
        teile.append(f"{a}{b}[{int(c) + 1}-9][0-9]")
    if b != "9":
        teile.append(f"{a}[{int(b) + 1}-9][0-9]{{2}}")
    if a != "9":
        teile.append(f"[{int(a) + 1}-9][0-9]{{3}}")
    return "^(?:" + "|".join(teile) + ")-"


def _zeitraum_schema(schema: dict[str, Any]) -> None:
    # "bis not before von", compared by year as the model does: one if/then per possible year.
    schema["allOf"] = [
        _regel(
            "zeitraum_umgekehrt",
            {
                "required": ["von", "bis"],
                "properties": {"von": {"anyOf": [{"const": jahr}, {"type": "string", "pattern": f"^{jahr}-"}]}},
            },
            {
                "properties": {
                    "bis": {
                        "anyOf": [
                            {"type": "null"},
                            {"type": "integer", "minimum": jahr},
                            {"type": "string", "pattern": _ab_jahr_muster(jahr)},
                        ]
                    }
                }
            },
        )
        for jahr in range(JAHR_VON, JAHR_BIS + 1)
    ]


class Zeitraum(Teil):
    model_config = ConfigDict(**STRENG, json_schema_extra=_zeitraum_schema)

    von: Annotated[Jahr | Laufzeitdatum, Field(title="Von", description="Beginn: Jahr (2019) oder Datum (2019-04-01)")]
    bis: Annotated[
        Jahr | Laufzeitdatum | None,
        Field(title="Bis", description="Ende: Jahr oder Datum; leer lassen, solange es läuft"),
    ] = None

    @model_validator(mode="after")
    def _reihenfolge(self) -> Zeitraum:
        if self.bis is not None and _jahr(self.bis) < _jahr(self.von):
            raise PydanticCustomError(
                "zeitraum_umgekehrt",
                TEXTE["zeitraum_umgekehrt"],
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
        Annotated[Datum | KurzText, WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 200})] | None,
        Field(
            title="Stand der Quelle",
            description="Datum oder Stand, den die Quelle selbst nennt (2024-05-22 oder 'März 2021'); 'undatiert', wenn sie keinen nennt",
        ),
    ] = None
    # When the facts were last compared with the live source; absent: never ("nicht live geprüft").
    # ``staedtenetz bericht`` lists entries whose sources are unchecked or older than 12 months.
    geprueft: Annotated[
        Datum | None,
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


def _ansprechstelle_schema(schema: dict[str, Any]) -> None:
    schema["allOf"] = [
        _regel(
            "person_ohne_einwilligung",
            {"required": ["person"], "properties": {"person": {"type": "string"}}},
            {"required": ["einwilligung"], "properties": {"einwilligung": {"type": "string"}}},
        )
    ]


class Ansprechstelle(Teil):
    model_config = ConfigDict(**STRENG, json_schema_extra=_ansprechstelle_schema)

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
        Datum | None,
        Field(title="Einwilligung vom", description="Datum, an dem die Person der Nennung zugestimmt hat"),
    ] = None

    @model_validator(mode="after")
    def _person_nur_mit_einwilligung(self) -> Ansprechstelle:
        if self.person and not self.einwilligung:
            raise PydanticCustomError(
                "person_ohne_einwilligung",
                TEXTE["person_ohne_einwilligung"],
                {"feld": "person"},
            )
        return self


class Kosten(Teil):
    gesamt: Annotated[Betrag | None, Field(title="Gesamtkosten in Euro", description="Betrag in Euro als Zahl, z. B. 60000 oder 1250000.50")] = None
    anmerkung: Annotated[Text | None, Field(title="Anmerkung", description="z. B. Anteile der Finanzierung")] = None


class Basis(BaseModel):
    """Keys every typed page understands."""

    model_config = STRENG

    typ: str
    title: Annotated[KurzText, Field(title="Titel", description="Titel der Seite")]
    zusammenfassung: Annotated[
        str,
        StringConstraints(min_length=20, max_length=400, pattern=TEXT_MUSTER),
        Field(title="Zusammenfassung", description="Zwei, drei Sätze für Karten, Suche und Vorschau (20–400 Zeichen)"),
    ]
    status: Annotated[Status, Field(title="Status", description="Redaktioneller Stand")] = "veroeffentlicht"
    sichtbarkeit: Annotated[Sichtbarkeit, Field(title="Sichtbarkeit")] = "oeffentlich"
    stand: Annotated[Datum | None, Field(title="Stand", description="Datum, an dem die Angaben geprüft wurden")] = None
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
        StringConstraints(pattern=AGS_MUSTER),
        Field(title="AGS", description="Amtlicher Gemeindeschlüssel, 8 Ziffern, in NRW beginnend mit 05"),
    ]
    stand: Annotated[
        Datum | None,
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
    einwohner: Annotated[ganzzahl(0, 20_000_000) | None, Field(title="Einwohnerzahl")] = None
    flaeche_ha: Annotated[float | None, Field(title="Fläche in Hektar", ge=0, le=3_500_000, allow_inf_nan=False)] = None
    foerderprogramme: refs("foerderprogramm", "Kennungen der Förderprogramme im Gebiet", "Förderprogramme")
    ansprechstelle: Annotated[Ansprechstelle | None, Field(title="Ansprechstelle")] = None


class Handlungsfeld(Basis):
    """A field of action."""

    typ: Literal["handlungsfeld"]
    art: Annotated[
        Literal["thematisch", "instrumentell"],
        Field(title="Art", description="thematisch (z. B. Bildung) oder instrumentell (z. B. Quartiersmanagement)"),
    ]
    reihenfolge: Annotated[ganzzahl(-1000, 1000) | None, Field(title="Reihenfolge in Listen")] = None


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
    stand: Annotated[Datum, Field(title="Stand", description="Datum, an dem die Angaben geprüft wurden")]
    quellen: Annotated[list[Quelle], Field(title="Quellen", min_length=1)]
    handlungsfelder: refs("handlungsfeld", "Kennungen der Handlungsfelder", "Handlungsfelder")


def _praxisbeispiel_schema(schema: dict[str, Any]) -> None:
    schema["allOf"] = [
        _regel(
            "quellen_fehlen",
            {"required": ["art"], "properties": {"art": {"const": "dokumentiert"}}},
            {"required": ["quellen"], "properties": {"quellen": {"minItems": 1}}},
        )
    ]


class Praxisbeispiel(Basis):
    """A good-practice case study."""

    model_config = ConfigDict(**STRENG, json_schema_extra=_praxisbeispiel_schema)

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
                TEXTE["quellen_fehlen"],
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
