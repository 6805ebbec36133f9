"""A dot-voting round kept in the workshop (Pilot, keys as a user presses them): an anonymous round
is kept only as its totals, which the matrix and the votes screen count; a named round is kept as
votes and as a round in one undo step; the voters are the workshop's participants."""

from __future__ import annotations

from pathlib import Path

import yaml

from borgerspil_tui.core.model.create import Guest, Idea, Vote
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import Activity, RoundTotal, Workshop
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, goto, make_app, screen_text
from tests.test_workshop_screen import START, FakeClock

OLD_VOTE = Vote(voter="guest-bo", idea="idea-sms", dots=2)


def _project(tmp_path: Path, *, workshop: bool = True) -> Path:
    project = Project(schema_version=1, title="Prikker")
    project.readiness.team = [TeamMember(id="person-anna", name="Anna"), TeamMember(id="person-eva", name="Eva")]
    project.create.guests = [Guest(id="guest-bo", name="Bo")]
    project.create.ideas = [Idea(id="idea-sms", title="Sms"), Idea(id="idea-hent", title="Hent selv"),
                            Idea(id="idea-fed", title="[bold]Fed[/]")]
    project.create.votes = [OLD_VOTE]
    project.workshops = [Workshop(id="workshop-dag", title="Dag", participants=["person-anna", "guest-bo"],
                                  agenda=[Activity(id="activity-vote", title="Prikker", target="votes")])
                          ] if workshop else []
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, project)
    return path


def _matrix_dots(app) -> dict[str, str]:
    table = app.screen.query_one("#ideas")
    return {idea: str(table.get_row(idea)[-2]) for idea in ("idea-sms", "idea-hent", "idea-fed")}


