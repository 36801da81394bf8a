"""Question banks: seven question types, each answer with feedback that explains why.

A bank lives in ``quizzes/<name>.yml``. Like content, keys are Dutch (see
``model.DUTCH_KEYS``); the question type names are the English ones the HTML carries in
``data-elearn-type``.
"""

# No "from __future__ import annotations" here: pydantic would get every field's
# annotation as a string and compile each one (about a thousand) on every build.

from typing import Annotated, Literal, Union

from pydantic import Field

from ..model import (
    ID_RULE, DecisionQuestionRef, Id, Markdown, ModuleRef, Node, Ref, RegimeRef, SourceRef, StepRef, Text,
    source_field,
)

ContentRef = Annotated[str, Ref("content")]

QUESTION_TYPES = ("single", "multiple", "truefalse", "ordering", "matching", "shortanswer", "case")

# The description of ``vaste_volgorde`` for the two kinds of question whose options are shuffled.
PINNED_OPTIONS = (
    "`true`: de opties staan altijd in de geschreven volgorde, niet bij elke poging gehusseld. Alleen nodig als "
    "opties naar elkaar verwijzen ('beide bovenstaande', 'A en B'); zonder `vaste_volgorde: true` is zo'n optie "
    "een fout."
)


def pinned(q: "Question") -> bool:
    """Whether ``q`` keeps its choices in the written order (``vaste_volgorde``), which only some
    types of question can. Read from its fields: ``getattr`` with a default costs pydantic an
    exception for every type without the field, and the pages ask for every question."""
    return q.__dict__.get("pinned", False)


class Option(Node):
    text: Markdown = Field(description="De tekst van de optie (Markdown).")
    correct: bool = Field(default=False, description="`true` als deze optie een juist antwoord is.")
    feedback: Markdown = Field(description="Waarom deze optie goed of fout is (Markdown); de leerling ziet het na "
                               "het antwoord.")


class Question(Node):
    id: Id = Field(
        description=f"Vaste id van de vraag ({ID_RULE}). `[[quiz: <id>]]` zet de vraag in een eigen Markdown-pagina; "
        "sessieplannen noemen haar in `gebruik`.",
        examples=["mc-volgorde-vijf-stappen"],
    )
    title: Text | None = Field(
        default=None,
        description="Titel van de vraag: boven een casus (anders 'Casus') en als de vraag los getoond wordt "
        "(anders 'Vraag uit <titel van de bank>').",
        examples=["Casus Daan (basisschool)"],
    )
    prompt: Markdown = Field(description="De vraag of stelling (Markdown); bij een casus de beginsituatie.")
    tests: list[ContentRef] = Field(
        min_length=1,
        description="Ids van wat de vraag toetst (minstens één): een pagina of iets met een id in content/, zoals "
        "een actielijn, thema, stap, afwegingsvraag, de kindcheck, de uitwerking van een stap in een sector, een "
        "eigen regeling of een begrip; geen bron. De pagina's van het programma, de meldcode en de sectoren "
        "tonen bij 'Test jezelf' de vragen die hun onderdelen toetsen.",
        examples=[["stap-2-overleggen", "afweging-2-onveiligheid"]],
    )
    explanation: Markdown | None = Field(default=None, description="Algemene uitleg die de leerling na het antwoord "
                                         "ziet (Markdown).")
    source: SourceRef = source_field(description="Id van de bron waarop de vraag steunt: een bron uit "
                                     "content/bronnen.yml of uit de eigen `bronnen` van een sector.")


class SingleChoice(Question):
    type: Literal["single"] = Field(description="`single`: de leerling kiest het ene juiste antwoord.")
    options: list[Option] = Field(min_length=2, description="De opties (minstens twee); precies één heeft "
                                  "`goed: true`.")
    # The site shows options in a fresh random order on every attempt; an author pins the
    # written order only when options refer to each other ("beide bovenstaande").
    pinned: bool = Field(default=False, description=PINNED_OPTIONS)


