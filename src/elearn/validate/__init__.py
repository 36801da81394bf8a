"""Meaning and cross-references of a loaded course, one module per area.

Returns diagnostics; raises nothing. Runs after loading, so positions are known. Nothing
here imports rendering: validation judges the course, not how its pages look.
"""

from __future__ import annotations

from ..course import Course
from ..diagnostics import Diagnostic
from ..model import walk
from ..quiz.plan import Quizzes
from ..site import PageSpec
from .author_html import check_author_html
from .coverage import check_coverage, content_roots, coverage
from .item_quality import assess
from .meldcode import check_decision_framework, check_numbering, check_sector_steps
from .questions import check_directives, check_module_tests, check_question
from .ids import check_pages, check_references, check_unique_ids, check_unused
from .sessions import check_session

__all__ = ["validate", "coverage"]


def validate(course: Course, pages: list[PageSpec], quizzes: Quizzes) -> list[Diagnostic]:
    """``pages`` and ``quizzes``: the site's structure and its quizzes (the build makes them once,
    for rendering too; no quizzes when the course is incomplete)."""
    # Every node, walked once: the content's first (the checks below need them apart).
    content = [n for root in content_roots(course) for n in walk(root)]
    nodes = content + [n for root in list(course.banks) + list(course.sessions) for n in walk(root)]
    # Which quiz ids exist: directives and session plans name them.
    quiz_ids = set(quizzes)
    diagnostics: list[Diagnostic] = []
    diagnostics += check_unique_ids(nodes)
    diagnostics += check_author_html(nodes, course.markdown_pages, {p.uri for p in pages})
    diagnostics += check_pages(pages)
    # Every reference is walked once, and not kept: at 10,000 questions a list of them held
    # 78,000 tuples, enough to start a full garbage collection.
    cited: set[str] = set()
    diagnostics += check_references(course, nodes, content, pages, quiz_ids, cited)
    if course.meldcode:
        diagnostics += check_numbering(course.meldcode.steps, "stap", expected=5)
        diagnostics += check_decision_framework(course.meldcode.decision_framework.questions)
    for sector in course.sectors:
        diagnostics += check_sector_steps(sector, course)
    if course.programme:
        diagnostics += check_numbering(course.programme.action_lines, "actielijn")
        for line in course.programme.action_lines:
            diagnostics += check_numbering(line.themes, f"thema in actielijn {line.number}")
    for question in course.questions():
        diagnostics += check_question(question)
    diagnostics += assess(course.banks)[1]
    diagnostics += check_directives(course, quiz_ids)
    for plan in course.sessions:
        diagnostics += check_session(plan)
    if course.complete:
        diagnostics += check_unused(course, cited)
        diagnostics += check_module_tests(course)
        if course.banks:
            diagnostics += check_coverage(course, content)
    return diagnostics
