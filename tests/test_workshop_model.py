"""Workshops in the project file (issue 12): saved and read back, links checked, unlinked on delete,
merged item by item. Headless: no screens here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.core.merge import merge_projects
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import Activity, ActivityLog, TimerState, Workshop
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import EditRefused, Session
from borgerspil_tui.core.storage import dump_project, parse_project, save_project

CPH = dt.timezone(dt.timedelta(hours=1))


def _project() -> Project:
    """A project with a team member, a guest and one workshop with two activities, a log and a timer."""
    p = Project(schema_version=1, title="Hjælpemidler")
    p.readiness.team = [TeamMember(id="member-anna", name="Anna")]
    p.create.guests = [Guest(id="guest-bo", name="Bo")]
    p.workshops = [Workshop(
        id="workshop-day1", title="Dag 1", date=dt.date(2026, 5, 1), place="Rådhuset",
        participants=["member-anna", "guest-bo"],
        agenda=[Activity(id="activity-why", title="Hvorfor?", minutes=20, target="causes", question="Hvorfor?"),
                Activity(id="activity-break", title="Pause", minutes=10)],
        log=[ActivityLog(activity="activity-why", started=dt.datetime(2026, 5, 1, 9, 0, tzinfo=CPH),
                         ended=dt.datetime(2026, 5, 1, 9, 24, 30, 250000, tzinfo=CPH), notes="Gik over tid")],
        timer=TimerState(activity="activity-break", started=dt.datetime(2026, 5, 1, 8, 25, tzinfo=dt.timezone.utc),
                         paused_at=dt.datetime(2026, 5, 1, 8, 30, tzinfo=dt.timezone.utc), paused_seconds=12.5,
                         extra_minutes=5))]
    return Project.model_validate(p.model_dump())


def test_a_workshop_round_trips_byte_identically_with_iso_times_and_zones(tmp_path: Path) -> None:
    project = _project()
    text = dump_project(project)
    assert "started: '2026-05-01T09:00:00+01:00'" in text
    assert "paused_at:" in text and "+00:00" in text
    back = parse_project(text, "x.borgerspil.yaml")
    assert back == project
    assert back.workshops[0].timer.started == dt.datetime(2026, 5, 1, 8, 25, tzinfo=dt.timezone.utc)
    assert isinstance(back.workshops[0].log[0].ended, dt.datetime)
    assert dump_project(back) == text
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, project)
    assert path.read_text(encoding="utf-8") == text


def test_a_hand_written_unquoted_time_reads_as_the_same_moment() -> None:
    text = dump_project(_project())
    by_hand = text.replace("'2026-05-01T09:00:00+01:00'", "2026-05-01 09:00:00+01:00")
    assert parse_project(by_hand, "x.borgerspil.yaml") == _project()


def test_no_workshops_writes_nothing() -> None:
    project = _project()
    project.workshops = []
    assert "workshops" not in dump_project(project)


def test_a_time_without_a_zone_is_refused_with_our_words() -> None:
    text = dump_project(_project()).replace("2026-05-01T09:00:00+01:00", "2026-05-01T09:00:00")
    with pytest.raises(FileProblemError) as caught:
        parse_project(text, "x.borgerspil.yaml")
    problem = caught.value.problems[0]
    assert problem.key == "valid.datetime"
    assert problem.line is not None and "workshops[0].log[0].started" in problem.field
    assert "tidszone" in problem.text("da")


def _problem(text: str) -> tuple[str, str, int | None]:
    with pytest.raises(FileProblemError) as caught:
        parse_project(text, "x.borgerspil.yaml")
    problem = caught.value.problems[0]
    return problem.key, problem.field, problem.line


def test_a_participant_that_does_not_exist_is_refused_where_it_is() -> None:
    text = dump_project(_project()).replace("- guest-bo", "- guest-nobody")
    key, field, line = _problem(text)
    assert (key, field) == ("link.missing", "workshops[0].participants[1]")
    assert line is not None and "guest-nobody" in text.splitlines()[line - 1]


def test_a_participant_must_be_a_person() -> None:
    text = dump_project(_project()).replace("- guest-bo", "- activity-why")
    assert _problem(text)[:2] == ("link.wrong_kind", "workshops[0].participants[1]")


def test_a_log_for_a_missing_activity_is_refused_where_it_is() -> None:
    text = dump_project(_project()).replace("  - activity: activity-why", "  - activity: activity-gone")
    key, field, line = _problem(text)
    assert (key, field) == ("link.missing", "workshops[0].log[0].activity")
    assert line is not None and "activity-gone" in text.splitlines()[line - 1]


def test_a_log_or_timer_for_another_workshops_activity_is_refused() -> None:
    project = _project()
    data = project.model_dump()
    data["workshops"].append({"id": "workshop-day2", "title": "Dag 2",
                              "agenda": [{"id": "activity-other", "title": "Andet"}],
                              "timer": {"activity": "activity-why", "started": "2026-05-02T09:00:00+02:00"}})
    with pytest.raises(ValueError, match="another workshop"):
        Project.model_validate(data)


def test_each_activity_is_logged_once() -> None:
    data = _project().model_dump()
    data["workshops"][0]["log"].append({"activity": "activity-why"})
    with pytest.raises(ValueError, match="twice"):
        Project.model_validate(data)


def _session(tmp_path: Path) -> Session:
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, _project())
    return Session.open(path)


def test_deleting_a_participant_unlinks_them_and_undo_brings_them_back(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.apply("delete", session.changes.remove(session.changes.path_of("guest-bo")))
    assert session.project.workshops[0].participants == ["member-anna"]
    session.save()
    assert parse_project(session.path.read_text(encoding="utf-8"), "x").workshops[0].participants == ["member-anna"]
    session.undo()
    assert session.project.workshops[0].participants == ["member-anna", "guest-bo"]


def test_deleting_an_activity_takes_its_log_entry_and_timer_with_it(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.apply("delete", session.changes.remove(session.changes.path_of("activity-why")))
    workshop = session.project.workshops[0]
    assert [a.id for a in workshop.agenda] == ["activity-break"] and workshop.log == []
    assert workshop.timer is not None
    session.apply("delete", session.changes.remove(session.changes.path_of("activity-break")))
    assert session.project.workshops[0].timer is None
    session.save()
    assert parse_project(session.path.read_text(encoding="utf-8"), "x") == session.project
    session.undo()
    session.undo()
    assert session.project == _project()


def test_an_edit_cannot_link_a_participant_that_does_not_exist(tmp_path: Path) -> None:
    session = _session(tmp_path)
    with pytest.raises(EditRefused):
        session.apply("link", session.changes.set(("workshops", "workshop-day1", "participants"),
                                                  ["member-anna", "guest-nobody"]))
    with pytest.raises(EditRefused):
        session.apply("log", session.changes.add(("workshops", "workshop-day1", "log"),
                                                 ActivityLog(activity="activity-nothing")))
    assert session.project == _project()


def test_two_people_adding_activities_to_one_agenda_keep_both() -> None:
    base = _project()
    ours = base.model_copy(deep=True)
    ours.workshops[0].agenda.append(Activity(id="activity-ours", title="Brainstorm"))
    theirs = base.model_copy(deep=True)
    theirs.workshops[0].agenda.insert(0, Activity(id="activity-theirs", title="Velkomst"))
    theirs.workshops[0].log.append(ActivityLog(activity="activity-theirs", notes="Kort"))
    result = merge_projects(base, ours, theirs)
    ids = [a.id for a in result.project.workshops[0].agenda]
    assert set(ids) == {"activity-theirs", "activity-why", "activity-break", "activity-ours"}
    assert ids.index("activity-theirs") < ids.index("activity-why") < ids.index("activity-ours")
    assert not result.conflicts
    assert [e.activity for e in result.project.workshops[0].log] == ["activity-why", "activity-theirs"]


def test_a_merge_drops_a_participant_the_other_side_deleted() -> None:
    base = _project()
    ours = base.model_copy(deep=True)
    ours.create.guests = []
    ours.workshops[0].participants = ["member-anna"]
    theirs = base.model_copy(deep=True)
    theirs.workshops.append(Workshop(id="workshop-day2", title="Dag 2", participants=["guest-bo", "member-anna"]))
    result = merge_projects(base, ours, theirs)
    assert [w.participants for w in result.project.workshops] == [["member-anna"], ["member-anna"]]
    assert [link.target for link in result.dropped_links] == ["guest-bo"]
    Project.model_validate(result.project.model_dump())


def test_a_merge_drops_the_log_and_timer_of_an_activity_the_other_side_deleted() -> None:
    base = _project()
    base.workshops[0].log, base.workshops[0].timer = [], None
    ours = base.model_copy(deep=True)
    ours.workshops[0].agenda.pop(0)
    theirs = base.model_copy(deep=True)
    theirs.workshops[0].log = [ActivityLog(activity="activity-why", notes="Noter")]
    theirs.workshops[0].timer = TimerState(activity="activity-why", started=dt.datetime(2026, 5, 1, 9, tzinfo=CPH))
    result = merge_projects(base, ours, theirs)
    workshop = result.project.workshops[0]
    assert [a.id for a in workshop.agenda] == ["activity-break"]
    assert workshop.log == [] and workshop.timer is None
    assert sorted(link.where for link in result.dropped_links) == [
        "workshops.workshop-day1.log.activity-why.activity", "workshops.workshop-day1.timer.activity"]
