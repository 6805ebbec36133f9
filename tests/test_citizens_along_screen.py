"""Pilot tests of "citizens along the way": ways citizens keep giving input during the
implementation (what, when, who) added, edited, deleted and undone by keys; the method's
guidance on screen; the saved file; the check's line when the list is empty."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.overview import project_status
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.registry import tools_for
from tests.app_helpers import HOSTILE, SIZE, goto, make_app, screen_text

TYPED = HOSTILE.replace("🎉 ", "")
"""Markup-like text as typed (Pilot presses no emoji)."""


async def test_add_edit_delete_undo_and_the_saved_file(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "citizens-along")
        assert "invitér dem løbende til at foreslå forbedringer" in screen_text(app)  # the guidance
        await pilot.press("n", *"Sms med ét spørgsmål", "enter", "enter")
        await pilot.press("t", *"Hver måned", "enter", "h", *TYPED, "enter")
        voice = app.session.project.insist.citizen_input[-1]
        assert (voice.what, voice.when, voice.who) == ("Sms med ét spørgsmål", "Hver måned", TYPED)
        assert TYPED in screen_text(app)
        await pilot.press("e", "ctrl+u", *"Sms med to spørgsmål", "enter")
        assert app.session.project.insist.citizen_input[-1].what == "Sms med to spørgsmål"
        await pilot.press("ctrl+home", "delete")
        first = app.session.project.insist.citizen_input[0]
        assert first.what == "Ældrerådet ser det nye skema og sms'erne igennem"
        await pilot.press("ctrl+z")
        assert len(app.session.project.insist.citizen_input) == 3
        await pilot.press("ctrl+s")
    saved = load_project(example_copy).project.insist.citizen_input
    assert [(v.what, v.when, v.who) for v in saved][2] == ("Sms med to spørgsmål", "Hver måned", TYPED)
    assert saved[0].who == "Ergoterapeuten"


async def test_an_empty_plan_says_so_on_screen_and_in_the_overview(example_copy: Path) -> None:
    assert "citizens-along" in tools_for("insist", "hand-over")
    assert "resources" in tools_for("insist", "implement")
    app = make_app(example_copy, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "citizens-along")
        await pilot.press("delete", "delete")
        assert not app.session.project.insist.citizen_input
        assert "No plan for citizens' input yet" in screen_text(app)
        insist = next(s for s in project_status(app.session.project, app.method, "en") if s.id == "insist")
        assert "Plan how citizens give input during the implementation" in insist.missing
