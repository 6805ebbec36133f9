"""core/git_repo and ``borgerspil git-setup`` against real git: where the repository is, the
set-up of the drivers (idempotent, existing lines kept), merges in progress, and what happens
outside a repository or without git. No merge engine is needed here (see test_git_sharing)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core import git_repo
from borgerspil_tui.core.git_repo import (
    ATTRIBUTES_LINE,
    IGNORE_LINE,
    GitError,
    driver_configured,
    merge_in_progress,
    repo_root,
    setup_git,
)
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.storage import load_project
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

NAME = "hjaelpemidler.borgerspil.yaml"


@pytest.fixture(autouse=True)
def git_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git without the user's or the system's config and without a GIT_DIR from outside; our
    messages in English, no saved language of the user's."""
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BORGERSPIL_LANG", "en")


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run git in ``repo`` as a test user."""
    result = subprocess.run(["git", "-c", "user.name=Test Person", "-c", "user.email=test@example.org",
                             "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-C", str(repo), *args],
                            capture_output=True, text=True, timeout=120, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def new_repo(folder: Path, *, with_example: bool = True) -> Path:
    """A repository with the example committed on ``main``."""
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q")
    if with_example:
        shutil.copyfile(EXAMPLE, folder / NAME)
        git(folder, "add", NAME)
        git(folder, "commit", "-q", "-m", "the example")
    return folder


def textual_conflict(repo: Path, *, merge: bool = True) -> Path:
    """Two branches retitle the project differently and git merges the lines (no driver): markers.
    ``merge=False``: both branches made and ``main`` checked out, the merge left to the test."""
    path = repo / NAME
    original = path.read_text("utf-8")
    git(repo, "checkout", "-q", "-b", "other")
    path.write_text(original.replace("title: Hurtigere hjælp", "title: Hurtig hjælp", 1), "utf-8")
    git(repo, "commit", "-q", "-am", "theirs")
    git(repo, "checkout", "-q", "main")
    path.write_text(original.replace("title: Hurtigere hjælp", "title: Hurtigst hjælp", 1), "utf-8")
    git(repo, "commit", "-q", "-am", "ours")
    if merge:
        assert git(repo, "merge", "other", check=False).returncode != 0
    return path


def test_outside_a_repository_every_question_answers_none(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / NAME)
    assert repo_root(folder / NAME) is None and repo_root(folder) is None
    assert repo_root(tmp_path / "no" / "such" / "folder") is None
    assert driver_configured(folder) is False
    assert merge_in_progress(folder / NAME) is None
    with pytest.raises(GitError) as refused:
        setup_git(folder)
    assert "not in a git repository" in refused.value.text("en") and "git-repository" in refused.value.text("da")
    assert main(["git-setup", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "is not in a git repository" in err and "Traceback" not in err
    assert main(["merge", "--git", str(folder / NAME), "--lang", "da"]) == 1
    assert "ligger ikke i et git-repository" in capsys.readouterr().err
    assert not (folder / ".gitattributes").exists()


def test_without_git_nothing_raises_but_setup_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture) -> None:
    repo = new_repo(tmp_path / "repo")
    (repo / "marked.borgerspil.yaml").write_text("<<<<<<< HEAD\ntitle: A\n=======\ntitle: B\n>>>>>>> x\n", "utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    assert repo_root(repo) is None and driver_configured(repo) is False
    assert merge_in_progress(repo / NAME) is None
    assert merge_in_progress(repo / "marked.borgerspil.yaml") == git_repo.MergeInProgress(False, False, True)
    with pytest.raises(GitError, match="git is not installed"):
        setup_git(repo)
    assert main(["git-setup", str(repo)]) == 1
    assert "git is not installed" in capsys.readouterr().err


def test_git_setup_twice_changes_things_once_and_keeps_what_was_there(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture) -> None:
    repo = new_repo(tmp_path / "repo")
    (repo / ".gitattributes").write_text("*.png binary", "utf-8")  # no final newline
    (repo / ".gitignore").write_text("build/\n", "utf-8")
    sub = repo / "projects" / "2026"
    sub.mkdir(parents=True)
    assert repo_root(sub) == repo_root(repo) and repo_root(repo / NAME) is not None
    assert not driver_configured(repo)

    assert main(["git-setup", str(sub)]) == 0
    first = capsys.readouterr().out
    assert ATTRIBUTES_LINE in first and IGNORE_LINE in first and "merge.borgerspil.driver" in first
    assert (repo / ".gitattributes").read_text("utf-8") == f"*.png binary\n{ATTRIBUTES_LINE}\n"
    assert (repo / ".gitignore").read_text("utf-8") == f"build/\n{IGNORE_LINE}\n"
    assert not (sub / ".gitattributes").exists()
    assert driver_configured(repo) and driver_configured(sub)
    driver = git(repo, "config", "--local", "--get", "merge.borgerspil.driver").stdout.strip()
    assert driver.endswith(" merge %O %A %B %P")
    assert git(repo, "config", "--local", "--get", "diff.borgerspil.command").stdout.strip().endswith(" diff")
    assert git(repo, "config", "--local", "--get", "merge.borgerspil.name").stdout.strip()
    assert git(repo, "check-attr", "diff", "--", "projects/x.borgerspil.yaml").stdout.strip().endswith(
        "diff: borgerspil")
    assert git(repo, "check-ignore", "-q", f".{NAME}.borgerspil-tmp-123-abcd", check=False).returncode == 0

    files = {name: (repo / name).read_bytes() for name in (".gitattributes", ".gitignore", ".git/config")}
    assert setup_git(repo) == []
    assert main(["git-setup", str(repo), "--lang", "da"]) == 0
    assert "alt var allerede sat op" in capsys.readouterr().out
    assert files == {name: (repo / name).read_bytes() for name in files}


def test_git_setup_fixes_a_stale_driver_and_says_each_step_in_danish(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo", with_example=False)
    git(repo, "config", "merge.borgerspil.driver", "old-borgerspil merge %O %A %B %P")
    steps = setup_git(repo)
    assert [step.message.key for step in steps] == ["git.setup_added", "git.setup_added"] + ["git.setup_config"] * 3
    assert any("denne klons git-konfiguration" in step.message.text("da") for step in steps)
    assert "old-borgerspil" not in git(repo, "config", "--get", "merge.borgerspil.driver").stdout
    assert setup_git(repo) == []


def test_the_driver_command_runs_in_gits_shell_even_from_a_path_with_spaces(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    odd = tmp_path / "my python's folder"
    odd.mkdir()
    (odd / "python").write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} \"$@\"\n", "utf-8")
    (odd / "python").chmod(0o755)
    monkeypatch.setattr(git_repo.sys, "executable", str(odd / "python"))
    monkeypatch.setattr(git_repo.shutil, "which", lambda name: None if name == "borgerspil" else "/usr/bin/git")
    command = git_repo.borgerspil_command()
    assert command.endswith(" -m borgerspil_tui") and "my python" in command
    ran = subprocess.run(["sh", "-c", f"{command} --version"], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout.startswith("borgerspil ")


def test_this_installs_script_is_called_by_its_name_when_it_is_on_path() -> None:
    found = shutil.which("borgerspil")
    if found is None or Path(found).parent != Path(sys.executable).parent:
        pytest.skip("borgerspil is not this environment's script on PATH")
    assert git_repo.borgerspil_command() == "borgerspil"


def test_a_merge_in_progress_is_seen_three_ways_and_the_loader_says_what_to_do(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    path = textual_conflict(repo)
    assert merge_in_progress(path) == git_repo.MergeInProgress(merge_head=True, unmerged=True, markers=True)
    assert repo_root(path) is not None and not driver_configured(repo)

    with pytest.raises(FileProblemError) as refused:
        load_project(path)
    [problem] = refused.value.problems
    marker_line = path.read_text("utf-8").splitlines().index("<<<<<<< HEAD") + 1
    assert problem.key == "git.markers" and problem.line == marker_line
    for lang in ("da", "en"):
        text = problem.format(path, lang)
        assert text.startswith(f"{path}:{marker_line}:1: ") and f"borgerspil merge --git {path}" in text
    assert "git conflict marker" in problem.text("en") and "åbn den i borgerspil" in problem.text("da")

    elsewhere = tmp_path / "other.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, elsewhere)
    assert merge_in_progress(elsewhere) is None  # no repository, no markers
    assert merge_in_progress(repo / "new.borgerspil.yaml") == git_repo.MergeInProgress(True, False, False)

    git(repo, "checkout", "--theirs", "--", NAME)
    git(repo, "add", NAME)
    git(repo, "commit", "-q", "--no-edit")
    assert merge_in_progress(path) is None


def test_merge_git_refuses_a_file_that_is_not_being_merged(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    repo = new_repo(tmp_path / "repo")
    before = (repo / NAME).read_bytes()
    with pytest.raises(GitError, match="not in the middle of a git merge"):
        git_repo.merge_git_file(repo / NAME)
    assert main(["merge", "--git", str(repo / NAME)]) == 1
    assert "not in the middle of a git merge" in capsys.readouterr().err
    assert (repo / NAME).read_bytes() == before


@pytest.mark.parametrize("args", [["merge"], ["merge", "a", "b"], ["merge", "a", "b", "c", "d", "e"],
                                  ["merge", "--git", "a", "b"]])
def test_merge_with_the_wrong_number_of_files_is_a_usage_error(args: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as ended:
        main(args)
    assert ended.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
