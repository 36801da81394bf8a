"""The quiz directives, the one place their grammar lives: a line of its own puts a quiz's
questions on a page.

``[[quiz: <id>]]`` embeds the quiz (a question, a bank or a module test) to answer on
screen; ``[[hand-out: <id>]]`` its questions to answer on paper, without the answers;
``[[antwoorden: <id>]]`` the answer key to them, for the trainer.

An author's page is read for directives once, when it is loaded; a generated page records the
directives it writes. The Markdown extension then only looks each line up: it leaves a slot
where the quiz goes, and whoever owns the slots fills them (see slots.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Callable, NamedTuple

from markdown import Extension
from markdown.blockprocessors import BlockProcessor

QUIZ, HANDOUT, ANSWER_KEY = "quiz", "hand-out", "antwoorden"
DIRECTIVE = re.compile(rf"^\[\[\s*({QUIZ}|{HANDOUT}|{ANSWER_KEY})\s*:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\]\]$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


class Directive(NamedTuple):
    kind: str  # QUIZ, HANDOUT or ANSWER_KEY
    quiz_id: str

    @property
    def line(self) -> str:
        """The directive as it is written on a line of its own."""
        return f"[[{self.kind}: {self.quiz_id}]]"

    @property
    def slot(self) -> str:
        """The attribute value of the slot the quiz goes into."""
        return f"{self.kind}:{self.quiz_id}"


def parse_directive(line: str) -> Directive | None:
    """What a directive line asks for, or None if the line is no directive."""
    match = DIRECTIVE.match(line.strip())
    return Directive(*match.groups()) if match else None


def find_directives(text: str) -> list[tuple[Directive, int, str]]:
    """(directive, line number, the line as written) for every directive in a page's Markdown;
    one in a fenced code block is an example, not a directive."""
    found, fence = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None and "[[" in line and (directive := parse_directive(line)):
            found.append((directive, number, line.strip()))
    return found


class _SlotProcessor(BlockProcessor):
    def __init__(self, parser, lookup: Callable[[str], Directive | None]):
        super().__init__(parser)
        self.lookup = lookup

    def test(self, parent, block):
        return block.startswith("[[") and self.lookup(block.split("\n", 1)[0].strip()) is not None

    def run(self, parent, blocks):
        first, _, rest = blocks.pop(0).partition("\n")
        if rest:
            blocks.insert(0, rest)
        etree.SubElement(parent, "div", {"data-elearn-slot": self.lookup(first.strip()).slot})


class QuizDirectiveExtension(Extension):
    """``lookup(line)`` gives the directive that a line of the page being converted is, as found
    when the page was loaded or generated, or None: the extension parses nothing itself."""

    def __init__(self, lookup: Callable[[str], Directive | None], **kwargs):
        self.lookup = lookup
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Before the paragraph processor (priority 10), after lists and quotes.
        md.parser.blockprocessors.register(_SlotProcessor(md.parser, self.lookup), "elearn_quiz", 15)
