"""The browser files of the package, and how they are served: our own JS and CSS, without comments and spaces.

The sources keep their comments (they say why); the site does not need to ship them.
JavaScript goes through rjsmin, which removes comments and whitespace and nothing else
(no renaming, no rewriting), so the served code is the code we wrote, with one exception:
its UI text. CSS is simple enough for two expressions, given our own style: no comment
inside a string, and no CSS string holds one of ``{};,>`` next to a space.

A script's UI text comes from the catalogue (``locale``): the source asks for a text by its
key, always written out (``T("quiz.check")`` or ``T("quiz.number", { n: n })``), and the
served script has the text of the site's language in its place (``"Controleer"``, or
``T("Vraag {n}.", { n: n })``: T then only fills in the values). So each script carries
exactly the words it uses, where it uses them. A table of texts beside the code (in the
course data) cost every page some 1.1 KB gzipped, 0.4 KB even with numbers for keys: more
than the 15 KB budget has room for (tests/test_quiz_render.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import rjsmin

from ..locale import DEFAULT, strings

PACKAGE = Path(__file__).parents[1]
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_SPACE = re.compile(r"\s*([{};,>])\s*|(?<=:)\s+")
TEXT_KEY = re.compile(r'\bT\("([^"]*)"(\))?')


def served(*paths: Path, lang: str = DEFAULT) -> str:
    """One or more files of one kind, joined in order; a script in the words of ``lang``.

    Several JavaScript files are parts of one script: they share one scope, so what every
    part uses is written once, and nothing but ``window.elearn*`` leaks to the page."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    if paths[0].suffix == ".js":
        if len(paths) > 1:
            text = '(function () {\n"use strict";\n' + text + "\n})();"
        return rjsmin.jsmin(with_text(text, lang)) + "\n"
    if paths[0].suffix == ".css":
        return CSS_SPACE.sub(lambda m: m.group(1) or "", BLOCK_COMMENT.sub("", text)).strip() + "\n"
    return text


def with_text(script: str, lang: str = DEFAULT) -> str:
    """A script's source with the catalogue's texts in place of their keys (a KeyError names a
    key the catalogue lacks): ``T("key")`` becomes the text itself, ``T("key", values)``
    T(the text, values)."""
    texts = strings(lang)

    def text(match: re.Match) -> str:
        literal = json.dumps(texts[match[1]], ensure_ascii=False)
        return literal if match[2] else "T(" + literal

    return TEXT_KEY.sub(text, script)


# --- what the package serves -----------------------------------------------------------

THEME_DIR = PACKAGE / "theme"
ASSET_DIR = PACKAGE / "assets"
JS_DIR = ASSET_DIR / "js"
# Site URI -> the package files served there, in order. Served as files, never inlined in pages.
# Every page runs one script, made of parts that share one scope (see served): one
# request, and gzip finds the repeats across all of it. The offline part installs the service
# worker only where the page links a manifest (a hosted site): the zip and the SCORM package
# carry it inert.
ASSETS: dict[str, tuple[Path, ...]] = {
    "assets/elearn/elearn.css": (ASSET_DIR / "elearn.css",),
    "assets/elearn/elearn.js": tuple(JS_DIR / f"{part}.js" for part in (
        "base", "early", "store", "views", "quiz", "case", "offline", "start")),
}
# Loaded by the page script from beside itself, only where used: the trainer tools (classroom
# mode, group results) when a trainer asks for one, the certificate and the sector comparison
# on their own pages. Other pages never carry them; each is a script with its stylesheet.
TOOLS = ("klassikaal", "groep", "certificaat", "vergelijk")
ASSETS |= {f"assets/elearn/{tool}.{kind}": (ASSET_DIR / f"{tool}.{kind}",) for tool in TOOLS for kind in ("js", "css")}
ON_DEMAND = tuple(u for u in ASSETS if u.rsplit("/", 1)[1].split(".")[0] in TOOLS)
# Written per build: the course's structure for the progress code (see coursedata).
COURSE_SCRIPT = "assets/elearn/course.js"
# Every question and where to show it, for the group results page only (loaded by groep.js).
QUESTIONS_SCRIPT = "assets/elearn/vragen.js"
# What the theme loads in the head of every page, in this order: the page script prepares the
# quizzes while the page is read, before the first paint, and it reads the course data.
HEAD_SCRIPTS = (COURSE_SCRIPT, "assets/elearn/elearn.js")


def stylesheets() -> list[str]:
    """The stylesheets every page links (MkDocs' extra_css)."""
    return [u for u in ASSETS if u.endswith(".css") and u not in ON_DEMAND]
