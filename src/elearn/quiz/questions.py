"""One question as HTML: to answer on screen, on paper (a hand-out), or its answer key.

Written as plain Python rather than as Jinja templates: a course of 10,000 questions renders
some 40,000 of these, and a template's fixed cost per render (a context, escaping every
value on the way out) was most of the build's time. The page templates stay Jinja.

Every value from the course is escaped here (``_e``) or is Markdown converted by ``mdtext``;
the structure is the same semantic form as before: fieldset, legend, label. What this module
writes itself is ASCII, other characters as references (&eacute;, &middot;, &hellip;): one
character beyond Latin-1 makes Python hold the whole page in two bytes per character, and one
beyond ASCII has the page encoded character by character when it is written, where an ASCII
page is copied. The fixed words come from the UI catalogue (``locale``), escaped and with such
characters as references once, when the catalogue is taken.
"""

from __future__ import annotations

import re
from html.entities import codepoint2name

from markupsafe import escape

from ..locale import DEFAULT, Catalogue
from ..mdtext import md_block, md_inline
from .model import Case, Question, pinned
from .order import letter, shown_order


def _e(value: str) -> str:
    """A value in HTML text or an attribute, escaped as Jinja's autoescape did (markupsafe). Ids
    (of questions, quizzes, situations, outcomes, sources) are not passed through it: they are
    validated to be lower-case letters, digits and hyphens, which need no escaping."""
    # Five looks for a character are cheaper than one regular expression on such short texts,
    # and the quiz pages ask this 100,000 times at 10,000 questions.
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return str(escape(value))
    return value


# An answer's feedback in the key, closing its list item.
_why = '<div class="elearn-key-why">{}</div></li>\n'.format

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _html_text(text: str) -> str:
    """A catalogue text as HTML: escaped, and beyond ASCII as references."""
    return _NON_ASCII.sub(lambda m: f"&{codepoint2name[ord(m[0])]};" if ord(m[0]) in codepoint2name else f"&#{ord(m[0])};",
                          _e(text))


