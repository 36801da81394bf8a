"""The course as the browser's progress code sees it: pages, modules, paths, tests.

Written once per build as a classic script (``assets/elearn/course.js``), so every
page shares one cached file and nothing is fetched: fetch() fails on file://.
"""

from __future__ import annotations

import json
import math
import re

from ..course import Course
from ..locale import DEFAULT, catalogue
from ..mdtext import plain
from ..model import DEFAULT_MASTERY
from ..quiz.order import shown_order
from ..quiz.model import MultipleResponse, SingleChoice, TrueFalse
from ..quiz.plan import Quizzes
from ..site import TRAINER_TEMPLATES, PageSpec, practice_page, test_id

# Pages that show progress rather than teach: visiting them is not course work.
TOOL_TEMPLATES = ("dashboard.md.j2", "certificate.md.j2")
WORDS_PER_MINUTE = 180  # careful reading of study text
MINUTES_PER_QUESTION = 1


def words(markdown: str) -> int:
    text = re.sub(r"\[\[quiz:[^\]]*\]\]|\{[^}]*\}|\([^)]*\.md[^)]*\)|[#*_`>|-]", " ", markdown)
    return len(text.split())


def estimated_minutes(course: Course, module, markdown_of: dict[str, str], pages: dict[str, PageSpec],
                      quizzes: Quizzes) -> int:
    """The module's own estimate, or one from its text and its test: honest, not flattering."""
    if module.minutes:
        return module.minutes
    reading = sum(words(markdown_of.get(pages[pid].uri, "")) for pid in module.pages if pid in pages)
    test = quizzes.get(test_id(module.id))
    answering = (test.draw or 0) * MINUTES_PER_QUESTION if test else 0
    return max(5, 5 * math.ceil((reading / WORDS_PER_MINUTE + answering) / 5))


def course_map(course: Course, pages: list[PageSpec], urls: dict[str, str], markdown_of: dict[str, str],
               quizzes: Quizzes) -> dict:
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
        # The trainers' section is not course work, and every page here costs every learner bytes.
        "pages": {
            p.id: {"title": p.title, "url": urls[p.id]}
            for p in pages if p.id in urls and p.template not in TRAINER_TEMPLATES
        },
        "tools": [p.id for p in pages if p.template in TOOL_TEMPLATES],
        "mastery": DEFAULT_MASTERY,  # for a test a record names that the course no longer has
        "modules": modules,
        "paths": [
            {"id": a.id, "title": a.title, "modules": a.modules} for a in course.course.audiences
        ],
    }


def question_map(course: Course, urls: dict[str, str], quizzes: Quizzes, lang: str = DEFAULT) -> list[dict]:
    """Every question in course order, with where a trainer can show it: for the group results.

    ``url`` is the question on the page that practises it, or else projected from its module's
    test; ``classroom`` opens it full screen from the test page, which holds the whole pool.
    ``lang``: the catalogue whose words name the options of a true/false question.
    """
    practised: dict[str, str] = {}
    for quiz_id in quizzes:
        page_id = practice_page(quiz_id)
        if page_id in urls:
            for q in quizzes[quiz_id].questions:
                practised.setdefault(q.id, f"{urls[page_id]}#{quiz_id}--{q.id}")
    found = []
    for bank in course.banks:
        test = test_id(bank.module) if bank.module else None
        test_url = urls.get(test) if test in quizzes else None
        for q in bank.questions:
            classroom = f"{test_url}?klassikaal={test}&vraag={q.id}" if test_url else None
            title = q.title or plain(q.prompt)
            found.append({
                "id": q.id,
                "title": title if len(title) <= 140 else title[:137].rstrip() + "\u2026",
                "module": bank.module,
                "options": options(q, lang),
                # A test shows a random draw: there the question is most often hidden, so the
                # link projects it instead.
                "url": practised.get(q.id) or classroom,
                "classroom": classroom,
            })
    return found


def options(q, lang: str = DEFAULT) -> list | None:
    """[key, text, right] per option, keyed as the progress record keeps a learner's choice:
    for the item analysis, which counts how often each option was chosen. In the order and so
    with the letters of the hand-out and the answer key."""
    if isinstance(q, (SingleChoice, MultipleResponse)):
        return [[str(i), plain(o.text), o.correct] for i, o in shown_order(q, q.options)]
    if isinstance(q, TrueFalse):
        t = catalogue(lang)
        return [["true", t("quiz.true"), q.answer], ["false", t("quiz.false"), not q.answer]]
    return None


def script(variable: str, data) -> str:
    return f"window.{variable} = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"


# Every learner loads course.js on every page, so its pages are sent as [title, url] with the
# page's own id in the URL written as "*" (most URLs end in their id); these lines make
# them {title, url} again, so the code that reads the course never sees the short form.
EXPAND_PAGES = ("(function(c){Object.keys(c.pages).forEach(function(k){var p=c.pages[k];"
                "c.pages[k]={title:p[0],url:p[1].replace(\"*\",k)};});})(window.ELEARN_COURSE);\n")


def short_url(page_id: str, url: str) -> str:
    url = url.replace("*", "%2A")  # MkDocs quotes it already; a URL from elsewhere might not
    if url.startswith(page_id + "/"):
        return "*" + url[len(page_id):]
    return url.replace(f"/{page_id}/", "/*/", 1)


def course_script(data: dict) -> str:
    """``data`` from course_map, written as the classic script every page loads."""
    short = data | {"pages": {k: [v["title"], short_url(k, v["url"])] for k, v in data["pages"].items()}}
    return script("ELEARN_COURSE", short) + EXPAND_PAGES

