"""Saving in a worker thread (tui/app_saving): keys are answered while a save runs, the edits made
meanwhile are kept and saved next, two saves never write at once, and quitting waits."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from borgerspil_tui.core import storage
from borgerspil_tui.core.session import SaveState, Session
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.checklist import ChecklistScreen
from borgerspil_tui.tui.screens.disk_changed import DiskChangedScreen
from tests.app_helpers import SIZE, calls, make_app, notices, until

WAIT = 30.0
"""Seconds a blocked save waits for its gate before it goes on anyway (a failing test, not a hang)."""


class SlowSaves:
    """Saves that wait at a gate, and a count of the files written (and of how many at once)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, after_write: bool = False) -> None:
        self.gate = threading.Event()
        self.started = 0
        self.writes = 0
        self.at_once = 0
        self.most_at_once = 0
        self._lock = threading.Lock()
        make, write = storage.checked_bytes, storage.atomic_write

        def slow_make(path: Path, project: object) -> bytes:
            with self._lock:
                self.started += 1
            if not after_write:
                self.gate.wait(WAIT)
            return make(path, project)

        def counted_write(path: Path, data: bytes) -> None:
            with self._lock:
                self.at_once += 1
                self.most_at_once = max(self.most_at_once, self.at_once)
            try:
                write(path, data)
                if after_write:
                    self.gate.wait(WAIT)  # the file is replaced; the session does not know yet
            finally:
                with self._lock:
                    self.at_once -= 1
                    self.writes += 1

        monkeypatch.setattr(storage, "checked_bytes", slow_make)
        monkeypatch.setattr(storage, "atomic_write", counted_write)



def status(app) -> str:  # noqa: ANN001
    return str(app.screen.query_one("#status-line").visual)


def answers(path: Path) -> dict:
    return load_project(path).project.checklists


async def test_keys_are_handled_while_a_save_runs_and_their_edits_are_saved_next(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = SlowSaves(monkeypatch)
    app = make_app(example_copy, autosave_delay=3600)  # only the saves asked for here
    notes: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, *a, **k: (notes.append(message), notify(message, *a, **k)))
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        await pilot.press("1", "c", "j")  # the first question → yes
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: slow.started == 1)
        assert session.saving
        assert "gemmer" in status(app)
        # the save is still running (held at its gate): these keys are answered now
        await pilot.press("n", "up", "e", *"Midt i gemningen", "enter")  # row 2: no, and a note
        assert session.saving and slow.writes == 0
        checklists = session.project.checklists
        assert checklists["focus-experience-first"].answer == "no"
        assert checklists["focus-experience-first"].note == "Midt i gemningen"
        slow.gate.set()
        await until(pilot, lambda: not session.saving)
        saved = answers(example_copy)
        assert saved["focus-change"].answer == "yes"
        assert "focus-experience-first" not in saved, "the save wrote its snapshot, not later edits"
        assert session.state is SaveState.UNSAVED and "ikke gemt" in status(app)
        assert "Gemt" in notes  # recorded when sent: a notice times out on a slow machine
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not session.saving and not session.dirty)
        assert session.state is SaveState.SAVED and "gemt" in status(app)
    saved = answers(example_copy)
    assert saved["focus-experience-first"].answer == "no"
    assert saved["focus-experience-first"].note == "Midt i gemningen"
    assert slow.writes == 2 and slow.most_at_once == 1


