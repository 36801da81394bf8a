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

import jinja2
from markupsafe import Markup

from ..directive import ANSWER_KEY, HANDOUT, QUIZ
from ..mdtext import md_block, md_inline, plain
from ..render.templating import environment
from .data import answer_data
from .model import Matching, Ordering, Question
from .plan import QuizSpec


def shown_order(q: Question, items: list, part: str = "") -> list[tuple[int, object]]:
    """(written index, item) in the order a page without script, a hand-out and its key show
    ``items`` of ``q`` (of its situation ``part`` in a case).

    A stable shuffle, so the key's letters match the hand-out, and the right answer is not
    where the author happened to write it; the browser shuffles again on every attempt. An
    ordering question's written order is its answer, and a matching question's answers in
    the written order would line up with their terms: those two never keep it. A pinned
    question keeps the author's order."""
    seed = q.id + (f"/{part}" if part else "")
    if getattr(q, "pinned", False):
        return list(enumerate(items))
    if isinstance(q, (Ordering, Matching)):
        return shuffled(items, seed)
    indexed = list(enumerate(items))
    random.Random(seed).shuffle(indexed)
    return indexed


def shuffled(items: list, seed: str) -> list[tuple[int, object]]:
    """A stable shuffle that is never the written order."""
    indexed = list(enumerate(items))
    rng = random.Random(seed)
    for _ in range(8):
        rng.shuffle(indexed)
        if [i for i, _ in indexed] != list(range(len(items))):
            break
    return indexed


def letter(index: int) -> str:
    """A, B, C... for the answers of a matching question on paper."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = environment(html=True)
    env.filters["md"] = lambda t: Markup(md_block(t))
    env.filters["mdi"] = lambda t: Markup(md_inline(t))
    env.filters["plain"] = plain
    env.globals["shown_order"] = shown_order
    env.globals["letter"] = letter
    return env


@functools.lru_cache(maxsize=None)
def _template(name: str) -> jinja2.Template:
    """Looked up once: get_template() checks the file on disk on every call."""
    return _environment().get_template(name)


# Tokens in a cached question body, filled in per quiz and per page.
_QZ, _NUMBER, _SOURCES = "\x00qz\x00", "\x00n\x00", "\x00src\x00"
# One question as a directive shows it: to answer on screen, on paper, or its answer key.
_TEMPLATES = {QUIZ: "question.html.j2", HANDOUT: "handout.html.j2", ANSWER_KEY: "answers.html.j2"}


class QuizRenderer:
    """Renders quizzes; each question's HTML is built once and reused.

    ``names`` gives the titles of steps and afwegingsvragen that a case names;
    ``source_labels`` the short name of every source.
    """

    def __init__(self, names: dict[str, str], source_labels: dict[str, str], topics: dict[str, str]):
        self.names = names
        self.source_labels = source_labels
        self.topics = topics  # content id -> the page that teaches it
        self._bodies: dict[tuple[str, str], str] = {}
        self._data: dict[str, dict] = {}

    def _body(self, q: Question, kind: str) -> str:
        body = self._bodies.get((kind, q.id))
        if body is None:
            body = _template(_TEMPLATES[kind]).render(
                q=q, qz=_QZ, number=_NUMBER, sources_url=_SOURCES, names=self.names,
                source_label=lambda source_id: self.source_labels.get(source_id, source_id),
            )
            self._bodies[kind, q.id] = body
        return body

    def _question_data(self, q: Question) -> dict:
        data = self._data.get(q.id)
        if data is None:
            data = self._data[q.id] = {
                "type": q.type,
                # where to read again after a wrong answer: the progress record keeps it
                "topics": sorted({self.topics[t] for t in q.tests if t in self.topics}),
                **answer_data(q),
            }
        return data

    def render(self, spec: QuizSpec, sources_url: str, kind: str = QUIZ) -> str:
        """The quiz as HTML of the directive's ``kind``; ``sources_url`` leads from the current
        page to the sources page."""
        return place(self.unplaced(spec, kind), sources_url)

    def unplaced(self, spec: QuizSpec, kind: str = QUIZ) -> str:
        """The quiz's HTML for any page: ``place`` puts in the link to the sources."""
        # One string for all questions: the template then escapes nothing per question.
        bodies = "".join(
            self._body(q, kind).replace(_QZ, spec.id).replace(_NUMBER, str(n)) + "\n"
            for n, q in enumerate(spec.questions, start=1)
        )
        if kind != QUIZ:
            # On paper there is nothing to check and nothing to score: no form, no data.
            return f'<div class="elearn-paper elearn-{kind}">\n' + bodies + "</div>"
        data = {
            "id": spec.id,
            "draw": spec.draw,
            "mastery": spec.mastery,
            "test": spec.is_test,
            "questions": {q.id: self._question_data(q) for q in spec.questions},
        }
        # A one-element array, not a bare object: Material's instant navigation re-inserts
        # inline scripts without their type, so the browser then runs this as code. An
        # array literal is valid JSON and a harmless JS expression; an object is a syntax
        # error. "</" must not close the script element early.
        data_json = json.dumps([data], ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return _template("quiz.html.j2").render(
            spec=spec, data_json=Markup(data_json), bodies=Markup(bodies)
        )


def place(unplaced: str, sources_url: str) -> str:
    """Quiz HTML from ``QuizRenderer.unplaced``, on a page from which ``sources_url`` leads
    to the sources page."""
    return unplaced.replace(_SOURCES, html.escape(sources_url))
