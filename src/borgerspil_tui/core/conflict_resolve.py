"""Resolving a conflict a merge recorded (core/model/conflicts): the changes that put the chosen
side in the project and take the conflict out of ``project.conflicts``, as one edit.

``resolve`` builds the changes with the session's :class:`~borgerspil_tui.core.edits.EditBuilder`,
so the Konflikter screen (or a test) applies them as one undoable step. ``conflict_choices`` says
which choices make sense for a conflict, ``describe_side`` (core/conflict_sides) shows a side
as readable text.
No Textual here.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from borgerspil_tui.core.change_apply import field_adapter, map_adapters
from borgerspil_tui.core.changes import MISSING, Change, Path, plain
from borgerspil_tui.core.conflict_sides import describe_side, side_value
from borgerspil_tui.core.edits import EditBuilder
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model.conflicts import Conflict

Choice = Literal["ours", "theirs", "edit", "both"]

TREE_BRANCHES = ("causes", "consequences")
"""The problem tree's branches: a node in ``where`` is named by its branch and id alone."""


class Unresolvable(ValueError):
    """A choice that does not fit the conflict (``both`` for a number, ``edit`` for a deleted item,
    a place under the node itself). ``key``: the UI text that says why."""

    def __init__(self, choice: str, key: str = "conflicts.not_here") -> None:
        super().__init__(choice)
        self.key = key


def conflict_choices(conflict: Conflict) -> list[str]:
    """The choices that make sense: ours and theirs always, edit for texts and values, both for
    texts and lists."""
    choices = ["ours", "theirs"]
    if conflict.kind in ("text", "value"):
        choices.append("edit")
    if conflict.kind == "text" or (conflict.kind == "value" and _is_list(conflict)):
        choices.append("both")
    return choices


def _is_list(conflict: Conflict) -> bool:
    sides = [side_value(text) for text in (conflict.ours, conflict.theirs) if text is not None]
    return bool(sides) and all(isinstance(side, list) for side in sides)


# -- where ----------------------------------------------------------------------------------------
def where_path(builder: EditBuilder, conflict: Conflict) -> Path | None:
    """The path in the change model of what the conflict is about (a tree node's real path found
    by its id), or None when the item holding it is gone."""
    parts = tuple(conflict.where.split("."))
    if len(parts) >= 3 and parts[0] == "focus" and parts[1] in TREE_BRANCHES:
        try:
            node = builder.path_of(parts[2])
        except KeyError:
            return None
        rest = parts[3:]
        if conflict.kind == "parent" and rest == ("parent",):
            rest = ()
        return (*node, *rest)
    return parts


def still_there(builder: EditBuilder, conflict: Conflict) -> bool:
    """Whether what the conflict is about is still in the project (someone may have deleted the
    item since): if not, resolving it only takes the conflict away."""
    path = where_path(builder, conflict)
    if path is None:
        return False
    if conflict.kind == "item":
        return True  # a deleted item is one of the sides: choosing still makes sense
    if conflict.kind == "value" and isinstance(builder.get(path[:-1], None), dict):
        return True  # an absent map key is a value too
    return builder.get(path) is not MISSING


# -- resolving ------------------------------------------------------------------------------------
def resolve(builder: EditBuilder, conflict: Conflict, choice: Choice, text: str | None = None) -> list[Change]:
    """The changes that set the chosen side at the conflict's place and remove the conflict.

    ``choice``: ``ours``, ``theirs``, ``edit`` (``text`` is the user's) or ``both`` (texts: ours
    then theirs, a blank line between, or " / " in a one-line field; lists: ours, then the ids
    only theirs has). When the place is gone, only the conflict is removed.
    Raises :class:`Unresolvable` for a choice that does not fit the conflict.
    """
    if choice not in conflict_choices(conflict):
        raise Unresolvable(choice)
    changes: list[Change] = []
    if still_there(builder, conflict):
        path = where_path(builder, conflict)
        assert path is not None
        if conflict.kind == "text":
            changes = _resolve_text(builder, path, conflict, choice, text)
        elif conflict.kind == "value":
            changes = _resolve_value(builder, path, conflict, choice, text)
        elif conflict.kind == "item":
            changes = _resolve_item(builder, path, conflict, choice)
        else:
            changes = _resolve_parent(builder, path, conflict, choice)
    return [*changes, *remove_conflict(builder, conflict)]


def remove_conflict(builder: EditBuilder, conflict: Conflict) -> list[Change]:
    """The change that takes the conflict out of the project's list (nothing if it is gone)."""
    path = ("conflicts", conflict.id)
    if builder.get(path) is MISSING:
        return []
    return builder.remove(path)


def _resolve_text(builder: EditBuilder, path: Path, conflict: Conflict, choice: Choice,
                  text: str | None) -> list[Change]:
    if choice == "edit":
        value: str | None = text or ""
    elif choice == "both":
        sides = [side for side in (conflict.ours, conflict.theirs) if side]
        value = (" / " if _one_line(builder, path) else "\n\n").join(dict.fromkeys(sides))
    else:
        value = conflict.ours if choice == "ours" else conflict.theirs
    return _set(builder, path, value if value is not None or _takes_none(builder, path) else "")


