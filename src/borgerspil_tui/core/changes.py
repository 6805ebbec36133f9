"""The change model: what one edit did to a project, small enough to store, invert and show.

An edit is a :class:`ChangeSet`: a label and a tuple of atomic changes. Each change names where
it happened by a **path** of keys, never by a copy of the project:

- a field of the project or of a part: ``("title",)``, ``("create", "dots_per_person")``;
- an item in a list, by its key (its id; a vote by ``voter+idea``; a value goal by its kind …):
  ``("create", "ideas", "idea-k3x9fa", "title")``; a problem-tree node through its ancestors:
  ``("focus", "causes", "node-a", "children", "node-b", "text")``;
- a key of a map (answers, weights, scores): ``("create", "ideas", "idea-k3x9fa", "scores", "importance")``.

Values are plain data (what ``model_dump`` gives), so a change holds what it changed and nothing
else. Every change carries both sides, so it inverts without looking at the project; the same
changes, found by :func:`borgerspil_tui.core.change_diff.diff`, are what a merge combines.
No Textual here, and no project is read: see ``change_apply`` for applying them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Union

from pydantic import BaseModel

from borgerspil_tui.core.i18n import Label

Path = tuple[str, ...]
"""Where a change happened: field names, item keys and map keys from the project down."""


class _Missing:
    """The value of a map key that is not there (before it was set, or after it was removed)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __reduce__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""A map key that is absent: ``SetValue(path, old=MISSING, new=5)`` adds the key."""


@dataclass(frozen=True, slots=True)
class SetValue:
    """A field of an item, or one key of a map, went from ``old`` to ``new`` (MISSING: absent)."""

    path: Path
    old: Any
    new: Any

    def inverted(self) -> SetValue:
        """The change that undoes this one."""
        return SetValue(self.path, self.new, self.old)


@dataclass(frozen=True, slots=True)
class AddItem:
    """``item`` (plain data) was put in the list at ``at``, at position ``index``."""

    at: Path
    index: int
    item: dict[str, Any]

    @property
    def key(self) -> str:
        """The new item's key in its list."""
        return data_key(self.item)

    def inverted(self) -> RemoveItem:
        """The change that undoes this one."""
        return RemoveItem(self.at, self.index, self.item)


@dataclass(frozen=True, slots=True)
class RemoveItem:
    """The item ``item`` (plain data, all of it) was taken out of the list at ``at``, from ``index``."""

    at: Path
    index: int
    item: dict[str, Any]

    @property
    def key(self) -> str:
        """The removed item's key in its list."""
        return data_key(self.item)

    def inverted(self) -> AddItem:
        """The change that undoes this one."""
        return AddItem(self.at, self.index, self.item)


@dataclass(frozen=True, slots=True)
class MoveItem:
    """The item ``key`` moved from position ``source_index`` of the list ``source`` to position
    ``target_index`` of the list ``target`` (the same list, or another: a problem-tree node
    that changes parent). ``target_index`` counts after the item has left its old place."""

    key: str
    source: Path
    source_index: int
    target: Path
    target_index: int

    def inverted(self) -> MoveItem:
        """The change that undoes this one."""
        return MoveItem(self.key, self.target, self.target_index, self.source, self.source_index)


Change = Union[SetValue, AddItem, RemoveItem, MoveItem]
"""One atomic change."""


@dataclass(frozen=True)
class ChangeSet:
    """One edit as the user made it: a label ("Score: Vigtighed") and its atomic changes, in order.
    The label is a Message said in the app's language when the step is undone (or plain text)."""

    label: Label
    changes: tuple[Change, ...]
    merge_key: str | None = field(default=None, compare=False)
    """Edits with the same key in a row (typing in one field) are one undo step."""

    def inverted(self) -> ChangeSet:
        """The edit that undoes this one: each change inverted, in reverse order."""
        return ChangeSet(self.label, tuple(change.inverted() for change in reversed(self.changes)))

    def __bool__(self) -> bool:
        return bool(self.changes)

    def paths(self) -> Iterable[Path]:
        """Every path this edit touched (a list's path for adds, removes and moves)."""
        for change in self.changes:
            if isinstance(change, SetValue):
                yield change.path
            elif isinstance(change, MoveItem):
                yield change.source
                yield change.target
            else:
                yield change.at

    def items_touched(self, at: Path) -> set[str] | None:
        """The keys of the items in the list ``at`` that this edit changed, or None when it
        added, removed or moved items there or changed the list some other way (redraw it all)."""
        keys: set[str] = set()
        depth = len(at)
        for path in self.paths():
            if path[:depth] != at:
                if at[:len(path)] == path:
                    return None  # the list itself, or something holding it, was replaced
                continue
            if len(path) == depth:
                return None  # an item added, removed or moved here
            keys.add(path[depth])
        return keys


def merged(earlier: ChangeSet, later: ChangeSet) -> ChangeSet | None:
    """One step for two edits in a row that set the same fields (typing): the first ``old`` and
    the last ``new`` of each. None when they are not such a pair (then they stay two steps)."""
    if earlier.merge_key is None or earlier.merge_key != later.merge_key:
        return None
    if not all(isinstance(c, SetValue) for c in (*earlier.changes, *later.changes)):
        return None
    first = {c.path: c for c in earlier.changes}
    if [c.path for c in later.changes] != list(first):
        return None  # different fields: different steps, even with one merge key
    changes = tuple(SetValue(c.path, first[c.path].old, c.new) for c in later.changes)
    return ChangeSet(later.label, changes, later.merge_key)


# -- keys and plain data ------------------------------------------------------------------------
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "Vote": ("voter", "idea"),
    "ValueGoal": ("kind",),
    "BottomLine": ("line",),
    "ProcessRow": ("phase",),
    "ActivityLog": ("activity",),
    "RoundTotal": ("idea",),
}
"""Items without an id, and the fields that name them in their list (joined by ``+``)."""


def item_key(item: Any) -> str:
    """The key of a list item: its id, or its naming fields (see :data:`KEY_FIELDS`)."""
    found = getattr(item, "id", None)
    if found is not None:
        return found
    names = KEY_FIELDS.get(type(item).__name__)
    if names is None:
        raise TypeError(f"{type(item).__name__} has no key")
    return "+".join(str(getattr(item, name)) for name in names)


def data_key(data: dict[str, Any]) -> str:
    """The key of an item given as plain data."""
    if "id" in data:
        return data["id"]
    for names in KEY_FIELDS.values():
        if all(name in data for name in names):
            return "+".join(str(data[name]) for name in names)
    raise KeyError("item without a key")


def is_keyed_list(value: Any) -> bool:
    """Whether ``value`` is a list whose items have keys (a list of items, not of texts or ids)."""
    return isinstance(value, list) and bool(value) and isinstance(value[0], BaseModel)


def plain(value: Any) -> Any:
    """``value`` as plain data that shares nothing with the project (so a stored change stays as it was)."""
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def show_path(path: Path) -> str:
    """A path as one line for logs and conflict lists: ``create.ideas[idea-x].title``."""
    return ".".join(path)
