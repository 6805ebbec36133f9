"""Pilot tests of the session as a user meets it: checklist answers, undo, autosave, disk changes,
failed saves, quitting with unsaved edits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from borgerspil_tui.core.session import SaveState
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.checklist import ChecklistScreen
from borgerspil_tui.tui.screens.disk_changed import DiskChangedScreen
from borgerspil_tui.tui.screens.unsaved_quit import UnsavedQuitScreen
from tests.app_helpers import SIZE, make_app


async def test_answer_checklist_items_and_save(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c")
        assert isinstance(app.screen, ChecklistScreen) and app.screen.part == "focus"
        await pilot.press("down", "j", "n")  # row 2 → yes, row 3 → no
        await pilot.press("e", *"Spørg borgerne", "enter")
        answers = app.session.project.checklists
        assert answers["focus-experience-first"].answer == "yes"
        assert answers["focus-if-we-fail"].answer == "no"
        assert answers["focus-change"].note == "Spørg borgerne"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_project(example_copy).project.checklists
    assert saved["focus-experience-first"].answer == "yes"
    assert saved["focus-if-we-fail"].answer == "no"
    assert saved["focus-change"].note == "Spørg borgerne"


async def test_undo_and_redo_across_edits(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c", "j")  # readiness checklist, first question → yes
        assert app.session.project.checklists["readiness-competences"].answer == "yes"
        await pilot.press("up", "e", *"abc", "enter")
        assert app.session.project.checklists["readiness-competences"].note == "abc"
        await pilot.press("ctrl+z")  # the whole note is one step
        assert app.session.project.checklists["readiness-competences"].note == ""
        assert app.session.project.checklists["readiness-competences"].answer == "yes"
        await pilot.press("ctrl+z")
        assert "readiness-competences" not in app.session.project.checklists
        await pilot.press("ctrl+y")
        assert app.session.project.checklists["readiness-competences"].answer == "yes"
        await pilot.press("ctrl+q")
    assert load_project(example_copy).project.checklists["readiness-competences"].answer == "yes"


async def test_autosave_shortly_after_the_last_edit(example_copy: Path) -> None:
    app = make_app(example_copy, autosave_delay=0.2)
    before = example_copy.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "c", "d")
        assert app.session.state is SaveState.UNSAVED
        assert example_copy.read_bytes() == before
        await pilot.pause(0.5)
        assert app.session.state is SaveState.SAVED
        assert load_project(example_copy).project.checklists["experience-in-the-field"].answer == "partly"


async def test_external_change_reload(example_copy: Path) -> None:
    app = make_app(example_copy, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        text = example_copy.read_text("utf-8").replace("title: Hurtigere hjælp", "title: Ændret i git")
        example_copy.write_text(text, "utf-8")
        await pilot.pause(0.4)
        assert isinstance(app.screen, DiskChangedScreen)
        assert app.session.state is SaveState.CONFLICT
        await pilot.click("#choice-reload")
        await pilot.pause()
        assert app.session.project.title.startswith("Ændret i git")
        assert app.session.state is SaveState.SAVED


async def test_external_change_keep_mine_overwrites_only_when_asked(example_copy: Path) -> None:
    app = make_app(example_copy, watch_interval=3600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "c", "j")
        example_copy.write_text(example_copy.read_text("utf-8") + "# from git\n", "utf-8")
        theirs = example_copy.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedScreen)
        assert example_copy.read_bytes() == theirs, "nothing is written without asking"
        await pilot.click("#choice-overwrite")
        await pilot.pause()
        assert app.session.state is SaveState.SAVED
    assert load_project(example_copy).project.checklists["create-involve"].answer == "yes"


async def test_failed_save_keeps_everything_and_can_retry(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(example_copy)
    real_replace = os.replace

    def read_only(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "c", "j")
        monkeypatch.setattr(os, "replace", read_only)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.state is SaveState.FAILED
        assert "Permission denied" in app.session.last_error
        assert "du har ikke lov til at skrive her" in str(app.screen.query_one("#status-line").visual)
        assert app.session.project.checklists["insist-value-measurable"].answer == "yes"
        monkeypatch.setattr(os, "replace", real_replace)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.state is SaveState.SAVED
    assert load_project(example_copy).project.checklists["insist-value-measurable"].answer == "yes"


async def test_quit_with_unsaved_changes_asks(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(example_copy)

    def read_only(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c", "j")
        monkeypatch.setattr(os, "replace", read_only)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuitScreen), "unsaved edits are never dropped silently"
        await pilot.click("#choice-cancel")
        await pilot.pause()
        assert app.is_running
        assert app.session.dirty
