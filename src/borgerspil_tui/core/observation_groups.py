"""Affinity grouping of observations (Oplev, "turn information into knowledge"): which groups
hold which observations, the tags in use, filling a group several at a time or by a tag, turning a
group into an insight, and filtering the observations by tag or group. Every edit is built as
changes (core/edits) so the screen makes it one undo step. No Textual here."""

from __future__ import annotations

from dataclasses import dataclass

from borgerspil_tui.core.changes import Change
from borgerspil_tui.core.edits import EditBuilder
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.experience import Insight, Observation, ObservationGroup

GROUPS = ("experience", "groups")
INSIGHTS = ("experience", "insights")


# -- reading ---------------------------------------------------------------------------------------
def tags_in_use(project: Project) -> list[tuple[str, int]]:
    """Each tag the observations carry with how many carry it, in the order first met (a tag
    differing only in case or spaces counts as the same one, written as first met)."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for obs in project.experience.observations:
        for tag in {_norm(t): t.strip() for t in obs.tags if t.strip()}.items():
            names.setdefault(tag[0], tag[1])
            counts[tag[0]] = counts.get(tag[0], 0) + 1
    return [(names[key], count) for key, count in counts.items()]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def with_tag(project: Project, tag: str) -> list[Observation]:
    """The observations carrying ``tag`` (case and spaces aside)."""
    wanted = _norm(tag)
    return [o for o in project.experience.observations if any(_norm(t) == wanted for t in o.tags)]


def group_of(project: Project, group_id: str) -> ObservationGroup | None:
    """The group with this id, or None."""
    return next((g for g in project.experience.groups if g.id == group_id), None)


def membership(project: Project) -> dict[str, int]:
    """How many groups each observation is in (only those in at least one)."""
    counts: dict[str, int] = {}
    for group in project.experience.groups:
        for obs_id in dict.fromkeys(group.observations):
            counts[obs_id] = counts.get(obs_id, 0) + 1
    return counts


def ungrouped(project: Project) -> list[Observation]:
    """The observations in no group."""
    grouped = membership(project)
    return [o for o in project.experience.observations if o.id not in grouped]


def members(project: Project, group: ObservationGroup,
            by_id: dict[str, Observation] | None = None) -> list[Observation]:
    """The group's observations in the group's order (ids of observations gone are skipped);
    ``by_id``: the observations by id, made once when asking for many groups."""
    if by_id is None:
        by_id = {o.id: o for o in project.experience.observations}
    return [by_id[i] for i in dict.fromkeys(group.observations) if i in by_id]


@dataclass(frozen=True)
class Filter:
    """What the observations screen shows: all, those with a tag, or those in a group."""

    kind: str = ""
    """``""`` (all), ``"tag"`` or ``"group"``."""
    value: str = ""
    """The tag, or the group's id."""

    @property
    def on(self) -> bool:
        """Whether the filter leaves some observations out."""
        return bool(self.kind)


def filtered(project: Project, chosen: Filter) -> list[Observation]:
    """The observations the filter lets through, in the project's order."""
    if chosen.kind == "tag":
        return with_tag(project, chosen.value)
    if chosen.kind == "group":
        group = group_of(project, chosen.value)
        if group is None:
            return []
        wanted = set(group.observations)
        return [o for o in project.experience.observations if o.id in wanted]
    return list(project.experience.observations)


def filter_options(project: Project) -> list[tuple[str, str, str]]:
    """``(kind, value, label)`` for the filter picker: the tags in use, then the groups."""
    tags = [("tag", tag, f"# {tag} ({count})") for tag, count in tags_in_use(project)]
    by_id = {o.id: o for o in project.experience.observations}
    groups = [("group", g.id, f"▦ {g.name} ({len(members(project, g, by_id))})") for g in project.experience.groups]
    return tags + groups


# -- edits -----------------------------------------------------------------------------------------
def new_group(edits: EditBuilder, name: str, observations: list[str] | None = None) -> tuple[list[Change], str]:
    """The changes that add a group called ``name`` (ValidationError for a name the model refuses)."""
    group = ObservationGroup(name=name, observations=list(observations or []))
    return edits.add(GROUPS, group), group.id


def set_members(edits: EditBuilder, group_id: str, ids: list[str]) -> list[Change]:
    """The group holds exactly ``ids`` (several put in and taken out at once), in the
    observations' order for the new ones after those already there."""
    group = group_of(edits.project, group_id)
    if group is None:
        return []
    wanted = list(dict.fromkeys(ids))
    kept = [i for i in group.observations if i in wanted]
    order = [o.id for o in edits.project.experience.observations]
    added = sorted((i for i in wanted if i not in kept), key=lambda i: order.index(i) if i in order else len(order))
    return edits.set((*GROUPS, group_id, "observations"), kept + added)


def add_members(edits: EditBuilder, group_id: str, ids: list[str]) -> list[Change]:
    """Put the observations ``ids`` in the group too (those already in stay where they are)."""
    group = group_of(edits.project, group_id)
    if group is None:
        return []
    return set_members(edits, group_id, [*group.observations, *ids])


def take_out(edits: EditBuilder, group_id: str, obs_id: str) -> list[Change]:
    """Take one observation out of one group (it stays in the project and its other groups)."""
    group = group_of(edits.project, group_id)
    if group is None or obs_id not in group.observations:
        return []
    return edits.set((*GROUPS, group_id, "observations"), [i for i in group.observations if i != obs_id])


def by_tag(edits: EditBuilder, tag: str) -> tuple[list[Change], str]:
    """Fill the group named like ``tag`` with every observation carrying it, or make that group;
    returns the changes and the group's id."""
    ids = [o.id for o in with_tag(edits.project, tag)]
    same = next((g for g in edits.project.experience.groups if _norm(g.name) == _norm(tag)), None)
    if same is not None:
        return add_members(edits, same.id, ids), same.id
    return new_group(edits, tag.strip(), ids)


def to_insight(edits: EditBuilder, group_id: str, statement: str) -> tuple[list[Change], str | None]:
    """A new insight stating ``statement`` that rests on the group's observations, and the group
    pointing at it — one edit. A group that has an insight already gets its insight's statement
    and observations updated instead (never a second insight). Returns the changes and the
    insight's id (ValidationError for a statement the model refuses)."""
    project = edits.project
    group = group_of(project, group_id)
    if group is None:
        return [], None
    ids = [o.id for o in members(project, group)]
    existing = insight_of(project, group)
    if existing is not None:
        path = (*INSIGHTS, existing.id)
        return edits.set_fields(path, statement=statement or existing.statement, observations=ids), existing.id
    insight = Insight(statement=statement or group.name, observations=ids)
    changes = [*edits.add(INSIGHTS, insight), *edits.set((*GROUPS, group_id, "insight"), insight.id)]
    return changes, insight.id


def update_insight(edits: EditBuilder, group_id: str) -> list[Change]:
    """The group's insight rests on the group's observations as they are now (statement kept)."""
    project = edits.project
    group = group_of(project, group_id)
    existing = insight_of(project, group) if group is not None else None
    if group is None or existing is None:
        return []
    return edits.set((*INSIGHTS, existing.id, "observations"), [o.id for o in members(project, group)])


def insight_of(project: Project, group: ObservationGroup | None) -> Insight | None:
    """The insight the group became, if it still exists."""
    if group is None or group.insight is None:
        return None
    return next((i for i in project.experience.insights if i.id == group.insight), None)
