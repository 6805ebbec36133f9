"""Paths for core/describe: where a change is in the project model, what a path holds, texts cut short.

A path (core/changes) is walked through the model's classes, so its shape is known whether or
not the item is in either version: ``("create", "ideas", "idea-x", "scores", "importance")`` is
``create.ideas[].scores{}``, a problem-tree node at any depth ``focus.causes[]``.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from borgerspil_tui.core.changes import MISSING, Path, item_key
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.text import one_line

PARTS = ("readiness", "focus", "experience", "create", "insist", "organisation")
"""The parts of the file that are a part of the method (a section each)."""
SHORT = 60
"""How long a text may be in a sentence before it is cut."""


@dataclass(frozen=True)
class Step:
    """One step of a path: a field of a model, an item of a list (by key) or a key of a map."""

    segment: str
    role: str
    """"field", "item" or "key"."""
    pattern: str
    """The path up to here with keys left out: ``create.ideas[].scores{}`` (a tree node at any
    depth is ``focus.causes[]``)."""
    end: int = 0
    """How many segments of the path lead here (this one included)."""
    cls: Any = None
    """The class of the item (role "item"), of the model holding the field (role "field"), or of
    the map's values when they are models (role "key")."""


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def walk(path: Path) -> list[Step]:
    """The steps of ``path`` through the project model's classes (no project is read)."""
    steps: list[Step] = []
    current: Any = Project
    pattern = ""
    in_children = False
    for end, segment in enumerate(path, 1):
        kind = _unwrap(current)
        if _is_model(kind):
            field = kind.model_fields.get(segment)
            if segment == "children" and kind.__name__ == "TreeNode":
                in_children = True
                current = field.annotation
                continue
            pattern += ("." if pattern else "") + segment
            current = field.annotation if field is not None else None
            steps.append(Step(segment, "field", pattern, end, kind))
        elif get_origin(kind) is list and _is_model(_unwrap(get_args(kind)[0])):
            current = _unwrap(get_args(kind)[0])
            if not in_children:
                pattern += "[]"
            in_children = False
            steps.append(Step(segment, "item", pattern, end, current))
        elif get_origin(kind) is dict:
            current = get_args(kind)[1]
            pattern += "{}"
            value = _unwrap(current)
            steps.append(Step(segment, "key", pattern, end, value if _is_model(value) else None))
        else:
            current = None
            pattern += "." + segment
            steps.append(Step(segment, "field", pattern, end))
    return steps


def find(root: Any, path: Path) -> Any:
    """What ``path`` holds in ``root`` (a project or plain data), or MISSING."""
    current = root
    for segment in path:
        if isinstance(current, BaseModel):
            current = getattr(current, segment, MISSING)
        elif isinstance(current, dict):
            current = current.get(segment, MISSING)
        elif isinstance(current, list):
            current = next((item for item in current if _key(item) == segment), MISSING)
        else:
            return MISSING
        if current is MISSING:
            return MISSING
    return current


def _key(item: Any) -> str | None:
    try:
        return item_key(item)
    except TypeError:
        return None


def get(item: Any, name: str) -> Any:
    """A field of an item, whether a model or plain data."""
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def flat(text: str) -> str:
    """A text on one line: runs of white space (newlines too) are one space, the rest escaped."""
    return one_line(" ".join(str(text).split()))


def short(text: str, limit: int = SHORT) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…"."""
    line = flat(text)
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def short_pair(old: str, new: str, limit: int = SHORT) -> tuple[str, str]:
    """Two versions of a text, each on one line; when long, the part they share is left out
    around the change, so what changed shows."""
    a, b = flat(old), flat(new)
    if len(a) <= limit and len(b) <= limit:
        return a, b
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    keep = 12

    def cut(text: str) -> str:
        start = max(0, prefix - keep)
        end = len(text) - max(0, suffix - keep)
        body = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
        return short(body, limit)

    return cut(a), cut(b)


def id_items(project: Project) -> list[tuple[str, Any]]:
    """Every item with an id, with its list's pattern."""
    out: list[tuple[str, Any]] = [("readiness.team[]", m) for m in project.readiness.team]
    focus = project.focus
    for branch in ("causes", "consequences"):
        stack = list(getattr(focus, branch))
        while stack:
            node = stack.pop()
            out.append((f"focus.{branch}[]", node))
            stack.extend(node.children)
    for name in ("why_it_matters", "known", "unknown", "assumptions", "target_groups"):
        out += [(f"focus.{name}[]", item) for item in getattr(focus, name)]
    out += [("experience.observations[]", o) for o in project.experience.observations]
    out += [("experience.insights[]", i) for i in project.experience.insights]
    for name in ("what_ifs", "ideas", "guests", "concepts"):
        out += [(f"create.{name}[]", item) for item in getattr(project.create, name)]
    for concept in project.create.concepts:
        out += [("create.concepts[].tests[]", test) for test in concept.tests]
    for name in ("milestones", "stakeholders", "risks"):
        out += [(f"insist.{name}[]", item) for item in getattr(project.insist, name)]
    out += [("insist.resources[]", r) for r in project.insist.resources]
    out += [("insist.citizen_input[]", v) for v in project.insist.citizen_input]
    out += [("experience.groups[]", g) for g in project.experience.groups]
    for fishbone in project.create.fishbones:
        out.append(("create.fishbones[]", fishbone))
        for bone in fishbone.bones:
            out.append(("create.fishbones[].bones[]", bone))
            out += [("create.fishbones[].bones[].items[]", item) for item in bone.items]
    out += [("organisation.exercises[]", e) for e in project.organisation.exercises]
    out += [("conflicts[]", c) for c in project.conflicts]
    for workshop in project.workshops:
        out.append(("workshops[]", workshop))
        out += [("workshops[].agenda[]", activity) for activity in workshop.agenda]
        out += [("workshops[].rounds[]", held) for held in workshop.rounds]
    return out
