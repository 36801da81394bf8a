"""The site's structure: which pages exist, where they live, and the navigation.

Both validation (page references) and rendering need the same answer, so it is
computed here once from the loaded course.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field

from .course import Course
from .diagnostics import Position
from .model import Node


def test_id(module_id: str) -> str:
    """A module's test: the id of its page and of its quiz, which are one."""
    return f"toets-{module_id}"


_PRACTICE = "oefen-"


def practice_id(page_id: str) -> str:
    """The "Test jezelf" quiz at the end of a content page."""
    return _PRACTICE + page_id


def practice_page(quiz_id: str) -> str | None:
    """The page whose "Test jezelf" quiz ``quiz_id`` would be, if it has the form of one."""
    return quiz_id.removeprefix(_PRACTICE) if quiz_id.startswith(_PRACTICE) else None


@dataclass
class PageSpec:
    id: str
    uri: str  # path of the Markdown file, relative to docs_dir
    title: str
    template: str | None  # None: hand-written Markdown
    objects: list[Node] = field(default_factory=list)  # what the page shows
    pos: Position | None = None  # hand-written pages: their file
    in_nav: bool = True  # False: reached from an index page, not listed in the navigation

    @property
    def generated(self) -> bool:
        return self.template is not None


def site_pages(course: Course) -> list[PageSpec]:
    """Every page of the site, generated pages first, in reading order."""
    pages: list[PageSpec] = []
    if course.course:
        pages.append(PageSpec("start", "index.md", "Start", "home.md.j2", [course.course]))
        pages.append(PageSpec("voortgang", "voortgang/index.md", "Mijn voortgang", "dashboard.md.j2"))
        pages.append(PageSpec("certificaat", "voortgang/certificaat.md", "Certificaat", "certificate.md.j2"))
    if course.programme:
        prog = course.programme
        pages.append(PageSpec("programma", "programma/index.md", prog.title, "programme.md.j2", [prog]))
        for line in prog.action_lines:
            pages.append(
                PageSpec(
                    line.id,
                    f"programma/{line.id}.md",
                    f"Actielijn {line.number}: {line.title}",
                    "action_line.md.j2",
                    [line],
                )
            )
    if course.meldcode:
        mc = course.meldcode
        pages.append(PageSpec("meldcode", "meldcode/index.md", mc.title, "meldcode.md.j2", [mc.law]))
        for step in mc.steps:
            pages.append(
                PageSpec(step.id, f"meldcode/{step.id}.md", f"Stap {step.number}: {step.title}", "step.md.j2", [step])
            )
        framework = mc.decision_framework
        pages.append(
            PageSpec(framework.id, f"meldcode/{framework.id}.md", framework.title, "framework.md.j2", [framework])
        )
        pages.append(
            PageSpec(mc.kindcheck.id, f"meldcode/{mc.kindcheck.id}.md", mc.kindcheck.title, "kindcheck.md.j2", [mc.kindcheck])
        )
        pages.append(PageSpec("rollen", "meldcode/rollen.md", "Rollen: wie doet wat", "roles.md.j2", list(mc.roles)))
    if course.sectors:
        pages.append(PageSpec("sectoren", "sectoren/index.md", "De meldcode per sector", "sectors.md.j2", []))
        for sector in course.sectors:
            pages.append(
                PageSpec(sector.id, f"sectoren/{sector.id}.md", f"Route: {sector.title}", "sector.md.j2", [sector])
            )
    tested = [m for m in (course.course.modules if course.course else []) if module_pool(course, m.id)]
    for module in tested:
        pages.append(
            PageSpec(test_id(module.id), f"toetsen/{module.id}.md", f"Toets: {module.title}", "test.md.j2", [module])
        )
    pages += trainer_pages(course, tested)
    if course.glossary:
        pages.append(PageSpec("begrippen", "begrippen.md", "Begrippenlijst", "glossary.md.j2", [course.glossary]))
    if course.sources:
        pages.append(PageSpec("bronnen", "bronnen.md", "Bronnen", "sources.md.j2", []))
    for md in course.markdown_pages:
        pages.append(PageSpec(md.id, md.path, md.title, None, pos=md.pos))
    return pages