class QuestionHtml:
    """The three views of a question. ``names`` gives the titles of the steps, afwegingsvragen
    and regimes a case names; ``source_labels`` the short name of every source; ``lang`` the
    catalogue of the fixed words."""

    def __init__(self, names: dict[str, str], source_labels: dict[str, str], lang: str = DEFAULT):
        self.names = names
        self.source_labels = source_labels
        self._source_lines: dict[tuple[str, str], str] = {}
        self.t = Catalogue(lang, _html_text)
        # The key's fixed parts, taken from the catalogue once rather than for each of its questions.
        self._verdicts = {True: self.t("key.right"), False: self.t("key.wrong")}
        self._per_answer = f'<p class="elearn-label"><strong>{self.t("key.per_answer")}</strong></p>\n<ul>\n'
        # The same for the form on screen: its end, and the start of the feedback after it.
        self._form_end = ('</fieldset>\n<div class="elearn-actions">\n<button type="submit" '
                          f'class="md-button md-button--primary elearn-check">{self.t("quiz.check")}</button>\n'
                          "</div>\n</form>\n")
        self._feedback_start = '<div class="elearn-feedback" tabindex="-1" hidden>\n<p class="elearn-verdict"></p>\n'

    def _name(self, ref: str) -> str:
        return _e(self.names.get(ref, ref))

    def _source(self, source_id: str, sources_url: str) -> str:
        """``sources_url`` is escaped already. One line per source and page, which every
        question of the page asks for: made once."""
        line = self._source_lines.get((source_id, sources_url))
        if line is None:
            line = self._source_lines[source_id, sources_url] = self._source_line(source_id, sources_url)
        return line

    def _source_line(self, source_id: str, sources_url: str) -> str:
        label = _e(self.source_labels.get(source_id, source_id))
        link = f'<a href="{sources_url}#{source_id}">{label}</a>'
        return f'<p class="elearn-source">{self.t("site.source", source=link)}</p>\n'

    # --- on screen ---------------------------------------------------------------------

    def quiz(self, q: Question, quiz_id: str, number: int, sources_url: str) -> str:
        """``sources_url`` is escaped already: once per quiz, not per question."""
        # Written anew for every page it is on: measured, that is cheaper than keeping it.
        qid = f"{quiz_id}--{q.id}"
        pin = " data-elearn-pinned" if pinned(q) else ""
        head = (f'<div class="elearn-question" id="{qid}" data-elearn-question="{q.id}" '
                f'data-elearn-type="{q.type}"{pin}>\n')
        if isinstance(q, Case):
            body = self._case(q, sources_url)
        else:
            body = (f'<form class="elearn-form" novalidate>\n<fieldset>\n<legend class="elearn-prompt">'
                    f'<span class="elearn-number">{self.t.number("quiz.number", number)}</span> '
                    f"{md_inline(q.prompt)}</legend>\n{self._VIEWS[q.type](self, q, qid)}{self._form_end}")
        explanation = f'<div class="elearn-explanation">{md_block(q.explanation)}</div>' if q.explanation else ""
        return f"{head}{body}{self._feedback_start}{explanation}{self._source(q.source, sources_url)}</div>\n</div>"

    def _single(self, q, qid: str, kind: str = "radio") -> str:
        out = []
        for index, o in shown_order(q, q.options):
            out.append(f'<div class="elearn-option" data-index="{index}">\n'
                       f'<input type="{kind}" name="{qid}" id="{qid}-{index}" value="{index}">\n'
                       f'<label for="{qid}-{index}">{md_inline(o.text)}</label>\n'
                       f'<div class="elearn-option-feedback" hidden>{md_block(o.feedback)}</div>\n</div>\n')
        return "".join(out)

    def _multiple(self, q, qid: str) -> str:
        return f'<p class="elearn-hint">{self.t("quiz.several")}</p>' + self._single(q, qid, "checkbox")

    def _truefalse(self, q, qid: str) -> str:
        return "".join(
            f'<div class="elearn-option" data-index="{value}">\n'
            f'<input type="radio" name="{qid}" id="{qid}-{value}" value="{value}">\n'
            f'<label for="{qid}-{value}">{label}</label>\n'
            f'<div class="elearn-option-feedback" hidden>{md_block(feedback)}</div>\n</div>\n'
            for value, label, feedback in (("true", self.t("quiz.true"), q.feedback_true),
                                           ("false", self.t("quiz.false"), q.feedback_false))
        )

    def _ordering(self, q, qid: str) -> str:
        out = [f'<p class="elearn-hint" id="{qid}-hint">{self.t("quiz.ordering")}</p>\n'
               f'<ol class="elearn-order" aria-describedby="{qid}-hint">\n']
        for index, item in shown_order(q, q.items):
            out.append(f'<li class="elearn-order-item" data-index="{index}"><span class="elearn-order-text">'
                       f"{md_inline(item.text)}</span>\n"
                       f'<div class="elearn-option-feedback" hidden>{md_block(item.feedback)}</div></li>\n')
        out.append("</ol>\n")
        return "".join(out)

    def _matching(self, q, qid: str) -> str:
        t = self.t
        choices = "".join(f'<option value="{j}">{_e(other.right)}</option>\n' for j, other in shown_order(q, q.pairs))
        return "".join(
            f'<div class="elearn-match" data-index="{i}">\n'
            f'<label for="{qid}-{i}">{_e(pair.left)}</label>\n'
            f'<select id="{qid}-{i}" name="{qid}-{i}">\n<option value="">{t("quiz.choose")}</option>\n{choices}</select>\n'
            f'<div class="elearn-option-feedback" hidden><p>{t("quiz.right_answer", answer=_e(pair.right))}</p>'
            f"{md_block(pair.feedback)}</div>\n</div>\n"
            for i, pair in enumerate(q.pairs)
        )

    def _shortanswer(self, q, qid: str) -> str:
        return (f'<div class="elearn-short">\n<label for="{qid}-antwoord">{self.t("quiz.your_answer")}</label>\n'
                f'<input type="text" id="{qid}-antwoord" name="{qid}" autocomplete="off" spellcheck="false">\n'
                "</div>\n"
                f'<div class="elearn-option-feedback" data-when="correct" hidden>{md_block(q.feedback_correct)}</div>\n'
                f'<div class="elearn-option-feedback" data-when="wrong" hidden>'
                f'<p>{self.t("quiz.accepted", answers=_e(", ".join(q.answers)))}</p>{md_block(q.feedback_wrong)}</div>\n')

    # The form's body by question type: plain functions, so the renderer holds no bound methods of
    # itself (a cycle that only the garbage collector would free).
    _VIEWS = {"single": _single, "multiple": _multiple, "truefalse": _truefalse, "ordering": _ordering,
              "matching": _matching, "shortanswer": _shortanswer}

    def _case(self, q: Case, sources_url: str) -> str:
        t = self.t
        out = ['<div class="elearn-case">\n'
               f'<h3 class="elearn-case-title">{_e(q.title) if q.title else t("case.title")}</h3>\n'
               f'<div class="elearn-prompt">{md_block(q.prompt)}</div>\n']
        for n, node in enumerate(q.nodes, start=1):
            out.append(f'<fieldset class="elearn-case-node" data-node="{node.id}">\n'
                       f'<legend class="elearn-case-step">{t.number("case.node", n)}{self._step(node)}</legend>\n'
                       f'<div class="elearn-situation">{md_block(node.situation)}</div>\n<ul class="elearn-choices">\n')
            for index, choice in shown_order(q, node.choices, node.id):
                out.append(f'<li class="elearn-choice" data-index="{index}"><button type="button" '
                           f'class="elearn-choice-button">{md_inline(choice.text)}</button>\n'
                           f'<div class="elearn-option-feedback" hidden>{md_block(choice.feedback)}</div></li>\n')
            out.append("</ul>\n</fieldset>\n")
        for outcome in q.outcomes:
            out.append(f'<div class="elearn-case-outcome" data-outcome="{outcome.id}">\n'
                       f'<p class="elearn-case-outcome-title"><strong>{t("case.outcome", title=_e(outcome.title))}</strong></p>\n'
                       f"{md_block(outcome.text)}\n{self._outcome_meta(outcome)}"
                       + self._source(outcome.source, sources_url) + "</div>\n")
        out.append("</div>")
        return "".join(out)

    def _step(self, node) -> str:
        return f" &middot; {self._name(node.step)}" if node.step else ""

    def _outcome_meta(self, outcome) -> str:
        if outcome.regime:
            return f'<p class="elearn-case-meta">{self.t("case.regime", regime=self._name(outcome.regime))}</p>\n'
        meta = self.t("case.route", step=self._name(outcome.step), question=self._name(outcome.decision_question))
        return f'<p class="elearn-case-meta">{meta}</p>\n'

    # --- on paper -----------------------------------------------------------------------

    def _paper_head(self, q: Question, number: int) -> str:
        case = isinstance(q, Case)
        title = ". " + (_e(q.title) if q.title else self.t("case.title")) if case else ""
        return (f'<div class="elearn-paper-question{" elearn-paper-case" if case else ""}">\n'
                f'<h2 class="elearn-paper-title">{self.t.number("paper.number", number)}{title}</h2>\n'
                f'<div class="elearn-prompt">{md_block(q.prompt)}</div>\n')

    def handout(self, q: Question, number: int) -> str:
        """The question on paper, without its answer: nothing here gives it away, not even hidden."""
        t = self.t
        out = [self._paper_head(q, number)]
        if q.type in ("single", "multiple"):
            hint = t("paper.single") if q.type == "single" else t("paper.multiple")
            out.append(f'<p class="elearn-hint">{hint}</p>\n<ul class="elearn-paper-list">\n')
            out += [f'<li><span class="elearn-box">&#9744;</span> {letter(n)}. {md_inline(o.text)}</li>\n'
                    for n, (_, o) in enumerate(shown_order(q, q.options))]
            out.append("</ul>\n")
        elif q.type == "truefalse":
            out.append(f'<p class="elearn-hint">{t("paper.truefalse")}</p>\n'
                       f'<p><span class="elearn-box">&#9744;</span> {t("quiz.true")} &emsp; '
                       f'<span class="elearn-box">&#9744;</span> {t("quiz.false")}</p>\n')
        elif q.type == "ordering":
            out.append(f'<p class="elearn-hint">{t("paper.ordering")}</p>\n'
                       '<ul class="elearn-paper-list">\n')
            out += [f'<li><span class="elearn-blank"></span> {md_inline(item.text)}</li>\n'
                    for _, item in shown_order(q, q.items)]
            out.append("</ul>\n")
        elif q.type == "matching":
            out.append(f'<p class="elearn-hint">{t("paper.matching")}</p>\n'
                       '<div class="elearn-paper-match">\n<ul class="elearn-paper-list">\n')
            out += [f'<li><span class="elearn-blank"></span> {_e(pair.left)}</li>\n' for pair in q.pairs]
            out.append('</ul>\n<ul class="elearn-paper-list">\n')
            out += [f"<li>{letter(n)}. {_e(pair.right)}</li>\n" for n, (_, pair) in enumerate(shown_order(q, q.pairs))]
            out.append("</ul>\n</div>\n")
        elif q.type == "shortanswer":
            out.append(f'<p class="elearn-hint">{t("paper.shortanswer")}</p>\n<div class="elearn-line"></div>\n')
        else:
            out.append(f'<p class="elearn-hint">{t("paper.case")}</p>\n')
            for n, node in enumerate(q.nodes, start=1):
                out.append(f'<div class="elearn-case-node">\n<h3 class="elearn-case-step">{t.number("case.node", n)}'
                           f'{self._step(node)}</h3>\n{md_block(node.situation)}\n<ul class="elearn-paper-list">\n')
                out += [f'<li><span class="elearn-box">&#9744;</span> {letter(m)}. {md_inline(choice.text)}</li>\n'
                        for m, (_, choice) in enumerate(shown_order(q, node.choices, node.id))]
                out.append("</ul>\n</div>\n")
        out.append("</div>")
        return "".join(out)

    def answer_key(self, q: Question, number: int, sources_url: str) -> str:
        """The question's key for the trainer: the right answer in words, with the hand-out's
        letters, the feedback of every answer, the explanation and the source. ``sources_url`` is
        escaped already."""
        t = self.t
        out = [self._paper_head(q, number)]
        verdicts = self._verdicts
        kind = q.type
        if kind == "single" or kind == "multiple":
            shown = [(letter(n), o) for n, (_, o) in enumerate(shown_order(q, q.options))]
            if kind == "single":
                out += [f'<p class="elearn-key-answer"><strong>{t("key.answer")}</strong> {mark}. {md_inline(o.text)}</p>\n'
                        for mark, o in shown if o.correct]
            else:
                out.append(f'<p class="elearn-key-answer elearn-label"><strong>{t("key.answers")}</strong></p>\n<ul>\n')
                out += [f"<li>{mark}. {md_inline(o.text)}</li>\n" for mark, o in shown if o.correct]
                out.append("</ul>\n")
            out.append(self._per_answer)
            out += [f"<li>{mark}. {md_inline(o.text)} <em>({verdicts[o.correct]})</em> " + _why(md_block(o.feedback))
                    for mark, o in shown]
            out.append("</ul>\n")
        elif kind == "truefalse":
            yes, no = t("quiz.true"), t("quiz.false")
            out.append(f'<p class="elearn-key-answer"><strong>{t("key.answer")}</strong> {yes if q.answer else no}</p>\n'
                       f"{self._per_answer}"
                       f"<li>{yes} <em>({verdicts[q.answer]})</em> " + _why(md_block(q.feedback_true))
                       + f"<li>{no} <em>({verdicts[not q.answer]})</em> " + _why(md_block(q.feedback_false))
                       + "</ul>\n")
        elif kind == "ordering":
            out.append(f'<p class="elearn-key-answer elearn-label"><strong>{t("key.order")}</strong></p>\n<ol>\n')
            out += [f"<li>{md_inline(item.text)} " + _why(md_block(item.feedback)) for item in q.items]
            out.append("</ol>\n")
        elif kind == "matching":
            order = [i for i, _ in shown_order(q, q.pairs)]  # the hand-out's letters
            out.append(f'<p class="elearn-key-answer elearn-label"><strong>{t("key.pairs")}</strong></p>\n<ul>\n')
            out += [f"<li>{_e(pair.left)} &rarr; {letter(order.index(i))}. {_e(pair.right)} " + _why(md_block(pair.feedback))
                    for i, pair in enumerate(q.pairs)]
            out.append("</ul>\n")
        elif kind == "shortanswer":
            answers = f" {t('key.or')} ".join(_e(a) for a in q.answers)
            out.append(f'<p class="elearn-key-answer"><strong>{t("key.accepted")}</strong> {answers} '
                       f"<em>{t('key.accepted_note')}</em></p>\n<ul>\n"
                       f"<li>{t('key.if_right')} " + _why(md_block(q.feedback_correct))
                       + f"<li>{t('key.if_wrong')} " + _why(md_block(q.feedback_wrong)) + "</ul>\n")
        else:
            out.append(self._case_key(q, sources_url))
        if q.explanation:
            out.append(f'<div class="elearn-explanation"><p class="elearn-label"><strong>{t("key.explanation")}</strong></p>'
                       f"{md_block(q.explanation)}</div>\n")
        out.append(self._source(q.source, sources_url) + "</div>")
        return "".join(out)

    def _case_key(self, q: Case, sources_url: str) -> str:
        t = self.t
        # Where each choice leads, said once per case: a situation by its number, an outcome by its title.
        leads = {node.id: t.number("key.to_node", n) for n, node in enumerate(q.nodes, start=1)}
        for outcome in q.outcomes:
            leads.setdefault(outcome.id, t("key.to_outcome", title=_e(outcome.title)))
        best_kind, other_kind = t("key.best_choice"), t("key.other_choice")
        out = []
        for n, node in enumerate(q.nodes, start=1):
            shown = [(letter(m), c) for m, (_, c) in enumerate(shown_order(q, node.choices, node.id))]
            out.append(f'<div class="elearn-case-node">\n<h3 class="elearn-case-step">{t.number("case.node", n)}'
                       f"{self._step(node)}</h3>\n{md_block(node.situation)}\n")
            best = [(mark, c) for mark, c in shown if c.correct]
            if best:
                label = t("key.best") if len(best) == 1 else t("key.best_many")
                out.append(f'<p class="elearn-key-answer"><strong>{label}</strong> '
                           + " / ".join(f"{mark}. {md_inline(c.text)}" for mark, c in best) + "</p>")
            out.append("<ul>\n")
            out += [f"<li>{mark}. {md_inline(c.text)} "
                    f"<em>({t('key.choice', kind=best_kind if c.correct else other_kind, next=leads[c.next])})</em> "
                    + _why(md_block(c.feedback))
                    for mark, c in shown]
            out.append("</ul>\n</div>\n")
        for outcome in q.outcomes:
            end = t("key.good_end") if outcome.correct else t("key.bad_end")
            out.append('<div class="elearn-case-outcome">\n'
                       f'<p><strong>{t("case.outcome", title=_e(outcome.title))}</strong> '
                       f"<em>({end})</em></p>\n"
                       f"{md_block(outcome.text)}\n{self._outcome_meta(outcome)}"
                       + self._source(outcome.source, sources_url) + "</div>\n")
        return "".join(out)
