"""Every everyday pair of edits two people make on copies of the example, merged (core/merge).

Each case makes one edit on each side through the session API on its own copy of the bundled
example, merges the two with the example as base, and checks what the case says: both edits in
the result and no conflict; or, for a real clash, exactly one recorded conflict with its kind,
``where`` and the three sides read from the three projects, the file holding ours (for an item
one side deleted: the changed item). Every result validates whole, survives a save and a load,
and the merge changes none of its inputs. Paths here start with an id where the session or the
item index finds the rest (``("idea-k3m4np", "title")``).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from borgerspil_tui.core.change_apply import ProjectEditor
from borgerspil_tui.core.changes import MISSING, item_key
from borgerspil_tui.core.item_index import ItemIndex
from borgerspil_tui.core.merge import MergeResult, merge_projects
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept, Guest, Idea, PrototypeTest, Vote, WhatIf
from borgerspil_tui.core.model.experience import Insight, Observation
from borgerspil_tui.core.model.focus import Assumption, Note, TargetGroup, TreeNode, ValueGoal
from borgerspil_tui.core.model.insist import BottomLine, Milestone, Risk, Stakeholder
from borgerspil_tui.core.model.organisation import EmpathyExercise
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import load_project, save_project
from tests.conftest import EXAMPLE

Edit = Callable[[Session], None]
Check = Callable[[Project], None]
BASE = load_project(EXAMPLE).project


def _expand(path: tuple[str, ...], find: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    """A path whose first part is an id, with the id's own path put in its place."""
    return (*find(path[0]), *path[1:]) if path and "-" in path[0] else path


def locate(project: Project, path: tuple[str, ...]) -> Any:
    """What is at ``path`` in ``project`` (KeyError when nothing is)."""
    return ProjectEditor(project).get(_expand(path, ItemIndex(project).path))


def _do(label: str, make: Callable[[Session], list]) -> Edit:
    def edit(s: Session) -> None:
        assert s.apply(label, make(s)) is not None, label
    return edit


def setv(path: tuple[str, ...], value: Any) -> Edit:
    return _do("set", lambda s: s.changes.set(_expand(path, s.changes.path_of), value))


def add(at: tuple[str, ...], item: BaseModel) -> Edit:
    return _do("add", lambda s: s.changes.add(_expand(at, s.changes.path_of), item))


def remove(path: tuple[str, ...]) -> Edit:
    return _do("remove", lambda s: s.changes.remove(_expand(path, s.changes.path_of)))


def move(path: tuple[str, ...], delta: int) -> Edit:
    return _do("move", lambda s: s.changes.move(_expand(path, s.changes.path_of), delta))


def move_under(node: str, parent: str | tuple[str, ...]) -> Edit:
    """Move a problem-tree node to the end of ``parent``'s children (a branch's top: a tuple)."""
    return _do("move", lambda s: s.changes.move_to(s.changes.path_of(node), parent if isinstance(parent, tuple)
                                                   else (*s.changes.path_of(parent), "children")))


def children(parent: str) -> tuple[str, ...]:
    return (parent, "children")


def is_(path: tuple[str, ...], value: Any) -> Check:
    def check(p: Project) -> None:
        found = locate(p, path)
        assert (found.model_dump() if isinstance(found, BaseModel) else found) == (
            value.model_dump() if isinstance(value, BaseModel) else value), path
    return check


def order(at: tuple[str, ...], keys: list[str]) -> Check:
    return lambda p: _same([item_key(i) for i in locate(p, at)], keys)


def parent_of(node: str, project: Project) -> str:
    """The id of a tree node's parent, or "" at the top of its branch."""
    path = ItemIndex(project).path(node)
    return path[-3] if len(path) > 3 else ""


def under(node: str, parent: str) -> Check:
    def check(p: Project) -> None:
        assert node in ItemIndex(p).kinds, f"{node} is lost: it is not in the merged project"
        assert parent_of(node, p) == parent, node
    return check


def gone(item_id: str) -> Check:
    def check(p: Project) -> None:
        assert item_id not in ItemIndex(p).kinds
    return check


def no_vote_for(idea: str) -> Check:
    return lambda p: _same([v for v in p.create.votes if v.idea == idea], [])


def _same(found: Any, wanted: Any) -> None:
    assert found == wanted


def every(*checks: Check) -> Check:
    def check(p: Project) -> None:
        for one in checks:
            one(p)
    return check


def both(*edits: Edit) -> Edit:
    def edit(s: Session) -> None:
        for one in edits:
            one(s)
    return edit


