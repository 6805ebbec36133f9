"""The merge engine's own rules: list order, the problem tree per node, links to deleted items,
dots within each person's, and a file that names one vote twice. The everyday pairs of edits are
in test_merge_pairs, the properties in test_merge_properties."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.merge import merge_projects
from borgerspil_tui.core.merge_order import merge_order
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest, Vote
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import dump_project, load_project, parse_project


@pytest.mark.parametrize(("ours", "theirs", "expected"), [
    ("abcdeX", "abcdeY", "abcdeXY"),       # both append: ours' first, then theirs'
    ("aXbcde", "abcYde", "aXbcYde"),       # each inserts in the middle: each where it was put
    ("bacde", "abced", "baced"),           # each moves a different item
    ("eabcd", "abcde", "eabcd"),           # only ours changed: exactly ours
    ("abcde", "adbce", "adbce"),           # only theirs changed: exactly theirs
    ("abde", "abcdeY", "abdeY"),           # a deletion and an addition
    ("cabde", "abdce", "cabde"),           # both moved c: ours wins, c once
])
def test_merged_order_keeps_each_sides_moves_and_additions(ours: str, theirs: str, expected: str) -> None:
    keep = set(expected)
    assert "".join(merge_order(list("abcde"), list(ours), list(theirs), keep)) == expected


def _two(example_copy: Path, tmp_path: Path) -> tuple[Project, Session, Session]:
    other = tmp_path / "other.borgerspil.yaml"
    other.write_bytes(example_copy.read_bytes())
    return load_project(example_copy).project, Session.open(example_copy), Session.open(other)


def _ids(nodes: list[TreeNode]) -> list[str]:
    return [n.id for n in nodes]


def test_tree_adds_under_different_parents_and_moves_of_different_nodes_merge(example_copy: Path,
                                                                              tmp_path: Path) -> None:
    base, ours, theirs = _two(example_copy, tmp_path)
    first, second, third = (n.id for n in base.focus.causes[:3])
    ours.apply("add", ours.changes.add(("focus", "causes"), TreeNode(id="node-ours", text="Vores")))
    theirs.apply("add", theirs.changes.add(theirs.changes.path_of(first) + ("children",),
                                           TreeNode(id="node-theirs", text="Deres")))
    ours.apply("move", ours.changes.move(ours.changes.path_of(third), -1))
    result = merge_projects(base, ours.project, theirs.project)
    assert result.clean
    causes = result.project.focus.causes
    assert _ids(causes) == [first, third, second, "node-ours"]
    assert _ids(causes[0].children)[-1] == "node-theirs"


def test_moves_that_together_make_a_loop_keep_ours_and_record_both_nodes(example_copy: Path,
                                                                           tmp_path: Path) -> None:
    base, ours, theirs = _two(example_copy, tmp_path)
    a, b = (n.id for n in base.focus.causes[:2])
    ours.apply("m", ours.changes.move_to(ours.changes.path_of(a), ours.changes.path_of(b) + ("children",)))
    theirs.apply("m", theirs.changes.move_to(theirs.changes.path_of(b), theirs.changes.path_of(a) + ("children",)))
    result = merge_projects(base, ours.project, theirs.project)
    found = {c.where: (c.kind, c.base, c.ours, c.theirs) for c in result.conflicts}
    assert found == {f"focus.causes.{a}": ("parent", "", b, ""), f"focus.causes.{b}": ("parent", "", "", a)}
    assert a in _ids(next(n for n in result.project.focus.causes if n.id == b).children)  # ours' places
    swapped = merge_projects(base, theirs.project, ours.project)
    assert {c.where for c in swapped.conflicts} == set(found)  # the same two, whoever merges
    assert all(c.about.startswith("Årsag «") for c in result.conflicts)  # causes, named by their text


def test_a_deleted_branch_that_the_other_side_added_under_is_kept_as_one_conflict(example_copy: Path,
                                                                                  tmp_path: Path) -> None:
    base, ours, theirs = _two(example_copy, tmp_path)
    top = base.focus.causes[0]
    ours.apply("del", ours.changes.remove(ours.changes.path_of(top.id)))
    theirs.apply("add", theirs.changes.add(theirs.changes.path_of(top.children[0].id) + ("children",),
                                           TreeNode(id="node-deep", text="Nyt belæg")))
    result = merge_projects(base, ours.project, theirs.project)
    (conflict,) = result.conflicts
    assert (conflict.kind, conflict.where, conflict.ours) == ("item", f"focus.causes.{top.id}", None)
    kept = result.project.focus.causes[0]
    assert kept.id == top.id and "node-deep" in _ids(kept.children[0].children)


def test_a_deleted_branch_nobody_changed_stays_deleted(example_copy: Path, tmp_path: Path) -> None:
    base, ours, theirs = _two(example_copy, tmp_path)
    top = base.focus.causes[0]
    ours.apply("del", ours.changes.remove(ours.changes.path_of(top.id)))
    theirs.apply("edit", theirs.changes.set(theirs.changes.path_of(base.focus.causes[1].id) + ("text",), "Ny"))
    result = merge_projects(base, ours.project, theirs.project)
    assert result.clean and top.id not in _ids(result.project.focus.causes)
    assert result.project.focus.causes[0].text == "Ny"


def test_a_vote_for_an_idea_the_other_side_deleted_goes_and_is_reported_by_name(example_copy: Path,
                                                                               tmp_path: Path) -> None:
    base, ours, theirs = _two(example_copy, tmp_path)
    idea = base.create.ideas[1]
    ours.apply("del", ours.changes.remove(ours.changes.path_of(idea.id)))
    guest = Guest(id="guest-new", name="Nabo")
    theirs.apply("g", theirs.changes.add(("create", "guests"), guest))
    theirs.apply("v", theirs.changes.add(("create", "votes"), Vote(voter=guest.id, idea=idea.id, dots=1)))
    result = merge_projects(base, ours.project, theirs.project)
    assert result.clean and guest.id in {g.id for g in result.project.create.guests}
    assert all(v.idea != idea.id for v in result.project.create.votes)
    (dropped,) = result.dropped_links
    assert (dropped.target, dropped.target_name) == (idea.id, idea.title)
    assert "Nabo" in dropped.about.text("da") and idea.id not in dropped.about.text("da")
    parse_project(dump_project(result.project))


def test_dots_over_a_persons_limit_keep_ours_and_record_both_sides_votes(example_copy: Path, tmp_path: Path) -> None:
    base, ours, theirs = _two(example_copy, tmp_path)
    guest = Guest(id="guest-both", name="Begge")
    ideas = [i.id for i in base.create.ideas]
    for session, idea in ((ours, ideas[0]), (theirs, ideas[1])):
        session.apply("g", session.changes.add(("create", "guests"), guest))
        session.apply("v", session.changes.add(("create", "votes"), Vote(voter=guest.id, idea=idea, dots=3)))
    result = merge_projects(base, ours.project, theirs.project)
    mine = [v for v in result.project.create.votes if v.voter == guest.id]
    assert [(v.idea, v.dots) for v in mine] == [(ideas[0], 3)]
    found = {(c.kind, c.where, c.ours is None, c.theirs is None) for c in result.conflicts}
    assert found == {("item", f"create.votes.{guest.id}+{ideas[1]}", True, False),
                     ("item", f"create.votes.{guest.id}+{ideas[0]}", False, True)}
    swapped = merge_projects(base, theirs.project, ours.project)  # the same two, whoever merges
    assert {c.where for c in swapped.conflicts} == {c.where for c in result.conflicts}


def test_an_unchanged_side_gives_the_other_side_itself(example_copy: Path, tmp_path: Path) -> None:
    base, ours, _ = _two(example_copy, tmp_path)
    ours.apply("t", ours.changes.set(("title",), "Ny titel"))
    assert merge_projects(base, ours.project, base).project is ours.project
    assert merge_projects(base, base, ours.project).project is ours.project


def test_a_file_that_names_one_vote_twice_is_refused_with_its_place(example_copy: Path) -> None:
    text = example_copy.read_text(encoding="utf-8")
    project = parse_project(text)
    vote = project.create.votes[0]
    project.create.votes.append(vote.model_copy())
    with pytest.raises(FileProblemError) as raised:
        parse_project(dump_project(project).replace("dots_per_person: 3", "dots_per_person: 50"))
    problem = raised.value.problems[0]
    assert "create.votes" in problem.format("x", "da") and "to gange" in problem.format("x", "da")


def test_a_result_that_would_break_a_rule_the_merge_does_not_foresee_is_refused_in_our_words(
        example_copy: Path) -> None:
    base = load_project(example_copy).project
    base.create.votes = []
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    voter, idea = base.readiness.team[0].id, base.create.ideas[0].id
    ours.create.votes = [Vote(voter=voter, idea=idea, dots=3)]
    theirs.create.dots_per_person = 1
    with pytest.raises(FileProblemError) as raised:
        merge_projects(base, ours, theirs)
    text = raised.value.problems[0].format("merge", "da")
    assert "kan ikke flettes" in text and "create.votes" in text


def test_choosing_theirs_vote_the_file_did_not_keep_adds_it(example_copy: Path, tmp_path: Path) -> None:
    """Dots over a person's limit: the file keeps our votes; choosing theirs for each of the
    person's torn votes swaps them (the vote the file lacked is added, ours taken out)."""
    from borgerspil_tui.core.conflict_resolve import resolve
    from borgerspil_tui.core.storage import save_project

    base, ours, theirs = _two(example_copy, tmp_path)
    guest = Guest(id="guest-both", name="Begge")
    ideas = [i.id for i in base.create.ideas]
    for session, idea in ((ours, ideas[0]), (theirs, ideas[1])):
        session.apply("g", session.changes.add(("create", "guests"), guest))
        session.apply("v", session.changes.add(("create", "votes"), Vote(voter=guest.id, idea=idea, dots=3)))
    merged = tmp_path / "merged.borgerspil.yaml"
    save_project(merged, merge_projects(base, ours.project, theirs.project).project, None)
    session = Session.open(merged)
    for conflict in sorted(session.project.conflicts, key=lambda c: c.ours is None):  # ours' vote out first
        session.apply("løst", resolve(session.changes, conflict, "theirs"))
    votes = [(v.idea, v.dots) for v in session.project.create.votes if v.voter == guest.id]
    assert votes == [(ideas[1], 3)] and not session.project.conflicts
    session.undo()
    assert len(session.project.conflicts) == 1


