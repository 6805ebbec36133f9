"""The journal of phones' post-its not saved yet (core/postit_journal): a post-it a phone was told
was sent survives a crash of the app before the autosave — written before the answer, cleared by
the save that holds it, taken back when the project is opened again. The last test kills a real
app (SIGKILL) right after a phone's 303 and opens the project again in a Pilot app."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import stat
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from borgerspil_tui.core.model.workshop import PostIt
from borgerspil_tui.core.postit_journal import PostitJournal, journal_path, replay
from borgerspil_tui.core.room_store import RoomStore, rooms_folder
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import load_project
from tests.app_helpers import make_app, notices, save_now, until
from tests.room_helpers import Phone
from tests.test_room_core import World, make_world, postits
from tests.test_share_screen import _share_by_keys

ROOT = Path(__file__).resolve().parent.parent
WORKSHOP = "workshop-dag"


def _wait(condition, seconds: float = 60.0) -> None:
    """Wait for ``condition`` (a generous timeout, no time asserted)."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("waited in vain")
        time.sleep(0.02)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _journal_for(world: World) -> PostitJournal:
    """The journal hooked to ``world``'s session as the app hooks it (saves clear it)."""
    journal = PostitJournal(world.session.path)
    world.session.after_save = (journal.saved,)
    return journal


def _reopen(path: Path) -> SimpleNamespace:
    """The project file opened again (a new session), as ``postits`` reads a world."""
    return SimpleNamespace(session=Session.open(path))


def _post(world: World, journal: PostitJournal, name: str, text: str) -> PostIt:
    """A phone's post-it kept by the host and journalled as the app does (before the answer)."""
    participant = world.room.join(name)
    postit = world.host.post(participant, text)
    assert journal.append(WORKSHOP, postit, participant.ident, world.session.revision)
    return postit


# -- core ----------------------------------------------------------------------------------------------
def test_a_postit_is_on_disk_before_the_answer_private_and_synced(example_copy: Path) -> None:
    world = make_world(example_copy)
    journal = _journal_for(world)
    postit = _post(world, journal, "Anna", "Kortere ventetid")
    path = journal_path(example_copy, WORKSHOP)
    assert path.parent == rooms_folder() and path.name.endswith(".journal")
    assert path.name.removesuffix(".journal") == RoomStore(example_copy, WORKSHOP).path.name.removesuffix(".json")
    # another process reads it now: written through to the OS, no buffer of ours
    (line,) = _lines(path)
    assert line["postit"]["id"] == postit.id and line["postit"]["author"] == "Anna"
    assert line["workshop"] == WORKSHOP and line["project"] == str(example_copy.resolve())
    assert line["ident"] == world.room.participants[next(iter(world.room.participants))].ident
    assert "key" not in line and world.room.participants[next(iter(world.room.participants))].key not in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    _wait(lambda: journal.syncs >= 1)  # the fsync comes, in its own thread
    journal.close()
    # a journal never goes beside the project (which goes to git)
    assert not [p for p in example_copy.parent.iterdir() if p.suffix == ".journal"]


def test_a_save_clears_only_what_its_snapshot_holds(example_copy: Path) -> None:
    world = make_world(example_copy)
    journal = _journal_for(world)
    first = _post(world, journal, "Anna", "Før gemningen")
    job = world.session.start_save()  # the save takes its snapshot …
    second = _post(world, journal, "Bo", "Under gemningen")  # … a phone posts meanwhile
    path = journal_path(example_copy, WORKSHOP)
    assert len(_lines(path)) == 2  # nothing cleared before the save has finished
    job.run()
    assert len(_lines(path)) == 2
    assert world.session.finish_save(job)
    assert [line["postit"]["id"] for line in _lines(path)] == [second.id]  # the one during the save stays
    assert first.id in example_copy.read_text(encoding="utf-8")
    assert world.session.save()
    assert not path.exists()  # all saved: the journal is gone
    journal.close()


def test_a_failed_save_clears_nothing(example_copy: Path) -> None:
    world = make_world(example_copy)
    journal = _journal_for(world)
    _post(world, journal, "Anna", "Bliver")
    example_copy.write_text(example_copy.read_text(encoding="utf-8") + "\n# ændret udefra\n", encoding="utf-8")
    assert not world.session.save()  # a change on disk: conflict, nothing written
    assert len(_lines(journal_path(example_copy, WORKSHOP))) == 1
    journal.close()


