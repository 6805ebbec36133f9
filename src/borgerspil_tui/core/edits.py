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
        changes: list[Change] = []
        for path, value in _links(self.project):
            if skip and path[:len(skip)] == skip:
                continue
            if isinstance(value, list):
                kept = [v for v in value if v not in gone]
                if len(kept) != len(value):
                    changes.append(SetValue(path, list(value), kept))
            elif value in gone:
                changes.append(SetValue(path, value, None))
        votes = self.project.create.votes
        for index in range(len(votes) - 1, -1, -1):
            vote = votes[index]
            if vote.voter in gone or vote.idea in gone:
                changes.append(RemoveItem(("create", "votes"), index, plain(vote)))
        return changes


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


def _links(project: Project) -> Iterator[tuple[Path, Any]]:
    """Every field that can hold links (not votes), with its path and value."""
    for insight in project.experience.insights:
        at = ("experience", "insights", insight.id)
        yield (*at, "observations"), insight.observations
        yield (*at, "supports"), insight.supports
        yield (*at, "contradicts"), insight.contradicts
    create = project.create
    for what_if in create.what_ifs:
        yield ("create", "what_ifs", what_if.id, "insight"), what_if.insight
    for idea in create.ideas:
        yield ("create", "ideas", idea.id, "inspired_by"), idea.inspired_by
    for concept in create.concepts:
        at = ("create", "concepts", concept.id)
        yield (*at, "target_groups"), concept.target_groups
        yield (*at, "ideas"), concept.ideas
        for test in concept.tests:
            yield (*at, "tests", test.id, "target_group"), test.target_group
        for criterion, rating in concept.succes.items():
            yield (*at, "succes", criterion, "quote_from"), rating.quote_from
    yield ("insist", "concept"), project.insist.concept
    for milestone in project.insist.milestones:
        yield ("insist", "milestones", milestone.id, "depends_on"), milestone.depends_on


__all__ = ["EditBuilder", "item_key"]
