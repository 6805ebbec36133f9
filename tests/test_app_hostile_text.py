"""User text is never markup: every screen opened on a project full of markup characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import Assumption, Note, ProcessRow, TargetGroup, TreeNode, ValueGoal
from borgerspil_tui.core.model.project import ChecklistAnswer
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.storage import create_project_file
from borgerspil_tui.tui.registry import project_screens
from tests.app_helpers import HOSTILE, SIZE, make_app, screen_text


@pytest.fixture
def hostile_project(tmp_path: Path) -> Path:
    """A project where every text a person could type is hostile."""
    project = Project(schema_version=1, title=HOSTILE, checklists={
        item: ChecklistAnswer(answer="partly", note=HOSTILE)
        for item in ("readiness-team", "focus-change", "experience-own-words", "create-fun", "insist-handover")})
    project.focus.problem = HOSTILE
    project.focus.causes = [TreeNode(text=HOSTILE, uncertain=True, children=[TreeNode(text=HOSTILE)])]
    project.focus.consequences = [TreeNode(text=HOSTILE, children=[TreeNode(text=HOSTILE, uncertain=True)])]
    project.focus.known = [Note(text=HOSTILE)]
    project.focus.assumptions = [Assumption(text=HOSTILE, note=HOSTILE)]
    project.focus.values = [ValueGoal(kind="service", goal=HOSTILE)]
    project.focus.success_picture = HOSTILE
    project.focus.target_groups = [TargetGroup(name=HOSTILE, description=HOSTILE, why=HOSTILE)]
    project.focus.process = [ProcessRow(phase="focus", timeframe=HOSTILE, methods=HOSTILE, critical_points=HOSTILE)]
    project.readiness.team = [TeamMember(name=HOSTILE, role=HOSTILE)]
    project.readiness.considerations = {"team": HOSTILE}
    path = tmp_path / "fjendtlig.borgerspil.yaml"
    create_project_file(path, project)
    return path


TOOLS_SHOWING_TEXT = {"problem-tree", "knowledge", "value", "target-groups", "process"}


@pytest.mark.parametrize("name", sorted(project_screens()))
async def test_every_project_screen_shows_hostile_text_literally(hostile_project: Path, name: str) -> None:
    app = make_app(hostile_project)
    async with app.run_test(size=SIZE) as pilot:
        app.action_goto(name)
        await pilot.pause()
        assert getattr(app.screen, "NAME", None) == name
        assert f"· {HOSTILE}" in str(app.screen.query_one("#title-line").visual)
        if name.startswith("checklist-") or name in TOOLS_SHOWING_TEXT:
            assert HOSTILE in screen_text(app), name
        if name == "problem-tree":
            await pilot.press("v")
            assert HOSTILE.split(" ")[0] in screen_text(app)
        app.action_help()
        await pilot.pause()
        await pilot.press("escape")


async def test_home_and_notifications_show_hostile_text_literally(hostile_project: Path) -> None:
    app = make_app(folder=hostile_project.parent)
    async with app.run_test(size=SIZE) as pilot:
        assert HOSTILE in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        app.session.state = app.session.state.FAILED
        app.session.last_error = HOSTILE
        app.notify(app.tr("note.save_failed", reason=HOSTILE), markup=False)
        app.screen.refresh_status()
        await pilot.pause()
        assert HOSTILE in str(app.screen.query_one("#status-line").visual)


async def test_wizard_and_error_screen_with_hostile_text(tmp_path: Path) -> None:
    bad = tmp_path / "[b]bad[$accent].borgerspil.yaml"
    bad.write_text(f"schema_version: 1\ntitle: x\n'{HOSTILE}': 1\n", "utf-8")
    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        typed = HOSTILE.replace("🎉 ", "")  # Pilot cannot press an emoji key
        await pilot.press("n", *typed)
        await pilot.click("#member-name")
        await pilot.press(*typed, "enter", *typed, "enter")
        assert typed in screen_text(app)
        await pilot.press("escape")
        app.open_project(bad)
        await pilot.pause()
        assert "[b]bad[$accent].borgerspil.yaml" in screen_text(app)
        assert HOSTILE in screen_text(app)
