"""The browser files as they are served: our own JS and CSS, without comments and spaces.

The sources keep their comments (they say why); the site does not need to ship them.
JavaScript goes through rjsmin, which removes comments and whitespace and nothing else
(no renaming, no rewriting), so the served code is the code we wrote. CSS is simple
enough for two expressions, given our own style: no comment inside a string, and no
CSS string holds one of ``{};,>`` next to a space.
"""

from __future__ import annotations

import re
from pathlib import Path

import rjsmin

PACKAGE = Path(__file__).parent
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_SPACE = re.compile(r"\s*([{};,>])\s*|(?<=:)\s+")


def served(*paths: Path) -> str:
    """One or more files of one kind, joined in order.

    Several JavaScript files are parts of one script: they share one scope, so what every
    part uses is written once, and nothing but ``window.elearn*`` leaks to the page."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    if paths[0].suffix == ".js":
        if len(paths) > 1:
            text = '(function () {\n"use strict";\n' + text + "\n})();"
        return rjsmin.jsmin(text) + "\n"
    if paths[0].suffix == ".css":
        return CSS_SPACE.sub(lambda m: m.group(1) or "", BLOCK_COMMENT.sub("", text)).strip() + "\n"
    return text
