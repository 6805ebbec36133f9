"""Every message the CLI and the app show is a sentence of ours in the user's language (Danish by
default, English on request) — never pydantic's English, its URL, or "items" for characters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.events import Paste

from borgerspil_tui import cli
from borgerspil_tui.cli import main
from borgerspil_tui.core.method import bundled_method_text
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept, Idea
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.session import EditRefused, Session
from borgerspil_tui.core.storage import Loaded
from tests.app_helpers import SIZE, goto, make_app, palette_search, screen_text
from tests.conftest import EXAMPLE

PYDANTIC = ("validation error", "errors.pydantic.dev", "String should", "Input should", "items", "Value error",
            "Field required", "Extra inputs", "type=", "For further information")
"""Pydantic's own words: none of them may reach a user."""

GOOD = (
    "schema_version: 1\n"
    "title: Ventetid\n"
    "create:\n"
    "  ideas:\n"
    "  - id: idea-aaaaaa\n"
    "    title: Sms\n"
    "    scores:\n"
    "      importance: 4\n"
)
LONG = "a" * 612

BAD_FILES: dict[str, str] = {
    "too-long": GOOD.replace("title: Sms", f"title: {LONG}"),
    "not-a-date": GOOD + "created: 05-01-2026\n",
    "no-such-date": GOOD + "created: 2026-02-30\n",
    "out-of-range": GOOD.replace("importance: 4", "importance: 9"),
    "below-range": GOOD + "  dots_per_person: 0\n",
    "missing": GOOD.replace("title: Ventetid\n", ""),
    "unknown-link": GOOD + "  concepts:\n  - id: concept-cccccc\n    title: C\n    ideas:\n    - idea-zzzzzz\n",
    "wrong-kind-link": GOOD + "  concepts:\n  - id: concept-cccccc\n    title: C\n    ideas:\n    - concept-cccccc\n",
    "duplicate-id": GOOD + "  - id: idea-aaaaaa\n    title: Igen\n",
    "wrong-type": GOOD.replace("title: Sms", "title: [a, b]"),
    "unknown-field": GOOD + "    colour: blue\n",
    "not-a-bool": GOOD + "  votes_in_ranking: maybe\n",
    "not-a-number": GOOD + "  dots_per_person: lots\n",
    "not-a-choice": GOOD + "language: fr\n",
    "bad-id": GOOD.replace("idea-aaaaaa", "Idea AAA"),
    "bad-key": GOOD.replace("importance: 4", "Not An Id: 4"),
    "too-many": GOOD + "  concepts:\n  - id: concept-cccccc\n    title: C\n    requirements: [a, b, c, d]\n",
    "two-lines": GOOD.replace("title: Ventetid", 'title: "two\\nlines"'),
    "control-character": GOOD.replace("title: Sms", 'title: "S\\e[31mms"'),
    "list-not-mapping": GOOD + "focus: [a]\n",
    "yaml-syntax": GOOD + "  - id: [unclosed\n",
    "yaml-colon": GOOD + "other: a: b\n",
    "duplicate-key": GOOD + "title: Igen\n",
    "anchor": GOOD + "language: &x da\n",
    "conflict": GOOD.replace("title: Ventetid\n", "<<<<<<< HEAD\ntitle: A\n=======\ntitle: B\n>>>>>>> x\n"),
    "empty": "",
    "top-level-list": "- a\n- b\n",
    "newer-version": GOOD.replace("schema_version: 1", "schema_version: 7"),
}


@pytest.fixture(autouse=True)
def _no_saved_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Danish unless told otherwise: the user's own saved language and environment stay out."""
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    paths = {}
    for name, text in BAD_FILES.items():
        paths[name] = folder / f"{name}.borgerspil.yaml"
        paths[name].write_text(text, "utf-8")
    return paths


def _no_pydantic(text: str) -> None:
    for word in PYDANTIC:
        assert word not in text, (word, text)


def _validate(paths: list[Path], env: dict[str, str], *extra: str) -> str:
    result = subprocess.run([sys.executable, "-m", "borgerspil_tui", "validate", *map(str, paths), *extra],
                            capture_output=True, text=True, env={**os.environ, **env}, timeout=60)
    assert result.returncode == 1
    return result.stderr


