"""Markdown extension: a directive on a line of its own puts a quiz's questions on the page.

``[[quiz: <id>]]`` embeds the quiz (a question, a bank or a module test) to answer on
screen; ``[[hand-out: <id>]]`` its questions to answer on paper, without the answers;
``[[antwoorden: <id>]]`` the answer key to them, for the trainer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Callable, NamedTuple

from markdown import Extension
from markdown.blockprocessors import BlockProcessor

QUIZ, HANDOUT, ANSWER_KEY = "quiz", "hand-out", "antwoorden"
DIRECTIVE = re.compile(rf"^\[\[\s*({QUIZ}|{HANDOUT}|{ANSWER_KEY})\s*:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\]\]$")


class Directive(NamedTuple):
    kind: str  # QUIZ, HANDOUT or ANSWER_KEY
    quiz_id: str


def parse_directive(line: str) -> Directive | None:
    """What a directive line asks for, or None if the line is no directive."""
    match = DIRECTIVE.match(line.strip())
    return Directive(*match.groups()) if match else None


class _QuizBlockProcessor(BlockProcessor):
    def __init__(self, parser, render: Callable[[Directive], str | None]):
        super().__init__(parser)
        self.render = render

    def test(self, parent, block):
        return parse_directive(block.split("\n", 1)[0]) is not None

    def run(self, parent, blocks):
        first, _, rest = blocks.pop(0).partition("\n")
        if rest:
            blocks.insert(0, rest)
        directive = parse_directive(first)
        html = self.render(directive)
        if html is None:
            html = (
                '<div class="admonition failure"><p class="admonition-title">'
                f"Onbekende quiz '{directive.quiz_id}'</p></div>"
            )
        placeholder = etree.SubElement(parent, "p")
        placeholder.text = self.parser.md.htmlStash.store(html)


class QuizDirectiveExtension(Extension):
    """``render(directive)`` returns the HTML for it, or None for an unknown quiz id."""

    def __init__(self, render: Callable[[Directive], str | None], **kwargs):
        self.render = render
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Before the paragraph processor (priority 10), after lists and quotes.
        md.parser.blockprocessors.register(_QuizBlockProcessor(md.parser, self.render), "elearn_quiz", 15)