class MultipleResponse(Question):
    type: Literal["multiple"] = Field(description="`multiple`: de leerling kiest alle juiste antwoorden "
                                      "(deelpunten).")
    options: list[Option] = Field(min_length=3, description="De opties (minstens drie); minstens één heeft "
                                  "`goed: true`.")
    pinned: bool = Field(default=False, description=PINNED_OPTIONS)


class TrueFalse(Question):
    type: Literal["truefalse"] = Field(description="`truefalse`: de leerling kiest waar of onwaar.")
    answer: bool = Field(description="`true` als de stelling waar is, `false` als ze onwaar is.")
    feedback_true: Markdown = Field(description="Feedback voor wie 'waar' kiest (Markdown).")
    feedback_false: Markdown = Field(description="Feedback voor wie 'onwaar' kiest (Markdown).")


class OrderItem(Node):
    text: Markdown = Field(description="De tekst van het onderdeel (Markdown).")
    feedback: Markdown = Field(description="Waarom dit onderdeel op deze plaats hoort (Markdown).")


class Ordering(Question):
    """Items are written in the correct order; the page shows them shuffled."""

    type: Literal["ordering"] = Field(description="`ordering`: de leerling zet de onderdelen in de juiste volgorde.")
    items: list[OrderItem] = Field(min_length=3, description="De onderdelen (minstens drie), in de júíste volgorde; "
                                   "de pagina husselt ze.")


class Pair(Node):
    left: Text = Field(description="De term die de leerling koppelt; elke term één keer per vraag.")
    right: Text = Field(description="Het antwoord dat bij de term hoort; elk antwoord één keer per vraag.")
    feedback: Markdown = Field(description="Waarom deze twee bij elkaar horen (Markdown).")


class Matching(Question):
    type: Literal["matching"] = Field(description="`matching`: de leerling koppelt elke term aan een antwoord.")
    pairs: list[Pair] = Field(min_length=3, description="De paren (minstens drie).")
    # the answers to choose from in the written order
    pinned: bool = Field(default=False, description="`true`: de antwoorden om uit te kiezen staan in de geschreven "
                         "volgorde, niet bij elke poging gehusseld.")


class ShortAnswer(Question):
    """Accepted answers are compared without regard to case and spacing."""

    type: Literal["shortanswer"] = Field(description="`shortanswer`: de leerling typt een kort antwoord.")
    answers: list[Text] = Field(
        min_length=1,
        description="De antwoorden die goed zijn (minstens één). Hoofdletters en spaties tellen niet mee; elk "
        "antwoord één keer.",
        examples=[["Veilig Thuis"]],
    )
    feedback_correct: Markdown = Field(description="Feedback bij een goed antwoord (Markdown).")
    feedback_wrong: Markdown = Field(description="Feedback bij een ander antwoord (Markdown).")


class CaseChoice(Node):
    text: Markdown = Field(description="Wat de leerling kan doen (Markdown).")
    # a situation or an outcome of the same case
    next: Id = Field(description="Id van de situatie of uitkomst van dezelfde casus waar deze keuze heen leidt.",
                     examples=["onderwijs-daan-2"])
    correct: bool = Field(default=False, description="`true` voor de beste keuze in deze situatie.")
    feedback: Markdown = Field(description="Wat de keuze doet en waarom, direct na het kiezen (Markdown).")


class CaseNode(Node):
    id: Id = Field(
        description=f"Vaste id van de situatie ({ID_RULE}); `start` en `naar` verwijzen ernaar. Een situatie die "
        "vanaf de start niet te bereiken is, geeft een waarschuwing.",
        examples=["onderwijs-daan-1"],
    )
    situation: Markdown = Field(description="Wat er gebeurt, en de vraag wat de leerling doet (Markdown).")
    step: StepRef | None = Field(
        default=None, description="Id van de stap van de meldcode (uit `stappen` in content/meldcode.yml) waarin "
        "deze situatie speelt.", examples=["stap-1-signalen"],
    )
    choices: list[CaseChoice] = Field(
        min_length=2, description="De keuzes (minstens twee). Vanuit elke situatie moet een uitkomst te bereiken "
        "zijn.",
    )


