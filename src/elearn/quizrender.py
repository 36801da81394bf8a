"""Questions to semantic HTML at build time; the browser script only enhances it.

Feedback is rendered into the page as hidden elements, so the script never
builds markup from strings. What the script needs to score an answer sits in a
``<script type="application/json">`` block: data, not code.
"""

from __future__ import annotations

import functools
import html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import markdown

from .quizmodel import Case, Matching, MultipleResponse, Ordering, Question, ShortAnswer, SingleChoice, TrueFalse

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_MASTERY = 80


def normalise_answer(text: str) -> str:
    """Short answers match regardless of case and spacing (the script does the same)."""
    return re.sub(r"\s+", "", text).lower()


# --- Markdown in question text -------------------------------------------------

_PLAIN = re.compile(r"^[^*_`\[\]<>&#!|\\\n~^=+-]*$")


@functools.lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list"])


def md_block(text: str) -> str:
    """Markdown to HTML; plain sentences skip the parser, which dominates build time."""
    if _PLAIN.match(text):
        return f"<p>{html.escape(text, quote=False)}</p>"
    md = _markdown()
    md.reset()
    return md.convert(text)


def md_inline(text: str) -> str:
    rendered = md_block(text)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def plain(text: str) -> str:
    """Text for attributes such as aria-label: Markdown marks removed."""
    return re.sub(r"[*_`\[\]]|\(http[^)]*\)", "", text)


# --- quizzes -----------------------------------------------------------------


@dataclass
class QuizSpec:
    """A set of questions shown together, with its rules."""

    id: str
    title: str
    questions: list[Question]
    draw: int | None = None  # a test draws this many questions; None shows all
    mastery: int | None = None  # percentage needed to pass; None for practice
    is_test: bool = False
    cited: set[str] = field(default_factory=set)


def shuffled(items: list, seed: str) -> list[tuple[int, object]]:
    """A stable shuffle: the same build gives the same page, never the original order."""
    indexed = list(enumerate(items))
    rng = random.Random(seed)
    for _ in range(8):
        rng.shuffle(indexed)
        if [i for i, _ in indexed] != list(range(len(items))):
            break
    return indexed


def answer_data(q: Question) -> dict:
    """What the script needs to score an answer: never feedback text, never markup."""
    if isinstance(q, (SingleChoice, MultipleResponse)):
        return {"correct": [i for i, o in enumerate(q.options) if o.correct]}
    if isinstance(q, TrueFalse):
        return {"correct": q.answer}
    if isinstance(q, Ordering):
        return {"count": len(q.items)}
    if isinstance(q, Matching):
        return {"count": len(q.pairs)}
    if isinstance(q, ShortAnswer):
        return {"accepted": sorted({normalise_answer(a) for a in q.answers})}
    if isinstance(q, Case):
        return {
            "start": q.start,
            "nodes": {n.id: [[c.next, c.correct] for c in n.choices] for n in q.nodes},
            "outcomes": {o.id: o.correct for o in q.outcomes},
        }
    raise TypeError(type(q).__name__)


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = lambda t: jinja2.utils.markupsafe.Markup(md_block(t))
    env.filters["mdi"] = lambda t: jinja2.utils.markupsafe.Markup(md_inline(t))
    env.filters["plain"] = plain
    env.globals["shuffled"] = shuffled
    return env


def render_quiz(spec: QuizSpec, source_link=None, names: dict[str, str] | None = None) -> str:
    """The quiz as HTML. ``source_link(source_id) -> (label, href)`` cites sources;
    ``names`` gives the titles of steps and afwegingsvragen a case's debrief names."""
    data = {
        "id": spec.id,
        "draw": spec.draw,
        "mastery": spec.mastery,
        "test": spec.is_test,
        "questions": {q.id: {"type": q.type, **answer_data(q)} for q in spec.questions},
    }
    # A one-element array, not a bare object: Material's instant navigation re-inserts
    # inline scripts without their type, so the browser then runs this as code. An
    # array literal is valid JSON and a harmless JS expression; an object is a syntax
    # error. "</" must not close the script element early.
    data_json = json.dumps([data], ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return _environment().get_template("quiz.html.j2").render(
        spec=spec,
        data_json=jinja2.utils.markupsafe.Markup(data_json),
        source_link=source_link or (lambda s: (s, None)),
        names=names or {},
    )
