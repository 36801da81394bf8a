"""One call for front ends: load, validate and render a course, or fail with every problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .assets import PACKAGE
from .diagnostics import ContentError, Diagnostic
from .load import Course, load_course
from .pages import site_pages
from .quizzes import quiz_specs
from .render import RenderedSite, render_site
from .validate import validate

THEME_DIR = PACKAGE / "theme"
# Site URI -> file in the package. Served as files, never inlined in pages.
ASSETS: dict[str, Path] = {
    "assets/elearn/elearn.css": PACKAGE / "assets" / "elearn.css",
    "assets/elearn/progress.js": PACKAGE / "assets" / "progress.js",
    "assets/elearn/elearn.js": PACKAGE / "assets" / "elearn.js",
    "assets/elearn/offline.js": PACKAGE / "assets" / "offline.js",
    "assets/elearn/klassikaal.js": PACKAGE / "assets" / "klassikaal.js",
    "assets/elearn/klassikaal.css": PACKAGE / "assets" / "klassikaal.css",
    "assets/elearn/groep.js": PACKAGE / "assets" / "groep.js",
    "assets/elearn/groep.css": PACKAGE / "assets" / "groep.css",
}
# Trainer tools: elearn.js loads them from beside itself when a trainer asks for one, so a
# learner's page never carries them. Not in any page's script list.
ON_DEMAND = tuple(u for u in ASSETS if u.rsplit("/", 1)[1].startswith(("klassikaal.", "groep.")))
# Written per build: the course's structure for the progress code (see coursemap).
COURSE_SCRIPT = "assets/elearn/course.js"
# Every question and where to show it, for the group results page only (loaded by groep.js).
QUESTIONS_SCRIPT = "assets/elearn/vragen.js"


HOSTED_ONLY = ("assets/elearn/offline.js",)  # the service worker's side: http(s) only


def asset_uris(hosted: bool = True) -> tuple[list[str], list[str]]:
    css = [u for u in ASSETS if u.endswith(".css") and u not in ON_DEMAND]
    js = [COURSE_SCRIPT] + [
        u for u in ASSETS if u.endswith(".js") and u not in ON_DEMAND and (hosted or u not in HOSTED_ONLY)
    ]
    return css, js


@dataclass
class CourseBuild:
    course: Course
    diagnostics: list[Diagnostic]
    site: RenderedSite

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def check(root: Path) -> tuple[Course, list[Diagnostic]]:
    course, diagnostics, _, _ = _checked(root)
    return course, diagnostics


def prepare(root: Path) -> CourseBuild:
    course, diagnostics, pages, quizzes = _checked(root)
    if any(d.is_error for d in diagnostics):
        raise ContentError(diagnostics)
    return CourseBuild(course, diagnostics, render_site(course, pages, quizzes))


def _checked(root: Path):
    course, diagnostics = load_course(root)
    pages = site_pages(course)
    # Validation needs the quiz ids, rendering the quizzes: made once for both.
    quizzes = quiz_specs(course, pages) if course.complete else {}
    return course, diagnostics + validate(course, pages, quizzes), pages, quizzes
