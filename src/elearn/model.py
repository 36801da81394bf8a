"""Typed content model of a course.

Authors write YAML in Dutch; the code speaks English. Every field therefore has
an English attribute name and a Dutch key, taken from ``DUTCH_KEYS``. Error
messages, the JSON Schema and the YAML files all use the Dutch key.
"""

# No "from __future__ import annotations" here: pydantic would get every field's
# annotation as a string and compile each one (about a thousand) on every build.

import functools
import typing
from dataclasses import dataclass
from typing import Annotated, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .diagnostics import Position

# One table instead of an alias on every field: authors see these names.
DUTCH_KEYS: dict[str, str] = {
    "title": "titel",
    "short": "kort",
    "subtitle": "ondertitel",
    "intro": "inleiding",
    "description": "beschrijving",
    "audiences": "doelgroepen",
    "modules": "modules",
    "pages": "onderdelen",
    "minutes": "minuten",
    "helpline": "hulplijn",
    "phone": "telefoon",
    "emergency": "spoed",
    "text": "tekst",
    "source": "bron",
    "sources": "bronnen",
    "publisher": "uitgever",
    "year": "jaar",
    "document": "bestand",
    "note": "toelichting",
    "notes": "opmerkingen",
    "term": "term",
    "definition": "definitie",
    "see_also": "zie_ook",
    "definitions": "begrippen",
    "number": "nummer",
    "themes": "themas",
    "actions": "acties",
    "indicators": "indicatoren",
    "action_lines": "actielijnen",
    "figures": "kerncijfers",
    "value": "waarde",
    "label": "omschrijving",
    "phases": "fasering",
    "period": "periode",
    "milestones": "mijlpalen",
    "when": "moment",
    "mission": "opdracht",
    "ambition": "ambitie",
    "organisation": "organisatie",
    "goal": "doel",
    "law": "wet",
    "scope": "reikwijdte",
    "steps": "stappen",
    "summary": "kern",
    "what_you_do": "wat_je_doet",
    "decision_framework": "afwegingskader",
    "questions": "vragen",
    "question": "vraag",
    "yes": "ja",
    "no": "nee",
    "consequence": "gevolg",
    "next": "naar",
    "decision": "besluit",
    "norms": "meldnormen",
    "kindcheck": "kindcheck",
    "checks": "controleer",
    "triggers": "oudersignalen",
    "moments": "momenten",
    "points": "aandachtspunten",
    "roles": "rollen",
    "tasks": "taken",
    "facts": "feiten",
    # sector routes
    "audience": "voor_wie",
    "step_ref": "stap",
    "consult": "overleg",
    "record": "vastleggen",
    "signals": "signalen",
    "pitfalls": "valkuilen",
    "regimes": "eigen_regelingen",
    "route": "route",
    # session plans for trainers
    "duration": "duur",
    "activities": "activiteiten",
    "method": "werkvorm",
    "materials": "materialen",
    "uses": "gebruik",
    "facilitator_notes": "notities_trainer",
    # module tests
    "test": "toets",
    "count": "aantal",
    "mastery": "beheersing",
    # question banks
    "type": "type",
    "prompt": "vraag",
    "tests": "toetst",
    "explanation": "uitleg",
    "options": "opties",
    "correct": "goed",
    "feedback": "feedback",
    "answer": "juist",
    "feedback_true": "feedback_waar",
    "feedback_false": "feedback_onwaar",
    "items": "items",
    "pairs": "paren",
    "left": "term",
    "right": "hoort_bij",
    "answers": "antwoorden",
    "feedback_correct": "feedback_goed",
    "feedback_wrong": "feedback_fout",
    "start": "start",
    "nodes": "situaties",
    "outcomes": "uitkomsten",
    "choices": "keuzes",
    "step": "stap",
    "decision_question": "afwegingsvraag",
    "module": "module",
    "situation": "situatie",
    "pinned": "vaste_volgorde",
    "regime": "regeling",
}


def dutch_key(name: str) -> str:
    return DUTCH_KEYS.get(name, name)


@dataclass(frozen=True)
class Ref:
    """Marks a string field as a reference to an object of ``kind`` by id."""

    kind: str


KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=KEBAB)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Markdown is plain text to the model; the renderer knows what to do with it.
Markdown = Text

SourceRef = Annotated[str, Ref("source")]
DefinitionRef = Annotated[str, Ref("definition")]
ModuleRef = Annotated[str, Ref("module")]
PageRef = Annotated[str, Ref("page")]
DecisionQuestionRef = Annotated[str, Ref("decision-question")]
StepRef = Annotated[str, Ref("step")]
RegimeRef = Annotated[str, Ref("regime")]

# Every field has a Dutch description (and examples where they help): the JSON Schema shows
# them to authors in their editor, so they are written for authors, in Dutch. They are
# class-level metadata that validation never reads: a loaded object pays nothing for them.
ID_RULE = "kleine letters, cijfers en koppeltekens; uniek in de hele cursus"
SOURCE_DESCRIPTION = (
    "Id van de bron van deze tekst: een bron uit content/bronnen.yml of uit de eigen `bronnen` van een sector."
)


def source_field(description: str = SOURCE_DESCRIPTION, **kwargs):
    """The ``bron`` field that nearly every object has: one description, one example."""
    return Field(description=description, examples=["ghnt-2018"], **kwargs)


class Node(BaseModel):
    """Base of every content object: strict keys, Dutch aliases, provenance."""

    model_config = ConfigDict(
        extra="forbid",
        alias_generator=dutch_key,
        populate_by_name=True,
        str_strip_whitespace=True,
    )
    # Where the object was written: its YAML document and the path inside it, set by
    # the loader (set_provenance). Positions are looked up only when a diagnostic asks
    # for one. Slots rather than pydantic private attributes: those cost a Python call
    # per object on validation, for thousands of objects in a large course.
    __slots__ = ("_doc", "_path")

    def set_provenance(self, doc: object, path: tuple) -> None:
        _set(self, "_doc", doc)
        _set(self, "_path", path)
        # pydantic keeps, per object, the set of fields the YAML gave (for model_dump's
        # exclude_unset): hundreds of bytes each, a third of a large course's memory, and nothing
        # here asks for it. One shared, unchangeable set per class instead; the loaded model is
        # never changed after loading, so nothing adds to it.
        _set(self, "__pydantic_fields_set__", _every_field(type(self)))

    @property
    def pos(self) -> Position | None:
        doc = getattr(self, "_doc", None)  # unset for an object the loader did not make
        return doc.position(self._path) if doc else None

    def field_pos(self, field: str, index: int | None = None) -> Position | None:
        """Where ``field`` (or its ``index``-th item) was written; else the object itself."""
        doc = getattr(self, "_doc", None)
        if not doc:
            return None
        path = self._path + (dutch_key(field),)
        return doc.position(path if index is None else path + (index,))


_set = object.__setattr__  # past pydantic's __setattr__, which would look for a field


@functools.cache
def _every_field(model: type) -> frozenset[str]:
    return frozenset(model.model_fields)


class SourcedText(Node):
    """A statement with its own source."""

    text: Markdown = Field(description="De tekst (Markdown).")
    source: SourceRef = source_field()


# --- sources and glossary -------------------------------------------------


class Source(Node):
    id: Id = Field(
        description=f"Vaste id van de bron ({ID_RULE}). Andere bestanden verwijzen ernaar met `bron: <id>`; "
        "een bron die nergens gebruikt wordt, geeft een waarschuwing.",
        examples=["ghnt-2018"],
    )
    title: Text = Field(description="Volledige titel van de bron, zoals de pagina Bronnen hem toont.")
    short: Text | None = Field(
        default=None,
        description="Korte naam, in de verwijzingen bij de tekst en als kop op de pagina Bronnen. "
        "Zonder `kort` wordt de titel gebruikt.",
        examples=["Programma GHNT (2018)"],
    )
    publisher: Text | None = Field(default=None, description="Uitgever of opsteller van de bron.",
                                   examples=["Ministerie van VWS"])
    year: int | None = Field(default=None, ge=1900, le=2100, description="Jaar van verschijnen (1900 tot en met 2100).",
                             examples=[2018])
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="Webadres van de bron, beginnend met http:// of https://, zonder spaties.",
        examples=["https://www.nji.nl/kindermishandeling/afwegingskader-meldcode"],
    )
    document: Text | None = Field(
        default=None, description="Bestandsnaam van het brondocument; de pagina Bronnen noemt die als 'Brondocument'.",
        examples=["programma-geweld-hoort-nergens-thuis-2018.txt"],
    )
    note: Markdown | None = Field(default=None, description="Toelichting bij de bron op de pagina Bronnen (Markdown).")