def test_every_bad_file_is_reported_in_danish_by_default_and_in_english_on_request(
        bad_files: dict[str, Path], tmp_path: Path) -> None:
    paths = list(bad_files.values())
    env = {"BORGERSPIL_CONFIG_DIR": str(tmp_path / "config")}
    danish = _validate(paths, env)
    english = _validate(paths, {**env, "BORGERSPIL_LANG": "en"})
    assert english == _validate(paths, env, "--lang", "en")
    for output in (danish, english):
        _no_pydantic(output)
    for name, path in bad_files.items():
        da = [line for line in danish.splitlines() if line.startswith(f"{path}:")]
        en = [line for line in english.splitlines() if line.startswith(f"{path}:")]
        assert da and len(da) == len(en), name
        assert da != en, f"{name}: the same text in both languages"
    assert f"{bad_files['too-long']}:6:12: create.ideas[0].title: højst 500 tegn, men der er 612" in danish
    assert f"{bad_files['too-long']}:6:12: create.ideas[0].title: at most 500 characters, but there are 612" in english
    assert "create.ideas[0].scores.importance: skal være højst 5 (her står 9)" in danish
    assert "created: skal være en dato skrevet ÅÅÅÅ-MM-DD (her står '05-01-2026')" in danish
    assert "created: 2026-02-30 er ikke en dato, der findes" in danish
    assert "feltet 'title' mangler" in danish and "required field 'title' is missing" in english
    assert "konceptet 'concept-cccccc' henviser til en idé 'idea-zzzzzz', som ikke findes" in danish
    assert "create.ideas[0]: ukendt felt 'colour'" in danish
    assert "language: skal være 'da' eller 'en' (her står 'fr')" in danish
    assert "create.concepts[0].requirements: højst 3 punkter, men der er 4" in danish
    assert "at most 3 entries, but there are 4" in english
    assert "ikke gyldig YAML" in danish and "not valid YAML" in english
    assert "filen er tom" in danish and "opgrader borgerspil" in danish


