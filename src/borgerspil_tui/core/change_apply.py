"""Applying changes (core/changes) to a project in place, checking each value it sets.

:class:`ProjectEditor` owns the project while it is edited. It finds items by key through a
position cache (an edit in a list of 5,000 ideas does not scan it), checks every value it puts
in the project against the model's field type (the value only, never the whole project), and
keeps a **snapshot** untouched on request: while a save reads a snapshot in another thread,
the next changes copy what they change instead of changing it (copy on write), so the save sees
one consistent project and the user keeps editing. No Textual here.
"""

from __future__ import annotations

import typing
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from borgerspil_tui.core.changes import (
    MISSING,
    AddItem,
    Change,
    MoveItem,
    Path,
    RemoveItem,
    SetValue,
    item_key,
)
from borgerspil_tui.core.model import Project

_POSITION_CACHE_SIZE = 512
_SHIFT_LIMIT = 256
"""Inserts and removals a list's position cache follows before it is built again."""


class ChangeFailed(Exception):
    """A change could not be applied: its path leads nowhere, or its value is not allowed.

    ``error`` is pydantic's error for a refused value (the session words it in the user's
    language); ``loc`` is where, ``model`` the class of the item the field belongs to.
    """

    def __init__(self, reason: str, *, loc: tuple[str | int, ...] = (), model: str = "",
                 error: ValidationError | None = None) -> None:
        super().__init__(reason)
        self.loc = loc
        self.model = model
        self.error = error


# -- field types, read once from the model ------------------------------------------------------
def _annotation(cls: type[BaseModel], name: str) -> Any:
    info = cls.model_fields.get(name)
    if info is None:
        raise ChangeFailed(f"{cls.__name__} has no field {name!r}")
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


@lru_cache(maxsize=None)
def field_adapter(cls: type[BaseModel], name: str) -> TypeAdapter:
    """Checks a value for one field of ``cls``."""
    return TypeAdapter(_annotation(cls, name))


def _container_args(cls: type[BaseModel], name: str) -> tuple[Any, ...]:
    annotation = cls.model_fields[name].annotation
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return typing.get_args(annotation)


@lru_cache(maxsize=None)
def item_class(cls: type[BaseModel], name: str) -> type[BaseModel]:
    """The class of the items in the list field ``name`` of ``cls`` (``Idea`` for ``Create.ideas``)."""
    return _container_args(cls, name)[0]


@lru_cache(maxsize=None)
def model_adapter(cls: type[BaseModel]) -> TypeAdapter:
    """Checks a whole item of class ``cls`` given as plain data."""
    return TypeAdapter(cls)


@lru_cache(maxsize=None)
def map_adapters(cls: type[BaseModel], name: str) -> tuple[TypeAdapter, TypeAdapter]:
    """Checks a key and a value of the map field ``name`` of ``cls``."""
    key_type, value_type = _container_args(cls, name)
    return TypeAdapter(key_type), TypeAdapter(value_type)


# -- the editor ---------------------------------------------------------------------------------
class _Positions:
    """Where each item of one list is, by key, followed through inserts and removals (an insert
    or a removal in a list of 5,000 ideas does not make the next look-up read them all again)."""

    __slots__ = ("items", "at", "seen", "shifts")

    def __init__(self, items: list[Any], at: dict[str, int] | None = None) -> None:
        self.items = items
        self.at = {item_key(item): index for index, item in enumerate(items)} if at is None else at
        """Each key's position, as it was after the first ``seen[key]`` (default 0) shifts."""
        self.seen: dict[str, int] = {}
        self.shifts: list[tuple[int, int]] = []
        """Inserts (+1) and removals (-1) since the positions were read, with where they happened."""

    def usable(self, items: list[Any]) -> bool:
        """Whether this cache is of ``items`` and may be trusted (it holds as many keys as there
        are items, so a key it does not hold is not there)."""
        return self.items is items and len(self.at) == len(items) and len(self.shifts) <= _SHIFT_LIMIT

    def find(self, key: str) -> int | None:
        """Where ``key`` is now, or None when it is not in the list."""
        found = self.at.get(key)
        if found is None:
            return None
        done = self.seen.get(key, 0)
        if done < len(self.shifts):
            for index, delta in self.shifts[done:]:
                if found > index or (delta > 0 and found == index):
                    found += delta
            self.at[key] = found
            self.seen[key] = len(self.shifts)
        return found

    def inserted(self, key: str, index: int) -> None:
        """``key`` was put at ``index``."""
        if index < len(self.items) - 1:  # not at the end: the items after it moved up one
            self.shifts.append((index, 1))
        self.at[key] = index
        self.seen[key] = len(self.shifts)

    def removed(self, key: str, index: int) -> None:
        """``key`` was taken out of ``index``."""
        if index < len(self.items):  # not the last: the items after it moved down one
            self.shifts.append((index, -1))
        self.at.pop(key, None)
        self.seen.pop(key, None)

    def copy_for(self, items: list[Any]) -> _Positions | None:
        """The same positions for a copy of the list (None when shifts would have to be followed)."""
        return None if self.shifts else _Positions(items, dict(self.at))


