"""Pilot tests of Skab: scoring, weights, dot votes, ideas → concept, the concept card, SUCCES."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.derived import rank_ideas
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import SIZE, goto as _goto, make_app, screen_text

METHOD = bundled_method()



def _fresh(tmp_path: Path) -> Path:
    path = tmp_path / "skab.borgerspil.yaml"
    project = Project(schema_version=1, title="Skab")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="Mette"), TeamMember(id="person-bbbbbb", name="Jonas")]
    create_project_file(path, project)
    return path


async def test_add_and_score_ideas_from_the_keyboard(tmp_path: Path) -> None:
    path = _fresh(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "matrix")
        await pilot.press("n", *"Sms ved hvert skridt", "enter", *"Depot i Borgerservice", "enter", "enter")
        table = app.screen.query_one("#ideas")
        table.move_cursor(row=0, column=3)  # the first idea, importance
        await pilot.press("3", "5", "2", "5")  # the cursor moves on after each digit…
        await pilot.press("5", "2", "5", "1")  # …and to the next idea after the last criterion
        ranked = rank_ideas(app.session.project, METHOD)
        # Sms: (3·2 + 5·2 + 2 + 5) / 6 = 3.83; Depot: (5·2 + 2·2 + 5 + 1) / 6 = 3.33
        assert [(r.idea.title, r.rank) for r in ranked] == [("Sms ved hvert skridt", 1), ("Depot i Borgerservice", 2)]
        assert str(table.get_cell(ranked[1].idea.id, "rank")) == "2"
        assert str(table.get_cell(ranked[0].idea.id, "score")) == "3.83"
        await pilot.press("ctrl+s")
    ideas = load_project(path).project.create.ideas
    assert ideas[0].scores == {"importance": 3, "feasibility": 5, "strategic-match": 2, "low-hanging-fruit": 5}
    assert ideas[1].scores == {"importance": 5, "feasibility": 2, "strategic-match": 5, "low-hanging-fruit": 1}


async def test_weights_change_the_rank(tmp_path: Path) -> None:
    path = _fresh(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "matrix")
        await pilot.press("n", *"A", "enter", *"B", "enter", "enter")
        table = app.screen.query_one("#ideas")
        table.move_cursor(row=0, column=3)
        await pilot.press("5", "1")  # A: imp 5 feas 1
        table.move_cursor(row=1, column=3)
        await pilot.press("1", "5", "left")  # B: imp 1 feas 5; back on feasibility
        assert rank_ideas(app.session.project, METHOD)[0].idea.title == "A"  # default weights 2 and 2: tie → A first
        await pilot.press("plus", "plus")  # feasibility ×4
        assert app.session.project.create.weights == {"feasibility": 4}
        assert rank_ideas(app.session.project, METHOD)[0].idea.title == "B"
        assert str(table.ordered_columns[4].label) == "Realiserbar\n×4"
        assert "Realiserbarhed ×4" in str(app.screen.query_one("#matrix-info").visual)
        await pilot.press("ctrl+s")
    assert load_project(path).project.create.weights == {"feasibility": 4}


async def test_dot_votes_per_person_and_in_the_ranking(tmp_path: Path) -> None:
    path = _fresh(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "matrix")
        await pilot.press("n", *"A", "enter", *"B", "enter", "enter")
        await pilot.press("p")
        assert app.screen.NAME == "votes"
        await pilot.press("tab", "down", "2")  # Mette: 2 dots on B
        await pilot.press("tab", "down", "tab", "1", "up", "1")  # Jonas: 1 on B, 1 on A
        await pilot.press("up", "3")  # Jonas has 3 dots; 1 used on B, so 3 more on A is too many
        votes = {(v.voter, v.idea): v.dots for v in app.session.project.create.votes}
        ids = [i.id for i in app.session.project.create.ideas]
        assert votes == {("person-aaaaaa", ids[1]): 2, ("person-bbbbbb", ids[1]): 1, ("person-bbbbbb", ids[0]): 1}
        await pilot.press("g", *"Borger fra Ældrerådet", "enter")
        assert app.session.project.create.guests[0].name == "Borger fra Ældrerådet"
        await pilot.press("escape")
        await _goto(pilot, "matrix")
        assert [r.idea.title for r in rank_ideas(app.session.project, METHOD)] == ["B", "A"]  # no scores: dots decide
        await pilot.press("t")
        assert app.session.project.create.votes_in_ranking
        await pilot.press("ctrl+s")
    saved = load_project(path).project.create
    assert saved.votes_in_ranking and len(saved.votes) == 3 and saved.guests[0].name == "Borger fra Ældrerådet"


async def test_chosen_ideas_become_a_concept_with_its_card(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "matrix")
        table = app.screen.query_one("#ideas")
        table.move_cursor(row=0)
        await pilot.press("space", "down", "space", "down", "down", "space")  # unchoose 1st and 2nd, choose 4th
        chosen = [i.title for i in app.session.project.create.ideas if i.chosen]
        assert chosen == ["Hurtigspor for enkle sager", "Skema i almindeligt dansk"]
        await pilot.press("k")
        await pilot.pause()
        assert app.screen.NAME == "concept-card"
        concept = app.session.project.create.concepts[-1]
        assert concept.ideas == ["idea-k3m4np", "idea-q5r6st"]
        assert "Hurtigspor for enkle sager" in screen_text(app)


async def test_concept_card_elements_and_a_test_round(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "concepts")
        await pilot.press("n", *"Ring ikke, vi ringer", "enter")
        await pilot.pause()
        assert app.screen.NAME == "concept-card"
        await pilot.press("down", "enter", *"Kommunen ringer op, før borgeren når at undre sig", "enter")
        await pilot.press("down", "enter", *"Sms og opkald fra sagsbehandleren", "enter")
        await pilot.press("down", "enter", "space", "enter")  # target group: the first
        for _ in range(4):
            await pilot.press("down")
        await pilot.press("enter", *"Et telefonnummer", "enter", *"En sms-skabelon", "enter", *"To timer om ugen", "enter")
        await pilot.press("t", *"Papirmock af sms", "enter", *"Pårørende vil også have beskeden", "enter",
                          *"Kopi til pårørende", "enter")
        await pilot.press("enter")  # with whom: the first target group
        await pilot.press("ctrl+s")
    concept = load_project(example_copy).project.create.concepts[-1]
    assert concept.title == "Ring ikke, vi ringer"
    assert concept.difference.startswith("Kommunen ringer op")
    assert concept.contents == "Sms og opkald fra sagsbehandleren"
    assert concept.target_groups == ["group-b6c7de"]
    assert concept.requirements == ["Et telefonnummer", "En sms-skabelon", "To timer om ugen"]
    [test] = concept.tests
    assert (test.prototype, test.learned, test.adjusted) == (
        "Papirmock af sms", "Pårørende vil også have beskeden", "Kopi til pårørende")
    assert test.date is not None


async def test_succes_ratings_verdict_quote_and_pitch(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "concepts")
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.NAME == "succes"
        assert "Næsten klar" in screen_text(app)  # the example: concrete and credible are partly
        assert "Kan man se det for sig" in screen_text(app)  # the prompt of a weakest criterion
        await pilot.press("down", "down", "j", "j")  # concrete, credible → yes
        assert "Klar:" in screen_text(app)
        await pilot.press("n")  # emotional → not yet
        assert "Ikke klar endnu" in screen_text(app)
        await pilot.press("up", "q")
        await pilot.press("enter")  # the picker starts on the first quote in the observations
        rating = app.session.project.create.concepts[0].succes["emotional"]
        assert rating.quote_from == "obs-j2k3lm" and rating.quote.startswith("Jeg ville ikke skrive")
        await pilot.click("#pitch")
        await pilot.press("end", *" Ring 70 70.")
        await pilot.press("ctrl+s")
    concept = load_project(example_copy).project.create.concepts[0]
    assert concept.succes["concrete"].rating == "yes" and concept.succes["emotional"].rating == "not-yet"
    assert concept.pitch.endswith("Ring 70 70.")
