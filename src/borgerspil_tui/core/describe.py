"""What changed between two versions of a project, in the method's words (``borgerspil diff``).

The changes are core/change_diff's (matched by key, never by position), said as sentences in the
reader's language and grouped by the part of the method they belong to, in the method's order:
"Idé tilføjet: «Hurtigspor»", "Score: «Hurtigspor» · Vigtighed 3 → 4", "Årsag «…» flyttet under
«…»". Items are named by their titles, names or texts, never by their ids; a text is shown short,
on one line. The problem tree is compared node by node, so a node that changed parent is one move.
No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from borgerspil_tui.core.change_diff import diff
from borgerspil_tui.core.changes import MISSING, AddItem, MoveItem, Path, RemoveItem, SetValue, item_key
from borgerspil_tui.core.describe_names import ENUM_FIELDS, LINK_FIELDS, LINK_LISTS, NAME_FIELDS, Namer
from borgerspil_tui.core.describe_paths import PARTS, find, get, short, short_pair, walk
from borgerspil_tui.core.describe_tree import stay_in_order, tree_sentences
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project

SECTIONS = ("project", *PARTS, "conflicts")
"""The sections in the method's order: the project itself, Parathed, the four phases, Organisation."""
TREE = {("focus", "causes"), ("focus", "consequences")}
"""The problem tree's branches, compared node by node (see :meth:`_Describer.tree`)."""
BOOL_SENTENCES = {"chosen", "eye_opener", "done", "dedicated", "primary", "uncertain"}
"""Yes/no fields said as a sentence of their own ("Idé «…» er valgt")."""
WORDED = ENUM_FIELDS | LINK_FIELDS | {"exercise"}
"""Fields whose texts are not a person's text but a choice or a link, said in words."""
RENAMED = {"title", "name"}
"""Naming fields whose change is a new name (the others are a rewritten text)."""


@dataclass
class Section:
    """The changes in one part of the method, under its name."""

    title: str
    lines: list[str] = field(default_factory=list)


def describe_changes(old: Project, new: Project, lang: str, method: Method) -> list[str]:
    """What changed from ``old`` to ``new``: each part's name, then its sentences indented."""
    lines: list[str] = []
    for section in describe_sections(old, new, lang, method):
        lines.append(section.title)
        lines += ["  " + line for line in section.lines]
    return lines


def describe_sections(old: Project, new: Project, lang: str, method: Method) -> list[Section]:
    """What changed from ``old`` to ``new``, part by part in the method's order (none: empty)."""
    return _Describer(old, new, lang, method).run()


