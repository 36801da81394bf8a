"""The browser files as they are served: our own JS and CSS, without comments and indentation.

The sources keep their comments (they say why); the site does not need to ship them.
This is no general minifier: it relies on our own style, where a comment stands on
lines of its own or after code, no string or regular expression holds "/*", and no CSS
string holds one of ``{};,>`` next to a space.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).parent
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_SPACE = re.compile(r"\s*([{};,>])\s*|(?<=:)\s+")


def served(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix not in (".js", ".css"):
        return text
    text = BLOCK_COMMENT.sub("", text)
    if path.suffix == ".css":
        return CSS_SPACE.sub(lambda m: m.group(1) or "", text).strip() + "\n"
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"