def trainer_pages(course: Course, tested: list) -> list[PageSpec]:
    """Material for trainers: session plans, per tested module a handout and its answer key,
    and the group results page.

    The index page exists as soon as there is anything to list on it.
    """
    material = [PageSpec(plan.id, f"trainers/{plan.id}.md", plan.title, "session.md.j2", [plan])
                for plan in course.sessions]
    # Two pages per module would crowd the sidebar of every learner on every page, and
    # make every page's navigation slower to build (0.25 s at 20 modules): the trainers
    # index links them instead.
    for module in tested:
        material.append(PageSpec(f"hand-out-{module.id}", f"trainers/hand-outs/{module.id}.md",
                                 f"Hand-out: {module.title}", "handout.md.j2", [module], in_nav=False))
        material.append(PageSpec(f"antwoorden-{module.id}", f"trainers/antwoorden/{module.id}.md",
                                 f"Antwoorden: {module.title}", "answers.md.j2", [module], in_nav=False))
    if course.banks:
        material.append(PageSpec("groepsresultaten", "trainers/groepsresultaten.md", "Groepsresultaten", "group.md.j2"))
    if not material:
        return []
    return [PageSpec("trainers", "trainers/index.md", "Voor trainers", "trainers.md.j2", []), *material]


# The "Voor trainers" section of the navigation: a page with one of these templates is
# material for the trainer, in no module and no course work for the progress record.
TRAINER_TEMPLATES = ("trainers.md.j2", "session.md.j2", "handout.md.j2", "answers.md.j2", "group.md.j2")
TRAINERS_DIR = "trainers/"  # the trainers' section, and whatever an author puts beside it
REFERENCE_PAGES = ("begrippen", "bronnen", "certificaat")
# Pages that end with "Test jezelf": the questions that test what the page teaches.
PRACTICE_TEMPLATES = (
    "action_line.md.j2", "step.md.j2", "framework.md.j2", "kindcheck.md.j2", "roles.md.j2", "sector.md.j2",
)


def is_trainer_page(page: PageSpec) -> bool:
    """Material for the trainer: generated for the trainers' section, or written under trainers/."""
    return page.template in TRAINER_TEMPLATES or page.uri.startswith(TRAINERS_DIR)


def learner_pages(pages: list[PageSpec]) -> list[PageSpec]:
    """The site without the trainers' section, for packages handed to learners: their answer keys
    and hand-outs stay with the trainer, and nothing left links to them (the navigation, the
    sources page and the course data are all made from this list)."""
    return [p for p in pages if not is_trainer_page(p)]


def module_pool(course: Course, module_id: str) -> list:
    """The questions a module's test draws from: every bank that names the module."""
    return [q for bank in course.banks if bank.module == module_id for q in bank.questions]


def navigation(course: Course, pages: list[PageSpec]) -> list:
    """MkDocs ``nav``: start, one section per module, then reference pages."""
    by_id = {p.id: p for p in pages}
    nav: list = [{"Start": "index.md"}]
    placed = {"start"}
    if "voortgang" in by_id:
        nav.append({by_id["voortgang"].title: by_id["voortgang"].uri})
        placed.add("voortgang")
    for module in course.course.modules if course.course else []:
        entries = [{by_id[pid].title: by_id[pid].uri} for pid in module.pages if pid in by_id]
        placed.update(module.pages)
        test = by_id.get(test_id(module.id))
        if test:
            entries.append({test.title: test.uri})
            placed.add(test.id)
        nav.append({module.title: entries})
    for_trainers = [p for p in pages if p.template in TRAINER_TEMPLATES]
    if for_trainers:
        nav.append({"Voor trainers": [{p.title: p.uri} for p in for_trainers if p.in_nav]})
        placed.update(p.id for p in for_trainers)
    rest = [p for p in pages if p.id not in placed and p.id not in REFERENCE_PAGES]
    reference = rest + [by_id[pid] for pid in REFERENCE_PAGES if pid in by_id]
    if reference:
        nav.append({"Naslag": [{p.title: p.uri} for p in reference]})
    return nav


def relative_link(from_uri: str, to_uri: str, anchor: str | None = None) -> str:
    """A Markdown link target from one docs file to another, as MkDocs resolves it."""
    target = _relative(posixpath.dirname(from_uri) or ".", to_uri)
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=4096)  # every source a page cites is a link to the same sources page
def _relative(folder: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, folder)
