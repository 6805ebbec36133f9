"""The change model itself: changes invert, merge and say what they touched; the item index follows
every change; a save snapshot is never changed by the edits made while it is written; and the
undo history holds changes, never copies of the project."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from borgerspil_tui.core.change_apply import ChangeFailed, ProjectEditor
from borgerspil_tui.core.changes import MISSING, AddItem, ChangeSet, MoveItem, RemoveItem, SetValue, merged
from borgerspil_tui.core.item_index import ItemIndex
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import load_project

IDEA = "idea-b7c8de"


@pytest.fixture
def session(example_copy: Path) -> Session:
    return Session.open(example_copy)


def assert_index_fresh(session: Session) -> None:
    fresh = ItemIndex(session.project)
    assert session.index.kinds == fresh.kinds
    assert session.index.lists == fresh.lists
    if session.index.links.built:  # built by the first delete, then kept up to date
        for item_id in fresh.kinds:
            assert session.index.links.linking(session.project, item_id) == fresh.links.linking(session.project, item_id)


# -- changes on their own -----------------------------------------------------------------------
def test_every_change_inverts_to_itself_twice() -> None:
    changes = (SetValue(("title",), "a", "b"), SetValue(("checklists", "x"), MISSING, {"answer": "yes"}),
               AddItem(("create", "ideas"), 2, {"id": "idea-aaaaaa", "title": "t"}),
               RemoveItem(("create", "ideas"), 0, {"id": "idea-bbbbbb", "title": "u"}),
               MoveItem("node-a", ("focus", "causes"), 0, ("focus", "causes", "node-b", "children"), 1))
    step = ChangeSet("label", changes)
    inverse = step.inverted()
    assert inverse.changes == tuple(c.inverted() for c in reversed(changes))
    assert inverse.changes[0] == MoveItem("node-a", ("focus", "causes", "node-b", "children"), 1, ("focus", "causes"), 0)
    assert inverse.changes[-1] == SetValue(("title",), "b", "a")
    assert inverse.inverted() == step


def test_merged_keeps_the_first_old_and_the_last_new_of_the_same_fields() -> None:
    a = ChangeSet("typing", (SetValue(("title",), "", "H"),), "k")
    b = ChangeSet("typing", (SetValue(("title",), "H", "Hi"),), "k")
    assert merged(a, b) == ChangeSet("typing", (SetValue(("title",), "", "Hi"),), "k")
    other_field = ChangeSet("typing", (SetValue(("create", "dots_per_person"), 3, 4),), "k")
    assert merged(a, other_field) is None
    assert merged(a, dataclasses.replace(b, merge_key="j")) is None
    assert merged(dataclasses.replace(a, merge_key=None), dataclasses.replace(b, merge_key=None)) is None
    adding = ChangeSet("typing", (AddItem(("create", "ideas"), 0, {"id": "idea-aaaaaa", "title": "t"}),), "k")
    assert merged(a, adding) is None


def test_items_touched_names_the_items_or_says_redraw_all() -> None:
    ideas = ("create", "ideas")
    step = ChangeSet("x", (SetValue((*ideas, "idea-a", "title"), "a", "b"), SetValue((*ideas, "idea-b", "scores", "i"), 1, 2)))
    assert step.items_touched(ideas) == {"idea-a", "idea-b"}
    assert step.items_touched(("create", "concepts")) == set()
    assert ChangeSet("x", (AddItem(ideas, 0, {"id": "idea-c", "title": "c"}),)).items_touched(ideas) is None
    assert ChangeSet("x", (SetValue(("create",), {}, {}),)).items_touched(ideas) is None


def test_editor_refuses_a_path_that_leads_nowhere(session: Session) -> None:
    editor = ProjectEditor(session.project.model_copy(deep=True))
    for change in (SetValue(("create", "ideas", "idea-none", "title"), "a", "b"),
                   SetValue(("create", "nofield"), 1, 2),
                   RemoveItem(("create", "ideas"), 0, {"id": "idea-none", "title": "x"}),
                   MoveItem("node-a2s4df", ("focus", "causes"), 0, ("focus", "causes", "node-a2s4df", "children"), 0)):
        with pytest.raises(ChangeFailed):
            editor.apply(change)
    assert editor.project.model_dump() == session.project.model_dump()  # the loop put the node back


# -- i: a save snapshot stays as it was while the user edits -----------------------------------
def _many_edits(session: Session) -> None:
    node = "node-g5h6jk"  # a child of node-a2s4df, supported by insight-a3b4cd
    edits = [
        lambda ch: ch.set(("title",), "New title"),
        lambda ch: ch.set(("create", "ideas", IDEA, "title"), "Changed"),
        lambda ch: ch.set(("create", "ideas", IDEA, "scores", "importance"), 1),
        lambda ch: ch.set(("create", "ideas", IDEA, "scores", "feasibility"), MISSING),
        lambda ch: ch.set(("checklists", "focus-change", "note"), "noted"),
        lambda ch: ch.set(("create", "weights", "feasibility"), 7.5),
        lambda ch: ch.set((*ch.path_of(node), "text"), "deep text"),
        lambda ch: ch.add(("create", "ideas"), Idea(id="idea-added", title="added"), 0),
        lambda ch: ch.add(("focus", "causes", "node-q2r3st", "children"), TreeNode(id="node-added", text="new")),
        lambda ch: ch.move(("create", "ideas", "idea-u7v8wx"), -2),
        lambda ch: ch.move_to(ch.path_of(node), ("focus", "causes", "node-y6z7ab", "children")),
        lambda ch: ch.remove(ch.path_of("idea-q5r6st")),
        lambda ch: ch.remove(ch.path_of("obs-j2k3lm")),
        lambda ch: ch.remove(ch.path_of("person-m4t8zn")),
    ]
    for n, edit in enumerate(edits):
        assert session.apply(f"edit {n}", edit(session.changes)) is not None, n


def test_i_a_save_snapshot_is_not_changed_by_later_edits(session: Session, example_copy: Path) -> None:
    original = session.project.model_dump()
    job = session.start_save(force=True)
    assert job is not None
    _many_edits(session)
    edited = session.project.model_dump()
    assert edited != original
    assert job.project.model_dump() == original  # every edit above copied what it changed
    assert job.project is not session.project
    job.run()
    assert session.finish_save(job)
    assert load_project(example_copy).project.model_dump() == original
    assert session.dirty
    assert session.project.model_dump() == edited
    assert_index_fresh(session)
    while session.can_undo:
        session.undo()
    assert session.project.model_dump() == original
    assert job.project.model_dump() == original


def test_i_edits_after_the_save_go_in_place_and_are_saved(session: Session, example_copy: Path) -> None:
    job = session.start_save()
    assert job is not None
    session.apply("a", session.changes.set(("title",), "during"))
    job.run()
    session.finish_save(job)
    project = session.project
    session.apply("b", session.changes.set(("create", "ideas", IDEA, "title"), "after"))
    assert session.project is project  # no snapshot out: no copy
    assert session.save()
    saved = load_project(example_copy).project
    assert (saved.title, saved.create.ideas[0].title) == ("during", "after")


def test_i_a_second_snapshot_while_one_is_out_is_refused(session: Session) -> None:
    job = session.start_save()
    assert job is not None and session.saving
    assert session.start_save() is None
    job.run()
    session.finish_save(job)
    assert not session.saving


# -- j: the item index follows adds, removes and moves ------------------------------------------
def test_j_the_index_follows_every_kind_of_change(session: Session) -> None:
    ch = session.changes
    session.apply("add", ch.add(("focus", "causes", "node-q2r3st", "children"), TreeNode(
        id="node-new1", text="new", children=[TreeNode(id="node-new2", text="inner")])))
    assert session.index.path("node-new2") == ("focus", "causes", "node-q2r3st", "children", "node-new1",
                                               "children", "node-new2")
    assert session.index.kind("node-new2") == "cause"
    assert_index_fresh(session)
    session.apply("move", session.changes.move_to(session.changes.path_of("node-new1"), ("focus", "consequences")))
    assert session.index.lists["node-new2"] == ("focus", "consequences", "node-new1", "children")
    assert_index_fresh(session)
    session.apply("remove", session.changes.remove(session.changes.path_of("node-a2s4df")))
    assert "node-g5h6jk" not in session.index.kinds
    assert_index_fresh(session)
    session.apply("idea", session.changes.add(("create", "ideas"), Idea(id="idea-new3", title="n")))
    assert session.index.kind("idea-new3") == "idea"
    assert_index_fresh(session)
    for _ in range(4):
        session.undo()
        assert_index_fresh(session)
    for _ in range(4):
        session.redo()
        assert_index_fresh(session)


def test_j_a_cause_an_insight_supports_cannot_become_a_consequence(session: Session, example_copy: Path) -> None:
    from borgerspil_tui.core.session import EditRefused

    before = session.project.model_dump()
    with pytest.raises(EditRefused):  # insight-a3b4cd supports node-g5h6jk: it must stay a cause
        session.apply("move", session.changes.move_to(session.changes.path_of("node-g5h6jk"), ("focus", "consequences")))
    assert session.project.model_dump() == before
    assert session.index.kind("node-g5h6jk") == "cause"
    assert_index_fresh(session)
    session.apply("move", session.changes.move_to(session.changes.path_of("node-l7m8np"), ("focus", "consequences")))
    assert session.index.kind("node-l7m8np") == "consequence"
    assert session.save()
    assert load_project(example_copy).project.focus.consequences[-1].id == "node-l7m8np"


def test_j_a_new_id_that_is_taken_after_an_undo_is_free_again(session: Session) -> None:
    session.apply("add", session.changes.add(("create", "ideas"), Idea(id="idea-again", title="x")))
    session.undo()
    assert session.index.kind("idea-again") is None
    session.apply("add", session.changes.add(("create", "ideas"), Idea(id="idea-again", title="y")))
    assert session.project.create.ideas[-1].title == "y"


# -- 3: the undo history holds changes, not projects --------------------------------------------
def _models_in(value: Any, seen: set[int]) -> list[BaseModel]:
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, BaseModel):
        return [value]
    found: list[BaseModel] = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        children = [getattr(value, f.name) for f in dataclasses.fields(value)] + list(getattr(value, "__dict__", {}).values())
    elif isinstance(value, dict):
        children = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        children = list(value)
    else:
        children = []
    for child in children:
        found += _models_in(child, seen)
    return found


def test_300_edits_keep_only_small_changes(session: Session) -> None:
    whole = len(pickle.dumps(session.project.model_dump()))
    paths = [("create", "ideas", i.id, "description") for i in session.project.create.ideas]
    for n in range(300):
        path = paths[n % len(paths)]
        session.apply(f"edit {n}", session.changes.set(path, f"text {n}"))
    steps = session.undo_steps()
    assert len(steps) == 300
    assert all(type(s) is ChangeSet for s in steps)
    assert _models_in(steps, set()) == []  # plain data only: no project, no item shared with it
    size = len(pickle.dumps(steps))
    assert size < 300 * 2_000  # each step a label and two short texts, with their path
    assert size < 20 * whole  # one full copy per step would be 300 × whole
    session.apply("delete", session.changes.remove(("create", "ideas", IDEA)))
    step = session.undo_steps()[-1]
    assert _models_in(step, set()) == []
    assert len(pickle.dumps(step)) < whole


def test_a_stored_change_does_not_change_with_the_project(session: Session) -> None:
    session.apply("add", session.changes.add(("create", "ideas"), Idea(id="idea-kept", title="kept")))
    step = session.undo_steps()[-1]
    session.apply("edit", session.changes.set(("create", "ideas", "idea-kept", "title"), "changed"))
    assert step.changes[0].item["title"] == "kept"
    session.apply("score", session.changes.set(("create", "ideas", IDEA, "scores"), {"importance": 1}))
    session.project.create.ideas[0].scores["feasibility"] = 2  # a change behind the session's back
    assert session.undo_steps()[-1].changes[0].new == {"importance": 1}
