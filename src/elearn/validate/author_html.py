"""Author text is Markdown plus a small, safe part of HTML.

Markdown lets raw HTML through, and the site shows author text to every learner: anything that
runs code or loads from elsewhere would run in their browser. So these are errors, at the place
they were written, with what to write instead:

- the elements ``script``, ``iframe``, ``frame``, ``object``, ``embed``, ``applet``, ``style``,
  ``link``, ``meta``, ``base``, ``form``, ``svg``, ``math`` and ``template``;
- any ``on...=`` attribute (onclick, onerror, ...), and a ``style`` attribute that loads a url;
- a ``javascript:``, ``vbscript:`` or ``data:`` address in a link or any other attribute;
- an image, video, audio or other embedded file from another server.

The text is read as the site reads it: Markdown converted by Python-Markdown (so a Markdown link
to ``javascript:`` is found as well), and the result parsed by Python's HTML parser. Nothing is
filtered or rewritten: a text is accepted as it is, or refused with a located error.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser

from ..course import MarkdownPage
from ..diagnostics import Diagnostic, Position
from ..mdtext import md_block, md_convert
from ..model import Node
from ..quiz.model import ShortAnswer

BLOCKED = {
    "script": "een script", "iframe": "een ingesloten pagina (iframe)", "frame": "een frame",
    "frameset": "een frameset", "object": "een ingesloten object", "embed": "een ingesloten object",
    "applet": "een applet", "style": "een stijlblok", "link": "een link-element", "meta": "een meta-element",
    "base": "een base-element", "form": "een formulier", "svg": "een svg-element", "math": "een math-element",
    "template": "een template-element",
}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "background", "xlink:href", "data",
                  "cite", "longdesc", "manifest", "ping", "lowsrc", "dynsrc"}
LOADS = {"img", "video", "audio", "source", "track", "input", "picture", "image"}  # fetch by themselves
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# Converting a page costs as much as MkDocs' own conversion of it: only a page with one of these
# can hold anything the check is about (raw HTML, an entity that hides a scheme, a script or data
# address in a Markdown link, a link to another page).
_PAGE_SIGNS = ("<", "&", "script:", "data:", ".md")
# Texts that are never Markdown: a learner's typed answer is compared with them, and a page shows
# them escaped, character for character.
PLAIN_TEXT = {ShortAnswer: {"answers"}}


@dataclass(frozen=True)
class Problem:
    line: int  # within the text, from 1
    col: int
    message: str
    hint: str
    token: str = ""  # what to look for in the author's text to find the place


def problems_in_html(html: str) -> list[Problem]:
    return _checked(html).problems


def _checked(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker


def problems_in_markdown(text: str) -> list[Problem]:
    """What in a Markdown text would run or load, as the site converts it. Lines are those of
    the converted text: for a text in YAML the field's own position is the place to look."""
    if "<" not in text and "[" not in text and "&" not in text:
        return []  # no HTML and no link: nothing to check
    return problems_in_html(md_block(text))


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[Problem] = []
        self.links: list[str] = []  # the hrefs of <a>, for the link check of hand-written pages

    def _problem(self, message: str, hint: str, token: str) -> None:
        line, col = self.getpos()
        self.problems.append(Problem(line, col + 1, message, hint, token))

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKED:
            what = BLOCKED[tag]
            self._problem(f"<{tag}> ({what}) mag niet in de tekst van de cursus: het zou code laten lopen of iets "
                          "van elders laden in de browser van elke leerling",
                          "laat het weg; een link naar een andere site schrijf je als [tekst](https://...)", f"<{tag}")
        for name, value in attrs:
            value = (value or "").strip()
            plain = "".join(value.split()).lower()  # browsers ignore spaces and line breaks in a scheme
            if tag == "a" and name == "href":
                self.links.append(value)
            if name.startswith("on"):
                self._problem(f"het attribuut {name}= op <{tag}> zou code laten lopen",
                              f"laat {name}=\"...\" weg; de tekst mag geen scripts bevatten", f"{name}=")
            elif name == "style" and ("url(" in plain or "expression(" in plain or "@import" in plain):
                self._problem(f"de stijl op <{tag}> laadt iets van elders", "laat style=\"...\" weg", "style=")
            elif name in URL_ATTRIBUTES and plain.startswith(SCRIPT_SCHEMES):
                scheme = plain.split(":", 1)[0]
                self._problem(f"het adres '{value[:40]}' in {name}= op <{tag}> is een {scheme}:-adres, dat code "
                              "of een ingebed bestand in de pagina zet",
                              "verwijs naar een pagina met https://..., of zet het bestand in de site zelf", value[:40])
            elif tag in LOADS and name in ("src", "srcset", "poster", "data") and _elsewhere(plain):
                self._problem(f"<{tag}> laadt '{value[:60]}' van een andere server; de site laadt niets van "
                              "elders (privacy, en offline moet alles werken)",
                              "zet het bestand in de site zelf (in content/) en verwijs er met een relatief pad naar",
                              value[:60])

    handle_startendtag = handle_starttag


