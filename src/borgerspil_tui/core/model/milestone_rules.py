"""The implementation plan's order: a milestone never depends on itself or, through others, on
itself (a circle), and is never dated before a milestone it depends on.

Used by the whole-file check (``model.links``) with list positions, and by the session after an
edit of the milestones (``item_index.check_milestones``) with item keys. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model.insist import Milestone

Where = tuple[int, str, int | None]
"""A problem's place: the milestone's position, the field (``depends_on`` or ``due``), and the
position in ``depends_on`` (None for ``due``)."""


def circle_from(milestones: Sequence[Milestone]) -> list[str] | None:
    """The ids of one circle of dependencies (the first found, in order, first id again at the
    end), or None. Dependencies on milestones that do not exist are left to the link check."""
    by_id = {m.id: m for m in milestones}
    state: dict[str, int] = {}  # 1: being visited, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in by_id[node].depends_on:
            if target not in by_id or target == node:
                continue
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for milestone in milestones:
        if milestone.id not in state:
            found = visit(milestone.id)
            if found:
                return found
    return None


def milestone_problems(milestones: Sequence[Milestone]) -> list[tuple[Where, Message]]:
    """A circle of dependencies (named by the milestones' titles), and each milestone dated
    before one it depends on."""
    problems: list[tuple[Where, Message]] = []
    by_id = {m.id: (i, m) for i, m in enumerate(milestones)}
    circle = circle_from(milestones)
    if circle:
        first, last = circle[-2], circle[-1]
        index, milestone = by_id[first]
        titles = " → ".join(f"«{by_id[ident][1].title}»" for ident in circle)
        problems.append(((index, "depends_on", milestone.depends_on.index(last)),
                         Message("link.milestone_circle", {"circle": titles})))
    for index, milestone in enumerate(milestones):
        if milestone.due is None:
            continue
        for j, target in enumerate(milestone.depends_on):
            found = by_id.get(target)
            if found is None or found[1].due is None or target == milestone.id:
                continue
            other = found[1]
            if other.due > milestone.due:
                problems.append(((index, "due", None), Message("link.milestone_before", {
                    "title": milestone.title, "due": milestone.due.isoformat(), "other": other.title,
                    "other_due": other.due.isoformat()})))
    return problems
