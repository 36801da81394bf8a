"""Numbers an author wants before publishing: pages, questions, types, cases, coverage."""

from __future__ import annotations

from collections import Counter

from .load import Course
from .pages import PageSpec
from .quizmodel import QUESTION_TYPES, Case
from .validate import coverage


def course_stats(course: Course, pages: list[PageSpec]) -> dict:
    questions = course.questions()
    types = Counter(q.type for q in questions)
    cases = [q for q in questions if isinstance(q, Case)]
    return {
        "pages": len(pages),
        "questions": len(questions),
        "question_types": {t: types.get(t, 0) for t in QUESTION_TYPES},
        "cases": len(cases),
        "case_decision_points": {c.id: len(c.nodes) for c in cases},
        "banks": {bank.id: len(bank.questions) for bank in course.banks},
        "coverage": dict(sorted(coverage(course).items())),
    }
