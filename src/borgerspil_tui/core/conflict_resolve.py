"""Resolving a conflict a merge recorded (core/model/conflicts): the changes that put the chosen
side in the project and take the conflict out of ``project.conflicts``, as one edit.

``resolve`` builds the changes with the session's :class:`~borgerspil_tui.core.edits.EditBuilder`,
so the Konflikter screen (or a test) applies them as one undoable step. ``conflict_choices`` says
which choices make sense for a conflict, ``describe_side`` shows a side as readable text.
No Textual here.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from borgerspil_tui.core.change_apply import field_adapter, map_adapters
from borgerspil_tui.core.changes import MISSING, Change, Path, plain
from borgerspil_tui.core.edits import EditBuilder
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.conflicts import Conflict

Choice = Literal["ours", "theirs", "edit", "both"]
Side = Literal["base", "ours", "theirs"]

TREE_BRANCHES = ("causes", "consequences")
"""The problem tree's branches: a node in ``where`` is named by its branch and id alone."""

ITEM_NAMES = ("title", "name", "text", "question", "statement", "description", "goal", "line", "phase", "id")
"""The fields that name an item when it is shown as one side of a conflict, first found first."""


class Unresolvable(ValueError):
    """A choice that does not fit the conflict (``both`` for a number, ``edit`` for a deleted item)."""


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
    sides = [_json(text) for text in (conflict.ours, conflict.theirs) if text is not None]
    return bool(sides) and all(isinstance(side, list) for side in sides)


def _json(text: str | None) -> Any:
    """A JSON side as data (MISSING: None, the key is absent); a text that is not JSON as itself."""
    if text is None:
        return MISSING
    try:
        return json.loads(text)
    except ValueError:
        return text


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
        value = _json(text) if text else MISSING
    elif choice == "both":
        ours = _json(conflict.ours)
        theirs = _json(conflict.theirs)
        ours = ours if isinstance(ours, list) else []
        theirs = theirs if isinstance(theirs, list) else []
        value = [*ours, *(item for item in theirs if item not in ours)]
    else:
        value = _json(conflict.ours if choice == "ours" else conflict.theirs)
    return _set(builder, path, value)


def _resolve_item(builder: EditBuilder, path: Path, conflict: Conflict, choice: Choice) -> list[Change]:
    chosen = conflict.ours if choice == "ours" else conflict.theirs
    here = builder.get(path)
    if chosen is None:  # this side deleted it
        return [] if here is MISSING else builder.remove(path)
    if here is MISSING:
        return []  # deleted since: nothing to put the chosen side in
    return _set(builder, path, _json(chosen))


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
    if target[:len(path)] == path or target == path[:-1]:
        return []  # into itself, or already there
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


# -- showing a side -------------------------------------------------------------------------------
def describe_side(conflict: Conflict, side: Side, lang: str, project: Project | None = None) -> str:
    """One side of a conflict as a person reads it: the text, a number, an item's title, a
    parent node's text, "(slettet)" for a deleted item. With ``project``, ids are named."""
    raw = getattr(conflict, side)
    if conflict.kind == "text":
        return tr(lang, "conflict.side_empty") if not raw else raw
    if conflict.kind == "parent":
        if not raw:
            return tr(lang, "conflict.side_top")
        return _node_text(project, raw) or raw
    if raw is None:
        return tr(lang, "conflict.side_deleted" if conflict.kind == "item" else "conflict.side_absent")
    value = _json(raw)
    if conflict.kind == "item" and isinstance(value, dict):
        name = next((value[key] for key in ITEM_NAMES if isinstance(value.get(key), str) and value[key]), "")
        return name or raw
    return _show_value(value, lang, project)


def _show_value(value: Any, lang: str, project: Project | None) -> str:
    if isinstance(value, bool):
        return tr(lang, "conflict.yes" if value else "conflict.no")
    if value is None:
        return tr(lang, "conflict.side_absent")
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        if not value:
            return tr(lang, "conflict.side_none")
        return ", ".join(_name_of(project, item) if isinstance(item, str) else _show_value(item, lang, project)
                         for item in value)
    return json.dumps(value, ensure_ascii=False, default=str)


def _name_of(project: Project | None, item_id: str) -> str:
    """An item's title (or name, or text) by its id; the id itself when it cannot be found."""
    if project is None:
        return item_id
    from borgerspil_tui.core.item_index import ItemIndex

    index = _index_for(project, ItemIndex)
    if index.kind(item_id) is None:
        return item_id
    here: Any = project
    try:
        for part in index.path(item_id):
            here = getattr(here, part) if isinstance(here, BaseModel) else _by_key(here, part)
    except (KeyError, AttributeError, StopIteration):
        return item_id
    name = next((getattr(here, key) for key in ITEM_NAMES if isinstance(getattr(here, key, None), str)), "")
    return name or item_id


_INDEXES: dict[int, tuple[Project, Any]] = {}


def _index_for(project: Project, cls: Any) -> Any:
    """An item index of ``project`` (one kept per project while it is the last asked about)."""
    found = _INDEXES.get(id(project))
    if found is None or found[0] is not project:
        _INDEXES.clear()
        found = _INDEXES[id(project)] = (project, cls(project))
    return found[1]


def _by_key(items: Any, key: str) -> Any:
    from borgerspil_tui.core.changes import item_key

    if isinstance(items, dict):
        return items[key]
    return next(item for item in items if item_key(item) == key)


def _node_text(project: Project | None, node_id: str) -> str:
    if project is None:
        return ""
    stack = [*project.focus.causes, *project.focus.consequences]
    while stack:
        node = stack.pop()
        if node.id == node_id:
            return node.text
        stack.extend(node.children)
    return ""


def resolved_label(conflict: Conflict, lang: str) -> str:
    """The name of the undo step: "Konflikt løst: Idé «Hurtigspor»: titel"."""
    return tr(lang, "conflict.resolved", about=conflict.about or conflict.where)
