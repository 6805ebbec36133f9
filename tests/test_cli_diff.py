"""borgerspil diff: two files, git's seven-argument external diff, and a real `git diff` through it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.session import Session
from tests.conftest import EXAMPLE

RENAMED_DA = "Idé omdøbt: «Hurtigspor for enkle sager» → «Hurtigspor»"
RENAMED_EN = "Idea renamed: “Hurtigspor for enkle sager” → “Hurtigspor”"
ADDED_DA = "Idé tilføjet: «Sms-påmindelse [b]dagen før[/b]»"
MOVED_DA = "Årsag «Skemaet er svært at forstå for ældre borgere» flyttet under «Alle sager får samme grundige behandling»"


@pytest.fixture(autouse=True)
def _no_saved_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads the language saved by the app: keep the user's own settings out of the tests."""
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)


def edit(path: Path) -> None:
    """A realistic edit through the session: an idea renamed, one added, a cause moved, saved."""
    session = Session.open(path)
    changes = session.changes
    project = session.project
    idea = next(i for i in project.create.ideas if i.title == "Hurtigspor for enkle sager")
    assert session.apply("title", changes.set((*changes.path_of(idea.id), "title"), "Hurtigspor"))
    assert session.apply("add", changes.add(("create", "ideas"), Idea(title="Sms-påmindelse [b]dagen før[/b]")))
    node = next(n for c in project.focus.causes for n in c.children if n.text.startswith("Skemaet"))
    parent = next(c for c in project.focus.causes if c.text.startswith("Alle sager"))
    assert session.apply("move", changes.move_to(changes.path_of(node.id), (*changes.path_of(parent.id), "children")))
    assert session.save()


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.borgerspil.yaml", tmp_path / "new.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, old)
    shutil.copyfile(EXAMPLE, new)
    edit(new)
    return old, new


def test_two_files_say_what_changed_part_by_part(versions: tuple[Path, Path], capsys: pytest.CaptureFixture) -> None:
    assert main(["diff", str(versions[0]), str(versions[1])]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["Fokusér", "  " + MOVED_DA, "Skab", "  " + ADDED_DA, "  " + RENAMED_DA]


def test_english_with_lang(versions: tuple[Path, Path], capsys: pytest.CaptureFixture) -> None:
    assert main(["diff", str(versions[0]), str(versions[1]), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Focus" and "  " + RENAMED_EN in out


def test_the_same_project_is_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["diff", str(EXAMPLE), str(EXAMPLE)]) == 0
    assert capsys.readouterr().out == "Ingen ændringer i projektet.\n"
    commented = tmp_path / "c.borgerspil.yaml"
    commented.write_text(EXAMPLE.read_text("utf-8") + "# en kommentar\n", "utf-8")
    assert main(["diff", str(EXAMPLE), str(commented), "--lang", "en"]) == 0
    assert "only the file's layout or comments differ" in capsys.readouterr().out


def test_a_file_that_does_not_load_is_said_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.borgerspil.yaml"
    bad.write_text("schema_version: 1\ntitle: [\n", "utf-8")
    assert main(["diff", str(EXAMPLE), str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"Den nye udgave kan ikke læses: {bad}:") and "Traceback" not in captured.err
    assert main(["diff", str(tmp_path / "missing.yaml"), str(EXAMPLE), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("The old version cannot be read: ")


def test_wrong_number_of_arguments(capsys: pytest.CaptureFixture) -> None:
    assert main(["diff", str(EXAMPLE)]) == 2
    assert "ikke 1" in capsys.readouterr().err


def test_gits_seven_arguments(versions: tuple[Path, Path], capsys: pytest.CaptureFixture) -> None:
    old, new = (str(p) for p in versions)
    assert main(["diff", "p.borgerspil.yaml", old, "a" * 40, "100644", new, "b" * 40, "100644"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Ændringer i p.borgerspil.yaml" and "  " + RENAMED_DA in out and "  " + MOVED_DA in out


def test_gits_form_for_an_added_and_a_deleted_file(capsys: pytest.CaptureFixture) -> None:
    assert main(["diff", "p.borgerspil.yaml", "/dev/null", "0" * 40, "0000000", str(EXAMPLE), "b" * 40,
                 "100644"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Ny fil: p.borgerspil.yaml" and "  Idé tilføjet: «Hurtigspor for enkle sager»" in out
    assert main(["diff", "p.borgerspil.yaml", str(EXAMPLE), "a" * 40, "100644", "/dev/null", "0" * 40,
                 "0000000", "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "File deleted: p.borgerspil.yaml (the project “Hurtigere hjælp til hjælpemidler i Vestby Kommune”)\n")


def test_gits_form_for_a_renamed_and_an_unmerged_file(versions: tuple[Path, Path], capsys: pytest.CaptureFixture,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = (str(p) for p in versions)
    assert main(["diff", "a.borgerspil.yaml", old, "a" * 40, "100644", new, "b" * 40, "100644", "b.borgerspil.yaml",
                 "similarity index 90%\nrename from a.borgerspil.yaml\n"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Ændringer i a.borgerspil.yaml (nu b.borgerspil.yaml)" and "  " + RENAMED_DA in out
    assert main(["diff", "a.borgerspil.yaml"]) == 2  # typed by hand: one file is a mistake
    capsys.readouterr()
    monkeypatch.setenv("GIT_DIFF_PATH_TOTAL", "1")
    assert main(["diff", "a.borgerspil.yaml", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("a.borgerspil.yaml: not merged yet. Run borgerspil merge --git")


def test_gits_form_exits_0_on_a_file_that_does_not_load(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ntitle: [\n", "utf-8")
    assert main(["diff", "p\x1b[31m.yaml", str(EXAMPLE), "a" * 40, "100644", str(bad), "b" * 40, "100644"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ændringer i p\\x1b[31m.yaml\nDen nye udgave kan ikke læses: p\\x1b[31m.yaml:3:")
    assert "\x1b" not in out


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent), "GIT_PAGER": "cat",
           "LC_ALL": "C"}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_python_m_borgerspil_tui_runs_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "borgerspil_tui", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("borgerspil ")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("lang", ["da", "en"])
def test_git_diff_and_git_log_show_the_sentences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("BORGERSPIL_LANG", lang)  # what the driver inherits from git
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "T")
    _git(repo, "config", "diff.borgerspil.command", f'"{sys.executable}" -m borgerspil_tui diff')
    (repo / ".gitattributes").write_text("*.borgerspil.yaml diff=borgerspil\n", "utf-8")
    project = repo / "hjaelpemidler.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, project)
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "start")
    edit(project)
    shown = _git(repo, "diff")
    renamed = RENAMED_DA if lang == "da" else RENAMED_EN
    header = "Ændringer i" if lang == "da" else "Changes in"
    assert f"{header} hjaelpemidler.borgerspil.yaml" in shown and renamed in shown, shown
    assert "idea-" not in shown and "@@" not in shown
    _git(repo, "commit", "-q", "-am", "edit")
    log = _git(repo, "log", "-p", "--ext-diff")
    assert renamed in log and ("Ny fil: " if lang == "da" else "New file: ") in log, log