class _Describer:
    """Turns the changes between two versions into sentences, each filed under its section."""

    def __init__(self, old: Project, new: Project, lang: str, method: Method) -> None:
        self.old, self.new, self.method, self.lang = old, new, method, lang
        self.n = Namer(old, new, lang, method)
        self.t = self.n.t
        self.said: list[tuple[tuple[int, int, int], str]] = []

    def run(self) -> list[Section]:
        reordered: list[Path] = []
        for change in diff(self.old, self.new):
            where = change.path if isinstance(change, SetValue) else (
                change.source if isinstance(change, MoveItem) else change.at)
            if where[:2] in TREE:
                continue
            if isinstance(change, MoveItem):
                if change.source not in reordered:
                    reordered.append(change.source)
            elif isinstance(change, AddItem):
                self.item(change.at, change.item, added=True)
            elif isinstance(change, RemoveItem):
                self.item(change.at, change.item, added=False)
            else:
                self.set_value(change.path, change.old, change.new)
        for at in reordered:
            self.reordered(at)
        for branch in ("causes", "consequences"):
            for text in tree_sentences(self.n, self.old, self.new, branch):
                self.say(("focus", branch), text)
        sections: dict[str, Section] = {}
        for (section, _, _), text in sorted(self.said, key=lambda said: said[0]):
            name = SECTIONS[section]
            sections.setdefault(name, Section(self.section_title(name))).lines.append(text)
        return list(sections.values())

    # -- filing ---------------------------------------------------------------------------------
    def say(self, path: Path, text: str) -> None:
        """File a sentence under the section ``path`` belongs to, in the model's order of fields."""
        head = path[0]
        if head in PARTS:
            fields = list(type(getattr(self.new, head)).model_fields)
            order = fields.index(path[1]) if len(path) > 1 and path[1] in fields else len(fields)
            section = SECTIONS.index(head)
        elif head == "checklists":
            section, order = SECTIONS.index(self.checklist_part(path[1]) if len(path) > 1 else "project"), 1000
        elif head == "conflicts":
            section, order = SECTIONS.index("conflicts"), 0
        else:
            fields = list(Project.model_fields)
            section, order = 0, fields.index(head) if head in fields else len(fields)
        self.said.append(((section, order, len(self.said)), text))

    def checklist_part(self, question: str) -> str:
        for part in (self.method.readiness, *self.method.phases):
            if any(entry.id == question for entry in part.checklist):
                return getattr(part, "id", "readiness")
        return "project"

    def section_title(self, name: str) -> str:
        if name == "readiness":
            return self.method.readiness.name(self.lang)
        if name == "organisation":
            return self.method.organisation.name(self.lang)
        if name in ("project", "conflicts"):
            return self.t(f"diff.section.{name}")
        return self.method.phase(name).name(self.lang)

    def owned(self, at: Path, text: str) -> str:
        """``text`` about a list inside an item, said with the item: "Koncept «…»: testrunde …"."""
        if any(step.role == "item" for step in walk(at)):
            return self.t("diff.in", owner=self.n.place(at[:-1]), what=text)
        return text[:1].upper() + text[1:]

    # -- items added, removed, moved ------------------------------------------------------------
    def item(self, at: Path, item: dict[str, Any], *, added: bool) -> None:
        step = walk((*at, "x"))[-1]
        if step.pattern == "create.votes[]":
            key = "diff.vote_added" if added else "diff.vote_removed"
            self.say(at, self.t(key, voter=self.n.link(item["voter"], bare=True),
                                idea=self.n.link(item["idea"], kind=False), dots=item["dots"]))
            return
        if step.pattern == "conflicts[]":
            about = short(item["about"]) if item.get("about") else self.n.place(tuple(str(item["where"]).split(".")))
            self.say(at, self.t("diff.conflict_added" if added else "diff.conflict_resolved", about=about))
            return
        name = self.n.item_name(step.cls.__name__, item)
        text = self.t("diff.added" if added else "diff.removed", kind=self.n.kind(step.pattern), name=name)
        self.say(at, self.owned(at, text))

    def reordered(self, at: Path) -> None:
        old_list, new_list = find(self.old, at), find(self.new, at)
        if not isinstance(old_list, list) or not isinstance(new_list, list):
            return
        old_places = {item_key(item): index for index, item in enumerate(old_list)}
        common = [(place, item) for place, item in enumerate(new_list) if item_key(item) in old_places]
        kept = stay_in_order([old_places[item_key(item)] for _, item in common])
        step = walk((*at, "x"))[-1]
        for index, (place, item) in enumerate(common):
            if index not in kept:
                text = self.t("diff.moved", kind=self.n.kind(step.pattern),
                              name=self.n.item_name(step.cls.__name__, item), position=place + 1)
                self.say(at, self.owned(at, text))

    # -- values set ------------------------------------------------------------------------------
    def set_value(self, path: Path, old: Any, new: Any) -> None:
        steps = walk(path)
        last = steps[-1]
        name = path[-1]
        n = self.n
        if isinstance(old, dict) or isinstance(new, dict):
            self.expand(path, last.cls, old, new)
        elif last.pattern == "create.ideas[].scores{}":
            self.say(path, self.t("diff.score", idea=n.item_at(path[:3], "Idea"),
                                  criterion=n.method_name("criteria", name),
                                  old=n.value(name, old), new=n.value(name, new)))
        elif last.pattern == "create.weights{}":
            default = self.method.default_weights().get(name)
            shown = [n.value(name, v) if v is not MISSING or default is None
                     else self.t("diff.default_weight", weight=n.number(default)) for v in (old, new)]
            self.say(path, self.t("diff.weight", criterion=n.method_name("criteria", name),
                                  old=shown[0], new=shown[1]))
        elif last.pattern.startswith("checklists{}.") and len(path) == 3:
            question = n.quote(n.method_name("checklists", path[1]))
            if name == "answer":
                old_text, new_text = (self.t("diff.unanswered") if v is None else n.value(name, v) for v in (old, new))
                self.say(path, self.t("diff.checklist", question=question, old=old_text, new=new_text))
            else:
                old_text, new_text = self.pair(name, old, new)
                self.say(path, self.t("diff.checklist_field", question=question, field=n.field_word(name),
                                      old=old_text, new=new_text))
        elif last.pattern == "create.votes[].dots":
            vote = find(self.new, path[:-1])
            self.say(path, self.t("diff.vote_dots", voter=n.link(get(vote, "voter"), bare=True),
                                  idea=n.link(get(vote, "idea"), kind=False), old=old, new=new))
        elif isinstance(old, list) or isinstance(new, list):
            self.list_value(path, old if isinstance(old, list) else [], new if isinstance(new, list) else [])
        elif last.cls is not None and NAME_FIELDS.get(last.cls.__name__) == name and len(steps) >= 2:
            owner = steps[-2]
            old_text, new_text = self.pair(name, old, new)
            key = "diff.renamed" if name in RENAMED else "diff.rewritten"
            text = self.t(key, kind=n.kind(owner.pattern), old=old_text, new=new_text)
            self.say(path, self.owned(path[:owner.end - 1], text))
        elif name in BOOL_SENTENCES and isinstance(new, bool) and isinstance(old, bool):
            self.say(path, self.t(f"diff.bool.{name}.{'on' if new else 'off'}", place=n.place(path[:-1])))
        else:
            old_text, new_text = self.pair(name, old, new)
            self.say(path, self.t("diff.changed", place=n.place(path), old=old_text, new=new_text))

    def pair(self, name: str, old: Any, new: Any) -> tuple[str, str]:
        """Two values in words; two texts shortened around what changed."""
        if isinstance(old, str) and isinstance(new, str) and old and new and name not in WORDED:
            old_text, new_text = short_pair(old, new)
            return self.n.quote(old_text), self.n.quote(new_text)
        return self.n.value(name, old), self.n.value(name, new)

    def expand(self, path: Path, cls: Any, old: Any, new: Any) -> None:
        """A map entry that is an item of its own (a checklist answer, a SUCCES rating) added or
        removed: each of its fields that differs from the field left empty."""
        empty: dict[str, Any] = {}
        if cls is not None:
            try:
                empty = cls().model_dump()
            except Exception:  # noqa: BLE001 - an entry with a required field: compare with nothing
                empty = {}
        before = old if isinstance(old, dict) else empty
        after = new if isinstance(new, dict) else empty
        for name in dict.fromkeys([*before, *after]):
            was, now = before.get(name, MISSING), after.get(name, MISSING)
            if was != now:
                self.set_value((*path, name), None if was is MISSING else was, None if now is MISSING else now)

    def list_value(self, path: Path, old: list, new: list) -> None:
        """Links (or texts) put in a list or taken out of it, each named."""
        n = self.n
        name = path[-1]
        place, field_word = n.place(path[:-1]) if len(path) > 1 else "", n.field_word(name)
        link = name in LINK_LISTS
        if not place:
            place = field_word[:1].upper() + field_word[1:]
        else:
            place = f"{place} · {field_word}"
        shown = (lambda v: n.link(v)) if link else (lambda v: n.quote(str(v)))
        gone = [v for v in old if v not in new]
        came = [v for v in new if v not in old]
        for value in gone:
            self.say(path, self.t("diff.list_removed", place=place, value=shown(value)))
        for value in came:
            self.say(path, self.t("diff.list_added", place=place, value=shown(value)))
        if not gone and not came:
            self.say(path, self.t("diff.list_order", place=place))