@dataclass(frozen=True)
class Clash:
    """The one conflict a case must record: its kind, ``where``, and where its sides are read."""

    kind: str
    where: str
    path: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """Two edits, one per side, and what their merge must hold."""

    name: str
    ours: Edit
    theirs: Edit
    check: Check
    clash: Clash | None = None
    dropped: tuple[str, str] | None = None
    """The id a link pointed at that the merge dropped, and the start of the link's ``where``."""


# -- every list of the model, with two new items, one item in it and two of its fields ---------
D = dt.date
Field = tuple[str, Any]
LISTS: list[tuple[str, tuple[str, ...], BaseModel | None, BaseModel | None, str, Field, Field | None]] = [
    ("team", ("readiness", "team"), TeamMember(id="person-ours01", name="Ny"),
     TeamMember(id="person-their1", name="Anden"), "person-p7q2wd", ("name", "Jonas F."), ("role", "Jurist")),
    ("causes", ("focus", "causes"), TreeNode(id="node-ours01", text="Ny årsag"),
     TreeNode(id="node-their1", text="Anden årsag"), "node-q2r3st", ("text", "Ens behandling"), ("uncertain", True)),
    ("consequences", ("focus", "consequences"), TreeNode(id="node-ours02", text="Ny"),
     TreeNode(id="node-their2", text="Anden"), "node-m4n5pq", ("text", "Uden hjælp"), ("uncertain", True)),
    ("why_it_matters", ("focus", "why_it_matters"), Note(id="note-ours01", text="Ny"),
     Note(id="note-their1", text="Anden"), "note-v8w9xy", ("text", "Fald koster."), None),
    ("known", ("focus", "known"), Note(id="note-ours02", text="Ny"), Note(id="note-their2", text="Anden"),
     "note-d4e5fg", ("text", "60 %"), None),
    ("unknown", ("focus", "unknown"), Note(id="note-ours03", text="Ny"), Note(id="note-their3", text="Anden"),
     "note-n8p9qr", ("text", "Hvordan?"), None),
    ("assumptions", ("focus", "assumptions"), Assumption(id="assume-ours01", text="Ny"),
     Assumption(id="assume-their1", text="Anden"), "assume-s2t3uv", ("text", "De fleste"), ("status", "untested")),
    ("values", ("focus", "values"), ValueGoal(kind="democracy", goal="Borgerne er med"), None, "effect",
     ("goal", "Færre fald"), None),
    ("target_groups", ("focus", "target_groups"), TargetGroup(id="group-ours01", name="Ny"),
     TargetGroup(id="group-their1", name="Anden"), "group-b6c7de", ("name", "Ældre"), ("why", "Flest")),
    ("process", ("focus", "process"), None, None, "create", ("timeframe", "Maj"), ("weeks", 8.0)),
    ("observations", ("experience", "observations"), Observation(id="obs-ours01", what="Ny"),
     Observation(id="obs-their1", what="Anden"), "obs-w8x9yz", ("what", "Samme kø"), ("quotes", ["Køen!"])),
    ("insights", ("experience", "insights"), Insight(id="insight-ours01", statement="Ny"),
     Insight(id="insight-their1", statement="Anden"), "insight-p9q2rs", ("statement", "Fælles kø"),
     ("eye_opener", True)),
    ("what_ifs", ("create", "what_ifs"), WhatIf(id="whatif-ours01", question="Ny?"),
     WhatIf(id="whatif-their1", question="Anden?"), "whatif-x5y6za", ("question", "Før?"),
     ("insight", "insight-a3b4cd")),
    ("ideas", ("create", "ideas"), Idea(id="idea-ours01", title="Ny"), Idea(id="idea-their1", title="Anden"),
     "idea-q5r6st", ("title", "Skema på dansk"), ("description", "Med eksempler.")),
    ("guests", ("create", "guests"), Guest(id="guest-ours01", name="Ny"), Guest(id="guest-their1", name="Anden"),
     "guest-y9z2ab", ("name", "Ældrerådet"), None),
    ("concepts", ("create", "concepts"), Concept(id="concept-ours01", title="Ny"),
     Concept(id="concept-their1", title="Anden"), "concept-c3d4ef", ("title", "Straks"), ("pitch", "Kort.")),
    ("concept tests", ("create", "concepts", "concept-c3d4ef", "tests"), PrototypeTest(id="test-ours01"),
     PrototypeTest(id="test-their1"), "test-g5h6jk", ("learned", "Prøv først."), ("adjusted", "Levering.")),
    ("value_case", ("insist", "value_case"), BottomLine(line="democracy", goal="Med"), None, "service",
     ("target", "4,5"), ("measure", "Skala 1-5")),
    ("milestones", ("insist", "milestones"), Milestone(id="milestone-ours01", title="Ny"),
     Milestone(id="milestone-their1", title="Anden"), "milestone-u3v4wx", ("title", "Sms"), ("due", D(2026, 11, 1))),
    ("stakeholders", ("insist", "stakeholders"), Stakeholder(id="stake-ours01", name="Ny"),
     Stakeholder(id="stake-their1", name="Anden"), "stake-c7d8ef", ("name", "Rådet"), ("influence", 4)),
    ("risks", ("insist", "risks"), Risk(id="risk-ours01", text="Ny"), Risk(id="risk-their1", text="Anden"),
     "risk-m3n4pq", ("text", "Sent"), ("mitigation", "Manuelt.")),
    ("exercises", ("organisation", "exercises"), EmpathyExercise(id="exercise-ours01", exercise="citizen-for-a-day"),
     EmpathyExercise(id="exercise-their1", exercise="shadowing"), "exercise-r5s6tu", ("notes", "En dag."),
     ("date", D(2026, 3, 9))),
]