class CaseOutcome(Node):
    """Where a route through a case ends: in a step and decision question of the meldcode, or
    in a sector's own regime (the meldplicht for violence by staff is not a meldcode step)."""

    id: Id = Field(description=f"Vaste id van de uitkomst ({ID_RULE}); keuzes verwijzen ernaar met `naar`.",
                   examples=["onderwijs-daan-uitkomst-melden"])
    title: Text = Field(description="Korte naam van de uitkomst, getoond als 'Uitkomst: <titel>'.")
    # the debrief
    text: Markdown = Field(description="De nabespreking van deze afloop (Markdown).")
    correct: bool = Field(default=False, description="`true` voor de uitkomst van de beste route; minstens één "
                          "uitkomst per casus heeft `goed: true`.")
    step: StepRef | None = Field(
        default=None,
        description="Id van de stap van de meldcode (uit `stappen` in content/meldcode.yml) waar de route eindigt. "
        "Altijd samen met `afwegingsvraag`, en dan zonder `regeling`.",
        examples=["stap-5-beslissen"],
    )
    decision_question: DecisionQuestionRef | None = Field(
        default=None,
        description="Id van de afwegingsvraag (uit het afwegingskader in content/meldcode.yml) waar de route "
        "eindigt. Altijd samen met `stap`, en dan zonder `regeling`.",
        examples=["afweging-2-onveiligheid"],
    )
    regime: RegimeRef | None = Field(
        default=None,
        description="Id van een eigen regeling van een sector (`eigen_regelingen` in content/sectoren/), voor een "
        "route die buiten de meldcode eindigt, zoals bij geweld door een medewerker. Dan zonder `stap` en "
        "`afwegingsvraag`.",
        examples=["onderwijs-zedenmisdrijf-personeel"],
    )
    source: SourceRef = source_field()


class Case(Question):
    """A branching scenario: situations with choices that lead on, ending in outcomes."""

    type: Literal["case"] = Field(description="`case`: de leerling doorloopt een casus met beslismomenten.")
    start: Id = Field(description="Id van de situatie (uit `situaties`) waarmee de casus begint.",
                      examples=["onderwijs-daan-1"])
    nodes: list[CaseNode] = Field(min_length=1, description="De situaties met hun keuzes (minstens één).")
    outcomes: list[CaseOutcome] = Field(min_length=1, description="Waar de routes eindigen (minstens één), elk met "
                                        "nabespreking.")
    # the choices at each decision point in the written order
    pinned: bool = Field(default=False, description="`true`: de keuzes in elke situatie staan in de geschreven "
                         "volgorde, niet bij elke poging gehusseld.")


AnyQuestion = Annotated[
    Union[SingleChoice, MultipleResponse, TrueFalse, Ordering, Matching, ShortAnswer, Case],
    Field(discriminator="type"),
]


class QuestionBank(Node):
    id: Id = Field(description=f"Vaste id van de vragenbank ({ID_RULE}); `[[quiz: <id>]]` toont de hele bank.",
                   examples=["bank-meldcode"])
    title: Text = Field(description="Titel van de vragenbank.")
    # the module whose test draws from this bank
    module: ModuleRef | None = Field(
        default=None,
        description="Id van de module (uit content/cursus.yml) waarvan de toets uit deze bank trekt. Zonder "
        "`module` telt de bank voor geen enkele toets.",
        examples=["module-meldcode"],
    )
    questions: list[AnyQuestion] = Field(
        min_length=1, description="De vragen (minstens één). `type` bepaalt welke velden een vraag heeft."
    )