class SourcesFile(Node):
    sources: list[Source] = Field(min_length=1,
                                  description="Alle bronnen van de cursus, elk één keer (minstens één).")


class Definition(Node):
    id: Id = Field(
        description=f"Vaste id van het begrip ({ID_RULE}). Andere begrippen verwijzen ernaar met `zie_ook`, "
        "vragen kunnen het toetsen met `toetst`.",
        examples=["begrip-huiselijk-geweld"],
    )
    term: Text = Field(description="Het begrip zoals het in de begrippenlijst staat.", examples=["Huiselijke kring"])
    definition: Markdown = Field(description="Uitleg van het begrip (Markdown).")
    source: SourceRef = source_field()
    see_also: list[DefinitionRef] = Field(
        default=[], description="Ids van verwante begrippen uit content/begrippen.yml.",
        examples=[["begrip-huiselijke-kring", "begrip-kindermishandeling"]],
    )


class GlossaryFile(Node):
    definitions: list[Definition] = Field(min_length=1,
                                          description="Alle begrippen van de begrippenlijst (minstens één).")


# --- course ---------------------------------------------------------------


class Helpline(Node):
    title: Text = Field(
        description="Kop van de hulplijn: boven het hulplijnblok op de startpagina en in de regel met de "
        "telefoonnummers op elke pagina.",
        examples=["Zorgen over geweld thuis? Veilig Thuis"],
    )
    phone: Text = Field(description="Telefoonnummer voor advies en meldingen; op de site een belknop "
                        "(koppeltekens vallen weg in de link).", examples=["0800-2000"])
    emergency: Text = Field(description="Nummer bij direct gevaar.", examples=["112"])
    text: Markdown = Field(description="Tekst van het hulplijnblok op de startpagina (Markdown).")
    source: SourceRef = source_field()


# The pass mark of a test that names none, in percent: here and nowhere else.
DEFAULT_MASTERY = 80


class ModuleTest(Node):
    """The module's test: how many questions it draws from the pool, and the bar to pass."""

    count: int = Field(
        default=10, ge=1,
        description="Hoeveel vragen de toets per poging trekt uit de vragenpool van de module. Meer dan de pool "
        "heeft, is een fout.",
    )
    mastery: int = Field(
        default=DEFAULT_MASTERY, ge=1, le=100,
        description="Percentage goede antwoorden dat nodig is om de toets te halen (1 tot en met 100).",
    )


class Module(Node):
    id: Id = Field(
        description=f"Vaste id van de module ({ID_RULE}). Leerpaden noemen haar in `modules`, een vragenbank met "
        "`module: <id>` vult haar toets; die toets heeft de id `toets-<id>`. Een module in geen enkel leerpad "
        "geeft een waarschuwing.",
        examples=["module-meldcode"],
    )
    title: Text = Field(description="Titel van de module, in het menu en op de startpagina.")
    description: Markdown = Field(description="Korte beschrijving van de module op de startpagina (Markdown).")
    pages: list[PageRef] = Field(
        min_length=1,
        description="Ids van de pagina's van de module, in leesvolgorde. Een pagina-id is de id van een "
        "gegenereerde pagina (`programma`, `meldcode`, `rollen`, `sectoren`, of de id van een actielijn, stap, "
        "het afwegingskader, de kindcheck of een sector) of van een eigen Markdown-pagina (`id:` in de kop, "
        "anders het pad zonder .md, met koppeltekens).",
        examples=[["meldcode", "stap-1-signalen", "stap-2-overleggen"]],
    )
    test: ModuleTest = Field(
        default=ModuleTest(),
        description="De toets van de module: hoeveel vragen hij trekt en wanneer hij gehaald is. De module heeft "
        "alleen een toets als een vragenbank `module: <id van deze module>` heeft.",
    )
    minutes: int | None = Field(
        default=None, ge=1,
        description="Studietijd in minuten. Zonder `minuten` schat de site die uit de tekst (180 woorden per "
        "minuut) plus een minuut per toetsvraag.",
    )


