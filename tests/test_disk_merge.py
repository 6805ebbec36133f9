"""The file changed on disk while the project is open (a git pull, a colleague, a second window):
what is on disk is merged into the edits, never asked about as reload-or-overwrite, and nobody's
work is lost (core/disk_sync, tui/app_sync)."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.disk_sync import merge_from_disk
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.session import SaveState, Session
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.choice import ChoiceScreen
from borgerspil_tui.tui.screens.undo_from_disk import UndoFromDiskScreen
from tests.app_helpers import SIZE, calls, make_app, notices, until


def colleague_adds_idea(path: Path, title: str) -> None:
    """Another window (its own session on the same file) adds an idea and saves."""
    other = Session.open(path)
    other.apply("idea", other.changes.add(("create", "ideas"), Idea(title=title)))
    assert other.save()


def titles(path: Path) -> list[str]:
    return [idea.title for idea in load_project(path).project.create.ideas]


# -- core: two windows on one file ---------------------------------------------------------------------
def test_two_sessions_on_one_file_both_end_with_both_edits(example_copy: Path) -> None:
    a, b = Session.open(example_copy), Session.open(example_copy)
    a.apply("idea", a.changes.add(("create", "ideas"), Idea(title="Idé fra vindue A")))
    b.apply("idea", b.changes.add(("create", "ideas"), Idea(title="Idé fra vindue B")))
    assert a.save()
    assert not b.save() and b.state is SaveState.CONFLICT, "nothing is written over A's save"
    merged = merge_from_disk(b, lang="da")
    assert merged.outcome == "merged" and merged.saved
    reloaded = merge_from_disk(a, lang="da")
    assert reloaded.outcome == "reloaded", "A had no unsaved edits"
    for session in (a, b):
        assert {"Idé fra vindue A", "Idé fra vindue B"} <= {idea.title for idea in session.project.create.ideas}
        assert session.state is SaveState.SAVED and not session.changed_on_disk()
    assert {"Idé fra vindue A", "Idé fra vindue B"} <= set(titles(example_copy))


def test_edits_on_both_sides_after_a_merge_merge_again(example_copy: Path) -> None:
    """The base moves with each merge and save: a second round merges only what is new."""
    a, b = Session.open(example_copy), Session.open(example_copy)
    for round_ in (1, 2):
        a.apply("idea", a.changes.add(("create", "ideas"), Idea(title=f"A{round_}")))
        b.apply("idea", b.changes.add(("create", "ideas"), Idea(title=f"B{round_}")))
        assert a.save()
        assert merge_from_disk(b).outcome == "merged"
        assert merge_from_disk(a).outcome == "reloaded"
    assert [t for t in titles(example_copy) if t in ("A1", "A2", "B1", "B2")].count("A1") == 1
    assert {"A1", "A2", "B1", "B2"} <= set(titles(example_copy))
    assert a.project == b.project


def test_a_file_that_does_not_load_is_never_written_over(example_copy: Path) -> None:
    session = Session.open(example_copy)
    session.apply("idea", session.changes.add(("create", "ideas"), Idea(title="Min idé")))
    broken = example_copy.read_text("utf-8").replace("schema_version: 1", "schema_version: [", 1)
    example_copy.write_text(broken, "utf-8")
    sync = merge_from_disk(session, lang="da")
    assert sync.outcome == "unreadable" and sync.problems
    assert session.state is SaveState.CONFLICT and not session.save()
    assert example_copy.read_text("utf-8") == broken
    assert "Min idé" in [idea.title for idea in session.project.create.ideas], "the edits are kept"


# -- the app ---------------------------------------------------------------------------------------------
async def test_app_merges_a_colleagues_idea_into_its_unsaved_edit_and_undo_asks(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(example_copy, watch_interval=0.1)
    sent = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c", "j")  # an unsaved edit: the first question → yes
        assert app.session.dirty
        colleague_adds_idea(example_copy, "Kollegaens idé")
        await until(pilot, lambda: app.session.state is SaveState.SAVED and not app.session.dirty)
        assert not isinstance(app.screen, ChoiceScreen), "no reload-or-overwrite question"
        assert any("Hentet fra disk og flettet med dine ændringer" in text and "Kollegaens idé" in text
                   for text in sent)
        saved = load_project(example_copy).project
        assert "Kollegaens idé" in [idea.title for idea in saved.create.ideas]
        assert saved.checklists["readiness-competences"].answer == "yes"
        await pilot.press("ctrl+z")
        assert isinstance(app.screen, UndoFromDiskScreen), "undoing the merge asks first"
        await pilot.press("enter")  # the default keeps the colleague's work
        assert not isinstance(app.screen, UndoFromDiskScreen)
        assert "Kollegaens idé" in [idea.title for idea in app.session.project.create.ideas]
        assert not app.session.dirty


async def test_a_same_field_clash_is_recorded_and_shown_on_konflikter(example_copy: Path) -> None:
    app = make_app(example_copy, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c", "j")  # ours: readiness-competences (not answered yet) → yes
        assert app.session.project.checklists["readiness-competences"].answer == "yes"
        other = Session.open(example_copy)
        other.apply("answer", other.changes.set(("checklists", "readiness-competences"),
                                                 {"answer": "no", "note": ""}))
        assert other.save()
        await until(pilot, lambda: bool(app.session.project.conflicts))
        conflicts = app.session.project.conflicts
        assert len(conflicts) == 1 and "readiness-competences" in conflicts[0].where
        await until(pilot, lambda: getattr(app.screen, "NAME", None) == "conflicts")
        await until(pilot, lambda: not app.session.dirty)
    on_disk = load_project(example_copy).project
    assert len(on_disk.conflicts) == 1, "the conflict is recorded in the file, which stays valid"
    assert "<<<<<<<" not in example_copy.read_text("utf-8")


async def test_no_local_edits_reload_quietly(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(example_copy, watch_interval=0.1)
    sent = notices(app, monkeypatch)
    looks = calls(monkeypatch, app, "_check_disk")
    async with app.run_test(size=SIZE) as pilot:
        colleague_adds_idea(example_copy, "Ny idé fra git pull")
        theirs = example_copy.read_bytes()
        await until(pilot, lambda: "Ny idé fra git pull" in [i.title for i in app.session.project.create.ideas])
        assert not isinstance(app.screen, ChoiceScreen)
        assert app.session.state is SaveState.SAVED and not app.session.dirty
        assert any("Hentet fra disk" in text and "Ny idé fra git pull" in text for text in sent)
        reloaded = len(looks)
        await until(pilot, lambda: len(looks) >= reloaded + 3)  # the watcher looked again, however slow the machine
    assert example_copy.read_bytes() == theirs, "a reload writes nothing"


async def test_a_file_that_does_not_load_keeps_the_edits_and_is_looked_at_again(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(example_copy, watch_interval=0.1, autosave_delay=0.1)
    sent = notices(app, monkeypatch)
    looks = calls(monkeypatch, app, "_check_disk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c", "j")
        good = example_copy.read_text("utf-8")
        broken = good.replace("schema_version: 1", "schema_version: [", 1)
        example_copy.write_text(broken, "utf-8")
        await until(pilot, lambda: any("kan ikke indlæses" in text for text in sent))
        told = len(looks)
        # the autosave and the watcher have run meanwhile (waited for, not a fixed pause: a busy machine)
        await until(pilot, lambda: app._unsaved_since is None and len(looks) >= told + 3)
        await app.workers.wait_for_complete()
        assert example_copy.read_text("utf-8") == broken, "never written over"
        assert sum("kan ikke indlæses" in text for text in sent) == 1, "said once per version of the file"
        example_copy.write_text(good.replace("title: Hurtigere hjælp", "title: Rettet", 1), "utf-8")
        await until(pilot, lambda: app.session.state is SaveState.SAVED)
    saved = load_project(example_copy).project
    assert saved.title.startswith("Rettet") and saved.checklists["readiness-competences"].answer == "yes"


async def test_quitting_right_after_a_colleagues_save_merges_before_it_saves(example_copy: Path) -> None:
    app = make_app(example_copy, watch_interval=3600)  # the watcher has not looked yet
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c", "j")
        colleague_adds_idea(example_copy, "Gemt lige før")
        await pilot.press("ctrl+q")  # the app ends (nothing is asked)
    assert app.return_code == 0
    saved = load_project(example_copy).project
    assert "Gemt lige før" in [idea.title for idea in saved.create.ideas]
    assert saved.checklists["readiness-competences"].answer == "yes"
