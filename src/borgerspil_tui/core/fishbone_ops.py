"""Fishbone edits as changes (core/changes), and sending an item on.

A cause on a causes fishbone goes to the problem tree as a new top-level cause; an item on a
solutions fishbone goes to the ideas as ``Idea(source="fishbone")``. Either way the item's
``linked`` is set to what it became in the same changes (one undo step takes both back), and
an item already linked is not sent again. When the cause or idea is deleted, deleting it clears
the link (EditBuilder.remove), so the item may be sent again.
"""

from __future__ import annotations

from borgerspil_tui.core import tree_ops
from borgerspil_tui.core.changes import Change, Path
from borgerspil_tui.core.edits import EditBuilder
from borgerspil_tui.core.fishbone_layout import cut
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Bone, BoneItem, Fishbone, Idea

FISHBONES: Path = ("create", "fishbones")
TITLE_LENGTH = 200
"""An idea's title made from a long item is cut here; the whole text goes in its description."""


class AlreadySent(Exception):
    """The item was sent on before; ``text`` is what it became, as it reads now."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def fishbone_path(fishbone_id: str) -> Path:
    """Where a fishbone is."""
    return (*FISHBONES, fishbone_id)


def bone_path(fishbone_id: str, bone_id: str) -> Path:
    """Where a bone is."""
    return (*FISHBONES, fishbone_id, "bones", bone_id)


def item_path(fishbone_id: str, bone_id: str, item_id: str) -> Path:
    """Where an item on a bone is."""
    return (*bone_path(fishbone_id, bone_id), "items", item_id)


def new_fishbone(method: Method, lang: str, kind: str) -> Fishbone:
    """A fishbone with the method's suggested bones, named in ``lang``."""
    return Fishbone(kind=kind, bones=[Bone(category=c.name(lang)) for c in method.fishbone_categories])


def head_of(project: Project, fishbone: Fishbone) -> tuple[str, bool]:
    """The head's text, and whether it is the project's problem statement (the head is empty)."""
    if fishbone.head.strip():
        return fishbone.head, False
    return project.focus.problem, True


def linked_text(project: Project, item: BoneItem) -> tuple[str, str] | None:
    """("cause" or "idea", its text now) for a linked item; None when not linked (or gone)."""
    if item.linked is None:
        return None
    for node, _depth in tree_ops.walk(project.focus.causes):
        if node.id == item.linked:
            return "cause", node.text
    for idea in project.create.ideas:
        if idea.id == item.linked:
            return "idea", idea.title
    return None


def send_on(changes: EditBuilder, fishbone: Fishbone, bone: Bone, item: BoneItem) -> tuple[list[Change], str]:
    """The changes that send ``item`` on, and where it went ("cause" or "idea").

    Raises :class:`AlreadySent` when the item is linked to a cause or idea that still exists."""
    found = linked_text(changes.project, item)
    if found is not None:
        raise AlreadySent(found[1])
    link = (*item_path(fishbone.id, bone.id, item.id), "linked")
    if fishbone.kind == "causes":
        made, node = tree_ops.add_top(changes, "causes", item.text)
        return [*made, *changes.set(link, node.id)], "cause"
    title = cut(item.text, TITLE_LENGTH)
    idea = Idea(title=title, description=item.text if title != " ".join(item.text.split()) else "",
                source="fishbone")
    return [*changes.add(("create", "ideas"), idea), *changes.set(link, idea.id)], "idea"


def not_sent(fishbone: Fishbone) -> int:
    """How many items on the fishbone are not sent on."""
    return sum(1 for bone in fishbone.bones for item in bone.items if item.linked is None)
