"""The groups screen's board as plain lines: the groups side by side as columns (the ungrouped
observations first), each with its name and count on top, the insight it became, and its
observations cut to one line with … ; as many columns as fit the width, paged so the column
with the cursor is always shown. Pure (no Textual): the widget only paints these lines."""

from __future__ import annotations

from dataclasses import dataclass

from borgerspil_tui.core.cells import cell_len, cut, pad  # noqa: F401 - the board's widget takes them from here
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.observation_groups import (
    insight_of,
    members,
    membership,
    ungrouped,
)

MIN_WIDTH = 26
"""The narrowest a column is drawn (fewer columns are shown rather than narrower ones)."""
GAP = 1
"""Columns are parted by one │."""


@dataclass(frozen=True)
class Column:
    """One column of the board: a group (``key`` its id) or the ungrouped observations (``key`` "")."""

    key: str
    name: str
    items: tuple[tuple[str, str, int], ...]
    """``(observation id, its text, in how many groups it is)``."""
    insight: str | None = None
    """The statement of the insight the group became."""


@dataclass(frozen=True)
class Line:
    """One line of a column: ``kind`` is head, insight, rule, item, more or blank; ``index`` the item's."""

    text: str
    kind: str
    index: int = -1


def columns(project: Project, lang: str) -> list[Column]:
    """The ungrouped observations, then each group in its order."""
    counts = membership(project)
    loose = Column("", tr(lang, "groups.ungrouped"),
                   tuple((o.id, o.what, 0) for o in ungrouped(project)))
    result = [loose]
    by_id = {o.id: o for o in project.experience.observations}
    for group in project.experience.groups:
        insight = insight_of(project, group)
        result.append(Column(group.id, group.name,
                             tuple((o.id, o.what, counts.get(o.id, 1)) for o in members(project, group, by_id)),
                             insight.statement if insight is not None else None))
    return result


def fit(width: int, count: int) -> tuple[int, int]:
    """How many columns are shown at ``width`` cells, and how wide each is."""
    shown = max(1, min(count, (width + GAP) // (MIN_WIDTH + GAP)))
    return shown, max(1, (width - GAP * (shown - 1)) // shown)


def first_shown(first: int, cursor: int, shown: int, count: int) -> int:
    """The first column shown: the page moves only as far as needed to show the cursor's column."""
    first = min(first, cursor)
    if cursor >= first + shown:
        first = cursor - shown + 1
    return max(0, min(first, max(0, count - shown)))


def column_lines(column: Column, width: int, height: int, lang: str, cursor: int = -1) -> list[Line]:
    """The column's lines at ``width`` × ``height``: head, the insight (if any), a rule, then the
    observations from where the ``cursor`` is seen, and "+N more" when they do not all fit."""
    lines = [Line(cut(f"{column.name} ({len(column.items)})", width), "head")]
    if column.key:
        said = column.insight if column.insight is not None else tr(lang, "groups.no_insight")
        lines.append(Line(cut("→ " + said, width), "insight" if column.insight is not None else "blank"))
    else:  # the same rows as a group's, so the rules line up
        lines.append(Line("", "blank"))
    lines.append(Line("─" * width, "rule"))
    room = max(1, height - len(lines))
    items = column.items
    if not items:
        return [*lines, Line(cut(tr(lang, "groups.column_empty"), width), "blank")][:max(1, height)]
    top = 0
    if len(items) > room:
        room -= 1  # the last line says how many more
        top = max(0, min(cursor - room + 1, len(items) - room)) if cursor >= 0 else 0
    for index in range(top, min(len(items), top + room)):
        _id, text, count = items[index]
        mark = f"×{count} " if count > 1 else "• "
        lines.append(Line(cut(mark + text, width), "item", index))
    hidden = len(items) - min(len(items), top + room) + top
    if hidden:
        lines.append(Line(cut(tr(lang, "groups.more", count=hidden), width), "more"))
    return lines[:max(1, height)]
