"""Diagnostics: what is wrong, where, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, order=True)
class Position:
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    pos: Position | None
    message: str
    hint: str | None = None
    severity: Severity = "fout"

    def format(self) -> str:
        where = f"{self.pos}: " if self.pos else ""
        text = f"{where}{self.severity}: {self.message}"
        if self.hint:
            text += f"\n    tip: {self.hint}"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity == "fout"


def nearest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    import difflib  # only a course with a mistake needs it: not imported on every build

    return difflib.get_close_matches(word, sorted(set(candidates)), n=n, cutoff=0.6)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    close = nearest(word, candidates)
    if not close:
        return None
    return "bedoel je " + " of ".join(f"'{c}'" for c in close) + "?"


def sort_key(d: Diagnostic) -> tuple:
    return (d.pos or Position("", 0, 0), d.message)


def format_all(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(d.format() for d in sorted(diagnostics, key=sort_key))


class ContentError(Exception):
    """Raised by front ends (CLI, plugin) when the course has errors."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        errors = sum(d.is_error for d in diagnostics)
        super().__init__(
            f"{errors} fout(en) in de cursusinhoud:\n" + format_all(diagnostics)
        )
