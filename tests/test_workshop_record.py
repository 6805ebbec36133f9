"""What the workshop's tools leave in the project (core/workshop_record): captured items noted in
the running activity's log in the same step, and voting rounds kept in the workshop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from borgerspil_tui.core.changes import AddItem, SetValue
from borgerspil_tui.core.derived import dots_per_idea
from borgerspil_tui.core.model.create import Idea, Vote
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import (
    Activity,
    ActivityLog,
    TimerState,
    Workshop,
)
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import save_project
from borgerspil_tui.core.workshop_record import (
    captured_changes,
    round_changes,
    round_workshop,
    running,
    target_of,
)
from borgerspil_tui.core.workshop_vote import VotingRound

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


def _session(tmp_path: Path, *, timer: bool = True, workshops: int = 1, name: str = "d") -> Session:
    project = Project(schema_version=1, title="Dag")
    project.readiness.team = [TeamMember(id="person-anna", name="Anna"), TeamMember(id="person-bo", name="Bo")]
    project.create.ideas = [Idea(id="idea-sms", title="Sms"), Idea(id="idea-app", title="App")]
    project.create.votes = [Vote(voter="person-bo", idea="idea-app", dots=1)]
    project.workshops = [Workshop(id=f"workshop-{n}", title=f"Dag {n}",
                                  agenda=[Activity(id=f"activity-{n}-one", title="Et", target="ideas"),
                                          Activity(id=f"activity-{n}-two", title="To")])
                         for n in range(workshops)]
    if timer:
        project.workshops[0].timer = TimerState(activity="activity-0-one", started=START)
    path = tmp_path / f"{name}.borgerspil.yaml"
    save_project(path, project)
    return Session.open(path)


def _round(anonymous: bool) -> VotingRound:
    vote = VotingRound(["person-anna", "person-bo"], ["idea-sms", "idea-app"], 3, 2, anonymous=anonymous)
    vote.give("person-anna", "idea-sms")
    vote.give("person-anna", "idea-sms")
    vote.give("person-bo", "idea-sms")
    vote.reveal()
    return vote


def test_the_running_activity_and_where_a_round_is_kept(tmp_path: Path) -> None:
    session = _session(tmp_path, workshops=2)
    workshop, activity = running(session.project)
    assert (workshop.id, activity.id) == ("workshop-0", "activity-0-one")
    assert round_workshop(session.project).id == "workshop-0"  # the running one, not the last
    idle = _session(tmp_path, timer=False, workshops=2, name="b")
    assert running(idle.project) is None
    assert round_workshop(idle.project).id == "workshop-1"
    assert target_of(("focus", "causes", "node-a", "children", "node-b")) == "causes"
    assert target_of(("create", "votes", "x")) is None


def test_captured_items_go_in_a_new_log_entry_then_the_same_one_each_one_step(tmp_path: Path) -> None:
    session = _session(tmp_path)
    builder = session.changes
    first = Idea(title="Første")
    changes = builder.add(("create", "ideas"), first)
    changes += captured_changes(builder, session.project.workshops[0], [first.id])
    assert isinstance(changes[-1], AddItem)  # no entry yet: one started when the timer started
    session.apply("capture", changes)
    assert session.project.workshops[0].log == [ActivityLog(activity="activity-0-one", started=START,
                                                            captured=[first.id])]
    second = Idea(title="Anden")
    changes = session.changes.add(("create", "ideas"), second)
    changes += captured_changes(session.changes, session.project.workshops[0], [second.id])
    assert isinstance(changes[-1], SetValue)
    session.apply("capture", changes)
    assert session.project.workshops[0].log[0].captured == [first.id, second.id]
    session.undo()  # the item and its mention go together
    assert [i.title for i in session.project.create.ideas] == ["Sms", "App", "Første"]
    assert session.project.workshops[0].log[0].captured == [first.id]
    session.apply("delete", session.changes.remove(session.changes.path_of(first.id)))
    assert session.project.workshops[0].log[0].captured == []  # a deleted item leaves the log
    idle = session.project.model_copy(deep=True).workshops[0]
    idle.timer = None
    assert captured_changes(session.changes, idle, ["idea-sms"]) == []


def test_an_anonymous_round_is_kept_as_totals_only(tmp_path: Path) -> None:
    session = _session(tmp_path)
    changes = round_changes(session.project, _round(True), START)
    assert [type(c) for c in changes] == [AddItem] and changes[0].at == ("workshops", "workshop-0", "rounds")
    session.apply("round", changes)
    (held,) = session.project.workshops[0].rounds
    assert (held.activity, held.held, held.anonymous, held.voters) == ("activity-0-one", START, True, 2)
    assert session.project.create.votes == [Vote(voter="person-bo", idea="idea-app", dots=1)]
    assert dots_per_idea(session.project) == {"idea-sms": 3, "idea-app": 1}
    bare = _session(tmp_path, timer=False, workshops=0, name="b")
    assert round_changes(bare.project, _round(True), START) == []  # nowhere to keep it


def test_a_named_round_is_votes_and_a_round_in_one_step(tmp_path: Path) -> None:
    session = _session(tmp_path, timer=False, workshops=2)
    session.apply("round", round_changes(session.project, _round(False), START))
    votes = {(v.voter, v.idea): v.dots for v in session.project.create.votes}
    assert votes == {("person-anna", "idea-sms"): 2, ("person-bo", "idea-sms"): 1}  # Bo's new say
    (held,) = session.project.workshops[1].rounds  # no activity runs: the last workshop
    assert held.activity is None and not held.anonymous
    assert dots_per_idea(session.project) == {"idea-sms": 3}  # counted once, as votes
    session.undo()
    assert session.project.workshops[1].rounds == []
    assert session.project.create.votes == [Vote(voter="person-bo", idea="idea-app", dots=1)]
    bare = _session(tmp_path, timer=False, workshops=0, name="b")
    bare.apply("round", round_changes(bare.project, _round(False), START))
    assert len(bare.project.create.votes) == 2 and bare.project.workshops == []
