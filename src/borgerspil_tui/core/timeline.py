"""The milestones on a time line, laid out in characters (the timeline view of the milestones
screen). No Textual here: the layout is cells of text and what each cell is, so it is tested
without a screen.

Time runs across: the span from the first to the last dated milestone, in weeks when they fit
(three characters each), else months, quarters or years (several years to a column when the span
is very long). Each dated milestone is a row with its marker where its date falls inside its
column; a dependency is a line from the dependency's marker, down (or up) to the dependent's row
and along it to the marker; today is a vertical line when it falls in the span. Undated
milestones are listed apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from borgerspil_tui.core.model.insist import Milestone

UNITS = ("week", "month", "quarter", "year")
MIN_CELL = {"week": 3, "month": 3, "quarter": 3, "year": 5}
"""The narrowest column of each unit (room for its label and a space)."""
MAX_CELL = 8
"""The widest column: a short span is spread, but not thinner than this."""
_MAX_ORDINAL = dt.date.max.toordinal()

MARK, DONE, LATE, LINK, TODAY, BLANK = "mark", "done", "late", "link", "today", ""
"""What a cell of a row is: a milestone's marker (done, or past its date and not done), part of a
dependency's line, the line of today, or nothing."""
CHAR = {MARK: "◆", DONE: "✓", LATE: "◆"}
TODAY_CHAR = "┃"


@dataclass(frozen=True)
class Scale:
    """How much time one column is: a unit, ``step`` of them (only years take more than one),
    and the column's width in characters."""

    unit: str
    step: int
    cell: int


def unit_index(unit: str, step: int, day: dt.date) -> int:
    """The number of the column ``day`` falls in (counted from year 1)."""
    if unit == "week":
        return (day.toordinal() - 1) // 7  # 0001-01-01 was a Monday
    if unit == "month":
        return day.year * 12 + day.month - 1
    if unit == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    return (day.year - 1) // step


def unit_start(unit: str, step: int, index: int) -> int:
    """The ordinal of the first day of column ``index`` (one past the last day there is, for the
    column after 9999)."""
    if unit == "week":
        return index * 7 + 1
    if unit == "month":
        year, month = divmod(index, 12)
        month += 1
    elif unit == "quarter":
        year, quarter = divmod(index, 4)
        month = quarter * 3 + 1
    else:
        year, month = index * step + 1, 1
    if year > dt.MAXYEAR:
        return _MAX_ORDINAL + 1
    return dt.date(year, month, 1).toordinal()


