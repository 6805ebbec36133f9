"""Unresolved conflicts as located problems, for ``borgerspil validate``: the file loads (it holds
our side of each), but a merge left choices to make, so a check in a hook or CI fails until they
are made. ``PATH:LINE:COL: conflicts[0]: unresolved conflict at …: ours … / theirs …``.
No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from borgerspil_tui.core.conflict_sides import describe_side
from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.conflicts import Conflict
from borgerspil_tui.core.problems import FileProblemError, Problem, format_field

SIDE_WIDTH = 80
"""Characters of one side shown in a problem line (the whole side is in the file)."""


@dataclass(frozen=True)
class SideText(Message):
    """One side of a conflict, written in the reader's language when the problem is shown
    ("(slettet)" / "(deleted)"), on one line and cut to :data:`SIDE_WIDTH`."""

    conflict: Conflict | None = None
    side: str = "ours"
    project: Project | None = None

    def text(self, lang: str = "da") -> str:
        if self.conflict is None:
            return ""
        shown = " ".join(describe_side(self.conflict, self.side, lang, self.project).split())  # type: ignore[arg-type]
        if len(shown) > SIDE_WIDTH:
            shown = shown[:SIDE_WIDTH - 1] + "…"
        raw = getattr(self.conflict, self.side)
        return shown if not raw else f"«{shown}»"  # "(slettet)" is ours to say: not quoted


def conflict_problems(path: Path, project: Project, text: str | None = None) -> list[Problem]:
    """One located problem per unresolved conflict in ``project`` (read from ``path``, whose
    ``text`` is read again for the lines when not given); none when there are none."""
    if not project.conflicts:
        return []
    positions: dict = {}
    try:
        from borgerspil_tui.core.located import parse_mapping, read_text

        _, positions, _ = parse_mapping(read_text(path) if text is None else text, path, positions=True)
    except FileProblemError:
        pass  # changed since it was loaded: the problems without their lines
    problems: list[Problem] = []
    for index, conflict in enumerate(project.conflicts):
        line, column = positions.get(("conflicts", index), (None, None))
        problems.append(Problem.of(
            "conflict.unresolved", line=line, column=column, field=format_field(("conflicts", index)),
            about=conflict.about or conflict.where,
            ours=SideText("", conflict=conflict, side="ours", project=project),
            theirs=SideText("", conflict=conflict, side="theirs", project=project)))
    return problems


def unresolved(path: Path, project: Project) -> FileProblemError | None:
    """The error ``validate`` reports for a file with unresolved conflicts, or None."""
    problems = conflict_problems(path, project)
    return FileProblemError(path, problems) if problems else None