async def test_a_save_asked_for_during_a_save_runs_once_after_it(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = SlowSaves(monkeypatch)
    app = make_app(example_copy, autosave_delay=3600)  # only the saves asked for here
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        await pilot.press("1", "c", "j", "ctrl+s")
        await until(pilot, lambda: slow.started == 1)
        await pilot.press("p", "ctrl+s", "ctrl+s")  # row 2: partly
        app._autosave()  # as the timer would
        assert slow.started == 1, "no second save while the first runs"
        slow.gate.set()
        await until(pilot, lambda: not session.saving and not session.dirty)
        await pilot.pause()
        assert slow.started == 2 and slow.writes == 2, "the saves asked for meanwhile: one save after"
        assert slow.most_at_once == 1
        assert session.state is SaveState.SAVED
    assert answers(example_copy)["focus-experience-first"].answer == "partly"


async def test_a_save_asked_for_during_a_save_is_not_made_when_that_save_wrote_everything(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = SlowSaves(monkeypatch)
    app = make_app(example_copy, autosave_delay=3600)  # only the saves asked for here
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        await pilot.press("1", "c", "j", "ctrl+s")
        await until(pilot, lambda: slow.started == 1)
        await pilot.press("ctrl+s")
        slow.gate.set()
        await until(pilot, lambda: not session.saving)
        await pilot.pause()
        assert session.state is SaveState.SAVED
        assert slow.writes == 1


async def test_quitting_during_a_save_waits_for_it_and_saves_the_last_edit(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = SlowSaves(monkeypatch)
    quitting = threading.Event()
    save = Session.save

    def save_on_quit(self: Session, **options: bool) -> bool:
        quitting.set()  # the quit's own save begins while the worker's is still held
        return save(self, **options)

    monkeypatch.setattr(Session, "save", save_on_quit)
    threading.Thread(target=lambda: quitting.wait(WAIT) and slow.gate.set(), daemon=True).start()
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        await pilot.press("1", "c", "j", "ctrl+s")
        await until(pilot, lambda: slow.started == 1)
        await pilot.press("e", *"Sidste ord", "enter")  # a note on row 2
        assert session.saving and not slow.gate.is_set()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code is not None or not app.is_running
    saved = answers(example_copy)
    assert saved["focus-change"].answer == "yes"
    assert saved["focus-experience-first"].note == "Sidste ord"
    assert slow.writes == 2 and slow.most_at_once == 1
    assert not session.dirty


async def test_the_app_ending_during_a_save_waits_for_it(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = SlowSaves(monkeypatch)
    wait = Session.wait_for_save

    def waiting(self: Session) -> None:
        if self.saving:
            slow.gate.set()  # the app's end waits for the running save: let it finish now
        wait(self)

    monkeypatch.setattr(Session, "wait_for_save", waiting)
    app = make_app(example_copy, autosave_delay=3600)
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        await pilot.press("1", "c", "j", "ctrl+s")
        await until(pilot, lambda: slow.started == 1)
        assert session.saving
    # the app ended without the quit command (no save of its own): the running save was waited for
    assert not session.saving and session.state is SaveState.SAVED
    assert answers(example_copy)["focus-change"].answer == "yes"


async def test_our_own_save_replacing_the_file_is_not_taken_for_a_change_on_disk(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = SlowSaves(monkeypatch, after_write=True)
    app = make_app(example_copy, watch_interval=0.05)
    looks = calls(monkeypatch, app, "_check_disk")
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        await pilot.press("1", "c", "j", "ctrl+s")
        await until(pilot, lambda: slow.writes == 0 and slow.at_once == 1)  # written, not yet known
        written = len(looks)
        await until(pilot, lambda: len(looks) >= written + 3)  # the disk watcher looks several times meanwhile
        slow.gate.set()
        await until(pilot, lambda: not session.saving)
        saved = len(looks)
        await until(pilot, lambda: len(looks) >= saved + 3)  # … and after the save (waited for: a busy machine)
        assert not isinstance(app.screen, DiskChangedScreen)
        assert session.state is SaveState.SAVED


async def test_a_failed_save_in_the_worker_says_why_as_before(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, data: bytes) -> None:
        raise storage.SaveError.of(path, "file.disk_full")

    monkeypatch.setattr(storage, "atomic_write", broken)
    app = make_app(example_copy)
    said = notices(app, monkeypatch)  # recorded when sent: a notice times out on a slow machine
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        await pilot.press("1", "c", "j", "ctrl+s")
        await until(pilot, lambda: session.state is SaveState.FAILED)
        await pilot.pause()
        assert "KUNNE IKKE GEMME" in status(app) and "plads på disken" in status(app)
        assert any("Kunne ikke gemme" in note for note in said)


def test_a_save_taken_in_twice_changes_nothing_the_second_time(example_copy: Path) -> None:
    session = Session.open(example_copy)
    session.apply("edit", session.changes.set(("title",), "Første"))
    job = session.start_save()
    assert job is not None
    worker = threading.Thread(target=job.run)
    worker.start()
    session.apply("edit", session.changes.set(("title",), "Anden"))
    assert session.save()  # waits for the worker's save, then saves the second edit
    worker.join()
    assert not session.dirty and session.state is SaveState.SAVED
    fingerprint = session.fingerprint
    session.finish_save(job)  # the app takes the worker's outcome in late: it is old news
    assert not session.dirty and session.fingerprint == fingerprint
    assert session.save()  # no conflict with our own file
    assert load_project(example_copy).project.title == "Anden"


def test_a_save_that_waited_for_a_running_save_that_wrote_everything_writes_nothing_more(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session.open(example_copy)
    session.apply("edit", session.changes.set(("title",), "Første"))
    job = session.start_save()
    assert job is not None
    job.run()
    writes = []
    monkeypatch.setattr(storage, "atomic_write", lambda path, data: writes.append(path))
    assert session.save()
    assert writes == [] and session.state is SaveState.SAVED


def test_a_save_now_never_waits_for_a_worker_that_has_not_started(example_copy) -> None:  # noqa: ANN001
    """A stop signal saves on the UI thread at the moment a background save was begun but its
    worker (scheduled on that same thread) has not run: the save runs the job itself."""
    import threading

    from borgerspil_tui.core.session import Session

    session = Session.open(example_copy)
    session.apply("t", session.changes.set(("title",), "Gemt nu"))
    job = session.start_save()  # begun; its worker never comes
    assert job is not None
    finished: list[bool] = []
    saver = threading.Thread(target=lambda: finished.append(session.save()), daemon=True)
    saver.start()
    saver.join(20)
    assert finished == [True], "save() waited for a worker that never ran"
    assert "title: Gemt nu" in example_copy.read_text(encoding="utf-8")
    job.run()  # the worker, late: the job is done already and runs nothing again
    assert session.finish_save(job) and not session.dirty
