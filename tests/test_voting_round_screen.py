"""Dot-voting round screen: each person sees only their own dots, over-limit is refused with our
message, the reveal ranks, and a named round's votes reach the saved file as one undo step."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.model.create import Guest, Idea, Vote
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, goto, make_app, screen_text


def _project(tmp_path: Path) -> Path:
    project = Project(schema_version=1, title="Prikker")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="Anna")]
    project.create.guests = [Guest(id="guest-aaaaaa", name="Bo")]
    project.create.ideas = [Idea(id="idea-aaaaaa", title="Sms"), Idea(id="idea-bbbbbb", title="Hent selv"),
                            Idea(id="idea-cccccc", title="[bold]Fed[/]")]
    project.create.votes = [Vote(voter="guest-aaaaaa", idea="idea-aaaaaa", dots=2)]
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, project)
    return path


async def test_two_voters_the_second_never_sees_the_first_and_the_reveal_ranks(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")
        await pilot.press("minus")  # 3 → 2 dots per person; at most 1 per idea; named
        assert "2 prikker pr. person" in screen_text(app)
        await pilot.press("s")
        assert "Tur: Anna · prikker tilbage: 2/2" in screen_text(app)
        await pilot.press("down", "space")  # Anna: Hent selv
        await pilot.press("space")  # a second dot on the same idea: refused
        assert "Højst 1 prik på samme idé fra én person" in screen_text(app)
        await pilot.press("down", "space")  # Anna: [bold]Fed[/]
        await pilot.press("up", "up", "space")  # no dots left
        assert "Ikke flere prikker til Anna" in screen_text(app)
        assert "●" in screen_text(app)
        await pilot.press("n")
        text = screen_text(app)
        assert "Tur: Bo · prikker tilbage: 2/2" in text and "●" not in text  # Anna's dots are not shown
        await pilot.press("down", "space")  # Bo: Hent selv
        assert screen_text(app).count("●") == 1
        await pilot.press("n")
        assert app.session.project.create.votes == [Vote(voter="guest-aaaaaa", idea="idea-aaaaaa", dots=2)]
        await pilot.press("v")
        text = screen_text(app)
        assert text.index("Hent selv") < text.index("[bold]Fed[/]") < text.index("Sms")
        assert " 1. " + "█" * 30 + " 2  Hent selv" in text
        votes = {(v.voter, v.idea): v.dots for v in app.session.project.create.votes}
        assert votes == {("person-aaaaaa", "idea-bbbbbb"): 1, ("person-aaaaaa", "idea-cccccc"): 1,
                         ("guest-aaaaaa", "idea-bbbbbb"): 1}  # Bo's old 2 on Sms: his new say is none
        await pilot.press("ctrl+z")  # one undo step takes the whole round back
        assert app.session.project.create.votes == [Vote(voter="guest-aaaaaa", idea="idea-aaaaaa", dots=2)]
        await pilot.press("ctrl+y", "ctrl+s")
        await app.workers.wait_for_complete()
    saved = {(v.voter, v.idea): v.dots for v in load_project(path).project.create.votes}
    assert saved == votes


async def test_an_anonymous_round_shows_the_result_and_leaves_the_votes_alone(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")
        await pilot.press("i", "a", "s")  # at most 2 per idea, anonymous
        await pilot.press("space", "space", "n", "space", "v")
        text = screen_text(app)
        assert " 1. " + "█" * 30 + " 3  Sms" in text
        assert text.count(" 2.  0  ") == 2 and " 3. " not in text  # the two without dots share second place
        assert "gemmes ikke i projektet" in text
        assert app.session.project.create.votes == [Vote(voter="guest-aaaaaa", idea="idea-aaaaaa", dots=2)]
        assert not app.session.dirty
