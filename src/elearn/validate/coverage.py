"""Coverage: what a course must test, and how many questions test each part."""

from __future__ import annotations

from ..course import Course
from ..diagnostics import Diagnostic
from ..model import ActionLine, DecisionQuestion, Kindcheck, Node, SectorStep, Step, Theme, walk

# What a course must test: a warning names every one of these that no question covers.
MUST_BE_TESTED = (ActionLine, Theme, Step, DecisionQuestion, Kindcheck, SectorStep)


def content_roots(course: Course) -> list[Node]:
    roots = [
        r
        for r in (course.course, course.sources, course.glossary, course.programme, course.meldcode)
        if r is not None
    ]
    return roots + list(course.sectors)


def coverage(course: Course, content: list[Node] | None = None) -> dict[str, int]:
    """Content id -> how many questions test it, for every content id that is tested or must be.

    ``content``: the content files' nodes, when the caller has walked them already."""
    if content is None:
        content = [n for root in content_roots(course) for n in walk(root)]
    counts: dict[str, int] = {n.id: 0 for n in content if isinstance(n, MUST_BE_TESTED)}
    for question in course.questions():
        for target in set(question.tests):
            counts[target] = counts.get(target, 0) + 1
    return counts


def check_coverage(course: Course, content: list[Node]) -> list[Diagnostic]:
    by_id = {n.id: n for n in content if isinstance(n, MUST_BE_TESTED)}
    return [
        Diagnostic(
            by_id[content_id].pos,
            f"'{content_id}' wordt door geen enkele vraag getoetst",
            f"voeg een vraag toe met 'toetst: [{content_id}]'",
            severity="waarschuwing",
        )
        for content_id, count in coverage(course, content).items()
        if count == 0 and content_id in by_id
    ]
