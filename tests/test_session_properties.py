"""Properties of the change model, over random edits and random projects:

- any sequence of edits, undos and redos leaves the project as replaying the edits that remain
  (not undone) on the original would, with the item index as a fresh one would be; undoing
  everything gives the original back;
- the changes :func:`diff` finds between two projects turn the first into the second, and their
  inverses turn it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borgerspil_tui.core.change_apply import ProjectEditor
from borgerspil_tui.core.change_diff import diff
from borgerspil_tui.core.changes import MISSING, Change, ChangeSet
from borgerspil_tui.core.item_index import ItemIndex
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.model.focus import Note, TreeNode
from borgerspil_tui.core.session import EditRefused, Session
from borgerspil_tui.core.storage import Loaded, load_project
from tests.conftest import EXAMPLE
from tests.strategies import CRITERIA, line, projects, text

EXAMPLE_PROJECT = load_project(EXAMPLE).project
NOWHERE = Path("/nonexistent/random.borgerspil.yaml")  # never saved: these sessions stay in memory
SLOW_OK = [HealthCheck.too_slow, HealthCheck.filter_too_much]  # tests.strategies filters control characters
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=SLOW_OK)


def _session(project: Project) -> Session:
    return Session(Loaded(project.model_copy(deep=True), NOWHERE, None))


def _tree_lists(session: Session) -> list[tuple[str, ...]]:
    """Every list a problem-tree node can go in: the two tops and each node's children."""
    index = session.index
    lists = [("focus", "causes"), ("focus", "consequences")]
    return lists + [(*index.path(i), "children") for i in index.kinds if index.kinds[i] in ("cause", "consequence")]


def _edit(data: st.DataObject, session: Session) -> list[Change]:
    """One random edit of the project as it is now (it may be refused: a loop, a broken link)."""
    ch = session.changes
    project = session.project
    ids = list(session.index.kinds)  # in the order items came, not by id: new ids are random, and
    # an order that depends on them would make one draw a different example on replay (hypothesis:
    # FlakyStrategyDefinition)
    ideas = [i.id for i in project.create.ideas]
    kind = data.draw(st.sampled_from(["title", "idea field", "score", "checklist", "weight", "add idea",
                                      "add note", "remove", "move", "tree add", "tree move", "tree text"]))
    if kind == "title":
        return ch.set(("title",), data.draw(line))
    if kind == "idea field" and ideas:
        idea = data.draw(st.sampled_from(ideas))
        name = data.draw(st.sampled_from(["title", "description", "chosen"]))
        value = data.draw(st.booleans() if name == "chosen" else line)
        return ch.set(("create", "ideas", idea, name), value)
    if kind == "score" and ideas:
        path = ("create", "ideas", data.draw(st.sampled_from(ideas)), "scores", data.draw(st.sampled_from(CRITERIA)))
        return ch.set(path, data.draw(st.one_of(st.just(MISSING), st.integers(1, 5))))
    if kind == "checklist":
        key = data.draw(st.sampled_from(["focus-change", "create-fun", "zz-own"]))
        if key in project.checklists and data.draw(st.booleans()):
            return ch.set(("checklists", key, "note"), data.draw(text))
        answer = {"answer": data.draw(st.sampled_from(["yes", "partly", None])), "note": data.draw(text)}
        return ch.set(("checklists", key), data.draw(st.one_of(st.just(MISSING), st.just(answer))))
    if kind == "weight":
        value = data.draw(st.one_of(st.just(MISSING), st.floats(0, 10)))
        return ch.set(("create", "weights", data.draw(st.sampled_from(CRITERIA))), value)
    if kind == "add idea":
        index = data.draw(st.integers(0, len(ideas)))
        return ch.add(("create", "ideas"), Idea(title=data.draw(line)), index)
    if kind == "add note":
        return ch.add(("focus", "known"), Note(text=data.draw(text)), data.draw(st.integers(0, 3)))
    if kind in ("remove", "move") and ids:
        path = ch.path_of(data.draw(st.sampled_from(ids)))
        return ch.remove(path) if kind == "remove" else ch.move(path, data.draw(st.integers(-3, 3)))
    nodes = [i for i in ids if session.index.kinds[i] in ("cause", "consequence")]
    if kind == "tree add":
        at = data.draw(st.sampled_from(_tree_lists(session)))
        return ch.add(at, TreeNode(text=data.draw(text)), data.draw(st.integers(0, 3)))
    if kind == "tree move" and nodes:
        path = ch.path_of(data.draw(st.sampled_from(nodes)))
        target = data.draw(st.sampled_from(_tree_lists(session)))
        return ch.move_to(path, target, data.draw(st.one_of(st.none(), st.integers(0, 3))))
    if kind == "tree text" and nodes:
        return ch.set((*ch.path_of(data.draw(st.sampled_from(nodes))), "text"), data.draw(text))
    return []


