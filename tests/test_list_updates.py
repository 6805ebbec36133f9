"""The list screens follow an edit row by row: editing one item's field changes its row and does
not fill the table again, and after any add, edit, delete, move, undo or redo the screen shows
exactly what a screen opened afresh on the same project shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static, TextArea

from borgerspil_tui.tui.screens.help import HelpScreen
from tests.app_helpers import SIZE, goto, make_app


def table_rows(table: DataTable) -> list[tuple[str, list[str]]]:
    """A table's rows in order: key and the cells' plain text."""
    return [(str(row.key.value), [str(value) for value in table.get_row(row.key)]) for row in table.ordered_rows]


def content(screen: Any) -> dict[str, Any]:
    """Everything the screen shows of the project: each table, the detail and totals, the texts."""
    shown: dict[str, Any] = {}
    for table in screen.query(DataTable):
        shown[table.id] = table_rows(table)
    for static in screen.query(Static):
        if static.id in ("detail", "totals", "note-detail"):
            shown[static.id] = str(static.visual)
        if static.id == "items-empty":
            shown["empty"] = static.display
    for area in screen.query(TextArea):
        shown[area.id] = area.text
    return shown


async def fresh_content(pilot) -> dict[str, Any]:  # noqa: ANN001
    """What a new screen of the same kind shows, with its cursors where the current one's are."""
    app = pilot.app
    here = app.screen
    cursors = {table.id: table.cursor_coordinate for table in here.query(DataTable)}
    focused = here.focused.id if here.focused is not None else None
    fresh = type(here)()
    await app.push_screen(fresh)
    await pilot.pause()
    for table in fresh.query(DataTable):
        table.move_cursor(row=cursors[table.id].row, column=cursors[table.id].column)
    if focused:
        fresh.query_one(f"#{focused}").focus()  # the knowledge screen's detail follows the focused list
    await pilot.pause()
    shown = content(fresh)
    app.pop_screen()
    await pilot.pause()
    return shown


