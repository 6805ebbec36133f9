"""The fishbone screen by keys: make one with the suggested bones, add and edit items, rename and
delete bones with undo, send a cause to the problem tree and a solution to the ideas (linked,
never twice, one undo takes both back), and the saved file."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.storage import load_project
from tests.app_helpers import HOSTILE as _HOSTILE
from tests.app_helpers import goto, make_app, notices, save_now, screen_text, until

HOSTILE = _HOSTILE.replace("🎉 ", "")  # a key press types no emoji
DANISH = ["Mennesker", "Procedurer", "IT", "Regler", "Sted", "Kommunikation"]


async def _new(pilot, *, solutions: bool = False, head: str = "") -> None:  # noqa: ANN001
    """f, pick a new fishbone over causes (or solutions), type its head."""
    count = len(pilot.app.session.project.create.fishbones)
    await pilot.press("f")
    await until(pilot, lambda: _focused(pilot) == "picker-list")  # the picker has the keys (a busy machine is slow)
    if count:  # the picker starts on the fishbone shown; the new ones come after all of them
        await pilot.press(*["down"] * (count - 1))
    await pilot.press(*["down"] * ((1 if count else 0) + (1 if solutions else 0)), "enter")
    await until(pilot, lambda: _focused(pilot) == "edit-input")  # the head's field, not the app's keys
    await pilot.press(*head, "enter")
    await pilot.pause()


def _focused(pilot) -> str | None:  # noqa: ANN001
    return getattr(pilot.app.focused, "id", None)


def _fish(app, index: int = -1):  # noqa: ANN001, ANN202
    return app.session.project.create.fishbones[index]


async def test_make_a_fishbone_add_items_rename_and_delete_a_bone_with_undo(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "fishbone")
        assert "f for at lave et" in screen_text(app)
        await _new(pilot, head="Borgerne venter for længe")
        fish = _fish(app)
        assert fish.kind == "causes" and fish.head == "Borgerne venter for længe"
        assert [b.category for b in fish.bones] == DANISH and all(not b.items for b in fish.bones)
        assert "Hvem er involveret" in screen_text(app)  # what the suggested bone asks about
        await pilot.press("n", *"Ved ikke hvem de skal ringe til", "enter", *HOSTILE, "enter", "enter")
        await pilot.pause()
        assert [i.text for i in _fish(app).bones[0].items] == ["Ved ikke hvem de skal ringe til", HOSTILE]
        drawing = app.screen.query_one("#fish").plain()
        assert "MENNESKER" in drawing and "╲ Ved ikke hvem de skal" in drawing and "╲ [/] [b]fed[/b]" in drawing
        assert HOSTILE in screen_text(app)  # the selected item whole, under the drawing
        # edit the first item: up from the last goes towards the bone's name
        await pilot.press("up", "e", "ctrl+u", *"Ved ikke, hvem de skal ringe til", "enter")
        await pilot.pause()
        assert _fish(app).bones[0].items[0].text == "Ved ikke, hvem de skal ringe til"
        # rename the bone
        await pilot.press("up", "enter", "ctrl+u", *"Borgere og personale", "enter")
        await pilot.pause()
        assert _fish(app).bones[0].category == "Borgere og personale"
        # a new bone
        await pilot.press("b", *"Økonomi", "enter")
        await pilot.pause()
        assert [b.category for b in _fish(app).bones][-1] == "Økonomi"
        # delete the second bone (Procedurer: the name is selected), and take it back
        await pilot.press("left", "left", "left", "left", "left", "left", "right")
        await pilot.press("delete")
        await pilot.pause()
        assert "Procedurer" not in [b.category for b in _fish(app).bones]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [b.category for b in _fish(app).bones][1] == "Procedurer"
        # delete an item and take it back
        await pilot.press("left", "down", "down", "delete")
        await pilot.pause()
        assert [i.text for i in _fish(app).bones[0].items] == ["Ved ikke, hvem de skal ringe til"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(_fish(app).bones[0].items) == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_project(example_copy).project.create.fishbones
    assert len(saved) == 1 and saved[0].head == "Borgerne venter for længe"
    assert [b.category for b in saved[0].bones] == ["Borgere og personale", *DANISH[1:], "Økonomi"]
    assert saved[0].bones[0].items[1].text == HOSTILE


async def test_an_empty_head_is_the_problem_statement_and_english_bones(example_copy: Path) -> None:
    # the bones go into the project: in its language (English here), not the app's
    text = example_copy.read_text("utf-8")
    example_copy.write_text(text.replace("schema_version: 1\n", "schema_version: 1\nlanguage: en\n", 1), "utf-8")
    app = make_app(example_copy, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "fishbone")
        await _new(pilot, solutions=True)
        fish = _fish(app)
        assert fish.kind == "solutions" and fish.head == ""
        assert [b.category for b in fish.bones] == ["People", "Procedures", "IT", "Rules", "Place", "Communication"]
        problem = " ".join(app.session.project.focus.problem.split())
        assert problem[:15] in " ".join(app.screen.query_one("#fish").plain().split())
        assert "the problem statement" in screen_text(app) and "over solutions" in screen_text(app)


async def test_send_a_cause_to_the_tree_and_a_solution_to_the_ideas(example_copy: Path, monkeypatch) -> None:  # noqa: ANN001
    app = make_app(example_copy)
    sent = notices(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "fishbone")
        causes = len(app.session.project.focus.causes)
        ideas = len(app.session.project.create.ideas)
        await _new(pilot, head="Ventetid")
        await pilot.press("s")  # the bone's name is selected: nothing to send
        await pilot.pause()
        assert len(app.session.project.focus.causes) == causes and "Vælg et punkt" in sent[-1]
        await pilot.press("n", *"Tre systemer", "enter", "enter", "s")
        await pilot.pause()
        project = app.session.project
        cause = project.focus.causes[-1]
        assert len(project.focus.causes) == causes + 1 and cause.text == "Tre systemer"
        assert _fish(app).bones[0].items[0].linked == cause.id
        assert "✓ Tre systemer" in app.screen.query_one("#fish").plain()
        assert "Sendt til problemtræet som: Tre systemer" in screen_text(app)
        await pilot.press("s")  # not twice
        await pilot.pause()
        assert len(app.session.project.focus.causes) == causes + 1 and "ikke to gange" in sent[-1]
        # the cause's text changed in the tree is what the fishbone shows it became
        app.session.apply("x", app.session.changes.set(("focus", "causes", cause.id, "text"), "Tre IT-systemer"))
        await pilot.pause()
        assert "som: Tre IT-systemer" in screen_text(app)
        # one undo takes the edit back, the next both the cause and the link
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert len(app.session.project.focus.causes) == causes and _fish(app).bones[0].items[0].linked is None
        await pilot.press("s")
        await pilot.pause()
        cause = app.session.project.focus.causes[-1]
        assert _fish(app).bones[0].items[0].linked == cause.id
        # the cause deleted in the tree clears the link: it may be sent again
        app.session.apply("x", app.session.changes.remove(("focus", "causes", cause.id)))
        await pilot.pause()
        assert _fish(app).bones[0].items[0].linked is None and "✓" not in app.screen.query_one("#fish").plain()
        # a solution goes to the ideas
        await _new(pilot, solutions=True, head="Svar samme dag")
        await pilot.press("down", "n", *"Én indgang for alle " * 15, "enter", "enter", "s")
        await pilot.pause()
        project = app.session.project
        idea = project.create.ideas[-1]
        item = _fish(app).bones[0].items[0]
        assert len(project.create.ideas) == ideas + 1 and idea.source == "fishbone" and item.linked == idea.id
        assert idea.title.endswith("…") and len(idea.title) <= 200 and idea.description == item.text
        await pilot.press("s")
        await pilot.pause()
        assert len(app.session.project.create.ideas) == ideas + 1 and "ikke to gange" in sent[-1]
        await save_now(pilot)
        saved = load_project(example_copy).project
        assert saved.create.fishbones[-1].bones[0].items[0].linked == saved.create.ideas[-1].id
        assert saved.create.ideas[-1].source == "fishbone"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(app.session.project.create.ideas) == ideas and _fish(app).bones[0].items[0].linked is None


async def test_choose_between_fishbones_and_delete_one_with_undo(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "fishbone")
        await _new(pilot, head="Første")
        await _new(pilot, solutions=True, head="Andet")
        assert "Fiskeben 2 af 2 · over løsninger" in screen_text(app)
        await pilot.press("f", "up", "enter")  # the first one in the picker
        await pilot.pause()
        assert "Fiskeben 1 af 2 · over årsager" in screen_text(app) and "Første" in app.screen.query_one("#fish").plain()
        await pilot.press("D")
        await pilot.pause()
        assert [f.head for f in app.session.project.create.fishbones] == ["Andet"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [f.head for f in app.session.project.create.fishbones] == ["Første", "Andet"]


async def test_an_item_typed_but_not_entered_is_added_when_jumping_away(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await goto(pilot, "fishbone")
        await _new(pilot, head="Ventetid")
        await pilot.press("right", "right", "n", *"Skemaet er svært")  # no Enter
        app.action_goto("problem-tree")
        await pilot.pause()
        assert [i.text for i in _fish(app).bones[2].items] == ["Skemaet er svært"]
        assert not any(b.items for i, b in enumerate(_fish(app).bones) if i != 2)
