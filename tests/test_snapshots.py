"""A few pictures of the main screens at a fixed size, for what only a picture shows.

Update after an intended change: ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

pytestmark = pytest.mark.xdist_group("snapshots")  # they share one folder whose name the pictures show

from tests.app_helpers import SIZE, make_app
from tests.conftest import EXAMPLE

FIXED = Path(tempfile.gettempdir()) / "borgerspil-snapshots"
"""A folder with the same name on every run, because the home screen and wizard show it."""


@pytest.fixture
def fixed_folder() -> Path:
    """A fresh copy of the example in a folder whose path never changes."""
    shutil.rmtree(FIXED, ignore_errors=True)
    FIXED.mkdir(parents=True)
    target = FIXED / "hjaelpemidler.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, target)
    os.utime(target, (1_767_225_600, 1_767_225_600))  # 2026-01-01, so "changed" is stable
    return FIXED


async def _no_blink(pilot) -> None:  # noqa: ANN001
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


def test_home(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    assert snap_compare(make_app(folder=fixed_folder), terminal_size=SIZE, run_before=_no_blink)


def test_wizard(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    async def fill(pilot) -> None:  # noqa: ANN001
        await pilot.press("n", *"Kortere ventetid på hjælpemidler")
        await pilot.click("#member-name")
        await pilot.press(*"Mette Holm", "enter", *"Teamleder", "enter")
        await _no_blink(pilot)

    assert snap_compare(make_app(folder=fixed_folder), terminal_size=SIZE, run_before=fill)


def test_overview(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=_no_blink)


def test_checklist(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    async def open_checklist(pilot) -> None:  # noqa: ANN001
        await pilot.press("1", "c", "down")
        await _no_blink(pilot)

    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_checklist)


def test_overview_high_contrast_english(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    async def contrast(pilot) -> None:  # noqa: ANN001
        pilot.app.theme = "borgerspil-kontrast"
        await _no_blink(pilot)

    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml", language="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=contrast)


def _long_tree(folder: Path) -> Path:
    """The example with long Danish texts full of markup characters added to its tree."""
    from borgerspil_tui.core.model.focus import TreeNode
    from borgerspil_tui.core.storage import load_project, save_project

    path = folder / "hjaelpemidler.borgerspil.yaml"
    loaded = load_project(path)
    long = ("Sagsbehandlerne skal slå op i tre systemer [b]og[/b] ringe til lægen, før de kan se om "
            "ansøgningen er komplet – \\[ikke\\] altid muligt samme dag [$accent]")
    loaded.project.focus.causes[1].children.append(
        TreeNode(id="node-long01", text=long, uncertain=True, children=[TreeNode(id="node-long02", text="Ingen fælles [/] indbakke")]))
    save_project(path, loaded.project, loaded.fingerprint)
    return path


def test_problem_tree_outline(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    async def open_tree(pilot) -> None:  # noqa: ANN001
        await pilot.press("1", "down", "enter")
        await pilot.pause()
        await _no_blink(pilot)

    assert snap_compare(make_app(_long_tree(fixed_folder)), terminal_size=SIZE, run_before=open_tree)


def test_problem_tree_picture(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    async def open_picture(pilot) -> None:  # noqa: ANN001
        await pilot.press("1", "down", "enter")
        await pilot.pause()
        await pilot.press("v", "down", "down")
        await _no_blink(pilot)

    assert snap_compare(make_app(_long_tree(fixed_folder)), terminal_size=SIZE, run_before=open_picture)


def _open(name: str, *keys: str):  # noqa: ANN202
    async def run(pilot) -> None:  # noqa: ANN001
        pilot.app.action_goto(name)
        await pilot.pause()
        await pilot.press(*keys)
        await _no_blink(pilot)
    return run


def test_matrix_table(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=_open("matrix", "g"))


def test_matrix_two_by_two(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=_open("matrix", "g", "v"))


def test_concept_card(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=_open("concept-card", "g"))


def test_succes_check(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=_open("succes"))


def test_conflicts(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    """The Konflikter screen a file with three recorded conflicts opens on."""
    from borgerspil_tui.core.model.conflicts import Conflict
    from borgerspil_tui.core.storage import load_project, save_project

    path = fixed_folder / "hjaelpemidler.borgerspil.yaml"
    project = load_project(path).project
    project.conflicts = [
        Conflict(id="conflict-title1", where="create.ideas.idea-k3m4np.title", kind="text",
                 about="Idé «Hurtigspor»: titel", base="Hurtigt spor", ours="Hurtigspor for enkle sager",
                 theirs="Hurtigspor"),
        Conflict(id="conflict-weight", where="create.weights.importance", kind="value", about="Vægt: Vigtighed",
                 base="2", ours="3", theirs="5"),
        Conflict(id="conflict-parent", where="focus.causes.node-g5h6jk", kind="parent",
                 about="Årsag «Skemaet er svært at forstå»: placering", base="node-a2s4df", ours="node-a2s4df",
                 theirs="node-q2r3st"),
    ]
    save_project(path, project, force=True)
    os.utime(path, (1_767_225_600, 1_767_225_600))
    assert snap_compare(make_app(path), terminal_size=SIZE, run_before=_no_blink)


def test_workshop_summary(snap_compare, fixed_folder: Path, monkeypatch) -> None:  # noqa: ANN001
    """The workshop summary of a day in Copenhagen time, with a fixed clock: overrun, time saved,
    running, not held, captured items credited, a round with bars."""
    import datetime as dt
    import time

    from borgerspil_tui.core.model.workshop import (
        Activity,
        ActivityLog,
        RoundTotal,
        TimerState,
        VoteRound,
        Workshop,
    )
    from borgerspil_tui.core.storage import load_project, save_project

    def at(hour: int, minute: int) -> dt.datetime:
        return dt.datetime(2026, 5, 1, hour, minute, tzinfo=dt.UTC)

    class Clock:
        def now(self) -> dt.datetime:
            return at(8, 2)

    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    path = fixed_folder / "hjaelpemidler.borgerspil.yaml"
    project = load_project(path).project
    project.workshops = [Workshop(
        id="workshop-w1", title="Idéværksted [b]1[/b]", date=dt.date(2026, 5, 1), place="Borgerservice",
        participants=["person-k3x9fa", "guest-y9z2ab"],
        agenda=[Activity(id="activity-tree", title="Problemtræ", minutes=30, target="causes"),
                Activity(id="activity-brain", title="Brainstorm", minutes=15, target="ideas"),
                Activity(id="activity-vote", title="Prikstemme", minutes=10, target="votes"),
                Activity(id="activity-pause", title="Pause", minutes=10)],
        log=[ActivityLog(activity="activity-tree", started=at(7, 0), ended=at(7, 37), captured=["node-a2s4df"]),
             ActivityLog(activity="activity-brain", started=at(7, 37), ended=at(7, 49),
                         captured=["idea-f9g2hj", "idea-k3m4np"])],
        timer=TimerState(activity="activity-vote", started=at(7, 50)),
        rounds=[VoteRound(id="round-r1", activity="activity-vote", held=at(7, 58), voters=4, dots_per_person=3,
                          anonymous=True, totals=[RoundTotal(idea="idea-k3m4np", dots=5),
                                                  RoundTotal(idea="idea-f9g2hj", dots=3)])])]
    project.focus.causes[0].said_by = "person-k3x9fa"
    save_project(path, project, force=True)
    os.utime(path, (1_767_225_600, 1_767_225_600))
    app = make_app(path)
    app.clock = Clock()
    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=_open("workshop-summary"))
    finally:
        monkeypatch.undo()
        time.tzset()


def _presenter(theme: str, running: str, extra_causes: int = 0):  # noqa: ANN202
    """The presenter view over a workshop whose ``running`` activity has 12:34 used."""
    import datetime as dt

    from tests.test_presenter_screen import START, FakeClock, workshop_file

    workshop_file(FIXED / "hjaelpemidler.borgerspil.yaml", running=running, extra_causes=extra_causes)
    os.utime(FIXED / "hjaelpemidler.borgerspil.yaml", (1_767_225_600, 1_767_225_600))

    async def run(pilot) -> None:  # noqa: ANN001
        pilot.app.clock = FakeClock(START + dt.timedelta(minutes=12, seconds=34))
        pilot.app.theme = theme
        await pilot.press("f7")
        await pilot.pause()
    return run


def test_presenter_80x24_dark(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    run = _presenter("borgerspil-kontrast", "activity-tree")
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_presenter_80x24_light(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    run = _presenter("borgerspil", "activity-ideas")
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_presenter_120x40_captured(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    run = _presenter("borgerspil", "activity-tree", extra_causes=6)
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=(120, 40), run_before=run)
