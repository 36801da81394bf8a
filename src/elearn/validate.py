"""Meaning and cross-references of a loaded course.

Returns diagnostics; raises nothing. Runs after loading, so positions are known.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .diagnostics import Diagnostic, did_you_mean
from .load import Course
from .model import (
    ActionLine,
    Audience,
    Definition,
    DecisionQuestion,
    Kindcheck,
    Module,
    Node,
    Regime,
    SectorFile,
    SectorStep,
    Source,
    Step,
    Theme,
    node_id,
    references,
    walk,
)
from .quizmodel import Case, MultipleResponse, Question, SingleChoice, ShortAnswer, Matching
from .pages import PageSpec, module_pool, site_pages
from .mdtext import normalise_answer
from .itemquality import assess
from .quizrender import QuizSpec
from .quizzes import quiz_specs

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

# What a course must test: a warning names every one of these that no question covers.
MUST_BE_TESTED = (ActionLine, Theme, Step, DecisionQuestion, Kindcheck, SectorStep)

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


def content_roots(course: Course) -> list[Node]:
    roots = [
        r
        for r in (course.course, course.sources, course.glossary, course.programme, course.meldcode)
        if r is not None
    ]
    return roots + list(course.sectors)


def validate(
    course: Course, pages: list[PageSpec] | None = None, quizzes: dict[str, QuizSpec] | None = None
) -> list[Diagnostic]:
    """``pages`` and ``quizzes``, when given, are the course's own (the build makes them once)."""
    pages = site_pages(course) if pages is None else pages
    # Every node, walked once: the content's first (the checks below need them apart).
    content = [n for root in content_roots(course) for n in walk(root)]
    nodes = content + [n for root in list(course.banks) + list(course.sessions) for n in walk(root)]
    # Which quiz ids exist: directives and session plans name them.
    if quizzes is None:
        quizzes = quiz_specs(course, pages) if course.complete else {}
    quiz_ids = set(quizzes)
    diagnostics: list[Diagnostic] = []
    diagnostics += check_unique_ids(nodes)
    diagnostics += check_pages(pages)
    # Every reference, found once: (node, field, kind, target id, list index).
    refs = [(node, *found) for node in nodes for found in references(node)]
    diagnostics += check_references(course, nodes, content, refs, pages, quiz_ids)
    if course.meldcode:
        diagnostics += check_numbering(course.meldcode.steps, "stap", expected=5)
        diagnostics += check_decision_framework(course.meldcode.decision_framework.questions)
    for sector in course.sectors:
        diagnostics += check_sector_steps(sector, course)
    if course.programme:
        diagnostics += check_numbering(course.programme.action_lines, "actielijn")
        for line in course.programme.action_lines:
            diagnostics += check_numbering(line.themes, f"thema in actielijn {line.number}")
    for question in course.questions():
        diagnostics += check_question(question)
    diagnostics += assess(course.banks)[1]
    diagnostics += check_directives(course, quiz_ids)
    for plan in course.sessions:
        diagnostics += check_session(plan)
    if course.complete:
        diagnostics += check_unused(course, refs)
        diagnostics += check_module_tests(course)
        if course.banks:
            diagnostics += check_coverage(course, content)
    return diagnostics


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
    course: Course, nodes: list[Node], content: list[Node], refs: list[tuple], pages: list[PageSpec],
    quiz_ids: set[str],
) -> list[Diagnostic]:
    ids = defined_ids(nodes, content, pages, quiz_ids)
    checkable = checkable_kinds(course)
    found = []
    for node, field, ref, target, index in refs:
        if ref.kind not in checkable or target in ids[ref.kind]:
            continue
        name = KIND_NAMES.get(ref.kind, ref.kind)
        found.append(
            Diagnostic(
                node.field_pos(field, index),
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


def check_unused(course: Course, refs: list[tuple]) -> list[Diagnostic]:
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
    cited = {target for _, _, ref, target, _ in refs if ref.kind == "source"}
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


# --- question banks -----------------------------------------------------------


def check_question(q: Question) -> list[Diagnostic]:
    if isinstance(q, SingleChoice):
        right = sum(o.correct for o in q.options)
        if right != 1:
            return [
                Diagnostic(
                    q.field_pos("options"),
                    f"vraag '{q.id}': precies één optie moet 'goed: true' hebben, nu {right}",
                    "markeer het ene juiste antwoord met 'goed: true', of kies type 'multiple'",
                )
            ]
    if isinstance(q, MultipleResponse) and not any(o.correct for o in q.options):
        return [
            Diagnostic(
                q.field_pos("options"),
                f"vraag '{q.id}': geen enkele optie heeft 'goed: true'",
                "markeer minstens één juist antwoord met 'goed: true'",
            )
        ]
    if isinstance(q, ShortAnswer):
        seen = set()
        for answer in q.answers:
            if normalise_answer(answer) in seen:
                return [Diagnostic(q.field_pos("answers"), f"vraag '{q.id}': antwoord '{answer}' staat er dubbel in")]
            seen.add(normalise_answer(answer))
    if isinstance(q, Matching):
        for side in ("left", "right"):
            values = [getattr(p, side) for p in q.pairs]
            if len(set(values)) != len(values):
                return [
                    Diagnostic(
                        q.field_pos("pairs"),
                        f"vraag '{q.id}': in de paren komt een {'term' if side == 'left' else 'antwoord'} dubbel voor",
                        "elke term en elk antwoord mag maar één keer voorkomen",
                    )
                ]
    if isinstance(q, Case):
        return check_case(q)
    return []


def check_case(case: Case) -> list[Diagnostic]:
    nodes = {n.id: n for n in case.nodes}
    outcomes = {o.id: o for o in case.outcomes}
    targets = set(nodes) | set(outcomes)
    found = []
    if case.start not in nodes:
        found.append(
            Diagnostic(
                case.field_pos("start"),
                f"casus '{case.id}': start '{case.start}' is geen situatie van deze casus",
                did_you_mean(case.start, nodes) or "kies de id van de eerste situatie",
            )
        )
    for node in case.nodes:
        for choice in node.choices:
            if choice.next not in targets:
                found.append(
                    Diagnostic(
                        choice.field_pos("next"),
                        f"casus '{case.id}': keuze in situatie '{node.id}' leidt nergens heen "
                        f"('{choice.next}' is geen situatie of uitkomst van deze casus)",
                        did_you_mean(choice.next, targets),
                    )
                )
    if found:
        return found
    # A situation from which no outcome can be reached traps the learner in a loop.
    reaches_outcome = set(outcomes)
    changed = True
    while changed:
        changed = False
        for node in case.nodes:
            if node.id not in reaches_outcome and any(c.next in reaches_outcome for c in node.choices):
                reaches_outcome.add(node.id)
                changed = True
    for node in case.nodes:
        if node.id not in reaches_outcome:
            found.append(
                Diagnostic(
                    node.pos,
                    f"casus '{case.id}': vanuit situatie '{node.id}' is geen uitkomst te bereiken "
                    "(de keuzes lopen in een kring)",
                    "laat minstens één keuze naar een uitkomst leiden",
                )
            )
    reachable, stack = set(), [case.start]
    while stack:
        current = stack.pop()
        if current in reachable or current not in nodes:
            reachable.add(current)
            continue
        reachable.add(current)
        stack += [c.next for c in nodes[current].choices]
    for item in list(case.nodes) + list(case.outcomes):
        if item.id not in reachable:
            found.append(
                Diagnostic(
                    item.pos,
                    f"casus '{case.id}': '{item.id}' is vanaf de start niet te bereiken",
                    "laat een keuze ernaar leiden, of verwijder het",
                    severity="waarschuwing",
                )
            )
    for outcome in case.outcomes:
        meldcode = outcome.step is not None and outcome.decision_question is not None
        if meldcode == (outcome.regime is not None) or (outcome.step is None) != (outcome.decision_question is None):
            found.append(
                Diagnostic(
                    outcome.pos,
                    f"casus '{case.id}': uitkomst '{outcome.id}' moet zeggen waar de route eindigt: in de "
                    "meldcode ('stap' én 'afwegingsvraag') of in een eigen regeling van een sector ('regeling')",
                    "geweld door een medewerker valt onder een eigen regeling (meldplicht bij het bevoegd gezag of "
                    "de houder): geef dan 'regeling: <id>' en geen stap; anders 'stap' en 'afwegingsvraag'",
                )
            )
    if not any(o.correct for o in case.outcomes):
        found.append(
            Diagnostic(
                case.field_pos("outcomes"),
                f"casus '{case.id}': geen enkele uitkomst heeft 'goed: true'",
                "markeer de uitkomst van de beste route met 'goed: true'",
            )
        )
    return found


def check_module_tests(course: Course) -> list[Diagnostic]:
    found = []
    for module in course.course.modules:
        pool = module_pool(course, module.id)
        if pool and module.test.count > len(pool):
            found.append(
                Diagnostic(
                    module.test.field_pos("count") or module.pos,
                    f"de toets van module '{module.id}' trekt {module.test.count} vragen, "
                    f"maar de vragenpool heeft er {len(pool)}",
                    "verlaag 'aantal' of voeg vragen toe aan een vragenbank met "
                    f"'module: {module.id}'",
                )
            )
    return found


def coverage(course: Course, content: list[Node] | None = None) -> dict[str, int]:
    """Content id -> how many questions test it, for every content id that is tested or must be.

    ``content``: the content files' nodes, when the caller has walked them already."""
    if content is None:
        content = [n for root in content_roots(course) for n in walk(root)]
    counts: dict[str, int] = {n.id: 0 for n in content if isinstance(n, MUST_BE_TESTED)}
    for question in course.questions():
        for target in set(question.tests):
            counts[target] = counts.get(target, 0) + 1
    return counts


def check_coverage(course: Course, content: list[Node]) -> list[Diagnostic]:
    by_id = {n.id: n for n in content if isinstance(n, MUST_BE_TESTED)}
    return [
        Diagnostic(
            by_id[content_id].pos,
            f"'{content_id}' wordt door geen enkele vraag getoetst",
            f"voeg een vraag toe met 'toetst: [{content_id}]'",
            severity="waarschuwing",
        )
        for content_id, count in coverage(course, content).items()
        if count == 0 and content_id in by_id
    ]


def check_directives(course: Course, known: set[str]) -> list[Diagnostic]:
    if not (course.complete and course.banks_complete):
        return []
    return [
        Diagnostic(
            pos,
            f"onbekende quiz '{directive.quiz_id}' in [[{directive.kind}: ...]]",
            did_you_mean(directive.quiz_id, known)
            or "gebruik de id van een vragenbank, een vraag of 'toets-<module-id>'",
        )
        for page in course.markdown_pages
        for directive, pos in page.directives
        if directive.quiz_id not in known
    ]


def check_sector_steps(sector: SectorFile, course: Course) -> list[Diagnostic]:
    """A route refines each of the five steps exactly once."""
    if not course.meldcode:
        return []
    found = []
    seen: dict[str, SectorStep] = {}
    for step in sector.steps:
        if step.step_ref in seen:
            found.append(
                Diagnostic(step.field_pos("step_ref"), f"route '{sector.id}': stap '{step.step_ref}' staat er twee keer in",
                           "voeg de twee uitwerkingen van deze stap samen")
            )
        seen[step.step_ref] = step
    for step in course.meldcode.steps:
        if step.id not in seen:
            found.append(
                Diagnostic(
                    sector.field_pos("steps"),
                    f"route '{sector.id}' mist stap {step.number} ({step.title})",
                    f"voeg onder 'stappen' een blok toe met 'stap: {step.id}'",
                )
            )
    order = [s.step_ref for s in sector.steps if s.step_ref in {m.id for m in course.meldcode.steps}]
    if order != sorted(order, key=[m.id for m in course.meldcode.steps].index):
        found.append(Diagnostic(sector.field_pos("steps"), f"route '{sector.id}': de stappen staan niet op volgorde",
                                "zet de stappen in de volgorde 1 tot en met 5"))
    return found


def check_session(plan) -> list[Diagnostic]:
    """A session plan's activities fill exactly the time it says it takes."""
    total = sum(a.minutes for a in plan.activities)
    if total == plan.duration:
        return []
    return [
        Diagnostic(
            plan.field_pos("duration"),
            f"sessie '{plan.id}' duurt {plan.duration} minuten, maar de activiteiten samen {total}",
            "pas 'duur' aan of de 'minuten' van de activiteiten",
        )
    ]