def _elsewhere(url: str) -> bool:
    return url.startswith(("http:", "https:", "//", "ftp:")) or any(
        part.strip().startswith(("http:", "https:", "//")) for part in url.split(",")[1:])


# --- over the whole course ---------------------------------------------------------------


def check_author_html(nodes: list[Node], pages: list[MarkdownPage], site_uris: set[str]) -> list[Diagnostic]:
    """Every text of every object in ``nodes`` (the whole course, walked), and every Markdown page;
    ``site_uris``: the Markdown files of the site, generated ones too, for the pages' links."""
    found = []
    # Almost no text holds HTML, a link or an entity: one look for the three signs, and only then
    # the Markdown and the parser. On a course of 10,000 questions this loop is what the check costs.
    for node in nodes:
        plain = PLAIN_TEXT.get(type(node), ())
        for field, value in node.__dict__.items():
            if type(value) is str:
                if ("<" in value or "[" in value or "&" in value) and field not in plain:
                    found += _located(node, field, None, problems_in_markdown(value))
            elif type(value) is list and value and type(value[0]) is str and field not in plain:
                for index, item in enumerate(value):
                    if "<" in item or "[" in item or "&" in item:
                        found += _located(node, field, index, problems_in_markdown(item))
    for page in pages:
        found += check_page(page.text, page.pos.file, page.path, site_uris)
    return found


def _located(node: Node, field: str, index: int | None, problems: list[Problem]) -> list[Diagnostic]:
    if not problems:
        return []
    pos = node.field_pos(field, index)
    return [Diagnostic(pos, p.message, p.hint) for p in problems]


def check_page(text: str, shown: str, uri: str = "", site_uris: set[str] | None = None) -> list[Diagnostic]:
    """A Markdown page, converted as the site converts it (so an example in a code block is no
    problem), each problem on the first line that holds what it is about. With ``site_uris``, a
    link to a page that does not exist is one too: said here, in Dutch and located, rather than
    only in MkDocs' own warning at the end of the build."""
    lowered = text.lower()
    if not any(sign in lowered for sign in _PAGE_SIGNS):
        return []  # nothing that could become a tag, an entity, a script address or a page link
    checker = _checked(md_convert(text))
    problems = list(checker.problems)
    if site_uris is not None:
        for href in checker.links:
            target = href.split("#", 1)[0]
            if not target.endswith(".md") or "://" in target or target.startswith(("/", "mailto:")):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(uri), target))
            if resolved not in site_uris:
                near = difflib.get_close_matches(resolved, sorted(site_uris), n=1)
                problems.append(Problem(0, 0, f"de link naar '{target}' leidt nergens heen: de site heeft geen "
                                        f"pagina '{resolved}'",
                                        f"bedoel je '{posixpath.relpath(near[0], posixpath.dirname(uri) or '.')}'?"
                                        if near else "verwijs naar een bestaande pagina, relatief aan deze",
                                        target))
    lines = text.lower().splitlines()
    found = []
    for p in problems:
        token = p.token.lower()
        line, col = next(((n, row.index(token) + 1) for n, row in enumerate(lines, start=1) if token and token in row),
                         (1, 1))
        found.append(Diagnostic(Position(shown, line, col), p.message, p.hint))
    return found
