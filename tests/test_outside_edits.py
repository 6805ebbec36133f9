"""Ctrl+Z and Ctrl+Y never take a phone's post-it: a phone's edit is no step of the undo history
(Session.apply(undoable=False)), and an undo or redo that would remove it, replace what holds it,
or remove what it links to is refused (UndoWouldLose) and leaves both histories as they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
from borgerspil_tui.core.outside_edits import UndoWouldLose
from borgerspil_tui.core.postit_ops import accept
from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_host import RoomHost
from borgerspil_tui.core.session import Session
from tests.app_helpers import SIZE, FakeClock, make_app, notices

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


def _day(session: Session) -> None:
    """As a facilitator builds it: a workshop with an agenda (one step), then the timer (another)."""
    workshop = Workshop(id="workshop-dag", title="Idédag", agenda=[
        Activity(id="activity-brain", title="Brainstorm", target="ideas")])
    session.apply("Dagsorden", session.changes.add(("workshops",), workshop))
    session.apply("Start", session.changes.set(("workshops", "workshop-dag", "timer"),
                                               TimerState(activity="activity-brain", started=START)))


def _postits(session: Session) -> list[str]:
    return [p.text for w in session.project.workshops for p in w.postits]


def test_undoing_the_agenda_the_postits_hang_on_is_refused_and_nothing_is_lost(example_copy: Path) -> None:
    session = Session.open(example_copy)
    _day(session)
    room = Room()
    host = RoomHost(session, room, FakeClock(START))
    for name in ("Anna", "Bo", "Carla"):
        host.post(room.join(name), f"Idé fra {name}")
    assert session.undo() == "Start"  # the timer: no post-it hangs on it
    with pytest.raises(UndoWouldLose) as refused:  # the workshop holds them: refused
        session.undo()
    assert refused.value.label == "Dagsorden"
    assert _postits(session) == ["Idé fra Anna", "Idé fra Bo", "Idé fra Carla"]
    assert [s.label for s in session.undo_steps()] == ["Dagsorden"]  # both histories as they were
    assert session.redo() == "Start" and session.project.workshops[0].timer is not None
    assert _postits(session) == ["Idé fra Anna", "Idé fra Bo", "Idé fra Carla"]


def test_undoing_and_redoing_the_facilitators_own_steps_on_a_postit_still_works(example_copy: Path) -> None:
    session = Session.open(example_copy)
    _day(session)
    room = Room()
    host = RoomHost(session, room, FakeClock(START))
    sent = host.post(room.join("Anna"), "Sms dagen før")
    workshop = session.project.workshops[0]
    session.apply("accept", accept(session.changes, session.project, workshop.id, sent.id))
    assert [i.title for i in session.project.create.ideas][-1] == "Sms dagen før"
    assert session.undo() == "accept"  # its idea goes and the post-it is new again: allowed
    assert session.project.workshops[0].postits[0].state == "new"
    assert session.redo() == "accept" and session.project.workshops[0].postits[0].state == "accepted"


async def test_ctrl_z_says_why_it_stops_and_ctrl_y_never_crashes(example_copy: Path, monkeypatch) -> None:
    app = make_app(example_copy)
    app.clock = FakeClock(START)
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        _day(app.session)
        room = Room()
        host = RoomHost(app.session, room, app.clock)
        host.post(room.join("Anna"), "Idé fra Anna")
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert _postits(app.session) == ["Idé fra Anna"]
        assert any("Dagsorden" in text and "post-its" in text for text in said), said
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y")
        await pilot.pause()
        assert app.is_running and app.session.project.workshops[0].timer is not None


def test_undoing_the_activity_a_postit_was_sent_in_is_refused(example_copy: Path) -> None:
    session = Session.open(example_copy)
    session.apply("Workshop", session.changes.add(("workshops",), Workshop(id="workshop-dag", title="Idédag")))
    session.apply("Aktivitet", session.changes.add(("workshops", "workshop-dag", "agenda"),
                                                   Activity(id="activity-brain", title="Brainstorm", target="ideas")))
    session.apply("Start", session.changes.set(("workshops", "workshop-dag", "timer"),
                                               TimerState(activity="activity-brain", started=START)))
    room = Room()
    RoomHost(session, room, FakeClock(START)).post(room.join("Anna"), "Idé")
    session.undo()
    with pytest.raises(UndoWouldLose):  # the post-it links to the activity: it would dangle
        session.undo()
    assert session.project.workshops[0].agenda and _postits(session) == ["Idé"]
