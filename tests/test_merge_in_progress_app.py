"""The app and an unfinished ``git merge`` (real git in a temporary folder): the file is never
written over, not by autosave, Ctrl+S or quitting, and the semantic merge is offered; once made,
the merged project opens (its conflicts on Konflikter). Also: git set-up offered once per clone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from borgerspil_tui.core import git_repo
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.app import BorgerspilApp
from borgerspil_tui.tui.screens.git_offer import GitOfferScreen
from borgerspil_tui.tui.screens.load_error import LoadErrorScreen
from borgerspil_tui.tui.screens.merge_offer import MergeOfferScreen
from borgerspil_tui.tui.screens.unsaved_quit import UnsavedQuitScreen
from tests.app_helpers import SIZE, calls, screen_text, until
from tests.test_git_repo import NAME, git, git_alone, new_repo, textual_conflict  # noqa: F401 - a fixture

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def app_on(path: Path, settings: Settings | None = None) -> BorgerspilApp:
    """The app as ``borgerspil PATH`` starts it (a file that does not load: the error screen)."""
    try:
        session, problems = Session.open(path), None
    except FileProblemError as error:
        session, problems = None, (path, error.problems)
    if settings is None:
        root = git_repo.repo_root(path)
        settings = Settings(language="da", git_offered=[str(root)] if root else [])  # offered before
    return BorgerspilApp(method=bundled_method(), settings=settings, language="da", session=session,
                         load_problems=problems, folder=path.parent, autosave_delay=0.1, watch_interval=0.1,
                         remember=False)


def unmerged(repo: Path) -> bool:
    return bool(git(repo, "ls-files", "-u").stdout.strip())


def idea_branches(repo: Path) -> Path:
    """Two branches each add an idea through the session; git merges the lines (no driver): markers."""
    path = repo / NAME
    for branch, title in (("other", "Sms ved hvert skridt"), ("main", "Hurtigspor for enkle sager")):
        git(repo, "checkout", "-q", *(["-b", branch] if branch == "other" else [branch]))
        session = Session.open(path)
        session.apply("idea", session.changes.add(("create", "ideas"), Idea(title=title)))
        assert session.save()
        git(repo, "commit", "-q", "-am", title)
    assert git(repo, "merge", "other", check=False).returncode != 0
    return path



async def choose_merge(pilot) -> None:  # noqa: ANN001
    """Enter on the offer's first answer ("merge now"), once the dialog has it in focus."""
    app = pilot.app
    await until(pilot, lambda: getattr(app.focused, "id", None) == "choice-merge")
    await pilot.press("enter")


async def test_a_file_with_markers_is_offered_the_semantic_merge_and_opens_on_konflikter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = new_repo(tmp_path / "repo")
    path = textual_conflict(repo)  # both retitled the project: one real clash
    before = path.read_bytes()
    assert b"<<<<<<<" in before
    app = app_on(path)
    looks = calls(monkeypatch, app, "_check_disk")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoadErrorScreen)
        assert "Tryk m for at flette den semantisk" in screen_text(app)
        await until(pilot, lambda: len(looks) >= 3)  # the disk watcher had its chance, however slow the machine
        assert path.read_bytes() == before, "nothing writes the file"
        await pilot.press("m")
        await until(pilot, lambda: getattr(app.screen, "NAME", None) == "conflicts")
        assert len(app.session.project.conflicts) == 1 and app.session.project.conflicts[0].where == "title"
    text = path.read_text("utf-8")
    assert "<<<<<<<" not in text and len(load_project(path).project.conflicts) == 1
    assert unmerged(repo), "with a conflict left to decide, git is not told it is resolved"


async def test_a_clean_semantic_merge_resolves_the_file_in_git(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    path = idea_branches(repo)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoadErrorScreen)
        await pilot.press("m")
        await until(pilot, lambda: getattr(app.screen, "NAME", None) == "overview")
        titles = [idea.title for idea in app.session.project.create.ideas]
        assert "Sms ved hvert skridt" in titles and "Hurtigspor for enkle sager" in titles
    assert not unmerged(repo) and not load_project(path).project.conflicts


async def test_an_unmerged_file_is_never_written_even_after_an_edit_and_quit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = new_repo(tmp_path / "repo")
    path = textual_conflict(repo)
    git(repo, "checkout", "--ours", "--", NAME)  # loads, but git still holds it unmerged
    before = path.read_bytes()
    assert unmerged(repo) and b"<<<<<<<" not in before
    app = app_on(path)
    looks = calls(monkeypatch, app, "_check_disk")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, MergeOfferScreen)
        await pilot.press("escape")  # not now
        await pilot.press("r", "c", "j")  # an edit
        assert app.session.dirty
        edited = len(looks)
        # autosave and the disk watcher had their chance (waited for, however slow the machine)
        await until(pilot, lambda: app._unsaved_since is None and len(looks) >= edited + 3)
        await app.workers.wait_for_complete()
        assert path.read_bytes() == before
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, UnsavedQuitScreen)
        assert "choice-overwrite" not in [button.id for button in app.screen.query("Button")]
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert path.read_bytes() == before and unmerged(repo)


async def test_the_offer_merges_an_unmerged_file_with_the_edits_made_meanwhile(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    path = textual_conflict(repo)
    git(repo, "checkout", "--ours", "--", NAME)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # not now
        await pilot.press("r", "c", "j")  # an edit while the file is held
        await pilot.press("ctrl+s")  # saving offers the merge again
        assert isinstance(app.screen, MergeOfferScreen)
        await choose_merge(pilot)
        await until(pilot, lambda: getattr(app.screen, "NAME", None) == "conflicts")
        await until(pilot, lambda: not app.session.dirty)
    saved = load_project(path).project
    assert len(saved.conflicts) == 1 and saved.checklists["readiness-competences"].answer == "yes"
    assert "<<<<<<<" not in path.read_text("utf-8")


async def test_a_git_merge_with_markers_while_the_app_is_open_is_offered_the_semantic_merge(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    path = textual_conflict(repo, merge=False)
    app = app_on(path)
    app.autosave_delay = 3600
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "c", "j")  # an edit in memory only
        assert git(repo, "merge", "other", check=False).returncode != 0  # git writes its markers
        await until(pilot, lambda: isinstance(app.screen, MergeOfferScreen))
        assert b"<<<<<<<" in path.read_bytes(), "the app wrote nothing over the file"
        await choose_merge(pilot)
        await until(pilot, lambda: getattr(app.screen, "NAME", None) == "conflicts")
        await until(pilot, lambda: not app.session.dirty)
    saved = load_project(path).project
    assert [conflict.where for conflict in saved.conflicts] == ["title"]
    assert saved.checklists["readiness-competences"].answer == "yes", "the edit made before the pull is kept"


async def test_git_set_up_is_offered_once_per_repository(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    settings = Settings(language="da")
    app = app_on(repo / NAME, settings)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, GitOfferScreen)
        await pilot.click("#choice-setup")
        await pilot.pause()
    assert git_repo.driver_configured(repo)
    git(repo, "config", "--local", "--unset", "merge.borgerspil.driver")
    assert not git_repo.driver_configured(repo)
    again = app_on(repo / NAME, settings)
    async with again.run_test(size=SIZE):
        assert not isinstance(again.screen, GitOfferScreen), "offered once per repository"
