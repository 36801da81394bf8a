"""The order in which a question's choices stand on a page without script, on a hand-out and
in its answer key: one stable order per question, so the key's letters match the hand-out."""

from __future__ import annotations

import functools
import zlib

from .model import Matching, Ordering, Question, pinned

# The types whose written order gives the answer away (see shown_order); every other keeps "any".
_RULES = {Ordering: "never-written", Matching: "never-written"}


def shown_order(q: Question, items: list, part: str = "") -> list[tuple[int, object]]:
    """(written index, item) in the order a page without script, a hand-out and its key show
    ``items`` of ``q`` (of its situation ``part`` in a case).

    A stable shuffle, so the key's letters match the hand-out, and the right answer is not
    where the author happened to write it; the browser shuffles again on every attempt. An
    ordering question's written order is its answer, and a matching question's answers in
    the written order would line up with their terms: those two never keep it. A pinned
    question keeps the author's order."""
    # A page, a hand-out, a key and the course data all ask: 40,000 times at 10,000 questions.
    rule = "pinned" if pinned(q) else _RULES.get(type(q), "any")
    return [(i, items[i]) for i in _order(f"{q.id}/{part}" if part else q.id, len(items), rule)]


@functools.lru_cache(maxsize=1 << 16)  # a question's order is asked for three or four times
def _order(seed: str, count: int, rule: str) -> tuple[int, ...]:
    if rule == "pinned":
        return tuple(range(count))
    written = list(range(count))
    for rounds in range(1, 9):
        order = _stable_shuffle(list(written), seed, rounds)
        if rule == "any" or order != written:
            break
    return tuple(order)


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


def letter(index: int) -> str:
    """A, B, C... for the answers of a matching question on paper."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)
