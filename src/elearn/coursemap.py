"""The course as the browser's progress code sees it: pages, modules, paths, tests.

Written once per build as a classic script (``assets/elearn/course.js``), so every
page shares one cached file and nothing is fetched: fetch() fails on file://.
"""

from __future__ import annotations

import json
import math
import re

from .load import Course
from .pages import TRAINER_TEMPLATES, PageSpec
from .quizzes import test_id
from .quizrender import QuizSpec

WORDS_PER_MINUTE = 180  # careful reading of study text
MINUTES_PER_QUESTION = 1


def words(markdown: str) -> int:
    text = re.sub(r"\[\[quiz:[^\]]*\]\]|\{[^}]*\}|\([^)]*\.md[^)]*\)|[#*_`>|-]", " ", markdown)
    return len(text.split())


def estimated_minutes(course: Course, module, markdown_of: dict[str, str], pages: dict[str, PageSpec],
                      quizzes: dict[str, QuizSpec]) -> int:
    """The module's own estimate, or one from its text and its test: honest, not flattering."""
    if module.minutes:
        return module.minutes
    reading = sum(words(markdown_of.get(pages[pid].uri, "")) for pid in module.pages if pid in pages)
    test = quizzes.get(test_id(module.id))
    answering = (test.draw or 0) * MINUTES_PER_QUESTION if test else 0
    return max(5, 5 * math.ceil((reading / WORDS_PER_MINUTE + answering) / 5))


def course_map(course: Course, pages: list[PageSpec], urls: dict[str, str], markdown_of: dict[str, str],
               quizzes: dict[str, QuizSpec]) -> dict:
    """``urls``: page id -> URL from the site root; ``markdown_of``: uri -> the page's Markdown."""
    by_id = {p.id: p for p in pages}
    modules = []
    for module in course.course.modules:
        test = quizzes.get(test_id(module.id))
        modules.append({
            "id": module.id,
            "title": module.title,
            "pages": [pid for pid in module.pages if pid in by_id],
            "test": test.id if test else None,
            "mastery": test.mastery if test else None,
            "minutes": estimated_minutes(course, module, markdown_of, by_id, quizzes),
        })
    return {
        "course": course.course.id,
        "title": course.course.title,
        # Trainer material (session plans, hand-outs, answer keys) is no part of the learner's
        # course: pages the progress code does not know are never counted as visited. Leaving
        # them out, rather than listing them under "tools", keeps this script small as the
        # course grows (two more pages per module).
        "pages": {p.id: {"title": p.title, "url": urls[p.id]} for p in pages
                  if p.id in urls and p.template not in TRAINER_TEMPLATES},
        # pages that show progress rather than teach: visiting them is not course work
        "tools": [p.id for p in pages if p.template in ("dashboard.md.j2", "certificate.md.j2")],
        "modules": modules,
        "paths": [
            {"id": a.id, "title": a.title, "modules": a.modules} for a in course.course.audiences
        ],
    }


def course_script(data: dict) -> str:
    return "window.ELEARN_COURSE = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
