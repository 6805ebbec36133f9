"""Nothing typed is lost: text typed and not confirmed survives leaving the screen (committed as
Enter would, or kept as a draft), quitting with a draft asks, and refused text stays in its field."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.events import Paste
from textual.widgets import DataTable, Input, TextArea

from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.choice import ChoiceScreen
from borgerspil_tui.tui.screens.drafts_left import DraftsLeftScreen
from borgerspil_tui.tui.screens.home import HomeScreen
from borgerspil_tui.tui.screens.unsaved_quit import UnsavedQuitScreen
from borgerspil_tui.tui.screens.wizard import WizardScreen
from borgerspil_tui.tui.widgets.edit_bar import BarInput, EditBar
from tests.app_helpers import HOSTILE, SIZE, goto, make_app, palette_to


def bar(app) -> EditBar:  # noqa: ANN001
    """The edit bar of the screen on top."""
    return app.screen.query_one(EditBar)


def reason(app) -> str:  # noqa: ANN001
    """The reason the bar shows under its field ('' when hidden)."""
    edit_bar = bar(app)
    return str(edit_bar.query_one("#edit-reason").visual) if edit_bar.has_class("-refused") else ""


async def paste(pilot, text: str) -> None:  # noqa: ANN001
    """Paste ``text`` into the focused field, as a terminal does."""
    pilot.app.screen.focused.post_message(Paste(text))
    await pilot.pause()


# -- typed but not confirmed: leaving keeps it -----------------------------------------------------
async def test_list_add_bar_is_added_when_jumping_away(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        await pilot.press("n", *"Kirsten")  # no Enter
        app.action_goto("problem-tree")  # what the palette's "go to" runs
        await pilot.pause()
        assert app.screen.NAME == "problem-tree"
        assert app.session.project.readiness.team[-1].name == "Kirsten"
        await pilot.press("ctrl+s")
    assert load_project(example_copy).project.readiness.team[-1].name == "Kirsten"


async def test_list_add_bar_is_added_when_jumping_with_the_real_palette(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "what-ifs")
        await pilot.press("n", *"Hvad nu hvis alle kunne se sagen?")
        await palette_to(pilot, "Problemtræ")
        assert app.screen.NAME == "problem-tree"
        assert app.session.project.create.what_ifs[-1].question == "Hvad nu hvis alle kunne se sagen?"


async def test_palette_opened_and_closed_leaves_the_bar_as_it_was(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        before = len(app.session.project.readiness.team)
        await pilot.press("n", *"Kirst", "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert bar(app).is_open and bar(app).text == "Kirst"
        assert len(app.session.project.readiness.team) == before
        await pilot.press(*"en", "enter")
        assert app.session.project.readiness.team[-1].name == "Kirsten"


async def test_list_edit_is_saved_when_a_number_key_changes_screen(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "target-groups")
        first = app.session.project.focus.target_groups[0].id
        await pilot.press("e", "ctrl+u", *"Pårørende til ældre")
        await pilot.click("#items")  # the table gets the keys again; the bar still holds the text
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.NAME == "phase-experience"
        group = next(g for g in app.session.project.focus.target_groups if g.id == first)
        assert group.name == "Pårørende til ældre"


async def test_problem_statement_on_the_tree_is_saved_on_esc_back(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "problem-tree")
        await pilot.press("e", "ctrl+u", *"Borgerne venter for længe på hjælpemidler")  # the trunk is selected
        assert bar(app).purpose == "problem"
        await pilot.click("#outline")
        await pilot.press("escape")  # the tree has the keys: Esc goes back
        await pilot.pause()
        assert app.screen.NAME != "problem-tree"
        assert app.session.project.focus.problem == "Borgerne venter for længe på hjælpemidler"


async def test_esc_in_the_bar_still_cancels_the_edit(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "problem-tree")
        problem = app.session.project.focus.problem
        await pilot.press("e", *" mere", "escape")
        assert app.screen.NAME == "problem-tree" and not bar(app).is_open
        await goto(pilot, "overview")
        assert app.session.project.focus.problem == problem


async def test_text_in_a_note_area_is_saved_on_home(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "value")
        area = app.screen.query_one("#text-if_we_fail", TextArea)
        area.focus()
        await pilot.press("end", *" Og borgerne giver op.")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert load_project(example_copy).project.focus.if_we_fail.endswith("Og borgerne giver op.")


async def test_list_add_bar_is_saved_on_home(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "milestones")
        await pilot.press("n", *"Pilot i distrikt Nord")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert load_project(example_copy).project.insist.milestones[-1].title == "Pilot i distrikt Nord"


async def test_process_cell_is_saved_on_ctrl_q(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "process")
        await pilot.press("down", "e", "ctrl+u", *"Uge 12 til 20")  # the timeframe of the second phase
        await pilot.press("ctrl+q")
        await pilot.pause()
    rows = load_project(example_copy).project.focus.process
    assert next(r for r in rows if r.phase == "experience").timeframe == "Uge 12 til 20"


async def test_a_language_switch_keeps_the_open_bar(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        await pilot.press("n", *"Kirst", "f2")
        await pilot.pause()
        assert app.language == "en"
        assert bar(app).is_open and bar(app).text == "Kirst"
        await pilot.press(*"en", "enter")
        assert app.session.project.readiness.team[-1].name == "Kirsten"


# -- refused input keeps the text, with the reason -------------------------------------------------
async def test_too_long_title_stays_in_the_field_with_the_reason(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "milestones")
        before = len(app.session.project.insist.milestones)
        typed = ("Lang titel " * 60)[:510]
        await pilot.press("n")
        await paste(pilot, typed[:-1])  # pasted, and the last character typed
        await pilot.press(typed[-1], "enter")
        assert app.screen.is_mounted  # no traceback
        assert len(app.session.project.insist.milestones) == before
        assert bar(app).is_open and bar(app).text == typed
        assert "500" in reason(app)
        await pilot.press("backspace")
        assert reason(app) == ""  # typing clears the reason
        await pilot.press(*["backspace"] * 9)
        await pilot.press("enter", "enter")
        await pilot.press("ctrl+s")
    assert load_project(example_copy).project.insist.milestones[-1].title == ("Lang titel " * 60)[:500].strip()


async def test_bad_date_stays_in_the_field(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "observations")
        await pilot.press("d", "ctrl+u", *"20. marts", "enter")
        assert bar(app).is_open and bar(app).text == "20. marts"
        assert "20. marts" in reason(app)
        await pilot.press("ctrl+u", *"2026-03-20", "enter")
        assert not bar(app).is_open
        assert app.session.project.experience.observations[0].date.isoformat() == "2026-03-20"


async def test_out_of_range_number_stays_in_the_field(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "process")
        await pilot.press("right", "e", "ctrl+u", *"600", "enter")  # weeks: at most 520
        assert bar(app).is_open and bar(app).text == "600"
        assert reason(app)
        await pilot.press("backspace", "enter")  # the cursor is after the text, nothing selected
        assert not bar(app).is_open
        assert app.session.project.focus.process[0].weeks == 60
        await pilot.press("e", "ctrl+u", *"tolv", "enter")  # not a number at all
        assert bar(app).text == "tolv" and "tolv" in reason(app)
        await pilot.press("escape")
        assert app.session.project.focus.process[0].weeks == 60


async def test_refused_text_on_the_tree_is_kept_as_a_draft_and_quitting_asks(example_copy: Path) -> None:
    app = make_app(example_copy)
    long_text = "Årsag " * 3400  # more than the 20,000 characters a text may hold
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "problem-tree")
        causes = len(app.session.project.focus.causes)
        await pilot.press("a")
        await paste(pilot, long_text)
        await pilot.press("enter")
        assert bar(app).text == long_text and reason(app)
        await goto(pilot, "overview")
        assert len(app.session.project.focus.causes) == causes
        await goto(pilot, "problem-tree")  # back: the bar is open again, marked as a draft
        assert bar(app).is_open and bar(app).text == long_text
        assert bar(app).has_class("-draft") and reason(app)
        assert isinstance(app.screen.focused, BarInput)
        assert app.screen.focused.cursor_position == len(long_text)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuitScreen)
        assert "Årsag Årsag" in str(app.screen.query_one(".choice-message").visual)
        await pilot.click("#choice-cancel")
        await pilot.pause()
        assert app.screen.NAME == "problem-tree" and bar(app).text == long_text
        await pilot.press("ctrl+u", *"Sagsbehandlerne mangler tid", "enter", "enter")
        assert app.session.project.focus.causes[-1].text == "Sagsbehandlerne mangler tid"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_project(example_copy).project.focus.causes[-1].text == "Sagsbehandlerne mangler tid"


async def test_quitting_anyway_drops_the_draft_only_when_confirmed(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        await pilot.press("n")
        await paste(pilot, "x" * 600)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuitScreen)
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert not app.is_running
    assert all(m.name != "x" * 600 for m in load_project(example_copy).project.readiness.team)


async def test_closing_the_project_with_a_draft_asks(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        await pilot.press("n")
        await paste(pilot, HOSTILE * 10)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, DraftsLeftScreen)
        assert "[/]" in str(app.screen.query_one(".choice-message").visual)  # user text shown as it is
        await pilot.press("escape")  # the default: back to the text
        await pilot.pause()
        assert app.screen.NAME == "team" and bar(app).text == HOSTILE * 10
        await pilot.press("f4")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.session is None


# -- the new-project wizard --------------------------------------------------------------------------
async def test_esc_in_the_wizard_asks_before_throwing_text_away(tmp_path: Path) -> None:
    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"Kortere ventetid", "escape")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # the default: keep editing
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.query_one("#title", Input).value == "Kortere ventetid"
        await pilot.press("escape")
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f5")
        assert app.screen.query_one("#title", Input).value == ""  # discarded means gone
        await pilot.press("escape")  # nothing typed: no question
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_wizard_text_is_kept_as_a_draft_when_jumping_away(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"Kortere ventetid")
        await pilot.click("#problem")
        await pilot.press(*"Folk venter")
        await palette_to(pilot, "Overblik")
        assert app.screen.NAME == "overview"
        await pilot.press("f5")
        wizard = app.screen
        assert isinstance(wizard, WizardScreen) and wizard.has_class("-draft")
        assert wizard.query_one("#title", Input).value == "Kortere ventetid"
        assert wizard.query_one("#file-name", Input).value == "kortere-ventetid.borgerspil.yaml"
        assert wizard.query_one("#problem", TextArea).text == "Folk venter"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedQuitScreen)
        assert "Kortere ventetid" in str(app.screen.query_one(".choice-message").visual)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is wizard and wizard.query_one("#title", Input).value == "Kortere ventetid"


async def test_a_wizard_that_created_its_project_leaves_no_draft(tmp_path: Path) -> None:
    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"Kortere ventetid", "ctrl+s")
        await pilot.pause()
        assert app.screen.NAME == "overview"
        await pilot.press("f5")
        assert app.screen.query_one("#title", Input).value == ""
        await pilot.press("escape", "ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_assessment_note_kept_for_its_own_dimension(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "assessment")
        await pilot.press("down", "down", "e", "ctrl+u", *"Strategien nævner borgerne")
        table = app.screen.query_one("#dimensions", DataTable)
        table.focus()
        await pilot.press("up")  # the cursor moves away before the text is committed
        await goto(pilot, "overview")
        assert app.session.project.organisation.assessment["strategy"].note == "Strategien nævner borgerne"


async def test_checklist_note_is_saved_as_typed_and_kept_on_ctrl_q(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c", "e", *"Spørg Borgerservice")  # the note field saves as you type
        await pilot.press("ctrl+q")
        await pilot.pause()
    answers = load_project(example_copy).project.checklists
    assert any(a.note.endswith("Spørg Borgerservice") for a in answers.values())


async def test_typed_text_goes_to_its_own_project_when_a_new_one_is_created(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        await pilot.press("n", *"Kirsten", "f5")  # the wizard opens over the team screen
        await pilot.press(*"Kortere ventetid", "ctrl+s")
        await pilot.pause()
        assert app.screen.NAME == "overview" and app.session.project.title == "Kortere ventetid"
        assert app.session.project.readiness.team == []
    assert load_project(example_copy).project.readiness.team[-1].name == "Kirsten"


async def test_a_too_long_idea_left_in_the_matrix_bar_is_kept_as_a_draft(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        ideas = len(app.session.project.create.ideas)
        await pilot.press("n")
        await paste(pilot, "Idé " * 150)
        await goto(pilot, "overview")
        assert len(app.session.project.create.ideas) == ideas
        await goto(pilot, "matrix")
        assert bar(app).is_open and bar(app).text == "Idé " * 150 and reason(app)
