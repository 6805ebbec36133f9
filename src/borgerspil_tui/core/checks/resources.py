"""What the resources tool and "citizens along the way" lack, for the overview and `borgerspil
check` (see core/checks).

The rules:
- no resource line at all: "estimate the resources" (once, and nothing per milestone);
- the estimated money over the implementation's budget (``insist.budget``; the process
  design's budget is for the innovation process, see core/resources): by how much;
- with resource lines, each milestone that no line is for, by title;
- no plan for citizens' input during the implementation (``insist.citizen_input`` empty).
"""

from __future__ import annotations

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.resources import (
    format_money,
    milestones_without_resources,
    over_budget,
)


def resource_problems(project: Project, method: Method, lang: str) -> list[str]:
    """Short sentences in ``lang`` naming what is missing."""
    problems: list[str] = []
    if not project.insist.resources:
        problems.append(tr(lang, "check.resources.none"))
    else:
        over = over_budget(project)
        if over is not None and over > 0:
            problems.append(tr(lang, "check.resources.over", money=format_money(over, lang)))
        problems += [tr(lang, "check.resources.milestone", title=title)
                     for title in milestones_without_resources(project)]
    if not project.insist.citizen_input:
        problems.append(tr(lang, "check.citizens.none"))
    return problems
