"""Markdown text as words: what validation, the exports and the pages all need of it.

No Markdown parser here: these helpers look at the text an author wrote, so that
validation and the exporters do not depend on how the site renders it.
"""

from __future__ import annotations

import re

_MARKS = re.compile(r"[*_`\[\]]|\(https?://[^)]*\)|\([^)\s]*\.md[^)]*\)|\{[^}]*\}")
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text for attributes such as aria-label: Markdown marks and link targets removed."""
    return _MARKS.sub("", text)


def visible_length(text: str) -> int:
    """How long a text looks to a reader: its words, without marks and with single spaces."""
    return len(_SPACE.sub(" ", plain(text)).strip())


def normalise_answer(text: str) -> str:
    """Short answers match regardless of case and spacing (the browser does the same)."""
    return _SPACE.sub("", text).lower()


_WORD = re.compile(r"[a-z0-9\u00e0-\u024f]+")


def words(text: str) -> list[str]:
    """The words of a text, lower case, without punctuation: for comparing prompts."""
    return _WORD.findall(plain(text).lower())
