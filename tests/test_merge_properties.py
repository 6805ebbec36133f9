"""Properties of the semantic merge (core/merge) over random edit scripts on both sides of a base.

The base is the example or a random project (tests.strategies); each side makes up to eight
random edits through a session (tests.test_session_properties' ``_edit``, plus dot votes and
concept links, which it does not make), then:

- merging is symmetric: merge(base, ours, theirs) and merge(base, theirs, ours) hold the same
  items with the same fields, up to the order of additions, except where a conflict is recorded;
  both record the same conflicts (where, kind, base, and the two other sides either way round)
  and drop the same links;
- merging with an unchanged side gives the other side back exactly, with nothing recorded;
- nothing either side added is lost (an addition under a tree node the other side deleted is
  either in the result or in a conflict), and nothing neither side deleted is lost;
- the result always validates.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from borgerspil_tui.core.changes import Change, data_key
from borgerspil_tui.core.item_index import ItemIndex
from borgerspil_tui.core.merge import MergeResult, merge_projects
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model import base as base_module
from borgerspil_tui.core.model.create import Vote
from borgerspil_tui.core.session import EditRefused, Session
from tests.strategies import projects
from tests.test_session_properties import EXAMPLE_PROJECT, SLOW_OK, _Draws, _edit, _session, _without_twins

Three = tuple[Project, Project, Project]


def _edit_more(data: _Draws, session: Session) -> list[Change]:
    """A random edit: mostly one of ``_edit``'s; now and then a dot vote or a concept's link to an idea."""
    p, ch = session.project, session.changes
    voters = [m.id for m in p.readiness.team] + [g.id for g in p.create.guests]
    ideas = [i.id for i in p.create.ideas]
    extra = data.draw(st.sampled_from(["vote", "link", None, None]))
    if extra == "vote" and voters and ideas:
        vote = Vote(voter=data.draw(st.sampled_from(voters)), idea=data.draw(st.sampled_from(ideas)),
                    dots=data.draw(st.integers(1, 2)))
        path = ("create", "votes", f"{vote.voter}+{vote.idea}")
        return ch.set((*path, "dots"), vote.dots) if ch.get(path, None) is not None else ch.add(path[:2], vote)
    if extra == "link" and ideas and p.create.concepts:
        concept = data.draw(st.sampled_from(p.create.concepts))
        return ch.set(("create", "concepts", concept.id, "ideas"),
                      list(dict.fromkeys([*concept.ideas, data.draw(st.sampled_from(ideas))])))
    return _edit(data, session)


@contextmanager
def _ids_in_order(tag: str) -> Iterator[None]:
    """New items get ids ``<prefix>-<tag>00000``, ``…01`` … meanwhile: random ids would change
    the order of the ids the edits draw from, so one draw would not make one example."""
    count = itertools.count()
    random_ids = base_module.new_id
    base_module.new_id = lambda prefix: f"{prefix}-{tag}{next(count):05d}"
    try:
        yield
    finally:
        base_module.new_id = random_ids


@st.composite
def three(draw: st.DrawFn) -> Three:
    """A base and two sides, each made from it by its own random edits."""
    with _ids_in_order("b"):
        base = draw(st.one_of(st.just(EXAMPLE_PROJECT), projects().map(_without_twins)))
    sides = []
    for tag in "ot":
        session = _session(base)
        with _ids_in_order(tag):
            for _ in range(draw(st.integers(0, 8))):
                try:
                    session.apply("edit", _edit_more(_Draws(draw), session))
                except EditRefused:
                    pass
        sides.append(session.project)
    return base, sides[0], sides[1]


# -- comparing two merges by key ---------------------------------------------------------------
TREES = ("causes", "consequences")


def _flat(data: Any, at: tuple[str, ...], out: dict[str, Any]) -> None:
    """``data`` as {dotted path: value}: items by key (their order dropped), lists of ids and
    texts sorted, problem-tree nodes as ``focus.tree.<id>`` with their parent (at the top: their branch)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if at == ("focus",) and key in TREES:
                _flat_tree(value, key, "", out)
            elif at or key != "conflicts":
                _flat(value, (*at, key), out)
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        for item in data:
            _flat(item, (*at, data_key(item)), out)
    elif isinstance(data, list):
        out[".".join(at)] = sorted(map(repr, data))
    else:
        out[".".join(at)] = data


def _flat_tree(nodes: list[dict[str, Any]], branch: str, parent: str, out: dict[str, Any]) -> None:
    for node in nodes:
        here = f"focus.tree.{node['id']}"
        out.update({here + ".text": node["text"], here + ".uncertain": node["uncertain"],
                    here + ".parent": parent or branch})  # a node below another is in its branch
        _flat_tree(node["children"], branch, node["id"], out)


