"""What one version of a project has that another does not, part by part, in the method's words:
"Skab: 3 idéer mere; Fokusér: problemet ændret, 2 observationer ændret".

Items are matched by id (so an edited idea is one changed idea, not one removed and one added);
a nested item (a test of a concept, a cause under a cause in the tree counts on its own) makes
its parent changed. Small on purpose: the full change model (undo, merge, diff) comes later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.text import printable

PARTS = ("readiness", "focus", "experience", "create", "insist", "organisation")
"""The parts of a project, in the method's order."""
_PART_NAMES = {"project": "compare.part.project", "readiness": "screen.readiness",
               "focus": "screen.phase-focus", "experience": "screen.phase-experience",
               "create": "screen.phase-create", "insist": "screen.phase-insist",
               "organisation": "screen.organisation"}
_KEYS = {"votes": ("voter", "idea")}
"""Lists of items without an id, matched by these fields (others: by their first field)."""


@dataclass(frozen=True)
class Difference:
    """How one field of one part differs: items more, fewer, changed, or a value changed."""

    part: str
    """``project`` or one of :data:`PARTS`."""
    field: str
    more: int = 0
    fewer: int = 0
    changed: int = 0
    whole: bool = False
    """The field is one value (a text, a number) and it differs."""
    names: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())
    """What the items more, fewer and changed are called (their title, name or text); for a
    whole value, the other version's value."""


def compare_projects(base: Project, other: Project) -> list[Difference]:
    """How ``other`` differs from ``base``, part by part in the method's order."""
    found: list[Difference] = []
    for name in ("title", "language", "created"):
        if getattr(base, name) != getattr(other, name):
            found.append(Difference("project", name, whole=True))
    for part in PARTS:
        found.extend(_part(part, getattr(base, part), getattr(other, part)))
        found.extend(_checklists(part, base, other))
    return found


def _part(part: str, base: BaseModel, other: BaseModel) -> list[Difference]:
    found: list[Difference] = []
    for name in type(base).model_fields:
        old, new = getattr(base, name), getattr(other, name)
        if old == new:
            continue
        if isinstance(old, list) and isinstance(new, list):
            names = _count(_keyed_list(name, old), _keyed_list(name, new))
        elif isinstance(old, dict) and isinstance(new, dict):
            names = _count(_plain(old), _plain(new))
        else:
            value = "" if new is None else str(_plain(new))
            found.append(Difference(part, name, whole=True, names=((value,), (), ())))
            continue
        if any(names):
            found.append(Difference(part, name, *map(len, names), names=names))
    return found


def _checklists(part: str, base: Project, other: Project) -> list[Difference]:
    prefix = f"{part}-"
    old = {k: v for k, v in base.checklists.items() if k.startswith(prefix)}
    new = {k: v for k, v in other.checklists.items() if k.startswith(prefix)}
    counted = _count(_plain(old), _plain(new))  # named by the method's ids only: counted, not named
    return [Difference(part, "checklist", *map(len, counted))] if any(counted) else []


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _keyed_list(name: str, items: list[Any]) -> dict[str, Any]:
    """A list as a mapping from each item's identity to its content (trees flattened)."""
    out: dict[str, Any] = {}
    for index, item in enumerate(items):
        data = _plain(item)
        if isinstance(data, dict) and "id" in data:
            children = data.pop("children", None)
            out[data["id"]] = data
            if isinstance(children, list) and children:
                out.update(_keyed_list(name, [c for c in children if isinstance(c, dict)]))
            continue
        if isinstance(data, dict) and data:
            fields = _KEYS.get(name) or (next(iter(data)),)
            key = json.dumps([data.get(f) for f in fields], sort_keys=True, default=str)
        else:
            key = f"#{index}"  # plain values (texts): by position
        out[key if key not in out else f"{key}#{index}"] = data
    return out


_NAMED_BY = ("title", "name", "text", "statement", "question", "what", "exercise", "voter", "kind", "phase", "line")


def _name(key: str, item: Any) -> str:
    """What people call an item: its title, name or text (a text item is its own name)."""
    if isinstance(item, dict):
        for field in _NAMED_BY:
            if isinstance(item.get(field), str) and item[field]:
                return item[field]
        return "" if key.startswith("#") else key
    if isinstance(item, str):
        return item
    return "" if key.startswith("#") else key


def _count(old: dict[str, Any], new: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The names of the items ``new`` has more, fewer, and changed."""
    more = tuple(_name(key, item) for key, item in new.items() if key not in old)
    fewer = tuple(_name(key, item) for key, item in old.items() if key not in new)
    changed = tuple(_name(key, item) for key, item in new.items() if key in old and item != old[key])
    return more, fewer, changed


# -- in words ------------------------------------------------------------------------------------
def _noun(difference: Difference, count: int, lang: str) -> str:
    key = f"compare.noun.{difference.field}"
    forms = tr(lang, key, default=f"{difference.field}|{difference.field}").split("|")
    return forms[0] if count == 1 else forms[-1]


SHOWN = 3
"""How many items' names a detailed description shows per kind of difference."""


def _quoted(names: tuple[str, ...], lang: str) -> str:
    shown = [tr(lang, "compare.quoted", text=_short(name)) for name in names[:SHOWN] if name]
    return ", ".join(shown) + (", …" if len(names) > SHOWN else "")


def _short(text: str, width: int = 50) -> str:
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def phrases(difference: Difference, lang: str, *, names: bool = False) -> list[str]:
    """One difference in words: "3 idéer mere", "1 idé mindre", "problemet ændret" (with
    ``names``: "1 idé mere («Lån ud fra lageret»)", "problemet ændret («…»)")."""
    if difference.whole:
        name = tr(lang, f"compare.name.{difference.field}", default=difference.field)
        said = tr(lang, "compare.whole", name=name)
        return [f"{said} ({_quoted(difference.names[0], lang)})" if names and any(difference.names[0]) else said]
    out: list[str] = []
    counts = (difference.more, difference.fewer, difference.changed)
    for index, (count, key) in enumerate(zip(counts, ("compare.more", "compare.fewer", "compare.changed"),
                                             strict=True)):
        if not count:
            continue
        if key == "compare.fewer" and count == 1:
            key = "compare.fewer_one"
        said = tr(lang, key, count=count, noun=_noun(difference, count, lang))
        listed = difference.names[index]
        out.append(f"{said} ({_quoted(listed, lang)})" if names and any(listed) else said)
    return out


def describe(differences: list[Difference], lang: str, *, names: bool = False) -> list[str]:
    """One line per part that differs: "Skab: 3 idéer mere, 1 koncept ændret" (with ``names``,
    what the items are called)."""
    lines: list[str] = []
    for part in ("project", *PARTS):
        words = [phrase for d in differences if d.part == part for phrase in phrases(d, lang, names=names)]
        if words:
            lines.append(f"{tr(lang, _PART_NAMES[part])}: {', '.join(words)}")
    return lines


def summary(differences: list[Difference], lang: str) -> str:
    """Every difference on one line (parts separated by "; "), or that there is none."""
    return "; ".join(describe(differences, lang)) or tr(lang, "compare.same")