class Audience(Node):
    id: Id = Field(description=f"Vaste id van het leerpad ({ID_RULE}).", examples=["leraar-in-opleiding"])
    title: Text = Field(description="Naam van het leerpad, zoals de leerling het op de startpagina kiest.")
    description: Markdown = Field(description="Voor wie het leerpad is en wat het biedt (Markdown).")
    modules: list[ModuleRef] = Field(
        min_length=1, description="Ids van de modules van dit leerpad (uit `modules` van de cursus), in volgorde.",
        examples=[["module-programma", "module-meldcode"]],
    )


class CourseFile(Node):
    id: Id = Field(
        description=f"Vaste id van de cursus ({ID_RULE}). De browser bewaart de voortgang onder `elearn:<id>`.",
        examples=["meldcode-ghnt"],
    )
    title: Text = Field(description="Titel van de cursus, bovenaan de startpagina.")
    subtitle: Text | None = Field(default=None, description="Ondertitel, cursief onder de titel op de startpagina.")
    intro: Markdown = Field(description="Inleiding op de startpagina (Markdown).")
    helpline: Helpline = Field(description="De hulplijn (Veilig Thuis en 112): op de startpagina en op elke pagina.")
    audiences: list[Audience] = Field(
        min_length=1,
        description="De leerpaden: per doelgroep een reeks modules. De leerling kiest er een op de startpagina.",
    )
    modules: list[Module] = Field(min_length=1, description="Alle modules van de cursus, in de volgorde van het menu.")


# --- programme Geweld hoort nergens thuis ------------------------------------


class Action(Node):
    text: Markdown = Field(description="Wat het programma in dit thema doet (Markdown).")
    source: SourceRef | None = source_field(
        default=None, description="Id van de bron van deze actie, als die een andere is dan de bron van het thema; "
        "zonder `bron` geldt die van het thema.",
    )


class Theme(Node):
    id: Id = Field(
        description=f"Vaste id van het thema ({ID_RULE}). Vragen toetsen het met `toetst`; een thema dat geen "
        "enkele vraag toetst, geeft een waarschuwing.",
        examples=["al1-bespreekbaar-maken"],
    )
    number: int = Field(ge=1, description="Volgnummer binnen de actielijn: 1, 2, 3 … in de volgorde waarin de "
                        "thema's staan.")
    title: Text = Field(description="Titel van het thema.")
    text: Markdown = Field(description="Waar het thema over gaat (Markdown).")
    actions: list[Action] = Field(min_length=1, description="Wat het programma gaat doen (minstens één actie).")
    source: SourceRef = source_field()


class ActionLine(Node):
    id: Id = Field(
        description=f"Vaste id van de actielijn ({ID_RULE}); ook de id van haar pagina. Vragen toetsen haar met "
        "`toetst`; een actielijn die geen enkele vraag toetst, geeft een waarschuwing.",
        examples=["eerder-en-beter-in-beeld"],
    )
    number: int = Field(ge=1, description="Volgnummer: 1, 2, 3 … in de volgorde waarin de actielijnen staan.")
    title: Text = Field(description="Titel van de actielijn.")
    goal: Markdown = Field(description="Doel van de actielijn, bovenaan haar pagina (Markdown).")
    themes: list[Theme] = Field(min_length=1, description="De thema's van de actielijn (minstens één), op volgorde.")
    indicators: list[SourcedText] = Field(
        default=[], description="Indicatoren: waaraan het programma ziet of de actielijn resultaat heeft."
    )
    note: Markdown | None = Field(default=None, description="Toelichting onder de indicatoren (Markdown).")
    source: SourceRef = source_field()


