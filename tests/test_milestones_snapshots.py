"""Pictures of the milestones' time line at 120×40 and 80×24, with long and markup-like titles,
dependencies, a reached and a late milestone, today's line and undated milestones.

Update after an intended change: ``pytest tests/test_milestones_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Milestone
from borgerspil_tui.core.storage import save_project
from tests.app_helpers import HOSTILE, FakeClock, make_app

pytestmark = pytest.mark.xdist_group("snapshots")

FIXED = Path(tempfile.gettempdir()) / "borgerspil-milestone-snapshots"
D = dt.date


@pytest.fixture
def project_file() -> Path:
    shutil.rmtree(FIXED, ignore_errors=True)
    FIXED.mkdir(parents=True)
    project = Project(schema_version=1, title="Hjælpemidler [bold]x[/]")
    project.insist.milestones = [
        Milestone(id="milestone-a", title="Aftale med leverandøren om det nye depot [bold]x[/]", due=D(2026, 6, 3),
                  owner="Lis", done=True),
        Milestone(id="milestone-b", title="Pilot i to distrikter med sms-besked før levering", due=D(2026, 7, 1),
                  depends_on=["milestone-a"]),
        Milestone(id="milestone-c", title=HOSTILE, due=D(2026, 9, 9), depends_on=["milestone-b"]),
        Milestone(id="milestone-d", title="Drift i hele kommunen", due=D(2026, 11, 18),
                  depends_on=["milestone-c", "milestone-a"]),
        Milestone(id="milestone-u", title="Evaluering [/] efter tre måneder " * 3, depends_on=["milestone-d"]),
    ]
    path = FIXED / "plan.borgerspil.yaml"
    save_project(path, project)
    return path


def _timeline(pilot_size: tuple[int, int]):
    async def run(pilot) -> None:
        pilot.app.clock = FakeClock(dt.datetime(2026, 8, 12, 12, tzinfo=dt.UTC))
        pilot.app.action_goto("milestones")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
    return run


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_milestone_timeline(snap_compare, project_file: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(project_file), terminal_size=size, run_before=_timeline(size))


def test_milestone_list(snap_compare, project_file: Path) -> None:
    async def run(pilot) -> None:
        pilot.app.clock = FakeClock(dt.datetime(2026, 8, 12, 12, tzinfo=dt.UTC))
        pilot.app.action_goto("milestones")
        await pilot.pause()
        await pilot.press("down", "down", "down")
    assert snap_compare(make_app(project_file), terminal_size=(120, 40), run_before=run)
