"""One call for front ends: load, validate and render a course, or fail with every problem.

The flow runs one way: load -> validate -> render. What a front end publishes besides the
pages comes from ``publish``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .course import Course
from .diagnostics import ContentError, Diagnostic
from .load import load_course
from .locale import DEFAULT
from .quiz.plan import quiz_specs
from .render.markdown import RenderedSite, render_site
from .site import learner_pages, site_pages
from .validate import validate

@dataclass
class CourseBuild:
    course: Course
    diagnostics: list[Diagnostic]
    site: RenderedSite

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def page_markdown(self) -> dict[str, str]:
        """Every page's Markdown by uri: generated, or as the author wrote it (kept from loading)."""
        written = {page.path: page.text for page in self.course.markdown_pages}
        return {p.uri: self.site.markdown.get(p.uri) or written.get(p.uri, "") for p in self.site.pages}


def check(root: Path) -> tuple[Course, list[Diagnostic]]:
    course, diagnostics, _, _ = _checked(root)
    return course, diagnostics


def prepare(root: Path, trainers: bool = True, lang: str = DEFAULT) -> CourseBuild:
    """``trainers``: with the trainers' section (the hosted site); without it for a package that
    learners get. The whole course is validated either way: it is one course. ``lang``: the UI
    catalogue (see ``locale``) of the fixed words on the pages and in the scripts."""
    course, diagnostics, pages, quizzes = _checked(root)
    if any(d.is_error for d in diagnostics):
        raise ContentError(diagnostics)
    return CourseBuild(course, diagnostics,
                       render_site(course, pages if trainers else learner_pages(pages), quizzes, lang))


def _checked(root: Path):
    course, diagnostics = load_course(root)
    pages = site_pages(course)
    # Validation needs the quiz ids, rendering the quizzes: made once for both.
    quizzes = quiz_specs(course, pages) if course.complete else {}
    return course, diagnostics + validate(course, pages, quizzes), pages, quizzes
