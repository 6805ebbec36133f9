"""Working together in git, end to end with real git: ``git-setup``, two branches that each make
an everyday edit through the session, ``git merge`` through our driver (clean, and a same-field
clash recorded in the file), a file left with git's markers merged from the index stages with
``merge --git``, and the driver refusing files that do not load without writing anything."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core import git_repo
from borgerspil_tui.core.changes import Change
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import load_project
from tests.conftest import EXAMPLE
from tests.test_git_repo import NAME, git, git_alone, new_repo  # noqa: F401 - git_alone is a fixture

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

IDEA = "idea-b7c8de"
"""An idea of the example ("Hjælpemiddeldepot i Borgerservice")."""


def edit(path: Path, label: str, make: Callable[[Session], list[Change]]) -> None:
    """One edit as the app makes it: open, apply through the session, save."""
    session = Session.open(path)
    assert session.apply(label, make(session)) is not None
    assert session.save(), session.last_error


def add_idea_and_cause(title: str, cause: str) -> Callable[[Session], list[Change]]:
    def make(session: Session) -> list[Change]:
        return [*session.changes.add(("create", "ideas"), Idea(title=title)),
                *session.changes.add(("focus", "causes"), TreeNode(text=cause))]
    return make


def retitle(title: str) -> Callable[[Session], list[Change]]:
    return lambda session: session.changes.set((*session.changes.path_of(IDEA), "title"), title)


def branches(repo: Path, ours: Callable[[Session], list[Change]], theirs: Callable[[Session], list[Change]]) -> Path:
    """``colleague`` makes ``theirs``, ``main`` makes ``ours``; both committed, main checked out."""
    path = repo / NAME
    git(repo, "checkout", "-q", "-b", "colleague")
    edit(path, "theirs", theirs)
    git(repo, "commit", "-q", "-am", "a colleague's edit")
    git(repo, "checkout", "-q", "main")
    edit(path, "ours", ours)
    git(repo, "commit", "-q", "-am", "my edit")
    return path


def unmerged(repo: Path) -> str:
    return git(repo, "ls-files", "-u").stdout


@pytest.fixture
def team_repo(tmp_path: Path) -> Path:
    """The example committed, git-setup run and its files committed: a team's repository."""
    repo = new_repo(tmp_path / "repo")
    assert git_repo.setup_git(repo)
    git(repo, "add", ".gitattributes", ".gitignore")
    git(repo, "commit", "-q", "-m", "borgerspil merges projects")
    assert git_repo.driver_configured(repo)
    return repo


