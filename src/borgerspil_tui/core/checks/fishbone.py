"""What the fishbone tool lacks, for the overview and `borgerspil check` (see core/checks).

A fishbone is optional (brainstorming is as good), so having none lacks nothing. For each
fishbone there is: a line naming how many bones have no items yet, and — as a hint, since
sending on is the team's choice — a line naming how many items are not sent on yet (causes to
the problem tree, solutions to the ideas, where they get prioritised). One line of each at most
per fishbone, named by its head (or the problem statement) cut short."""

from __future__ import annotations

from borgerspil_tui.core.fishbone_layout import cut
from borgerspil_tui.core.fishbone_ops import head_of, not_sent
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project

SHORT = 40
"""A fishbone is named by this many characters of its head at most."""


def fishbone_problems(project: Project, method: Method, lang: str) -> list[str]:
    """Short sentences in ``lang``: per fishbone, its empty bones and the items not sent on."""
    lines: list[str] = []
    for number, fishbone in enumerate(project.create.fishbones, 1):
        head = cut(head_of(project, fishbone)[0], SHORT) or str(number)
        empty = sum(1 for bone in fishbone.bones if not bone.items)
        if empty:
            lines.append(tr(lang, "check.fishbone_empty_bones", head=head, n=empty))
        waiting = not_sent(fishbone)
        if waiting:
            lines.append(tr(lang, "check.fishbone_not_sent", head=head, n=waiting))
    return lines
