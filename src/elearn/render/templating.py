"""The Jinja2 environment of the generated pages, which writes Markdown. (A question's HTML is
written in Python: see quiz/questions.py.)"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parents[1] / "templates"


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Markdown pages hold the course authors' own Markdown: nothing is escaped here.
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # In Markdown, attr_list's "{#anchor}" would otherwise open a Jinja comment.
        comment_start_string="{##",
        comment_end_string="##}",
        # Compiling the templates is a fixed cost of every build; Jinja keeps the
        # compiled code in the user's temporary folder and checks it against the source.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        # The templates are part of the package, not of the course: they do not change
        # while a build runs, so there is no need to stat each one on every render.
        auto_reload=False,
    )
