"""Markdown text as words: what validation, the exports and the pages all need of it.

Plain text for checks and labels, and Markdown to HTML for one text (a question, an option)
as the quiz pages and the QTI export both need it: validation and the exporters depend on
this module, not on how the site's pages are rendered.
"""

from __future__ import annotations

import functools
import re

import markdown

_MARKS = re.compile(r"[*_`\[\]]|\(https?://[^)]*\)|\([^)\s]*\.md[^)]*\)|\{[^}]*\}")
_MARK_START = re.compile(r"[*_`\[\]({]")  # where any of _MARKS can begin
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text for attributes such as aria-label: Markdown marks and link targets removed."""
    # Most texts have no mark at all: one look for where one could begin is a third of what
    # the substitution costs (the checks ask this some 50,000 times at 10,000 questions).
    return _MARKS.sub("", text) if _MARK_START.search(text) else text


def visible_length(text: str) -> int:
    """How long a text looks to a reader: its words, without marks and with single spaces."""
    return len(" ".join(plain(text).split()))  # split() and \s agree on what whitespace is


def normalise_answer(text: str) -> str:
    """Short answers match regardless of case and spacing (the browser does the same)."""
    return _SPACE.sub("", text).lower()


_WORD = re.compile(r"[a-z0-9\u00e0-\u024f]+")


def words(text: str) -> list[str]:
    """The words of a text, lower case, without punctuation: for comparing prompts."""
    return _WORD.findall(plain(text).lower())


# --- Markdown in question text ------------------------------------------------------

# Text that Markdown (with attr_list) would only wrap in <p>: no inline marks, no
# attribute list, no tab (Markdown expands it), and nothing at the start that opens a
# block (heading, list, quote, rule). A dash or plus further on means nothing to
# Markdown, and Dutch text has many ("0800-2000", "8-jarige").
_PLAIN = re.compile(r"(?![-+=#>*]|\d+[.)]\s)[^*_`\[\]<>&\\\n\t{}]+\Z")


@functools.lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list"])


# A hand-out and an answer key show the quiz's texts again: each is converted once.
@functools.lru_cache(maxsize=1 << 17)  # bounded: `mkdocs serve` keeps the process
def md_block(text: str) -> str:
    """Markdown to HTML; plain sentences skip the parser, which dominates build time."""
    if _PLAIN.match(text):
        return f"<p>{text}</p>"  # plain text holds no &, < or >: nothing to escape
    md = _markdown()
    md.reset()
    return md.convert(text)


def md_convert(text: str) -> str:
    """A whole hand-written page's Markdown to HTML, not kept (a page is read once), with what
    MkDocs always adds (fenced code) and the block extensions a course's mkdocs.yml uses: an
    example in a code block is code, as on the site."""
    md = _page_markdown()
    md.reset()
    return md.convert(text)


@functools.lru_cache(maxsize=1)
def _page_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list", "fenced_code", "tables", "md_in_html", "def_list", "admonition"])


def md_inline(text: str) -> str:
    if _PLAIN.match(text):
        return text
    rendered = md_block(text)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered
