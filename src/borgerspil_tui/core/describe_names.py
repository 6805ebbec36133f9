"""Words for core/describe: where a change is (a path in words), an item by its title, a value in words.

Nothing here names an item by its id: an item is named by its title, name or text (or, for the
method's own things such as criteria, by the method's name for it); a field by its name in words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from borgerspil_tui.core.changes import MISSING, Path
from borgerspil_tui.core.describe_paths import PARTS, find, get, id_items, short, walk
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project

NAME_FIELDS = {"TeamMember": "name", "TreeNode": "text", "Note": "text", "Assumption": "text",
               "TargetGroup": "name", "Observation": "what", "Insight": "statement", "WhatIf": "question",
               "Idea": "title", "Guest": "name", "Concept": "title", "Milestone": "title",
               "Stakeholder": "name", "Risk": "text", "Conflict": "about", "Workshop": "title", "Activity": "title",
               "Resource": "what", "CitizenVoice": "what", "Fishbone": "head", "Bone": "category", "BoneItem": "text",
               "ObservationGroup": "name"}
"""The field that names an item of each kind."""
ENUM_FIELDS = {"status", "source", "done_by", "rating", "answer", "language"}
"""Fields whose values are choices, said in words (diff.value.*)."""
LINK_FIELDS = {"insight", "target_group", "quote_from", "concept", "said_by", "milestone", "linked"}
"""Fields that hold one link (an item's id)."""
LINK_LISTS = {"inspired_by", "observations", "supports", "contradicts", "target_groups", "ideas", "depends_on",
              "participants", "captured"}
"""Fields of an item that hold a list of links."""


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
                for pattern, item in id_items(project):
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
        if cls_name in ("ActivityLog", "TimerState"):  # named by the activity it is of
            return self.link(get(item, "activity"), kind=False)
        if cls_name == "RoundTotal":
            return self.link(get(item, "idea"), kind=False)
        if cls_name == "PostIt":
            return self.quote(get(item, "text"))
        if cls_name == "VoteRound":
            held = get(item, "held")
            if get(item, "activity"):
                return self.link(get(item, "activity"), kind=False)
            if isinstance(held, dt.datetime):
                return self.quote(held.isoformat(timespec="minutes"))
            return self.t("diff.unnamed")
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
