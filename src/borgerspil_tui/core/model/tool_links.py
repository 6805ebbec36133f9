"""Links of the tools added after the core method (workshops, credits, resources, fishbones,
observation groups): checked by ``model.links.find_link_problems``, kept apart to keep that file short."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model.links import LinkProblem, Loc, _owner, walk_tree

if TYPE_CHECKING:
    from borgerspil_tui.core.model.project import Project


def method_tool_links(project: Project, link: Callable[..., None]) -> None:
    """Links of the method's tools (issue 13): a resource's milestone, a fishbone item's cause or
    idea, an observation group's observations and insight."""
    for i, resource in enumerate(project.insist.resources):
        link(("insist", "resources", i, "milestone"), resource.milestone, ("milestone",),
             _owner("resource", resource.id))
    for i, fishbone in enumerate(project.create.fishbones):
        for j, bone in enumerate(fishbone.bones):
            for k, item in enumerate(bone.items):
                link(("create", "fishbones", i, "bones", j, "items", k, "linked"), item.linked,
                     ("cause", "idea"), _owner("fishbone", fishbone.id))
    for i, group in enumerate(project.experience.groups):
        owner = _owner("group", group.id)
        for j, target in enumerate(group.observations):
            link(("experience", "groups", i, "observations", j), target, ("observation",), owner)
        link(("experience", "groups", i, "insight"), group.insight, ("insight",), owner)


CAPTURED_KINDS = ("cause", "consequence", "observation", "insight", "idea", "what-if")
"""What fast capture adds, and so what a workshop's log and a ``said_by`` credit may name."""


def credits(project: Project, link: Callable[..., None]) -> None:
    """A captured item's ``said_by`` names a team member or a guest."""
    people = ("team member", "guest")
    for kind, item, loc in said_by_holders(project):
        link(loc + ("said_by",), item.said_by, people, _owner(kind, item.id))


def said_by_holders(project: Project) -> Iterator[tuple[str, Any, Loc]]:
    focus = project.focus
    for branch, kind in (("causes", "cause"), ("consequences", "consequence")):
        for node, loc in walk_tree(getattr(focus, branch), ("focus", branch)):
            yield kind, node, loc
    for name, kind, items in (("observations", "observation", project.experience.observations),
                              ("insights", "insight", project.experience.insights)):
        for i, item in enumerate(items):
            yield kind, item, ("experience", name, i)
    for name, kind, items in (("what_ifs", "what-if", project.create.what_ifs),
                              ("ideas", "idea", project.create.ideas)):
        for i, item in enumerate(items):
            yield kind, item, ("create", name, i)


def workshop_links(project: Project, link: Callable[..., None], problems: list[LinkProblem]) -> None:
    """Participants are team members or guests; a log entry or the timer names an activity of its
    own workshop's agenda; each activity has one log entry at most."""
    for i, workshop in enumerate(project.workshops):
        base: Loc = ("workshops", i)
        for j, target in enumerate(workshop.participants):
            link(base + ("participants", j), target, ("team member", "guest"), _owner("workshop", workshop.id))
        own = {activity.id for activity in workshop.agenda}
        seen: dict[str, int] = {}
        for j, entry in enumerate(workshop.log):
            link(base + ("log", j, "activity"), entry.activity, ("activity",), _owner("activity-log", entry.activity))
            if entry.activity in seen:
                problems.append((base + ("log", j), Message("link.key_twice", {
                    "what": entry.activity, "first": seen[entry.activity] + 1, "list": f"workshops.{workshop.id}.log"})))
            seen.setdefault(entry.activity, j)
        for j, entry in enumerate(workshop.log):
            for k, target in enumerate(entry.captured):
                link(base + ("log", j, "captured", k), target, CAPTURED_KINDS, _owner("activity-log", entry.activity))
        _round_links(workshop, base, own, link, problems)
        for j, postit in enumerate(workshop.postits):
            owner = _owner("post-it", postit.id)
            link(base + ("postits", j, "activity"), postit.activity, ("activity",), owner)
            link(base + ("postits", j, "item"), postit.item, CAPTURED_KINDS, owner)
        timer = workshop.timer
        if timer is not None:
            link(base + ("timer", "activity"), timer.activity, ("activity",), _owner("timer", timer.activity))
        for loc, target in [(base + ("log", j, "activity"), e.activity) for j, e in enumerate(workshop.log)] + (
                [(base + ("timer", "activity"), timer.activity)] if timer is not None else []):
            if target not in own and not any(p[0] == loc for p in problems):
                problems.append((loc, Message("link.other_workshop", {"target": target, "workshop": workshop.id})))


def _round_links(workshop: Any, base: Loc, own: set[str], link: Callable[..., None],
                 problems: list[LinkProblem]) -> None:
    """A round's activity is on its own workshop's agenda; its totals name ideas, each once."""
    for j, held in enumerate(workshop.rounds):
        here = base + ("rounds", j)
        owner = _owner("vote-round", held.id)
        link(here + ("activity",), held.activity, ("activity",), owner)
        loc = here + ("activity",)
        if held.activity is not None and held.activity not in own and not any(p[0] == loc for p in problems):
            problems.append((loc, Message("link.other_workshop", {"target": held.activity, "workshop": workshop.id})))
        seen: dict[str, int] = {}
        for k, total in enumerate(held.totals):
            link(here + ("totals", k, "idea"), total.idea, ("idea",), owner)
            if total.idea in seen:
                problems.append((here + ("totals", k), Message("link.key_twice", {
                    "what": total.idea, "first": seen[total.idea] + 1,
                    "list": f"workshops.{workshop.id}.rounds.{held.id}.totals"})))
            seen.setdefault(total.idea, k)
