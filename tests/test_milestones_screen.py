"""Pilot tests of the milestones screen: milestones added with a date and an owner, dependencies
picked, a circle and a date before a dependency refused in our words with nothing changed,
reached toggled, delete and undo, and the time line (markers in their weeks, today's line)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Milestone
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, FakeClock, goto, make_app, notices, screen_text

D = dt.date
TODAY = dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC)


def plan(tmp_path: Path, *milestones: Milestone) -> Path:
    project = Project(schema_version=1, title="Plan")
    project.insist.milestones = list(milestones) or [
        Milestone(id="milestone-a", title="Aftale", due=D(2026, 6, 1), owner="Lis"),
        Milestone(id="milestone-b", title="Pilot", due=D(2026, 8, 1), depends_on=["milestone-a"]),
        Milestone(id="milestone-c", title="Drift", due=D(2026, 10, 1), depends_on=["milestone-b"]),
    ]
    path = tmp_path / "plan.borgerspil.yaml"
    save_project(path, project)
    return path


async def _open(pilot, row: int = 0) -> None:
    pilot.app.clock = FakeClock(TODAY)
    await goto(pilot, "milestones")
    for _ in range(row):
        await pilot.press("down")


async def test_add_with_a_date_and_an_owner_and_pick_what_it_depends_on(tmp_path: Path) -> None:
    path = plan(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("n", *"Evaluering [bold]x[/]", "enter", "enter")
        await pilot.press("d", *"2026-12-01", "enter", "o", *"Mette", "enter")
        new = app.session.project.insist.milestones[-1]
        assert (new.title, new.due, new.owner) == ("Evaluering [bold]x[/]", D(2026, 12, 1), "Mette")
        await pilot.press("l")
        options = app.screen.query_one("#picker-list")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(labels) == 3 and "Aftale (2026-06-01)" in labels[0]
        assert not any("Evaluering" in label for label in labels)  # never itself
        await pilot.press("space", "down", "down", "space", "enter")  # Aftale and Drift
        assert app.session.project.insist.milestones[-1].depends_on == ["milestone-a", "milestone-c"]
        assert "Aftale, Drift" in screen_text(app)
        await pilot.press("ctrl+s")
    saved = load_project(path).project.insist.milestones[-1]
    assert saved.depends_on == ["milestone-a", "milestone-c"] and saved.owner == "Mette"


async def test_a_circle_is_refused_in_our_words_and_nothing_changes(tmp_path: Path, monkeypatch) -> None:
    path = plan(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        sent = notices(app, monkeypatch)
        await _open(pilot)  # on Aftale
        before = app.session.project.model_copy(deep=True)
        await pilot.press("l", "down", "space", "enter")  # Aftale waits for Drift, which waits for Pilot …
        await pilot.pause()
        assert app.session.project == before and not app.session.dirty
        assert any("afhænger af hinanden i ring: «Aftale» → «Drift» → «Pilot» → «Aftale»" in m for m in sent)
        await pilot.press("n", *"Høring", "enter", "enter", "d", *"2026-12-01", "enter", "ctrl+home")
        before = app.session.project.model_copy(deep=True)
        await pilot.press("l", "down", "down", "space", "enter")  # Aftale (June) waits for Høring (December)
        await pilot.pause()
        assert app.session.project == before
        assert any("«Aftale» (2026-06-01) ligger før «Høring» (2026-12-01)" in m for m in sent), sent


async def test_a_date_before_a_dependency_is_refused_and_an_unreadable_date_too(tmp_path: Path) -> None:
    path = plan(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, row=2)  # Drift, which depends on Pilot (2026-08-01)
        before = app.session.project.model_copy(deep=True)
        await pilot.press("d", "ctrl+u", *"2026-07-01", "enter")
        await pilot.pause()
        assert "«Drift» (2026-07-01) ligger før «Pilot» (2026-08-01)" in screen_text(app)
        assert app.session.project == before
        await pilot.press("ctrl+u", *"1. juli", "enter")
        await pilot.pause()
        assert "«1. juli» er ikke en dato: skriv den som ÅÅÅÅ-MM-DD" in screen_text(app)
        assert app.session.project == before
        await pilot.press("ctrl+u", *"2026-11-01", "enter")
        assert app.session.project.insist.milestones[2].due == D(2026, 11, 1)


async def test_reached_toggles_and_delete_unlinks_and_undo_brings_both_back(tmp_path: Path, monkeypatch) -> None:
    path = plan(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        sent = notices(app, monkeypatch)
        await _open(pilot)
        await pilot.press("space")
        assert app.session.project.insist.milestones[0].done
        await pilot.press("space")
        assert not app.session.project.insist.milestones[0].done
        await pilot.press("e", "ctrl+u", *"Aftalen [/]", "enter")  # Pilot's row names it
        table = app.screen.query_one("#items")
        assert str(table.get_cell("milestone-b", "milestones.depends")) == "Aftalen [/]"
        await pilot.press("ctrl+z")
        assert str(table.get_cell("milestone-b", "milestones.depends")) == "Aftale"
        before = app.session.project.model_copy(deep=True)
        await pilot.press("delete")
        milestones = app.session.project.insist.milestones
        assert [m.title for m in milestones] == ["Pilot", "Drift"] and milestones[0].depends_on == []
        assert "1 milepæl afhang af «Aftale»; den afhænger ikke længere af den (Ctrl+Z fortryder)" in sent
        await pilot.press("ctrl+z")
        assert app.session.project == before
        await pilot.press("ctrl+s")
    assert load_project(path).project.insist.milestones[1].depends_on == ["milestone-a"]


def _column_of(units: str, label: str) -> int:
    """Where a column's label starts in the header (its column starts there)."""
    found = re.search(rf"(?<!\d){label}(?!\d)", units)
    assert found is not None, (label, units)
    return found.start()


