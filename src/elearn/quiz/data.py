"""What the browser needs to score an answer, and nothing more: never feedback, never markup.

It sits in the page as JSON data; the key is in the page, which is why site tests are for
practice (see the README).
"""

from __future__ import annotations

from ..mdtext import normalise_answer
from .model import Case, Matching, MultipleResponse, Ordering, Question, ShortAnswer, SingleChoice, TrueFalse


def answer_data(q: Question) -> dict:
    """What the script needs to score an answer: never feedback text, never markup."""
    if isinstance(q, (SingleChoice, MultipleResponse)):
        return {"correct": [i for i, o in enumerate(q.options) if o.correct]}
    if isinstance(q, TrueFalse):
        return {"correct": q.answer}
    if isinstance(q, Ordering):
        return {"count": len(q.items)}
    if isinstance(q, Matching):
        return {"count": len(q.pairs)}
    if isinstance(q, ShortAnswer):
        return {"accepted": sorted({normalise_answer(a) for a in q.answers})}
    if isinstance(q, Case):
        return {
            "start": q.start,
            "nodes": {n.id: [[c.next, c.correct] for c in n.choices] for n in q.nodes},
            "outcomes": {o.id: o.correct for o in q.outcomes},
        }
    raise TypeError(type(q).__name__)