class Figure(Node):
    id: Id = Field(description=f"Vaste id van het kerncijfer ({ID_RULE}).", examples=["cijfer-kindermishandeling"])
    value: Text = Field(description="Het cijfer, als tekst: zet het tussen aanhalingstekens.", examples=["119.000"])
    label: Markdown = Field(description="Wat het cijfer telt (Markdown).",
                            examples=["kinderen per jaar slachtoffer van kindermishandeling"])
    source: SourceRef = source_field()
    note: Markdown | None = Field(default=None, description="Toelichting, tussen haakjes achter de omschrijving "
                                  "(Markdown).")


class Phase(Node):
    id: Id = Field(description=f"Vaste id van de fase ({ID_RULE}).", examples=["fase-1"])
    title: Text = Field(description="Naam van de fase.", examples=["Fase 1 — opbouw"])
    period: Text = Field(description="Wanneer de fase loopt.", examples=["tweede kwartaal 2018 tot en met eind 2018"])
    text: Markdown = Field(description="Wat er in de fase gebeurt (Markdown).")
    source: SourceRef = source_field()


class Milestone(Node):
    when: Text = Field(description="Wanneer de mijlpaal valt.", examples=["eind april 2018"])
    text: Markdown = Field(description="Wat er dan bereikt is (Markdown).")
    source: SourceRef = source_field()


class ProgrammeFile(Node):
    id: Id = Field(description=f"Vaste id van het programma ({ID_RULE}).", examples=["geweld-hoort-nergens-thuis"])
    title: Text = Field(description="Naam van het programma, de titel van de programmapagina.")
    intro: Markdown = Field(description="Inleiding op de programmapagina (Markdown).")
    mission: SourcedText = Field(description="De opdracht van het programma, met bron.")
    ambition: SourcedText = Field(description="De ambitie van het programma, met bron.")
    organisation: SourcedText | None = Field(default=None, description="Hoe het programma georganiseerd is, met bron.")
    action_lines: list[ActionLine] = Field(
        min_length=1, description="De actielijnen (minstens één), op volgorde; elk krijgt een eigen pagina."
    )
    figures: list[Figure] = Field(default=[], description="Kerncijfers, in een tabel op de programmapagina.")
    phases: list[Phase] = Field(default=[], description="De fasering van het programma.")
    milestones: list[Milestone] = Field(default=[], description="Mijlpalen, in een tabel op de programmapagina.")
    notes: list[SourcedText] = Field(default=[], description="Opmerkingen, onder 'Let op' op de programmapagina.")


# --- meldcode -------------------------------------------------------------


class Step(Node):
    id: Id = Field(
        description=f"Vaste id van de stap ({ID_RULE}); ook de id van haar pagina. Sectorroutes en casussen "
        "verwijzen ernaar met `stap`, vragen met `toetst`; een stap die geen enkele vraag toetst, geeft een "
        "waarschuwing.",
        examples=["stap-1-signalen"],
    )
    number: int = Field(ge=1, le=5, description="Nummer van de stap: 1 tot en met 5, in de volgorde waarin de "
                        "stappen staan.")
    title: Text = Field(description="Titel van de stap.", examples=["Signalen in kaart brengen"])
    summary: Markdown = Field(description="De kern van de stap in een paar zinnen (Markdown).")
    what_you_do: list[SourcedText] = Field(min_length=1, description="Wat je in deze stap doet (minstens één punt).")
    source: SourceRef = source_field()


class Branch(Node):
    consequence: Markdown = Field(description="Wat dit antwoord betekent en wat je dan doet (Markdown).")
    decision: Literal["melden", "afsluiten", "hulp"] | None = Field(
        default=None,
        description="Het besluit waarin dit antwoord uitkomt: `melden`, `afsluiten` of `hulp`. Hulp is geen "
        "eindpunt: bij `hulp` hoort ook `naar`. Zonder besluit is `naar` verplicht.",
    )
    next: DecisionQuestionRef | None = Field(
        default=None,
        description="Id van de afwegingsvraag (uit `vragen` van het afwegingskader) die na dit antwoord komt. "
        "Verplicht zonder `besluit` en bij `besluit: hulp`. De vragen mogen niet in een kring naar elkaar "
        "verwijzen: elke route eindigt in melden of afsluiten.",
        examples=["afweging-2-onveiligheid"],
    )


