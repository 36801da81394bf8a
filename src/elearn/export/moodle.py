"""Moodle XML: every question with its feedback, per answer and in general, by category.

Like GIFT: an ordering question becomes matching (position -> item) and a branching
case is left out, each with a warning.
"""

from __future__ import annotations

from lxml import etree

from ..course import Course
from ..quiz.model import (
    Case, Matching, MultipleResponse, Ordering, Question, ShortAnswer, SingleChoice, TrueFalse, pinned,
)


def _text(parent, tag: str, text: str, fmt: str | None = "markdown", **attrs):
    node = etree.SubElement(parent, tag, **({"format": fmt} if fmt else {}), **attrs)
    etree.SubElement(node, "text").text = text.strip()
    return node


def _fraction(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".") or "0"


def _answer(parent, fraction: float, text: str, feedback: str, fmt: str = "markdown"):
    answer = _text(parent, "answer", text, fmt, fraction=_fraction(fraction))
    _text(answer, "feedback", feedback)
    return answer


def _question(quiz, kind: str, q: Question, prompt: str, general: list[str]):
    node = etree.SubElement(quiz, "question", type=kind)
    name = etree.SubElement(node, "name")
    etree.SubElement(name, "text").text = f"{q.id} {q.title}" if q.title else q.id
    _text(node, "questiontext", prompt)
    _text(node, "generalfeedback", " ".join(p.strip() for p in general if p))
    etree.SubElement(node, "defaultgrade").text = "1"
    etree.SubElement(node, "idnumber").text = q.id
    return node


def to_moodle_xml(course: Course) -> tuple[bytes, int, list[str]]:
    quiz = etree.Element("quiz")
    warnings, count = [], 0
    for bank in course.banks:
        category = etree.SubElement(quiz, "question", type="category")
        _text(category, "category", f"$course$/top/elearn/{bank.title.strip()}", fmt=None)
        for q in bank.questions:
            if isinstance(q, Case):
                warnings.append(f"{q.id}: een casus met beslismomenten kent Moodle XML niet; overgeslagen")
                continue
            count += 1
            if isinstance(q, (SingleChoice, MultipleResponse)):
                node = _question(quiz, "multichoice", q, q.prompt, [q.explanation])
                etree.SubElement(node, "single").text = "true" if isinstance(q, SingleChoice) else "false"
                etree.SubElement(node, "shuffleanswers").text = "false" if q.pinned else "true"
                right = sum(o.correct for o in q.options)
                wrong = len(q.options) - right
                for o in q.options:
                    if isinstance(q, SingleChoice):
                        fraction = 100 if o.correct else 0
                    else:
                        fraction = 100 / right if o.correct else -100 / wrong
                    _answer(node, fraction, o.text, o.feedback)
            elif isinstance(q, TrueFalse):
                node = _question(quiz, "truefalse", q, q.prompt, [q.explanation])
                _answer(node, 100 if q.answer else 0, "true", q.feedback_true, fmt="moodle_auto_format")
                _answer(node, 0 if q.answer else 100, "false", q.feedback_false, fmt="moodle_auto_format")
            elif isinstance(q, (Matching, Ordering)):
                if isinstance(q, Ordering):
                    warnings.append(f"{q.id}: volgordevraag als koppelvraag (plaats -> onderdeel) geschreven")
                    pairs = [(f"Plaats {n}", item.text) for n, item in enumerate(q.items, start=1)]
                    feedback = [i.feedback for i in q.items]
                    prompt = q.prompt.strip() + " Koppel elke plaats aan het juiste onderdeel."
                else:
                    pairs = [(p.left, p.right) for p in q.pairs]
                    feedback = [p.feedback for p in q.pairs]
                    prompt = q.prompt
                node = _question(quiz, "matching", q, prompt, [q.explanation, *feedback])
                etree.SubElement(node, "shuffleanswers").text = "false" if pinned(q) else "true"
                for left, right in pairs:
                    sub = _text(node, "subquestion", left)
                    etree.SubElement(etree.SubElement(sub, "answer"), "text").text = right.strip()
            elif isinstance(q, ShortAnswer):
                node = _question(quiz, "shortanswer", q, q.prompt, [q.explanation])
                etree.SubElement(node, "usecase").text = "0"
                for a in q.answers:
                    _answer(node, 100, a, q.feedback_correct, fmt="moodle_auto_format")
                # Moodle tries the answers in order and * matches anything: last, at 0%, it shows
                # this feedback after a wrong answer only (the general feedback shows always).
                _answer(node, 0, "*", q.feedback_wrong, fmt="moodle_auto_format")
    data = etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, count, warnings
