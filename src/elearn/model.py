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

    text: Markdown
    source: SourceRef


# --- sources and glossary -------------------------------------------------


class Source(Node):
    id: Id
    title: Text
    short: Text | None = None
    publisher: Text | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    document: Text | None = None
    note: Markdown | None = None


class SourcesFile(Node):
    sources: list[Source] = Field(min_length=1)


class Definition(Node):
    id: Id
    term: Text
    definition: Markdown
    source: SourceRef
    see_also: list[DefinitionRef] = []


class GlossaryFile(Node):
    definitions: list[Definition] = Field(min_length=1)


# --- course ---------------------------------------------------------------


class Helpline(Node):
    title: Text
    phone: Text
    emergency: Text
    text: Markdown
    source: SourceRef


# The pass mark of a test that names none, in percent: here and nowhere else.
DEFAULT_MASTERY = 80


class ModuleTest(Node):
    """The module's test: how many questions it draws from the pool, and the bar to pass."""

    count: int = Field(default=10, ge=1)
    mastery: int = Field(default=DEFAULT_MASTERY, ge=1, le=100)


class Module(Node):
    id: Id
    title: Text
    description: Markdown
    pages: list[PageRef] = Field(min_length=1)
    test: ModuleTest = ModuleTest()
    minutes: int | None = Field(default=None, ge=1)  # study time; estimated from the text if absent


class Audience(Node):
    id: Id
    title: Text
    description: Markdown
    modules: list[ModuleRef] = Field(min_length=1)


class CourseFile(Node):
    id: Id
    title: Text
    subtitle: Text | None = None
    intro: Markdown
    helpline: Helpline
    audiences: list[Audience] = Field(min_length=1)
    modules: list[Module] = Field(min_length=1)


# --- programme Geweld hoort nergens thuis ------------------------------------


class Action(Node):
    text: Markdown
    source: SourceRef | None = None


class Theme(Node):
    id: Id
    number: int = Field(ge=1)
    title: Text
    text: Markdown
    actions: list[Action] = Field(min_length=1)
    source: SourceRef


class ActionLine(Node):
    id: Id
    number: int = Field(ge=1)
    title: Text
    goal: Markdown
    themes: list[Theme] = Field(min_length=1)
    indicators: list[SourcedText] = []
    note: Markdown | None = None
    source: SourceRef


class Figure(Node):
    id: Id
    value: Text
    label: Markdown
    source: SourceRef
    note: Markdown | None = None


class Phase(Node):
    id: Id
    title: Text
    period: Text
    text: Markdown
    source: SourceRef


class Milestone(Node):
    when: Text
    text: Markdown
    source: SourceRef


class ProgrammeFile(Node):
    id: Id
    title: Text
    intro: Markdown
    mission: SourcedText
    ambition: SourcedText
    organisation: SourcedText | None = None
    action_lines: list[ActionLine] = Field(min_length=1)
    figures: list[Figure] = []
    phases: list[Phase] = []
    milestones: list[Milestone] = []
    notes: list[SourcedText] = []


# --- meldcode -------------------------------------------------------------


class Step(Node):
    id: Id
    number: int = Field(ge=1, le=5)
    title: Text
    summary: Markdown
    what_you_do: list[SourcedText] = Field(min_length=1)
    source: SourceRef


class Branch(Node):
    consequence: Markdown
    decision: Literal["melden", "afsluiten", "hulp"] | None = None
    next: DecisionQuestionRef | None = None


class DecisionQuestion(Node):
    id: Id
    number: int = Field(ge=1)
    question: Text
    note: Markdown | None = None
    yes: Branch
    no: Branch
    source: SourceRef


class Norm(Node):
    id: Id
    text: Markdown
    source: SourceRef


class DecisionFramework(Node):
    id: Id
    title: Text
    intro: Markdown
    questions: list[DecisionQuestion] = Field(min_length=1)
    norms: list[Norm] = []
    points: list[SourcedText] = []
    source: SourceRef


class Kindcheck(Node):
    id: Id
    title: Text
    intro: Markdown
    checks: list[SourcedText] = Field(min_length=1)
    triggers: list[SourcedText] = []
    moments: list[SourcedText] = []
    points: list[SourcedText] = []
    source: SourceRef


class Role(Node):
    id: Id
    title: Text
    summary: Markdown
    tasks: list[SourcedText] = []
    facts: list[SourcedText] = []
    source: SourceRef


class Law(Node):
    title: Text
    intro: Markdown
    scope: list[SourcedText] = Field(min_length=1)
    source: SourceRef


class SectorStep(Node):
    """How one of the five steps works out in a sector."""

    id: Id
    step_ref: StepRef
    what_you_do: list[SourcedText] = Field(min_length=1)
    consult: list[SourcedText] = []
    record: list[SourcedText] = []
    signals: list[SourcedText] = []
    pitfalls: list[SourcedText] = []


class Regime(Node):
    """A rule of the sector's own, beside the meldcode: never without a source."""

    id: Id
    title: Text
    text: Markdown
    route: list[SourcedText] = []
    source: SourceRef


class SectorFile(Node):
    id: Id
    title: Text
    audience: Text
    intro: Markdown
    source: SourceRef
    sources: list[Source] = []  # the sector's own sources, cited like any other
    steps: list[SectorStep] = Field(min_length=1)
    regimes: list[Regime] = []


QuizOrPageRef = Annotated[str, Ref("quiz-or-page")]


class Activity(Node):
    """One part of a session: how long, how, with what, and which quiz, case or page."""

    title: Text
    minutes: int = Field(ge=1)
    method: Text
    text: Markdown
    materials: list[Text] = []
    uses: list[QuizOrPageRef] = []


class SessionPlan(Node):
    id: Id
    title: Text
    audience: Text
    duration: int = Field(ge=1)  # minutes: the activities must add up to it
    goal: Markdown
    activities: list[Activity] = Field(min_length=1)
    facilitator_notes: list[Markdown] = []
    source: SourceRef | None = None


class MeldcodeFile(Node):
    id: Id
    title: Text
    law: Law
    steps: list[Step] = Field(min_length=5, max_length=5)
    decision_framework: DecisionFramework
    kindcheck: Kindcheck
    roles: list[Role] = Field(min_length=1)


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