def test_two_people_adding_an_idea_and_a_cause_merge_cleanly_through_git(team_repo: Path) -> None:
    path = branches(team_repo, add_idea_and_cause("Hurtigspor for enkle sager", "Lægen svarer sent"),
                    add_idea_and_cause("Sms ved hvert skridt", "Ingen kender sagens status"))
    merged = git(team_repo, "merge", "--no-edit", "colleague", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert not unmerged(team_repo) and git(team_repo, "status", "--porcelain").stdout == ""
    text = path.read_text("utf-8")
    assert "<<<<<<<" not in text and "conflicts:" not in text
    project = load_project(path).project
    titles = [idea.title for idea in project.create.ideas]
    assert titles[-2:] == ["Hurtigspor for enkle sager", "Sms ved hvert skridt"]
    causes = [node.text for node in project.focus.causes]
    assert causes[-2:] == ["Lægen svarer sent", "Ingen kender sagens status"]
    base = load_project(EXAMPLE).project
    assert len(project.create.ideas) == len(base.create.ideas) + 2
    assert main(["validate", str(path)]) == 0


def test_a_same_field_clash_is_recorded_in_the_file_not_as_markers(team_repo: Path) -> None:
    path = branches(team_repo, retitle("Depot i Borgerservice"), retitle("Udlån ved skranken"))
    merged = git(team_repo, "merge", "--no-edit", "colleague", check=False)
    assert merged.returncode != 0
    assert "1 conflict," in merged.stdout + merged.stderr  # the driver said so (in English here)
    assert NAME in unmerged(team_repo)
    text = path.read_text("utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    project = load_project(path).project
    [conflict] = project.conflicts
    assert conflict.where == f"create.ideas.{IDEA}.title"
    assert (conflict.base, conflict.ours, conflict.theirs) == (
        "Hjælpemiddeldepot i Borgerservice", "Depot i Borgerservice", "Udlån ved skranken")
    idea = next(idea for idea in project.create.ideas if idea.id == IDEA)
    assert idea.title == "Depot i Borgerservice"
    assert main(["validate", str(path)]) == 1  # the conflict is listed, located
    assert git_repo.merge_in_progress(path) == git_repo.MergeInProgress(merge_head=True, unmerged=True,
                                                                         markers=False)


def test_markers_from_a_merge_without_the_driver_are_merged_from_the_stages(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    repo = new_repo(tmp_path / "repo")  # no git-setup: git merges the lines and leaves markers
    path = branches(repo, add_idea_and_cause("Hurtigspor", "Lægen svarer sent"),
                    add_idea_and_cause("Sms undervejs", "Ingen kender status"))
    assert git(repo, "merge", "colleague", check=False).returncode != 0
    assert "<<<<<<< " in path.read_text("utf-8")
    with pytest.raises(FileProblemError) as refused:
        load_project(path)
    assert refused.value.problems[0].key == "git.markers"
    assert "borgerspil merge --git" in refused.value.problems[0].text("en")

    assert main(["merge", "--git", str(path)]) == 0
    assert "marked resolved" in capsys.readouterr().err
    assert not unmerged(repo)
    project = load_project(path).project
    assert [idea.title for idea in project.create.ideas][-2:] == ["Hurtigspor", "Sms undervejs"]
    assert [node.text for node in project.focus.causes][-2:] == ["Lægen svarer sent", "Ingen kender status"]
    assert not project.conflicts
    git(repo, "commit", "-q", "--no-edit")
    assert git_repo.merge_in_progress(path) is None


def test_merge_git_with_a_clash_records_it_and_leaves_the_path_unmerged(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    repo = new_repo(tmp_path / "repo")
    path = branches(repo, retitle("Depot i Borgerservice"), retitle("Udlån ved skranken"))
    assert git(repo, "merge", "colleague", check=False).returncode != 0
    assert main(["merge", "--git", str(path), "--lang", "da"]) == 1
    assert "1 konflikt," in capsys.readouterr().err
    assert NAME in unmerged(repo)
    project = load_project(path).project
    assert [conflict.where for conflict in project.conflicts] == [f"create.ideas.{IDEA}.title"]


def test_both_sides_adding_the_file_merge_against_an_empty_base(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo", with_example=False)
    (repo / "README").write_text("team\n", "utf-8")
    git(repo, "add", "README")
    git(repo, "commit", "-q", "-m", "start")
    path = repo / NAME
    git(repo, "checkout", "-q", "-b", "colleague")
    shutil.copyfile(EXAMPLE, path)
    edit(path, "theirs", add_idea_and_cause("Sms undervejs", "Ingen kender status"))
    git(repo, "add", NAME)
    git(repo, "commit", "-q", "-m", "theirs")
    git(repo, "checkout", "-q", "main")
    shutil.copyfile(EXAMPLE, path)
    edit(path, "ours", add_idea_and_cause("Hurtigspor", "Lægen svarer sent"))
    git(repo, "add", NAME)
    git(repo, "commit", "-q", "-m", "ours")
    assert git(repo, "merge", "colleague", check=False).returncode != 0
    assert "1" not in {line.split()[2] for line in unmerged(repo).splitlines()}  # no base stage

    result = git_repo.merge_git_file(path)
    project = load_project(path).project
    titles = [idea.title for idea in project.create.ideas]
    assert "Hurtigspor" in titles and "Sms undervejs" in titles
    assert project.title == load_project(EXAMPLE).project.title
    assert result.clean and not unmerged(repo)


def _broken(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(EXAMPLE.read_text("utf-8").replace("title: Hjælpemiddeldepot", "title: [Hjælpemiddeldepot"),
                    "utf-8")
    return path


@pytest.mark.parametrize("side", ["ours", "theirs", "base"])
def test_the_driver_never_writes_when_a_file_does_not_load(side: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    files = {name: tmp_path / f"{name}.yaml" for name in ("base", "ours", "theirs")}
    for name, file in files.items():
        shutil.copyfile(EXAMPLE, file)
    files[side] = _broken(tmp_path, f"{side}.yaml")
    if side != "theirs":
        edit(files["theirs"], "theirs", retitle("Udlån ved skranken"))
    before = files["ours"].read_bytes()
    status = main(["merge", *(str(files[name]) for name in ("base", "ours", "theirs")), "team/x.borgerspil.yaml"])
    assert status == 1
    assert files["ours"].read_bytes() == before
    err = capsys.readouterr().err
    label = {"ours": "our version", "theirs": "their version", "base": "common version"}[side]
    assert f"team/x.borgerspil.yaml ({label}):" in err and "nothing was written" in err
    assert "Traceback" not in err and sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_stage_that_does_not_load_leaves_the_conflicted_file_alone(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture) -> None:
    repo = new_repo(tmp_path / "repo")
    path = repo / NAME
    git(repo, "checkout", "-q", "-b", "colleague")
    _broken(repo, NAME)
    git(repo, "commit", "-q", "-am", "a broken edit")
    git(repo, "checkout", "-q", "main")
    edit(path, "ours", retitle("Depot i Borgerservice"))
    git(repo, "commit", "-q", "-am", "ours")
    assert git(repo, "merge", "colleague", check=False).returncode != 0
    before = path.read_bytes()
    with pytest.raises(FileProblemError):
        git_repo.merge_git_file(path)
    assert main(["merge", "--git", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path} (:3:):" in err and "nothing was written" in err
    assert path.read_bytes() == before and NAME in unmerged(repo)


def test_the_driver_says_which_links_went(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    files = {name: tmp_path / f"{name}.borgerspil.yaml" for name in ("base", "ours", "theirs")}
    for file in files.values():
        shutil.copyfile(EXAMPLE, file)
    edit(files["ours"], "delete", lambda session: session.changes.remove(session.changes.path_of("idea-u7v8wx")))
    edit(files["theirs"], "link", lambda session: session.changes.set(
        (*session.changes.path_of("concept-c3d4ef"), "ideas"), ["idea-b7c8de", "idea-u7v8wx"]))
    assert main(["merge", *map(str, files.values())]) == 0
    err = capsys.readouterr().err
    assert "link removed" in err and "idea-u7v8wx" in err and "merged without conflicts" in err
    project = load_project(files["ours"]).project
    assert "idea-u7v8wx" not in {idea.id for idea in project.create.ideas}


async def test_resolving_the_last_conflict_of_an_unfinished_git_merge_says_how_to_finish_it(
        team_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.app_helpers import SIZE, make_app, notices

    path = branches(team_repo, retitle("Depot i Borgerservice"), retitle("Udlån ved skranken"))
    assert git(team_repo, "merge", "--no-edit", "colleague", check=False).returncode != 0
    app = make_app(path)
    said = notices(app, monkeypatch)  # recorded when sent: a notice times out on a slow machine
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert getattr(app.screen, "NAME", None) == "conflicts"
        await pilot.press("t")
        await pilot.pause()
        assert app.session.save()  # waits for an autosave that runs, or saves now
    assert any(f"git add {NAME}" in text for text in said), said
    project = load_project(path).project
    assert not project.conflicts and project.create.ideas[-1].title
    assert next(i for i in project.create.ideas if i.id == IDEA).title == "Udlån ved skranken"
    git(team_repo, "add", NAME)
    assert git(team_repo, "commit", "-q", "--no-edit", check=False).returncode == 0
