"""What a workshop keeps of the day (issue 12): what each activity captured, who said it, and the
voting rounds held. Links checked, unlinked on delete (a round's total goes with its idea), merged,
and repaired on open. Headless: no screens here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.core.dangling import parse_repaired
from borgerspil_tui.core.derived import dots_per_idea
from borgerspil_tui.core.merge import merge_projects
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest, Idea, Vote
from borgerspil_tui.core.model.workshop import Activity, ActivityLog, RoundTotal, TimerState, VoteRound, Workshop
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import EditRefused, Session
from borgerspil_tui.core.storage import MODELINE, dump_project, parse_project, save_project, to_data
from borgerspil_tui.core.yaml_writer import dump_data

CPH = dt.timezone(dt.timedelta(hours=1))


def _project() -> Project:
    """Two ideas (one said by Bo), a named vote, a log that captured both, an anonymous and a named round."""
    p = Project(schema_version=1, title="Hjælpemidler")
    p.create.guests = [Guest(id="guest-bo", name="Bo")]
    p.create.ideas = [Idea(id="idea-a", title="Én indgang", said_by="guest-bo"), Idea(id="idea-b", title="Sms")]
    p.create.votes = [Vote(voter="guest-bo", idea="idea-b", dots=2)]
    p.workshops = [Workshop(
        id="workshop-day1", title="Dag 1", participants=["guest-bo"],
        agenda=[Activity(id="activity-ideas", title="Brainstorm", target="ideas"),
                Activity(id="activity-vote", title="Prikker", target="votes")],
        log=[ActivityLog(activity="activity-ideas", started=dt.datetime(2026, 5, 1, 9, tzinfo=CPH),
                         captured=["idea-a", "idea-b"])],
        rounds=[VoteRound(id="round-anon", activity="activity-vote", anonymous=True, voters=7,
                          totals=[RoundTotal(idea="idea-a", dots=9), RoundTotal(idea="idea-b", dots=4)]),
                VoteRound(id="round-named", activity="activity-vote", voters=1,
                          totals=[RoundTotal(idea="idea-b", dots=2)])])]
    return Project.model_validate(p.model_dump())


def _session(tmp_path: Path) -> Session:
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, _project())
    return Session.open(path)


def test_the_records_round_trip_byte_identically() -> None:
    text = dump_project(_project())
    assert "said_by: guest-bo" in text and "captured:" in text and "anonymous: true" in text
    assert dump_project(parse_project(text, "x.borgerspil.yaml")) == text


def test_only_anonymous_rounds_count_in_the_dots_next_to_the_votes() -> None:
    dots = dots_per_idea(_project())
    assert dots["idea-a"] == 9, "the anonymous round's total"
    assert dots["idea-b"] == 2 + 4, "the vote and the anonymous total; the named round is the vote already"


@pytest.mark.parametrize(("edit", "key"), [
    (lambda d: d["create"]["ideas"][1].update(said_by="guest-nobody"), "link.missing"),
    (lambda d: d["create"]["ideas"][1].update(said_by="idea-a"), "link.wrong_kind"),
    (lambda d: d["workshops"][0]["log"][0]["captured"].append("activity-vote"), "link.wrong_kind"),
    (lambda d: d["workshops"][0]["rounds"][0]["totals"].append({"idea": "idea-a", "dots": 1}), "link.key_twice"),
    (lambda d: d["workshops"][0]["rounds"][0]["totals"].append({"idea": "idea-gone", "dots": 1}), "link.missing"),
    (lambda d: d["workshops"][0]["rounds"][0].update(activity="activity-nothing"), "link.missing"),
])
def test_broken_records_are_refused_where_they_are(edit, key: str) -> None:  # noqa: ANN001
    data = to_data(_project())
    edit(data)
    with pytest.raises(FileProblemError) as caught:
        parse_project(MODELINE + dump_data(data), "x.borgerspil.yaml")
    assert key in {problem.key for problem in caught.value.problems}


def test_deleting_an_idea_takes_its_round_totals_log_mentions_and_votes_and_undo_brings_all_back(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.apply("delete", session.changes.remove(session.changes.path_of("idea-b")))
    workshop = session.project.workshops[0]
    assert workshop.log[0].captured == ["idea-a"]
    assert [[t.idea for t in r.totals] for r in workshop.rounds] == [["idea-a"], []]
    assert session.project.create.votes == []
    session.save()
    assert parse_project(session.path.read_text(encoding="utf-8"), "x") == session.project
    session.undo()
    assert session.project == _project()


def test_deleting_a_guest_unlinks_what_they_said_and_an_activity_unlinks_its_rounds(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.apply("delete", session.changes.remove(session.changes.path_of("guest-bo")))
    assert session.project.create.ideas[0].said_by is None
    session.apply("delete", session.changes.remove(session.changes.path_of("activity-vote")))
    assert [r.activity for r in session.project.workshops[0].rounds] == [None, None]
    session.undo()
    session.undo()
    assert session.project == _project()


def test_an_edit_cannot_credit_or_total_what_does_not_exist(tmp_path: Path) -> None:
    session = _session(tmp_path)
    with pytest.raises(EditRefused):
        session.apply("credit", session.changes.set(("create", "ideas", "idea-b", "said_by"), "guest-nobody"))
    with pytest.raises(EditRefused):
        session.apply("total", session.changes.add(("workshops", "workshop-day1", "rounds", "round-anon", "totals"),
                                                   RoundTotal(idea="idea-gone", dots=1)))
    assert session.project == _project()


def test_a_merge_drops_totals_and_mentions_of_an_idea_the_other_side_deleted() -> None:
    base = _project()
    ours = base.model_copy(deep=True)
    ours.create.ideas.pop(0)
    ours.workshops[0].log[0].captured = ["idea-b"]
    ours.workshops[0].rounds[0].totals.pop(0)
    theirs = base.model_copy(deep=True)
    theirs.workshops[0].rounds.append(VoteRound(id="round-late", anonymous=True, voters=3,
                                                totals=[RoundTotal(idea="idea-a", dots=3)]))
    result = merge_projects(base, ours, theirs)
    rounds = result.project.workshops[0].rounds
    assert [r.id for r in rounds] == ["round-anon", "round-named", "round-late"]
    assert rounds[2].totals == []
    assert [link.target for link in result.dropped_links] == ["idea-a"]
    Project.model_validate(result.project.model_dump())


def test_a_file_with_a_log_timer_or_total_for_something_deleted_opens_repaired() -> None:
    data = to_data(_project())
    workshop = data["workshops"][0]
    workshop["log"].append({"activity": "activity-gone", "notes": "x"})
    workshop["timer"] = {"activity": "activity-gone", "started": "2026-05-01T09:00:00+01:00"}
    workshop["rounds"][0]["totals"].insert(0, {"idea": "idea-gone", "dots": 5})
    workshop["log"][0]["captured"].append("obs-gone")
    project, removed = parse_repaired(MODELINE + dump_data(data), "x.borgerspil.yaml")
    assert project == _project()
    assert sorted(link.target for link in removed) == ["activity-gone", "activity-gone", "idea-gone", "obs-gone"]


def test_diff_names_the_records_by_their_titles_never_by_ids() -> None:
    from borgerspil_tui.core.describe import describe_changes
    from borgerspil_tui.core.method import load_method

    old = _project()
    new = old.model_copy(deep=True)
    new.workshops[0].rounds[0].totals[0].dots = 11
    new.workshops[0].rounds.append(VoteRound(id="round-x", anonymous=True, totals=[RoundTotal(idea="idea-a", dots=1)]))
    new.workshops[0].log[0].captured.pop()
    new.create.ideas[1].said_by = "guest-bo"
    lines = describe_changes(old, new, "da", load_method(None))
    text = "\n".join(lines)
    assert "Workshop «Dag 1» · logpost for aktiviteten «Brainstorm» · indfanget: idé «Sms» fjernet" in text
    assert "prikrunde «Prikker» · prikker i alt til idéen «Én indgang» · prikker: 9 → 11" in text
    assert "Idé «Sms» · sagt af: – → gæst «Bo»" in text
    assert not any(word in text for word in ("idea-", "guest-", "round-", "activity-", "workshop-"))