def _list_cases() -> list[Case]:
    cases = []
    for name, at, mine, yours, key, (f1, v1), second in LISTS:
        item = (*at, key)
        keys = [item_key(i) for i in locate(BASE, at)]
        if mine is not None and yours is not None:
            cases.append(Case(f"{name}: add/add", add(at, mine), add(at, yours),
                              order(at, [*keys, item_key(mine), item_key(yours)])))
        if mine is not None:
            cases.append(Case(f"{name}: add/edit", add(at, mine), setv((*item, f1), v1),
                              every(is_((*at, item_key(mine)), mine), is_((*item, f1), v1))))
        if second is not None:
            f2, v2 = second
            cases.append(Case(f"{name}: edit/edit other fields", setv((*item, f1), v1), setv((*item, f2), v2),
                              every(is_((*item, f1), v1), is_((*item, f2), v2))))
        where = ".".join(item)
        cases.append(Case(f"{name}: edit/delete", setv((*item, f1), v1), remove(item), is_((*item, f1), v1),
                          Clash("item", where, item)))
        cases.append(Case(f"{name}: delete/edit", remove(item), setv((*item, f1), v1), is_((*item, f1), v1),
                          Clash("item", where, item)))
    return cases


# -- the other everyday pairs -----------------------------------------------------------------
IDEAS, VOTES, CAUSES = ("create", "ideas"), ("create", "votes"), ("focus", "causes")
WEIGHTS, CONCEPT = ("create", "weights"), ("concept-c3d4ef",)
VOTE = Vote(voter="person-p7q2wd", idea="idea-u7v8wx", dots=2)
PAIRS: list[Case] = [
    Case("ideas: move/move", move(("idea-b7c8de",), 1), move(("idea-u7v8wx",), -1),
         order(IDEAS, ["idea-f9g2hj", "idea-b7c8de", "idea-k3m4np", "idea-u7v8wx", "idea-q5r6st"])),
    Case("team: move/move", move(("person-k3x9fa",), 1), move(("person-r9e5ks",), -1), order(
        ("readiness", "team"), ["person-p7q2wd", "person-k3x9fa", "person-m4t8zn", "person-r9e5ks", "person-b6v3hc"])),
    Case("tree: move/move of siblings in different places", move(("node-l7m8np",), -1), move(("node-m4n5pq",), -1),
         every(order(children("node-a2s4df"), ["node-l7m8np", "node-g5h6jk"]),
               order(("focus", "consequences"), ["node-m4n5pq", "node-c8d9ef"]))),
    Case("tree: move/move of different nodes to new parents", move_under("node-l7m8np", "node-q2r3st"),
         move_under("node-y6z7ab", "node-u4v5wx"), every(under("node-l7m8np", "node-q2r3st"),
                                                       under("node-y6z7ab", "node-u4v5wx"))),
    Case("tree: add under different parents", add(children("node-a2s4df"), TreeNode(id="node-ours01", text="Ny")),
         add(children("node-m4n5pq"), TreeNode(id="node-their1", text="Anden")),
         every(under("node-ours01", "node-a2s4df"), under("node-their1", "node-m4n5pq"))),
    Case("tree: add/add under one parent", add(children("node-a2s4df"), TreeNode(id="node-ours01", text="Ny")),
         add(children("node-a2s4df"), TreeNode(id="node-their1", text="Anden")),
         order(children("node-a2s4df"), ["node-g5h6jk", "node-l7m8np", "node-ours01", "node-their1"])),
    Case("tree: add under a node the other moved", add(children("node-u4v5wx"), TreeNode(id="node-ours01", text="Ny")),
         move_under("node-u4v5wx", "node-a2s4df"),
         every(under("node-ours01", "node-u4v5wx"), under("node-u4v5wx", "node-a2s4df"))),
    Case("tree: add under a node the other moved to the other branch",
         add(children("node-r6s7tu"), TreeNode(id="node-ours01", text="Ny")), move_under("node-m4n5pq", CAUSES),
         every(under("node-ours01", "node-r6s7tu"), under("node-m4n5pq", ""),
               is_((*CAUSES, "node-m4n5pq", "children", "node-r6s7tu", "children", "node-ours01", "text"), "Ny"))),
    Case("tree: text/uncertain of one node", setv(("node-l7m8np", "text"), "Sent"),
         setv(("node-l7m8np", "uncertain"), False),
         every(is_(("node-l7m8np", "text"), "Sent"), is_(("node-l7m8np", "uncertain"), False))),
    Case("vote/vote by different voters", add(VOTES, VOTE), add(VOTES, VOTE.model_copy(update={
        "voter": "person-b6v3hc", "idea": "idea-q5r6st", "dots": 3})),
         order(VOTES, [item_key(v) for v in BASE.create.votes] + ["person-p7q2wd+idea-u7v8wx",
                                                                  "person-b6v3hc+idea-q5r6st"])),
    Case("vote/vote by one voter within the dots", add(VOTES, VOTE.model_copy(update={"dots": 1})),
         add(VOTES, VOTE.model_copy(update={"idea": "idea-q5r6st"})),
         every(is_((*VOTES, "person-p7q2wd+idea-u7v8wx", "dots"), 1),
               is_((*VOTES, "person-p7q2wd+idea-q5r6st", "dots"), 2))),
    Case("weight/weight", setv((*WEIGHTS, "feasibility"), 2.0), setv((*WEIGHTS, "strategic-match"), 4.0),
         every(is_((*WEIGHTS, "feasibility"), 2.0), is_((*WEIGHTS, "strategic-match"), 4.0),
               is_((*WEIGHTS, "importance"), 3.0))),
    Case("weight changed/weight added", setv((*WEIGHTS, "importance"), 4.0), setv((*WEIGHTS, "feasibility"), 1.0),
         every(is_((*WEIGHTS, "importance"), 4.0), is_((*WEIGHTS, "feasibility"), 1.0))),
    Case("score/score on other criteria", setv(("idea-k3m4np", "scores", "importance"), 3),
         setv(("idea-k3m4np", "scores", "feasibility"), 2),
         every(is_(("idea-k3m4np", "scores", "importance"), 3), is_(("idea-k3m4np", "scores", "feasibility"), 2))),
    Case("checklist/checklist other questions", setv(("checklists", "insist-handover"), {"answer": "yes", "note": ""}),
         setv(("checklists", "focus-if-we-fail"), {"answer": "partly", "note": "Ja"}),
         every(is_(("checklists", "insist-handover", "answer"), "yes"),
               is_(("checklists", "focus-if-we-fail", "answer"), "partly"))),
    Case("checklist: answer/note of one question", setv(("checklists", "focus-change", "answer"), "partly"),
         setv(("checklists", "focus-change", "note"), "Se Oplev."),
         every(is_(("checklists", "focus-change", "answer"), "partly"),
               is_(("checklists", "focus-change", "note"), "Se Oplev."))),
    Case("considerations: two keys", setv(("readiness", "considerations", "team"), "Fem nu."),
         setv(("readiness", "considerations", "experiment"), "Vi prøver."),
         every(is_(("readiness", "considerations", "team"), "Fem nu."),
               is_(("readiness", "considerations", "experiment"), "Vi prøver."))),
    Case("aspects: one set, one removed", setv(("insist", "aspects", "it"), "Sms."),
         setv(("insist", "aspects", "physical"), MISSING),
         every(is_(("insist", "aspects", "it"), "Sms."), lambda p: _same("physical" in p.insist.aspects, False))),
    Case("assessment: two dimensions", setv(("organisation", "assessment", "leadership", "position"), 3),
         setv(("organisation", "assessment", "culture", "note"), "Bedre."),
         every(is_(("organisation", "assessment", "leadership", "position"), 3),
               is_(("organisation", "assessment", "culture", "note"), "Bedre."))),
    Case("reflections: two keys", setv(("organisation", "reflections", "where-are-we"), "På vej."),
         setv(("organisation", "reflections", "next-step"), "Hjemmeplejen."),
         every(is_(("organisation", "reflections", "where-are-we"), "På vej."),
               is_(("organisation", "reflections", "next-step"), "Hjemmeplejen."))),
    Case("succes ratings: two criteria", setv((*CONCEPT, "succes", "concrete", "rating"), "yes"),
         setv((*CONCEPT, "succes", "credible", "note"), "Flere data."),
         every(is_((*CONCEPT, "succes", "concrete", "rating"), "yes"),
               is_((*CONCEPT, "succes", "credible", "note"), "Flere data."))),
    Case("links: each side links another idea to a concept", setv((*CONCEPT, "ideas"), [
        *BASE.create.concepts[0].ideas, "idea-q5r6st"]), setv((*CONCEPT, "ideas"), [*BASE.create.concepts[0].ideas,
                                                                                    "idea-u7v8wx"]),
         is_((*CONCEPT, "ideas"), [*BASE.create.concepts[0].ideas, "idea-q5r6st", "idea-u7v8wx"])),
    Case("texts: each side tags an observation", setv(("obs-s6t7uv", "tags"), ["fald", "ventetid", "bad"]),
         setv(("obs-s6t7uv", "tags"), ["fald", "hjem", "ventetid"]),
         lambda p: _same(sorted(locate(p, ("obs-s6t7uv", "tags"))), ["bad", "fald", "hjem", "ventetid"])),
    Case("project fields", both(setv(("focus", "problem"), "Ventetid."), setv(("insist", "handover", "to"), "Drift")),
         both(setv(("focus", "success_picture"), "Sms."), setv(("insist", "handover", "notes"), "Tre måneder.")),
         every(is_(("focus", "problem"), "Ventetid."), is_(("insist", "handover", "to"), "Drift"),
               is_(("focus", "success_picture"), "Sms."), is_(("insist", "handover", "notes"), "Tre måneder."))),
    # one side deletes, the other links to what it deleted: the link goes, and is reported
    Case("delete idea/vote for it", remove(("idea-u7v8wx",)), add(VOTES, VOTE),
         every(gone("idea-u7v8wx"), no_vote_for("idea-u7v8wx")), dropped=("idea-u7v8wx", "create.votes")),
    Case("delete idea/link it from a concept", remove(("idea-u7v8wx",)),
         setv((*CONCEPT, "ideas"), [*BASE.create.concepts[0].ideas, "idea-u7v8wx"]),
         every(gone("idea-u7v8wx"), is_((*CONCEPT, "ideas"), BASE.create.concepts[0].ideas)),
         dropped=("idea-u7v8wx", "create.concepts.concept-c3d4ef.ideas")),
    Case("link an idea from a concept/delete it", setv((*CONCEPT, "ideas"), [*BASE.create.concepts[0].ideas,
                                                                             "idea-u7v8wx"]),
         remove(("idea-u7v8wx",)), every(gone("idea-u7v8wx"), is_((*CONCEPT, "ideas"), BASE.create.concepts[0].ideas)),
         dropped=("idea-u7v8wx", "create.concepts.concept-c3d4ef.ideas")),
    Case("delete insight/idea inspired by it", remove(("insight-p9q2rs",)),
         setv(("idea-k3m4np", "inspired_by"), ["insight-p9q2rs"]),
         every(gone("insight-p9q2rs"), is_(("idea-k3m4np", "inspired_by"), [])),
         dropped=("insight-p9q2rs", "create.ideas.idea-k3m4np.inspired_by")),
    Case("delete cause/insight supports it", remove(("node-y6z7ab",)),
         setv(("insight-p9q2rs", "supports"), ["node-u4v5wx", "node-y6z7ab"]),
         every(gone("node-y6z7ab"), is_(("insight-p9q2rs", "supports"), ["node-u4v5wx"])),
         dropped=("node-y6z7ab", "experience.insights.insight-p9q2rs.supports")),
    Case("delete milestone/depend on it", remove(("milestone-q9r2st",)),
         setv(("milestone-u3v4wx", "depends_on"), ["milestone-q9r2st"]),
         every(gone("milestone-q9r2st"), is_(("milestone-u3v4wx", "depends_on"), [])),
         dropped=("milestone-q9r2st", "insist.milestones.milestone-u3v4wx.depends_on")),
    Case("delete target group/test with it", remove(("group-f8g9hj",)),
         setv(("test-g5h6jk", "target_group"), "group-f8g9hj"),
         every(gone("group-f8g9hj"), is_(("test-g5h6jk", "target_group"), None)),
         dropped=("group-f8g9hj", "create.concepts.concept-c3d4ef.tests.test-g5h6jk.target_group")),
    Case("delete observation/quote from it", remove(("obs-j2k3lm",)),
         setv((*CONCEPT, "succes", "concrete", "quote_from"), "obs-j2k3lm"),
         every(gone("obs-j2k3lm"), is_((*CONCEPT, "succes", "concrete", "quote_from"), None)),
         dropped=("obs-j2k3lm", "create.concepts.concept-c3d4ef.succes.concrete.quote_from")),
    # the same edit on both sides is no conflict (ours makes another edit beside it, in the same
    # item, map or list, so the merge has to look inside and cannot take one side whole)
    *(Case(f"same edit: {name}", both(edit, more), edit, every(check, also)) for name, edit, check, more, also in [
        ("idea title", setv(("idea-k3m4np", "title"), "Spor"), is_(("idea-k3m4np", "title"), "Spor"),
         setv(("idea-k3m4np", "description"), "Dagligt."), is_(("idea-k3m4np", "description"), "Dagligt.")),
        ("score", setv(("idea-k3m4np", "scores", "importance"), 2), is_(("idea-k3m4np", "scores", "importance"), 2),
         setv(("idea-k3m4np", "scores", "feasibility"), 1), is_(("idea-k3m4np", "scores", "feasibility"), 1)),
        ("weight", setv((*WEIGHTS, "feasibility"), 2.0), is_((*WEIGHTS, "feasibility"), 2.0),
         setv((*WEIGHTS, "importance"), 1.0), is_((*WEIGHTS, "importance"), 1.0)),
        ("checklist", setv(("checklists", "focus-change", "answer"), "no"),
         is_(("checklists", "focus-change", "answer"), "no"), setv(("checklists", "focus-change", "note"), "Nej."),
         is_(("checklists", "focus-change", "note"), "Nej.")),
        ("note text", setv(("note-d4e5fg", "text"), "60 %."), is_(("note-d4e5fg", "text"), "60 %."),
         setv(("note-h6j7km", "text"), "40."), is_(("note-h6j7km", "text"), "40.")),
        ("tree text", setv(("node-l7m8np", "text"), "Sent"), is_(("node-l7m8np", "text"), "Sent"),
         setv(("node-l7m8np", "uncertain"), False), is_(("node-l7m8np", "uncertain"), False)),
        ("delete", remove(("idea-u7v8wx",)), gone("idea-u7v8wx"),
         setv(("idea-q5r6st", "title"), "Dansk"), is_(("idea-q5r6st", "title"), "Dansk")),
        ("delete a linked idea", remove(("idea-b7c8de",)), every(gone("idea-b7c8de"), no_vote_for("idea-b7c8de")),
         setv(("idea-q5r6st", "title"), "Dansk"), is_(("idea-q5r6st", "title"), "Dansk")),
        ("tree move", move_under("node-l7m8np", "node-q2r3st"), under("node-l7m8np", "node-q2r3st"),
         setv(("node-l7m8np", "text"), "Sent"), is_(("node-l7m8np", "text"), "Sent")),
        ("list move", move(("idea-b7c8de",), 2), order(IDEAS, ["idea-f9g2hj", "idea-k3m4np", "idea-b7c8de",
                                                              "idea-q5r6st", "idea-u7v8wx"]),
         setv(("idea-b7c8de", "chosen"), False), is_(("idea-b7c8de", "chosen"), False)),
        ("vote", add(VOTES, VOTE), is_((*VOTES, "person-p7q2wd+idea-u7v8wx", "dots"), 2),
         add(VOTES, Vote(voter="person-b6v3hc", idea="idea-u7v8wx", dots=1)),
         is_((*VOTES, "person-b6v3hc+idea-u7v8wx", "dots"), 1)),
        ("link", setv((*CONCEPT, "ideas"), ["idea-b7c8de", "idea-k3m4np"]), is_((*CONCEPT, "ideas"),
                                                                                 ["idea-b7c8de", "idea-k3m4np"]),
         setv((*CONCEPT, "title"), "Samme uge"), is_((*CONCEPT, "title"), "Samme uge")),
    ]),
]

