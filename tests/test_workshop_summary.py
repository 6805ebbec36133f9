"""The workshop summary (core/workshop_summary and its words): plan against what happened per
activity, what each captured (a deleted item skipped), the rounds ranked, the day's totals, in the
workshop's local time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest, Idea
from borgerspil_tui.core.model.experience import Insight
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import (
    Activity,
    ActivityLog,
    RoundTotal,
    TimerState,
    VoteRound,
    Workshop,
)
from borgerspil_tui.core.workshop_summary import summarise
from borgerspil_tui.core.workshop_summary_words import (
    bar,
    counts_text,
    difference_text,
    item_line,
    round_head,
    time_span,
    totals_lines,
)

CPH = ZoneInfo("Europe/Copenhagen")


def utc(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 5, 1, hour, minute, second, tzinfo=dt.UTC)


def day_project() -> Project:
    """Four activities: one overran by 7 minutes, one saved 3, one runs now, a break never held;
    a captured item since deleted; a round whose one idea was deleted."""
    project = Project(schema_version=1, title="Ventetid")
    project.readiness.team = [TeamMember(id="person-anna", name="Anna Holm")]
    project.create.guests = [Guest(id="guest-bo", name="Bo")]
    project.focus.causes = [TreeNode(id="node-c1", text="Lang ventetid", said_by="person-anna",
                                     children=[TreeNode(id="node-c2", text="Skemaer")])]
    project.experience.insights = [Insight(id="insight-i1", statement="Borgerne ringer igen")]
    project.create.ideas = [Idea(id="idea-sms", title="Sms", said_by="guest-bo"), Idea(id="idea-hent", title="Hent selv"),
                            Idea(id="idea-app", title="App")]
    workshop = Workshop(
        id="workshop-w1", title="Dag 1", date=dt.date(2026, 5, 1), place="Rådhuset",
        participants=["person-anna", "guest-bo"],
        agenda=[Activity(id="activity-tree", title="Problemtræ", minutes=30, target="causes"),
                Activity(id="activity-brain", title="Brainstorm", minutes=15, target="ideas"),
                Activity(id="activity-vote", title="Prikstemme", minutes=10, target="votes"),
                Activity(id="activity-pause", title="Pause", minutes=10)],
        log=[ActivityLog(activity="activity-tree", started=utc(7, 0), ended=utc(7, 37),
                         captured=["node-c1", "node-c2", "insight-i1"], notes="Godt"),
             ActivityLog(activity="activity-brain", started=utc(7, 37), ended=utc(7, 49, 10),
                         captured=["idea-sms", "idea-hent", "idea-app"])],
        timer=TimerState(activity="activity-vote", started=utc(7, 50)),
        rounds=[VoteRound(id="round-r1", activity="activity-vote", held=utc(7, 58), anonymous=True, voters=2,
                          dots_per_person=3, most_per_idea=2,
                          totals=[RoundTotal(idea="idea-app", dots=1), RoundTotal(idea="idea-hent", dots=2),
                                  RoundTotal(idea="idea-sms", dots=2)])])
    project.workshops = [workshop]
    # what a file cannot hold (the model unlinks on delete) but the summary must survive: in place
    workshop.log[0].captured.insert(1, "node-gone")
    workshop.rounds[0].totals.append(RoundTotal(idea="idea-old", dots=1))
    return project


def test_plan_against_what_happened_per_activity() -> None:
    project = day_project()
    summary = summarise(project, project.workshops[0], now=utc(8, 2), zone=CPH)
    tree, brain, vote, pause = summary.activities
    assert [a.status for a in summary.activities] == ["done", "done", "running", "not-held"]
    assert (tree.planned, tree.actual, tree.difference) == (30, 37, 7)  # an overrun is positive
    assert (brain.planned, brain.actual, brain.difference) == (15, 12, -3)  # time saved is negative
    assert (vote.actual, vote.difference) == (12, None)  # so far, from the timer
    assert (pause.start, pause.end, pause.actual, pause.difference) == (None, None, None, None)
    assert tree.start.isoformat() == "2026-05-01T09:00:00+02:00"  # local time of the day
    assert [time_span(a, "da") for a in summary.activities] == ["09:00–09:37", "09:37–09:49", "09:50–nu", "—"]
    assert [difference_text(a, "en") for a in summary.activities] == [
        "+7 min overrun", "−3 min saved", "still running, 12 min so far", "not held"]
    assert difference_text(tree, "da") == "+7 min over tiden"
    assert tree.notes == "Godt"


def test_captured_items_with_their_kind_and_who_said_them_a_deleted_one_skipped() -> None:
    project = day_project()
    tree, brain, _vote, _pause = summarise(project, project.workshops[0], zone=CPH).activities
    assert [(c.id, c.kind, c.text, c.said_by) for c in tree.captured] == [
        ("node-c1", "cause", "Lang ventetid", "Anna Holm"), ("node-c2", "cause", "Skemaer", None),
        ("insight-i1", "insight", "Borgerne ringer igen", None)]
    assert item_line(tree.captured[0], "da") == "Årsag: Lang ventetid — sagt af Anna Holm"
    assert item_line(brain.captured[0], "en") == "Idea: Sms — said by Bo"
    assert item_line(tree.captured[1], "en") == "Cause: Skemaer"


def test_rounds_ranked_ties_share_a_place_a_deleted_idea_kept_as_such() -> None:
    project = day_project()
    summary = summarise(project, project.workshops[0], zone=CPH)
    (round_,) = summary.rounds
    assert [(t.rank, t.idea, t.title, t.dots) for t in round_.totals] == [
        (1, "idea-sms", "Sms", 2), (1, "idea-hent", "Hent selv", 2), (3, "idea-app", "App", 1),
        (3, "idea-old", None, 1)]
    assert round_head(round_, "en") == ("Round 1 · during Prikstemme · at 09:58 · anonymous · 3 dots per person"
                                        " · at most 2 per idea · 2 people voted")
    assert "1 person stemte" in round_head(round_.__class__(**{**round_.__dict__, "voters": 1}), "da")
    assert bar(2, 2, 10) == "█" * 10 and bar(1, 2, 10) == "█" * 5 and bar(1, 100, 10) == "█" and bar(0, 2) == ""


def test_the_days_totals() -> None:
    project = day_project()
    summary = summarise(project, project.workshops[0], zone=CPH)
    assert (summary.planned, summary.held_planned, summary.actual) == (65, 45, 49)
    assert summary.counts == {"cause": 2, "insight": 1, "idea": 3}
    assert counts_text(summary, "en") == "2 causes, 1 insight, 3 ideas"
    assert totals_lines(summary, "da") == [
        "Planlagt i alt: 65 min", "Brugt: 49 min på 2 afholdte aktiviteter, der var sat til 45 min",
        "Indfanget i alt: 2 årsager, 1 indsigt, 3 idéer"]
    assert summary.participants == ["Anna Holm", "Bo"]


def test_an_empty_workshop_and_a_running_activity_without_a_clock() -> None:
    project = day_project()
    empty = summarise(project, Workshop(title="Tom"), zone=CPH)
    assert (empty.activities, empty.rounds, empty.planned, empty.actual) == ([], [], 0, 0)
    assert counts_text(empty, "da") == "Intet blev indfanget."
    vote = summarise(project, project.workshops[0], zone=CPH).activities[2]
    assert vote.status == "running" and vote.actual is None and difference_text(vote, "da") == "i gang"


def test_a_log_entry_started_but_not_ended_is_running_and_times_in_another_zone() -> None:
    project = day_project()
    workshop = project.workshops[0]
    workshop.timer = None
    workshop.log.append(ActivityLog(activity="activity-vote", started=dt.datetime.fromisoformat(
        "2026-05-01T09:50:00+02:00")))
    vote = summarise(project, workshop, now=utc(8, 0), zone=dt.UTC).activities[2]
    assert (vote.status, vote.actual, time_span(vote, "en")) == ("running", 10, "07:50–now")


@pytest.mark.parametrize("seconds", [29, 31])
def test_minutes_are_rounded(seconds: int) -> None:
    project = day_project()
    project.workshops[0].log[0].ended = utc(7, 37, seconds)
    tree = summarise(project, project.workshops[0], zone=CPH).activities[0]
    assert tree.difference == (7 if seconds < 30 else 8)


def test_deleting_a_captured_idea_in_the_app_takes_it_out_of_the_activity_and_the_round(tmp_path) -> None:
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.storage import save_project

    project = day_project()
    workshop = project.workshops[0]
    workshop.log[0].captured.remove("node-gone")  # a file holds only what exists
    workshop.rounds[0].totals.pop()
    path = tmp_path / "w.borgerspil.yaml"
    save_project(path, project)
    session = Session.open(path)
    session.apply("slet", session.changes.remove(session.changes.path_of("idea-sms")))
    summary = summarise(session.project, session.project.workshops[0], zone=CPH)
    assert [c.id for c in summary.activities[1].captured] == ["idea-hent", "idea-app"]
    assert [(t.rank, t.idea, t.dots) for t in summary.rounds[0].totals] == [(1, "idea-hent", 2), (2, "idea-app", 1)]
    assert summary.counts == {"cause": 2, "insight": 1, "idea": 2}
