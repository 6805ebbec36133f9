"""Checklists, notes, the assessment, votes, the concept card and SUCCES: each edit is a change by
key (what it set, where), lands in the model and the saved file, is undone in one step, and
redraws only what it touched (typing in one field does not rebuild the other widgets)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from borgerspil_tui.core.changes import AddItem, RemoveItem, SetValue
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept, Guest, Idea, PrototypeTest, SuccesRating, Vote
from borgerspil_tui.core.model.focus import TargetGroup
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import HOSTILE, SIZE, goto, make_app, save_now, screen_text

METHOD = bundled_method()
TYPED = HOSTILE.replace("🎉 ", "")
"""The hostile text as Pilot can type it (no emoji key)."""


@pytest.fixture(autouse=True)
def no_whole_project_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    """These screens edit through changes by key: the slow path that copies the project is not used."""
    def refused(*_: Any, **__: Any) -> None:
        raise AssertionError("Session.edit (the whole-project copy) was used")

    monkeypatch.setattr(Session, "edit", refused)


class Calls:
    """Counts the calls of one method of one object (and keeps their arguments)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        self.args: list[tuple[Any, ...]] = []
        original: Callable[..., Any] = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.args.append(args)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)

    @property
    def count(self) -> int:
        return len(self.args)


def _project(tmp_path: Path) -> Path:
    project = Project(schema_version=1, title="Kort")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="Mette"), TeamMember(id="person-bbbbbb", name="Jonas")]
    project.focus.target_groups = [TargetGroup(id="group-aaaaaa", name="Ældre")]
    project.create.ideas = [Idea(id="idea-aaaaaa", title="Sms", scores={"importance": 5}),
                            Idea(id="idea-bbbbbb", title="Depot", scores={"importance": 3})]
    project.create.guests = [Guest(id="guest-aaaaaa", name="Borger")]
    project.create.votes = [Vote(voter="guest-aaaaaa", idea="idea-bbbbbb", dots=1)]
    project.create.concepts = [Concept(
        id="concept-aaaaaa", title="Samme dag", difference="Hurtigt", target_groups=["group-aaaaaa"],
        tests=[PrototypeTest(id="test-aaaaaa", prototype="Papir")],
        succes={"simple": SuccesRating(rating="yes", note="Kort")}, pitch="Vi ringer.")]
    path = tmp_path / "kort.borgerspil.yaml"
    create_project_file(path, project)
    return path


def _last_step(app: Any) -> tuple[Any, ...]:
    return app.session.undo_steps()[-1].changes


# -- checklists -----------------------------------------------------------------------------------
async def test_checklist_answers_and_a_typed_note_touch_one_row_and_undo_in_one_step(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    first, second = (item.id for item in METHOD.checklist("focus")[:2])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "checklist-focus")
        table = app.screen.query_one("#questions")
        await pilot.press("j")  # no answer yet: the whole answer is set
        assert [(c.path, c.old) for c in _last_step(app)] == [(("checklists", first), _missing())]
        await pilot.press("up", "n")  # there now: only its answer
        assert [(c.path, c.new) for c in _last_step(app)] == [(("checklists", first, "answer"), "no")]
        updated = Calls(monkeypatch, table, "update_cell")
        cleared = Calls(monkeypatch, table, "clear")
        steps = len(app.session.undo_steps())
        await pilot.press("e", *TYPED)
        assert app.session.project.checklists[second].note == TYPED
        assert len(app.session.undo_steps()) == steps + 1  # the typed note is one step
        assert {str(args[0]) for args in updated.args} == {second}  # only its row, never a refill
        assert cleared.count == 0
        assert TYPED in screen_text(app)  # shown as written
        await pilot.press("enter")
        await save_now(pilot)
        assert load_project(path).project.checklists[second].note == TYPED
        await pilot.press("ctrl+z")
        assert second not in app.session.project.checklists
        assert TYPED not in screen_text(app)
        await pilot.press("up", "delete")  # the first answer goes, key and all
        assert first not in app.session.project.checklists
        await pilot.press("ctrl+z")
        assert app.session.project.checklists[first].answer == "no"


def _missing() -> Any:
    from borgerspil_tui.core.changes import MISSING

    return MISSING


# -- notes on the method's items, and the assessment ---------------------------------------------
async def test_a_note_on_a_consideration_changes_its_row_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    first = METHOD.readiness.considerations[0].id
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "considerations")
        fills = Calls(monkeypatch, app.screen, "fill")
        await pilot.press("e", *TYPED, "enter")
        assert app.session.project.readiness.considerations == {first: TYPED}
        assert [c.path for c in _last_step(app)] == [("readiness", "considerations", first)]
        assert fills.count == 0
        assert TYPED in screen_text(app)
        await save_now(pilot)
        assert load_project(path).project.readiness.considerations == {first: TYPED}
        await pilot.press("ctrl+z")
        assert app.session.project.readiness.considerations == {}
        assert TYPED not in screen_text(app)
        assert fills.count == 0


