"""The loaded course, and the table of the files it is made of.

Everything after loading reads the course through this module: validation, rendering,
the exports. None of them needs to know how it was loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Position
from .directive import Directive
from .model import CourseFile, GlossaryFile, MeldcodeFile, Node, ProgrammeFile, SectorFile, SessionPlan, SourcesFile
from .quiz.model import QuestionBank

SECTOR_DIR = "sectoren"  # content/sectoren/<sector>.yml: one route per sector
SESSION_DIR = "sessies"  # content/sessies/<plan>.yml: session plans for trainers

# File name in content/ -> the model that file holds.
CONTENT_FILES: dict[str, type[Node]] = {
    "cursus.yml": CourseFile,
    "bronnen.yml": SourcesFile,
    "begrippen.yml": GlossaryFile,
    "programma.yml": ProgrammeFile,
    "meldcode.yml": MeldcodeFile,
}


@dataclass
class MarkdownPage:
    """A hand-written page in content/, next to the generated ones."""

    id: str
    path: str  # relative to the content directory, with forward slashes
    title: str
    pos: Position
    # [[quiz: id]] and the like: the directive, where it stands, and the line as written
    directives: list[tuple[Directive, Position, str]] = field(default_factory=list)
    text: str = ""  # the Markdown as read, so no later step reads the file again


@dataclass
class Course:
    root: Path
    course: CourseFile | None = None
    sources: SourcesFile | None = None
    glossary: GlossaryFile | None = None
    programme: ProgrammeFile | None = None
    meldcode: MeldcodeFile | None = None
    markdown_pages: list[MarkdownPage] = field(default_factory=list)
    banks: list[QuestionBank] = field(default_factory=list)
    banks_complete: bool = True  # False when a bank failed to load
    sectors: list[SectorFile] = field(default_factory=list)
    sectors_complete: bool = True
    sessions: list[SessionPlan] = field(default_factory=list)

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def quiz_dir(self) -> Path:
        return self.root / "quizzes"

    def all_sources(self) -> list:
        """The sources file's, then those each sector brings."""
        own = list(self.sources.sources) if self.sources else []
        return own + [s for sector in self.sectors for s in sector.sources]

    def questions(self) -> list:
        return [q for bank in self.banks for q in bank.questions]

    @property
    def complete(self) -> bool:
        return all(
            getattr(self, attr) is not None
            for attr in ("course", "sources", "glossary", "programme", "meldcode")
        )


# Content file -> the Course attribute that holds it.
FILE_ATTRS = {
    "cursus.yml": "course",
    "bronnen.yml": "sources",
    "begrippen.yml": "glossary",
    "programma.yml": "programme",
    "meldcode.yml": "meldcode",
}
