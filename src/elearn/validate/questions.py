"""Questions and cases: a key that makes sense, cases that lead somewhere, tests that can
draw what they ask, directives that name a quiz."""

from __future__ import annotations

from ..course import Course
from ..diagnostics import Diagnostic, did_you_mean
from ..mdtext import normalise_answer
from ..quiz.model import Case, Matching, MultipleResponse, Question, ShortAnswer, SingleChoice
from ..site import module_pool

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
        for directive, pos, _ in page.directives
        if directive.quiz_id not in known
    ]
