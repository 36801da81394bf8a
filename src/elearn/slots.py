"""The quiz slots of one build: from a directive on a page to the quiz's HTML in it.

One object owns the whole way. While a page's Markdown is converted, the directive
extension (directive.py) asks ``lookup`` which directive a line is and leaves an empty slot; once the page is
in its template, ``fill`` puts each quiz into its slot. The quizzes come from the second
process when it has them (see prerender), else they are rendered here.
"""

from __future__ import annotations

from .directive import Directive
from .prerender import Prerendered
from .render.markdown import RenderedSite


def slot_html(directive: Directive) -> str:
    """The empty slot as the Markdown extension writes it into the page."""
    return f'<div data-elearn-slot="{directive.slot}"></div>'


class QuizSlots:
    def __init__(self, site: RenderedSite, second_process: bool):
        self.site = site
        # uri -> {line as written: directive}, for directives that name a quiz of the course
        self._lines = {
            uri: {line: d for d, line in found if d.quiz_id in site.quizzes}
            for uri, found in site.directives.items()
        }
        self._page: dict[str, Directive] = {}
        everything = list(dict.fromkeys(d for lines in self._lines.values() for d in lines.values()))
        self._quizzes = Prerendered(site, everything if second_process else [])

    def converting(self, uri: str) -> None:
        """The page whose Markdown is converted next."""
        self._page = self._lines.get(uri, {})

    def lookup(self, line: str) -> Directive | None:
        """The directive that ``line`` of the page being converted is, if it is one."""
        return self._page.get(line)

    def fill(self, uri: str, html: str, sources_url: str) -> str:
        """The page's HTML with every slot filled; ``sources_url`` leads from it to the sources page."""
        for directive in self._lines.get(uri, {}).values():
            empty = slot_html(directive)
            while empty in html:
                html = html.replace(empty, self._quizzes.html(directive, sources_url), 1)
        return html

    @property
    def from_second_process(self) -> int:
        return self._quizzes.from_child

    def close(self) -> None:
        """Ends the second process, also when the build stopped early."""
        self._quizzes.close()
