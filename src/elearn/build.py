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
ASSET_DIR = PACKAGE / "assets"
# Site URI -> the package files served there, in order. Served as files, never inlined in pages.
# Every page runs one script file: one request, and gzip finds the repeats across all of it.
# offline.js goes in too: it installs the service worker only where the page links a manifest
# (a hosted site), so the zip and the SCORM package carry it inert.
JS_DIR = ASSET_DIR / "js"
# Site URI -> the package files served there, in order. Served as files, never inlined in pages.
# Every page runs one script, made of parts that share one scope (see assets.served): one
# request, and gzip finds the repeats across all of it. The offline part installs the service
# worker only where the page links a manifest (a hosted site): the zip and the SCORM package
# carry it inert.
ASSETS: dict[str, tuple[Path, ...]] = {
    "assets/elearn/elearn.css": (ASSET_DIR / "elearn.css",),
    "assets/elearn/elearn.js": tuple(JS_DIR / f"{part}.js" for part in (
        "base", "early", "store", "views", "quiz", "case", "offline", "start")),
}
# Loaded by the page script from beside itself, only where used: the trainer tools (classroom
# mode, group results) when a trainer asks for one, the certificate and the sector comparison
# on their own pages. Other pages never carry them; each is a script with its stylesheet.
TOOLS = ("klassikaal", "groep", "certificaat", "vergelijk")
ASSETS |= {f"assets/elearn/{tool}.{kind}": (ASSET_DIR / f"{tool}.{kind}",) for tool in TOOLS for kind in ("js", "css")}
ON_DEMAND = tuple(u for u in ASSETS if u.rsplit("/", 1)[1].split(".")[0] in TOOLS)
# Written per build: the course's structure for the progress code (see coursemap).
COURSE_SCRIPT = "assets/elearn/course.js"
# Every question and where to show it, for the group results page only (loaded by groep.js).
QUESTIONS_SCRIPT = "assets/elearn/vragen.js"
# What the theme loads in the head of every page, in this order: the page script prepares the
# quizzes while the page is read, before the first paint, and it reads the course data.
HEAD_SCRIPTS = (COURSE_SCRIPT, "assets/elearn/elearn.js")


def stylesheets() -> list[str]:
    """The stylesheets every page links (MkDocs' extra_css)."""
    return [u for u in ASSETS if u.endswith(".css") and u not in ON_DEMAND]


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
