"""One side of a recorded conflict (core/model/conflicts) as a person reads it: a text, a number,
an item's title, a parent node's text, "(slettet)" for a deleted item; ids named by their items
when the project is at hand. Used by the Konflikter screen and ``validate``. No Textual here.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from borgerspil_tui.core.changes import MISSING
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.conflicts import Conflict

Side = Literal["base", "ours", "theirs"]

ITEM_NAMES = ("title", "name", "text", "question", "statement", "description", "goal", "line", "phase", "id")
"""The fields that name an item when it is shown as one side of a conflict, first found first."""


def side_value(text: str | None) -> Any:
    """A JSON side as data (MISSING: None, the key is absent); a text that is not JSON as itself."""
    if text is None:
        return MISSING
    try:
        return json.loads(text)
    except ValueError:
        return text


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
    value = side_value(raw)
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
    for fresh in (False, True):  # the kept index may be older than the project: once more anew
        found = _find(project, item_id, fresh)
        if found is not None:
            name = next((getattr(found, key) for key in ITEM_NAMES if isinstance(getattr(found, key, None), str)), "")
            return name or item_id
    return item_id


def _find(project: Project, item_id: str, fresh: bool) -> Any:
    from borgerspil_tui.core.item_index import ItemIndex

    if fresh or _INDEX.get("project") is not project:
        _INDEX.update(project=project, index=ItemIndex(project))
    index = _INDEX["index"]
    if index.kind(item_id) is None:
        return None
    here: Any = project
    try:
        for part in index.path(item_id):
            here = getattr(here, part) if isinstance(here, BaseModel) else _by_key(here, part)
    except (KeyError, AttributeError, StopIteration):
        return None
    return here if getattr(here, "id", None) == item_id else None


_INDEX: dict[str, Any] = {}
"""The item index of the project last asked about (the open one), and that project."""


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


def side_details(conflict: Conflict, side: Side, lang: str, project: Project | None = None) -> str:
    """One side with all there is to see: for an item, its name and then its fields as the file
    names them, one a line (items inside it, such as a cause's causes, indented under it)."""
    shown = describe_side(conflict, side, lang, project)
    raw = getattr(conflict, side)
    value = side_value(raw) if conflict.kind == "item" and raw else None
    if not isinstance(value, dict):
        return shown
    return "\n".join([shown, *_fields(value, shown, lang, project, "")])


def _item_title(data: dict[str, Any]) -> str:
    return next((data[key] for key in ITEM_NAMES if isinstance(data.get(key), str) and data[key]), "")


def _fields(data: dict[str, Any], shown: str, lang: str, project: Project | None, indent: str) -> list[str]:
    lines: list[str] = []
    for name, field in data.items():
        if name == "id" or field in ("", None, False, [], {}) or field == shown:
            continue
        if isinstance(field, list) and all(isinstance(item, dict) for item in field):
            lines.append(f"{indent}{name}:")
            for item in field:
                title = _item_title(item)
                lines.append(f"{indent}  - {title}")
                lines.extend(_fields(item, title, lang, project, indent + "    "))
        elif isinstance(field, dict):
            lines.append(f"{indent}{name}: " + ", ".join(f"{key} {_show_value(v, lang, project)}"
                                                         for key, v in field.items()))
        else:
            lines.append(f"{indent}{name}: {_show_value(field, lang, project)}")
    return lines
