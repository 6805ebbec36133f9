"""The headless command line: new, validate, fmt, schema; exit codes; no Textual; safe output."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.storage import load_project
from tests.conftest import EXAMPLE


@pytest.fixture(autouse=True)
def _no_saved_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads the language saved by the app: keep the user's own settings out of the tests."""
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)


def test_headless_commands_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys; from borgerspil_tui.cli import main; "
        f"main(['validate', {str(EXAMPLE)!r}]); main(['new', {str(tmp_path / 'a')!r}]); "
        f"main(['fmt', '--check', {str(EXAMPLE)!r}]); main(['schema', '-o', {str(tmp_path / 's.json')!r}]); "
        "assert not [m for m in sys.modules if m.startswith('textual')], 'textual imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_new_creates_a_valid_project_and_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "ventetid"
    assert main(["new", str(target), "--title", "Kortere [b]ventetid[/b]", "--lang", "en"]) == 0
    created = tmp_path / "ventetid.borgerspil.yaml"
    project = load_project(created).project
    assert (project.title, project.language) == ("Kortere [b]ventetid[/b]", "en")
    before = created.read_bytes()
    assert main(["new", str(created), "--lang", "en"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert created.read_bytes() == before


def test_validate_keeps_going_past_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.borgerspil.yaml"
    bad.write_text("schema_version: 1\ntitle: x\nfocus:\n  problme: typo\n", "utf-8")
    worse = tmp_path / "worse.borgerspil.yaml"
    worse.write_text("a: &x 1\n", "utf-8")
    assert main(["validate", str(bad), str(worse), str(EXAMPLE), "--lang", "en"]) == 1
    out = capsys.readouterr()
    assert out.err.splitlines() == [
        f"{bad}:4:3: focus: unknown field 'problme'",
        f"{worse}:1:4: YAML anchors (&x) are not allowed",
    ]
    assert f"{EXAMPLE}: ok" in out.out
    assert main(["validate", str(bad), str(worse), str(EXAMPLE)]) == 1
    out = capsys.readouterr()
    assert out.err.splitlines() == [
        f"{bad}:4:3: focus: ukendt felt 'problme'",
        f"{worse}:1:4: YAML-ankre (&x) er ikke tilladt",
    ]
    assert f"{EXAMPLE}: i orden" in out.out
    assert main(["validate", str(EXAMPLE)]) == 0


def test_fmt_check_and_rewrite(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "messy.borgerspil.yaml"
    messy = "title:   'Rodet'\nschema_version: 1\nfocus: {problem: \"x\"}\n"
    path.write_text(messy, "utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    assert path.read_text("utf-8") == messy
    assert main(["fmt", str(path)]) == 0
    text = path.read_text("utf-8")
    assert text.splitlines()[1:] == ["schema_version: 1", "title: Rodet", "focus:", "  problem: x"]
    assert main(["fmt", "--check", str(path)]) == 0
    assert main(["fmt", str(path)]) == 0 and path.read_text("utf-8") == text


def test_schema_to_stdout_and_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert main(["schema", "-o", str(tmp_path / "s.json")]) == 0
    assert json.loads((tmp_path / "s.json").read_text("utf-8")) == schema


@pytest.mark.parametrize("args", [["new"], ["validate"], ["bogus-command", "x", "y"], ["fmt", "--nope", "x"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2


def test_version_and_help(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0 and "borgerspil" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "validate" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["validate", "merge", "diff", "git-setup", "repair", "fmt"])
def test_help_is_in_danish_headings_and_all(command: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help", "--lang", "da"])
    out = capsys.readouterr().out
    assert out.startswith("brug:") and "tilvalg:" in out
    assert not any(word in out for word in ("usage:", "positional arguments", "options:"))
    with pytest.raises(SystemExit):
        main([command, "--help", "--lang", "en"])
    assert capsys.readouterr().out.startswith("usage:")


def test_control_characters_from_a_file_are_never_printed_raw(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "evil\x1b[2J.borgerspil.yaml"
    path.write_text('schema_version: 1\ntitle: "\\e]0;pwned\\a"\n"\\e[31m": 1\n', "utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b" in err


def test_python_dash_m_runs(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "borgerspil_tui", "validate", str(EXAMPLE), "--lang", "en"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "ok" in result.stdout


def test_a_broken_method_file_is_refused_with_located_problems(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    method = tmp_path / "metode.yaml"
    method.write_text("version: 1\nreadiness: {}\n", "utf-8")
    assert main(["--method", str(method), "validate", str(EXAMPLE), "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{method}:2:12: readiness: required field 'name' is missing" in err
    assert f"{method}:1:1: required field 'phases' is missing" in err
    assert main(["validate", str(EXAMPLE), "--method", str(method)]) == 1
    assert f"{method}:1:1: feltet 'phases' mangler" in capsys.readouterr().err.splitlines()


def test_check_lists_what_is_missing_and_what_next(capsys: pytest.CaptureFixture) -> None:
    assert main(["check", str(EXAMPLE), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Focus: 68 %" in out
    assert "  ✓ Understand the problem" in out
    assert "missing: 4 of 7 checklist questions are not answered" in out
    assert "Next step: Organisation › Place the organisation" in out
    assert main(["check", "--strict", str(EXAMPLE)]) == 1
    assert "Næste skridt" in capsys.readouterr().out


def test_check_strict_passes_when_nothing_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.model.organisation import DimensionAssessment
    from borgerspil_tui.core.model.project import ChecklistAnswer
    from borgerspil_tui.core.storage import save_project

    project = load_project(EXAMPLE).project
    method = bundled_method()
    for part in ("readiness", "focus", "experience", "create", "insist"):
        for item in method.checklist(part):
            project.checklists[item.id] = ChecklistAnswer(answer="yes")
    project.organisation.assessment = {d.id: DimensionAssessment(position=3) for d in method.organisation.dimensions}
    for milestone in project.insist.milestones:  # reached, so none is past its date
        milestone.done = True
    path = tmp_path / "done.borgerspil.yaml"
    save_project(path, project)
    assert main(["check", "--strict", str(path)]) == 0
    assert "Alt er gjort" in capsys.readouterr().out


def test_screenshot_renders_a_screen_to_svg_and_leaves_the_project_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    path = folder / EXAMPLE.name
    shutil.copy2(EXAMPLE, path)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, sorted(os.listdir(folder)))
    out = tmp_path / "pictures" / "checklist.svg"
    out.parent.mkdir()
    env = {**os.environ, "BORGERSPIL_CONFIG_DIR": str(tmp_path / "config"), "BORGERSPIL_DATA_DIR": str(tmp_path / "data"),
           "BORGERSPIL_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "borgerspil_tui", "screenshot", str(path), "--screen",
                             "checklist-focus", "-o", str(out), "--size", "100x30", "--lang", "en"],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    # The file is as it was: the same bytes, not written again, nothing left beside it.
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, sorted(os.listdir(folder))) == before
    # The picture is of this project's screen: an SVG whose text lines are what the screen showed.
    svg = ElementTree.parse(out).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    lines = "\n".join("".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")).replace("\xa0", " ")
    title = load_project(path).project.title
    assert f"Checklist: Focus · {title}" in lines
    assert lines.startswith("borgerspil · checklist-focus\n")
    assert "Do we have a clear understanding of the problem?" in lines and f"{path.name} · saved" in lines
    assert lines.endswith(" redo")  # down to the key bar on the last row


def test_a_screenshot_inside_a_git_repository_shows_the_screen_not_the_git_offer(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    path = folder / EXAMPLE.name
    shutil.copy2(EXAMPLE, path)
    out = tmp_path / "risks.svg"
    env = {**os.environ, "BORGERSPIL_CONFIG_DIR": str(tmp_path / "config"), "BORGERSPIL_DATA_DIR": str(tmp_path / "data"),
           "BORGERSPIL_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "borgerspil_tui", "screenshot", str(path), "--screen", "risks",
                             "-o", str(out), "--size", "100x30"], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    svg = ElementTree.parse(out).getroot()
    lines = "\n".join("".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")).replace("\xa0", " ")
    assert "Risikoanalyse" in lines
    assert "git" not in lines.lower()
    assert not (tmp_path / "config").exists() or "git_offered" not in "".join(
        p.read_text() for p in (tmp_path / "config").rglob("*") if p.is_file())
