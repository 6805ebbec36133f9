"""``borgerspil workshop PATH``: the app opens on the project's workshop screen; a file that is not
there is said in our words, one that does not load shows the app's error screen."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from borgerspil_tui import cli_workshop
from borgerspil_tui.cli import build_parser, main
from borgerspil_tui.cli_args import with_implicit_open
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.workshop import Activity, Workshop
from borgerspil_tui.core.storage import create_project_file
from borgerspil_tui.tui import launch
from tests.app_helpers import SIZE


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's settings and data in the test's folder, never the user's."""
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BORGERSPIL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "dag.borgerspil.yaml"
    create_project_file(path, Project(schema_version=1, title="Værksted", workshops=[
        Workshop(title="Idéworkshop [b]x[/b]", agenda=[Activity(title="Brainstorm", target="ideas")])]))
    return path


def test_the_command_is_parsed_with_its_options_anywhere() -> None:
    args = build_parser("da").parse_args(with_implicit_open(["workshop", "dag.borgerspil.yaml", "--lang", "en"]))
    assert args.run is cli_workshop.cmd_workshop and args.path == "dag.borgerspil.yaml" and args.lang == "en"
    assert with_implicit_open(["workshop", "x"]) == ["workshop", "x"]  # a command, not a file named so
    assert with_implicit_open(["dag.borgerspil.yaml"]) == ["open", "dag.borgerspil.yaml"]


def test_without_a_path_it_says_so_in_our_words(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["workshop", "--lang", "en"])
    assert caught.value.code == 2
    error = capsys.readouterr().err
    assert "PATH" in error and "the following arguments" not in error


def test_it_runs_the_app_on_the_workshop_screen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    started: list[tuple[Path, str | None]] = []
    monkeypatch.setattr(launch, "run", lambda args, where, **kw: started.append((where, kw.get("screen"))) or 0)
    assert main(["workshop", str(path)]) == 0
    assert started == [(path, "workshop")]


@pytest.mark.parametrize(("lang", "said"), [("da", "filen findes ikke"), ("en", "the file does not exist")])
def test_a_missing_file_exits_with_our_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture, lang: str, said: str) -> None:
    monkeypatch.setattr(launch, "run", lambda *a, **k: pytest.fail("the app must not start"))
    missing = tmp_path / "ingen.borgerspil.yaml"
    assert main(["workshop", str(missing), "--lang", lang]) == 1
    out = capsys.readouterr()
    assert said in out.err and str(missing) in out.err and "Traceback" not in out.err + out.out
    assert not missing.exists()


async def test_the_app_starts_on_the_workshop_screen_and_esc_goes_to_the_overview(tmp_path: Path) -> None:
    from borgerspil_tui.tui.screens.workshop import WorkshopScreen

    path = _project(tmp_path)
    app = launch.build_app(argparse.Namespace(lang="en", method=None), path, screen="workshop")
    app.autosave_delay = 3600
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert "“Idéworkshop [b]x[/b]”" in str(app.screen.query_one("#title-line").visual)
        table = app.screen.query_one("#items")
        assert str(table.get_row_at(0)[0]) == "Brainstorm"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.NAME == "overview"


async def test_a_broken_file_shows_the_error_screen_and_stays_untouched(tmp_path: Path) -> None:
    from borgerspil_tui.tui.screens.load_error import LoadErrorScreen

    path = tmp_path / "brudt.borgerspil.yaml"
    path.write_text("schema_version: 1\ntitle: [ikke lukket\n", "utf-8")
    before = path.read_bytes()
    app = launch.build_app(argparse.Namespace(lang="da", method=None), path, screen="workshop")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen) and app.session is None
        assert any(str(path) in str(s.visual) for s in app.screen.query(".problem"))
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert path.read_bytes() == before
