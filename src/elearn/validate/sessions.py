"""Session plans for trainers: the activities fill the time the session takes."""

from __future__ import annotations

from ..diagnostics import Diagnostic

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
