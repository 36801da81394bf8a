"""Numbers an author wants before publishing: pages, questions, types, cases, coverage."""

from __future__ import annotations

from collections import Counter

from .course import Course
from .quiz.model import QUESTION_TYPES, Case
from .site import PageSpec
from .validate import coverage
from .validate.item_quality import assess, course_figures


def course_stats(course: Course, pages: list[PageSpec]) -> dict:
    questions = course.questions()
    types = Counter(q.type for q in questions)
    cases = [q for q in questions if isinstance(q, Case)]
    quality, _ = assess(course.banks)
    return {
        "pages": len(pages),
        "questions": len(questions),
        "question_types": {t: types.get(t, 0) for t in QUESTION_TYPES},
        "cases": len(cases),
        "case_decision_points": {c.id: len(c.nodes) for c in cases},
        "case_decision_points_per_step": dict(sorted(Counter(n.step for c in cases for n in c.nodes if n.step).items())),
        "case_wrong_choices": _wrong_choices(cases),
        "glossary_untested": _untested_terms(course, questions),
        "banks": {bank.id: len(bank.questions) for bank in course.banks},
        "coverage": dict(sorted(coverage(course).items())),
        # What a learner who guesses could exploit, per bank and for the course (see itemquality).
        "item_quality": {
            "course": course_figures(quality),
            "banks": {bank_id: figures.figures() for bank_id, figures in quality.items()},
        },
    }


def _wrong_choices(cases: list[Case]) -> dict:
    """How many choices that are not the best end the case at once, and how many lead to a
    situation where the learner sees what happened and can choose again."""
    wrong = [(case, choice) for case in cases for node in case.nodes for choice in node.choices if not choice.correct]
    ending = sum(choice.next in {o.id for o in case.outcomes} for case, choice in wrong)
    return {"total": len(wrong), "ending": ending, "ending_share": round(ending / len(wrong), 3) if wrong else None}


def _untested_terms(course: Course, questions: list) -> list[str]:
    tested = {target for q in questions for target in q.tests}
    return [d.id for d in course.glossary.definitions if d.id not in tested] if course.glossary else []
