"""What the groups tool lacks, for the overview and `borgerspil check` (see core/checks)."""

from __future__ import annotations

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.observation_groups import insight_of

MANY = 10
"""From this many observations on, grouping them is worth suggesting."""
NAMED = 3
"""How many groups without an insight are named before "…"."""


def group_problems(project: Project, method: Method, lang: str) -> list[str]:
    """Many observations and no groups; groups that have not become an insight yet (a hint)."""
    experience = project.experience
    if not experience.groups:
        count = len(experience.observations)
        return [tr(lang, "check.groups.none", count=count)] if count >= MANY else []
    waiting = [g.name for g in experience.groups if insight_of(project, g) is None]
    if not waiting:
        return []
    names = ", ".join(waiting[:NAMED]) + (", …" if len(waiting) > NAMED else "")
    return [tr(lang, "check.groups.no_insight", count=len(waiting), names=names)]