class ProjectEditor:
    """A project being edited: finds items by key quickly, applies changes, keeps snapshots whole."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._positions: dict[int, _Positions] = {}
        self._fresh: dict[int, Any] | None = None
        """While a snapshot is out: the containers copied since (ours to change), by id."""

    # -- snapshots ------------------------------------------------------------------------------
    def snapshot(self) -> Project:
        """The project as it is now, kept exactly so until :meth:`release` (a save reads it)."""
        self._fresh = {}
        return self.project

    def release(self) -> None:
        """The snapshot is no longer read: changes go in place again."""
        self._fresh = None

    @property
    def sharing(self) -> bool:
        """Whether a snapshot is out (changes copy what they touch)."""
        return self._fresh is not None

    def _own(self, value: Any) -> Any:
        """``value`` itself when it is ours to change, else a shallow copy that is."""
        fresh = self._fresh
        if fresh is None or id(value) in fresh:
            return value
        if isinstance(value, BaseModel):
            copy = value.model_copy()
        elif isinstance(value, list):
            copy = list(value)
            cached = self._positions.get(id(value))
            carried = cached.copy_for(copy) if cached is not None and cached.usable(value) else None
            if carried is not None:
                self._positions[id(copy)] = carried
        elif isinstance(value, dict):
            copy = dict(value)
        else:
            return value
        fresh[id(copy)] = copy
        return copy

    # -- finding things -------------------------------------------------------------------------
    def position(self, items: list[Any], key: str, hint: int = -1) -> int:
        """Where the item ``key`` is in ``items`` (KeyError when it is not there)."""
        if 0 <= hint < len(items) and item_key(items[hint]) == key:
            return hint
        cached = self._positions.get(id(items))
        if cached is not None and cached.usable(items):
            found = cached.find(key)
            if found is None:
                raise KeyError(key)
            if found < len(items) and item_key(items[found]) == key:
                return found
        if len(self._positions) > _POSITION_CACHE_SIZE:
            self._positions.clear()
        cached = self._positions[id(items)] = _Positions(items)
        found = cached.at.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def _forget(self, items: list[Any]) -> None:
        self._positions.pop(id(items), None)

    def _shifted(self, items: list[Any], key: str, index: int, delta: int) -> None:
        """``key`` was inserted at (``delta`` 1) or removed from (-1) ``index`` of ``items``:
        the position cache follows (or is dropped when it cannot)."""
        cached = self._positions.get(id(items))
        if cached is None:
            return
        if cached.items is not items or len(cached.at) != len(items) - delta or len(cached.shifts) > _SHIFT_LIMIT:
            self._forget(items)
        elif delta > 0:
            cached.inserted(key, index)
        else:
            cached.removed(key, index)

    def _child(self, parent: Any, part: str) -> Any:
        if isinstance(parent, BaseModel):
            if part not in type(parent).__pydantic_fields__:  # model_fields is a slower descriptor
                raise KeyError(part)
            return getattr(parent, part)
        if isinstance(parent, list):
            return parent[self.position(parent, part)]
        if isinstance(parent, dict):
            return parent[part]
        raise KeyError(part)

    def _replace_child(self, parent: Any, part: str, value: Any) -> None:
        if isinstance(parent, BaseModel):
            parent.__dict__[part] = value
        elif isinstance(parent, list):
            parent[self.position(parent, part)] = value
        else:
            parent[part] = value

    def get(self, path: Path) -> Any:
        """What is at ``path`` now (KeyError when nothing is)."""
        here: Any = self.project
        for part in path:
            here = self._child(here, part)
        return here

    def _walk(self, path: Path) -> list[Any]:
        """The objects along ``path`` from the project down, each ours to change (copied first
        while a snapshot is out)."""
        if self._fresh is not None:
            self.project = self._own(self.project)
        chain: list[Any] = [self.project]
        for part in path:
            child = self._child(chain[-1], part)
            if self._fresh is not None and isinstance(child, (BaseModel, list, dict)) and id(child) not in self._fresh:
                copy = self._own(child)
                self._replace_child(chain[-1], part, copy)  # the same key in the same place
                child = copy
            chain.append(child)
        return chain

    # -- applying -------------------------------------------------------------------------------
    def apply(self, change: Change) -> Any:
        """Apply one change; return the object it put in the project (the value set, the item
        added or moved), for the checks that follow. Raises :class:`ChangeFailed`."""
        try:
            if isinstance(change, SetValue):
                return self._set(change)
            if isinstance(change, AddItem):
                return self._add(change)
            if isinstance(change, RemoveItem):
                return self._remove(change)
            return self._move(change)
        except (KeyError, IndexError, TypeError) as error:
            raise ChangeFailed(f"no such place: {'.'.join(getattr(change, 'path', ()) or ())} ({error})") from None

    def _set(self, change: SetValue) -> Any:
        *_, parent = chain = self._walk(change.path[:-1])
        name = change.path[-1]
        if isinstance(parent, BaseModel):
            if change.new is MISSING:
                raise ChangeFailed(f"a field cannot be removed: {name}")
            value = _checked(field_adapter(type(parent), name), change.new, (name,), type(parent).__name__)
            parent.__dict__[name] = value
            parent.__pydantic_fields_set__.add(name)
            return value
        if isinstance(parent, dict):
            owner, field = chain[-2], change.path[-2]
            key_adapter, value_adapter = map_adapters(type(owner), field)
            if change.new is MISSING:
                parent.pop(name, None)
                return None
            _checked(key_adapter, name, (field, name), type(owner).__name__)
            value = _checked(value_adapter, change.new, (field, name), type(owner).__name__)
            parent[name] = value
            return value
        if isinstance(parent, list):  # a whole item replaced
            owner, field = chain[-2], change.path[-2]
            value = _checked(model_adapter(item_class(type(owner), field)), change.new, (field,), type(owner).__name__)
            parent[self.position(parent, name)] = value
            self._forget(parent)
            return value
        raise ChangeFailed(f"cannot set {name!r} here")

    def _add(self, change: AddItem) -> Any:
        *_, owner, items = self._walk(change.at)
        cls = item_class(type(owner), change.at[-1])
        item = _checked(model_adapter(cls), change.item, (change.at[-1],), type(owner).__name__)
        key = item_key(item)
        try:
            self.position(items, key)
        except KeyError:
            pass
        else:
            raise ChangeFailed(f"{key} is already in {change.at[-1]}")
        index = max(0, min(change.index, len(items)))
        items.insert(index, item)
        self._shifted(items, key, index, 1)
        return item

    def _remove(self, change: RemoveItem) -> Any:
        items = self._walk(change.at)[-1]
        index = self.position(items, change.key, change.index)
        removed = items.pop(index)
        self._shifted(items, change.key, index, -1)
        return removed

    def _move(self, change: MoveItem) -> Any:
        source = self._walk(change.source)[-1]
        index = self.position(source, change.key, change.source_index)
        item = source.pop(index)
        self._shifted(source, change.key, index, -1)
        try:
            target = self._walk(change.target)[-1]
        except (KeyError, IndexError):
            source.insert(index, item)  # the target was inside the item itself (a loop): put it back
            self._shifted(source, change.key, index, 1)
            raise ChangeFailed(f"cannot move {change.key} into itself") from None
        where = max(0, min(change.target_index, len(target)))
        target.insert(where, item)
        self._shifted(target, change.key, where, 1)
        return item


def _checked(adapter: TypeAdapter, value: Any, loc: tuple[str | int, ...], model: str) -> Any:
    if value is MISSING:
        raise ChangeFailed("a value is missing", loc=loc, model=model)
    try:
        return adapter.validate_python(value)
    except ValidationError as error:
        raise ChangeFailed("refused", loc=loc, model=model, error=error) from None
