"""A save's text made in pieces (core/save_pieces) is the file ``dump_project`` writes, byte for byte,
and a project that breaks a rule is refused before anything is written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from benchmarks.generate import large_project, sized_project
from borgerspil_tui.core import save_pieces
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.project import ChecklistAnswer
from borgerspil_tui.core.save_pieces import BATCH, dump_pieces, file_bytes
from borgerspil_tui.core.session import SaveState, Session
from borgerspil_tui.core.storage import MODELINE, SaveError, dump_project, load_project, save_project
from tests.conftest import EXAMPLE
from tests.strategies import projects, text

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def in_pieces(project: Project, batch: int = BATCH) -> str:
    return MODELINE + "".join(dump_pieces(project, batch=batch))


@pytest.fixture(scope="module")
def large() -> Project:
    return large_project(scale=1)


# -- the same bytes ------------------------------------------------------------------------------


@pytest.mark.parametrize("batch", [1, 2, 5, BATCH])
def test_the_example_in_pieces_is_the_file_dump_project_writes(batch: int) -> None:
    project = load_project(EXAMPLE).project
    assert in_pieces(project, batch) == dump_project(project)
    assert file_bytes(project, batch=batch) == dump_project(project).encode("utf-8")


@pytest.mark.parametrize("batch", [3, BATCH])
def test_a_large_project_in_pieces_is_the_file_dump_project_writes(large: Project, batch: int) -> None:
    assert in_pieces(large, batch) == dump_project(large)


def test_a_large_project_is_written_in_many_small_pieces(large: Project) -> None:
    pieces = dump_pieces(large)
    whole = sum(len(piece) for piece in pieces)
    assert len(pieces) > 50
    assert max(len(piece) for piece in pieces) < whole / 20


@SETTINGS
@given(projects(), st.sampled_from([1, 2, 3, BATCH]))
def test_any_project_in_pieces_is_the_file_dump_project_writes(project: Project, batch: int) -> None:
    assert in_pieces(project, batch) == dump_project(project)


def _awkward(texts: list[str]) -> Project:
    """A project whose text sits at every depth the pieces are cut at: tree nodes in deep
    branches, ideas, tests in concepts, and the file's last field. (A small project: the pieces
    are cut at 1 and 4 items here, so 40 ideas make as many cuts as 1,000 would, for a 25th of the time.)"""
    project = sized_project(ideas=40, causes=40, observations=20, insights=8, concepts=6)
    node = project.focus.causes[0]
    for depth, value in enumerate(texts):
        node.children = [*node.children, TreeNode(id=f"deep-{depth}", text=value)]
        node = node.children[-1]
        project.create.ideas[depth].description = value
        project.create.concepts[depth].tests[0].learned = value
        project.create.ideas.append(Idea(id=f"idea-extra-{depth}", title="x", description=value))
    project.checklists = {"zz-last": ChecklistAnswer(note=texts[-1])}  # the file's last field
    return Project.model_validate(project.model_dump())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(text, min_size=1, max_size=4))
@example([" leading space\nsecond line", "a\n\n"])  # a | block with an indentation indicator; the file ends in |+
@example(["\n\nstarts with empty lines", "tab\there\n"])
@example(["emoji 🙂\nand more 🍎", "private \ue000 and emoji 😀\n"])  # stand-ins; the Python emitter
@example(["a\n\n\n\nb", "ends with empty lines\n\n\n"])  # quoted, not a block; |+ at the end
def test_awkward_text_at_every_depth_in_pieces_is_the_file_dump_project_writes(texts: list[str]) -> None:
    project = _awkward(texts)
    expected = dump_project(project)
    assert in_pieces(project, 1) == expected
    assert in_pieces(project, 4) == expected


def test_the_file_can_end_inside_a_kept_block() -> None:
    project = Project(schema_version=1, title="x")
    project.focus.problem = "ends with empty lines\n\n"
    expected = dump_project(project)
    assert expected.endswith("\n\n...\n")
    assert in_pieces(project, 1) == expected


# -- checked before anything is written ----------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_planted_invalid_value_deep_in_a_large_project_is_refused_where_it_is(
        large: Project, tmp_path: Path) -> None:
    project = large.model_copy(deep=True)
    target = tmp_path / "stort.borgerspil.yaml"
    fingerprint = save_project(target, project, None)
    before = _digest(target)
    object.__setattr__(project.create.ideas[700], "title", "to\nlinjer")  # past the model's own checks
    with pytest.raises(SaveError) as refused:
        save_project(target, project, fingerprint)
    assert refused.value.key == "save.invalid"
    assert refused.value.values["field"] == "create.ideas[700].title"
    assert "create.ideas[700].title" in refused.value.text("da")
    assert "projektet har en fejl" in refused.value.text("da")
    assert "the project has an error" in refused.value.text("en")
    assert _digest(target) == before


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydantic warns of the planted value
def test_a_planted_invalid_value_in_a_deep_tree_branch_is_refused_where_it_is(large: Project) -> None:
    project = large.model_copy(deep=True)
    branch = project.focus.causes[0].children[1]
    assert len(branch.children) > 2 and branch.children[2].children  # deep enough to be cut in pieces
    object.__setattr__(branch.children[2], "uncertain", "maybe")
    with pytest.raises(save_pieces.ProjectInvalid) as refused:
        dump_pieces(project, batch=4)
    assert refused.value.loc == ("focus", "causes", 0, "children", 1, "children", 2, "uncertain")


def test_a_planted_broken_link_is_refused_with_our_message(large: Project, tmp_path: Path) -> None:
    project = large.model_copy(deep=True)
    object.__setattr__(project.create.ideas[5], "inspired_by", ["insight-gone"])
    target = tmp_path / "stort.borgerspil.yaml"
    with pytest.raises(SaveError) as refused:
        save_project(target, project, None)
    assert refused.value.values["field"] == "create.ideas[5].inspired_by[0]"
    assert "insight-gone" in refused.value.text("en")
    assert not target.exists()


def test_a_planted_duplicate_id_in_a_small_project_is_refused(example_copy: Path) -> None:
    project = load_project(example_copy).project
    ideas = project.create.ideas
    object.__setattr__(ideas[1], "id", ideas[0].id)
    with pytest.raises(save_pieces.ProjectInvalid) as refused:
        dump_pieces(project)
    assert refused.value.loc[:3] == ("create", "ideas", 1)


def test_a_session_whose_snapshot_is_invalid_says_so_and_leaves_the_file(example_copy: Path) -> None:
    session = Session.open(example_copy)
    before = _digest(example_copy)
    session.apply("edit", session.changes.set(("title",), "Ny titel"))
    object.__setattr__(session.project.create.ideas[0], "title", "to\nlinjer")  # planted past the edit's check
    assert not session.save()
    assert session.state is SaveState.FAILED
    assert session.last_failure is not None and session.last_failure.key == "save.invalid"
    assert "create.ideas[0].title" in session.error_text("en")
    assert _digest(example_copy) == before
