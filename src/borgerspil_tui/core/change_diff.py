"""The changes that turn one project into another, found by comparing them item by item.

Items are matched by key (id), never by position: an idea that moved is a move, an idea edited
is a change of its fields. Used where two whole versions meet (a reload, a rescue copy brought
in, and the merge of two people's edits), never for an edit the user makes in the app: those
say what they change (core/edits).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from borgerspil_tui.core.changes import MISSING, AddItem, Change, MoveItem, Path, RemoveItem, SetValue, item_key, plain


def diff(old: BaseModel, new: BaseModel, at: Path = ()) -> list[Change]:
    """The changes that make ``old`` equal to ``new`` when applied in order."""
    changes: list[Change] = []
    _diff_model(old, new, at, changes)
    # Removals first: a problem-tree node that changed parent leaves its old place before it
    # arrives at the new one (an id is never in two places). Each list keeps its own order.
    return [c for c in changes if isinstance(c, RemoveItem)] + [c for c in changes if not isinstance(c, RemoveItem)]


def _diff_model(old: BaseModel, new: BaseModel, at: Path, out: list[Change]) -> None:
    for name in type(old).model_fields:
        _diff_value(getattr(old, name), getattr(new, name), (*at, name), out)


def _diff_value(old: Any, new: Any, at: Path, out: list[Change]) -> None:
    if old is new:
        return
    if isinstance(old, BaseModel) and type(old) is type(new):
        _diff_model(old, new, at, out)
    elif _keyed(old) and _keyed(new):
        _diff_list(old, new, at, out)
    elif isinstance(old, dict) and isinstance(new, dict):
        _diff_map(old, new, at, out)
    elif old != new:
        out.append(SetValue(at, plain(old), plain(new)))


def _keyed(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, BaseModel) for item in value) and (
        not value or _has_key(value[0]))


def _has_key(item: BaseModel) -> bool:
    try:
        item_key(item)
    except TypeError:
        return False
    return True


def _diff_map(old: dict[str, Any], new: dict[str, Any], at: Path, out: list[Change]) -> None:
    for key, value in old.items():
        if key not in new:
            out.append(SetValue((*at, key), plain(value), MISSING))
        elif isinstance(value, BaseModel) and type(value) is type(new[key]):
            _diff_model(value, new[key], (*at, key), out)
        elif value != new[key]:
            out.append(SetValue((*at, key), plain(value), plain(new[key])))
    for key, value in new.items():
        if key not in old:
            out.append(SetValue((*at, key), MISSING, plain(value)))


def _diff_list(old: list[BaseModel], new: list[BaseModel], at: Path, out: list[Change]) -> None:
    new_by_key = {item_key(item): item for item in new}
    current = [item_key(item) for item in old]
    for index in range(len(old) - 1, -1, -1):  # from the end, so each index is still right
        if current[index] not in new_by_key:
            out.append(RemoveItem(at, index, plain(old[index])))
            del current[index]
    old_by_key = {item_key(item): item for item in old}
    for index, item in enumerate(new):
        key = item_key(item)
        if index < len(current) and current[index] == key:
            continue
        if key in old_by_key:
            source = current.index(key)
            out.append(MoveItem(key, at, source, at, index))
            current.insert(index, current.pop(source))
        else:
            out.append(AddItem(at, index, plain(item)))
            current.insert(index, key)
    for key, item in new_by_key.items():
        if key in old_by_key:
            _diff_value(old_by_key[key], item, (*at, key), out)
