"""Who links to an item: for every id, the link fields that hold it.

A deletion asks which fields link to what it deletes (to take those links out in the same step)
and then checks that none is left. Reading every link in the project for that costs what the
project costs (5,000 ideas each with its ``inspired_by``); this index answers by id. It is built
the first time it is asked (opening a project does not pay for it) and from then on kept up to
date by :class:`borgerspil_tui.core.item_index.ItemIndex` as each change is applied.
No Textual here.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from borgerspil_tui.core.changes import Path, item_key


class LinkIndex:
    """For every item id, the paths of the link fields that hold it (``("create", "ideas",
    "idea-x", "inspired_by")``; a vote's ``("create", "votes", "voter+idea", "idea")``)."""

    def __init__(self, link_fields: typing.Iterable[tuple[str, str]]) -> None:
        self._names: dict[str, tuple[str, ...]] = {}
        for cls, name in link_fields:
            self._names[cls] = (*self._names.get(cls, ()), name)
        self._below: dict[type, tuple[str, ...]] = {}
        self._to: dict[str, dict[Path, int]] | None = None
        """For each id: the link fields that hold it, each with how many times (a list of votes
        may hold the same vote twice)."""

    @property
    def built(self) -> bool:
        """Whether the index has been built (before that, changes need not be told to it)."""
        return self._to is not None

    def linking(self, project: BaseModel, target: str) -> list[Path]:
        """The link fields that hold ``target`` now, in path order (the index is built from
        ``project`` the first time)."""
        if self._to is None:
            self._to = {}
            self._add(self._walk(project, ()))
        return sorted(self._to.get(target, ()))

    # -- kept up to date ------------------------------------------------------------------------
    def added(self, value: Any, path: Path, owner: BaseModel | None = None) -> None:
        """``value`` was put at ``path`` (an item added or moved there, or a value set in a field
        of ``owner``): its links are counted."""
        if self._to is not None:
            self._add(self._links(value, path, owner))

    def removed(self, value: Any, path: Path, owner: BaseModel | None = None) -> None:
        """``value`` left ``path``: its links are no longer counted."""
        links = self._to
        if links is None:
            return
        for at, target in self._links(value, path, owner):
            paths = links.get(target)
            if paths is not None and at in paths:
                paths[at] -= 1
                if not paths[at]:
                    del paths[at]
                    if not paths:
                        del links[target]

    def _add(self, found: Iterator[tuple[Path, str]]) -> None:
        links = self._to
        assert links is not None
        for at, target in found:
            paths = links.get(target)
            if paths is None:
                links[target] = {at: 1}
            else:
                paths[at] = paths.get(at, 0) + 1

    # -- finding links --------------------------------------------------------------------------
    def _links(self, value: Any, path: Path, owner: BaseModel | None) -> Iterator[tuple[Path, str]]:
        if owner is not None and path and path[-1] in self._names.get(type(owner).__name__, ()):
            return _targets(path, value)
        return self._walk(value, path)

    def _walk(self, value: Any, path: Path) -> Iterator[tuple[Path, str]]:
        """Every link in ``value`` (at ``path``) as (the link field's path, the id it holds)."""
        if isinstance(value, BaseModel):
            cls = type(value)
            for name in self._names.get(cls.__name__, ()):
                yield from _targets((*path, name), getattr(value, name))
            for name in self._holders(cls):
                yield from self._walk(getattr(value, name), (*path, name))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    yield from self._walk(item, (*path, item_key(item)))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from self._walk(item, (*path, key))

    def _holders(self, cls: type) -> tuple[str, ...]:
        """The fields of ``cls`` that hold models with links (directly or further down)."""
        found = self._below.get(cls)
        if found is None:
            self._below[cls] = ()  # while looking: a tree node holds tree nodes
            found = tuple(
                name for name, info in cls.model_fields.items()
                if any(model.__name__ in self._names or self._holders(model) for model in _models_of(info.annotation)))
            self._below[cls] = found
        return found


def _targets(path: Path, value: Any) -> Iterator[tuple[Path, str]]:
    for target in value if isinstance(value, list) else (value,):
        if isinstance(target, str):
            yield path, target


def _models_of(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes a field's type names (``list[Idea]`` → Idea)."""
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _models_of(arg)