class DecisionQuestion(Node):
    id: Id = Field(
        description=f"Vaste id van de afwegingsvraag ({ID_RULE}). Antwoorden verwijzen ernaar met `naar`, "
        "casusuitkomsten met `afwegingsvraag`, vragen met `toetst`; een afwegingsvraag die geen enkele vraag "
        "toetst, geeft een waarschuwing.",
        examples=["afweging-1-vermoeden"],
    )
    number: int = Field(ge=1, description="Volgnummer: 1, 2, 3 … in de volgorde waarin de vragen staan. Elke vraag "
                        "moet vanaf vraag 1 te bereiken zijn (anders een waarschuwing).")
    question: Text = Field(description="De vraag die je jezelf stelt.",
                           examples=["Is er sprake van acute en/of structurele onveiligheid?"])
    note: Markdown | None = Field(default=None, description="Toelichting bij de vraag (Markdown).")
    yes: Branch = Field(description="Wat volgt als het antwoord ja is: een besluit en/of de volgende vraag.")
    no: Branch = Field(description="Wat volgt als het antwoord nee is: een besluit en/of de volgende vraag.")
    source: SourceRef = source_field()


class Norm(Node):
    id: Id = Field(description=f"Vaste id van de meldnorm ({ID_RULE}); ook het anker op de pagina.",
                   examples=["meldnorm-acute-of-structurele-onveiligheid"])
    text: Markdown = Field(description="Wanneer je volgens deze norm meldt (Markdown).")
    source: SourceRef = source_field()


class DecisionFramework(Node):
    id: Id = Field(description=f"Vaste id van het afwegingskader ({ID_RULE}); ook de id van zijn pagina. Vragen "
                   "toetsen het met `toetst`.", examples=["afwegingskader"])
    title: Text = Field(description="Titel van de pagina.", examples=["Het afwegingskader"])
    intro: Markdown = Field(description="Inleiding op de pagina (Markdown).")
    questions: list[DecisionQuestion] = Field(
        min_length=1, description="De afwegingsvragen (minstens één), in de volgorde waarin je ze beantwoordt."
    )
    norms: list[Norm] = Field(default=[], description="De professionele normen om te melden.")
    points: list[SourcedText] = Field(default=[], description="Aandachtspunten, onder 'Let op'.")
    source: SourceRef = source_field()


class Kindcheck(Node):
    id: Id = Field(
        description=f"Vaste id van de kindcheck ({ID_RULE}); ook de id van haar pagina. Vragen toetsen haar met "
        "`toetst`; toetst geen enkele vraag haar, dan geeft dat een waarschuwing.",
        examples=["kindcheck"],
    )
    title: Text = Field(description="Titel van de pagina.", examples=["De kindcheck"])
    intro: Markdown = Field(description="Inleiding op de pagina (Markdown).")
    checks: list[SourcedText] = Field(min_length=1, description="Wat je nagaat (minstens één punt).")
    triggers: list[SourcedText] = Field(default=[], description="Signalen bij ouders die aanleiding geven tot de "
                                        "kindcheck.")
    moments: list[SourcedText] = Field(default=[], description="Wanneer je de kindcheck doet.")
    points: list[SourcedText] = Field(default=[], description="Aandachtspunten.")
    source: SourceRef = source_field()


class Role(Node):
    id: Id = Field(description=f"Vaste id van de rol ({ID_RULE}); ook het anker op de pagina Rollen.",
                   examples=["aandachtsfunctionaris"])
    title: Text = Field(description="Naam van de rol.", examples=["De aandachtsfunctionaris"])
    summary: Markdown = Field(description="Wat de rol inhoudt, in een paar zinnen (Markdown).")
    tasks: list[SourcedText] = Field(default=[], description="Taken van de rol.")
    facts: list[SourcedText] = Field(default=[], description="Feiten over de rol, onder 'Goed om te weten'.")
    source: SourceRef = source_field()


class Law(Node):
    title: Text = Field(description="Naam van de wet.",
                        examples=["Wet verplichte meldcode huiselijk geweld en kindermishandeling"])
    intro: Markdown = Field(description="Wat de wet vraagt, op de pagina over de meldcode (Markdown).")
    scope: list[SourcedText] = Field(min_length=1, description="Voor wie de meldcode geldt (minstens één punt).")
    source: SourceRef = source_field()


