"""Quizzes to semantic HTML at build time; the browser script only enhances it.

Feedback is rendered into the page as hidden elements, so the script never
builds markup from strings. What the script needs to score an answer sits in a
``<script type="application/json">`` block: data, not code.
"""

from __future__ import annotations

import html
import json

from markupsafe import escape

from ..directive import HANDOUT, QUIZ
from ..locale import DEFAULT
from .data import answer_data
from .model import Question
from .plan import QuizSpec
from .questions import QuestionHtml


class QuizRenderer:
    """Renders a quiz (its questions, one view of each) for a page.

    ``names`` gives the titles of steps, afwegingsvragen and regimes that a case names;
    ``source_labels`` the short name of every source; ``topics`` the page that teaches each
    content id; ``lang`` the catalogue of the fixed words. Nothing is kept between quizzes: a
    question on three pages is written three times, which costs less than holding every
    question's HTML for the whole build.
    """

    def __init__(self, names: dict[str, str], source_labels: dict[str, str], topics: dict[str, str],
                 lang: str = DEFAULT):
        self.questions = QuestionHtml(names, source_labels, lang)
        self.topics = topics  # content id -> the page that teaches it

    def _question_data(self, q: Question) -> dict:
        return {
            "type": q.type,
            # where to read again after a wrong answer: the progress record keeps it
            "topics": sorted({self.topics[t] for t in q.tests if t in self.topics}),
            **answer_data(q),
        }

    def render(self, spec: QuizSpec, sources_url: str, kind: str = QUIZ) -> str:
        """The quiz as HTML of the directive's ``kind``; ``sources_url`` leads from the current
        page to the sources page."""
        sources_url = html.escape(sources_url)
        numbered = list(enumerate(spec.questions, start=1))
        if kind != QUIZ:
            # On paper there is nothing to check and nothing to score: no form, no data.
            if kind == HANDOUT:
                bodies = "".join(self.questions.handout(q, n) + "\n" for n, q in numbered)
            else:
                bodies = "".join(self.questions.answer_key(q, n, sources_url) + "\n" for n, q in numbered)
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
        # error. No "<" at all: no text (an answer such as "<!--<script>") can end the script
        # element, or put the parser in a state where it swallows the page after it.
        data_json = json.dumps([data], ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        test = ' data-elearn-test="true"' if spec.is_test else ""
        # Search indexes the course text, not questions and their answers.
        out = [f'<section class="elearn-quiz" data-search-exclude data-elearn-quiz="{escape(spec.id)}"{test} '
               f'aria-label="{escape(spec.title)}">\n<script type="application/json" class="elearn-data">{data_json}</script>\n']
        if spec.is_test:
            intro = self.questions.t("quiz.test_intro", draw=spec.draw, pool=len(spec.questions), mastery=spec.mastery)
            out.append(f'<p class="elearn-intro">{intro}</p>\n')
        out += [self.questions.quiz(q, spec.id, n, sources_url) + "\n" for n, q in numbered]
        out.append('<div class="elearn-summary" tabindex="-1" hidden><p class="elearn-summary-text"></p></div>\n'
                   '<div class="elearn-live" role="status" aria-live="polite"></div>\n</section>')
        return "".join(out)
