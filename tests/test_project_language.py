"""The app's language (the facilitator's) and the project's language (the room's) differ: what goes
into the project (a template's activities and questions, a fishbone's bones) and what the room
reads (the presenter view on the wall) are in the project's language; what the facilitator reads
(notices, undo and redo) in the app's, even when the app's language changed after the edit.
Pilot tests by keys, with a fake clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.picker import PickerScreen
from tests.app_helpers import (
    SIZE,
    FakeClock,
    goto,
    make_app,
    notices,
    save_now,
    screen_text,
    until,
)

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
TEMPLATE = next(t for t in bundled_method().workshop_templates if t.id == "create-quick-ideas")


def _in_english(path: Path) -> Path:
    """The example project (Danish: no ``language`` in the file) made an English project."""
    text = path.read_text("utf-8")
    path.write_text(text.replace("schema_version: 1\n", "schema_version: 1\nlanguage: en\n", 1), "utf-8")
    assert load_project(path).project.language == "en"
    return path


async def _choose(pilot, option_id: str) -> None:
    """In an open one-choice picker: highlight ``option_id`` and press Enter (wherever it starts)."""
    from textual.widgets import OptionList

    options = pilot.app.screen.query_one(OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    options.highlighted = ids.index(option_id)
    await pilot.press("enter")
    await pilot.pause()


async def _template(pilot) -> None:
    """On the workshop screen: a, the short idea round (today's workshop, as there is none)."""
    await goto(pilot, "workshop")
    await pilot.press("a")
    await until(pilot, lambda: isinstance(pilot.app.screen, PickerScreen))
    await _choose(pilot, f"template:{TEMPLATE.id}")
    await until(pilot, lambda: bool(pilot.app.session.project.workshops))


async def test_an_english_app_puts_a_danish_projects_template_in_danish_and_undo_speaks_the_apps_language(
        example_copy: Path, monkeypatch) -> None:
    assert load_project(example_copy).project.language == "da"
    app = make_app(example_copy, language="en")
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _template(pilot)
        await save_now(pilot)
        [workshop] = load_project(example_copy).project.workshops
        assert [(a.title, a.question) for a in workshop.agenda] == [
            (a.title.da, a.question.da if a.question else "") for a in TEMPLATE.activities]
        assert "Hvad kunne vi prøve allerede i næste måned?" in [a.question for a in workshop.agenda]
        assert "0 participants" in screen_text(app)  # the facilitator's screen: still the app's English

        await pilot.press("f2")  # the app in Danish now; the step was made while it was English
        await pilot.pause()
        assert app.language == "da"
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any(n.startswith("Fortrudt") for n in said))
        assert f"Fortrudt: Dagsorden fra '{TEMPLATE.name.da}'" in said
        assert app.session.project.workshops == []
        await pilot.press("f2", "ctrl+y")  # English again: the redo is said in English
        await until(pilot, lambda: any(n.startswith("Redone") for n in said))
        assert f"Redone: Agenda from '{TEMPLATE.name.en}'" in said
        assert [a.title for a in app.session.project.workshops[0].agenda] == [a.title.da for a in TEMPLATE.activities]


async def test_the_timers_step_is_undone_in_the_language_the_app_speaks_now(example_copy: Path, monkeypatch) -> None:
    app = make_app(example_copy, language="en")
    app.clock = FakeClock(START)
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _template(pilot)
        app.screen.query_one("#items").focus()
        await pilot.press("space")  # the first activity's timer starts
        await until(pilot, lambda: app.session.project.workshops[0].timer is not None)
        await pilot.press("right")  # the next activity, while the app speaks English
        await until(pilot, lambda: app.session.project.workshops[0].timer.activity == app.session.project.workshops[0].agenda[1].id)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any(n.startswith("Fortrudt") for n in said))
        assert "Fortrudt: næste" in said and not any("next" in n for n in said)


async def test_a_danish_app_shows_an_english_project_on_the_wall_in_english(example_copy: Path) -> None:
    _in_english(example_copy)
    app = make_app(example_copy, language="da")
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await _template(pilot)
        workshop = app.session.project.workshops[0]
        assert [a.title for a in workshop.agenda] == [a.title.en for a in TEMPLATE.activities]  # the project's language
        app.screen.query_one("#items").focus()
        await pilot.press("space", "right")  # the timer starts; on to the brainstorm (ideas)
        brainstorm = workshop.agenda[1].id
        await until(pilot, lambda: app.session.project.workshops[0].timer.activity == brainstorm)
        await pilot.press("f7")
        await until(pilot, lambda: app.screen.NAME == "presenter")
        meta = str(app.screen.query_one("#activity-meta", Static).visual)
        assert meta.startswith(tr("en", "presenter.meta", number=2, total=4, minutes=20)), meta
        assert "Ideas" in meta and "Aktivitet" not in meta and "Idéer" not in meta
        panel = str(app.screen.query_one("#panel-title", Static).visual)
        assert panel.startswith("Ideas in this activity"), panel
        wall = screen_text(app)
        assert "Idéer i denne aktivitet" not in wall and "Aktivitet" not in wall
        await pilot.press("f2")  # the app's language changes; the wall stays the project's
        await pilot.pause()
        assert app.language == "en" and app.screen.NAME == "presenter"
        assert str(app.screen.query_one("#activity-meta", Static).visual).startswith("Activity 2 of 4")
        await pilot.press("f2", "p")  # back to the facilitator's screen: in the app's Danish
        await until(pilot, lambda: app.screen.NAME != "presenter")
        assert app.language == "da"
        assert tr("da", "screen.workshop") in screen_text(app)


async def test_a_fishbones_suggested_bones_are_in_the_projects_language(example_copy: Path) -> None:
    app = make_app(example_copy, language="en")  # an English facilitator, a Danish project
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "fishbone")
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        await _choose(pilot, "new:causes")
        await until(pilot, lambda: bool(app.session.project.create.fishbones))
        await save_now(pilot)
        [fish] = load_project(example_copy).project.create.fishbones
        assert [b.category for b in fish.bones] == [c.name.da for c in bundled_method().fishbone_categories]


def test_a_merges_conflicts_are_worded_in_the_projects_language_whatever_the_apps(example_copy: Path) -> None:
    """The conflicts' ``about`` is kept in the file: an English app merging into a Danish project
    writes it in Danish (the app used to pass its own language)."""
    from borgerspil_tui.core.disk_sync import merge_from_disk
    from borgerspil_tui.core.session import Session

    a, b = Session.open(example_copy), Session.open(example_copy)
    idea = a.project.create.ideas[0]
    a.apply("title", a.changes.set(("create", "ideas", idea.id, "title"), "Titel fra A"))
    b.apply("title", b.changes.set(("create", "ideas", idea.id, "title"), "Titel fra B"))
    assert a.save()
    sync = merge_from_disk(b, lang="en")
    assert sync.outcome == "conflicts"
    [conflict] = b.project.conflicts
    assert conflict.about.startswith(tr("da", "merge.kind.idea")), conflict.about
    assert not conflict.about.startswith(tr("en", "merge.kind.idea"))
