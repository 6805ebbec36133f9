"""Pilot tests of the screens: wizard, home, load errors, navigation, palette, help, language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.app import BorgerspilApp
from borgerspil_tui.tui.screens.help import HelpScreen
from borgerspil_tui.tui.screens.home import HomeScreen
from borgerspil_tui.tui.screens.load_error import LoadErrorScreen
from borgerspil_tui.tui.screens.overview import OverviewScreen
from borgerspil_tui.tui.screens.part import PartScreen
from borgerspil_tui.tui.screens.wizard import WizardScreen, suggest_file_name
from tests.app_helpers import SIZE, make_app, palette_search, palette_to, screen_text


def test_file_name_suggestion() -> None:
    assert suggest_file_name("Hurtigere svar på ældres ansøgninger!") == \
        "hurtigere-svar-paa-aeldres-ansoegninger.borgerspil.yaml"
    assert suggest_file_name("   ") == "projekt.borgerspil.yaml"


async def test_new_project_through_the_wizard(tmp_path: Path) -> None:
    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        assert isinstance(app.screen, WizardScreen)
        await pilot.press(*"Kortere ventetid")
        await pilot.click("#problem")
        await pilot.press(*"Folk venter 11 uger")
        for name, role in (("Mette", "Leder"), ("Jonas", "Sagsbehandler"), ("Aisha", "Ergoterapeut")):
            await pilot.click("#member-name")
            await pilot.press(*name, "enter", *role, "enter")
        messages = str(app.screen.query_one("#messages").visual)
        assert "3" in messages and "4–6" in messages  # the method's advice on team size
        await pilot.click("#member-name")
        await pilot.press(*"Lars", "enter", *"It", "enter")
        assert "4–6" not in str(app.screen.query_one("#messages").visual)
        await pilot.click("#lang-en")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
    path = tmp_path / "kortere-ventetid.borgerspil.yaml"
    project = load_project(path).project
    assert project.title == "Kortere ventetid"
    assert project.language == "en"
    assert project.focus.problem == "Folk venter 11 uger"
    assert [(m.name, m.role) for m in project.readiness.team] == [
        ("Mette", "Leder"), ("Jonas", "Sagsbehandler"), ("Aisha", "Ergoterapeut"), ("Lars", "It")]


async def test_wizard_refuses_an_existing_file_name(tmp_path: Path) -> None:
    existing = tmp_path / "kø.borgerspil.yaml"
    existing.write_text("keep me", "utf-8")
    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"Kø")
        await pilot.click("#file-name")
        await pilot.press("ctrl+a")
        app.screen.query_one("#file-name").value = "kø.borgerspil.yaml"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert "findes allerede" in str(app.screen.query_one("#messages").visual)
    assert existing.read_text("utf-8") == "keep me"


async def test_home_lists_projects_and_opens_one(tmp_path: Path, example_copy: Path) -> None:
    broken = tmp_path / "broken.borgerspil.yaml"
    broken.write_text("a: &x 1\n", "utf-8")
    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "Hurtigere hjælp til hjælpemidler i Vestby Kommune" in text
        assert "kan ikke læses" in text
        table = app.screen.query_one("#projects")
        table.move_cursor(row=[str(table.get_row_at(i)[3]) for i in range(table.row_count)].index(example_copy.name))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert app.session.path == example_copy


async def test_a_broken_file_opens_the_error_screen_and_is_untouched(tmp_path: Path) -> None:
    broken = tmp_path / "broken.borgerspil.yaml"
    content = b"schema_version: 1\ntitle: x\nfocus:\n  problme: y\n"
    broken.write_bytes(content)
    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.open_project(broken)
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        assert f"{broken}:4:3: focus: ukendt felt 'problme'" in screen_text(app)  # the app's language
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert broken.read_bytes() == content


async def test_phases_by_single_keys_and_back_to_overview(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        for key, part in (("1", "focus"), ("2", "experience"), ("3", "create"), ("4", "insist"),
                          ("r", "readiness"), ("5", "organisation")):
            await pilot.press(key)
            assert isinstance(app.screen, PartScreen) and app.screen.part == part
        await pilot.press("0")
        assert isinstance(app.screen, OverviewScreen)
        assert len(app.screen_stack) == 2


async def test_overview_shows_progress_and_next_step(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "FOKUSÉR" in text and "Gør målet og effekten klar" in text
        assert "Næste skridt: Organisation › Placér organisationen" in text
        await pilot.press("n")
        assert isinstance(app.screen, PartScreen) and app.screen.part == "organisation"


@pytest.mark.parametrize(("query", "expected"), [("Oplev", "phase-experience"), ("Experience", "phase-experience"),
                                                  ("Overblik", "overview"), ("Overview", "overview")])
async def test_palette_finds_screens_in_both_languages(example_copy: Path, query: str, expected: str) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await palette_to(pilot, query)  # once the search has answered, however slow the machine
        await pilot.pause()
        assert getattr(app.screen, "NAME", None) == expected


async def test_palette_runs_commands_and_speaks_the_language(example_copy: Path) -> None:
    app = make_app(example_copy, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one("CommandInput").placeholder == "Search for screens and commands…"
        await palette_search(pilot, "sprog")  # the Danish name finds it in English too
        await pilot.press("enter")
        await pilot.pause()
        assert app.language == "da"


async def test_help_shows_this_screens_keys_and_the_method(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c", "f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Svar ja og gå videre" in text
        assert "Fortryd sidste ændring" in text
        assert "2. Oplev — Se verden, som borgeren ser den" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_guidance_can_be_hidden(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        guidance = app.screen.query_one("#guidance")
        assert guidance.display
        await pilot.press("g")
        assert not app.screen.query_one("#guidance").display
        await pilot.press("2")
        assert not app.screen.query_one("#guidance").display
        assert app.settings.show_guidance is False


async def test_language_switch_changes_every_text_and_is_remembered(
        example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da",
                        session=Session.open(example_copy), folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c")
        assert "Har vi en klar forståelse af problemet?" in screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        text = screen_text(app)
        assert "Do we have a clear understanding of the problem?" in text
        assert "Checklist: Focus" in text
        footer = str(app.screen.query_one("KeyBar").visual)
        assert "yes" in footer and "undo" in footer and "fortryd" not in footer
        await pilot.press("0")
        assert "Next step: Organisation" in screen_text(app)
    assert json.loads((tmp_path / "config" / "settings.json").read_text("utf-8"))["language"] == "en"
    assert Settings.load().language == "en"


async def test_theme_toggle_is_remembered(example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da",
                        session=Session.open(example_copy), folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "borgerspil"
        await pilot.press("f3")
        await pilot.pause()
        assert app.theme == "borgerspil-kontrast"
    assert Settings.load().theme == "borgerspil-kontrast"


async def test_back_to_all_projects_saves_and_closes(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "c", "j", "f4")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.session is None
        assert "Hurtigere hjælp" in screen_text(app)
        await pilot.press("f5")
        assert isinstance(app.screen, WizardScreen)
    assert load_project(example_copy).project.checklists["focus-problem-clear"].answer == "yes"


async def test_keys_that_need_a_project_are_not_offered_without_one(tmp_path: Path) -> None:
    app = make_app(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = str(app.screen.query_one("KeyBar").visual)
        assert "nyt projekt" in keys and "demo" in keys
        assert "tjekliste" not in keys and "fortryd" not in keys and "gem" not in keys
        await pilot.press("1", "c", "ctrl+z")
        assert isinstance(app.screen, HomeScreen)