# -- real clashes: exactly one conflict each, the file holding ours ----------------------------
CLASHES: list[Case] = [
    Case(name, setv(path, a), setv(path, b), lambda p: None, Clash(kind, where, path))
    for name, path, a, b, kind, where in [
        ("title/title", ("title",), "Hjælp nu", "Hjælp i dag", "text", "title"),
        ("idea title/title", ("idea-k3m4np", "title"), "Spor 1", "Spor 2", "text", "create.ideas.idea-k3m4np.title"),
        ("score/score", ("idea-k3m4np", "scores", "importance"), 4, 3, "value",
         "create.ideas.idea-k3m4np.scores.importance"),
        ("weight/weight", (*WEIGHTS, "importance"), 4.0, 5.0, "value", "create.weights.importance"),
        ("weight added/added", (*WEIGHTS, "feasibility"), 2.0, 4.0, "value", "create.weights.feasibility"),
        ("checklist/checklist", ("checklists", "focus-change", "answer"), "partly", "no", "value",
         "checklists.focus-change.answer"),
        ("note text/text", ("note-d4e5fg", "text"), "60 %.", "Over halvdelen.", "text", "focus.known.note-d4e5fg.text"),
        ("deep node text/text", ("node-l7m8np", "text"), "Læger", "Lægen", "text", "focus.causes.node-l7m8np.text"),
        ("test text/text", ("test-g5h6jk", "learned"), "A", "B", "text",
         "create.concepts.concept-c3d4ef.tests.test-g5h6jk.learned"),
        ("succes rating/rating", (*CONCEPT, "succes", "concrete", "rating"), "yes", "not-yet", "value",
         "create.concepts.concept-c3d4ef.succes.concrete.rating"),
        ("date/date", ("milestone-q9r2st", "due"), D(2026, 9, 1), D(2026, 9, 15), "value",
         "insist.milestones.milestone-q9r2st.due"),
        ("dots/dots", (*VOTES, "guest-y9z2ab+idea-b7c8de", "dots"), 1, 2, "value",
         "create.votes.guest-y9z2ab+idea-b7c8de.dots"),
    ]
] + [
    Case("requirements: each side replaces the third (at most three)", setv((*CONCEPT, "requirements"), [
        *BASE.create.concepts[0].requirements[:2], "Et depot"]), setv((*CONCEPT, "requirements"), [
            *BASE.create.concepts[0].requirements[:2], "En bil"]), lambda p: None,
         Clash("value", "create.concepts.concept-c3d4ef.requirements", (*CONCEPT, "requirements"))),
    Case("tree parent/parent", move_under("node-l7m8np", "node-q2r3st"), move_under("node-l7m8np", CAUSES),
         under("node-l7m8np", "node-q2r3st"), Clash("parent", "focus.causes.node-l7m8np", ("node-l7m8np",))),
    Case("tree move under a node/delete it", move_under("node-y6z7ab", "node-q2r3st"), remove(("node-q2r3st",)),
         under("node-y6z7ab", "node-q2r3st"), Clash("item", "focus.causes.node-q2r3st", ("node-q2r3st",))),
    Case("checklist: a new question answered differently",
         setv(("checklists", "insist-handover"), {"answer": "yes", "note": ""}),
         setv(("checklists", "insist-handover"), {"answer": "no", "note": ""}),
         is_(("checklists", "insist-handover", "note"), ""),
         Clash("value", "checklists.insist-handover.answer", ("checklists", "insist-handover", "answer"))),
    Case("tree text/text of a node the other moved to the other branch", setv(("node-r6s7tu", "text"), "Fald"),
         both(move_under("node-r6s7tu", CAUSES), setv(("node-r6s7tu", "text"), "Flere fald")),
         under("node-r6s7tu", ""), Clash("text", "focus.causes.node-r6s7tu.text", ("node-r6s7tu", "text"))),
    Case("tree add under a node/delete it", add(children("node-q2r3st"), TreeNode(id="node-ours01", text="Ny")),
         remove(("node-q2r3st",)), under("node-ours01", "node-q2r3st"),
         Clash("item", "focus.causes.node-q2r3st", ("node-q2r3st",))),
]

CASES = _list_cases() + PAIRS + CLASHES


@pytest.fixture
def sides(tmp_path: Path) -> tuple[Session, Session]:
    """Two people's copies of the example, each open in its own session."""
    opened = []
    for name in ("ours", "theirs"):
        (tmp_path / name).mkdir()
        shutil.copyfile(EXAMPLE, tmp_path / name / EXAMPLE.name)
        opened.append(Session.open(tmp_path / name / EXAMPLE.name))
    return opened[0], opened[1]


def merged(tmp_path: Path, ours: Project, theirs: Project) -> MergeResult:
    """The merge of the two sides over the example, checked whole and through a save and a load."""
    before = [p.model_dump() for p in (BASE, ours, theirs)]
    result = merge_projects(BASE, ours, theirs)
    assert [p.model_dump() for p in (BASE, ours, theirs)] == before, "the merge changed its input"
    data = result.project.model_dump()
    Project.model_validate(data)
    assert result.project.conflicts == result.conflicts  # the example holds no older conflicts
    path = tmp_path / "merged.borgerspil.yaml"
    path.unlink(missing_ok=True)
    save_project(path, result.project)
    assert load_project(path).project.model_dump() == data
    return result


def _side(kind: str, project: Project, path: tuple[str, ...]) -> Any:
    """One side of a conflict as the project has it: what its text must say."""
    try:
        found = locate(project, path)
    except KeyError:
        return None
    if kind == "parent":
        return parent_of(path[0], project)
    return found if kind in ("text", "item") else to_jsonable_python(found)


def _decoded(kind: str, text: str | None, like: Any) -> Any:
    if text is None or kind in ("text", "parent"):
        return text
    return type(like).model_validate(json.loads(text)) if kind == "item" and like is not None else json.loads(text)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_pair_of_edits_merges(case: Case, sides: tuple[Session, Session], tmp_path: Path) -> None:
    ours, theirs = sides
    case.ours(ours)
    case.theirs(theirs)
    result = merged(tmp_path, ours.project, theirs.project)
    case.check(result.project)
    if case.clash is None:
        assert result.clean, [c.model_dump() for c in result.conflicts]
    else:
        assert len(result.conflicts) == 1, [c.model_dump() for c in result.conflicts]
        conflict, clash = result.conflicts[0], case.clash
        assert (conflict.kind, conflict.where) == (clash.kind, clash.where)
        assert conflict.about
        sides_now = [_side(clash.kind, p, clash.path) for p in (BASE, ours.project, theirs.project)]
        texts = (conflict.base, conflict.ours, conflict.theirs)
        assert [_decoded(clash.kind, t, s) for t, s in zip(texts, sides_now)] == sides_now
        kept = sides_now[1] if clash.kind != "item" or sides_now[1] is not None else sides_now[2]
        assert _side(clash.kind, result.project, clash.path) == kept  # ours, or the changed item
    if case.dropped is None:
        assert result.dropped_links == []
    else:
        target, where = case.dropped
        assert [(d.target, d.where.startswith(where)) for d in result.dropped_links] == [(target, True)], \
            result.dropped_links


