"""Which quizzes a course has: bank, single question, module test and page practice, with
their ids and rules (how many a test draws, the pass mark).

Every quiz has an id that the ``[[quiz: <id>]]`` directive can name. The ids of tests and
practice quizzes are made here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..course import Course
from ..model import node_id, walk
from ..site import PRACTICE_TEMPLATES, PageSpec, module_pool, practice_id, test_id
from .model import Question


@dataclass
class QuizSpec:
    """A set of questions shown together, with its rules."""

    id: str
    title: str
    questions: list[Question]
    draw: int | None = None  # a test draws this many questions; None shows all
    mastery: int | None = None  # percentage needed to pass; None for practice
    is_test: bool = False


def page_content_ids(page: PageSpec) -> set[str]:
    return {own_id for obj in page.objects for n in walk(obj) if (own_id := node_id(n)) is not None} | {page.id}


def quiz_specs(course: Course, pages: list[PageSpec]) -> dict[str, QuizSpec]:
    specs: dict[str, QuizSpec] = {}
    for bank in course.banks:
        specs[bank.id] = QuizSpec(bank.id, bank.title, list(bank.questions))
        for q in bank.questions:
            specs[q.id] = QuizSpec(q.id, q.title or f"Vraag uit {bank.title}", [q])
    for module in course.course.modules if course.course else []:
        pool = module_pool(course, module.id)
        if pool:
            specs[test_id(module.id)] = QuizSpec(
                test_id(module.id),
                f"Toets: {module.title}",
                pool,
                draw=min(module.test.count, len(pool)),
                mastery=module.test.mastery,
                is_test=True,
            )
    # Content id -> the questions that test it (by position in the course): a page's practice is
    # found from its ids, not by going through every question for every page.
    questions = course.questions()
    testing: dict[str, list[int]] = {}
    for n, q in enumerate(questions):
        for target in q.tests:
            testing.setdefault(target, []).append(n)
    for page in pages:
        if page.template not in PRACTICE_TEMPLATES:
            continue
        found = sorted({n for content_id in page_content_ids(page) for n in testing.get(content_id, ())})
        practice = [questions[n] for n in found]
        if practice:
            specs[practice_id(page.id)] = QuizSpec(practice_id(page.id), f"Test jezelf: {page.title}", practice)
    return specs


def teaching_pages(pages: list[PageSpec]) -> dict[str, str]:
    """Content id -> the most specific page that teaches it (a theme's action line page,
    not the programme overview that also lists it): where a learner goes to read again."""
    found: dict[str, str] = {}
    for page, ids in sorted(((p, page_content_ids(p)) for p in pages), key=lambda item: len(item[1])):
        for content_id in ids:
            found.setdefault(content_id, page.id)
    return found
