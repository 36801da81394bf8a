"""The order in which a question's choices stand on a page without script, on a hand-out and
in its answer key: one stable order per question, so the key's letters match the hand-out."""

from __future__ import annotations

import random

from .model import Matching, Ordering, Question


def shown_order(q: Question, items: list, part: str = "") -> list[tuple[int, object]]:
    """(written index, item) in the order a page without script, a hand-out and its key show
    ``items`` of ``q`` (of its situation ``part`` in a case).

    A stable shuffle, so the key's letters match the hand-out, and the right answer is not
    where the author happened to write it; the browser shuffles again on every attempt. An
    ordering question's written order is its answer, and a matching question's answers in
    the written order would line up with their terms: those two never keep it. A pinned
    question keeps the author's order."""
    seed = q.id + (f"/{part}" if part else "")
    if getattr(q, "pinned", False):
        return list(enumerate(items))
    if isinstance(q, (Ordering, Matching)):
        return shuffled(items, seed)
    indexed = list(enumerate(items))
    random.Random(seed).shuffle(indexed)
    return indexed


def shuffled(items: list, seed: str) -> list[tuple[int, object]]:
    """A stable shuffle that is never the written order."""
    indexed = list(enumerate(items))
    rng = random.Random(seed)
    for _ in range(8):
        rng.shuffle(indexed)
        if [i for i, _ in indexed] != list(range(len(items))):
            break
    return indexed


def letter(index: int) -> str:
    """A, B, C... for the answers of a matching question on paper."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)
