"""Edits as the user means them (set this field, add that idea, delete this cause) turned into
changes (core/changes) that touch only what they change.

:class:`EditBuilder` reads the project only where the edit is (the item, its list) and, for a
deletion, the fields that can link to what is deleted. The session applies what it builds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from borgerspil_tui.core.change_apply import ProjectEditor
from borgerspil_tui.core.changes import MISSING, AddItem, Change, MoveItem, Path, RemoveItem, SetValue, item_key, plain
from borgerspil_tui.core.item_index import ItemIndex
from borgerspil_tui.core.model import Project


VOTES: Path = ("create", "votes")


class EditBuilder:
    """Builds the changes for one edit from the project as it is now."""

    def __init__(self, editor: ProjectEditor, index: ItemIndex) -> None:
        self._editor = editor
        self._index = index

    @property
    def project(self) -> Project:
        """The project as it is now."""
        return self._editor.project

    def path_of(self, item_id: str) -> Path:
        """The path of the item with this id (KeyError when there is none)."""
        return self._index.path(item_id)

    def get(self, path: Path, default: Any = MISSING) -> Any:
        """What is at ``path`` now, or ``default``."""
        try:
            return self._editor.get(path)
        except (KeyError, IndexError):
            return default

    # -- values ---------------------------------------------------------------------------------
    def set(self, path: Path, value: Any) -> list[Change]:
        """Set a field, or a key of a map (``MISSING`` removes the key)."""
        old = self.get(path)
        new = plain(value)
        if plain(old) == new:
            return []
        return [SetValue(path, plain(old), new)]

    def set_fields(self, path: Path, **values: Any) -> list[Change]:
        """Set several fields of the item at ``path``."""
        return [change for name, value in values.items() for change in self.set((*path, name), value)]

    # -- items ----------------------------------------------------------------------------------
    def add(self, at: Path, item: BaseModel, index: int | None = None) -> list[Change]:
        """Put a new item in the list at ``at`` (at the end unless ``index``)."""
        size = len(self._editor.get(at))
        return [AddItem(at, size if index is None else max(0, min(index, size)), item.model_dump())]

    def remove(self, path: Path) -> list[Change]:
        """Take out the item at ``path`` and every link to it (and to the items inside it)."""
        at, key = path[:-1], path[-1]
        items = self._editor.get(at)
        index = self._editor.position(items, key)
        item = items[index]
        gone = {sub.id for sub in _with_ids(item)}
        return [RemoveItem(at, index, plain(item)), *self.unlink(gone, skip=path)]

    def move(self, path: Path, delta: int) -> list[Change]:
        """Move the item at ``path`` ``delta`` places in its list (nothing at the edge)."""
        at, key = path[:-1], path[-1]
        items = self._editor.get(at)
        index = self._editor.position(items, key)
        target = max(0, min(len(items) - 1, index + delta))
        return [] if target == index else [MoveItem(key, at, index, at, target)]

    def move_to(self, path: Path, target: Path, index: int | None = None) -> list[Change]:
        """Move the item at ``path`` into the list ``target`` (at the end unless ``index``)."""
        at, key = path[:-1], path[-1]
        source_index = self._editor.position(self._editor.get(at), key)
        size = len(self._editor.get(target)) - (1 if target == at else 0)
        where = size if index is None else max(0, min(index, size))
        if target == at and where == source_index:
            return []
        return [MoveItem(key, at, source_index, target, where)]

    # -- links ----------------------------------------------------------------------------------
    def unlink(self, gone: set[str], skip: Path = ()) -> list[Change]:
        """The changes that remove every link to the ids in ``gone`` (votes for or by them go)."""
        if not gone:
            return []
        fields: set[Path] = set()
        votes = False
        for target in gone:  # the link fields that hold them, by the item index (not by reading all)
            for path in self._index.links.linking(self.project, target):
                if skip and path[:len(skip)] == skip:
                    continue
                if path[:2] == VOTES:
                    votes = True
                else:
                    fields.add(path)
        changes: list[Change] = []
        whole = {path for path in fields if _goes_whole(path)}  # a log entry or timer of an activity
        entries: list[tuple[Path, int]] = []
        for path in sorted(whole):
            if path[-2] == "timer":
                changes.append(SetValue(path[:-1], plain(self._editor.get(path[:-1])), None))
            else:
                entries.append((path[:-2], self._editor.position(self._editor.get(path[:-2]), path[-2])))
        for at, index in sorted(entries, key=lambda e: (e[0], -e[1])):  # last first in each log
            changes.append(RemoveItem(at, index, plain(self._editor.get(at)[index])))
        fields -= whole
        for path in sorted(fields):
            value = self._editor.get(path)
            if isinstance(value, list):
                kept = [v for v in value if v not in gone]
                if len(kept) != len(value):
                    changes.append(SetValue(path, list(value), kept))
            elif value in gone:
                changes.append(SetValue(path, value, None))
        if votes:  # a short list: the votes for or by them go, last first
            items = self.project.create.votes
            for index in range(len(items) - 1, -1, -1):
                vote = items[index]
                if vote.voter in gone or vote.idea in gone:
                    changes.append(RemoveItem(VOTES, index, plain(vote)))
        return changes


def _goes_whole(path: Path) -> bool:
    """Whether the link at ``path`` takes its item with it (``model.workshop.GOES_WITH_LINK``): a
    workshop's log entry or timer names one activity and goes when that activity does; a voting
    round's total goes with its idea."""
    if not path or path[0] != "workshops":
        return False
    return len(path) == 5 and path[-1] == "activity" and path[2] in ("log", "timer") \
        or len(path) == 4 and path[2:] == ("timer", "activity") \
        or len(path) == 7 and path[2] == "rounds" and path[4:5] == ("totals",) and path[-1] == "idea"


def _with_ids(item: BaseModel) -> Iterator[BaseModel]:
    """``item`` and every item inside it that has an id."""
    if isinstance(getattr(item, "id", None), str):
        yield item
    for name in type(item).model_fields:
        value = getattr(item, name)
        if isinstance(value, list):
            for sub in value:
                if isinstance(sub, BaseModel):
                    yield from _with_ids(sub)


__all__ = ["EditBuilder", "item_key"]
