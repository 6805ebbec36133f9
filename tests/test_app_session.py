"""Pilot tests of the session as a user meets it: checklist answers, undo, autosave, disk changes,
failed saves, quitting with unsaved edits."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from borgerspil_tui.core.session import SaveState
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.checklist import ChecklistScreen
from borgerspil_tui.tui.screens.disk_changed import DiskChangedScreen
from borgerspil_tui.tui.screens.unsaved_quit import UnsavedQuitScreen
from tests.app_helpers import SIZE, make_app, notices, save_now, until


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
    delay = 2.0
    app = make_app(example_copy, autosave_delay=delay)
    before = example_copy.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        loop = asyncio.get_running_loop()
        began = loop.time()
        await pilot.press("2", "c", "d")
        if loop.time() - began < delay * 0.9:  # a busy machine may take the delay over the keys: then a save is right
            assert app.session.state is SaveState.UNSAVED
            assert example_copy.read_bytes() == before
        await until(pilot, lambda: app.session.state is SaveState.SAVED)  # however slow the machine; no timing asserted
        assert load_project(example_copy).project.checklists["experience-in-the-field"].answer == "partly"


async def test_external_change_reload(example_copy: Path) -> None:
    """No edits in memory: a file changed on disk is reloaded quietly (tests/test_disk_merge.py has more)."""
    app = make_app(example_copy, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        text = example_copy.read_text("utf-8").replace("title: Hurtigere hjælp", "title: Ændret i git")
        example_copy.write_text(text, "utf-8")
        await until(pilot, lambda: app.session.project.title.startswith("Ændret i git"))  # the watcher looked
        assert not isinstance(app.screen, DiskChangedScreen)
        assert app.session.state is SaveState.SAVED
    assert example_copy.read_text("utf-8") == text


async def test_external_change_while_editing_is_merged_on_save(example_copy: Path) -> None:
    app = make_app(example_copy, watch_interval=3600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "c", "j")
        text = example_copy.read_text("utf-8").replace("title: Hurtigere hjælp", "title: Ændret i git")
        example_copy.write_text(text, "utf-8")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.session.state is SaveState.SAVED)
        assert not isinstance(app.screen, DiskChangedScreen)
        assert app.session.state is SaveState.SAVED
    saved = load_project(example_copy).project
    assert saved.checklists["create-involve"].answer == "yes"
    assert saved.title.startswith("Ændret i git")


async def test_failed_save_keeps_everything_and_can_retry(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(example_copy)
    real_replace = os.replace

    def read_only(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "c", "j")
        monkeypatch.setattr(os, "replace", read_only)
        await save_now(pilot)
        assert app.session.state is SaveState.FAILED
        assert "Permission denied" in app.session.last_error
        assert "du har ikke lov til at skrive her" in str(app.screen.query_one("#status-line").visual)
        assert app.session.project.checklists["insist-value-measurable"].answer == "yes"
        monkeypatch.setattr(os, "replace", real_replace)
        await save_now(pilot)
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


# -- read-only files and links (issue 8) ---------------------------------------------------------------
async def test_a_read_only_file_opens_read_only_and_save_offers_save_as(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from borgerspil_tui.tui.screens.save_as import SaveAsScreen

    os.chmod(example_copy, 0o444)
    before = example_copy.read_bytes()
    app = make_app(example_copy)
    said = notices(app, monkeypatch)  # recorded when sent: a notice times out on a slow machine
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.read_only is not None
        assert any("skrivebeskyttet" in note for note in said), "said on open"
        assert "skrivebeskyttet" in str(app.screen.query_one("#status-line").visual)
        await pilot.press("1", "c", "j")  # edits are kept in memory
        assert app.session.project.checklists["focus-change"].answer == "yes"
        app._autosave()  # as the timer would
        assert example_copy.read_bytes() == before, "never saved over"
        assert app.session.state is SaveState.UNSAVED and app.session.dirty
        assert "ikke gemt" in str(app.screen.query_one("#status-line").visual)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        await pilot.press("enter")  # the suggested name: hjaelpemidler-kopi.borgerspil.yaml
        await pilot.pause()
        copy = example_copy.with_name("hjaelpemidler-kopi.borgerspil.yaml")
        assert app.session.path == copy and app.session.read_only is None
        assert app.session.state is SaveState.SAVED
    assert load_project(copy).project.checklists["focus-change"].answer == "yes"
    assert example_copy.read_bytes() == before


async def test_quitting_a_read_only_file_with_edits_asks_and_offers_save_as(example_copy: Path) -> None:
    os.chmod(example_copy, 0o444)
    before = example_copy.read_bytes()
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c", "j")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuitScreen)
        assert "skrivebeskyttet" in app.screen.message
        assert [c for c, _ in app.screen.choices] == ["save_as", "quit", "cancel"]
        await pilot.click("#choice-quit")
        await pilot.pause()
        assert app.discard_on_exit
    assert example_copy.read_bytes() == before
    assert sorted(p.name for p in example_copy.parent.iterdir()) == [example_copy.name], "and no rescue copy"


async def test_closing_a_read_only_file_with_edits_offers_save_as_and_keeps_it_open(example_copy: Path) -> None:
    from borgerspil_tui.tui.screens.save_as import SaveAsScreen

    os.chmod(example_copy, 0o444)
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c", "j")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        assert app.session is not None and app.session.dirty, "the project stays open with the edit"
        await pilot.press("enter")
        await pilot.pause()
        copy = example_copy.with_name("hjaelpemidler-kopi.borgerspil.yaml")
        assert app.session.path == copy
        await pilot.press("f4")
        await pilot.pause()
        assert app.session is None and app.screen.__class__.__name__ == "HomeScreen"
    assert load_project(copy).project.checklists["focus-change"].answer == "yes"


async def test_save_as_into_a_read_only_folder_says_so(example_copy: Path, tmp_path: Path) -> None:
    from borgerspil_tui.tui.screens.save_as import SaveAsScreen

    locked = tmp_path / "låst"
    locked.mkdir()
    os.chmod(locked, 0o555)
    app = make_app(example_copy)
    try:
        async with app.run_test(size=SIZE) as pilot:
            app.action_save_as()
            await pilot.pause()
            field = app.screen.query_one("#save-as-path")
            field.value = str(locked / "ny.borgerspil.yaml")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SaveAsScreen)
            assert "mappen er skrivebeskyttet" in str(app.screen.query_one("#save-as-error").visual)
    finally:
        os.chmod(locked, 0o755)
    assert list(locked.iterdir()) == []


async def test_saving_through_a_link_keeps_the_link_and_writes_its_target(example_copy: Path, tmp_path: Path) -> None:
    link = tmp_path / "genvej.borgerspil.yaml"
    link.symlink_to(example_copy)
    app = make_app(link)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c", "j")
        await save_now(pilot)
        assert app.session.state is SaveState.SAVED
    assert link.is_symlink() and link.resolve() == example_copy.resolve()
    assert load_project(example_copy).project.checklists["focus-change"].answer == "yes"
