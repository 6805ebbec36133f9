"""Rules that span the whole file: ids are unique, links point at items that exist."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model.focus import TreeNode

if TYPE_CHECKING:
    from borgerspil_tui.core.model.project import Project

Loc = tuple[str | int, ...]
LinkProblem = tuple[Loc, Message]
"""Where a problem is, and what it is (a UI text key with its values)."""


def _kind(kind: str) -> Message:
    """"an idea", "a team member": the kind of an item as a message names it."""
    return Message("kind." + kind.replace(" ", "-"))


def _owner(kind: str, item_id: str) -> Message:
    """"concept 'concept-x'": the item a link belongs to."""
    return Message("link.owner", {"kind": Message(f"owner.{kind}"), "id": item_id})


def walk_tree(nodes: list[TreeNode], loc: Loc) -> Iterator[tuple[TreeNode, Loc]]:
    """Every node of a problem-tree branch with its location, depth first."""
    for index, node in enumerate(nodes):
        here = loc + (index,)
        yield node, here
        yield from walk_tree(node.children, here + ("children",))


def _items(project: Project) -> Iterator[tuple[str, str, Loc]]:
    """Every item that has an id, as ``(kind, id, loc)``."""
    for i, member in enumerate(project.readiness.team):
        yield "team member", member.id, ("readiness", "team", i)
    focus = project.focus
    for branch, kind in (("causes", "cause"), ("consequences", "consequence")):
        for node, loc in walk_tree(getattr(focus, branch), ("focus", branch)):
            yield kind, node.id, loc
    for name, kind in (("why_it_matters", "note"), ("known", "note"), ("unknown", "note"),
                       ("assumptions", "assumption"), ("target_groups", "target group")):
        for i, item in enumerate(getattr(focus, name)):
            yield kind, item.id, ("focus", name, i)
    for i, obs in enumerate(project.experience.observations):
        yield "observation", obs.id, ("experience", "observations", i)
    for i, insight in enumerate(project.experience.insights):
        yield "insight", insight.id, ("experience", "insights", i)
    create = project.create
    for name, kind in (("what_ifs", "what-if"), ("ideas", "idea"), ("guests", "guest")):
        for i, item in enumerate(getattr(create, name)):
            yield kind, item.id, ("create", name, i)
    for i, concept in enumerate(create.concepts):
        yield "concept", concept.id, ("create", "concepts", i)
        for k, test in enumerate(concept.tests):
            yield "test", test.id, ("create", "concepts", i, "tests", k)
    for name in ("milestones", "stakeholders", "risks"):
        for i, item in enumerate(getattr(project.insist, name)):
            yield name.rstrip("s"), item.id, ("insist", name, i)
    for name, kind in (("resources", "resource"), ("citizen_input", "citizen voice")):
        for i, item in enumerate(getattr(project.insist, name)):
            yield kind, item.id, ("insist", name, i)
    for i, fishbone in enumerate(create.fishbones):
        yield "fishbone", fishbone.id, ("create", "fishbones", i)
        for j, bone in enumerate(fishbone.bones):
            yield "bone", bone.id, ("create", "fishbones", i, "bones", j)
            for k, item in enumerate(bone.items):
                yield "bone item", item.id, ("create", "fishbones", i, "bones", j, "items", k)
    for i, group in enumerate(project.experience.groups):
        yield "group", group.id, ("experience", "groups", i)
    for i, exercise in enumerate(project.organisation.exercises):
        yield "exercise", exercise.id, ("organisation", "exercises", i)
    for i, workshop in enumerate(project.workshops):
        yield "workshop", workshop.id, ("workshops", i)
        for k, activity in enumerate(workshop.agenda):
            yield "activity", activity.id, ("workshops", i, "agenda", k)
        for k, held in enumerate(workshop.rounds):
            yield "vote round", held.id, ("workshops", i, "rounds", k)
        for k, postit in enumerate(workshop.postits):
            yield "post-it", postit.id, ("workshops", i, "postits", k)


def find_link_problems(project: Project) -> list[LinkProblem]:
    """All duplicate ids and broken links in ``project``, each with the field it is in."""
    problems: list[LinkProblem] = []
    kinds: dict[str, str] = {}
    first_loc: dict[str, Loc] = {}
    for kind, item_id, loc in _items(project):
        if item_id in kinds:
            where = ".".join(str(p) for p in first_loc[item_id])
            problems.append((loc + ("id",), Message("link.id_twice", {
                "id": item_id, "kind": _kind(kinds[item_id]), "where": where})))
        else:
            kinds[item_id] = kind
            first_loc[item_id] = loc

    def link(loc: Loc, target: str | None, allowed: tuple[str, ...], owner: Message) -> None:
        if target is None:
            return
        found = kinds.get(target)
        if found is not None and found in allowed:
            return
        from borgerspil_tui.core.validation_messages import either

        wanted = either([_kind(kind) for kind in allowed])
        if found is None:
            problems.append((loc, Message("link.missing", {"owner": owner, "wanted": wanted, "target": target})))
        else:
            problems.append((loc, Message("link.wrong_kind", {
                "owner": owner, "target": target, "found": _kind(found), "wanted": wanted})))

    for i, insight in enumerate(project.experience.insights):
        base = ("experience", "insights", i)
        owner = _owner("insight", insight.id)
        for j, target in enumerate(insight.observations):
            link(base + ("observations", j), target, ("observation",), owner)
        for field in ("supports", "contradicts"):
            for j, target in enumerate(getattr(insight, field)):
                link(base + (field, j), target, ("cause",), owner)
    create = project.create
    for i, what_if in enumerate(create.what_ifs):
        link(("create", "what_ifs", i, "insight"), what_if.insight, ("insight",), _owner("what-if", what_if.id))
    for i, idea in enumerate(create.ideas):
        for j, target in enumerate(idea.inspired_by):
            link(("create", "ideas", i, "inspired_by", j), target, ("observation", "insight", "what-if"),
                 _owner("idea", idea.id))
    _keys_once(project, problems)
    dots: Counter[str] = Counter()
    for i, vote in enumerate(create.votes):
        link(("create", "votes", i, "voter"), vote.voter, ("team member", "guest"), Message("link.owner_a_vote"))
        link(("create", "votes", i, "idea"), vote.idea, ("idea",), Message("link.owner_vote", {"voter": vote.voter}))
        dots[vote.voter] += vote.dots
        if dots[vote.voter] > create.dots_per_person:
            problems.append((("create", "votes", i, "dots"), Message("link.too_many_dots", {
                "voter": vote.voter, "dots": dots[vote.voter], "per_person": create.dots_per_person})))
    for i, concept in enumerate(create.concepts):
        base = ("create", "concepts", i)
        owner = _owner("concept", concept.id)
        for j, target in enumerate(concept.target_groups):
            link(base + ("target_groups", j), target, ("target group",), owner)
        for j, target in enumerate(concept.ideas):
            link(base + ("ideas", j), target, ("idea",), owner)
        for k, test in enumerate(concept.tests):
            link(base + ("tests", k, "target_group"), test.target_group, ("target group",), _owner("test", test.id))
        for criterion, rating in concept.succes.items():
            link(base + ("succes", criterion, "quote_from"), rating.quote_from, ("observation",), owner)
    insist = project.insist
    link(("insist", "concept"), insist.concept, ("concept",), Message("link.owner_insist"))
    for i, milestone in enumerate(insist.milestones):
        for j, target in enumerate(milestone.depends_on):
            loc = ("insist", "milestones", i, "depends_on", j)
            if target == milestone.id:
                problems.append((loc, Message("link.depends_on_itself", {"id": milestone.title})))
            else:
                link(loc, target, ("milestone",), _owner("milestone", milestone.id))
    from borgerspil_tui.core.model.tool_links import (
        credits,
        method_tool_links,
        workshop_links,
    )

    workshop_links(project, link, problems)
    credits(project, link)
    method_tool_links(project, link)
    from borgerspil_tui.core.model.milestone_rules import milestone_problems

    for (index, field, j), message in milestone_problems(project.insist.milestones):
        loc: Loc = ("insist", "milestones", index, field) + ((j,) if j is not None else ())
        problems.append((loc, message))
    return problems


_KEYED_WITHOUT_ID = ((("create", "votes"), ("voter", "idea")), (("focus", "process"), ("phase",)),
                     (("focus", "values"), ("kind",)), (("insist", "value_case"), ("line",)))
"""Lists whose items are named by fields instead of an id (core/changes.KEY_FIELDS): each name once,
or undo, merge and diff could not tell two such items apart."""


def _keys_once(project: Project, problems: list[LinkProblem]) -> None:
    for (part, name), fields in _KEYED_WITHOUT_ID:
        seen: dict[tuple[object, ...], int] = {}
        for i, item in enumerate(getattr(getattr(project, part), name)):
            key = tuple(getattr(item, f) for f in fields)
            if key in seen:
                problems.append(((part, name, i), Message("link.key_twice", {
                    "what": " + ".join(str(k) for k in key), "first": seen[key] + 1, "list": f"{part}.{name}"})))
            else:
                seen[key] = i


def unlink(project: Project, removed: set[str]) -> None:
    """Remove every link to the ids in ``removed`` (called when those items are deleted)."""
    if not removed:
        return

    def keep(ids: list[str]) -> list[str]:
        return [i for i in ids if i not in removed]

    for insight in project.experience.insights:
        insight.observations = keep(insight.observations)
        insight.supports = keep(insight.supports)
        insight.contradicts = keep(insight.contradicts)
    create = project.create
    for what_if in create.what_ifs:
        if what_if.insight in removed:
            what_if.insight = None
    for idea in create.ideas:
        idea.inspired_by = keep(idea.inspired_by)
    create.votes = [v for v in create.votes if v.voter not in removed and v.idea not in removed]
    for concept in create.concepts:
        concept.target_groups = keep(concept.target_groups)
        concept.ideas = keep(concept.ideas)
        for test in concept.tests:
            if test.target_group in removed:
                test.target_group = None
        for rating in concept.succes.values():
            if rating.quote_from in removed:
                rating.quote_from = None
    if project.insist.concept in removed:
        project.insist.concept = None
    for milestone in project.insist.milestones:
        milestone.depends_on = keep(milestone.depends_on)
    for resource in project.insist.resources:
        if resource.milestone in removed:
            resource.milestone = None
    for fishbone in create.fishbones:
        for bone in fishbone.bones:
            for item in bone.items:
                if item.linked in removed:
                    item.linked = None
    for group in project.experience.groups:
        group.observations = keep(group.observations)
        if group.insight in removed:
            group.insight = None
    for workshop in project.workshops:
        workshop.participants = keep(workshop.participants)
        workshop.log = [entry for entry in workshop.log if entry.activity not in removed]
        if workshop.timer is not None and workshop.timer.activity in removed:
            workshop.timer = None
        for entry in workshop.log:
            entry.captured = keep(entry.captured)
        for held in workshop.rounds:
            if held.activity in removed:
                held.activity = None
            held.totals = [total for total in held.totals if total.idea not in removed]
        for postit in workshop.postits:  # a post-it is what a participant sent: kept, its links cleared
            if postit.activity in removed:
                postit.activity = None
            if postit.item in removed:
                postit.item = None
    from borgerspil_tui.core.model.tool_links import said_by_holders

    for _kind_name, item, _loc in said_by_holders(project):
        if item.said_by in removed:
            item.said_by = None