class Clears:
    """Counts how often the tables of a screen are emptied (filled again)."""

    def __init__(self, screen: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        for table in screen.query(DataTable):
            original = table.clear

            def counting(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
                self.count += 1
                return _original(*args, **kwargs)

            monkeypatch.setattr(table, "clear", counting)


def row_keys(screen: Any) -> dict[str, list[object]]:
    """The row key objects of every table (the same objects while no row is made again)."""
    return {table.id: list(table.rows) for table in screen.query(DataTable)}


# (screen, keys that edit one field of the item under the cursor, the text that then shows)
ONE_FIELD = [
    ("observations", ("e", "ctrl+u", *"Ny iagttagelse", "enter"), "Ny iagttagelse"),
    ("insights", ("e", "ctrl+u", *"Ny indsigt", "enter"), "Ny indsigt"),
    ("what-ifs", ("e", "ctrl+u", *"Hvad nu hvis alt var let?", "enter"), "Hvad nu hvis alt var let?"),
    ("target-groups", ("d", "ctrl+u", *"Ny beskrivelse", "enter"), "Ny beskrivelse"),
    ("team", ("o", "ctrl+u", *"Ny rolle", "enter"), "Ny rolle"),
    ("milestones", ("o", "ctrl+u", *"Anne", "enter"), "Anne"),
    ("exercises", ("e", "ctrl+u", *"Nye noter", "enter"), "Nye noter"),
    ("concepts", ("s",), "valgt"),
    ("knowledge", ("e", "ctrl+u", *"Ny viden", "enter"), "Ny viden"),
    ("value", ("e", "ctrl+u", *"Nyt mål", "enter"), "Nyt mål"),
    ("process", ("enter", "ctrl+u", *"Uge 1-3", "enter"), "Uge 1-3"),
]


@pytest.mark.parametrize(("name", "keys", "text"), ONE_FIELD, ids=[case[0] for case in ONE_FIELD])
async def test_editing_one_field_changes_its_row_without_filling_the_table_again(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch, name: str, keys: tuple[str, ...], text: str) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, name)
        screen = app.screen
        if name == "exercises" and not app.session.project.organisation.exercises:
            await pilot.press("n", "enter")
        clears = Clears(screen, monkeypatch)
        keys_before = row_keys(screen)
        revision = app.session.revision
        await pilot.press(*keys)
        assert app.session.revision == revision + 1  # one edit was made
        assert clears.count == 0
        after = row_keys(screen)
        assert all(a is b for table in keys_before for a, b in zip(keys_before[table], after[table], strict=True))
        shown = content(screen)
        assert any(text in cell for rows in shown.values() if isinstance(rows, list)
                   for _, cells in rows for cell in cells)
        assert shown == await fresh_content(pilot)


# (screen, one step after another: keys, as a user presses them)
STEPS = {
    "observations": [("n", *"Står i kø", "enter", *"Går igen", "enter", "enter"),
                     ("up", "q", *"Hvor er det?", "enter", "enter"), ("t", *"kø", "enter"), ("shift+up",),
                     ("shift+up",), ("ctrl+home", "shift+up"), ("delete",), ("ctrl+end", "shift+down"), ("ctrl+z",),
                     ("ctrl+z",), ("ctrl+z",), ("ctrl+y",), ("ctrl+y",), ("ctrl+home", "delete"), ("ctrl+z",)],
    "insights": [("n", *"Ny indsigt", "enter", "enter"), ("o",), ("l", "space", "enter"), ("up", "up", "delete"),
                 ("shift+down",), ("ctrl+z",), ("ctrl+z",), ("ctrl+z",), ("ctrl+y",)],
    "target-groups": [("p",), ("delete",), ("n", *"A", "enter", *"B", "enter", "enter"), ("shift+up",),
                      ("ctrl+z",), ("ctrl+z",), ("ctrl+z",), ("ctrl+y",), ("ctrl+home", "shift+down")],
    "team": [("d",), ("n", *"Kirsten", "enter", "enter"), ("ctrl+home", "delete"), ("ctrl+end", "shift+up"),
             ("ctrl+z",), ("ctrl+z",), ("ctrl+y",)],
    "milestones": [("space",), ("n", *"Pilot", "enter", "enter"), ("d", *"2026-09-01", "enter"), ("shift+up",),
                   ("ctrl+home", "delete"), ("ctrl+z",), ("ctrl+z",), ("ctrl+y",)],
    "what-ifs": [("n", *"Hvad nu hvis?", "enter", "enter"), ("i", "down", "enter"), ("ctrl+home", "shift+down"),
                 ("delete",), ("ctrl+z",), ("ctrl+z",), ("ctrl+y",)],
    "knowledge": [("n", *"Første", "enter", *"Anden", "enter", "enter"), ("shift+up",), ("delete",),
                  ("tab", "tab", "tab", "s"), ("o", *"Lærte noget", "enter"), ("shift+down",), ("ctrl+z",),
                  ("ctrl+z",), ("ctrl+z",), ("ctrl+y",)],
    "value": [("space",), ("e", "ctrl+u", *"Mål", "enter"), ("down", "down", "delete"), ("space",),
              ("e", *"Et nyt mål", "enter"), ("ctrl+z",), ("ctrl+z",), ("ctrl+z",), ("ctrl+y",)],
    "process": [("enter", "ctrl+u", *"Uge 1", "enter"), ("t",), ("right", "delete"), ("ctrl+z",), ("ctrl+z",),
                ("ctrl+y",)],
}


@pytest.mark.parametrize("name", sorted(STEPS))
async def test_after_each_add_edit_delete_move_undo_and_redo_the_screen_shows_what_a_fresh_one_does(
        example_copy: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, name)
        screen = app.screen
        clears = Clears(screen, monkeypatch)
        revision = app.session.revision
        for keys in STEPS[name]:
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen is screen, keys
            assert content(screen) == await fresh_content(pilot), keys
        assert app.session.revision >= revision + len(STEPS[name]) - 1  # the steps were edits
        assert clears.count == 0  # not one of them filled a table again


async def test_a_screen_that_missed_edits_shows_them_when_it_is_back_on_top(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "observations")
        screen = app.screen
        await app.push_screen(HelpScreen(screen))
        await pilot.pause()
        session = app.session
        first = session.project.experience.observations[0].id
        session.apply("a", session.changes.set(("experience", "observations", first, "who"), "Kvinde, 40"))
        session.apply("b", session.changes.remove(("experience", "observations", first)))
        session.apply("c", session.changes.set(("experience", "observations",
                                                session.project.experience.observations[0].id, "place"), "Torvet"))
        app.pop_screen()
        await pilot.pause()
        assert app.screen is screen
        shown = content(screen)
        assert "Torvet" in str(shown["items"]) and first not in [key for key, _ in shown["items"]]
        assert shown == await fresh_content(pilot)


async def test_undoing_an_edit_made_on_another_screen_shows_it_where_it_is_named(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "insights")
        await pilot.press("down", "e", "ctrl+u", *"Omskrevet indsigt", "enter")
        await goto(pilot, "what-ifs")
        screen = app.screen
        await pilot.press("i", "down", "enter")  # tie the question to the rewritten insight
        assert "Omskrevet indsigt" in str(content(screen)["items"])
        await pilot.press("ctrl+z", "ctrl+z")  # the tie, then the rewrite made on the insights screen
        assert "Omskrevet indsigt" not in str(content(screen)["items"])
        assert content(screen) == await fresh_content(pilot)
