"""Markdown extension: ``[[quiz: <id>]]`` on a line of its own embeds a quiz or a question."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Callable

from markdown import Extension
from markdown.blockprocessors import BlockProcessor

DIRECTIVE = re.compile(r"^\[\[\s*quiz\s*:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\]\]$")


def parse_directive(line: str) -> str | None:
    """The quiz id a directive line names, or None if the line is no directive."""
    match = DIRECTIVE.match(line.strip())
    return match.group(1) if match else None


class _QuizBlockProcessor(BlockProcessor):
    def __init__(self, parser, render: Callable[[str], str | None]):
        super().__init__(parser)
        self.render = render

    def test(self, parent, block):
        return parse_directive(block.split("\n", 1)[0]) is not None

    def run(self, parent, blocks):
        first, _, rest = blocks.pop(0).partition("\n")
        if rest:
            blocks.insert(0, rest)
        quiz_id = parse_directive(first)
        html = self.render(quiz_id)
        if html is None:
            html = (
                '<div class="admonition failure"><p class="admonition-title">'
                f"Onbekende quiz '{quiz_id}'</p></div>"
            )
        placeholder = etree.SubElement(parent, "p")
        placeholder.text = self.parser.md.htmlStash.store(html)


class QuizDirectiveExtension(Extension):
    """``render(quiz_id)`` returns the quiz's HTML, or None for an unknown id."""

    def __init__(self, render: Callable[[str], str | None], **kwargs):
        self.render = render
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Before the paragraph processor (priority 10), after lists and quotes.
        md.parser.blockprocessors.register(_QuizBlockProcessor(md.parser, self.render), "elearn_quiz", 15)
