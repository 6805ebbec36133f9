"""The look-ups that keep an edit's cost to what it changes: the position cache of a list
(followed through inserts, removals and moves, not rebuilt) and the index of who links to an item
(a deletion finds the links to what it deletes without reading the project). Each is checked
against the plain answer after random edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borgerspil_tui.core import change_apply
from borgerspil_tui.core.change_apply import ProjectEditor
from borgerspil_tui.core.changes import AddItem, MoveItem, RemoveItem, SetValue, item_key
from borgerspil_tui.core.item_index import LINK_FIELDS
from borgerspil_tui.core.link_index import LinkIndex
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.links import unlink
from borgerspil_tui.core.session import EditRefused, Session
from borgerspil_tui.core.storage import Loaded, load_project
from tests.conftest import EXAMPLE

EXAMPLE_PROJECT = load_project(EXAMPLE).project
NOWHERE = Path("/nonexistent/indexes.borgerspil.yaml")
IDEAS = ("create", "ideas")


def _session(project: Project = EXAMPLE_PROJECT) -> Session:
    return Session(Loaded(project.model_copy(deep=True), NOWHERE, None))


# -- the position cache -------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(ops=st.lists(st.tuples(st.sampled_from(["add", "remove", "move", "look"]), st.integers(0, 40),
                              st.integers(0, 40)), max_size=60),
       limit=st.sampled_from([2, 256]))
def test_positions_follow_inserts_removals_and_moves(ops: list[tuple[str, int, int]], limit: int) -> None:
    project = Project(schema_version=1, title="t")
    project.create.ideas = [Idea(id=f"idea-{n:03d}", title=f"Idé {n}") for n in range(12)]
    editor = ProjectEditor(project)
    items = project.create.ideas
    added = 0
    built: list[int] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(change_apply, "_SHIFT_LIMIT", limit)
        patch.setattr(change_apply._Positions, "__init__", _counting(change_apply._Positions.__init__, built))
        for op, a, b in ops:
            keys = [item_key(i) for i in items]
            if op == "add":
                added += 1
                editor.apply(AddItem(IDEAS, a % (len(items) + 1), {"id": f"idea-new-{added}", "title": "ny"}))
            elif op == "remove" and items:
                index = a % len(items)
                editor.apply(RemoveItem(IDEAS, index, items[index].model_dump()))
            elif op == "move" and items:
                index = a % len(items)
                editor.apply(MoveItem(keys[index], IDEAS, index, IDEAS, b % len(items)))
            elif items:
                assert editor.position(items, keys[a % len(items)]) == a % len(items)
            for index, item in enumerate(items):  # every key where it is, and no other
                assert editor.position(items, item_key(item)) == index
            with pytest.raises(KeyError):
                editor.position(items, "idea-never")
    if limit > len(ops) * 2:
        assert len(built) <= 1, "the positions were read again instead of followed"


def _counting(init, built: list[int]):  # noqa: ANN001, ANN202
    def counted(self, items, at=None):  # noqa: ANN001, ANN202
        built.append(1)
        init(self, items, at)
    return counted


def test_a_copied_list_keeps_its_positions_while_a_save_reads_the_snapshot() -> None:
    project = Project(schema_version=1, title="t")
    project.create.ideas = [Idea(id=f"idea-{n:03d}", title=f"Idé {n}") for n in range(50)]
    editor = ProjectEditor(project)
    editor.position(project.create.ideas, "idea-010")
    snapshot = editor.snapshot()
    editor.apply(SetValue((*IDEAS, "idea-020", "title"), "Idé 20", "Ny titel"))
    editor.apply(RemoveItem(IDEAS, 5, snapshot.create.ideas[5].model_dump()))
    ideas = editor.project.create.ideas
    assert ideas is not snapshot.create.ideas and len(snapshot.create.ideas) == 50
    assert snapshot.create.ideas[20].title == "Idé 20"
    for index, idea in enumerate(ideas):
        assert editor.position(ideas, idea.id) == index
    editor.release()


# -- the link index -----------------------------------------------------------------------------
def test_an_item_moved_to_another_list_takes_its_links_with_it() -> None:
    session = _session()
    index = session.index
    insight = EXAMPLE_PROJECT.experience.insights[0]
    target = insight.observations[0]
    before = ("experience", "insights", insight.id, "observations")
    assert before in index.links.linking(session.project, target)
    index.moved(("experience", "elsewhere"), insight, session.project.experience, ("experience", "insights"))
    links = index.links.linking(session.project, target)
    assert before not in links and ("experience", "elsewhere", insight.id, "observations") in links


def _fresh_links(project: Project) -> dict[str, dict[tuple[str, ...], int]]:
    fresh = LinkIndex(LINK_FIELDS)
    fresh.linking(project, "")
    return fresh._to or {}


def _random_edit(data: st.DataObject, session: Session) -> list:
    ch, project, index = session.changes, session.project, session.index
    ids = sorted(index.kinds)
    targets = [i for i in ids if index.kinds[i] in ("observation", "insight", "what-if")]
    ideas = [i.id for i in project.create.ideas]
    kind = data.draw(st.sampled_from(["remove", "inspired", "add idea", "concept ideas", "tree move", "vote"]))
    if kind == "remove":
        return ch.remove(ch.path_of(data.draw(st.sampled_from(ids))))
    if kind == "inspired" and ideas:
        picked = data.draw(st.lists(st.sampled_from(targets), unique=True, max_size=3)) if targets else []
        return ch.set((*IDEAS, data.draw(st.sampled_from(ideas)), "inspired_by"), picked)
    if kind == "add idea":
        picked = data.draw(st.lists(st.sampled_from(targets), unique=True, max_size=2)) if targets else []
        return ch.add(IDEAS, Idea(title="Ny idé", inspired_by=picked), data.draw(st.integers(0, len(ideas))))
    if kind == "concept ideas" and project.create.concepts and ideas:
        concept = data.draw(st.sampled_from([c.id for c in project.create.concepts]))
        return ch.set(("create", "concepts", concept, "ideas"), data.draw(st.lists(st.sampled_from(ideas), unique=True,
                                                                                   max_size=3)))
    if kind == "tree move":
        nodes = [i for i in ids if index.kinds[i] in ("cause", "consequence")]
        if nodes:
            target = data.draw(st.sampled_from([("focus", "causes"), ("focus", "consequences")]))
            return ch.move_to(ch.path_of(data.draw(st.sampled_from(nodes))), target)
    if kind == "vote" and ideas and project.readiness.team:
        voter = data.draw(st.sampled_from([m.id for m in project.readiness.team]))
        idea = data.draw(st.sampled_from(ideas))
        if not any(v.voter == voter and v.idea == idea for v in project.create.votes):
            return ch.add(("create", "votes"), project.create.votes[0].__class__(voter=voter, idea=idea, dots=1)) \
                if project.create.votes else []
    return []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_link_index_stays_what_reading_the_project_gives(data: st.DataObject) -> None:
    session = _session()
    session.index.links.linking(session.project, "")  # built from the start, so every change is followed
    for _ in range(data.draw(st.integers(1, 15), label="steps")):
        action = data.draw(st.sampled_from(["edit", "edit", "edit", "undo", "redo"]))
        if action == "undo":
            session.undo()
        elif action == "redo":
            session.redo()
        else:
            try:
                session.apply("edit", _random_edit(data, session))
            except EditRefused:
                pass
        assert session.index.links._to == _fresh_links(session.project)
    Project.model_validate(session.project.model_dump())


def test_the_link_index_is_built_when_a_deletion_first_asks_not_on_open() -> None:
    session = _session()
    session.apply("score", session.changes.set((*IDEAS, EXAMPLE_PROJECT.create.ideas[0].id, "chosen"), True))
    assert not session.index.links.built
    idea = EXAMPLE_PROJECT.create.ideas[0].id
    session.apply("delete", session.changes.remove(session.index.path(idea)))
    assert session.index.links.built


@pytest.mark.parametrize("item_id", sorted(
    {i.id for i in EXAMPLE_PROJECT.create.ideas} | {o.id for o in EXAMPLE_PROJECT.experience.observations}
    | {i.id for i in EXAMPLE_PROJECT.experience.insights} | {m.id for m in EXAMPLE_PROJECT.readiness.team}
    | {c.id for c in EXAMPLE_PROJECT.create.concepts} | {n.id for n in EXAMPLE_PROJECT.focus.causes}))
def test_a_delete_takes_out_the_same_links_as_reading_the_whole_project(item_id: str) -> None:
    session = _session()
    path = session.index.path(item_id)
    session.apply("delete", session.changes.remove(path))
    expected = EXAMPLE_PROJECT.model_copy(deep=True)
    items = expected
    for part in path[:-1]:
        items = getattr(items, part) if not isinstance(items, list) else next(i for i in items if item_key(i) == part)
    gone = next(i for i in items if item_key(i) == item_id)
    items.remove(gone)
    unlink(expected, {item_id, *(n.id for n in _nodes(gone))})
    assert session.project.model_dump() == expected.model_dump()


def _nodes(item: object) -> list[TreeNode]:
    children = getattr(item, "children", [])
    return [n for child in children for n in (child, *_nodes(child))]


def test_a_removal_that_leaves_a_link_behind_is_refused_and_rolled_back() -> None:
    session = _session()
    linked = next(i for i in EXAMPLE_PROJECT.create.ideas if any(i.id in c.ideas for c in EXAMPLE_PROJECT.create.concepts))
    before = session.project.model_dump()
    at = session.index.lists[linked.id]
    index = session._editor.position(session._editor.get(at), linked.id)
    with pytest.raises(EditRefused):
        session.apply("delete", [RemoveItem(at, index, linked.model_dump())])  # without its links
    assert session.project.model_dump() == before
    assert session.index.kind(linked.id) == "idea"