async def test_the_time_line_puts_each_marker_in_its_week_and_marks_today(tmp_path: Path) -> None:
    path = plan(tmp_path, Milestone(id="milestone-a", title="Aftale", due=D(2026, 6, 3), done=True),
                Milestone(id="milestone-b", title="Pilot", due=D(2026, 8, 5), depends_on=["milestone-a"]),
                Milestone(id="milestone-u", title="Uden dato [b]", depends_on=["milestone-b"]))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("v")
        assert "v Liste" in screen_text(app)
        text = app.screen.query_one("#timeline").plain()
        lines = text.split("\n")
        units = next(line for line in lines if " 23 " in line)
        aftale = next(line for line in lines if line.startswith("Aftale"))
        pilot_row = next(line for line in lines if line.startswith("Pilot"))
        cell = _column_of(units, "24") - _column_of(units, "23")
        wednesday = 2 * cell // 7  # how far into its week's column a Wednesday is drawn
        assert pilot_row.index("◆") == _column_of(units, "32") + wednesday  # 2026-08-05: week 32
        assert aftale.index("✓") == _column_of(units, "23") + wednesday  # reached; 2026-06-03: week 23
        assert aftale.index("┃") == _column_of(units, "29") + wednesday  # today, 2026-07-15: week 29
        assert pilot_row.index("┃") == aftale.index("┃")
        assert pilot_row[aftale.index("✓")] == "╰"  # the dependency's line starts under Aftale's marker
        assert "Uden dato:" in text and "• Uden dato [b] (afhænger af Pilot)" in text
        assert "i dag (2026-07-15)" in text
        await pilot.press("n")  # the time line edits nothing
        assert len(app.session.project.insist.milestones) == 3
        await pilot.press("v", "space")
        assert app.session.project.insist.milestones[0].done is False


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_time_line_fits_the_screen_with_long_titles_and_a_long_span(tmp_path: Path, size) -> None:
    path = plan(tmp_path, *[Milestone(id=f"milestone-{n}", title=f"{'Meget lang titel ' * 5}[bold]{n}[/]",
                                      due=D(2026, 1, 1) + dt.timedelta(days=70 * n)) for n in range(16)])
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await _open(pilot)
        await pilot.press("v")
        await pilot.pause()
        timeline = app.screen.query_one("#timeline")
        lines = timeline.plain().split("\n")
        assert max(len(line) for line in lines) <= timeline.content_region.width
        assert "Skala: én kolonne pr. kvartal (K1–K4)" in lines[0]
        assert sum(line.count("◆") for line in lines) >= 16


async def test_the_time_line_says_when_there_is_nothing_to_draw_and_when_today_is_past_it(tmp_path: Path) -> None:
    path = plan(tmp_path, Milestone(id="milestone-a", title="Engang"))
    app = make_app(path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("v")
        timeline = app.screen.query_one("#timeline")
        assert "No milestone has a date yet: press d in the list to give one." in timeline.plain()
        assert "No date:" in timeline.plain() and "• Engang" in timeline.plain()
        await pilot.press("v", "d", *"2026-03-02", "enter", "v")  # before today (2026-07-15)
        text = timeline.plain()
        assert "Today (2026-07-15) is after the last milestone" in text and "┃" not in text.split("\n", 3)[-1]
        assert "10" in text.split("\n")[-2]  # week 10 labelled over the one column
        await pilot.press("v", "delete", "v")
        assert timeline.plain() == "No milestones yet. Switch to the list (v) and press n."
