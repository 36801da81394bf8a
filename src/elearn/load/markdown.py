"""Hand-written Markdown pages in content/: their id, title and quiz directives.

A page may start with a front matter block (between two lines of ``---``) with an ``id:`` and a
``title:``. What goes wrong with it is said where it is: a file that is no UTF-8 text, a front
matter that is no block of fields, an id that cannot be one.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..course import MarkdownPage
from ..diagnostics import Diagnostic, Position
from ..directive import find_directives
from ..model import KEBAB
from .yaml import display_path, parse_yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^#\s+(.+)$", re.M)
_ID = re.compile(KEBAB)


def load_markdown_pages(content: Path, paths: list[Path]) -> tuple[list[MarkdownPage], list[Diagnostic]]:
    pages: list[MarkdownPage] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        page, found = load_page(content, path)
        diagnostics += found
        if page is not None:
            pages.append(page)
    return pages, diagnostics


def load_page(content: Path, path: Path) -> tuple[MarkdownPage | None, list[Diagnostic]]:
    rel = path.relative_to(content).as_posix()
    shown = display_path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")  # an editor's byte order mark is no part of the page
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        undecodable = [Diagnostic(
            Position(shown, line, col),
            f"deze pagina is geen geldige UTF-8-tekst (byte {data[exc.start]:#04x} kan daarin niet)",
            "sla het bestand op als UTF-8 (in de meeste editors: Opslaan als, codering UTF-8); een é of ë "
            "uit een oud bestand is vaak Latin-1",
        )]
        # Read on as well as we can, so that the page keeps its id and a link to it is not
        # reported as a second, misleading error.
        text = data.decode("utf-8-sig", errors="replace")
    else:
        undecodable = []
    meta, diagnostics = _front_matter(text, shown)
    diagnostics = undecodable + diagnostics
    page_id = meta.get("id")
    if page_id is None:
        page_id = rel.removesuffix(".md").replace("/", "-")
        if not _ID.match(page_id):
            diagnostics.append(Diagnostic(
                Position(shown, 1, 1),
                f"van de bestandsnaam '{rel}' kan geen id worden gemaakt: '{page_id}'",
                f"geef de pagina een kop met 'id: {_suggest(page_id)}', of een bestandsnaam van kleine letters, "
                "cijfers en koppeltekens",
            ))
    heading = _HEADING.search(text)
    title = meta.get("title") or (heading.group(1).strip() if heading else page_id)
    # Read for directives once, here: validation, the slots and the Markdown extension all use
    # this list.
    directives = [(d, Position(shown, number, 1), line) for d, number, line in find_directives(text)]
    return MarkdownPage(page_id, rel, title, Position(shown, 1, 1), directives, text), diagnostics


def _front_matter(text: str, shown: str) -> tuple[dict, list[Diagnostic]]:
    """The page's front matter fields ``id`` and ``title``, checked."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, []
    # One empty line for the opening ---: a line the parser names is then the page's own line,
    # in the message too.
    doc, diagnostics = parse_yaml("\n" + (match.group(1) or ""), shown)
    if doc is None:
        if any("leeg" in d.message for d in diagnostics):
            return {}, []  # an empty front matter: nothing to say
        return {}, [Diagnostic(d.pos, d.message.replace("YAML-syntaxfout", "YAML-syntaxfout in de kop (front matter)"),
                               d.hint) for d in diagnostics]
    if not isinstance(doc.data, dict):
        return {}, diagnostics + [Diagnostic(
            Position(shown, 2, 1),
            "de kop (front matter) van deze pagina moet een blok met velden zijn, zoals 'id: mijn-pagina'",
            "schrijf elk veld als 'naam: waarde' op een eigen regel, zonder '-' ervoor",
        )]
    meta: dict = {}
    for key, value in doc.data.items():
        where = doc.key_pos.get((key,), Position(shown, 1, 0))
        if key == "id":
            if not isinstance(value, str) or not _ID.match(value):
                diagnostics.append(Diagnostic(
                    where,
                    f"'{value}' is geen geldige id voor deze pagina",
                    f"gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld 'id: {_suggest(str(value))}'",
                ))
                continue
        elif key == "title" and not isinstance(value, str):
            diagnostics.append(Diagnostic(where, "'title' moet tekst zijn",
                                          "zet de titel tussen aanhalingstekens als hij met een getal begint"))
            continue
        meta[key] = value
    return meta, diagnostics


def _suggest(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "mijn-pagina"
