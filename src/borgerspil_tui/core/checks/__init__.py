"""What the method's tools still lack, in words (issue 13): shown in the overview's status and by
``borgerspil check`` after each part's steps. One module per tool, each a function
``(project, method, lang) -> list[str]`` of short sentences in ``lang``; no Textual here."""

from __future__ import annotations

from collections.abc import Callable

from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project

ToolCheck = Callable[[Project, Method, str], list[str]]


def _checks() -> dict[str, list[ToolCheck]]:
    from borgerspil_tui.core.checks.fishbone import fishbone_problems
    from borgerspil_tui.core.checks.groups import group_problems
    from borgerspil_tui.core.checks.milestones import milestone_problems
    from borgerspil_tui.core.checks.resources import resource_problems
    from borgerspil_tui.core.checks.risks import risk_problems
    from borgerspil_tui.core.checks.stakeholders import stakeholder_problems

    return {
        "experience": [group_problems],
        "create": [fishbone_problems],
        "insist": [stakeholder_problems, risk_problems, milestone_problems, resource_problems],
    }


def tool_problems(project: Project, method: Method, part: str, lang: str) -> list[str]:
    """What the tools of ``part`` lack, in the order of the tools."""
    return [line for check in _checks().get(part, []) for line in check(project, method, lang)]
