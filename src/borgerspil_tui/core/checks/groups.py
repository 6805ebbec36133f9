"""What the groups tool lacks, for the overview and `borgerspil check` (see core/checks)."""

from __future__ import annotations

from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project


def group_problems(project: Project, method: Method, lang: str) -> list[str]:
    """Short sentences in ``lang`` naming what is missing; none yet."""
    return []
