"""Rescue copies: unique time-stamped names, never overwritten, found again when the project is
opened, compared in the method's words, brought in as one undoable edit, or deleted."""

from __future__ import annotations

import fnmatch
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from borgerspil_tui.core.compare import compare_projects, describe, summary
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.model.experience import Observation
from borgerspil_tui.core.rescue import fallback_folder, find_rescues, rescue_time, secure_edits, write_rescue
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.rescue_found import RescueFoundScreen
from tests.app_helpers import HOSTILE, SIZE, make_app, screen_text

WHEN = datetime(2026, 11, 27, 14, 3, 22)


@pytest.fixture(autouse=True)
def _data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("BORGERSPIL_DATA_DIR", str(folder))
    return folder


def _with_more_ideas(path: Path, *titles: str):  # noqa: ANN202 - a Project
    project = load_project(path).project
    project.create.ideas += [Idea(title=title) for title in titles]
    return project


# -- core: names, writing, finding ------------------------------------------------------------------
def test_a_rescue_copy_has_a_time_stamped_name_no_project_glob_matches(example_copy: Path) -> None:
    rescue = write_rescue(example_copy, _with_more_ideas(example_copy, "Ny"), now=WHEN)
    assert rescue == example_copy.with_name("hjaelpemidler.borgerspil.yaml.rescued-2026-11-27T14-03-22")
    for pattern in ("*.borgerspil.yaml", "*.yaml", "*.yml"):
        assert not fnmatch.fnmatch(rescue.name, pattern)
    assert fnmatch.fnmatch(rescue.name, "*.rescued-*"), "the .gitignore pattern the README gives"
    assert rescue_time(rescue) == WHEN
    assert [i.title for i in load_project(rescue).project.create.ideas][-1] == "Ny"


def test_a_later_rescue_never_overwrites_an_earlier_one(example_copy: Path) -> None:
    first = write_rescue(example_copy, _with_more_ideas(example_copy, "Første"), now=WHEN)
    second = write_rescue(example_copy, _with_more_ideas(example_copy, "Anden"), now=WHEN)  # same second
    third = write_rescue(example_copy, _with_more_ideas(example_copy, "Tredje"), now=WHEN.replace(second=23))
    assert len({first, second, third}) == 3
    assert second.name.endswith("T14-03-22-2")
    assert load_project(first).project.create.ideas[-1].title == "Første"
    assert load_project(second).project.create.ideas[-1].title == "Anden"
    assert find_rescues(example_copy) == [third, second, first], "newest first"
    assert sorted(p.name for p in example_copy.parent.iterdir()) == sorted(
        [example_copy.name, first.name, second.name, third.name]), "no temp files left"


def test_rescues_are_found_only_for_their_own_file(example_copy: Path) -> None:
    other = example_copy.with_name("andet.borgerspil.yaml")
    shutil.copyfile(example_copy, other)
    mine = write_rescue(example_copy, load_project(example_copy).project, now=WHEN)
    write_rescue(other, load_project(other).project, now=WHEN)
    (example_copy.parent / f"{example_copy.name}.rescued-by-hand.txt").write_text("x", "utf-8")
    assert find_rescues(example_copy) == [mine]


def test_a_read_only_folder_sends_the_rescue_to_the_data_folder(example_copy: Path, _data_folder: Path) -> None:
    os.chmod(example_copy.parent, 0o555)
    try:
        rescue = write_rescue(example_copy, _with_more_ideas(example_copy, "Reddet"), now=WHEN)
    finally:
        os.chmod(example_copy.parent, 0o755)
    assert rescue.parent == fallback_folder(example_copy)
    assert _data_folder in rescue.parents
    assert find_rescues(example_copy) == [rescue]


def test_secure_edits_saves_when_it_can_and_rescues_once_when_it_cannot(example_copy: Path) -> None:
    session = Session.open(example_copy)
    assert secure_edits(session) is None, "nothing to secure"
    session.edit("idé", lambda p: p.create.ideas.append(Idea(title="Gemt")))
    secured = secure_edits(session)
    assert secured is not None and secured.saved
    assert load_project(example_copy).project.create.ideas[-1].title == "Gemt"
    session.edit("idé", lambda p: p.create.ideas.append(Idea(title="Reddet")))
    os.chmod(example_copy, 0o444)
    first = secure_edits(session)
    again = secure_edits(session)
    assert first is not None and not first.saved and first.rescue is not None
    assert again == first, "a second signal writes no second copy"
    assert find_rescues(example_copy) == [first.rescue]
    assert load_project(first.rescue).project.create.ideas[-1].title == "Reddet"
    assert load_project(example_copy).project.create.ideas[-1].title == "Gemt"


