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
            more, fewer, changed = _count(_keyed_list(name, old), _keyed_list(name, new))
        elif isinstance(old, dict) and isinstance(new, dict):
            more, fewer, changed = _count(_plain(old), _plain(new))
        else:
            found.append(Difference(part, name, whole=True))
            continue
        if more or fewer or changed:
            found.append(Difference(part, name, more, fewer, changed))
    return found


def _checklists(part: str, base: Project, other: Project) -> list[Difference]:
    prefix = f"{part}-"
    old = {k: v for k, v in base.checklists.items() if k.startswith(prefix)}
    new = {k: v for k, v in other.checklists.items() if k.startswith(prefix)}
    more, fewer, changed = _count(_plain(old), _plain(new))
    return [Difference(part, "checklist", more, fewer, changed)] if more or fewer or changed else []


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


def _count(old: dict[str, Any], new: dict[str, Any]) -> tuple[int, int, int]:
    more = sum(1 for key in new if key not in old)
    fewer = sum(1 for key in old if key not in new)
    changed = sum(1 for key in new if key in old and new[key] != old[key])
    return more, fewer, changed


# -- in words ------------------------------------------------------------------------------------
def _noun(difference: Difference, count: int, lang: str) -> str:
    key = f"compare.noun.{difference.field}"
    forms = tr(lang, key, default=f"{difference.field}|{difference.field}").split("|")
    return forms[0] if count == 1 else forms[-1]


def phrases(difference: Difference, lang: str) -> list[str]:
    """One difference in words: "3 idéer mere", "1 idé mindre", "problemet ændret"."""
    if difference.whole:
        name = tr(lang, f"compare.name.{difference.field}", default=difference.field)
        return [tr(lang, "compare.whole", name=name)]
    out: list[str] = []
    if difference.more:
        out.append(tr(lang, "compare.more", count=difference.more, noun=_noun(difference, difference.more, lang)))
    if difference.fewer:
        key = "compare.fewer_one" if difference.fewer == 1 else "compare.fewer"
        out.append(tr(lang, key, count=difference.fewer, noun=_noun(difference, difference.fewer, lang)))
    if difference.changed:
        out.append(tr(lang, "compare.changed", count=difference.changed,
                      noun=_noun(difference, difference.changed, lang)))
    return out


def describe(differences: list[Difference], lang: str) -> list[str]:
    """One line per part that differs: "Skab: 3 idéer mere, 1 koncept ændret"."""
    lines: list[str] = []
    for part in ("project", *PARTS):
        words = [phrase for d in differences if d.part == part for phrase in phrases(d, lang)]
        if words:
            lines.append(f"{tr(lang, _PART_NAMES[part])}: {', '.join(words)}")
    return lines


def summary(differences: list[Difference], lang: str) -> str:
    """Every difference on one line (parts separated by "; "), or that there is none."""
    return "; ".join(describe(differences, lang)) or tr(lang, "compare.same")