async def test_placing_the_organisation_sets_one_dimension_and_redraws_its_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    first = METHOD.organisation.dimensions[0].id
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "assessment")
        fills = Calls(monkeypatch, app.screen, "fill")
        await pilot.press("3")
        await pilot.press("e", *TYPED, "enter")
        assessment = app.session.project.organisation.assessment
        assert assessment[first].position == 3 and assessment[first].note == TYPED
        assert [c.path for c in _last_step(app)] == [("organisation", "assessment", first, "note")]
        assert fills.count == 0 and TYPED in screen_text(app)
        await save_now(pilot)
        assert load_project(path).project.organisation.assessment[first].note == TYPED
        await pilot.press("ctrl+z")
        assert app.session.project.organisation.assessment[first].note == ""
        assert TYPED not in screen_text(app)


async def test_edits_made_while_a_screen_was_covered_are_all_shown_when_it_is_back(tmp_path: Path) -> None:
    path = _project(tmp_path)
    first, second = (c.id for c in METHOD.readiness.considerations[:2])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "considerations")
        app.action_help()
        await pilot.pause()
        session = app.session
        session.apply("a", session.changes.set(("readiness", "considerations", first), "Første"))
        session.apply("b", session.changes.set(("readiness", "considerations", second), "Anden"))
        await pilot.press("escape")
        assert app.screen.NAME == "considerations"
        shown = screen_text(app)
        assert "Første" in shown and "Anden" in shown  # not only the latest edit's row


# -- votes ----------------------------------------------------------------------------------------
async def test_dots_are_votes_by_key_and_a_dot_redraws_cells_not_the_table(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "votes")
        screen = app.screen
        ideas = screen.query_one("#vote-ideas")
        refills = Calls(monkeypatch, screen, "_fill_ideas")
        ranked = Calls(monkeypatch, __import__("borgerspil_tui.tui.screens.votes", fromlist=["x"]), "rank_ideas")
        await pilot.press("tab", "2")  # Mette: 2 dots on Sms (first: the best score)
        [added] = _last_step(app)
        assert isinstance(added, AddItem) and added.at == ("create", "votes") and added.key == "person-aaaaaa+idea-aaaaaa"
        await pilot.press("1")
        assert [(c.path, c.new) for c in _last_step(app)] == [
            (("create", "votes", "person-aaaaaa+idea-aaaaaa", "dots"), 1)]
        assert refills.count == 0  # the order stayed: cells changed, the table was not drawn again
        assert str(ideas.get_cell("idea-aaaaaa", "votes.total")) == "1"
        assert ranked.count == 2  # once per change …
        await pilot.press("tab", "down", "up", "down", "down")  # to the guest
        assert ranked.count == 2  # … not per cursor move
        assert str(ideas.get_cell("idea-bbbbbb", "votes.theirs")) == "1"  # the guest's dot
        await pilot.press("tab", "down", "0")  # the guest takes theirs back
        [removed] = _last_step(app)
        assert isinstance(removed, RemoveItem) and removed.key == "guest-aaaaaa+idea-bbbbbb"
        await pilot.press("ctrl+z", "tab", "delete")  # the guest goes, and their dot with them
        assert app.session.project.create.guests == []
        assert [v.voter for v in app.session.project.create.votes] == ["person-aaaaaa"]
        await pilot.press("g", *TYPED, "enter")
        assert app.session.project.create.guests[0].name == TYPED and TYPED in screen_text(app)
        await save_now(pilot)
        saved = load_project(path).project.create
        assert [(v.voter, v.dots) for v in saved.votes] == [("person-aaaaaa", 1)] and saved.guests[0].name == TYPED
        await pilot.press("ctrl+z", "ctrl+z")
        assert [g.id for g in app.session.project.create.guests] == ["guest-aaaaaa"]
        assert len(app.session.project.create.votes) == 2
        assert "Borger" in screen_text(app)


async def test_a_dot_that_changes_the_order_redraws_the_ideas(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "votes")
        app.session.apply("tie", app.session.changes.set(("create", "ideas", "idea-bbbbbb", "scores"), {"importance": 5}))
        await pilot.pause()
        ideas = app.screen.query_one("#vote-ideas")
        assert [str(ideas.get_row_at(r)[1]) for r in range(2)] == ["Depot", "Sms"]  # the guest's dot breaks the tie
        await pilot.press("tab", "down", "2")  # Mette's two dots on Sms put it first
        assert [str(ideas.get_row_at(r)[1]) for r in range(2)] == ["Sms", "Depot"]
        assert str(ideas.get_cell("idea-aaaaaa", "#")) == "1" and str(ideas.get_cell("idea-aaaaaa", "votes.total")) == "2"


