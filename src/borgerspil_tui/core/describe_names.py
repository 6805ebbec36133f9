"""Words for core/describe: where a change is (a path in words), an item by its title, a value shortened.

Nothing here names an item by its id: an item is named by its title, name or text (or, for the
method's own things such as criteria, by the method's name for it); a field by its name in words.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from borgerspil_tui.core.changes import MISSING, Path, item_key
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.text import one_line

PARTS = ("readiness", "focus", "experience", "create", "insist", "organisation")
"""The parts of the file that are a part of the method (a section each)."""
SHORT = 60
"""How long a text may be in a sentence before it is cut."""

NAME_FIELDS = {"TeamMember": "name", "TreeNode": "text", "Note": "text", "Assumption": "text",
               "TargetGroup": "name", "Observation": "what", "Insight": "statement", "WhatIf": "question",
               "Idea": "title", "Guest": "name", "Concept": "title", "Milestone": "title",
               "Stakeholder": "name", "Risk": "text", "Conflict": "about"}
"""The field that names an item of each kind."""
ENUM_FIELDS = {"status", "source", "done_by", "rating", "answer", "language"}
"""Fields whose values are choices, said in words (diff.value.*)."""
LINK_FIELDS = {"insight", "target_group", "quote_from", "concept"}
"""Fields that hold one link (an item's id)."""
LINK_LISTS = {"inspired_by", "observations", "supports", "contradicts", "target_groups", "ideas", "depends_on"}
"""Fields of an item that hold a list of links."""


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


class Namer:
    """Names things of two versions of a project in one language, for sentences about changes."""

    def __init__(self, old: Project, new: Project, lang: str, method: Method) -> None:
        self.old, self.new, self.lang, self.method = old, new, lang, method
        self._ids: dict[str, tuple[str, Any]] | None = None

    def t(self, key: str, /, default: str | None = None, **values: object) -> str:
        """Our text ``key`` in the language of the description."""
        return tr(self.lang, key, default, **values)

    def quote(self, text: str) -> str:
        """A person's text, short and in quotes."""
        return self.t("diff.quote", text=short(text) if text.strip() else self.t("diff.empty_text"))

    # -- items ------------------------------------------------------------------------------
    def ids(self) -> dict[str, tuple[str, Any]]:
        """Every item with an id in either version: id → (its list's pattern, the item); the
        new version's item when it is in both."""
        if self._ids is None:
            found: dict[str, tuple[str, Any]] = {}
            for project in (self.old, self.new):
                for pattern, item in _id_items(project):
                    found[item.id] = (pattern, item)
            self._ids = found
        return self._ids

    def kind(self, pattern: str, *, capital: bool = False) -> str:
        """What the items of a list (or the keys of a map) are called: "idé", "årsag"."""
        bare = pattern.replace("[]", "").replace("{}", "")
        word = self.t(f"diff.kind.{bare}", default=self.field_word(bare.rsplit(".", 1)[-1]))
        return word[:1].upper() + word[1:] if capital else word

    def item_name(self, cls_name: str, item: Any) -> str:
        """An item's name, quoted: its title, name or text, or the method's name for it."""
        field = NAME_FIELDS.get(cls_name)
        if field is not None:
            return self.quote(get(item, field) or "")
        if cls_name == "ValueGoal":
            return self.quote(self.method_name("value_kinds", get(item, "kind")))
        if cls_name == "BottomLine":
            return self.quote(self.method_name("bottom_lines", get(item, "line")))
        if cls_name == "ProcessRow":
            return self.quote(self.method_name("phases", get(item, "phase")))
        if cls_name == "EmpathyExercise":
            name = self.quote(self.method_name("organisation.empathy_exercises", get(item, "exercise")))
            date = get(item, "date")
            return f"{name} ({date.isoformat() if isinstance(date, dt.date) else date})" if date else name
        if cls_name == "PrototypeTest":
            for field in ("with_whom", "prototype", "learned"):
                if get(item, field):
                    return self.quote(get(item, field))
            date = get(item, "date")
            return self.quote(str(date) if date else "")
        if cls_name == "Vote":
            return self.t("diff.vote_name", voter=self.link(get(item, "voter"), bare=True),
                          idea=self.link(get(item, "idea"), kind=False))
        return self.t("diff.unnamed")

    def link(self, target: str | None, *, kind: bool = True, bare: bool = False) -> str:
        """The item a link points to, named by its title ("idé «Hurtigspor»"), never by its id;
        ``bare``: a person's name without quotes (the voter of a vote)."""
        if target is None:
            return self.t("diff.none")
        found = self.ids().get(target)
        if found is None:
            return self.t("diff.unknown_item")
        pattern, item = found
        if bare and type(item).__name__ in ("TeamMember", "Guest"):
            return short(item.name)
        name = self.item_name(type(item).__name__, item)
        return f"{self.kind(pattern)} {name}" if kind else name

    def method_name(self, where: str, key: str | None) -> str:
        """The method's name for one of its things (a criterion, a checklist question …)."""
        if key is None:
            return self.t("diff.none")
        method = self.method
        if where == "checklists":
            entries: list[Any] = [e for part in (method.readiness, *method.phases) for e in part.checklist]
        elif where == "phases":
            entries = list(method.phases)
        else:
            entries = method
            for name in where.split("."):
                entries = getattr(entries, name)
        for entry in entries:
            if entry.id == key:
                said = getattr(entry, "name", None) or entry.text
                return said(self.lang)
        return self.t("diff.not_in_method")

    # -- places -----------------------------------------------------------------------------
    def key_name(self, pattern: str, key: str) -> str:
        """A map key in words: a criterion's, question's or aspect's name from the method."""
        where = MAP_KEYS.get(pattern)
        if where is None:
            return self.quote(key)
        return self.quote(self.method_name(where, key))

    def item_at(self, path: Path, cls_name: str) -> str:
        """The item at ``path`` named (from the new version, else the old)."""
        for project in (self.new, self.old):
            item = find(project, path)
            if item is not MISSING:
                return self.item_name(cls_name, item)
        found = self.ids().get(path[-1])  # a problem-tree node named by its branch and id alone
        if found is not None and type(found[1]).__name__ == cls_name:
            return self.item_name(cls_name, found[1])
        return self.t("diff.unnamed")

    def place(self, path: Path, *, skip_part: bool = True) -> str:
        """Where ``path`` is, in words: "Idé «Hurtigspor» · beskrivelse"."""
        steps = walk(path)
        words: list[str] = []
        for index, step in enumerate(steps):
            following = steps[index + 1] if index + 1 < len(steps) else None
            if index == 0 and skip_part and step.segment in PARTS and following is not None:
                continue
            if step.role == "field" and following is not None and following.role in ("item", "key"):
                continue  # the list or map: its item or key says what it is
            if step.role == "item":
                if following is not None and following.role == "item":
                    continue  # an ancestor in the problem tree: the node itself is enough
                named = self.item_at(path[:step.end], step.cls.__name__)
                words.append(f"{self.kind(step.pattern)} {named}")
            elif step.role == "key":
                words.append(f"{self.kind(step.pattern)} {self.key_name(step.pattern, step.segment)}")
            else:
                words.append(self.field_word(step.segment))
        text = " · ".join(words)
        return text[:1].upper() + text[1:]

    def field_word(self, field: str) -> str:
        """A field's name in words ("beskrivelse")."""
        return self.t(f"diff.field.{field}", default=field.replace("_", " "))

    # -- values -----------------------------------------------------------------------------
    def value(self, field: str, value: Any) -> str:
        """A value in words: a choice said, a link by its title, a text short and quoted."""
        if value is MISSING or value is None or value == "" or value == []:
            return self.t("diff.none")
        if isinstance(value, bool):
            return self.t("diff.yes" if value else "diff.no")
        if field in LINK_FIELDS and isinstance(value, str):
            return self.link(value)
        if field in ENUM_FIELDS and isinstance(value, str):
            return self.t(f"diff.value.{value}", default=value)
        if field == "exercise" and isinstance(value, str):
            return self.quote(self.method_name("organisation.empathy_exercises", value))
        if isinstance(value, str):
            return self.quote(value)
        if isinstance(value, (int, float)):
            return self.number(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return ", ".join(self.value(field, v) for v in value)
        return self.t("diff.some_value")

    def number(self, value: float) -> str:
        """A number as people write it in the language (1,5 in Danish, 1.5 in English)."""
        if float(value).is_integer():
            text = f"{int(value):,}".replace(",", "." if self.lang != "en" else ",")
            return text
        text = f"{value:g}"
        return text.replace(".", ",") if self.lang != "en" else text


MAP_KEYS = {"readiness.considerations{}": "readiness.considerations", "create.weights{}": "criteria",
            "create.ideas[].scores{}": "criteria", "create.concepts[].succes{}": "succes",
            "insist.aspects{}": "implementation_aspects", "organisation.assessment{}": "organisation.dimensions",
            "organisation.reflections{}": "organisation.reflection_questions", "checklists{}": "checklists"}
"""Maps keyed by the method's ids, and where the method names them."""


def _id_items(project: Project) -> list[tuple[str, Any]]:
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
    out += [("organisation.exercises[]", e) for e in project.organisation.exercises]
    out += [("conflicts[]", c) for c in project.conflicts]
    return out
