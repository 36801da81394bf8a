"""The quiz slots of one build: from a directive on a page to the quiz's HTML in it.

One object owns the whole way. While a page's Markdown is converted, the directive
extension (directive.py) asks ``lookup`` which directive a line is and leaves an empty slot;
once the page is in its template, ``fill`` puts each quiz into its slot. A quiz is rendered
for the page it is on when that page is written, and not kept: the build holds no page's
quizzes longer than that page.
"""

from __future__ import annotations

from .directive import Directive
from .render.markdown import RenderedSite


def slot_html(directive: Directive) -> str:
    """The empty slot as the Markdown extension writes it into the page."""
    return f'<div data-elearn-slot="{directive.slot}"></div>'


class QuizSlots:
    def __init__(self, site: RenderedSite):
        self.site = site
        # uri -> {line as written: directive}, for directives that name a quiz of the course
        self._lines = {
            uri: {line: d for d, line in found if d.quiz_id in site.quizzes}
            for uri, found in site.directives.items()
        }
        self._page: dict[str, Directive] = {}

    def converting(self, uri: str) -> None:
        """The page whose Markdown is converted next."""
        self._page = self._lines.get(uri, {})

    def lookup(self, line: str) -> Directive | None:
        """The directive that ``line`` of the page being converted is, if it is one."""
        return self._page.get(line)

    def fill(self, uri: str, html: str, sources_url: str) -> str:
        """The page's HTML with every slot filled; ``sources_url`` leads from it to the sources page."""
        # Found in the page as the theme made it, and joined once: the quizzes are most of the
        # page, and are neither searched nor copied again (nor is a slot inside one filled).
        found = []
        for directive in self._lines.get(uri, {}).values():
            empty = slot_html(directive)
            at = html.find(empty)
            if at != -1:
                quiz = self.site.quiz_html(directive, sources_url)
                while at != -1:
                    found.append((at, at + len(empty), quiz))
                    at = html.find(empty, at + len(empty))
        if not found:
            return html
        parts, start = [], 0
        for at, end, quiz in sorted(found, key=lambda slot: slot[0]):
            parts += (html[start:at], quiz)
            start = end
        parts.append(html[start:])
        return "".join(parts)