# -- the concept card -----------------------------------------------------------------------------
def _highlight(app: Any, option_id: str) -> None:
    card = app.screen.query_one("#card")
    card.highlighted = card.get_option_index(option_id)


async def test_editing_a_card_element_redraws_that_element_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "concept-card")
        card = app.screen.query_one("#card")
        fills = Calls(monkeypatch, app.screen, "fill")
        replaced = Calls(monkeypatch, card, "replace_option_prompt")
        _highlight(app, "element:difference")
        await pilot.press("enter", *TYPED, "enter")
        assert app.session.project.create.concepts[0].difference == TYPED
        assert [c.path for c in _last_step(app)] == [("create", "concepts", "concept-aaaaaa", "difference")]
        assert fills.count == 0 and [args[0] for args in replaced.args] == ["element:difference"]
        assert TYPED in str(card.get_option("element:difference").prompt)
        _highlight(app, "test:test-aaaaaa")
        await pilot.press("enter", "enter", *"Lært", "enter", "escape")  # the prototype as it was, then what was learned
        assert app.session.project.create.concepts[0].tests[0].learned == "Lært"
        assert _last_step(app)[0].path == ("create", "concepts", "concept-aaaaaa", "tests", "test-aaaaaa", "learned")
        assert fills.count == 0 and replaced.args[-1][0] == "test:test-aaaaaa"
        await pilot.press("s")  # the status: the head, not the elements
        assert app.session.project.create.concepts[0].status == "prototype"
        assert fills.count == 0 and len(replaced.args) == 2
        await save_now(pilot)
        saved = load_project(path).project.create.concepts[0]
        assert (saved.difference, saved.tests[0].learned, saved.status) == (TYPED, "Lært", "prototype")
        for _ in range(3):
            await pilot.press("ctrl+z")
        concept = app.session.project.create.concepts[0]
        assert (concept.difference, concept.tests[0].learned, concept.status) == ("Hurtigt", "", "sketch")
        assert "Hurtigt" in str(card.get_option("element:difference").prompt)


async def test_a_test_round_added_and_deleted_by_key(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "concept-card")
        await pilot.press("t", "escape")
        [added] = _last_step(app)
        assert isinstance(added, AddItem) and added.at == ("create", "concepts", "concept-aaaaaa", "tests")
        new = added.key
        _highlight(app, f"test:{new}")
        await pilot.press("delete")
        [removed] = _last_step(app)
        assert isinstance(removed, RemoveItem) and removed.key == new
        assert [t.id for t in app.session.project.create.concepts[0].tests] == ["test-aaaaaa"]
        assert app.screen.query_one("#card").option_count == len(METHOD.concept_elements) + 2


# -- SUCCES ---------------------------------------------------------------------------------------
async def test_typing_the_pitch_leaves_the_table_alone_and_is_one_step(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "succes")
        table = app.screen.query_one("#succes-table")
        fills = Calls(monkeypatch, app.screen, "fill")
        updated = Calls(monkeypatch, table, "update_cell")
        steps = len(app.session.undo_steps())
        await pilot.click("#pitch")
        await pilot.press("end", *" Ring 70 70.")
        assert app.session.project.create.concepts[0].pitch == "Vi ringer. Ring 70 70."
        assert len(app.session.undo_steps()) == steps + 1
        assert [c.path for c in _last_step(app)] == [("create", "concepts", "concept-aaaaaa", "pitch")]
        assert fills.count == 0 and updated.count == 0
        await pilot.press("escape", "down", "j")  # unexpected → yes: a new rating
        assert [c.path for c in _last_step(app)] == [("create", "concepts", "concept-aaaaaa", "succes", "unexpected")]
        await pilot.press("up", "up", "e", *TYPED, "enter")  # the evidence of Simple, which is rated
        assert [c.path for c in _last_step(app)] == [
            ("create", "concepts", "concept-aaaaaa", "succes", "simple", "note")]
        assert {str(args[0]) for args in updated.args} <= {"simple", "unexpected", "concrete", "credible",
                                                           "emotional", "stories"}
        assert fills.count == 0 and TYPED in screen_text(app)
        await save_now(pilot)
        saved = load_project(path).project.create.concepts[0]
        assert saved.pitch.endswith("Ring 70 70.") and saved.succes["simple"].note == TYPED
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        concept = app.session.project.create.concepts[0]
        assert concept.pitch == "Vi ringer." and concept.succes == {"simple": SuccesRating(rating="yes", note="Kort")}
        assert app.screen.query_one("#pitch").text == "Vi ringer."
        assert TYPED not in screen_text(app)
        await pilot.press("delete")  # Simple's rating goes, key and all
        assert isinstance(_last_step(app)[0], SetValue) and "simple" not in app.session.project.create.concepts[0].succes