def _tree_where(where: str) -> str:
    """A conflict's ``where`` in :func:`_flat`'s notation for tree nodes."""
    parts = where.split(".")
    return ".".join(["focus", "tree", *parts[2:]]) if parts[:2] in (["focus", b] for b in TREES) else where


def _decided(result: MergeResult, voters: set[str], also: set[str] = frozenset()) -> dict[str, Any]:
    """What the merge decided: every value not under a conflict it recorded (or one of ``also``),
    nor a vote of ``voters``."""
    out: dict[str, Any] = {}
    _flat(result.project.model_dump(mode="json"), (), out)
    wheres = [_tree_where(c.where) for c in result.conflicts] + [f"create.votes.{v}" for v in voters] + [*also]
    return {k: v for k, v in out.items() if not any(k == w or k.startswith((w + ".", w + "+")) for w in wheres)}


def _conflicts(result: MergeResult, voters: set[str] = frozenset()) -> set[tuple[Any, ...]]:
    """The conflicts recorded, up to which side is called ours (and which branch names a tree
    node that one side moved to the other branch: the file holds ours' place); none on the votes
    of ``voters``."""
    return {(_tree_where(c.where), c.kind, c.base, frozenset([c.ours, c.theirs])) for c in result.conflicts
            if _voter(c.where) not in voters}


def _voter(where: str) -> str | None:
    """The voter of a conflict on a vote, or None."""
    parts = where.split(".")
    return parts[2].split("+")[0] if parts[:2] == ["create", "votes"] and len(parts) > 2 else None


def _held(one: MergeResult, other: MergeResult) -> set[str]:
    """Voters with a conflict on a vote in both merges (two dot counts for one idea): which side
    the file holds decides whether their other votes still fit in their dots, so those votes may
    be kept one way round and recorded as conflicts the other (the side a conflict holds may
    differ; the merge is symmetric up to that)."""
    return {_voter(c[0]) for c in _conflicts(one) & _conflicts(other)} - {None}


def _validates(result: MergeResult) -> None:
    """The result is a valid project, and each conflict at a tree node names the branch it is in."""
    assert Project.model_validate(result.project.model_dump()).model_dump() == result.project.model_dump()
    index = ItemIndex(result.project)
    for conflict in result.conflicts:
        parts = conflict.where.split(".")
        if parts[:2] in (["focus", b] for b in TREES):
            assert index.path(parts[2])[:2] == ("focus", parts[1]), f"{conflict.where}: the node is not there"


@settings(max_examples=150, deadline=None, suppress_health_check=SLOW_OK)
@given(three())
def test_merging_is_symmetric_and_loses_nothing(projects3: Three) -> None:
    base, ours, theirs = projects3
    one, other = merge_projects(base, ours, theirs), merge_projects(base, theirs, ours)
    _validates(one)
    _validates(other)
    held = _held(one, other)
    mine_, yours_ = _conflicts(one, held), _conflicts(other, held)
    assert mine_ == yours_, "the other way round records other conflicts"
    assert {(d.where, d.target) for d in one.dropped_links} == {(d.where, d.target) for d in other.dropped_links}
    assert _decided(one, held) == _decided(other, held), "the other way round decides otherwise"
    # Nothing either side added is lost, nothing neither side deleted is lost (or it is in a conflict).
    ids = [set(ItemIndex(p).kinds) for p in (base, ours, theirs, one.project)]
    was, mine, yours, now = ids
    now -= {c.id for c in one.project.conflicts}
    in_conflict = " ".join(f"{c.where} {c.ours} {c.theirs}" for c in one.conflicts)
    for item_id in (mine | yours) - was:
        assert item_id in now or f'"{item_id}"' in in_conflict, f"{item_id} was added and is lost"
    for item_id in was & mine & yours:
        assert item_id in now or item_id in in_conflict, f"{item_id} was deleted by nobody and is lost"
    assert not (now - mine - yours), "the merge made up items"
    votes = [{f"{v.voter}+{v.idea}" for v in p.create.votes} for p in (base, ours, theirs, one.project)]
    said = {c.where for c in one.conflicts} | {d.where for d in one.dropped_links}
    for key in (votes[1] | votes[2]) - votes[0] - votes[3]:
        assert f"create.votes.{key}" in said, f"the vote {key} was added and is lost without a word"


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW_OK)
@given(three())
def test_merging_with_an_unchanged_side_gives_the_other_side(projects3: Three) -> None:
    base, ours, theirs = projects3
    for result, side in ((merge_projects(base, ours, base), ours), (merge_projects(base, base, theirs), theirs)):
        assert result.project.model_dump() == side.model_dump()
        assert result.clean and result.dropped_links == []
    same = merge_projects(base, ours, ours.model_copy(deep=True))
    assert same.project.model_dump() == ours.model_dump() and same.clean and same.dropped_links == []
