"""The order in which a question's choices stand on a page without script, on a hand-out and
in its answer key: one stable order per question, so the key's letters match the hand-out."""

from __future__ import annotations

import zlib

from .model import Matching, Ordering, Question


def _stable_shuffle(items: list, seed: str, rounds: int = 1) -> list:
    """Fisher-Yates with a small generator seeded from ``seed``: the same order in every build,
    on every Python, for a fraction of what ``random.Random(seed)`` costs to set up."""
    state = zlib.crc32(seed.encode()) or 1
    for _ in range(rounds):
        for i in range(len(items) - 1, 0, -1):
            state ^= (state << 13) & 0xFFFFFFFF  # xorshift32
            state ^= state >> 17
            state ^= (state << 5) & 0xFFFFFFFF
            j = state % (i + 1)
            items[i], items[j] = items[j], items[i]
    return items


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
    return _stable_shuffle(list(enumerate(items)), seed)


def shuffled(items: list, seed: str) -> list[tuple[int, object]]:
    """A stable shuffle that is never the written order."""
    for rounds in range(1, 9):
        indexed = _stable_shuffle(list(enumerate(items)), seed, rounds)
        if any(i != n for n, (i, _) in enumerate(indexed)):
            break
    return indexed


def letter(index: int) -> str:
    """A, B, C... for the answers of a matching question on paper."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)
