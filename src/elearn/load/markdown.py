"""Hand-written Markdown pages in content/: their id, title and quiz directives."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..course import MarkdownPage
from ..diagnostics import Diagnostic, Position
from ..directive import find_directives
from .yaml import display_path

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_HEADING = re.compile(r"^#\s+(.+)$", re.M)


def load_markdown_pages(content: Path) -> tuple[list[MarkdownPage], list[Diagnostic]]:
    pages: list[MarkdownPage] = []
    diagnostics: list[Diagnostic] = []
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content).as_posix()
        shown = display_path(path)
        text = path.read_text(encoding="utf-8")
        meta: dict = {}
        match = _FRONT_MATTER.match(text)
        if match:
            try:
                meta = yaml.safe_load(match.group(1)) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                diagnostics.append(
                    Diagnostic(
                        Position(shown, (mark.line + 2) if mark else 1, (mark.column + 1) if mark else 1),
                        "YAML-syntaxfout in de kop (front matter) van deze pagina",
                    )
                )
                meta = {}
        page_id = str(meta.get("id") or rel.removesuffix(".md").replace("/", "-"))
        heading = _HEADING.search(text)
        title = str(meta.get("title") or (heading.group(1).strip() if heading else page_id))
        # Read for directives once, here: validation, the second process and the Markdown
        # extension all use this list.
        directives = [(directive, Position(shown, number, 1), line) for directive, number, line in find_directives(text)]
        pages.append(MarkdownPage(page_id, rel, title, Position(shown, 1, 1), directives, text))
    return pages, diagnostics
