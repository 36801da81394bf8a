"""GIFT, the plain-text question format that Moodle imports.

Texts stay Markdown and are marked so (``[markdown]``). What GIFT cannot express is
said in a warning, never dropped silently: an ordering question becomes matching
(position -> item), and a branching case is left out.
"""

from __future__ import annotations

from ..course import Course
from ..quiz.model import (
    Case, Matching, MultipleResponse, Ordering, Question, ShortAnswer, SingleChoice, TrueFalse, pinned,
)

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """GIFT's special characters, and new lines, as GIFT wants them written."""
    out = "".join("\\" + ch if ch in _SPECIAL else ch for ch in text.strip())
    return out.replace("\n", "\\n")


def percent(value: float) -> str:
    """Moodle's weights are whole or have five decimals (33.33333)."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def _general(q: Question, extra: str | None = None) -> str:
    parts = [p for p in (q.explanation, extra) if p]
    return f"\n####[markdown]{escape(' '.join(parts))}" if parts else ""


def _answers(q: Question) -> str | None:
    if isinstance(q, SingleChoice):
        lines = [f"{'=' if o.correct else '~'}[markdown]{escape(o.text)}#[markdown]{escape(o.feedback)}" for o in q.options]
        return "\n".join(lines) + _general(q)
    if isinstance(q, MultipleResponse):
        right = sum(o.correct for o in q.options)
        wrong = len(q.options) - right
        lines = []
        for o in q.options:
            weight = 100 / right if o.correct else -100 / wrong
            lines.append(f"~%{percent(weight)}%[markdown]{escape(o.text)}#[markdown]{escape(o.feedback)}")
        return "\n".join(lines) + _general(q)
    if isinstance(q, TrueFalse):
        # GIFT: the first feedback is shown after a wrong answer, the second after a right one.
        wrong, right = (q.feedback_false, q.feedback_true) if q.answer else (q.feedback_true, q.feedback_false)
        return f"{'T' if q.answer else 'F'}#[markdown]{escape(wrong)}#[markdown]{escape(right)}" + _general(q)
    if isinstance(q, Matching):
        lines = [f"={escape(p.left)} -> {escape(p.right)}" for p in q.pairs]
        return "\n".join(lines) + _general(q, " ".join(p.feedback for p in q.pairs))
    if isinstance(q, Ordering):
        lines = [f"=Plaats {n} -> {escape(item.text)}" for n, item in enumerate(q.items, start=1)]
        return "\n".join(lines) + _general(q, " ".join(i.feedback for i in q.items))
    if isinstance(q, ShortAnswer):
        lines = [f"=[markdown]{escape(a)}#[markdown]{escape(q.feedback_correct)}" for a in q.answers]
        # A catch-all answer (* at 0%, last, as Moodle itself exports one): its feedback shows
        # after a wrong answer only, where the general feedback shows always.
        lines.append(f"=%0%*#[markdown]{escape(q.feedback_wrong)}")
        return "\n".join(lines) + _general(q)
    return None


def to_gift(course: Course) -> tuple[str, int, list[str]]:
    """The GIFT text of every bank, how many questions it holds, and a warning for each
    question it had to change or leave out."""
    blocks, warnings, count = [], [], 0
    for bank in course.banks:
        blocks.append(f"$CATEGORY: elearn/{bank.title.strip()}")  # a category line is taken literally
        for q in bank.questions:
            if isinstance(q, Case):
                warnings.append(f"{q.id}: een casus met beslismomenten kan GIFT niet uitdrukken; overgeslagen")
                continue
            if isinstance(q, Ordering):
                warnings.append(f"{q.id}: volgordevraag als koppelvraag (plaats -> onderdeel) geschreven")
            if pinned(q):
                # GIFT has no way to say so; Moodle shuffles imported answers by default.
                warnings.append(f"{q.id}: vaste volgorde kan GIFT niet vastleggen; zet in Moodle 'Antwoorden "
                                "husselen' uit bij deze vraag, of gebruik Moodle XML")
            title = f"{q.id} {q.title}" if q.title else q.id
            prompt = q.prompt if not isinstance(q, Ordering) else q.prompt + " Koppel elke plaats aan het juiste onderdeel."
            blocks.append(f"::{escape(title)}::[markdown]{escape(prompt)}{{\n{_answers(q)}\n}}")
            count += 1
    return "\n\n".join(blocks) + "\n", count, warnings