def test_a_too_long_title_for_new_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["new", str(tmp_path / "a"), "--title", LONG]) == 2
    assert capsys.readouterr().err.strip() == "--title: højst 500 tegn, men der er 612"
    assert main(["new", str(tmp_path / "a"), "--title", LONG, "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "--title: at most 500 characters, but there are 612"


def test_the_saved_language_is_the_clis_language(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text('{"language": "en"}', "utf-8")
    assert main(["validate", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip() == f"{EXAMPLE}: ok"
    assert main(["validate", str(EXAMPLE), "--lang", "da"]) == 0
    assert capsys.readouterr().out.strip() == f"{EXAMPLE}: i orden"


# -- options go anywhere ------------------------------------------------------------------------------
@pytest.mark.parametrize("argv", [
    ["validate", "{bad}", "--lang", "en"],
    ["--lang", "en", "validate", "{bad}"],
    ["validate", "--lang", "en", "{bad}"],
    ["validate", "--lang=en", "{bad}"],
    ["--lang=en", "validate", "{bad}"],
])
def test_lang_goes_anywhere_for_validate(argv: list[str], bad_files: dict[str, Path]) -> None:
    line = [str(bad_files["unknown-field"]) if arg == "{bad}" else arg for arg in argv]
    result = subprocess.run([sys.executable, "-m", "borgerspil_tui", *line], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1, result.stderr
    assert "unknown field 'colour'" in result.stderr


@pytest.mark.parametrize("argv", [
    ["{file}", "--lang", "en"],
    ["--lang", "en", "{file}"],
    ["{file}", "--lang=en"],
    ["open", "{file}", "--lang", "en"],
    ["{file}", "--method", "{method}", "--lang", "en"],
    ["--method", "{method}", "{file}", "--lang", "en"],
])
def test_options_go_before_or_after_the_path(argv: list[str], example_copy: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    method = example_copy.parent / "metode.yaml"
    method.write_text(bundled_method_text(), "utf-8")
    opened: list[tuple[str, str, str | None]] = []
    monkeypatch.setattr(cli, "cmd_open", lambda args: opened.append((args.path, args.lang, args.method)) or 0)
    line = [str(example_copy) if a == "{file}" else str(method) if a == "{method}" else a for a in argv]
    assert main(line) == 0
    [(path, lang, method_given)] = opened
    assert path == str(example_copy) and lang == "en"
    assert method_given == (str(method) if "{method}" in argv else None)


def test_check_takes_lang_after_the_path(capsys: pytest.CaptureFixture) -> None:
    assert main(["check", str(EXAMPLE), "--lang", "en"]) == 0
    assert "Next step" in capsys.readouterr().out
    assert main(["--lang", "en", "check", str(EXAMPLE)]) == 0
    assert "Next step" in capsys.readouterr().out
    assert main(["check", str(EXAMPLE)]) == 0
    assert "Næste skridt" in capsys.readouterr().out


# -- refused edits: the session's message, and what the app shows -----------------------------------------
def _refusal(change, lang: str) -> str:  # noqa: ANN001
    project = Project(schema_version=1, title="x")
    project.create.ideas.append(Idea(id="idea-aaaaaa", title="a"))
    project.create.concepts.append(Concept(id="concept-cccccc", title="c"))
    session = Session(Loaded(project, Path("x.borgerspil.yaml"), None))
    with pytest.raises(EditRefused) as refused:
        session.edit("x", change)
    return refused.value.text(lang)


EDITS = {
    "title": (lambda p: setattr(p, "title", LONG), "Titel: højst 500 tegn, men der er 612",
              "Title: at most 500 characters, but there are 612"),
    "idea": (lambda p: setattr(p.create.ideas[0], "title", LONG), "Idé: højst 500 tegn, men der er 612",
             "Idea: at most 500 characters, but there are 612"),
    "cause": (lambda p: p.focus.causes.append(TreeNode.model_construct(id="node-aaaaaa", text="x" * 20_001,
                                                                        uncertain=False, children=[])),
              "Årsag: højst 20000 tegn, men der er 20001", "Cause: at most 20000 characters, but there are 20001"),
    "score": (lambda p: setattr(p.create.ideas[0], "scores", {"importance": 9}),
              "Point: skal være højst 5 (her står 9)", "Scores: must be at most 5 (found 9)"),
    "date": (lambda p: setattr(p, "created", "2026-13-01"),
             "Oprettet: 2026-13-01 er ikke en dato, der findes; skriv den som ÅÅÅÅ-MM-DD",
             "Created: 2026-13-01 is not a date that exists; write it as YYYY-MM-DD"),
    "not a date": (lambda p: setattr(p, "created", "i morgen"),
                   "Oprettet: skal være en dato skrevet ÅÅÅÅ-MM-DD (her står 'i morgen')",
                   "Created: must be a date written as YYYY-MM-DD (found 'i morgen')"),
    "dots": (lambda p: setattr(p.create, "dots_per_person", 0), "Prikker pr. person: skal være mindst 1 (her står 0)",
             "Dots per person: must be at least 1 (found 0)"),
    "link": (lambda p: setattr(p.create.concepts[0], "ideas", ["idea-zzzzzz"]),
             "Idéer: konceptet 'concept-cccccc' henviser til en idé 'idea-zzzzzz', som ikke findes",
             "Ideas: concept 'concept-cccccc' links to an idea 'idea-zzzzzz', which does not exist"),
    "line": (lambda p: setattr(p, "title", "to\nlinjer"), "Titel: skal stå på én linje (uden linjeskift)",
             "Title: must be a single line (no line breaks)"),
    "requirements": (lambda p: p.create.concepts[0].requirements.extend("abcd"),
                     "Forudsætninger: højst 3 punkter, men der er 4", "Prerequisites: at most 3 entries, but there are 4"),
    "language": (lambda p: setattr(p, "language", "fr"), "Sprog: skal være 'da' eller 'en' (her står 'fr')",
                 "Language: must be 'da' or 'en' (found 'fr')"),
    "half-way": (lambda p: int("x"), "Ændringen blev ikke lavet: den passer ikke i projektet",
                 "The change was not made: it does not fit the project"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_a_refused_edit_says_why_in_the_apps_language(name: str) -> None:
    change, danish, english = EDITS[name]
    assert _refusal(change, "da") == danish
    assert _refusal(change, "en") == english


@pytest.mark.parametrize(("lang", "expected"), [("da", "Navn: højst 500 tegn, men der er 600"),
                                                ("en", "Name: at most 500 characters, but there are 600")])
async def test_the_app_shows_a_refusal_in_its_language(example_copy: Path, lang: str, expected: str) -> None:
    app = make_app(example_copy, language=lang)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        await pilot.press("n")
        pilot.app.screen.focused.post_message(Paste("x" * 599))  # pasted, as a terminal does
        await pilot.pause()
        await pilot.press("x", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert expected in text
        _no_pydantic(text)
    assert all(len(member.name) < 600 for member in app.session.project.readiness.team)


@pytest.mark.parametrize(("lang", "expected"), [("da", "focus: ukendt felt 'problme'"),
                                                ("en", "focus: unknown field 'problme'")])
async def test_the_load_error_screen_speaks_the_apps_language(tmp_path: Path, lang: str, expected: str) -> None:
    broken = tmp_path / "broken.borgerspil.yaml"
    broken.write_text("schema_version: 1\ntitle: x\nfocus:\n  problme: y\n", "utf-8")
    app = make_app(folder=tmp_path, language=lang)
    async with app.run_test(size=SIZE) as pilot:
        app.open_project(broken)
        await pilot.pause()
        assert f"{broken}:4:3: {expected}" in screen_text(app)


@pytest.mark.parametrize(("lang", "expected"), [("da", "ukendt felt 'problme'"), ("en", "unknown field 'problme'")])
async def test_the_home_screen_says_why_a_file_cannot_be_read(tmp_path: Path, lang: str, expected: str) -> None:
    (tmp_path / "broken.borgerspil.yaml").write_text("schema_version: 1\ntitle: x\nfocus:\n  problme: y\n", "utf-8")
    app = make_app(folder=tmp_path, language=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"broken.borgerspil.yaml:4:3: focus: {expected}" in screen_text(app)


# -- the palette and the wizard ------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "expected"), [("da", "Ingen match"), ("en", "No matches")])
async def test_the_palette_says_no_match_in_the_apps_language(example_copy: Path, lang: str, expected: str) -> None:
    app = make_app(example_copy, language=lang)
    async with app.run_test(size=SIZE) as pilot:
        options = await palette_search(pilot, "qzxjv")  # the search has answered
        assert app.screen._no_matches_timer is None, "Textual's countdown to its English line never began"
        await pilot.pause(0.6)  # past the moment Textual would add its own English line
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(expected in line for line in shown), shown
        assert not any("No matches found" in line for line in shown), shown


@pytest.mark.parametrize(("lang", "expected"), [("da", "projekt.borgerspil.yaml"), ("en", "project.borgerspil.yaml")])
async def test_the_wizard_proposes_a_file_name_in_the_apps_language(tmp_path: Path, lang: str, expected: str) -> None:
    from textual.widgets import Input

    app = make_app(folder=tmp_path, language=lang)
    async with app.run_test(size=SIZE) as pilot:
        app.action_new_project()
        await pilot.pause()
        assert app.screen.query_one("#file-name", Input).value == expected
        await pilot.press(*"Kortere ventetid")
        assert app.screen.query_one("#file-name", Input).value == "kortere-ventetid.borgerspil.yaml"


def test_usage_errors_in_the_users_language(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", str(EXAMPLE), "--bogus"])
    assert caught.value.code == 2 and "borgerspil: ukendte argumenter: --bogus" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["validate", str(EXAMPLE), "--bogus", "--lang", "en"])
    assert "borgerspil: unrecognized arguments: --bogus" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "validate", str(EXAMPLE)])
    assert "--lang: 'fr' findes ikke (vælg mellem 'da', 'en')" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "vis denne hjælp og stop" in capsys.readouterr().out


def test_save_as_over_an_existing_file_says_so_in_the_apps_language(example_copy: Path) -> None:
    session = Session.open(example_copy)
    other = example_copy.with_name("other.borgerspil.yaml")
    other.write_text("x", "utf-8")
    assert not session.save_as(other)
    assert session.error_text("da") == "der findes allerede en fil med det navn; den er ikke rørt"
    assert session.error_text("en") == "a file with that name already exists; it was left as it is"
    assert other.read_text("utf-8") == "x"
