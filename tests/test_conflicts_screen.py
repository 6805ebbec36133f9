"""The Konflikter screen: a file with conflicts opens on it; o / t / b / e+text+Enter resolve them
as the user presses keys, each one undoable step, autosaved; hostile texts are shown as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from borgerspil_tui.core.model.conflicts import Conflict
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, make_app, notices, screen_text

IDEA = "idea-k3m4np"
TITLE = "Hurtigspor for enkle sager"
DESCRIPTION = "Én sagsbehandler tager alle enkle sager dagligt."

TITLE_CONFLICT = Conflict(id="conflict-title1", where=f"create.ideas.{IDEA}.title", kind="text",
                          about="Idé «Hurtigspor»: titel", base="Hurtigt spor", ours=TITLE, theirs="Hurtigspor")
WEIGHT_CONFLICT = Conflict(id="conflict-weight", where="create.weights.importance", kind="value",
                           about="Vægt: Vigtighed", base="2", ours="3", theirs="5")
TEXT_CONFLICT = Conflict(id="conflict-descr1", where=f"create.ideas.{IDEA}.description", kind="text",
                         about="Idé «Hurtigspor»: beskrivelse", ours=DESCRIPTION, theirs="To gange om ugen.")


def with_conflicts(path: Path, *conflicts: Conflict) -> Path:
    project = load_project(path).project
    project.conflicts = list(conflicts)
    save_project(path, project, force=True)
    return path


def idea(project, idea_id: str = IDEA):  # noqa: ANN001
    return next(i for i in project.create.ideas if i.id == idea_id)


async def saved(app, pilot) -> None:  # noqa: ANN001
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_file_with_three_conflicts_opens_on_konflikter_and_keys_resolve_them(example_copy: Path) -> None:
    path = with_conflicts(example_copy, TITLE_CONFLICT, WEIGHT_CONFLICT, TEXT_CONFLICT)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.NAME == "conflicts"
        text = screen_text(app)
        assert "3 konflikter" in text and "Idé «Hurtigspor»: titel" in text
        assert "Hurtigt spor" in text and "Hurtigspor" in text  # base, ours and theirs of the first

        await pilot.press("t")  # theirs for the title
        project = app.session.project
        assert idea(project).title == "Hurtigspor"
        assert [c.id for c in project.conflicts] == ["conflict-weight", "conflict-descr1"]
        assert app.screen.query_one("#conflicts", DataTable).row_count == 2

        await pilot.press("b")  # both makes no sense for a number: nothing happens
        assert len(app.session.project.conflicts) == 2
        await pilot.press("o")  # ours for the weight
        assert app.session.project.create.weights["importance"] == 3
        assert [c.id for c in app.session.project.conflicts] == ["conflict-descr1"]
        await saved(app, pilot)
        on_disk = load_project(path).project
        assert idea(on_disk).title == "Hurtigspor" and [c.id for c in on_disk.conflicts] == ["conflict-descr1"]

        await pilot.press("e")  # a description has lines: written in the area, which starts with ours
        assert app.screen.query_one("#area-text").text == DESCRIPTION
        await pilot.press("f7", *"Hver dag", "enter", *"og nat")  # F7 selects all; Enter makes a line
        assert app.session.project.conflicts != []
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert idea(app.session.project).description == "Hver dag\nog nat"
        assert app.session.project.conflicts == []
        assert app.screen.NAME == "overview"  # the last one resolved: back where the user was
        await saved(app, pilot)
        assert "conflicts:" not in path.read_text(encoding="utf-8")
        assert idea(load_project(path).project).description == "Hver dag\nog nat"

        await pilot.press("ctrl+z")  # the edit and the conflict come back as one step
        assert idea(app.session.project).description == DESCRIPTION
        assert [c.id for c in app.session.project.conflicts] == ["conflict-descr1"]
        await saved(app, pilot)
        assert "conflicts:" in path.read_text(encoding="utf-8")


async def test_both_for_a_text_and_undo_on_the_screen(example_copy: Path) -> None:
    path = with_conflicts(example_copy, TEXT_CONFLICT, WEIGHT_CONFLICT)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.NAME == "conflicts"
        await pilot.press("b")
        assert idea(app.session.project).description == f"{DESCRIPTION}\n\nTo gange om ugen."
        await pilot.press("ctrl+z")
        assert idea(app.session.project).description == DESCRIPTION
        assert [c.id for c in app.session.project.conflicts] == ["conflict-descr1", "conflict-weight"]
        assert app.screen.query_one("#conflicts", DataTable).row_count == 2
        await pilot.press("down", "t")
        assert app.session.project.create.weights["importance"] == 5
        assert app.screen.NAME == "conflicts"  # one left


async def test_escape_cancels_the_edit_and_leaving_keeps_what_was_typed(example_copy: Path) -> None:
    path = with_conflicts(example_copy, TITLE_CONFLICT)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "end", *" 2", "escape")
        assert idea(app.session.project).title == TITLE and len(app.session.project.conflicts) == 1
        await pilot.press("e", "ctrl+u", *"Sporet")
        app.action_goto("overview")  # leaving with typed text: taken as Enter would
        await pilot.pause()
        assert idea(app.session.project).title == "Sporet"
        assert app.session.project.conflicts == []


HOSTILE_ABOUT = "[bold]x[/] [$accent] [@click=app.quit] " + "lang " * 80
HOSTILE_OURS = "[bold]vores[/]\n" + "meget lang tekst " * 300
HOSTILE_THEIRS = "[/] [link=x]deres[/link] \\[x]"


async def test_hostile_texts_are_shown_as_written_at_80_by_24(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conflict = Conflict(id="conflict-host11", where=f"create.ideas.{IDEA}.description", kind="text",
                        about=HOSTILE_ABOUT.strip(), base="[b]", ours=HOSTILE_OURS, theirs=HOSTILE_THEIRS)
    path = with_conflicts(example_copy, conflict)
    app = make_app(path)
    said = notices(app, monkeypatch)  # recorded when sent: a notice times out on a slow machine
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.NAME == "conflicts"
        text = screen_text(app)
        assert HOSTILE_ABOUT.strip() in text and HOSTILE_OURS in text and HOSTILE_THEIRS in text
        assert "[b]" in text
        sides = app.screen.query_one("#sides")
        assert sides.region.height >= 8 and all(
            app.screen.query_one(f"#side-{side}").region.width >= 20 for side in ("base", "ours", "theirs"))
        await pilot.press("t")
        assert idea(app.session.project).description == HOSTILE_THEIRS
        await pilot.press("ctrl+z")  # the undo notice names the step by the hostile about
        await pilot.pause()
        assert app.is_running and len(app.session.project.conflicts) == 1
        assert any(HOSTILE_ABOUT.strip() in str(note) for note in said)  # as sent (it times out after 2 s)


async def test_the_screen_without_conflicts_says_so_and_is_in_the_palette(example_copy: Path) -> None:
    app = make_app(example_copy, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.NAME == "overview"  # nothing to choose: the overview as always
        app.action_goto("conflicts")
        await pilot.pause()
        assert "No conflicts" in screen_text(app)
        await pilot.press("o", "t", "b", "e")
        assert app.session.undo_steps() == [] and app.is_running


async def test_an_item_deleted_on_their_side_shows_its_fields_and_t_deletes_it(example_copy: Path) -> None:
    import json

    data = json.dumps(idea(load_project(example_copy).project, "idea-q5r6st").model_dump(mode="json"))
    conflict = Conflict(id="conflict-item11", where="create.ideas.idea-q5r6st", kind="item", about="Idé «Skema»",
                        base=data, ours=data, theirs=None)
    path = with_conflicts(example_copy, conflict)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Skema i almindeligt dansk\nsource: fishbone" in text and "(slettet)" in text
        shown = {b.binding.key for b in app.screen.active_bindings.values() if b.enabled and b.binding.show}
        assert {"o", "t"} <= shown and not {"b", "e"} & shown
        await pilot.press("e", "b")
        assert len(app.session.project.conflicts) == 1
        await pilot.press("t")
        project = app.session.project
        assert "idea-q5r6st" not in {i.id for i in project.create.ideas} and project.conflicts == []
        assert all(v.idea != "idea-q5r6st" for v in project.create.votes)
        await pilot.press("ctrl+z")
        assert app.session.project.model_dump() == load_project(path).project.model_dump()


async def test_ctrl_s_in_the_edit_bar_takes_the_text_and_saves(example_copy: Path) -> None:
    path = with_conflicts(example_copy, TITLE_CONFLICT, WEIGHT_CONFLICT)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "ctrl+u", *"Sporet", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert idea(app.session.project).title == "Sporet"
        on_disk = load_project(path).project
        assert idea(on_disk).title == "Sporet" and [c.id for c in on_disk.conflicts] == ["conflict-weight"]
        await pilot.press("e", "ctrl+u", *"x7", "enter")  # not a number: refused, the conflict stays
        await pilot.pause()
        assert app.session.project.create.weights["importance"] == 3 and len(app.session.project.conflicts) == 1
        await pilot.press("ctrl+u", *"7", "enter")
        await pilot.pause()
        assert app.session.project.create.weights["importance"] == 7 and app.session.project.conflicts == []


async def test_opening_a_file_with_conflicts_from_the_home_screen_shows_konflikter(example_copy: Path) -> None:
    path = with_conflicts(example_copy, WEIGHT_CONFLICT)
    app = make_app(None, folder=path.parent, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.open_project(path)
        await pilot.pause()
        assert app.screen.NAME == "conflicts"
        assert "1 conflict" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.NAME == "overview" and app.session.project.create.weights["importance"] == 5


async def test_a_refused_value_typed_before_leaving_is_kept_as_a_draft(example_copy: Path) -> None:
    from borgerspil_tui.tui.widgets.edit_bar import EditBar

    path = with_conflicts(example_copy, WEIGHT_CONFLICT, TITLE_CONFLICT)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "ctrl+u", *"mange")
        app.action_goto("overview")  # taken as Enter would: refused (not a number), so kept
        await pilot.pause()
        assert app.screen.NAME == "overview" and len(app.session.project.conflicts) == 2
        app.action_goto("conflicts")
        await pilot.pause()
        bar = app.screen.query_one(EditBar)
        assert bar.is_open and bar.text == "mange" and bar.has_class("-draft")
        await pilot.press("ctrl+u", *"6", "enter")
        await pilot.pause()
        assert app.session.project.create.weights["importance"] == 6
        assert [c.id for c in app.session.project.conflicts] == ["conflict-title1"]


async def test_the_area_text_is_taken_on_leaving_or_kept_as_a_draft_when_refused(example_copy: Path) -> None:
    from textual.widgets import TextArea

    from borgerspil_tui.tui.widgets.edit_area import EditArea

    path = with_conflicts(example_copy, TEXT_CONFLICT, TITLE_CONFLICT)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "end", *" Også i weekenden.", "escape")  # Esc: nothing taken
        assert idea(app.session.project).description == DESCRIPTION and len(app.session.project.conflicts) == 2
        await pilot.press("e")
        app.screen.query_one("#area-text", TextArea).load_text("x" * 20_001)  # as a paste: too long
        app.action_goto("overview")
        await pilot.pause()
        assert idea(app.session.project).description == DESCRIPTION and len(app.session.project.conflicts) == 2
        app.action_goto("conflicts")
        await pilot.pause()
        area = app.screen.query_one(EditArea)
        assert area.is_open and area.has_class("-draft") and area.text == "x" * 20_001 and area.reason
        await pilot.press("ctrl+s")  # still too long: said under the area, nothing changed
        assert area.is_open and area.has_class("-refused") and len(app.session.project.conflicts) == 2
        area.query_one(TextArea).load_text("Kort\nog godt")
        app.action_goto("overview")  # taken on leaving, as Ctrl+S would
        await pilot.pause()
        assert idea(app.session.project).description == "Kort\nog godt"
        assert [c.id for c in app.session.project.conflicts] == ["conflict-title1"]


async def test_a_new_language_keeps_the_open_area_and_its_text(example_copy: Path) -> None:
    from borgerspil_tui.tui.widgets.edit_area import EditArea

    path = with_conflicts(example_copy, TEXT_CONFLICT)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "end", *" Hver dag.", "f2")
        await pilot.pause()
        area = app.screen.query_one(EditArea)
        assert area.is_open and area.text == DESCRIPTION + " Hver dag."
        assert "Conflicts" in screen_text(app) and "Theirs (t)" in screen_text(app)
        await pilot.press("ctrl+s")
        assert idea(app.session.project).description == DESCRIPTION + " Hver dag."


async def test_conflicts_come_first_even_when_the_app_offers_git_set_up(example_copy: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        return
    subprocess.run(["git", "init", "-q", str(example_copy.parent)], check=True)
    path = with_conflicts(example_copy, WEIGHT_CONFLICT)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names = [getattr(s, "NAME", type(s).__name__) for s in app.screen_stack]
        assert "conflicts" in names, names
        await pilot.press("escape")  # whatever was offered on top, declined
        await pilot.pause()
        assert app.screen.NAME == "conflicts"