class SectorStep(Node):
    """How one of the five steps works out in a sector."""

    id: Id = Field(
        description=f"Vaste id van deze uitwerking ({ID_RULE}); ook het anker op de routepagina. Vragen toetsen "
        "haar met `toetst`; een uitwerking die geen enkele vraag toetst, geeft een waarschuwing.",
        examples=["onderwijs-stap-1"],
    )
    step_ref: StepRef = Field(
        description="Id van de stap van de meldcode (uit `stappen` in content/meldcode.yml) die dit blok uitwerkt. "
        "Elke stap komt in een route precies één keer voor, in de volgorde 1 tot en met 5.",
        examples=["stap-1-signalen"],
    )
    what_you_do: list[SourcedText] = Field(min_length=1, description="Wat je in deze stap doet in deze sector "
                                           "(minstens één punt).")
    consult: list[SourcedText] = Field(default=[], description="Met wie je overlegt.")
    record: list[SourcedText] = Field(default=[], description="Wat je vastlegt.")
    signals: list[SourcedText] = Field(default=[], description="Signalen om op te letten.")
    pitfalls: list[SourcedText] = Field(default=[], description="Valkuilen.")


class Regime(Node):
    """A rule of the sector's own, beside the meldcode: never without a source."""

    id: Id = Field(
        description=f"Vaste id van de regeling ({ID_RULE}); ook het anker op de routepagina. Een casusuitkomst "
        "die buiten de meldcode eindigt, verwijst ernaar met `regeling`.",
        examples=["onderwijs-zedenmisdrijf-personeel"],
    )
    title: Text = Field(description="Naam van de regeling.")
    text: Markdown = Field(description="Wat de regeling inhoudt en wanneer ze geldt (Markdown).")
    route: list[SourcedText] = Field(default=[], description="De stappen van de regeling, genummerd getoond.")
    source: SourceRef = source_field()


class SectorFile(Node):
    id: Id = Field(description=f"Vaste id van de sector ({ID_RULE}); ook de id van de routepagina.",
                   examples=["onderwijs"])
    title: Text = Field(description="Naam van de sector.", examples=["Onderwijs"])
    audience: Text = Field(description="Voor wie de route is: welke professionals.",
                           examples=["Leraren, mentoren en intern begeleiders"])
    intro: Markdown = Field(description="Inleiding op de routepagina (Markdown).")
    source: SourceRef = source_field()
    # the sector's own sources, cited like any other
    sources: list[Source] = Field(
        default=[], description="Eigen bronnen van de sector. Elk bestand verwijst ernaar met `bron: <id>`, net "
        "als naar de bronnen in content/bronnen.yml.",
    )
    steps: list[SectorStep] = Field(
        min_length=1, description="Hoe elk van de vijf stappen uitpakt in deze sector: elke stap precies één keer, "
        "in de volgorde 1 tot en met 5.",
    )
    regimes: list[Regime] = Field(default=[], description="Eigen regelingen van de sector naast de meldcode, elk "
                                  "met bron.")


QuizOrPageRef = Annotated[str, Ref("quiz-or-page")]


class Activity(Node):
    """One part of a session: how long, how, with what, and which quiz, case or page."""

    title: Text = Field(description="Titel van de activiteit.", examples=["Wat vraagt de wet van je?"])
    minutes: int = Field(ge=1, description="Duur van de activiteit in minuten. Samen zijn de activiteiten precies "
                         "de `duur` van de sessie.", examples=[10])
    method: Text = Field(description="De werkvorm.", examples=["Plenair gesprek"])
    text: Markdown = Field(description="Wat de trainer doet en laat doen (Markdown).")
    materials: list[Text] = Field(default=[], description="Wat je nodig hebt.", examples=[["Beamer", "Flip-over"]])
    uses: list[QuizOrPageRef] = Field(
        default=[],
        description="Ids van wat de activiteit gebruikt: een pagina, een vraag of casus, een vragenbank, de toets "
        "van een module (`toets-<module-id>`) of de oefenvragen van een pagina (`oefen-<pagina-id>`).",
        examples=[["meldcode", "toets-module-meldcode"]],
    )


