"""Hand-written comments are never dropped silently: found exactly, named by ``validate`` and
``fmt``, and asked about by the app once before its first save of the file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from borgerspil_tui.core import comments as comments_module
from borgerspil_tui.core.comments import NOTE_FIELDS, find_comments
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.rescue import find_rescues
from borgerspil_tui.core.session import SaveState
from borgerspil_tui.core.storage import MODELINE, dump_project, load_project
from borgerspil_tui.tui.screens.comments_found import CommentsFoundScreen
from borgerspil_tui.tui.screens.save_as import SaveAsScreen
from tests.app_helpers import SIZE, make_app, until
from tests.conftest import EXAMPLE
from tests.strategies import projects

# -- finding them ------------------------------------------------------------------------------------

FOUND = [
    ("modeline only", MODELINE + "a: 1\n", []),
    ("full line and trailing", MODELINE + "# top\na: 1 # end\n", [(2, 1, "# top"), (3, 6, "# end")]),
    ("in quotes", "a: 'x # no' # yes\nb: \"y # no\"\n", [(1, 13, "# yes")]),
    ("no space before", "a: issue#3 and x#y\n", []),
    ("inside a comment", "a: 1 # x # y\n", [(1, 6, "# x # y")]),
    ("block content", "a: |\n  # content\n  x # content\n# after\nb: 1\n", [(4, 1, "# after")]),
    ("block header", "a: |-  # header\n  x\n", [(1, 8, "# header")]),
    ("folded block", "a: >-\n  one # two\n\n  # three\nb: 1\n", []),
    ("less indented ends block", "a: |\n    text\n  # a comment\nb: 1\n", [(3, 3, "# a comment")]),
    ("flow", "a: [1, 2] # c\nb: {x: '#'} # d\n", [(1, 11, "# c"), (2, 13, "# d")]),
    ("sequence", "a:\n  # before\n  - x # after x\n  - '#' #z\n#", [(2, 3, "# before"), (3, 7, "# after x"),
                                                                 (4, 9, "#z"), (5, 1, "#")]),
    ("multi-line double quotes", 'a: "one\n  # not a comment\n  two"\n', []),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in FOUND], ids=[case[0] for case in FOUND])
def test_comments_are_found_exactly(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert [(c.line, c.column, c.text) for c in find_comments(text)] == expected


def test_a_file_without_a_hash_after_the_modeline_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_scanner(_text: str) -> None:
        raise AssertionError("scanned")

    monkeypatch.setattr(comments_module, "_Scanner", no_scanner)
    assert find_comments(EXAMPLE.read_text("utf-8")) == []
    assert find_comments("a: issue#3\n") == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(projects())
def test_written_files_have_no_comments_and_one_added_by_hand_is_found(project: Project) -> None:
    written = dump_project(project)
    assert find_comments(written) == []
    lines = written.split("\n")
    by_hand = "\n".join([lines[0], "# skrevet i hånden 🙂", *lines[1:]])
    assert [(c.line, c.column) for c in find_comments(by_hand)] == [(2, 1)]
    assert yaml.load(by_hand, Loader=yaml.SafeLoader) == yaml.load(written, Loader=yaml.SafeLoader)


def test_the_note_fields_named_instead_exist_in_the_model() -> None:
    for dotted in NOTE_FIELDS:
        model: type = Project
        parts = dotted.replace("[]", "").split(".")
        for index, part in enumerate(parts):
            if part == "<id>":
                continue
            assert part in model.model_fields, dotted
            annotation = model.model_fields[part].annotation
            args = getattr(annotation, "__args__", ())
            if index < len(parts) - 1:
                model = args[-1] if args else annotation  # list[X] / dict[id, X] / X


# -- the command line ----------------------------------------------------------------------------------

COMMENTED = EXAMPLE.read_text("utf-8").replace(
    "\ntitle: ", "\n# Husk: titlen er foreløbig\ntitle: ", 1).replace(
    "created: 2026-02-02", "created: 2026-02-02  # dagen for det første møde", 1)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "borgerspil_tui", *args], capture_output=True, text=True,
                          cwd=cwd, env={"PATH": os.environ["PATH"], "BORGERSPIL_CONFIG_DIR": str(cwd / "cfg")})


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    path = tmp_path / "noter.borgerspil.yaml"
    path.write_text(COMMENTED, "utf-8")
    return path


def test_validate_says_how_many_comments_a_save_would_drop_and_where_notes_belong(commented: Path) -> None:
    result = _run("validate", str(commented), "--lang", "en", cwd=commented.parent)
    assert result.returncode == 0
    assert result.stdout == f"{commented}: ok\n"
    assert result.stderr.splitlines() == [
        f"{commented}:3:1: 2 comments will be lost when borgerspil saves this file (lines 3, 5)",
        f"{commented}: borgerspil cannot keep comments; write notes in the project's own note fields instead, "
        "so they show in the app and stay in the file: checklists.<id>.note, readiness.considerations, "
        "focus.assumptions[].note, insist.handover.notes",
    ]


def test_fmt_refuses_a_file_with_comments_without_drop_comments(commented: Path) -> None:
    result = _run("fmt", str(commented), cwd=commented.parent)
    assert result.returncode == 1
    assert commented.read_text("utf-8") == COMMENTED
    assert result.stderr.splitlines()[0] == (
        f"{commented}:3:1: ikke omformateret: 2 kommentarer ville gå tabt (linje 3, 5); "
        "kør igen med --drop-comments for at omformatere alligevel")
    checked = _run("fmt", "--check", str(commented), "--lang", "en", cwd=commented.parent)
    assert checked.returncode == 1
    assert checked.stdout == f"{commented}: would be reformatted\n"
    assert checked.stderr.startswith(f"{commented}:3:1: 2 comments will be lost")
    assert commented.read_text("utf-8") == COMMENTED


def test_fmt_drop_comments_goes_ahead_and_says_so(commented: Path) -> None:
    result = _run("fmt", "--drop-comments", str(commented), "--lang", "en", cwd=commented.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{commented}: reformatted; 2 comments dropped\n"
    assert commented.read_text("utf-8") == EXAMPLE.read_text("utf-8")


def test_a_hash_inside_texts_is_no_comment_for_fmt(tmp_path: Path) -> None:
    path = tmp_path / "hash.borgerspil.yaml"
    path.write_text("schema_version: 1\ntitle: 'Idé #3 # ikke en kommentar'\nfocus:\n  problem: |\n"
                    "    # overskrift i teksten\n    mere\n", "utf-8")
    result = _run("fmt", str(path), "--lang", "en", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{path}: reformatted\n"
    assert load_project(path).project.focus.problem == "# overskrift i teksten\nmere\n"


# -- the app ----------------------------------------------------------------------------------------------


@pytest.fixture
def commented_app_file(tmp_path: Path) -> Path:
    path = tmp_path / "hjaelpemidler.borgerspil.yaml"
    path.write_text(COMMENTED, "utf-8")
    return path


async def _answer_a_question(pilot, key: str = "j") -> None:  # noqa: ANN001
    """An edit: the readiness checklist's first question."""
    if not pilot.app.screen.__class__.__name__ == "ChecklistScreen":
        await pilot.press("r", "c")
    await pilot.press(key)