def test_replay_takes_back_what_the_project_lacks_and_drops_the_rest(example_copy: Path) -> None:
    world = make_world(example_copy)
    journal = _journal_for(world)
    saved = _post(world, journal, "Anna", "Nåede at blive gemt")
    assert world.session.save() and not journal_path(example_copy, WORKSHOP).exists()
    lost = [_post(world, journal, name, f"Fra {name}") for name in ("Bo", "Cem")]
    journal.close()  # the app dies: the session's post-its after the save are not in the file
    # the first post-it once more (a journal a crash left between the save and its clearing)
    with journal_path(example_copy, WORKSHOP).open("a", encoding="utf-8") as file:
        file.write(json.dumps({"project": str(example_copy.resolve()), "workshop": WORKSHOP, "ident": "",
                               "postit": saved.model_dump(mode="json")}) + "\n")

    again = _reopen(example_copy)  # the project opened again
    session = again.session
    assert [p.id for p in postits(again)] == [saved.id]
    undo_before = session.can_undo
    journal = PostitJournal(example_copy)
    assert replay(session, journal, "Taget med igen") == 2
    back = postits(again)
    assert [p.id for p in back] == [saved.id, *(p.id for p in lost)]
    assert [(p.author, p.text, p.activity) for p in back[1:]] == [("Bo", "Fra Bo", "activity-brain"),
                                                                  ("Cem", "Fra Cem", "activity-brain")]
    assert session.dirty and session.can_undo == undo_before  # no step of the facilitator's Ctrl+Z
    # the journal now holds just the two taken back; the save of them clears it
    assert [line["postit"]["id"] for line in _lines(journal_path(example_copy, WORKSHOP))] == [p.id for p in lost]
    session.after_save = (journal.saved,)
    assert session.save() and not journal_path(example_copy, WORKSHOP).exists()
    assert replay(session, journal, "Igen") == 0  # nothing twice
    journal.close()


def test_the_phone_owns_its_postit_again_in_the_kept_room(example_copy: Path) -> None:
    world = make_world(example_copy)
    journal = _journal_for(world)
    anna = world.room.join("Anna")
    store = RoomStore(example_copy, WORKSHOP)
    assert store.save(world.room.to_state(), 8765)  # the room as kept when Anna joined (before her post-it)
    postit = world.host.post(anna, "Min egen")
    assert journal.append(WORKSHOP, postit, anna.ident, world.session.revision)
    journal.close()
    again = _reopen(example_copy)
    assert replay(again.session, PostitJournal(example_copy), "Igen") == 1
    kept = RoomStore(example_copy, WORKSHOP).load()
    assert kept is not None and kept.port == 8765
    assert kept.room.by_ident(anna.ident).posts == [postit.id]


def test_a_half_written_last_line_and_garbage_are_skipped(example_copy: Path) -> None:
    world = make_world(example_copy)
    journal = _journal_for(world)
    kept = _post(world, journal, "Anna", "Hel linje")
    half = _post(world, journal, "Bo", "Halv linje")
    journal.close()
    path = journal_path(example_copy, WORKSHOP)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) - 25] + b"\n\xff\xfe not json\n[1, 2]\n{\"postit\": 3}\n" + data[-40:-5])
    again = _reopen(example_copy)
    assert replay(again.session, PostitJournal(example_copy), "Igen") == 1
    assert [p.id for p in postits(again)] == [kept.id] and half.id not in example_copy.read_text(encoding="utf-8")


def test_a_foreign_journal_is_never_read(example_copy: Path, tmp_path: Path) -> None:
    world = make_world(example_copy)
    journal = _journal_for(world)
    _post(world, journal, "Anna", "Fra et andet projekt")
    journal.close()
    other = tmp_path / "andet.borgerspil.yaml"
    other.write_bytes(example_copy.read_bytes())
    # the other project's journal name holds this project's lines: the path in each line says no
    line = _lines(journal_path(example_copy, WORKSHOP))[0]
    target = journal_path(other, WORKSHOP)
    again = _reopen(other)

    def tried(found: dict, mode: int = 0o600) -> int:
        target.write_text(json.dumps(found) + "\n", encoding="utf-8")
        os.chmod(target, mode)
        return replay(again.session, PostitJournal(other), "Igen")

    assert tried(line) == 0 and postits(again) == []
    ours = line | {"project": str(other.resolve())}
    assert tried(ours | {"workshop": "workshop-andet"}) == 0 and postits(again) == []  # another workshop's line
    assert tried(ours, 0o644) == 0 and postits(again) == []  # a journal others may read is not ours
    assert tried(ours) == 1 and [p.text for p in postits(again)] == ["Fra et andet projekt"]


def test_the_journal_is_bounded(example_copy: Path) -> None:
    world = make_world(example_copy)
    journal = PostitJournal(example_copy, most=3)
    posted = [_post(world, journal, f"P{n}", f"Idé {n}") for n in range(5)]
    assert [line["postit"]["id"] for line in _lines(journal_path(example_copy, WORKSHOP))] == [p.id for p in posted[2:]]
    assert stat.S_IMODE(journal_path(example_copy, WORKSHOP).stat().st_mode) == 0o600
    journal.close()


