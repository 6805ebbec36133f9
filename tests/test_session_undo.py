"""The session's safety net: undo, redo, the undo limit, merged typing, refused edits rolled back,
the save state after an undo, moves at the edge, and deletes whose undo brings the links back.

Edits are built with ``session.changes`` and made with ``session.apply`` (the app's own path).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core import session as session_module
from borgerspil_tui.core.changes import MISSING, RemoveItem, SetValue
from borgerspil_tui.core.item_index import ItemIndex
from borgerspil_tui.core.model.create import Idea, Vote
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.session import EditRefused, SaveState, Session
from borgerspil_tui.core.storage import load_project

IDEA = "idea-b7c8de"  # in the example: in concept-c3d4ef, voted for by guest-y9z2ab and person-m4t8zn
CONCEPT = "concept-c3d4ef"


@pytest.fixture
def session(example_copy: Path) -> Session:
    return Session.open(example_copy)


def title(idea_id: str = IDEA) -> tuple[str, ...]:
    return ("create", "ideas", idea_id, "title")


def set_value(session: Session, path: tuple[str, ...], value: object, label: str = "edit",
              merge_key: str | None = None) -> object:
    return session.apply(label, session.changes.set(path, value), merge_key=merge_key)


def assert_index_fresh(session: Session) -> None:
    fresh = ItemIndex(session.project)
    assert session.index.kinds == fresh.kinds
    assert session.index.lists == fresh.lists
    if session.index.links.built:  # built by the first delete, then kept up to date
        for item_id in fresh.kinds:
            assert session.index.links.linking(session.project, item_id) == fresh.links.linking(session.project, item_id)


# -- a: a new edit clears redo ------------------------------------------------------------------
def test_a_new_edit_clears_redo(session: Session) -> None:
    set_value(session, title(), "A")
    assert session.undo() == "edit"
    assert session.can_redo
    set_value(session, ("title",), "New title", label="other")
    assert not session.can_redo
    assert session.redo() is None
    assert session.project.create.ideas[0].title != "A"
    assert session.project.title == "New title"
    assert session.undo() == "other"
    assert session.undo() is None  # the first edit was undone before: it is not in the history again


def test_a_refused_edit_keeps_redo(session: Session) -> None:
    set_value(session, title(), "A")
    session.undo()
    with pytest.raises(EditRefused):
        set_value(session, title(), "x" * 501)
    assert session.redo() == "edit"
    assert session.project.create.ideas[0].title == "A"


# -- b: the undo limit drops the oldest steps ---------------------------------------------------
@pytest.mark.parametrize("limit", [5, session_module.UNDO_LIMIT])
def test_b_undo_limit_drops_the_oldest_steps(session: Session, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(session_module, "UNDO_LIMIT", limit)
    total = limit + 7
    for n in range(total):
        set_value(session, title(), f"title {n}", label=f"step {n}")
    steps = session.undo_steps()
    assert len(steps) == limit
    assert [s.label for s in steps] == [f"step {n}" for n in range(total - limit, total)]
    labels = []
    while session.can_undo:
        labels.append(session.undo())
    assert labels == [f"step {n}" for n in reversed(range(total - limit, total))]
    assert session.project.create.ideas[0].title == f"title {total - limit - 1}"


# -- c: a refused edit is rolled back whole -----------------------------------------------------
def _refused_edits(session: Session) -> dict[str, list]:
    ch = session.changes
    idea = session.project.create.ideas[1]
    return {
        "too long title": [*ch.set(title(), "valid first"), *ch.set(title(idea.id), "x" * 501)],
        "link to a missing id": [*ch.set(title(), "valid first"),
                                 *ch.set(("create", "concepts", CONCEPT, "ideas"), [IDEA, "idea-nothere"])],
        "link to the wrong kind": ch.set(("create", "concepts", CONCEPT, "ideas"), [IDEA, "obs-j2k3lm"]),
        "duplicate id in an add": [*ch.add(("create", "ideas"), Idea(id="idea-newnew", title="new")),
                                   *ch.add(("create", "ideas"), Idea(id=idea.id, title="twin"))],
        "duplicate id inside an added branch": ch.add(("focus", "causes"), TreeNode(
            id="node-fresh1", text="new", children=[TreeNode(id="node-g5h6jk", text="twin")])),
        "too many dots for a voter": [*ch.set(title(), "valid first"), *ch.add(
            ("create", "votes"), Vote(voter="person-k3x9fa", idea=IDEA, dots=1))],
        "fewer dots per person than given": ch.set(("create", "dots_per_person"), 2),
        "a score out of range": [*ch.set(("create", "ideas", IDEA, "scores", "importance"), 1),
                                 *ch.set(("create", "ideas", IDEA, "scores", "feasibility"), 6)],
        "a removal that leaves links behind": [RemoveItem(("create", "ideas"), 0, session.project.create.ideas[0].model_dump())],
        "a vote for nothing": ch.add(("create", "votes"), Vote(voter="person-p7q2wd", idea="idea-zzzzzz", dots=1)),
    }


@pytest.mark.parametrize("case", ["too long title", "link to a missing id", "link to the wrong kind",
                                  "duplicate id in an add", "duplicate id inside an added branch",
                                  "too many dots for a voter", "fewer dots per person than given",
                                  "a score out of range", "a removal that leaves links behind",
                                  "a vote for nothing"])
def test_c_a_refused_edit_is_rolled_back(session: Session, case: str) -> None:
    set_value(session, ("title",), "before", label="earlier")
    before = session.project.model_dump()
    revision, steps = session.revision, session.undo_steps()
    changes = _refused_edits(session)[case]
    with pytest.raises(EditRefused):
        session.apply("refused", changes)
    assert session.project.model_dump() == before
    assert session.revision == revision
    assert session.undo_steps() == steps
    assert_index_fresh(session)
    assert session.undo() == "earlier"  # the history is as it was


def test_c_a_refused_edit_names_the_field(session: Session) -> None:
    with pytest.raises(EditRefused) as refused:
        set_value(session, title(), "x" * 501)
    assert refused.value.loc[0] == "title"
    assert "500" in refused.value.text("en")


# -- d: typing in one field is one step; different fields are different steps -------------------
def test_d_same_field_same_key_is_one_step_with_first_old_and_last_new(session: Session) -> None:
    original = session.project.create.ideas[0].title
    for text in ("H", "He", "Hej"):
        set_value(session, title(), text, merge_key="typing")
    steps = session.undo_steps()
    assert len(steps) == 1
    assert steps[0].changes == (SetValue(title(), original, "Hej"),)
    session.undo()
    assert session.project.create.ideas[0].title == original
    assert not session.can_undo


def test_d_different_fields_same_key_are_two_steps(session: Session) -> None:
    description = ("create", "ideas", IDEA, "description")
    old_title, old_description = session.project.create.ideas[0].title, session.project.create.ideas[0].description
    set_value(session, title(), "T", merge_key="idea-form")
    set_value(session, description, "D", merge_key="idea-form")
    assert len(session.undo_steps()) == 2
    session.undo()
    assert (session.project.create.ideas[0].title, session.project.create.ideas[0].description) == ("T", old_description)
    session.undo()
    assert session.project.create.ideas[0].title == old_title


def test_d_different_keys_or_an_undo_in_between_are_two_steps(session: Session) -> None:
    set_value(session, title(), "A", merge_key="one")
    set_value(session, title(), "B", merge_key="two")
    assert len(session.undo_steps()) == 2
    set_value(session, title(), "C", merge_key="two")
    assert len(session.undo_steps()) == 2  # B and C: one step
    session.undo()
    assert session.project.create.ideas[0].title == "A"
    set_value(session, title(), "D", merge_key="one")  # after an undo: a step of its own
    assert len(session.undo_steps()) == 2
    session.undo()
    assert session.project.create.ideas[0].title == "A"


def test_d_map_keys_merge_only_with_the_same_key(session: Session) -> None:
    scores = ("create", "ideas", IDEA, "scores")
    set_value(session, (*scores, "importance"), 1, merge_key="score")
    set_value(session, (*scores, "feasibility"), 1, merge_key="score")
    assert len(session.undo_steps()) == 2


# -- e: undo and redo make the project unsaved, and a save writes them --------------------------
def _autosave_wanted(session: Session) -> bool:
    return session.dirty and session.state is SaveState.UNSAVED  # what the app's autosave waits for


@pytest.mark.parametrize("action", ["undo", "redo"])
def test_e_undo_and_redo_after_a_save_are_unsaved_and_saved_by_the_next_save(
        session: Session, example_copy: Path, action: str) -> None:
    set_value(session, title(), "Saved title")
    if action == "redo":
        session.undo()
    assert session.save()
    assert not session.dirty and session.state is SaveState.SAVED
    revision = session.revision
    getattr(session, action)()
    assert session.revision > revision
    assert session.dirty and _autosave_wanted(session)
    assert session.last_event == "edit" and session.last_change is not None
    expected = session.project.create.ideas[0].title
    assert session.save()
    assert not session.dirty
    assert load_project(example_copy).project.create.ideas[0].title == expected


def test_e_an_undo_during_a_save_stays_unsaved(session: Session, example_copy: Path) -> None:
    set_value(session, title(), "Saved title")
    job = session.start_save()
    assert job is not None
    session.undo()
    job.run()
    assert session.finish_save(job)
    assert load_project(example_copy).project.create.ideas[0].title == "Saved title"
    assert session.dirty and _autosave_wanted(session)


def test_e_listeners_hear_every_undo_and_redo(session: Session) -> None:
    heard: list[str] = []
    session.subscribe(lambda: heard.append(session.last_event))
    set_value(session, title(), "A")
    session.undo()
    session.redo()
    assert heard == ["edit", "edit", "edit"]


# -- f: a move at the edge is no edit -----------------------------------------------------------
@pytest.mark.parametrize("where, delta", [("last", 1), ("last", 5), ("first", -1), ("first", -3)])
def test_f_a_move_past_the_edge_records_nothing(session: Session, where: str, delta: int) -> None:
    ideas = session.project.create.ideas
    idea = ideas[-1] if where == "last" else ideas[0]
    node = session.project.focus.causes[0].children[-1 if where == "last" else 0]
    before = session.project.model_dump()
    for path in (("create", "ideas", idea.id), session.changes.path_of(node.id)):
        assert session.changes.move(path, delta) == []
        assert session.apply("move", session.changes.move(path, delta)) is None
    assert session.changes.move_to(("create", "ideas", ideas[0].id), ("create", "ideas"), 0) == []
    assert not session.can_undo and session.revision == 0 and not session.dirty
    assert session.project.model_dump() == before


def test_f_a_move_inside_the_list_is_one_step(session: Session) -> None:
    ids = [i.id for i in session.project.create.ideas]
    session.apply("move", session.changes.move(("create", "ideas", ids[0]), 10))
    assert [i.id for i in session.project.create.ideas] == [*ids[1:], ids[0]]
    session.apply("move", session.changes.move(("create", "ideas", ids[0]), -1))
    assert [i.id for i in session.project.create.ideas] == [*ids[1:-1], ids[0], ids[-1]]
    session.undo()
    session.undo()
    assert [i.id for i in session.project.create.ideas] == ids


# -- h: undoing a delete brings back what it took, links included -------------------------------
@pytest.mark.parametrize("item_id", [IDEA, "node-a2s4df", "person-m4t8zn", "obs-j2k3lm", CONCEPT])
def test_h_undo_of_a_delete_brings_back_the_links(session: Session, item_id: str) -> None:
    original = session.project.model_dump()
    step = session.apply("delete", session.changes.remove(session.changes.path_of(item_id)))
    assert step is not None
    assert len(step.changes) > 1  # the item and the links to it
    deleted = session.project.model_dump()
    assert item_id not in session.index.kinds
    assert item_id not in str(deleted)
    session.undo()
    assert session.project.model_dump() == original
    assert_index_fresh(session)
    session.redo()
    assert session.project.model_dump() == deleted
    assert_index_fresh(session)


def test_h_undo_of_an_idea_delete_restores_concept_and_votes(session: Session) -> None:
    votes = [v.model_dump() for v in session.project.create.votes]
    session.apply("delete", session.changes.remove(("create", "ideas", IDEA)))
    assert IDEA not in session.project.create.concepts[0].ideas
    assert all(v.idea != IDEA for v in session.project.create.votes)
    session.undo()
    assert IDEA in session.project.create.concepts[0].ideas
    assert [v.model_dump() for v in session.project.create.votes] == votes


# -- the map keys and the slow path ------------------------------------------------------------
def test_a_map_key_set_and_removed_is_undone(session: Session) -> None:
    path = ("checklists", "zz-new", "answer")
    with pytest.raises(EditRefused):  # the key does not exist: set the whole answer instead
        set_value(session, path, "yes")
    set_value(session, ("checklists", "zz-new"), {"answer": "yes", "note": ""})
    assert session.project.checklists["zz-new"].answer == "yes"
    set_value(session, ("create", "ideas", IDEA, "scores", "importance"), MISSING)
    assert "importance" not in session.project.create.ideas[0].scores
    session.undo()
    assert session.project.create.ideas[0].scores["importance"] == 5
    session.undo()
    assert "zz-new" not in session.project.checklists


def test_the_slow_edit_path_records_the_same_step(session: Session) -> None:
    old = session.project.create.ideas[0].title
    session.edit("slow", lambda p: setattr(p.create.ideas[0], "title", "Slow"))
    assert [s.changes for s in session.undo_steps()] == [(SetValue(title(), old, "Slow"),)]
    with pytest.raises(EditRefused):
        session.edit("bad", lambda p: setattr(p.create.ideas[0], "title", "x" * 501))
    assert session.project.create.ideas[0].title == "Slow"
    assert len(session.undo_steps()) == 1
    session.undo()
    assert session.project.create.ideas[0].title == old
