"""Which quizzes a course has: bank, single question, module test and page practice, with
their ids and rules (how many a test draws, the pass mark).

Every quiz has an id that the ``[[quiz: <id>]]`` directive can name. The ids of tests and
practice quizzes are made here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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


class Quizzes(Mapping[str, QuizSpec]):
    """Every quiz of a course by id, in the order the course defines them.

    A quiz of one question (what ``[[quiz: <question id>]]`` shows) is made when it is asked
    for. A course has one for every question, few pages show one, and 10,000 of them held
    for the whole build were a fifth of what the garbage collector walks on every full
    collection."""

    def __init__(self):
        self._quizzes: dict[str, QuizSpec | Question] = {}
        self._bank_titles: dict[str, str] = {}  # question id -> its bank's title

    def add(self, spec: QuizSpec) -> None:
        self._quizzes[spec.id] = spec

    def add_question(self, q: Question, bank_title: str) -> None:
        self._quizzes[q.id] = q
        self._bank_titles[q.id] = bank_title

    def __getitem__(self, quiz_id: str) -> QuizSpec:
        found = self._quizzes[quiz_id]
        if isinstance(found, QuizSpec):
            return found
        return QuizSpec(found.id, found.title or f"Vraag uit {self._bank_titles[quiz_id]}", [found])

    def __contains__(self, quiz_id: object) -> bool:
        return quiz_id in self._quizzes

    def __iter__(self) -> Iterator[str]:
        return iter(self._quizzes)

    def __len__(self) -> int:
        return len(self._quizzes)


def quiz_specs(course: Course, pages: list[PageSpec]) -> Quizzes:
    specs = Quizzes()
    for bank in course.banks:
        specs.add(QuizSpec(bank.id, bank.title, list(bank.questions)))
        for q in bank.questions:
            specs.add_question(q, bank.title)
    for module in course.course.modules if course.course else []:
        pool = module_pool(course, module.id)
        if pool:
            specs.add(QuizSpec(
                test_id(module.id),
                f"Toets: {module.title}",
                pool,
                draw=min(module.test.count, len(pool)),
                mastery=module.test.mastery,
                is_test=True,
            ))
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
            specs.add(QuizSpec(practice_id(page.id), f"Test jezelf: {page.title}", practice))
    return specs


def teaching_pages(pages: list[PageSpec]) -> dict[str, str]:
    """Content id -> the most specific page that teaches it (a theme's action line page,
    not the programme overview that also lists it): where a learner goes to read again."""
    found: dict[str, str] = {}
    for page, ids in sorted(((p, page_content_ids(p)) for p in pages), key=lambda item: len(item[1])):
        for content_id in ids:
            found.setdefault(content_id, page.id)
    return found
