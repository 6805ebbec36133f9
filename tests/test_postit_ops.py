"""The facilitator's handling of post-its from phones (core/postit_ops), through a real session:
post-its arrive through RoomHost.post as from a phone; accept into each capture target (credit by
the author's name among the workshop's own participants only, noted in the running activity's
log), merge (dedupe, join, cut), hide/unhide, edit-and-take-in (the post-it keeps the participant's
words; refused in our words), and each one undoable step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model.create import Guest
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
from borgerspil_tui.core.postit_ops import (
    PostItRefused,
    accept,
    hide,
    joined,
    merge,
    unhide,
)
from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_host import RoomHost
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.core.workshop_capture import LINE_LIMIT
from tests.app_helpers import FakeClock

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
TARGETS = ["causes", "consequences", "observations", "insights", "ideas", "what_ifs"]
W = "workshop-dag"


def _session(tmp_path: Path, running: str = "activity-ideas",
             participants: tuple[str, ...] = ("guest-bo", "person-anna")) -> Session:
    project = Project(schema_version=1, title="Værksted")
    project.readiness.team = [TeamMember(id="person-anna", name="Anna Holm"),
                              TeamMember(id="person-bo", name="Bo Team")]
    project.create.guests = [Guest(id="guest-bo", name="Bo")]
    agenda = [Activity(id=f"activity-{t.replace('_', '-')}", title=t, target=t) for t in TARGETS]
    agenda.append(Activity(id="activity-break", title="Kaffe"))
    project.workshops = [Workshop(id=W, title="Dag", participants=list(participants), agenda=agenda,
                                  timer=TimerState(activity=running, started=START))]
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, project)
    return Session.open(path)


def _post(session: Session, name: str, text: str):
    host = RoomHost(session, Room(), FakeClock(START))
    return host.post(Room(allow_anonymous=True).join(name), text)


def _run(session: Session, activity: str) -> None:
    session.apply("timer", session.changes.set(("workshops", W, "timer"),
                                               TimerState(activity=activity, started=START)))


def _accept(session: Session, postit_id: str) -> None:
    session.apply("accept", accept(session.changes, session.project, W, postit_id))


def _workshop(session: Session) -> Workshop:
    return session.project.workshops[0]


@pytest.mark.parametrize("target", TARGETS)
def test_accept_into_each_target_noted_in_the_running_activity(tmp_path: Path, target: str) -> None:
    activity = f"activity-{target.replace('_', '-')}"
    session = _session(tmp_path, running=activity)
    postit = _post(session, "Anna", "[bold]x[/] <script>")
    _accept(session, postit.id)
    workshop = _workshop(session)
    kept = workshop.postits[0]
    assert (kept.state, kept.text) == ("accepted", "[bold]x[/] <script>")
    item = session.changes.get(session.changes.path_of(kept.item))
    field = {"causes": "text", "consequences": "text", "observations": "what", "insights": "statement",
             "ideas": "title", "what_ifs": "question"}[target]
    assert getattr(item, field) == "[bold]x[/] <script>"
    assert item.said_by == "person-anna"  # "Anna": the only participant Anna (by first name)
    assert workshop.log[0].activity == activity and workshop.log[0].captured == [item.id]


def test_accept_credits_a_participant_first_and_nobody_for_anonymous(tmp_path: Path) -> None:
    session = _session(tmp_path)
    bo = _post(session, "bo", "Sms dagen før")  # Bo the guest takes part: him, not Bo Team
    anon = _post(session, "", "Fast kontakt")
    stranger = _post(session, "Zoe", "Hent selv")
    for postit in (bo, anon, stranger):
        _accept(session, postit.id)
    assert [(i.title, i.said_by) for i in session.project.create.ideas] == [
        ("Sms dagen før", "guest-bo"), ("Fast kontakt", None), ("Hent selv", None)]


def test_accept_is_one_step_and_undo_brings_the_post_it_back_as_new(tmp_path: Path) -> None:
    session = _session(tmp_path)
    postit = _post(session, "Anna", "Sms")
    _accept(session, postit.id)
    session.undo()
    workshop = _workshop(session)
    assert session.project.create.ideas == [] and workshop.log == []
    assert (workshop.postits[0].state, workshop.postits[0].item) == ("new", None)
    session.redo()
    assert _workshop(session).postits[0].state == "accepted"


def test_not_running_activity_only_adds_and_a_gone_activity_goes_to_ideas(tmp_path: Path) -> None:
    session = _session(tmp_path, running="activity-causes")
    postit = _post(session, "Anna", "Lang ventetid")
    _run(session, "activity-ideas")  # another activity runs now
    _accept(session, postit.id)
    assert [n.text for n in session.project.focus.causes] == ["Lang ventetid"]
    assert _workshop(session).log == []  # the causes' activity is not running: nothing noted
    second = _post(session, "Anna", "Sms")
    session.apply("delete", session.changes.remove(("workshops", W, "agenda", "activity-ideas")))
    assert _workshop(session).postits[1].activity is None
    _accept(session, second.id)
    assert [i.title for i in session.project.create.ideas] == ["Sms"]


def test_an_accepted_one_is_not_taken_again_until_its_item_is_deleted(tmp_path: Path) -> None:
    session = _session(tmp_path)
    postit = _post(session, "Anna", "Sms")
    _accept(session, postit.id)
    for refused in (lambda: accept(session.changes, session.project, W, postit.id),
                    lambda: hide(session.changes, session.project, W, postit.id),
                    lambda: accept(session.changes, session.project, W, postit.id, text="ny")):
        with pytest.raises(PostItRefused) as error:
            refused()
        assert tr("da", error.value.message.key).endswith("i stedet")
    idea = session.project.create.ideas[0]
    session.apply("delete", session.changes.remove(("create", "ideas", idea.id)))
    assert _workshop(session).postits[0].item is None
    _accept(session, postit.id)  # open again
    assert [i.title for i in session.project.create.ideas] == ["Sms"]


def test_merge_dedupes_joins_credits_and_marks(tmp_path: Path) -> None:
    session = _session(tmp_path)
    ids = [_post(session, "Bo", text).id for text in ("Sms dagen før", "sms  DAGEN før", "Ring op")]
    session.apply("merge", merge(session.changes, session.project, W, ids))
    [idea] = session.project.create.ideas
    assert idea.title == "Sms dagen før / Ring op" and idea.said_by == "guest-bo"
    workshop = _workshop(session)
    assert [(p.state, p.item) for p in workshop.postits] == [
        ("accepted", idea.id), ("merged", idea.id), ("merged", idea.id)]
    assert workshop.log[0].captured == [idea.id]
    session.undo()  # one step
    assert session.project.create.ideas == [] and {p.state for p in _workshop(session).postits} == {"new"}


def test_merge_of_different_authors_credits_nobody_and_cuts_an_idea_as_capture(tmp_path: Path) -> None:
    session = _session(tmp_path)
    long = ["ord " * 100, "andet " * 70]  # joined: over the line limit
    ids = [_post(session, "Bo", long[0]).id, _post(session, "Anna", long[1]).id]
    session.apply("merge", merge(session.changes, session.project, W, ids))
    [idea] = session.project.create.ideas
    assert idea.said_by is None
    assert len(idea.title) <= LINE_LIMIT and idea.title.startswith("ord ord")
    assert f"{idea.title} {idea.description}" == joined([long[0], long[1]])
    with pytest.raises(PostItRefused):
        merge(session.changes, session.project, W, [ids[0]])


def test_joined_keeps_one_of_each_and_cuts_at_the_text_limit() -> None:
    assert joined(["A b", "a  B", " ", "c"]) == "A b / c"
    assert len(joined([f"tekst {n} " + "x" * 480 for n in range(50)])) <= 20_000


def test_hide_unhide_and_accepting_a_hidden_one(tmp_path: Path) -> None:
    session = _session(tmp_path)
    postit = _post(session, "Anna", "<script>alert(1)</script>")
    session.apply("hide", hide(session.changes, session.project, W, postit.id))
    assert _workshop(session).postits[0].state == "hidden"
    session.apply("unhide", unhide(session.changes, session.project, W, postit.id))
    assert _workshop(session).postits[0].state == "new"
    session.undo()
    assert _workshop(session).postits[0].state == "hidden"
    _accept(session, postit.id)
    assert _workshop(session).postits[0].state == "accepted"


def test_credit_only_among_the_workshops_own_participants(tmp_path: Path) -> None:
    """A citizen's phone named "Jonas" is not the team's Jonas Friis (the workshop day's bug)."""
    session = _session(tmp_path, participants=())  # a workshop without participants: nobody credited
    session.apply("team", session.changes.add(("readiness", "team"), TeamMember(id="person-jonas", name="Jonas Friis")))
    ids = [_post(session, name, f"Idé fra {name}").id for name in ("Jonas", "Anna Holm", "Bo")]
    for ident in ids:
        _accept(session, ident)
    session.apply("merge", merge(session.changes, session.project, W,
                                 [_post(session, "Jonas", t).id for t in ("x", "y")]))
    assert [i.said_by for i in session.project.create.ideas] == [None, None, None, None]

    (tmp_path / "b").mkdir()
    session = _session(tmp_path / "b", participants=("guest-bo",))  # Anna Holm is team, not taking part
    anna, bo = _post(session, "Anna", "Sms"), _post(session, "Bo", "Ring op")
    _accept(session, anna.id)
    _accept(session, bo.id)
    assert [i.said_by for i in session.project.create.ideas] == [None, "guest-bo"]


def test_edit_and_take_in_keeps_the_participants_words(tmp_path: Path) -> None:
    session = _session(tmp_path)
    postit = _post(session, "Anna", "Smss dagn før")
    session.apply("edit", accept(session.changes, session.project, W, postit.id, text="  Sms   dagen før "))
    [idea] = session.project.create.ideas
    kept = _workshop(session).postits[0]
    assert (kept.text, kept.state, kept.item) == ("Smss dagn før", "accepted", idea.id)  # their words stay
    assert (idea.title, idea.said_by) == ("Sms dagen før", "person-anna")
    assert _workshop(session).log[0].captured == [idea.id]
    session.save()
    saved = load_project(session.path).project
    assert saved.workshops[0].postits[0].text == "Smss dagn før" and saved.create.ideas[0].title == "Sms dagen før"
    session.undo()  # one step
    assert session.project.create.ideas == [] and _workshop(session).postits[0].state == "new"
    for text, key in (("   ", "postit.empty"), ("x" * 501, "valid.text_too_long"), ("a\x07b", "valid.control_character")):
        with pytest.raises(PostItRefused) as error:
            accept(session.changes, session.project, W, postit.id, text=text)
        assert error.value.message.key == key, text
    assert session.project.create.ideas == [] and _workshop(session).postits[0].text == "Smss dagn før"


def test_the_file_keeps_what_was_done(tmp_path: Path) -> None:
    session = _session(tmp_path)
    ids = [_post(session, "Anna", t).id for t in ("a", "b", "c")]
    _accept(session, ids[0])
    session.apply("hide", hide(session.changes, session.project, W, ids[1]))
    session.save()
    kept = load_project(session.path).project.workshops[0].postits
    assert [(p.text, p.state, p.author) for p in kept] == [("a", "accepted", "Anna"), ("b", "hidden", "Anna"),
                                                           ("c", "new", "Anna")]
    assert kept[0].item == load_project(session.path).project.create.ideas[0].id


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_counts_post_its_and_never_shows_hidden_texts(tmp_path: Path, fmt: str) -> None:
    from borgerspil_tui.core.export import export_report
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.workshop_summary import summarise
    from borgerspil_tui.core.workshop_summary_words import totals_lines

    session = _session(tmp_path)
    ids = [_post(session, "Zelda Hemmelig", t).id for t in ("Sms", "sms", "<script>SKJULT</script>", "Ny idé")]
    session.apply("merge", merge(session.changes, session.project, W, ids[:2]))
    session.apply("hide", hide(session.changes, session.project, W, ids[2]))
    _run(session, "activity-causes")
    _post(session, "Bo", "Ring op")  # in the causes' activity
    summary = summarise(session.project, _workshop(session))
    [ideas] = [a for a in summary.activities if a.id == "activity-ideas"]
    assert ideas.postits == {"accepted": 1, "merged": 1, "hidden": 1, "new": 1}
    assert totals_lines(summary, "en")[-1] == "Post-its from phones: 1 taken in, 1 merged, 1 hidden, 2 new"
    for redact in (False, True):
        report = export_report(session.project, method=bundled_method(), fmt=fmt, lang="da", redact=redact)
        assert "Post-its fra telefoner: 1 taget ind, 1 lagt sammen, 1 skjult, 1 ny" in report  # the activity
        assert "Post-its fra telefoner: 1 taget ind, 1 lagt sammen, 1 skjult, 2 nye" in report  # the day
        assert "SKJULT" not in report  # a hidden post-it's text never; a waiting one's is read (below)
        assert "Ny idé" in report and ("Zelda" in report) is not redact  # redacted: the name typed hidden
        assert "Sms" in report  # the merged item is an idea like any other
    from borgerspil_tui.core.export.redact import redacted

    assert {p.author for p in redacted(session.project, "da").workshops[0].postits} == {"[skjult]"}


@pytest.mark.parametrize("target", [None, "votes"])
def test_an_activity_that_no_longer_captures_sends_its_post_its_to_the_ideas(tmp_path: Path, target) -> None:
    session = _session(tmp_path, running="activity-causes")
    postit = _post(session, "Anna", "Lang ventetid")
    session.apply("target", session.changes.set(("workshops", W, "agenda", "activity-causes", "target"), target))
    _accept(session, postit.id)
    assert [i.title for i in session.project.create.ideas] == ["Lang ventetid"] and not session.project.focus.causes
