"""Pilot tests of the screens' keys as a user presses them: Delete, Esc back, edits that change
nothing, the status line, pickers with signs, and the smaller points of each tool screen."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import Note, TreeNode
from borgerspil_tui.core.session import SaveState
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import SIZE, goto, make_app


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
    """Type ``query`` in the palette and return the first hit once the search has answered."""
    from textual.command import CommandList

    await pilot.press("ctrl+p", *query)
    hits = pilot.app.screen.query_one(CommandList)
    for _ in range(200):
        await pilot.pause()
        if hits.option_count and query.casefold() in str(hits.get_option_at_index(0).prompt).casefold():
            break
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
