"""The meldcode's own structure: five numbered steps, an afwegingskader whose routes end,
numbered action lines and themes, and sector routes that refine each step once."""

from __future__ import annotations

from ..course import Course
from ..diagnostics import Diagnostic
from ..model import DecisionQuestion, SectorFile, SectorStep

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
