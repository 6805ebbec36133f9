"""Conflicts a merge recorded in the file: two people changed one thing in different ways.

A merge (core/merge) never writes git's ``<<<<<<<`` markers: the merged file stays a valid
project holding *our* side of each conflict, and lists the conflicts here until someone chooses
(the Konflikter screen, core/conflict_resolve). When the last one is resolved the section is gone.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, StringConstraints

from borgerspil_tui.core.model.base import ItemId, Strict, id_field
from borgerspil_tui.core.text import Line, check_text

ConflictText = Annotated[str, AfterValidator(check_text), StringConstraints(max_length=2_000_000)]
"""One side's value as text (an item as JSON can be long)."""


class Conflict(Strict):
    """One thing both sides changed differently since their common version.

    ``where`` is a dotted path in the change model's notation (core/changes), except that a
    problem-tree node is named by its branch and id alone, however deep it sits:
    ``create.ideas.idea-k3x9fa.title``, ``create.weights.importance``,
    ``focus.causes.node-a7b2c3.text``, ``checklists.focus-1-1.answer``.

    ``kind`` says how the three texts are written:

    - ``text``: a text field; the texts are the texts (None: the field was None).
    - ``value``: any other value (a number, a choice, a date, a list of ids); the texts are JSON
      (None: the key or field is absent).
    - ``item``: one side deleted the item at ``where``, the other changed it; the texts are the
      item as JSON, None on the side that deleted it. The file keeps the changed item.
    - ``parent``: a problem-tree node moved to different places; the texts are the parent
      node's id, or ``""`` for the top of its branch. The file keeps our place.

    The project holds ``ours`` until someone chooses.
    """

    id: ItemId = id_field("conflict")
    where: Line
    kind: Literal["text", "value", "item", "parent"] = "text"
    about: Line = ""
    """What it is about, in words, for the people reading the file: "Idé «Hurtigspor»: titel"."""
    base: ConflictText | None = None
    ours: ConflictText | None = None
    theirs: ConflictText | None = None
