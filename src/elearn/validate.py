"""Meaning and cross-references of a loaded course.

Returns diagnostics; raises nothing. Runs after loading, so positions are known.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

from .diagnostics import Diagnostic, did_you_mean
from .load import Course
from .model import (
    Audience,
    Definition,
    DecisionQuestion,
    Module,
    Node,
    Source,
    references,
    walk,
)
from .pages import PageSpec, site_pages

# Which class defines ids of which reference kind.
KIND_OF_CLASS: dict[type, str] = {
    Source: "source",
    Definition: "definition",
    Module: "module",
    Audience: "audience",
    DecisionQuestion: "decision-question",
}

KIND_NAMES = {
    "source": "bron",
    "definition": "begrip",
    "module": "module",
    "page": "pagina",
    "decision-question": "afwegingsvraag",
}


def roots(course: Course) -> list[Node]:
    return [
        r
        for r in (course.course, course.sources, course.glossary, course.programme, course.meldcode)
        if r is not None
    ]


def all_nodes(course: Course) -> Iterator[Node]:
    for root in roots(course):
        yield from walk(root)


def validate(course: Course, pages: list[PageSpec] | None = None) -> list[Diagnostic]:
    pages = site_pages(course) if pages is None else pages
    nodes = list(all_nodes(course))
    diagnostics: list[Diagnostic] = []
    diagnostics += check_unique_ids(nodes)
    diagnostics += check_pages(pages)
    diagnostics += check_references(course, nodes, pages)
    if course.meldcode:
        diagnostics += check_numbering(course.meldcode.steps, "stap", expected=5)
        diagnostics += check_decision_framework(course.meldcode.decision_framework.questions)
    if course.programme:
        diagnostics += check_numbering(course.programme.action_lines, "actielijn")
        for line in course.programme.action_lines:
            diagnostics += check_numbering(line.themes, f"thema in actielijn {line.number}")
    if course.complete:
        diagnostics += check_unused(course, nodes)
    return diagnostics


def check_unique_ids(nodes: Iterable[Node]) -> list[Diagnostic]:
    seen: dict[str, Node] = {}
    found = []
    for node in nodes:
        node_id = getattr(node, "id", None)
        if not isinstance(node_id, str):
            continue
        if node_id in seen:
            first = seen[node_id].pos
            found.append(
                Diagnostic(
                    node.field_pos("id"),
                    f"id '{node_id}' wordt al gebruikt",
                    f"eerder gedefinieerd op {first}; kies een andere id" if first else None,
                )
            )
        else:
            seen[node_id] = node
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


def defined_ids(course: Course, nodes: list[Node], pages: list[PageSpec]) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        kind = KIND_OF_CLASS.get(type(node))
        if kind:
            ids[kind].add(node.id)
    ids["page"] = {p.id for p in pages}
    return ids


def checkable_kinds(course: Course) -> set[str]:
    """Kinds whose defining file loaded; a reference into a broken file is not judged."""
    kinds = set()
    if course.sources:
        kinds.add("source")
    if course.glossary:
        kinds.add("definition")
    if course.course:
        kinds.add("module")
    if course.meldcode:
        kinds.add("decision-question")
    if course.complete:
        kinds.add("page")
    return kinds


def check_references(course: Course, nodes: list[Node], pages: list[PageSpec]) -> list[Diagnostic]:
    ids = defined_ids(course, nodes, pages)
    checkable = checkable_kinds(course)
    found = []
    for node in nodes:
        for field, ref, target in references(node):
            if ref.kind not in checkable or target in ids[ref.kind]:
                continue
            name = KIND_NAMES.get(ref.kind, ref.kind)
            found.append(
                Diagnostic(
                    node.field_pos(field),
                    f"onbekende {name} '{target}'",
                    did_you_mean(target, ids[ref.kind])
                    or f"definieer '{target}' eerst, of verwijs naar een bestaande {name}",
                )
            )
    return found


def check_numbering(items: list, what: str, expected: int | None = None) -> list[Diagnostic]:
    found = []
    for index, item in enumerate(items, start=1):
        if item.number != index:
            found.append(
                Diagnostic(
                    item.field_pos("number"),
                    f"{what} heeft nummer {item.number}, maar staat op plaats {index}",
                    "nummer de items op volgorde vanaf 1",
                )
            )
    if expected is not None and len(items) != expected:
        found.append(Diagnostic(None, f"er moeten precies {expected} items van soort '{what}' zijn"))
    return found


def check_decision_framework(questions: list[DecisionQuestion]) -> list[Diagnostic]:
    found = check_numbering(questions, "afwegingsvraag")
    by_id = {q.id: q for q in questions}
    for q in questions:
        for label, branch in (("ja", q.yes), ("nee", q.no)):
            if branch.decision is None and branch.next is None:
                found.append(
                    Diagnostic(
                        branch.pos,
                        f"het antwoord '{label}' op vraag {q.number} leidt nergens heen",
                        "geef 'besluit: melden', 'besluit: afsluiten' of 'besluit: hulp', "
                        "en/of 'naar: <id van de volgende vraag>'",
                    )
                )
            elif branch.decision == "hulp" and branch.next is None:
                found.append(
                    Diagnostic(
                        branch.pos,
                        f"na 'hulp' bij vraag {q.number} ({label}) volgt geen vraag",
                        "hulp is geen eindpunt: geef met 'naar:' aan welke vraag de hulp toetst",
                    )
                )

    def loops_from(start: DecisionQuestion) -> list[str] | None:
        path: list[str] = []

        def visit(q: DecisionQuestion) -> list[str] | None:
            if q.id in path:
                return path[path.index(q.id):] + [q.id]
            path.append(q.id)
            for branch in (q.yes, q.no):
                nxt = by_id.get(branch.next) if branch.next else None
                if nxt and (cycle := visit(nxt)):
                    return cycle
            path.pop()
            return None

        return visit(start)

    if questions and (cycle := loops_from(questions[0])):
        # Point at the 'naar' that closes the circle: that is the line to change.
        closing = next(b for b in (by_id[cycle[-2]].yes, by_id[cycle[-2]].no) if b.next == cycle[-1])
        found.append(
            Diagnostic(
                closing.field_pos("next"),
                "het afwegingskader loopt in een kring: " + " → ".join(cycle),
                "elke route moet eindigen in 'besluit: melden' of 'besluit: afsluiten'",
            )
        )
    reachable = set()
    stack = questions[:1]
    while stack:
        q = stack.pop()
        if q.id in reachable:
            continue
        reachable.add(q.id)
        stack += [by_id[b.next] for b in (q.yes, q.no) if b.next in by_id]
    for q in questions:
        if q.id not in reachable:
            found.append(
                Diagnostic(
                    q.pos,
                    f"afwegingsvraag {q.number} is vanaf vraag 1 niet bereikbaar",
                    "laat een antwoord op een eerdere vraag met 'naar:' naar deze vraag wijzen",
                    severity="waarschuwing",
                )
            )
    return found


def check_unused(course: Course, nodes: list[Node]) -> list[Diagnostic]:
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
    cited = {target for n in nodes for _, ref, target in references(n) if ref.kind == "source"}
    for source in course.sources.sources:
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