def _resolve_value(builder: EditBuilder, path: Path, conflict: Conflict, choice: Choice,
                   text: str | None) -> list[Change]:
    if choice == "edit":
        value = side_value(text) if text else MISSING
    elif choice == "both":
        ours = side_value(conflict.ours)
        theirs = side_value(conflict.theirs)
        ours = ours if isinstance(ours, list) else []
        theirs = theirs if isinstance(theirs, list) else []
        value = [*ours, *(item for item in theirs if item not in ours)]
    else:
        value = side_value(conflict.ours if choice == "ours" else conflict.theirs)
    return _set(builder, path, value)


def _resolve_item(builder: EditBuilder, path: Path, conflict: Conflict, choice: Choice) -> list[Change]:
    chosen = conflict.ours if choice == "ours" else conflict.theirs
    here = builder.get(path)
    if chosen is None:  # this side deleted it
        return [] if here is MISSING else builder.remove(path)
    if here is MISSING:
        model = _item_model(path)  # absent in the file (the merge kept the other side): add it
        if model is None or not isinstance(builder.get(path[:-1], None), list):
            return []
        return builder.add(path[:-1], model.model_validate(side_value(chosen)))
    return _set(builder, path, side_value(chosen))


def _item_model(path: Path) -> type[BaseModel] | None:
    """The model of the items of the list ``path[:-1]`` (``create.votes`` → Vote), or None."""
    from borgerspil_tui.core.merge_shapes import field_shapes
    from borgerspil_tui.core.model import Project

    model: type[BaseModel] = Project
    steps = list(path[:-1])
    while steps:
        shape = field_shapes(model).get(steps.pop(0))
        if shape is None or shape.model is None or shape.kind not in ("model", "items"):
            return None
        model = shape.model
        if shape.kind == "items":
            if not steps:
                return model
            steps.pop(0)  # the item's key
    return None


def _resolve_parent(builder: EditBuilder, path: Path, conflict: Conflict, choice: Choice) -> list[Change]:
    parent = (conflict.ours if choice == "ours" else conflict.theirs) or ""
    branch = conflict.where.split(".")[1]
    if parent:
        try:
            target = (*builder.path_of(parent), "children")
        except KeyError:
            return []  # the parent was deleted since
    else:
        target = ("focus", branch)
    if target[:len(path)] == path:
        raise Unresolvable(choice, "conflicts.under_itself")  # the other side's move made this a loop
    if target == path[:-1]:
        return []  # already there
    return builder.move_to(path, target)


def _set(builder: EditBuilder, path: Path, value: Any) -> list[Change]:
    """Set ``value`` at ``path`` (MISSING: remove the map key; for a field, its default)."""
    current = builder.get(path)
    if value is MISSING and not isinstance(builder.get(path[:-1], None), dict):
        value = _default(builder, path)
    if value is not MISSING and current is not MISSING and _as_json(current) == _as_json(value):
        return []  # the same (a date in the project, its ISO text in the conflict)
    if value is MISSING and current is MISSING:
        return []
    return builder.set(path, value)


def _as_json(value: Any) -> str:
    return json.dumps(plain(value), default=str, sort_keys=True, ensure_ascii=False)


def _default(builder: EditBuilder, path: Path) -> Any:
    owner = builder.get(path[:-1], None)
    if isinstance(owner, BaseModel) and path[-1] in type(owner).model_fields:
        return type(owner).model_fields[path[-1]].get_default(call_default_factory=True)
    return None


def _adapter(builder: EditBuilder, path: Path) -> Any:
    """Checks a value for the field or map key at ``path`` (None when there is no such place)."""
    owner = builder.get(path[:-1], None)
    if isinstance(owner, BaseModel):
        return field_adapter(type(owner), path[-1]) if path[-1] in type(owner).model_fields else None
    if isinstance(owner, dict) and len(path) >= 2:
        holder = builder.get(path[:-2], None)
        if isinstance(holder, BaseModel):
            return map_adapters(type(holder), path[-2])[1]
    return None


def one_line_field(builder: EditBuilder, conflict: Conflict) -> bool:
    """Whether the text the conflict is about takes one line only (a title, a name)."""
    path = where_path(builder, conflict)
    return path is not None and _one_line(builder, path)


def _one_line(builder: EditBuilder, path: Path) -> bool:
    """Whether the text field at ``path`` takes one line only (a title, a name)."""
    adapter = _adapter(builder, path)
    try:
        if adapter is not None:
            adapter.validate_python("a\n\nb")
    except ValidationError:
        return True
    return False


def _takes_none(builder: EditBuilder, path: Path) -> bool:
    adapter = _adapter(builder, path)
    try:
        if adapter is not None:
            adapter.validate_python(None)
    except ValidationError:
        return False
    return True


def resolved_label(conflict: Conflict, lang: str) -> str:
    """The name of the undo step: "Konflikt løst: Idé «Hurtigspor»: titel"."""
    return tr(lang, "conflict.resolved", about=conflict.about or conflict.where)


__all__ = ["Choice", "Unresolvable", "conflict_choices", "describe_side", "one_line_field", "remove_conflict",
           "resolve", "resolved_label", "side_value", "still_there", "where_path"]
