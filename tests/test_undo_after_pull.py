"""Undo never writes over what came from disk: undoing a reload or a merge from disk asks first,
the default keeps the colleague's work, and the session refuses such an undo unless told."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.disk_sync import merge_from_disk
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.session import DiskStep, Session, UndoNeedsConfirmation
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.undo_from_disk import UndoFromDiskScreen
from tests.app_helpers import SIZE, make_app, until


def colleague_adds_idea(path: Path, title: str) -> None:
    other = Session.open(path)
    other.apply("idea", other.changes.add(("create", "ideas"), Idea(title=title)))
    assert other.save()


def idea_titles(project) -> list[str]:  # noqa: ANN001
    return [idea.title for idea in project.create.ideas]



# -- core ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("dirty", [False, True], ids=["reload", "merge"])
def test_the_session_refuses_to_undo_what_came_from_disk_unless_told(example_copy: Path, dirty: bool) -> None:
    session = Session.open(example_copy)
    if dirty:
        session.apply("title", session.changes.set(("title",), "Min titel"))
    colleague_adds_idea(example_copy, "Fra git pull")
    assert merge_from_disk(session).outcome == ("merged" if dirty else "reloaded")
    assert isinstance(session.undo_steps()[-1], DiskStep) and session.undo_takes_from_disk
    before, revision = session.project.model_copy(deep=True), session.revision
    with pytest.raises(UndoNeedsConfirmation):
        session.undo()
    assert session.project == before and session.revision == revision, "nothing changed"
    assert not session.dirty and session.save()
    assert "Fra git pull" in idea_titles(load_project(example_copy).project), "a save keeps the colleague's idea"
    assert session.undo(force=True) is not None
    assert "Fra git pull" not in idea_titles(session.project)
    assert not session.undo_takes_from_disk
    session.redo()
    assert "Fra git pull" in idea_titles(session.project) and session.undo_takes_from_disk


def test_reload_is_a_step_that_asks_too(example_copy: Path) -> None:
    session = Session.open(example_copy)
    colleague_adds_idea(example_copy, "Hentet igen")
    session.reload()
    with pytest.raises(UndoNeedsConfirmation):
        session.undo()
    assert "Hentet igen" in idea_titles(session.project)


def test_edits_after_the_pull_are_undone_without_asking(example_copy: Path) -> None:
    session = Session.open(example_copy)
    colleague_adds_idea(example_copy, "Fra kollega")
    merge_from_disk(session)
    session.apply("title", session.changes.set(("title",), "Efter pull"))
    assert not session.undo_takes_from_disk
    session.undo()
    assert session.project.title != "Efter pull" and session.undo_takes_from_disk


# -- the app --------------------------------------------------------------------------------------------
async def test_ctrl_z_after_a_pull_asks_and_the_default_keeps_the_colleagues_work(example_copy: Path) -> None:
    app = make_app(example_copy, watch_interval=0.1, autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        colleague_adds_idea(example_copy, "Kollegaens idé")
        await until(pilot, lambda: "Kollegaens idé" in idea_titles(app.session.project))
        for key in ("enter", "escape"):  # the default button, and closing the question, keep it
            await pilot.press("ctrl+z")
            assert isinstance(app.screen, UndoFromDiskScreen)
            await pilot.press(key)
            assert not isinstance(app.screen, UndoFromDiskScreen)
            assert "Kollegaens idé" in idea_titles(app.session.project)
        await pilot.pause(0.4)  # autosave had its chance
        assert "Kollegaens idé" in idea_titles(load_project(example_copy).project)
        await pilot.press("ctrl+z")
        await pilot.click("#choice-undo")  # the user says so: then it is undone
        await pilot.pause()
        assert "Kollegaens idé" not in idea_titles(app.session.project)
        await pilot.press("ctrl+y")
        assert "Kollegaens idé" in idea_titles(app.session.project)


async def test_undoing_past_a_merge_asks_before_reaching_the_own_edit_behind_it(example_copy: Path) -> None:
    app = make_app(example_copy, watch_interval=0.1, autosave_delay=3600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c", "j")  # own edit, not saved
        colleague_adds_idea(example_copy, "Kollegaens idé")
        await until(pilot, lambda: "Kollegaens idé" in idea_titles(app.session.project))
        await until(pilot, lambda: not app.session.dirty)  # the merge is saved
        await pilot.press("ctrl+z")
        assert isinstance(app.screen, UndoFromDiskScreen)
        await pilot.press("enter")
        assert app.session.project.checklists["readiness-competences"].answer == "yes"
        assert "Kollegaens idé" in idea_titles(app.session.project)
        await pilot.press("ctrl+q")
    saved = load_project(example_copy).project
    assert "Kollegaens idé" in idea_titles(saved)
    assert saved.checklists["readiness-competences"].answer == "yes"
