"""The semantic three-way merge: two people's edits since a common version, combined item by item.

``merge_projects(base, ours, theirs)`` matches items by id (never by position), keeps both
sides' new items, merges fields one by one and maps key by key, merges the problem tree per node
(text, parent, place, uncertain), removes links to items deleted on either side (and reports
them), and records what both sides changed differently as :class:`~borgerspil_tui.core.model.
conflicts.Conflict` in the merged project, which holds our side meanwhile. The result is always a
valid project. One engine for git's merge driver, ``git pull`` in the app and two windows.
No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from borgerspil_tui.core.changes import Path
from borgerspil_tui.core.gc_pause import gc_paused
from borgerspil_tui.core.i18n import Message, tr
from borgerspil_tui.core.merge_links import Dropped, consequence_ids, drop_dangling, keep_dots_within, present_ids
from borgerspil_tui.core.merge_walk import Merger, Owner, item_name
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.base import new_id
from borgerspil_tui.core.model.conflicts import Conflict


@dataclass(frozen=True)
class DroppedLink:
    """A link removed because the item it pointed to was deleted on one side."""

    where: str
    """Dotted path of the field that held the link (``create.ideas.idea-x.inspired_by``)."""
    target: str
    """The id of the deleted item."""
    target_name: str
    """What the deleted item was called."""
    about: Message
    """What held the link, in words ("idé «Hurtigspor»")."""


@dataclass
class MergeResult:
    """The merged project, the conflicts recorded in it, and the links that had to go."""

    project: Project
    conflicts: list[Conflict] = field(default_factory=list)
    """The conflicts this merge recorded (also in ``project.conflicts``, after any older ones)."""
    dropped_links: list[DroppedLink] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Whether the merge decided everything (no conflict recorded)."""
        return not self.conflicts


def merge_projects(base: Project, ours: Project, theirs: Project, *, lang: str | None = None) -> MergeResult:
    """Combine the changes ``ours`` and ``theirs`` made since ``base``.

    ``lang`` words the conflicts' ``about`` (default: the merged project's language). None of
    the three projects is changed.
    """
    lang = lang or ours.language
    with gc_paused():
        old, mine, other = (p.model_dump(mode="json") for p in (base, ours, theirs))
        merger = Merger(lambda path, owner: describe(lang, path, owner))
        data = merger.model(Project, (), old, mine, other)
        if data is mine:
            return MergeResult(ours)
        if data is other:
            return MergeResult(theirs)
        dropped: list[Dropped] = []
        # The merged data shares lists and dicts with the three dumps above (never with the
        # projects), so the passes below may change it in place.
        drop_dangling(Project, data, present_ids(Project, data), (), ("", ""), dropped,
                      frozenset(consequence_ids(data["focus"])))
        keep_dots_within(merger, data["create"], (old["create"], mine["create"], other["create"]),
                         lambda vote: ("vote", item_name(vote), ("create", "votes")))
        new = [{"id": _fresh_id(data), **found} for found in merger.conflicts]
        data["conflicts"] = [*data.get("conflicts", []), *new]
        project = _checked(data)
    recorded = project.conflicts[len(project.conflicts) - len(new):] if new else []
    return MergeResult(project, list(recorded), _dropped_links(dropped, old, mine, other))


def _checked(data: dict[str, Any]) -> Project:
    """The merged project, checked whole. A rule the merge did not foresee (it keeps every
    rule it knows) is refused as a located problem in our words, never written."""
    try:
        return Project.model_validate(data)
    except ValidationError as error:
        from borgerspil_tui.core.problems import FileProblemError, Problem, format_field
        from borgerspil_tui.core.validation_messages import message_for

        first = error.errors()[0]
        loc, reason = tuple(first["loc"]), message_for(first)
        if first["type"] == "link":
            loc, reason = first["ctx"]["problems"][0]
        where = format_field(loc)
        raise FileProblemError(None, [Problem.of("merge.failed", field=where, where=where, why=reason)]) from None


def _dropped_links(dropped: list[Dropped], *versions: dict[str, Any]) -> list[DroppedLink]:
    """The removed links, named by titles (a vote by who gave it and to which idea)."""
    if not dropped:
        return []
    names: dict[str, str] = {}
    for version in versions:
        present_ids(Project, version, names, names=True)
    links = []
    for where, target, kind, name in dropped:
        if kind == "vote":
            voter, _, idea = where[-1].partition("+")
            name = f"{names.get(voter) or voter} → {names.get(idea) or idea}"
        about = Message("merge.dropped.owner", {
            "kind": Message(f"merge.kind.{(kind or 'part').replace(' ', '-')}"), "name": name})
        links.append(DroppedLink(".".join(where), target, names.get(target, ""), about))
    return links


def _fresh_id(data: dict[str, Any]) -> str:
    taken = {c.get("id") for c in data.get("conflicts", [])}
    while True:
        found = new_id("conflict")
        if found not in taken:
            return found


def describe(lang: str, path: Path, owner: Owner) -> str:
    """A conflict's ``about``: "Idé «Hurtigspor»: titel", "Skab: vægte · importance"."""
    kind, name, item_path = owner
    rest = [_field(lang, p) for p in path[len(item_path):]] if kind else []
    if not kind:
        part = path[0] if path else ""
        heading = tr(lang, f"merge.part.{part}", default=part)
        rest = [_field(lang, p) for p in path[1:]]
        return heading + (": " + " · ".join(rest) if rest else "")
    label = tr(lang, "merge.about.item", kind=tr(lang, f"merge.kind.{kind.replace(' ', '-')}", default=kind),
               name=name)
    return label + (": " + " · ".join(rest) if rest else "")


def _field(lang: str, name: str) -> str:
    return tr(lang, f"merge.field.{name}", default=name.replace("_", " "))