# -- core: comparing in the method's words ------------------------------------------------------------
def test_compare_counts_items_by_id_in_the_methods_words(example_copy: Path) -> None:
    base = load_project(example_copy).project
    other = base.model_copy(deep=True)
    other.create.ideas += [Idea(title="A"), Idea(title="B"), Idea(title="C")]
    other.focus.problem = "Et andet problem"
    other.experience.observations[0].what = "Set på en anden måde"
    other.experience.observations[1].quotes.append("Nyt citat")
    other.experience.observations.append(Observation(what="Ny"))
    other.create.concepts.pop()
    other.focus.causes[0].children[0].text = "Dybere årsag, ændret"
    assert summary(compare_projects(base, other), "da") == (
        "Fokusér: problemet ændret, 1 årsag ændret; Oplev: 1 observation mere, 2 observationer ændret; "
        "Skab: 3 idéer mere, 1 koncept mindre")
    assert describe(compare_projects(base, other), "en") == [
        "Focus: the problem changed, 1 cause changed",
        "Experience: 1 more observation, 2 observations changed",
        "Create: 3 more ideas, 1 fewer concept",
    ]
    detailed = describe(compare_projects(base, other), "da", names=True)
    assert detailed[2] == "Skab: 3 idéer mere («A», «B», «C»), 1 koncept mindre («Samme dag»)"
    assert "«Et andet problem»" in detailed[0]


def test_an_edited_idea_is_one_changed_not_one_removed_and_one_added(example_copy: Path) -> None:
    base = load_project(example_copy).project
    other = base.model_copy(deep=True)
    other.create.ideas[0].title = "Ny titel"
    other.create.ideas.reverse()  # order alone is no difference in items
    assert summary(compare_projects(base, other), "da") == "Skab: 1 idé ændret"
    assert summary(compare_projects(base, base.model_copy(deep=True)), "en") == "No difference from the project file"


def test_checklist_answers_are_counted_in_their_part(example_copy: Path) -> None:
    base = load_project(example_copy).project
    other = base.model_copy(deep=True)
    other.checklists.pop(next(k for k in other.checklists if k.startswith("focus-")))
    assert summary(compare_projects(base, other), "da") == "Fokusér: 1 svar i tjeklisten mindre"


# -- the app: offered on open ----------------------------------------------------------------------------
async def test_opening_a_project_with_a_rescue_offers_it_and_brings_it_in_as_one_undoable_edit(
        example_copy: Path) -> None:
    rescue = write_rescue(example_copy, _with_more_ideas(example_copy, HOSTILE, "Anden"), now=WHEN)
    before = len(load_project(example_copy).project.create.ideas)
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RescueFoundScreen)
        text = screen_text(app)
        assert str(rescue) in text and "Skab: 2 idéer mere" in text
        await pilot.click("#rescue-compare")
        assert f"«{HOSTILE[:20]}" in screen_text(app), "user text shown literally"
        await pilot.click("#rescue-restore")
        await pilot.pause()
        assert not isinstance(app.screen, RescueFoundScreen)
        assert [i.title for i in app.session.project.create.ideas][-2:] == [HOSTILE, "Anden"]
        assert not app.session.dirty, "saved at once"
        assert not rescue.exists(), "the copy is gone once its content is in the project file"
        assert [i.title for i in load_project(example_copy).project.create.ideas][-1] == "Anden"
        await pilot.press("ctrl+z")
        assert len(app.session.project.create.ideas) == before, "one undo step takes it out again"


async def test_delete_asks_twice_then_the_next_rescue_is_offered(example_copy: Path) -> None:
    older = write_rescue(example_copy, _with_more_ideas(example_copy, "Ældre"), now=WHEN)
    newer = write_rescue(example_copy, _with_more_ideas(example_copy, "Nyere"), now=WHEN.replace(minute=4))
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RescueFoundScreen) and app.screen.rescue == newer
        assert "én ældre reddet kopi" in screen_text(app)
        await pilot.click("#rescue-delete")
        await pilot.pause()
        assert newer.exists(), "one press only asks"
        await pilot.click("#rescue-delete-sure")
        await pilot.pause()
        assert not newer.exists()
        assert isinstance(app.screen, RescueFoundScreen) and app.screen.rescue == older
        await pilot.press("escape")  # later
        await pilot.pause()
        assert not isinstance(app.screen, RescueFoundScreen)
        assert older.exists()
        assert not app.session.dirty
    assert [i.title for i in load_project(example_copy).project.create.ideas][-1] != "Ældre"


async def test_a_broken_rescue_copy_can_only_be_deleted_or_left(example_copy: Path) -> None:
    broken = example_copy.with_name(example_copy.name + ".rescued-2026-11-27T14-03-22")
    broken.write_text("title: [ikke færdig\n", "utf-8")
    app = make_app(example_copy, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RescueFoundScreen)
        assert "The copy cannot be read" in screen_text(app)
        assert not app.screen.query("#rescue-restore")
