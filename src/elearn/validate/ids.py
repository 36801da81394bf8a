"""References and ids: every id defined once, every reference to something that exists."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..course import Course
from ..diagnostics import Diagnostic, did_you_mean
from ..model import Audience, DecisionQuestion, Definition, Module, Node, Regime, Source, Step, node_id, references
from ..site import PageSpec

# Which class defines ids of which reference kind.
KIND_OF_CLASS: dict[type, str] = {
    Source: "source",
    Definition: "definition",
    Module: "module",
    Audience: "audience",
    DecisionQuestion: "decision-question",
    Step: "step",
    Regime: "regime",
}

KIND_NAMES = {
    "source": "bron",
    "definition": "begrip",
    "module": "module",
    "page": "pagina",
    "decision-question": "afwegingsvraag",
    "step": "stap",
    "regime": "eigen regeling (van een sector)",
    "content": "inhoud",
    "quiz-or-page": "pagina, vraag, casus of toets",
}


def check_unique_ids(nodes: Iterable[Node]) -> list[Diagnostic]:
    seen: dict[str, Node] = {}
    found = []
    for node in nodes:
        own_id = node_id(node)
        if own_id is None:
            continue
        if own_id in seen:
            first = seen[own_id].pos
            found.append(
                Diagnostic(
                    node.field_pos("id"),
                    f"id '{own_id}' wordt al gebruikt",
                    f"eerder gedefinieerd op {first}; kies een andere id" if first else None,
                )
            )
        else:
            seen[own_id] = node
    return found


def check_pages(pages: list[PageSpec]) -> list[Diagnostic]:
    found = []
    by_id: dict[str, PageSpec] = {}
    by_uri: dict[str, PageSpec] = {}
    for page in pages:
        for index, key, what in ((by_id, page.id, "id"), (by_uri, page.uri, "pad")):
            other = index.get(key)
            if other is None:
                index[key] = page
            else:
                found.append(
                    Diagnostic(
                        page.pos,
                        f"pagina '{page.uri}' heeft hetzelfde {what} '{key}' als de pagina "
                        f"'{other.uri}'",
                        "geef de Markdown-pagina een eigen 'id:' in de kop (front matter) "
                        "of een andere bestandsnaam",
                    )
                )
    return found


def defined_ids(
    nodes: list[Node], content: list[Node], pages: list[PageSpec], quiz_ids: set[str]
) -> dict[str, set[str]]:
    """``content``: the nodes of the content files, which questions can test."""
    ids: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        kind = KIND_OF_CLASS.get(type(node))
        if kind:
            ids[kind].add(node.id)
    ids["page"] = {p.id for p in pages}
    ids["quiz-or-page"] = ids["page"] | quiz_ids
    ids["content"] = ids["page"] | {
        own_id for n in content if (own_id := node_id(n)) is not None and not isinstance(n, Source)
    }
    return ids


def checkable_kinds(course: Course) -> set[str]:
    """Kinds whose defining file loaded; a reference into a broken file is not judged."""
    kinds = set()
    if course.sources and course.sectors_complete:
        kinds.add("source")
    if course.glossary:
        kinds.add("definition")
    if course.course:
        kinds.add("module")
    if course.meldcode:
        kinds.update(("decision-question", "step"))
    if course.sectors_complete:
        kinds.add("regime")
    if course.complete:
        kinds.update(("page", "content"))
        if course.banks_complete:
            kinds.add("quiz-or-page")
    return kinds


def check_references(
    course: Course, nodes: list[Node], content: list[Node], pages: list[PageSpec], quiz_ids: set[str],
    cited: set[str],
) -> list[Diagnostic]:
    """Adds the id of every source a node cites to ``cited``, for :func:`check_unused`."""
    ids = defined_ids(nodes, content, pages, quiz_ids)
    checkable = checkable_kinds(course)
    found = []
    for node in nodes:
        for field, ref, target, index in references(node):
            if ref.kind == "source":
                cited.add(target)
            if ref.kind in checkable and target not in ids[ref.kind]:
                found.append(_unknown(node, field, ref.kind, target, index, ids[ref.kind], pages))
    return found


def _unknown(
    node: Node, field: str, kind: str, target: str, index: int | None, known: set[str], pages: list[PageSpec]
) -> Diagnostic:
    name = KIND_NAMES.get(kind, kind)
    hint = (_page_hint(target, pages) if kind == "page" else None) or did_you_mean(target, known)
    if not hint and kind == "page":
        hint = _fixed_pages(pages)
    return Diagnostic(
        node.field_pos(field, index),
        f"onbekende {name} '{target}'",
        hint or f"definieer '{target}' eerst, of verwijs naar een bestaande {name}",
    )


def _page_hint(target: str, pages: list[PageSpec]) -> str | None:
    """A page is named by its page id, which for the generated pages is a fixed name, not the
    ``id:`` written in the file the page shows (meldcode.yml's id is no page id)."""
    for page in pages:
        if any(getattr(o, "id", None) == target for o in page.objects) and page.id != target:
            return f"'{target}' is de id van wat de pagina '{page.id}' toont; verwijs naar de pagina met '{page.id}'"
    return None


def _fixed_pages(pages: list[PageSpec]) -> str:
    fixed = ", ".join(p.id for p in pages if p.generated and p.in_nav)
    return f"een pagina heet naar haar vaste naam ({fixed}) of naar de id in de kop van een eigen pagina"


def check_unused(course: Course, cited: set[str]) -> list[Diagnostic]:
    """``cited``: the source ids that :func:`check_references` found cited."""
    found = []
    used_modules = {m for a in course.course.audiences for m in a.modules}
    for module in course.course.modules:
        if module.id not in used_modules:
            found.append(
                Diagnostic(
                    module.pos,
                    f"module '{module.id}' zit in geen enkel leerpad",
                    "voeg de module toe aan de 'modules' van een doelgroep, of verwijder haar",
                    severity="waarschuwing",
                )
            )
    for source in course.all_sources():
        if source.id not in cited:
            found.append(
                Diagnostic(
                    source.pos,
                    f"bron '{source.id}' wordt nergens gebruikt",
                    "verwijs ernaar met 'bron: " + source.id + "' of verwijder de bron",
                    severity="waarschuwing",
                )
            )
    return found