# -- the app ------------------------------------------------------------------------------------------------
async def test_the_app_journals_each_phone_postit_until_its_save(tmp_path: Path) -> None:
    path = _project_with_running_brainstorm(tmp_path)
    app = make_app(path)  # autosave in 30 s: the test saves
    async with app.run_test() as pilot:
        assert await app.start_sharing("127.0.0.1", 0)
        host, journal = app.room_host(), journal_path(path, "workshop-rum")
        first = host.post(app.sharing.room.join("Anna"), "Første")
        assert [line["postit"]["id"] for line in _lines(journal)] == [first.id]  # before post() returned
        second = host.post(app.sharing.room.join("Bo"), "Anden")
        assert [line["postit"]["text"] for line in _lines(journal)] == ["Første", "Anden"]
        assert second.id not in path.read_text(encoding="utf-8")
        await save_now(pilot)
        assert second.id in path.read_text(encoding="utf-8") and not journal.exists()
        await app.stop_sharing()


# -- for real: the app killed right after a phone's 303 --------------------------------------------------
APP = """
import asyncio, sys
from pathlib import Path
from tests.app_helpers import make_app

async def main():
    app = make_app(Path(sys.argv[1]), autosave_delay=3600.0)
    async with app.run_test(size=(120, 40)):
        assert await app.start_sharing("127.0.0.1", 0)
        print(app.sharing.server.port, app.sharing.room.code, flush=True)
        await asyncio.Event().wait()

asyncio.run(main())
"""


def _project_with_running_brainstorm(tmp_path: Path) -> Path:
    import datetime as dt

    from borgerspil_tui.core.model.workshop import TimerState
    from borgerspil_tui.core.storage import save_project
    from tests.test_share_screen import _project

    path = _project(tmp_path)
    loaded = load_project(path)
    loaded.project.workshops[-1].timer = TimerState(activity="activity-brain", started=dt.datetime.now(dt.UTC))
    save_project(path, loaded.project, loaded.fingerprint)
    return path


async def test_a_postit_sent_survives_the_app_killed_before_the_autosave(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project_with_running_brainstorm(tmp_path)
    env = os.environ | {"PYTHONPATH": str(ROOT)}  # XDG_STATE_HOME: the test's own (conftest)
    with (tmp_path / "app-stderr.txt").open("wb") as errors:
        process = await asyncio.create_subprocess_exec(sys.executable, "-c", APP, str(path), cwd=ROOT, env=env,
                                                       stdout=asyncio.subprocess.PIPE, stderr=errors)
    phone = None
    try:
        started = await asyncio.wait_for(process.stdout.readline(), 300)  # however slow the machine
        assert started, (tmp_path / "app-stderr.txt").read_text(errors="replace")
        port, code = started.decode().split()
        phone = Phone(f"http://127.0.0.1:{port}", SimpleNamespace(room=SimpleNamespace(code=code)))
        assert await phone.join("Anna") == 303
        status, _, response = await phone.send("Åbent om lørdagen")
        assert status == 303 and response.headers["Location"] == f"/room?c={code}"
        assert "Åbent om lørdagen" in await phone.room()  # the phone's list shows it: sent
        process.send_signal(signal.SIGKILL)
        assert await process.wait() == -signal.SIGKILL
        # the premise, measured: the app never saved it (no autosave in an hour)
        assert "Åbent om lørdagen" not in path.read_text(encoding="utf-8")
        assert journal_path(path, "workshop-rum").exists()

        app = make_app(path)
        said = notices(app, monkeypatch)
        async with app.run_test() as pilot:
            await until(pilot, lambda: any(p.text == "Åbent om lørdagen" for p in app.session.project.workshops[-1].postits))
            (back,) = app.session.project.workshops[-1].postits
            assert back.author == "Anna" and back.state == "new"
            await until(pilot, lambda: "1 post-it fra telefoner, der ikke nåede at blive gemt, er taget med igen" in said)
            await save_now(pilot)
            saved = load_project(path).project.workshops[-1].postits
            assert [(p.id, p.author, p.text) for p in saved] == [(back.id, "Anna", "Åbent om lørdagen")]
            assert not journal_path(path, "workshop-rum").exists()
            await _share_by_keys(pilot)  # the kept room again: the phone is Anna, and sees her post-it
            assert app.sharing.room.code == code
            phone.base = f"http://127.0.0.1:{app.sharing.server.port}"
            page = await phone.room()
            assert "Åbent om lørdagen" in page
            assert [p.text for p in app.room_host().own_postits(app.sharing.room.by_ident(
                next(iter(app.sharing.room.participants.values())).ident))] == ["Åbent om lørdagen"]
            await app.stop_sharing()
    finally:
        if phone is not None:
            await phone.http.close()
        if process.returncode is None:
            process.kill()
            await process.wait()