class SessionPlan(Node):
    id: Id = Field(description=f"Vaste id van het sessieplan ({ID_RULE}); ook de id van zijn pagina onder Voor "
                   "trainers.", examples=["introductie-leraren"])
    title: Text = Field(description="Titel van de sessie.")
    audience: Text = Field(description="Voor wie de sessie is.",
                           examples=["Pabo-studenten en studenten van de tweedegraads lerarenopleiding"])
    # minutes: the activities must add up to it
    duration: int = Field(ge=1, description="Duur van de sessie in minuten: de `minuten` van de activiteiten "
                          "tellen daar precies tot op.", examples=[90])
    goal: Markdown = Field(description="Wat de deelnemers na de sessie kunnen (Markdown).")
    activities: list[Activity] = Field(min_length=1, description="De activiteiten (minstens één), in de volgorde "
                                       "van de sessie.")
    facilitator_notes: list[Markdown] = Field(default=[], description="Notities voor de trainer (Markdown).")
    source: SourceRef | None = source_field(default=None)


class MeldcodeFile(Node):
    id: Id = Field(description=f"Vaste id van de meldcode ({ID_RULE}).", examples=["meldcode"])
    title: Text = Field(description="Titel van de pagina over de meldcode.")
    law: Law = Field(description="De wet: wat ze vraagt en voor wie ze geldt.")
    steps: list[Step] = Field(min_length=5, max_length=5, description="De vijf stappen van de meldcode, op "
                              "volgorde (precies vijf).")
    decision_framework: DecisionFramework = Field(description="Het afwegingskader: de vragen die leiden tot het "
                                                  "besluit over melden en hulp.")
    kindcheck: Kindcheck = Field(description="De kindcheck.")
    roles: list[Role] = Field(min_length=1, description="Wie wat doet bij de meldcode (minstens één rol); samen "
                              "op de pagina Rollen.")


def walk(node: Node) -> Iterator[Node]:
    """Every node in the tree below ``node``, ``node`` first, depth first in field order."""
    stack = [node]
    while stack:
        node = stack.pop()
        yield node
        children = []
        for name in child_fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, list):
                children += [item for item in value if isinstance(item, Node)]
            elif isinstance(value, Node):
                children.append(value)
        stack += reversed(children)


@functools.cache
def child_fields(model: type[Node]) -> tuple[str, ...]:
    """The fields of ``model`` that can hold nodes: walk() skips texts, numbers and ids."""
    return tuple(name for name, info in model.model_fields.items() if _holds_node(info.annotation))


def _holds_node(tp) -> bool:
    if isinstance(tp, type) and issubclass(tp, Node):
        return True
    return any(_holds_node(arg) for arg in typing.get_args(tp))


def node_id(node: Node) -> str | None:
    """The node's id, or None for an object without one. Cheaper than getattr() with a
    default, where pydantic raises and catches an AttributeError for every miss."""
    return node.__dict__.get("id")


def _ref_in(tp) -> Ref | None:
    if typing.get_origin(tp) is Annotated:
        found = next((m for m in tp.__metadata__ if isinstance(m, Ref)), None)
        if found:
            return found
    return next((r for a in typing.get_args(tp) if (r := _ref_in(a))), None)


@functools.cache
def reference_fields(model: type[Node]) -> dict[str, Ref]:
    """Field name -> the kind it refers to, for every reference field of ``model``."""
    found = {}
    for name, info in model.model_fields.items():
        ref = next((m for m in info.metadata if isinstance(m, Ref)), None) or _ref_in(
            info.annotation
        )
        if ref:
            found[name] = ref
    return found


def references(node: Node) -> Iterator[tuple[str, Ref, str, int | None]]:
    """(field, kind, id, list index or None) for every reference held directly by ``node``."""
    for name, ref in reference_fields(type(node)).items():
        value = getattr(node, name)
        if isinstance(value, list):
            for index, target in enumerate(value):
                yield name, ref, target, index
        elif value is not None:
            yield name, ref, value, None
