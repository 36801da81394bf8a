"""Model to Markdown: one Jinja2 template per kind of generated page."""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass

import jinja2

from ..course import Course
from ..directive import QUIZ, Directive
from ..locale import DEFAULT, Catalogue, catalogue
from ..model import references, walk
from ..quiz.html import QuizRenderer
from ..quiz.plan import Quizzes, teaching_pages
from ..site import PageSpec, navigation, practice_id, relative_link, test_id
from .templating import environment



@dataclass
class RenderedSite:
    pages: list[PageSpec]
    markdown: dict[str, str]  # uri -> Markdown of each generated page
    nav: list
    helpline_html: str
    quizzes: Quizzes
    quiz_renderer: QuizRenderer
    # uri -> the directives on the page, each with its line as written: recorded for a generated
    # page as it is written, read once from an author's page when it was loaded.
    directives: dict[str, list[tuple[Directive, str]]]
    lang: str = DEFAULT  # the UI catalogue the pages were written with: the browser's text follows it

    def uri_of(self, page_id: str) -> str | None:
        return next((p.uri for p in self.pages if p.id == page_id), None)

    def quiz_html(self, directive: Directive, sources_url: str) -> str | None:
        """What the directive shows of the quiz, for a page from which ``sources_url`` leads to
        the sources page."""
        spec = self.quizzes.get(directive.quiz_id)
        return self.quiz_renderer.render(spec, sources_url, directive.kind) if spec else None


def _environment() -> jinja2.Environment:
    env = environment()
    env.filters["indent_md"] = lambda text, n=4: text.replace("\n", "\n" + " " * n)
    return env


def source_usage(pages: list[PageSpec]) -> dict[str, list[PageSpec]]:
    """Source id -> the pages that cite it, in page order."""
    usage: dict[str, list[PageSpec]] = defaultdict(list)
    for page in pages:
        cited = {
            target
            for obj in page.objects
            for node in walk(obj)
            for _, ref, target, _ in references(node)
            if ref.kind == "source"
        }
        for source_id in sorted(cited):
            usage[source_id].append(page)
    return usage


class _PageContext:
    """Helpers a template calls, bound to the page being rendered."""

    def __init__(self, course: Course, pages: list[PageSpec], page: PageSpec, t: Catalogue):
        self.course = course
        self.page = page
        self.t = t
        self.by_id = {p.id: p for p in pages}
        self.sources = {s.id: s for s in course.all_sources()}

    def link(self, page_id: str, anchor: str | None = None) -> str:
        return relative_link(self.page.uri, self.by_id[page_id].uri, anchor)

    def page_title(self, page_id: str) -> str:
        return self.by_id[page_id].title

    def use(self, ref: str) -> str:
        """A link to what an activity uses: a page, or the test page whose pool holds the question."""
        if ref in self.by_id:
            return f"[{self.by_id[ref].title}]({self.link(ref)})"
        for bank in self.course.banks:
            question = next((q for q in bank.questions if q.id == ref), None)
            if bank.id == ref or question:
                label = (question.title or question.id) if question else bank.title
                test = test_id(bank.module)
                if test not in self.by_id:
                    return label
                # The test page holds the bank's whole pool, so it can project any of its questions.
                target = self.link(test)
                query = f"?klassikaal={test}" + (f"&vraag={question.id}" if question else "")
                return f"[{label}]({target}) ([{self.t('site.classroom')}]({target}{query}))"
        return ref

    def cite(self, node_or_id) -> str:
        source_id = node_or_id if isinstance(node_or_id, str) else node_or_id.source
        if not source_id:
            return ""
        source = self.sources[source_id]
        label = source.short or source.title
        return f"[{self.t('site.source', source=label)}]({self.link('bronnen', source.id)}){{.elearn-bron}}"


def render_site(course: Course, pages: list[PageSpec], quizzes: Quizzes, lang: str = DEFAULT) -> RenderedSite:
    """``pages`` and ``quizzes``: the site's structure and quizzes, made once for validation too;
    ``lang``: the UI catalogue (see ``locale``) of every fixed word on the pages."""
    env = _environment()
    t = catalogue(lang)
    usage = source_usage(pages)
    markdown = {}
    directives: dict[str, list[tuple[Directive, str]]] = {
        page.path: [(d, line) for d, _, line in page.directives] for page in course.markdown_pages
    }
    for page in pages:
        if not page.generated:
            continue
        ctx = _PageContext(course, pages, page, t)
        written = directives[page.uri] = []

        def quiz(kind: str, quiz_id: str) -> str:
            """A directive on the page, written and recorded: no one reads it back from the text."""
            directive = Directive(kind, quiz_id)
            written.append((directive, directive.line))
            return directive.line

        markdown[page.uri] = env.get_template(page.template).render(
            c=course,
            page=page,
            obj=page.objects[0] if page.objects else None,
            objects=page.objects,
            link=ctx.link,
            page_title=ctx.page_title,
            cite=ctx.cite,
            use=ctx.use,
            usage=usage,
            pages=pages,
            quiz=quiz,
            test_id=test_id,
            t=t,
        )
        if practice_id(page.id) in quizzes:
            markdown[page.uri] += f"\n## {t('site.practice')}\n\n{quiz(QUIZ, practice_id(page.id))}\n"
    labels = {s.id: s.short or s.title for s in course.all_sources()}
    renderer = QuizRenderer(content_names(course, pages, t), labels, teaching_pages(pages), lang)
    return RenderedSite(pages, markdown, navigation(course, pages), helpline_html(course, t), quizzes, renderer,
                        directives, lang)


def content_names(course: Course, pages: list[PageSpec], t: Catalogue) -> dict[str, str]:
    names = {p.id: p.title for p in pages}
    if course.meldcode:
        for q in course.meldcode.decision_framework.questions:
            names[q.id] = t("case.framework_question", n=q.number, question=q.question)
    for sector in course.sectors:
        for regime in sector.regimes:
            names[regime.id] = f"{regime.title} ({sector.title})"
    return names


def helpline_html(course: Course, t: Catalogue) -> str:
    """The always-visible line to Veilig Thuis and 112, for the theme's banner."""
    line = course.course.helpline if course.course else None
    if line is None:
        return ""
    phone = html.escape(line.phone)
    emergency = html.escape(line.emergency)
    text = t("site.helpline", title=html.escape(line.title), phone=f'<a href="tel:{phone.replace("-", "")}">{phone}</a>',
             emergency=f'<a href="tel:{emergency}">{emergency}</a>')
    return f'<p class="elearn-hulplijn">{text}</p>'
