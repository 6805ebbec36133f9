"""The milestones' time line laid out in characters (core/timeline): the scale, where markers,
dependency lines and today go, and that it always fits the width it is given."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borgerspil_tui.core.model.insist import Milestone
from borgerspil_tui.core.timeline import (
    DONE,
    LATE,
    LINK,
    MARK,
    TODAY,
    labels,
    layout,
    number_label,
)

D = dt.date


def _plan() -> list[Milestone]:
    return [Milestone(id="milestone-a", title="Aftale", due=D(2026, 6, 1)),
            Milestone(id="milestone-b", title="Pilot", due=D(2026, 8, 1), depends_on=["milestone-a"]),
            Milestone(id="milestone-u", title="Uden dato"),
            Milestone(id="milestone-c", title="Drift", due=D(2026, 10, 1), depends_on=["milestone-b"], done=True)]


def test_weeks_when_they_fit_each_marker_in_its_week_and_today_between() -> None:
    timeline = layout(_plan(), D(2026, 7, 15), 90)  # Aftale is past its date and not done
    scale = timeline.scale
    assert (scale.unit, scale.step, scale.cell) == ("week", 1, 5)  # week 23 to 40: 18 columns of 5
    assert timeline.width == 90
    monday = timeline.column_starts()[0]
    assert monday == D(2026, 6, 1) and monday.isocalendar().week == 23
    aftale, pilot, drift = timeline.rows
    assert [r.title for r in timeline.rows] == ["Aftale", "Pilot", "Drift"]
    assert aftale.x == 0  # the Monday of the first week
    assert pilot.x == 8 * 5 + 5 * 5 // 7  # 2026-08-01 is the Saturday of the ninth week
    assert drift.x == 17 * 5 + 3 * 5 // 7  # a Thursday
    assert (aftale.cells[0], pilot.cells[pilot.x], drift.cells[drift.x]) == (("◆", LATE), ("◆", MARK), ("✓", DONE))
    assert timeline.today_x == 6 * 5 + 2 * 5 // 7 and timeline.today_side is None
    assert all(row.cells[timeline.today_x] == ("┃", TODAY) for row in timeline.rows)
    assert [m.title for m in timeline.undated] == ["Uden dato"]
    years, weeks = labels(timeline, number_label)
    assert years == "2026" and weeks.split() == [str(w) for w in range(23, 41)]
    assert weeks.index("32") == 9 * 5  # each label over its column


def test_a_dependency_is_a_line_from_its_markers_column_to_the_dependents_marker() -> None:
    timeline = layout(_plan(), D(2026, 1, 1), 90)
    _, pilot, drift = timeline.rows
    assert pilot.text()[:pilot.x + 1] == "╰" + "─" * (pilot.x - 1) + "◆"
    assert drift.text()[pilot.x:drift.x + 1] == "╰" + "─" * (drift.x - pilot.x - 1) + "✓"
    assert {kind for _, kind in drift.cells[pilot.x:drift.x]} == {LINK}


def test_a_line_passes_the_rows_between_and_joins_another() -> None:
    plan = _plan()
    plan[3].depends_on = ["milestone-b", "milestone-a"]
    timeline = layout(plan, D(2026, 1, 1), 90)
    _, pilot, drift = timeline.rows
    assert pilot.cells[0] == ("├", LINK)  # Aftale's line goes on down to Drift
    assert drift.cells[0] == ("╰", LINK) and drift.cells[pilot.x] == ("┴", LINK)


def test_past_its_date_and_not_done_is_marked_late() -> None:
    timeline = layout(_plan(), D(2026, 9, 1), 90)
    assert [row.kind for row in timeline.rows] == [LATE, LATE, DONE]


@pytest.mark.parametrize(("today", "side"), [(D(2025, 1, 1), "before"), (D(2030, 1, 1), "after")])
def test_today_outside_the_span_is_said_not_drawn(today: dt.date, side: str) -> None:
    timeline = layout(_plan(), today, 90)
    assert timeline.today_x is None and timeline.today_side == side
    assert not any(kind == TODAY for row in timeline.rows for _, kind in row.cells)


def test_one_milestone_and_none_dated() -> None:
    one = layout([Milestone(title="Alene", due=D(2026, 3, 4))], D(2026, 3, 4), 40)
    assert one.scale.unit == "week" and one.width == 8 and len(one.rows) == 1
    assert one.rows[0].x == 2 * 8 // 7  # Wednesday
    assert one.rows[0].cells[one.rows[0].x] == ("◆", MARK)  # the marker is above today's line
    none = layout([Milestone(title="Engang")], D(2026, 3, 4), 40)
    assert none.rows == [] and none.width == 0 and [m.title for m in none.undated] == ["Engang"]
    assert layout([], D(2026, 3, 4), 40).rows == []


@pytest.mark.parametrize(("days", "width", "unit"), [
    (0, 90, "week"), (7, 90, "week"), (7 * 29, 90, "week"), (7 * 31, 90, "month"),
    (365, 90, "month"), (365, 160, "week"), (3 * 365, 90, "quarter"), (3 * 365, 40, "quarter"),
    (3 * 365, 20, "year"), (30 * 365, 60, "year"),
])
def test_the_scale_follows_the_span_and_the_width(days: int, width: int, unit: str) -> None:
    plan = [Milestone(title="Start", due=D(2026, 1, 5)), Milestone(title="Slut", due=D(2026, 1, 5) + dt.timedelta(days))]
    timeline = layout(plan, D(2026, 1, 5), width)
    assert timeline.scale.unit == unit
    assert 0 < timeline.width <= width
    assert all(len(row.cells) == timeline.width for row in timeline.rows)


dates = st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))


@settings(max_examples=200, deadline=None)
@given(first=dates, days=st.integers(0, 3 * 366), width=st.integers(5, 120), today=dates,
       more=st.lists(st.integers(0, 3 * 366), max_size=6))
def test_every_span_fits_and_every_marker_is_in_its_column(first: dt.date, days: int, width: int, today: dt.date,
                                                           more: list[int]) -> None:
    last_ordinal = min(first.toordinal() + days, D.max.toordinal())
    extra = [D.fromordinal(min(first.toordinal() + d, last_ordinal)) for d in more]
    plan = [Milestone(title=f"m{i}", due=d) for i, d in enumerate([first, D.fromordinal(last_ordinal), *extra])]
    timeline = layout(plan, today, width)
    assert 0 < timeline.width <= width
    starts = timeline.columns
    for row in timeline.rows:
        assert len(row.cells) == timeline.width
        column = row.x // timeline.scale.cell
        assert starts[column] <= row.due.toordinal()
        assert column + 1 == len(starts) or row.due.toordinal() < starts[column + 1]
    years, units = labels(timeline, number_label)
    assert len(years) <= timeline.width and len(units) <= timeline.width


def test_the_longest_span_there_is_still_fits() -> None:
    plan = [Milestone(title="a", due=D(1, 1, 1)), Milestone(title="b", due=D(9999, 12, 31))]
    timeline = layout(plan, D(2026, 1, 1), 80)
    assert timeline.scale.unit == "year" and timeline.width <= 80
    assert timeline.rows[-1].x == timeline.width - 1 or timeline.rows[-1].x < timeline.width