def choose_scale(first: dt.date, last: dt.date, width: int) -> Scale:
    """The finest unit whose columns from ``first`` to ``last`` fit ``width`` characters."""
    width = max(width, MIN_CELL["year"])
    for unit in UNITS[:-1]:
        count = unit_index(unit, 1, last) - unit_index(unit, 1, first) + 1
        if count * MIN_CELL[unit] <= width:
            return Scale(unit, 1, min(MAX_CELL, width // count))
    step = 1
    while True:
        count = unit_index("year", step, last) - unit_index("year", step, first) + 1
        if count * MIN_CELL["year"] <= width:
            return Scale("year", step, min(MAX_CELL, width // count))
        step *= 2 if step < 8 else 10


@dataclass
class Row:
    """One dated milestone: its title, where its marker is, and the row's cells (char, kind)."""

    id: str
    title: str
    due: dt.date
    x: int
    kind: str
    depends_on: list[str]
    cells: list[tuple[str, str]] = field(default_factory=list)

    def text(self) -> str:
        """The row's chart as plain text."""
        return "".join(char for char, _ in self.cells)


@dataclass
class Timeline:
    """The laid-out time line: ``columns`` are the ordinals where each column starts; ``today_x``
    is None when today is outside the span (``today_side`` then says ``before`` or ``after``)."""

    scale: Scale
    columns: list[int]
    width: int
    rows: list[Row]
    undated: list[Milestone]
    today: dt.date
    today_x: int | None
    today_side: str | None

    def x_of(self, day: dt.date) -> int:
        """The character column of a day: its column's start, plus how far into it the day is."""
        return position(self.scale, self.columns[0], day)

    def column_starts(self) -> list[dt.date]:
        """The first day of each column."""
        return [dt.date.fromordinal(min(o, _MAX_ORDINAL)) for o in self.columns]


def position(scale: Scale, first_index_start: int, day: dt.date) -> int:
    """Where ``day`` is drawn, in characters from the left of the chart."""
    first = unit_index(scale.unit, scale.step, dt.date.fromordinal(first_index_start))
    index = unit_index(scale.unit, scale.step, day)
    start, end = unit_start(scale.unit, scale.step, index), unit_start(scale.unit, scale.step, index + 1)
    into = (day.toordinal() - start) * scale.cell // (end - start)
    return (index - first) * scale.cell + into


def _late(milestone: Milestone, today: dt.date) -> bool:
    return milestone.due is not None and not milestone.done and milestone.due < today


def layout(milestones: Sequence[Milestone], today: dt.date, width: int) -> Timeline:
    """The time line of ``milestones`` in a chart ``width`` characters wide (at least 5)."""
    dated = sorted((m for m in milestones if m.due is not None), key=lambda m: m.due)  # stable: list order
    undated = [m for m in milestones if m.due is None]
    if not dated:
        scale = choose_scale(today, today, width)
        return Timeline(scale, [], 0, [], undated, today, None, None)
    first, last = dated[0].due, dated[-1].due
    assert first is not None and last is not None
    scale = choose_scale(first, last, width)
    low = unit_index(scale.unit, scale.step, first)
    high = unit_index(scale.unit, scale.step, last)
    columns = [unit_start(scale.unit, scale.step, i) for i in range(low, high + 1)]
    chart = len(columns) * scale.cell
    rows = []
    for milestone in dated:
        assert milestone.due is not None
        kind = DONE if milestone.done else LATE if _late(milestone, today) else MARK
        rows.append(Row(milestone.id, milestone.title, milestone.due, position(scale, columns[0], milestone.due),
                        kind, list(milestone.depends_on), [(" ", BLANK)] * chart))
    timeline = Timeline(scale, columns, chart, rows, undated, today, None, None)
    if today.toordinal() < columns[0]:
        timeline.today_side = "before"
    elif unit_index(scale.unit, scale.step, today) > high:
        timeline.today_side = "after"
    else:
        timeline.today_x = position(scale, columns[0], today)
    _draw(timeline)
    return timeline


_BOX = {
    frozenset("UD"): "│", frozenset("LR"): "─", frozenset("UR"): "╰", frozenset("DR"): "╭",
    frozenset("UL"): "╯", frozenset("DL"): "╮", frozenset("UDR"): "├", frozenset("UDL"): "┤",
    frozenset("ULR"): "┴", frozenset("DLR"): "┬", frozenset("UDLR"): "┼", frozenset("U"): "╵",
    frozenset("D"): "╷", frozenset("L"): "╴", frozenset("R"): "╶",
}
"""A line's character from the directions it leaves its cell in (up, down, left, right)."""


def _draw(timeline: Timeline) -> None:
    rows = timeline.rows
    where = {row.id: number for number, row in enumerate(rows)}
    lines: dict[tuple[int, int], set[str]] = {}

    def go(number: int, x: int, directions: str) -> None:
        lines.setdefault((number, x), set()).update(directions)

    for number, row in enumerate(rows):
        for target in row.depends_on:
            other = where.get(target)
            if other is None or other == number:
                continue
            source_x = rows[other].x
            down = other < number  # the dependency's row is above: the line comes down to this row
            for between in range(min(other, number) + 1, max(other, number)):
                go(between, source_x, "UD")
            if source_x == row.x:
                continue
            go(number, source_x, ("U" if down else "D") + ("R" if source_x < row.x else "L"))
            for x in range(min(source_x, row.x) + 1, max(source_x, row.x)):
                go(number, x, "LR")
    for (number, x), directions in lines.items():
        rows[number].cells[x] = (_BOX[frozenset(directions)], LINK)
    if timeline.today_x is not None:
        for row in rows:
            row.cells[timeline.today_x] = (TODAY_CHAR, TODAY)
    for row in rows:  # a marker is never hidden
        row.cells[row.x] = (CHAR[row.kind], row.kind)


def labels(timeline: Timeline, name: Callable[[Scale, dt.date], str]) -> tuple[str, str]:
    """Two header lines over the chart: the years (where a year begins, or the first column) and
    each column's label from ``name`` (left out where it would touch the one before)."""
    starts = timeline.column_starts()
    years = [" "] * timeline.width
    units = [" "] * timeline.width
    used_years = used_units = 0
    for number, start in enumerate(starts):
        x = number * timeline.scale.cell
        if timeline.scale.unit != "year" and (number == 0 or start.year != starts[number - 1].year):
            used_years = _write(years, x, str(start.year), used_years)
        used_units = _write(units, x, name(timeline.scale, start), used_units)
    return "".join(years).rstrip(), "".join(units).rstrip()


def _write(line: list[str], x: int, text: str, used: int) -> int:
    """Write ``text`` at ``x`` when it neither touches what is written before nor runs off the end."""
    if x < used or x + len(text) > len(line):
        return used
    line[x:x + len(text)] = list(text)
    return x + len(text) + 1


def number_label(scale: Scale, start: dt.date) -> str:
    """The plain label of a column: ISO week number, month number, quarter number, or year."""
    if scale.unit == "week":
        return str(start.isocalendar().week)
    if scale.unit == "month":
        return str(start.month)
    if scale.unit == "quarter":
        return str((start.month - 1) // 3 + 1)
    return str(start.year)
