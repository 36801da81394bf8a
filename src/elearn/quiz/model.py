"""Question banks: seven question types, each answer with feedback that explains why.

A bank lives in ``quizzes/<name>.yml``. Like content, keys are Dutch (see
``model.DUTCH_KEYS``); the question type names are the English ones the HTML carries in
``data-elearn-type``.
"""

# No "from __future__ import annotations" here: pydantic would get every field's
# annotation as a string and compile each one (about a thousand) on every build.

from typing import Annotated, Literal, Union

from pydantic import Field

from ..model import DecisionQuestionRef, Id, Markdown, ModuleRef, Node, Ref, RegimeRef, SourceRef, StepRef, Text

ContentRef = Annotated[str, Ref("content")]

QUESTION_TYPES = ("single", "multiple", "truefalse", "ordering", "matching", "shortanswer", "case")


class Option(Node):
    text: Markdown
    correct: bool = False
    feedback: Markdown


class Question(Node):
    id: Id
    title: Text | None = None
    prompt: Markdown
    tests: list[ContentRef] = Field(min_length=1)
    explanation: Markdown | None = None
    source: SourceRef


class SingleChoice(Question):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)
    # The site shows options in a fresh random order on every attempt; an author pins the
    # written order only when options refer to each other ("beide bovenstaande").
    pinned: bool = False


class MultipleResponse(Question):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=3)
    pinned: bool = False


class TrueFalse(Question):
    type: Literal["truefalse"]
    answer: bool
    feedback_true: Markdown
    feedback_false: Markdown


class OrderItem(Node):
    text: Markdown
    feedback: Markdown


class Ordering(Question):
    """Items are written in the correct order; the page shows them shuffled."""

    type: Literal["ordering"]
    items: list[OrderItem] = Field(min_length=3)


class Pair(Node):
    left: Text
    right: Text
    feedback: Markdown


class Matching(Question):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=3)
    pinned: bool = False  # the answers to choose from in the written order


class ShortAnswer(Question):
    """Accepted answers are compared without regard to case and spacing."""

    type: Literal["shortanswer"]
    answers: list[Text] = Field(min_length=1)
    feedback_correct: Markdown
    feedback_wrong: Markdown


class CaseChoice(Node):
    text: Markdown
    next: Id  # a situation or an outcome of the same case
    correct: bool = False
    feedback: Markdown


class CaseNode(Node):
    id: Id
    situation: Markdown
    step: StepRef | None = None
    choices: list[CaseChoice] = Field(min_length=2)


class CaseOutcome(Node):
    """Where a route through a case ends: in a step and decision question of the meldcode, or
    in a sector's own regime (the meldplicht for violence by staff is not a meldcode step)."""

    id: Id
    title: Text
    text: Markdown  # the debrief
    correct: bool = False
    step: StepRef | None = None
    decision_question: DecisionQuestionRef | None = None
    regime: RegimeRef | None = None
    source: SourceRef


class Case(Question):
    """A branching scenario: situations with choices that lead on, ending in outcomes."""

    type: Literal["case"]
    start: Id
    nodes: list[CaseNode] = Field(min_length=1)
    outcomes: list[CaseOutcome] = Field(min_length=1)
    pinned: bool = False  # the choices at each decision point in the written order


AnyQuestion = Annotated[
    Union[SingleChoice, MultipleResponse, TrueFalse, Ordering, Matching, ShortAnswer, Case],
    Field(discriminator="type"),
]


class QuestionBank(Node):
    id: Id
    title: Text
    module: ModuleRef | None = None  # the module whose test draws from this bank
    questions: list[AnyQuestion] = Field(min_length=1)
