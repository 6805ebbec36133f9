"""Pilot tests of the screens' keys as a user presses them: Delete, Esc back, edits that change
nothing, the status line, pickers with signs, and the smaller points of each tool screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import Note, TreeNode
from borgerspil_tui.core.session import SaveState
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import SIZE, goto, make_app, notices, palette_search


def _project(tmp_path: Path, project: Project | None = None, name: str = "test") -> Path:
    path = tmp_path / f"{name}.borgerspil.yaml"
    create_project_file(path, project or Project(schema_version=1, title="Test"))
    return path


# -- edits that change nothing ----------------------------------------------------------------------
async def test_indent_outdent_and_move_at_an_edge_record_no_undo_step(tmp_path: Path) -> None:
    project = Project(schema_version=1, title="Træ")
    project.focus.causes = [TreeNode(id="cause-aaaaaa", text="A"), TreeNode(id="cause-bbbbbb", text="B")]
    path = _project(tmp_path, project)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "problem-tree")
        screen = app.screen
        screen.selected = "cause-aaaaaa"
        screen._show_selection()
        await pilot.pause()
        await pilot.press("tab", "shift+tab", "shift+up")  # first at the top: indent, outdent, up do nothing
        screen.selected = "cause-bbbbbb"
        screen._show_selection()
        await pilot.pause()
        await pilot.press("shift+down", "shift+tab")  # last at the top level: down and outdent do nothing
        assert not app.session.can_undo
        assert not app.session.dirty and app.session.state is SaveState.SAVED
        await pilot.press("ctrl+z")
    assert [n.text for n in load_project(path).project.focus.causes] == ["A", "B"]


async def test_a_list_move_at_the_first_row_records_nothing(tmp_path: Path) -> None:
    project = Project(schema_version=1, title="Liste")
    project.focus.known = [Note(text="Første"), Note(text="Anden")]
    path = _project(tmp_path, project)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "observations")
        await pilot.press("n", *"Set i felten", "enter", *"Også set", "enter", "enter")
        assert app.session.can_undo
        app.session.save()
        steps = len(app.session._undo)
        app.screen.query_one("#items").move_cursor(row=0)
        await pilot.press("shift+up")
        app.screen.query_one("#items").move_cursor(row=1)
        await pilot.press("shift+down")
        assert len(app.session._undo) == steps and not app.session.dirty
        await goto(pilot, "knowledge")
        app.screen.query_one("#list-known").focus()
        await pilot.press("shift+up")  # "Første" is first in its list
        assert len(app.session._undo) == steps and not app.session.dirty
        await pilot.press("shift+down")  # a real move is still one step
        assert len(app.session._undo) == steps + 1 and app.session.dirty
        assert [n.text for n in app.session.project.focus.known] == ["Anden", "Første"]


def test_a_session_edit_that_changes_nothing_is_not_a_step(tmp_path: Path) -> None:
    from borgerspil_tui.core.session import Session

    session = Session.open(_project(tmp_path))
    heard: list[int] = []
    session.subscribe(lambda: heard.append(session.revision))
    session.edit("ingenting", lambda p: setattr(p, "title", "Test"))
    assert not session.can_undo and not session.dirty and heard == []
    session.edit("titel", lambda p: setattr(p, "title", "Ny"))
    assert session.can_undo and session.dirty


# -- the status line --------------------------------------------------------------------------------
async def test_the_status_line_cuts_the_file_name_never_the_save_state(tmp_path: Path) -> None:
    from borgerspil_tui.tui.widgets.status_line import StatusLine

    folder = tmp_path / ("en-meget-lang-mappe-med-et-navn-der-bliver-ved-" * 3) / "og-endnu-en-mappe"
    folder.mkdir(parents=True)
    name = "hjælpemidler-i-vestby-kommune-projektet-om-hurtigere-hjælp-til-ældre-borgere-2026"
    path = _project(folder, name=name)
    for language, saved, unsaved in (("da", "gemt", "ikke gemt endnu"), ("en", "saved", "not saved yet")):
        app = make_app(path, language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await goto(pilot, "knowledge")
            status = app.screen.query_one(StatusLine)
            line = status.render_line(0).text.rstrip()
            assert line.endswith(f"· {saved}"), line
            assert line.lstrip().startswith(name[:20]) and "…" in line
            await pilot.press("n", *"Noget nyt", "enter", "escape")
            line = status.render_line(0).text.rstrip()
            assert line.endswith(f"· {unsaved}"), line
            assert len(line) <= 80


# -- the palette ------------------------------------------------------------------------------------
async def _palette_first(pilot, query: str) -> str:  # noqa: ANN001
    """Type ``query`` in the palette and return the first hit once the search has answered (all of
    it: on a busy machine the list shows a first batch, unsorted, before the rest)."""
    hits = await palette_search(pilot, query)
    return str(hits.get_option_at_index(0).prompt)


async def test_succes_in_the_palette_finds_the_succes_check_first(tmp_path: Path) -> None:
    for language in ("da", "en"):
        app = make_app(_project(tmp_path, name=language), language=language)
        async with app.run_test(size=SIZE) as pilot:
            first = await _palette_first(pilot, "succes")
            assert first.startswith("SUCCES"), first
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.NAME == "succes"


# -- Esc goes back ----------------------------------------------------------------------------------
def _footer(app) -> str:  # noqa: ANN001
    from borgerspil_tui.tui.widgets.key_bar import KeyBar

    return str(app.screen.query_one(KeyBar).visual)


async def test_esc_goes_back_along_the_path_and_after_a_palette_jump(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.NAME == "overview"
        assert "tilbage" not in _footer(app)
        await pilot.press("escape")  # nothing on the overview
        assert app.screen.NAME == "overview" and app.is_running
        await pilot.press("1")
        assert app.screen.NAME == "phase-focus"
        await pilot.pause()
        assert "esc tilbage" in _footer(app)
        await pilot.press("enter")  # the first step's tool
        assert app.screen.NAME == "problem-tree"
        await _palette_first(pilot, "matrix")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.NAME == "matrix"
        await pilot.press("escape")
        assert app.screen.NAME == "problem-tree"
        await pilot.press("escape")
        assert app.screen.NAME == "phase-focus"
        await pilot.press("escape")
        assert app.screen.NAME == "overview"
        await pilot.press("escape")
        assert app.screen.NAME == "overview"


async def test_esc_first_closes_the_edit_then_goes_back(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path), language="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await goto(pilot, "target-groups")
        await pilot.press("n", *"Ældre", "escape")
        assert app.screen.NAME == "target-groups" and not app.screen.query_one("#edit-bar").is_open
        assert app.session.project.focus.target_groups == []
        await goto(pilot, "value")
        app.screen.query_one("#text-success_picture").focus()
        await pilot.press(*"Fru Jensen", "escape")
        assert app.screen.NAME == "value" and app.screen.focused.id == "values"
        assert "esc back" in _footer(app)
        await pilot.press("escape")
        assert app.screen.NAME == "target-groups"
        await pilot.press("escape")
        assert app.screen.NAME == "phase-focus"
        await goto(pilot, "checklist-focus")
        await pilot.press("e", *"en note", "escape")
        assert app.screen.NAME == "checklist-focus" and app.screen.focused.id == "questions"
        await pilot.press("escape")
        assert app.screen.NAME == "phase-focus"


async def test_enter_on_an_overview_card_opens_the_part_and_nothing_more(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "enter")  # the Fokusér card
        assert app.is_running and app.screen.NAME == "phase-focus"
        await pilot.press("escape", "enter")  # back on the overview, Enter opens it again
        assert app.is_running and app.screen.NAME == "phase-focus"


# -- Delete deletes the item under the cursor, everywhere -------------------------------------------
NOT_LISTS = {"overview", "readiness", "organisation", "phase-focus", "phase-experience", "phase-create",
             "phase-insist", "matrix", "conflicts",
             "workshop-summary", "share"}  # maps and step lists; the matrix and conflicts have their own tests; a read-only summary


def _rich(tmp_path: Path) -> Path:
    """A project with something on every screen that Delete can take away, linked together."""
    from borgerspil_tui.core.model.create import Concept, Guest, PrototypeTest, SuccesRating, Vote
    from borgerspil_tui.core.model.experience import Insight, Observation
    from borgerspil_tui.core.model.focus import TargetGroup, ValueGoal
    from borgerspil_tui.core.model.project import ChecklistAnswer
    from borgerspil_tui.core.model.readiness import TeamMember

    project = Project(schema_version=1, title="Alt")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="Mette")]
    project.readiness.considerations = {"citizen-reality": "Vi kender borgerne"}
    project.focus.values = [ValueGoal(kind="productivity", goal="Færre opkald"), ValueGoal(kind="service")]
    project.focus.target_groups = [TargetGroup(id="group-aaaaaa", name="Ældre")]
    project.experience.observations = [Observation(id="obs-aaaaaa", what="Venter", quotes=["Det går nok"])]
    project.experience.insights = [Insight(id="insight-aaaaaa", statement="Ventetid", observations=["obs-aaaaaa"])]
    project.create.guests = [Guest(id="guest-aaaaaa", name="Borger")]
    project.create.concepts = [Concept(
        id="concept-aaaaaa", title="Samme dag", difference="Hurtigt", target_groups=["group-aaaaaa"],
        tests=[PrototypeTest(id="test-aaaaaa", target_group="group-aaaaaa", prototype="Papir")],
        succes={"simple": SuccesRating(rating="yes", quote_from="obs-aaaaaa", quote="Det går nok")})]
    from borgerspil_tui.core.model.create import Idea

    project.create.ideas = [Idea(id="idea-aaaaaa", title="Sms")]
    project.create.votes = [Vote(voter="guest-aaaaaa", idea="idea-aaaaaa", dots=2),
                            Vote(voter="person-aaaaaa", idea="idea-aaaaaa", dots=1)]
    project.checklists = {"focus-problem": ChecklistAnswer(answer="yes", note="klart")}
    return _project(tmp_path, project, name="alt")


async def test_every_screen_that_lists_items_has_delete(tmp_path: Path) -> None:
    from borgerspil_tui.tui.registry import project_screens

    app = make_app(_rich(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        for name in project_screens():
            if name in NOT_LISTS:
                continue
            await goto(pilot, name)
            keys = {c.key for c in app.screen.SCREEN_COMMANDS}
            assert "delete" in keys, name
            await pilot.press("escape")


async def test_delete_on_the_observations_cleans_the_links_and_undo_brings_both_back(tmp_path: Path) -> None:
    path = _rich(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "observations")
        await pilot.press("delete")
        project = app.session.project
        assert project.experience.observations == [] and project.experience.insights[0].observations == []
        assert project.create.concepts[0].succes["simple"].quote_from is None
        await pilot.press("ctrl+z")
        assert app.session.project.experience.insights[0].observations == ["obs-aaaaaa"]
        await goto(pilot, "target-groups")
        await pilot.press("delete", "ctrl+s")
    concept = load_project(path).project.create.concepts[0]
    assert concept.target_groups == [] and concept.tests[0].target_group is None


async def test_delete_on_notes_values_checklist_succes_card_and_votes(tmp_path: Path) -> None:
    path = _rich(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "considerations")
        await pilot.press("delete")
        assert app.session.project.readiness.considerations == {}
        await goto(pilot, "value")
        await pilot.press("delete")  # productivity: no longer aimed at, goal gone
        assert [v.kind for v in app.session.project.focus.values] == ["service"]
        await goto(pilot, "checklist-focus")
        app.screen.query_one("#questions").move_cursor(row=0)
        first = app.screen.current_item()
        app.session.edit("svar", lambda p: p.checklists.__setitem__(first, p.checklists.pop("focus-problem")))
        await pilot.press("delete")
        assert app.session.project.checklists == {}
        await goto(pilot, "succes")
        await pilot.press("delete")  # S Simple: rating, evidence and quote
        assert app.session.project.create.concepts[0].succes == {}
        await goto(pilot, "concept-card")
        card = app.screen.query_one("#card")
        card.highlighted = next(i for i in range(card.option_count)
                                if card.get_option_at_index(i).id == "test:test-aaaaaa")
        await pilot.press("delete")
        assert app.session.project.create.concepts[0].tests == []
        card.highlighted = next(i for i in range(card.option_count)
                                if card.get_option_at_index(i).id == "element:difference")
        await pilot.press("delete")
        assert app.session.project.create.concepts[0].difference == ""
        await goto(pilot, "votes")
        await pilot.press("delete")  # Mette is on the team: she stays
        assert len(app.session.project.readiness.team) == 1
        await pilot.press("down", "delete")  # the guest and the guest's dots
        assert app.session.project.create.guests == []
        assert [v.voter for v in app.session.project.create.votes] == ["person-aaaaaa"]
        await pilot.press("up", "tab", "delete")  # Mette's dot on the idea
        assert app.session.project.create.votes == []
        for _ in range(3):
            await pilot.press("ctrl+z")
        assert len(app.session.project.create.votes) == 2 and app.session.project.create.guests
        await pilot.press("ctrl+s")
    saved = load_project(path).project
    assert saved.create.concepts[0].tests == [] and saved.readiness.considerations == {}


# -- chosen or not: a sign, not only a colour --------------------------------------------------------
def _prompts(app) -> list[str]:  # noqa: ANN001
    options = app.screen.query_one("#picker-list")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_pickers_and_choices_show_chosen_with_a_sign(tmp_path: Path) -> None:
    from borgerspil_tui.core.model.experience import Insight, Observation

    project = Project(schema_version=1, title="Tegn")
    project.experience.observations = [Observation(id="obs-aaaaaa", who="Mor", what="Venter"),
                                       Observation(id="obs-bbbbbb", what="Ringer")]
    project.experience.insights = [Insight(id="insight-aaaaaa", statement="Ventetid", observations=["obs-aaaaaa"])]
    path = _project(tmp_path, project)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "insights")
        await pilot.press("l")
        assert _prompts(app) == ["☑ Mor: Venter", "☐ Ringer"]
        await pilot.press("space", "down", "space")
        assert _prompts(app) == ["☐ Mor: Venter", "☑ Ringer"]
        await pilot.press("enter")
        assert app.session.project.experience.insights[0].observations == ["obs-bbbbbb"]
        await goto(pilot, "what-ifs")
        await pilot.press("n", *"Hvad nu hvis", "enter", "enter", "i")
        assert _prompts(app) == ["◉ (ingen)", "○ Ventetid"]
        await pilot.press("down", "enter")  # the picker starts on ◉ (ingen); down: the first insight
        await pilot.press("i")
        assert _prompts(app) == ["○ (ingen)", "◉ Ventetid"]
        await pilot.press("escape")  # a dialog's own Esc: it closes, the screen stays
        assert app.screen.NAME == "what-ifs"
        await goto(pilot, "value")
        await pilot.press("space")
        table = app.screen.query_one("#values")
        assert [str(table.get_row_at(r)[0]) for r in range(table.row_count)] == ["☑", "☐", "☐", "☐"]


async def test_the_wizard_language_choice_shows_a_sign(tmp_path: Path) -> None:
    from textual.widgets import RadioButton

    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        buttons = {b.id: str(b.render()) for b in app.screen.query(RadioButton)}
        assert "◉" in buttons["lang-da"] and "○" in buttons["lang-en"], buttons


async def test_a_question_marks_the_button_enter_presses(tmp_path: Path) -> None:
    from textual.widgets import Button

    from borgerspil_tui.tui.screens.choice import ChoiceScreen

    app = make_app(_project(tmp_path))
    answers: list[str | None] = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ChoiceScreen("Spørgsmål", "[b]Hvad nu?[/b]", [("ja", "Ja"), ("nej", "Nej")]), answers.append)
        await pilot.pause()
        labels = lambda: [str(b.label) for b in app.screen.query(Button)]  # noqa: E731
        assert labels() == ["▶ Ja", "  Nej"]
        await pilot.press("tab")
        assert labels() == ["  Ja", "▶ Nej"]
        await pilot.press("enter")
    assert answers == ["nej"]


# -- the overview at 80×24 --------------------------------------------------------------------------
async def test_the_overview_shows_every_part_s_steps_at_80x24(example_copy: Path) -> None:
    from borgerspil_tui.core.overview import project_status
    from borgerspil_tui.tui.widgets.part_card import PartCard

    for language in ("da", "en"):
        app = make_app(example_copy, language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for status in project_status(app.session.project, app.method, language):
                card = app.screen.query_one(f"#card-{status.id}", PartCard)
                shown = "\n".join(card.render_line(y).text for y in range(card.size.height))
                for step in status.steps:
                    assert step.name[:12] in shown, (language, status.id, step.name, shown)
                assert f"{round(status.progress * 100)} %" in shown


# -- test rounds: with whom, in words or a target group ----------------------------------------------
async def test_a_test_round_is_with_a_target_group_or_with_whom_the_words_say(tmp_path: Path) -> None:
    from borgerspil_tui.core.model.create import Concept
    from borgerspil_tui.core.model.focus import TargetGroup
    from tests.app_helpers import HOSTILE, screen_text

    project = Project(schema_version=1, title="Test")
    project.focus.target_groups = [TargetGroup(id="group-aaaaaa", name="Ældre")]
    project.create.concepts = [Concept(id="concept-aaaaaa", title="Samme dag")]
    path = _project(tmp_path, project)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "concept-card")
        await pilot.press("t", "enter", "enter", "enter")  # prototype, learned, adjusted left empty
        assert _prompts(app)[-1].startswith("○ ✎")  # a target group, or write it yourself
        await pilot.press("end", "enter", *"3 borgere i distrikt Nord", "enter")
        [test] = app.session.project.create.concepts[0].tests
        assert (test.target_group, test.with_whom) == (None, "3 borgere i distrikt Nord")
        assert "3 BORGERE I DISTRIKT NORD" in screen_text(app)  # the round's heading
        await pilot.press("t", "enter", "enter", "enter")
        await pilot.press("down", "enter")  # the picker starts on ◉ (ingen); down: the first target group
        second = app.session.project.create.concepts[0].tests[1]
        assert (second.target_group, second.with_whom) == ("group-aaaaaa", "")
        await pilot.press("ctrl+s")
    saved = load_project(path).project.create.concepts[0].tests
    assert [(t.target_group, t.with_whom) for t in saved] == [(None, "3 borgere i distrikt Nord"), ("group-aaaaaa", "")]
    text = path.read_text("utf-8")
    assert text.count("with_whom") == 1  # left out when empty: files without it read as before

    project = Project(schema_version=1, title="Fjendtlig")
    project.create.concepts = [Concept(id="concept-aaaaaa", title="Samme dag")]
    app = make_app(_project(tmp_path, project, name="fjendtlig"), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "concept-card")
        await pilot.press("t", "enter", "enter", "enter")  # no target groups: the words at once
        hostile = HOSTILE.replace("🎉 ", "")  # a key press cannot be an emoji
        await pilot.press(*hostile, "enter")
        assert app.session.project.create.concepts[0].tests[0].with_whom == hostile
        assert hostile.upper() in screen_text(app)


# -- the whole item under the cursor ----------------------------------------------------------------
def _visible(app) -> str:  # noqa: ANN001
    """What is on the terminal now, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_a_long_observation_shows_all_of_it_and_its_quote(tmp_path: Path) -> None:
    from borgerspil_tui.core.model.experience import Observation
    from borgerspil_tui.core.model.focus import TargetGroup
    from tests.app_helpers import HOSTILE

    long = " ".join(f"Sætning {n} om hvad vi så ved skranken, og hvad borgeren gjorde bagefter." for n in range(40))
    project = Project(schema_version=1, title="Lang")
    project.experience.observations = [Observation(what=long, who="Mand, 79", quotes=[HOSTILE, "Det går nok"])]
    project.focus.target_groups = [TargetGroup(name="Ældre", description=long, why="De venter længst " + HOSTILE)]
    path = _project(tmp_path, project)
    for language in ("da", "en"):
        app = make_app(path, language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await goto(pilot, "observations")
            await pilot.pause()
            assert "Sætning 0 om" in _visible(app)
            await pilot.press("tab", "end")  # the detail under the table scrolls
            await pilot.pause()
            visible = _visible(app)
            assert "«Det går nok»" in visible and "Sætning 39" in visible, visible
            await goto(pilot, "target-groups")
            await pilot.press("tab", "end")
            await pilot.pause()
            visible = _visible(app)
            assert "De venter længst [/] [b]fed[/b]" in visible and "[@click=app.quit]" in visible, visible


# -- Det ved vi: n says which list -------------------------------------------------------------------
async def test_n_on_what_we_know_names_the_list_it_adds_to(tmp_path: Path) -> None:
    path = _project(tmp_path)
    for language, known, unknown in (("da", "ny i «Hvad ved vi?»", "Ny i «Hvad ved vi ikke?»"),
                                     ("en", "new in “What do we know?”", "New in “What don't we know?”")):
        app = make_app(path, language=language)
        async with app.run_test(size=SIZE) as pilot:
            await goto(pilot, "knowledge")
            await pilot.press("tab")  # from "why it matters" to "what do we know"
            await pilot.pause()
            assert f"n {known}" in _footer(app)
            await pilot.press("tab", "n")
            assert str(app.screen.query_one("#edit-prompt").visual).startswith(unknown)
            await pilot.press(*"Hvor længe", "enter", "escape")
            await pilot.press("ctrl+s")
    assert [n.text for n in load_project(path).project.focus.unknown] == ["Hvor længe", "Hvor længe"]


# -- process design ----------------------------------------------------------------------------------
async def test_process_design_status_at_the_bottom_phase_column_fixed_and_e_explains(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from borgerspil_tui.tui.widgets.status_line import StatusLine

    for size in ((120, 40), (80, 24)):
        app = make_app(example_copy)
        said = notices(app, monkeypatch)  # recorded when sent: a notice times out on a slow machine
        async with app.run_test(size=size) as pilot:
            await goto(pilot, "process")
            await pilot.pause()
            status = app.screen.query_one(StatusLine)
            assert status.region.y == size[1] - 2  # just above the footer
            grid = app.screen.query_one("#grid")
            grid.move_cursor(column=9)  # the last column: the table scrolls sideways
            await pilot.pause()
            assert grid.scroll_x > 0
            assert "Fokusér" in _visible(app) and "Insistér" in _visible(app)  # the phase column stays
            grid.move_cursor(column=0)
            await pilot.press("e")
            assert not app.screen.query_one("#edit-bar").is_open
            assert any("metodens egne" in note for note in said)


# -- SUCCES -------------------------------------------------------------------------------------------
async def test_succes_hint_changes_once_a_quote_is_chosen_and_no_stray_dash(tmp_path: Path) -> None:
    from borgerspil_tui.core.model.create import Concept
    from borgerspil_tui.core.model.experience import Observation

    project = Project(schema_version=1, title="Succes")
    project.experience.observations = [Observation(id="obs-aaaaaa", what="Venter", quotes=["Det går nok"]),
                                       Observation(id="obs-bbbbbb", what="Ringer", who="Søn", quotes=["Hvornår?"])]
    project.create.concepts = [Concept(id="concept-aaaaaa", title="Samme dag")]
    path = _project(tmp_path, project)
    for language, pick, change, chosen in (("da", "q Vælg borgerens", "q skift citatet", "Citatet er valgt"),
                                           ("en", "q Pick the citizen's", "q change the quote", "The quote is chosen")):
        app = make_app(path, language=language)
        async with app.run_test(size=SIZE) as pilot:
            await goto(pilot, "succes")
            app.screen.query_one("#succes-table").move_cursor(row=5)  # S Stories
            await pilot.pause()
            assert pick in _footer(app)
            stories = "S " + app.method.succes[5].name(language)
            assert f"{stories}: {app.method.succes[5].prompt(language)}" in _visible(app)
            await pilot.press("q")
            assert _prompts(app) == ["○ «Det går nok»", "○ «Hvornår?» — Søn"]  # no "(ingen)": a quote to choose
            await pilot.press("enter")  # the first quote
            await pilot.pause()
            assert app.session.project.create.concepts[0].succes["stories"].quote == "Det går nok"
            assert change in _footer(app)
            assert f"{stories}: {chosen}" in _visible(app)
            await pilot.press("delete", "ctrl+s")
