"""Where every item with an id is, and the checks an edit needs of the items it touched.

:class:`ItemIndex` is built once when a project is opened and kept up to date by each change,
so an edit checks its own links (and that a new id is not taken) without reading the project.
The whole-project check stays in ``model.links`` for loading, saving and tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from borgerspil_tui.core.changes import Change, Path, item_key
from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.link_index import LinkIndex
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.postit_waiting import WaitingPostIts

KIND_OF_LIST: dict[tuple[str, str], str] = {
    ("Readiness", "team"): "team member",
    ("Focus", "causes"): "cause",
    ("Focus", "consequences"): "consequence",
    ("Focus", "why_it_matters"): "note",
    ("Focus", "known"): "note",
    ("Focus", "unknown"): "note",
    ("Focus", "assumptions"): "assumption",
    ("Focus", "target_groups"): "target group",
    ("Experience", "observations"): "observation",
    ("Experience", "insights"): "insight",
    ("Create", "what_ifs"): "what-if",
    ("Create", "ideas"): "idea",
    ("Create", "guests"): "guest",
    ("Create", "concepts"): "concept",
    ("Concept", "tests"): "test",
    ("Insist", "milestones"): "milestone",
    ("Insist", "stakeholders"): "stakeholder",
    ("Insist", "risks"): "risk",
    ("Organisation", "exercises"): "exercise",
    ("Project", "workshops"): "workshop",
    ("Workshop", "agenda"): "activity",
    ("Workshop", "rounds"): "vote round",
    ("Workshop", "postits"): "post-it",
    ("Insist", "resources"): "resource",
    ("Insist", "citizen_input"): "citizen voice",
    ("Create", "fishbones"): "fishbone",
    ("Fishbone", "bones"): "bone",
    ("Bone", "items"): "bone item",
    ("Experience", "groups"): "group",
}
"""The kind of item each list holds (the names ``model.links`` uses in its messages);
a problem-tree node's children are of their parent's kind."""

LINK_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Insight", "observations"): ("observation",),
    ("Insight", "supports"): ("cause",),
    ("Insight", "contradicts"): ("cause",),
    ("WhatIf", "insight"): ("insight",),
    ("Idea", "inspired_by"): ("observation", "insight", "what-if"),
    ("Vote", "voter"): ("team member", "guest"),
    ("Vote", "idea"): ("idea",),
    ("Concept", "target_groups"): ("target group",),
    ("Concept", "ideas"): ("idea",),
    ("PrototypeTest", "target_group"): ("target group",),
    ("SuccesRating", "quote_from"): ("observation",),
    ("Insist", "concept"): ("concept",),
    ("Milestone", "depends_on"): ("milestone",),
    ("Workshop", "participants"): ("team member", "guest"),
    ("ActivityLog", "activity"): ("activity",),
    ("TimerState", "activity"): ("activity",),
    ("ActivityLog", "captured"): ("cause", "consequence", "observation", "insight", "idea", "what-if"),
    ("VoteRound", "activity"): ("activity",),
    ("RoundTotal", "idea"): ("idea",),
    ("PostIt", "activity"): ("activity",),
    ("PostIt", "item"): ("cause", "consequence", "observation", "insight", "idea", "what-if"),
    ("Resource", "milestone"): ("milestone",),
    ("BoneItem", "linked"): ("cause", "idea"),
    ("ObservationGroup", "observations"): ("observation",),
    ("ObservationGroup", "insight"): ("insight",),
    **{(model, "said_by"): ("team member", "guest") for model in ("TreeNode", "Observation", "Insight", "WhatIf", "Idea")},
}
"""Fields that hold ids of other items, and the kinds of item they may point at."""


class IndexProblem(Exception):
    """An edit would break a rule that spans items (an id twice, a link to nothing)."""

    def __init__(self, message: Message, loc: tuple[str | int, ...] = ()) -> None:
        super().__init__(message.key)
        self.message = message
        self.loc = loc


class ItemIndex:
    """Every item with an id: its kind and the path of the list it is in."""

    def __init__(self, project: Project) -> None:
        self.kinds: dict[str, str] = {}
        self.lists: dict[str, Path] = {}
        for kind, item, at in _items_in(project, (), None):
            self.kinds[item.id] = kind
            self.lists[item.id] = at
        self.links = LinkIndex(LINK_FIELDS)
        """Which link fields hold each id (built when a deletion first asks)."""
        self._waiting: WaitingPostIts | None = None

    def waiting(self, project: Project) -> WaitingPostIts:
        """The post-its that wait, counted per workshop and activity (core/postit_waiting): made
        from ``project`` (the session's, as it is now) when first asked, then kept by each change."""
        if self._waiting is None:
            self._waiting = WaitingPostIts(project)
        return self._waiting

    def changed(self, change: Change, get: Callable[[Path], Any]) -> None:
        """``change`` was just made (``get`` reads the project now): the tallies made so far follow it."""
        if self._waiting is not None:
            self._waiting.after(change, get)

    def path(self, item_id: str) -> Path:
        """The path of an item by its id (KeyError when there is none)."""
        return (*self.lists[item_id], item_id)

    def kind(self, item_id: str) -> str | None:
        """The kind of the item with this id, or None."""
        return self.kinds.get(item_id)

    # -- kept up to date by the session ---------------------------------------------------------
    def added(self, at: Path, owner: BaseModel, item: BaseModel) -> None:
        """``item`` was put in the list ``at`` (a field of ``owner``); refuse an id that is taken."""
        kind = self._list_kind(at, owner)
        found = list(_items_in(item, at, kind, top=True))
        seen: set[str] = set()
        for _, sub, _ in found:
            if sub.id in self.kinds or sub.id in seen:
                taken = self.kinds.get(sub.id, kind)
                raise IndexProblem(Message("link.id_twice", {
                    "id": sub.id, "kind": Message("kind." + taken.replace(" ", "-")),
                    "where": ".".join(self.lists.get(sub.id, at))}), (*at, "id"))
            seen.add(sub.id)
        for sub_kind, sub, sub_at in found:
            self.kinds[sub.id] = sub_kind
            self.lists[sub.id] = sub_at
        self.links.added(item, (*at, item_key(item)))

    def removed(self, at: Path, item: BaseModel) -> set[str]:
        """``item`` left the list ``at``; return the ids that went with it."""
        gone = ids_in(item)
        for item_id in gone:
            self.kinds.pop(item_id, None)
            self.lists.pop(item_id, None)
        self.links.removed(item, (*at, item_key(item)))
        return gone

    def moved(self, target: Path, item: BaseModel, owner: BaseModel | None = None, source: Path | None = None) -> None:
        """``item`` moved to the list ``target`` (a field of ``owner``) from the list ``source``;
        its own items moved with it. With ``owner``, they take the target list's kind (a cause
        moved among the consequences)."""
        kind = self._list_kind(target, owner) if owner is not None else ""
        for sub_kind, sub, sub_at in _items_in(item, target, kind, top=True):
            self.lists[sub.id] = sub_at
            if owner is not None:
                self.kinds[sub.id] = sub_kind
        if source is not None and source != target:
            self.links.removed(item, (*source, item_key(item)))
            self.links.added(item, (*target, item_key(item)))

    def value_set(self, path: Path, owner: BaseModel | None, old: Any, new: Any) -> None:
        """The value at ``path`` (a field of ``owner``, a map key, a whole item) went from the
        object ``old`` to ``new``: the links they hold are counted again."""
        if self.links.built:
            self.links.removed(old, path, owner)
            self.links.added(new, path, owner)

    def _list_kind(self, at: Path, owner: BaseModel) -> str:
        if type(owner).__name__ == "TreeNode":
            return self.kinds.get(owner.id, "cause")
        return KIND_OF_LIST.get((type(owner).__name__, at[-1]), "")

    # -- checks ---------------------------------------------------------------------------------
    def check_linked(self, project: Project, items: list[BaseModel], get: Callable[[Path], Any]) -> None:
        """After ``items`` left their lists (deleted, or moved where their kind changes): every
        link still held to them, or to the items inside them, must be of an allowed kind (a link
        to an item that is gone is refused). ``get`` finds what is at a path."""
        for item_id in sorted({found for item in items for found in ids_in(item)}):
            for loc in self.links.linking(project, item_id):
                owner = get(loc[:-1])
                self._check_targets([item_id], LINK_FIELDS[(type(owner).__name__, loc[-1])], owner, loc)

    def check_links(self, value: Any, owner: BaseModel | None, field: str, loc: Path) -> None:
        """Check the links in ``value``, just put in ``field`` of ``owner`` (or an item just added,
        with ``owner`` None): every id must be an item of an allowed kind."""
        if owner is not None:
            allowed = LINK_FIELDS.get((type(owner).__name__, field))
            if allowed is not None:
                self._check_targets(value, allowed, owner, loc)
                return
        for model, where in _models_in(value, loc):
            for (cls, name), allowed in LINK_FIELDS.items():
                if cls == type(model).__name__:
                    self._check_targets(getattr(model, name), allowed, model, (*where, name))

    def _check_targets(self, value: Any, allowed: tuple[str, ...], owner: BaseModel, loc: Path) -> None:
        from borgerspil_tui.core.validation_messages import either

        targets = value if isinstance(value, list) else [value]
        for target in targets:
            if target is None:
                continue
            if type(owner).__name__ == "Milestone" and target == owner.id:
                raise IndexProblem(Message("link.depends_on_itself", {"id": owner.title}), loc)
            found = self.kinds.get(target)
            if found in allowed:
                continue
            owner_name = _owner(owner)
            wanted = either([Message("kind." + kind.replace(" ", "-")) for kind in allowed])
            if found is None:
                raise IndexProblem(Message("link.missing", {"owner": owner_name, "wanted": wanted, "target": target}), loc)
            raise IndexProblem(Message("link.wrong_kind", {
                "owner": owner_name, "target": target, "found": Message("kind." + found.replace(" ", "-")),
                "wanted": wanted}), loc)


def check_dots(project: Project) -> None:
    """No one has given more dots than each person has (the votes are a short list)."""
    create = project.create
    given: dict[str, int] = {}
    for vote in create.votes:
        given[vote.voter] = given.get(vote.voter, 0) + vote.dots
        if given[vote.voter] > create.dots_per_person:
            raise IndexProblem(Message("link.too_many_dots", {
                "voter": vote.voter, "dots": given[vote.voter], "per_person": create.dots_per_person}),
                ("create", "votes", item_key(vote), "dots"))


def check_milestones(project: Project) -> None:
    """The milestones' order after an edit of them: no circle of dependencies, none dated before
    one it depends on (``model.milestone_rules``)."""
    from borgerspil_tui.core.model.milestone_rules import milestone_problems

    milestones = project.insist.milestones
    for (index, field, j), message in milestone_problems(milestones):
        where = ("insist", "milestones", milestones[index].id, field)
        raise IndexProblem(message, where if j is None else (*where, j))


def ids_in(item: BaseModel) -> set[str]:
    """The ids of ``item`` and of every item inside it."""
    return {sub.id for _, sub, _ in _items_in(item, (), "", top=True)}


def _owner(model: BaseModel) -> Message:
    name = type(model).__name__
    if name == "Vote":
        return Message("link.owner_vote", {"voter": model.voter})
    if name == "Insist":
        return Message("link.owner_insist")
    if name in ("ActivityLog", "TimerState"):
        kind = "activity-log" if name == "ActivityLog" else "timer"
        return Message("link.owner", {"kind": Message(f"owner.{kind}"), "id": model.activity})
    if name == "RoundTotal":
        return Message("link.owner", {"kind": Message("owner.vote-round"), "id": model.idea})
    kind = {"WhatIf": "what-if", "PrototypeTest": "test", "SuccesRating": "concept", "VoteRound": "vote-round", "PostIt": "post-it",
            "TreeNode": "cause"}.get(name, name.lower())
    return Message("link.owner", {"kind": Message(f"owner.{kind}"), "id": getattr(model, "id", "")})


def _items_in(model: BaseModel, at: Path, kind: str | None, *, top: bool = False) -> Iterator[tuple[str, BaseModel, Path]]:
    """Every item with an id in ``model`` (and ``model`` itself when ``top``), with its kind and list."""
    if top and hasattr(model, "id") and isinstance(getattr(model, "id"), str):
        yield kind or "", model, at
        at = (*at, model.id)
    for name in type(model).__pydantic_fields__:  # model_fields, without its descriptor's cost
        value = getattr(model, name)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel) and hasattr(value[0], "id"):
            if type(model).__name__ == "TreeNode":
                sub_kind = kind or ""
            else:
                sub_kind = KIND_OF_LIST.get((type(model).__name__, name), "")
            for item in value:
                yield from _items_in(item, (*at, name), sub_kind, top=True)
        elif isinstance(value, BaseModel):
            yield from _items_in(value, (*at, name), kind)


def _models_in(value: Any, loc: Path) -> Iterator[tuple[BaseModel, Path]]:
    """Every model in ``value`` (a model, or lists and maps of them), with where it is."""
    if isinstance(value, BaseModel):
        yield value, loc
        for name in type(value).__pydantic_fields__:
            yield from _models_in(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, BaseModel):
                yield from _models_in(item, (*loc, item_key(item)))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _models_in(item, (*loc, key))