def test_one_voter_over_the_dots_is_valid_and_reported(sides: tuple[Session, Session], tmp_path: Path) -> None:
    """Each side alone keeps to three dots a person; together they give four. The merged file
    must still open, a dot that could not be kept must be said (a conflict or a dropped link), and
    merging the other way round must record it at the same place."""
    ours, theirs = sides
    add(VOTES, Vote(voter="person-p7q2wd", idea="idea-u7v8wx", dots=2))(ours)
    add(VOTES, Vote(voter="person-p7q2wd", idea="idea-q5r6st", dots=2))(theirs)
    result = merged(tmp_path, ours.project, theirs.project)
    assert result.conflicts or result.dropped_links
    swapped = merge_projects(BASE, theirs.project, ours.project)  # the same conflict, whoever merges
    assert sorted(c.where for c in swapped.conflicts) == sorted(c.where for c in result.conflicts)


def test_two_moves_that_together_make_a_loop(sides: tuple[Session, Session], tmp_path: Path) -> None:
    """Ours puts one cause under another, theirs the other under the one: each alone is a tree,
    together a loop. The file holds ours' places, and the merge records the same conflicts
    whoever merges (where the loop is cut cannot depend on which side runs the merge)."""
    ours, theirs = sides
    move_under("node-g5h6jk", "node-q2r3st")(ours)
    move_under("node-q2r3st", "node-g5h6jk")(theirs)
    result = merged(tmp_path, ours.project, theirs.project)
    every(under("node-g5h6jk", "node-q2r3st"), under("node-q2r3st", ""))(result.project)
    assert result.conflicts and {c.kind for c in result.conflicts} == {"parent"}
    swapped = merged(tmp_path, theirs.project, ours.project)
    assert sorted(c.where for c in swapped.conflicts) == sorted(c.where for c in result.conflicts)