async def test_an_anonymous_round_is_kept_as_totals_the_matrix_counts(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        app.screen.query_one("#items").focus()
        await pilot.press("space", "o")  # the vote activity runs: o opens the round
        await pilot.pause()
        assert app.screen.NAME == "voting-round"
        assert "2 deltagere, 3 idéer" in screen_text(app)  # the workshop's participants, not Eva
        await pilot.press("i", "a", "s")  # at most 2 per idea, anonymous
        assert "Tur: Anna" in screen_text(app)  # a participant; Eva takes no part
        await pilot.press("space", "space", "n")  # Anna: 2 on Sms
        assert "Tur: Bo" in screen_text(app)
        await pilot.press("down", "space", "n")  # Bo: 1 on Hent selv
        assert "Alle har stemt" in screen_text(app)
        await pilot.press("v")
        assert "gemt i workshoppen 'Dag'" in screen_text(app)
        project = app.session.project
        assert project.create.votes == [OLD_VOTE]  # an anonymous round adds no votes
        (held,) = project.workshops[0].rounds
        assert (held.activity, held.held, held.anonymous, held.dots_per_person, held.most_per_idea, held.voters) == (
            "activity-vote", START, True, 3, 2, 2)
        assert held.totals == [RoundTotal(idea="idea-sms", dots=2), RoundTotal(idea="idea-hent", dots=1)]
        await goto(pilot, "matrix")
        assert _matrix_dots(app) == {"idea-sms": "4", "idea-hent": "1", "idea-fed": ""}
        await pilot.press("ctrl+z")  # undone on the matrix: its dots follow at once
        assert app.session.project.workshops[0].rounds == []
        assert _matrix_dots(app) == {"idea-sms": "2", "idea-hent": "", "idea-fed": ""}
        await pilot.press("ctrl+y")
        assert _matrix_dots(app) == {"idea-sms": "4", "idea-hent": "1", "idea-fed": ""}
        await goto(pilot, "votes")
        table = app.screen.query_one("#vote-ideas")
        assert [str(c) for c in table.get_row("idea-sms")][-1] == "4"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["workshops"][0]["rounds"][0]["totals"] == [{"idea": "idea-sms", "dots": 2},
                                                          {"idea": "idea-hent", "dots": 1}]
    assert raw["create"]["votes"] == [{"voter": "guest-bo", "idea": "idea-sms", "dots": 2}]


async def test_a_named_round_is_kept_as_votes_and_a_round_in_one_undo_step(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")  # no activity runs: kept in the last workshop
        await pilot.press("s", "down", "down", "space", "n", "down", "space", "n", "v")  # Anna: Fed; Bo (from the top): Hent
        project = app.session.project
        votes = {(v.voter, v.idea): v.dots for v in project.create.votes}
        assert votes == {("person-anna", "idea-fed"): 1, ("guest-bo", "idea-hent"): 1}
        (held,) = project.workshops[0].rounds
        assert (held.activity, held.anonymous, held.voters) == (None, False, 2)
        assert {t.idea: t.dots for t in held.totals} == {"idea-fed": 1, "idea-hent": 1}
        await goto(pilot, "matrix")
        assert _matrix_dots(app) == {"idea-sms": "", "idea-hent": "1", "idea-fed": "1"}  # counted once
        await pilot.press("ctrl+z")  # one step: the votes and the round
        assert app.session.project.create.votes == [OLD_VOTE]
        assert app.session.project.workshops[0].rounds == []
        assert _matrix_dots(app) == {"idea-sms": "2", "idea-hent": "", "idea-fed": ""}
        await pilot.press("ctrl+y", "ctrl+s")
        await app.workers.wait_for_complete()
    saved = load_project(path).project
    assert {(v.voter, v.idea): v.dots for v in saved.create.votes} == votes
    assert [len(r.totals) for r in saved.workshops[0].rounds] == [2]


async def test_without_a_workshop_a_named_round_is_only_votes(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path, workshop=False))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")
        await pilot.press("s", "space", "n", "n", "n", "v")  # Anna, Eva, Bo: the team and guests
        assert app.session.project.workshops == []
        assert ("person-anna", "idea-sms") in {(v.voter, v.idea) for v in app.session.project.create.votes}


async def test_the_round_kept_is_said_as_a_note_not_as_an_error(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")
        await pilot.press("s", "space", "n", "space", "n", "v")
        message = app.screen.query_one("#round-message")
        assert "gemt i workshoppen 'Dag'" in str(message.visual)
        assert message.has_class("-note")
        await pilot.press("escape")
        await goto(pilot, "voting-round")
        await pilot.press("s", "space", "space", "space", "space")  # one too many: refused in the error colour
        assert not app.screen.query_one("#round-message").has_class("-note")


async def test_leaving_mid_round_keeps_it_and_undoing_the_kept_round_sets_up_again(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")
        await pilot.press("s", "space", "n")  # Anna gave a dot; Bo's turn
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.NAME != "voting-round"
        await goto(pilot, "voting-round")
        await pilot.pause()
        text = screen_text(app)
        assert "Runden fortsætter, hvor den slap" in text and "Tur: Bo" in text
        await pilot.press("space", "n", "v")
        assert app.session.project.workshops[0].rounds[0].totals[0].dots == 2
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.project.workshops[0].rounds == []
        text = screen_text(app)
        assert "Runden er fortrudt" in text and "Resultat" not in text


async def test_the_next_voter_starts_at_the_top_not_where_the_last_one_stopped(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")
        await pilot.press("s", "down", "down", "space", "n")
        assert app.screen.query_one("#round-ideas").highlighted == 0


async def test_after_the_reveal_the_presenter_view_shows_the_ranked_result(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        app.screen.query_one("#items").focus()
        await pilot.press("space", "o")  # the vote activity runs: o opens the round
        await pilot.pause()
        await pilot.press("s", "f7")  # during the round: how many have voted, never the totals
        await pilot.pause()
        assert "██" not in screen_text(app)
        await pilot.press("escape", "space", "n", "down", "space", "n", "v", "f7")  # Anna: Sms; Bo: Hent
        await pilot.pause()
        text = screen_text(app)
        assert " 1  Sms" in text and " 1  Hent selv" in text and "█" in text
        assert text.index("Sms") < text.index("Hent selv")  # ties keep the ideas' order
        assert " 1. " in text and " 2. " not in text  # … and share their place, as on the phones and the summary