def _check_index(session: Session) -> None:
    fresh = ItemIndex(session.project)
    assert session.index.kinds == fresh.kinds
    assert session.index.lists == fresh.lists
    if session.index.links.built:  # built by the first delete, then kept up to date
        for item_id in fresh.kinds:
            assert session.index.links.linking(session.project, item_id) == fresh.links.linking(session.project, item_id)


def _run(data: st.DataObject, original: Project) -> None:
    session = _session(original)
    states: list[dict[str, Any]] = [original.model_dump()]  # states[n]: after the first n remaining edits
    done: list[ChangeSet] = []
    undone: list[ChangeSet] = []  # the edits that can be redone, the next one last
    for _ in range(data.draw(st.integers(1, 30), label="steps")):
        action = data.draw(st.sampled_from(["edit", "edit", "edit", "undo", "redo"]))
        if action == "undo":
            label = session.undo()
            assert (label is None) == (not done)
            if done:
                undone.append(done.pop())
        elif action == "redo":
            label = session.redo()
            assert (label is None) == (not undone)
            if undone:
                done.append(undone.pop())
        else:
            before = session.project.model_dump()
            try:
                step = session.apply("edit", _edit(data, session))
            except EditRefused:
                assert session.project.model_dump() == before
                step = None
            if step is not None:
                done.append(step)
                del states[len(done):]
                states.append(session.project.model_dump())
                undone.clear()
        assert session.project.model_dump() == states[len(done)]
        assert session.undo_steps() == done
        _check_index(session)
    # Replaying the edits that remain, on the original, gives the same project.
    replay = _session(original)
    for step in done:
        assert replay.apply(step.label, step.changes) is not None
    assert replay.project.model_dump() == session.project.model_dump()
    Project.model_validate(session.project.model_dump())  # the whole-project check agrees
    # Undoing everything gives the original back.
    while session.can_undo:
        session.undo()
    assert session.project.model_dump() == original.model_dump()
    _check_index(session)


@SETTINGS
@given(st.data())
def test_edits_undos_and_redos_on_the_example_equal_replaying_what_remains(data: st.DataObject) -> None:
    _run(data, EXAMPLE_PROJECT)


@SETTINGS
@given(projects(), st.data())
def test_edits_undos_and_redos_on_random_projects_equal_replaying_what_remains(
        project: Project, data: st.DataObject) -> None:
    _run(data, _without_twins(project))


# -- diff ---------------------------------------------------------------------------------------
def _without_twins(project: Project) -> Project:
    """``project`` with one item per key in the lists whose items have no id (tests.strategies can
    give two votes of one voter for one idea, or two process rows of one phase; changes address
    items by key, so such twins cannot be told apart)."""
    data = project.model_dump()
    for owner, name, fields in ((data["create"], "votes", ("voter", "idea")), (data["focus"], "process", ("phase",))):
        seen: set[tuple[Any, ...]] = set()
        owner[name] = [i for i in owner[name] if tuple(i[f] for f in fields) not in seen
                       and not seen.add(tuple(i[f] for f in fields))]
    return Project.model_validate(data)


class _Draws:
    """``draw`` of a composite strategy, as the ``data`` object :func:`_edit` takes."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw


@st.composite
def project_pairs(draw: st.DrawFn) -> tuple[Project, Project]:
    """A project and another made from it by random edits (adds, removes, moves, fields set, map
    keys set or removed, tree nodes moved to other parents) and a shuffle of its ideas and causes:
    they share the ids of the items that stayed."""
    a = draw(st.one_of(st.just(EXAMPLE_PROJECT), projects().map(_without_twins)))
    session = _session(a)
    for _ in range(draw(st.integers(0, 12))):
        try:
            session.apply("edit", _edit(_Draws(draw), session))
        except EditRefused:
            pass
    data = session.project.model_dump()
    for owner, name in ((data["create"], "ideas"), (data["focus"], "causes")):
        owner[name] = draw(st.permutations(owner[name]))
    return a, Project.model_validate(data)


@settings(max_examples=30, deadline=None, suppress_health_check=SLOW_OK)
@given(project_pairs())
def test_applying_a_diff_gives_the_other_project_and_its_inverse_gives_the_first(pair: tuple[Project, Project]) -> None:
    a, b = pair
    changes = diff(a, b)
    editor = ProjectEditor(a.model_copy(deep=True))
    for change in changes:
        editor.apply(change)
    assert editor.project.model_dump() == b.model_dump()
    for change in reversed(changes):
        editor.apply(change.inverted())
    assert editor.project.model_dump() == a.model_dump()
    assert diff(a, a.model_copy(deep=True)) == []


@settings(max_examples=20, deadline=None, suppress_health_check=SLOW_OK)
@given(project_pairs())
def test_a_restored_project_is_one_undoable_step(pair: tuple[Project, Project]) -> None:
    a, b = pair
    session = _session(a)
    session.restore("rescue", b.model_copy(deep=True))
    assert session.project.model_dump() == b.model_dump()
    _check_index(session)
    if session.can_undo:
        session.undo()
    assert session.project.model_dump() == a.model_dump()
    _check_index(session)