def test_a_parent_choice_that_would_put_a_node_under_itself_is_refused_with_a_reason(
        example_copy: Path, tmp_path: Path) -> None:
    from borgerspil_tui.core.conflict_resolve import Unresolvable, resolve
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.storage import save_project

    base, ours, theirs = _two(example_copy, tmp_path)
    a, b = (n.id for n in base.focus.causes[:2])
    ours.apply("m", ours.changes.move_to(ours.changes.path_of(a), ours.changes.path_of(b) + ("children",)))
    theirs.apply("m", theirs.changes.move_to(theirs.changes.path_of(b), theirs.changes.path_of(a) + ("children",)))
    merged = tmp_path / "merged.borgerspil.yaml"
    save_project(merged, merge_projects(base, ours.project, theirs.project).project, None)
    session = Session.open(merged)
    on_b = next(c for c in session.project.conflicts if c.where.endswith(b))
    with pytest.raises(Unresolvable) as refused:
        resolve(session.changes, on_b, "theirs")  # b under a, while a is under b
    assert "under sig selv" in tr("da", refused.value.key)
    session.apply("løst", resolve(session.changes, on_b, "ours"))
    assert len(session.project.conflicts) == 1


def test_evidence_for_a_cause_the_other_side_moved_to_the_consequences_is_dropped_and_reported(
        example_copy: Path, tmp_path: Path) -> None:
    """Found by the merge properties: an insight's evidence may point only at causes."""
    base, ours, theirs = _two(example_copy, tmp_path)
    insight = base.experience.insights[0]
    linked = {n for i in base.experience.insights for n in (*i.supports, *i.contradicts)}
    node = next(n.id for top in base.focus.causes for n in (top, *top.children)
                if n.id not in linked and not n.children)  # a leaf no insight points at
    ours.apply("m", ours.changes.move_to(ours.changes.path_of(node), ("focus", "consequences")))
    theirs.apply("e", theirs.changes.set((*theirs.changes.path_of(insight.id), "supports"),
                                         [*insight.supports, node]))
    result = merge_projects(base, ours.project, theirs.project)
    merged_insight = next(i for i in result.project.experience.insights if i.id == insight.id)
    assert node not in merged_insight.supports and merged_insight.supports == insight.supports
    assert [(d.target, d.where.endswith("supports")) for d in result.dropped_links] == [(node, True)]