async def _asked(pilot) -> None:
    """Wait until the question about the comments is on screen with its buttons laid out (a click
    lands on them), however slow the machine."""
    app = pilot.app

    def shown() -> bool:
        screen = app.screen
        return (isinstance(screen, CommentsFoundScreen) and screen.is_mounted
                and bool(screen.query("Button")) and all(button.region.area for button in screen.query("Button")))

    await until(pilot, shown)
    await pilot.pause()


async def _autosaved(pilot) -> None:
    """Wait until the autosave's timer has come and a save it began is done, however slow the machine
    (a fixed pause let a busy machine look before the autosave had run)."""
    app = pilot.app
    await until(pilot, lambda: app._unsaved_since is None)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_app_asks_once_before_its_first_save_and_saves_without_comments(commented_app_file: Path) -> None:
    app = make_app(commented_app_file, autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await _answer_a_question(pilot)
        await _asked(pilot)
        assert commented_app_file.read_text("utf-8") == COMMENTED  # nothing written before the answer
        assert "2 kommentarer (linje 3, 5)" in app.screen.message
        await pilot.click("#choice-drop")
        await until(pilot, lambda: not app.session.saving and app.session.state is SaveState.SAVED)  # a worker
        assert find_comments(commented_app_file.read_text("utf-8")) == []
        assert load_project(commented_app_file).project.checklists["readiness-competences"].answer == "yes"
        await pilot.press("n")  # another edit (the cursor moved on): saved without asking again
        await _autosaved(pilot)
        assert not isinstance(app.screen, CommentsFoundScreen)
        assert app.session.state is SaveState.SAVED
    assert load_project(commented_app_file).project.checklists["readiness-citizen-reality"].answer == "no"


async def test_cancel_leaves_the_file_alone_until_ctrl_s_asks_again(commented_app_file: Path) -> None:
    app = make_app(commented_app_file, autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await _answer_a_question(pilot)
        await _asked(pilot)
        await pilot.press("escape")
        await pilot.press("n")  # more edits: the autosave waits and does not ask again
        await _autosaved(pilot)
        assert not isinstance(app.screen, CommentsFoundScreen)
        assert app.session.state is SaveState.UNSAVED
        assert commented_app_file.read_text("utf-8") == COMMENTED
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommentsFoundScreen)
        await pilot.click("#choice-cancel")
        await pilot.pause()
    assert commented_app_file.read_text("utf-8") == COMMENTED


async def test_save_as_a_copy_leaves_the_file_and_its_comments(commented_app_file: Path) -> None:
    app = make_app(commented_app_file, autosave_delay=0.1)
    copy = commented_app_file.with_name("kopi.borgerspil.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await _answer_a_question(pilot)
        await _asked(pilot)
        await pilot.click("#choice-copy")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        app.screen.query_one("#save-as-path").value = str(copy)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.path == copy
        await pilot.press("n")  # later edits go to the copy, without asking
        await _autosaved(pilot)
        assert not isinstance(app.screen, CommentsFoundScreen)
    assert commented_app_file.read_text("utf-8") == COMMENTED
    assert load_project(copy).project.checklists["readiness-citizen-reality"].answer == "no"


async def test_quitting_asks_and_can_quit_without_saving(commented_app_file: Path) -> None:
    app = make_app(commented_app_file)  # the autosave waits 30 s: the quit is the first save
    async with app.run_test(size=SIZE) as pilot:
        await _answer_a_question(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, CommentsFoundScreen)
        assert [choice for choice, _ in app.screen.choices] == ["copy", "drop", "quit", "cancel"]
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert app.return_code is not None or not app.is_running
    assert commented_app_file.read_text("utf-8") == COMMENTED


async def test_quitting_and_saving_without_comments(commented_app_file: Path) -> None:
    app = make_app(commented_app_file)
    async with app.run_test(size=SIZE) as pilot:
        await _answer_a_question(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-drop")
        await pilot.pause(0.2)
    assert not app.is_running
    assert find_comments(commented_app_file.read_text("utf-8")) == []
    assert load_project(commented_app_file).project.checklists["readiness-competences"].answer == "yes"


async def test_a_file_without_comments_is_saved_without_a_question(example_copy: Path) -> None:
    app = make_app(example_copy, autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await _answer_a_question(pilot)
        await _autosaved(pilot)
        assert not isinstance(app.screen, CommentsFoundScreen)
        assert app.session.state is SaveState.SAVED


async def test_comments_that_arrive_with_a_reload_are_asked_about_again(example_copy: Path) -> None:
    app = make_app(example_copy, autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await _answer_a_question(pilot)
        await _autosaved(pilot)
        assert app.session.state is SaveState.SAVED  # a file without comments: no question
        theirs = example_copy.read_text("utf-8").replace("\ntitle: ", "\n# fra git\ntitle: ", 1)
        example_copy.write_text(theirs, "utf-8")
        app._check_disk()  # no edits in memory: reloaded quietly
        await pilot.pause()
        await pilot.press("n")
        await _asked(pilot)
        assert example_copy.read_text("utf-8") == theirs


def test_closing_the_terminal_puts_the_edits_in_a_rescue_copy_and_keeps_the_comments(tmp_path: Path) -> None:
    from tests.test_signals import CHECKLIST, Terminal

    path = tmp_path / "work" / "hjaelpemidler.borgerspil.yaml"
    path.parent.mkdir()
    path.write_text(COMMENTED, "utf-8")
    env = {**os.environ, "TERM": "xterm-256color", "BORGERSPIL_LANG": "da",
           "BORGERSPIL_CONFIG_DIR": str(tmp_path / "config"), "BORGERSPIL_DATA_DIR": str(tmp_path / "data"),
           "BORGERSPIL_CACHE_DIR": str(tmp_path / "cache"), "BORGERSPIL_AUTOSAVE_DELAY": "600"}
    terminal = Terminal([str(path)], env)
    try:
        terminal.wait_for("Overblik")
        terminal.send("r", "c")
        terminal.wait_for(CHECKLIST)  # the checklist screen is up ("Tjekliste" is on the overview already)
        terminal.send("j")
        terminal.wait_for("ikke gemt endnu")
        os.kill(terminal.pid, signal.SIGHUP)
        assert terminal.wait_exit() == 128 + signal.SIGHUP
    finally:
        terminal.close()
    assert path.read_text("utf-8") == COMMENTED
    [rescue] = find_rescues(path)
    assert load_project(rescue).project.checklists["readiness-competences"].answer == "yes"


def test_the_example_has_no_comments() -> None:
    assert find_comments(EXAMPLE.read_text("utf-8")) == []
