"""How many post-its from phones wait (state ``new``), per workshop and activity, kept up to date
change by change, so the capture screen's and the post-its screen's counts cost nothing per
arrival however many post-its the day has.

The tally belongs to the session's item index (core/item_index): it is made when first asked
(:meth:`~borgerspil_tui.core.item_index.ItemIndex.waiting`), is told of every change the session
makes after it (edits, a phone's post-it, undo, redo, the rollback of a refused edit, what came
from disk), and goes with the index when the whole project is replaced (a reload, a rescue): the
next question counts the new project once. Only changes under ``workshops`` are looked at; a
change to one post-it reads that post-it again, a change to a whole workshop or list counts that
workshop again. No Textual here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from borgerspil_tui.core.changes import (
    AddItem,
    Change,
    MoveItem,
    RemoveItem,
    SetValue,
    data_key,
)
from borgerspil_tui.core.model import Project

WAITING = "new"
"""The state of a post-it the facilitator has not taken in, merged or hidden."""

Getter = Callable[[tuple[str, ...]], Any]
"""What is at a path of the project now (KeyError when nothing is): the session editor's ``get``."""


class WaitingPostIts:
    """The waiting post-its' ids, each with its workshop and activity, and counts of them."""

    def __init__(self, project: Project) -> None:
        self._where: dict[str, tuple[str, str | None]] = {}
        """Each waiting post-it's id → (workshop id, activity id or None)."""
        self._counts: Counter[tuple[str, str | None]] = Counter()
        self._totals: Counter[str] = Counter()
        for workshop in project.workshops:
            self._add_workshop(workshop)

    # -- questions -------------------------------------------------------------------------------
    def count(self, workshop_id: str, activity_id: str | None = None) -> int:
        """How many post-its wait in the workshop (in one of its activities, when given)."""
        if activity_id is None:
            return self._totals[workshop_id]
        return self._counts[(workshop_id, activity_id)]

    def ids(self) -> set[str]:
        """The ids of every waiting post-it (for tests: checked against a count of the project)."""
        return set(self._where)

    # -- kept up to date -------------------------------------------------------------------------
    def after(self, change: Change, get: Getter) -> None:
        """``change`` was just made; ``get`` reads the project as it is now."""
        if isinstance(change, MoveItem):
            if change.source[:1] == ("workshops",) and change.source[:2] != change.target[:2]:
                for path in (change.source, change.target):  # a post-it into another workshop: never
                    if len(path) >= 2:                       # made by the app, counted again if it is
                        self._recount(path[1], get)
            return
        path = change.path if isinstance(change, SetValue) else change.at
        if path[:1] != ("workshops",):
            return
        if len(path) == 1:
            self._workshops_changed(change, get)
        elif len(path) == 2 or (len(path) == 3 and path[2] == "postits" and isinstance(change, SetValue)):
            self._recount(path[1], get)  # a whole workshop or its whole list of post-its
        elif path[2] != "postits":
            return  # its agenda, log, timer …: a deleted activity clears its post-its' field by their own path
        elif len(path) == 3:
            self._read(path[1], data_key(change.item), get)  # type: ignore[union-attr]
        else:
            self._read(path[1], path[3], get)

    def _workshops_changed(self, change: Change, get: Getter) -> None:
        if isinstance(change, AddItem):
            self._recount(data_key(change.item), get)
        elif isinstance(change, RemoveItem):
            self._drop_workshop(data_key(change.item))
        else:  # the whole list of workshops
            for ident in {w for w, _a in self._where.values()}:
                self._drop_workshop(ident)
            for workshop in get(("workshops",)):
                self._add_workshop(workshop)

    # -- the tally -------------------------------------------------------------------------------
    def _read(self, workshop_id: str, postit_id: str, get: Getter) -> None:
        """Count one post-it again as it is now (gone: not counted)."""
        self._drop(postit_id)
        try:
            postit = get(("workshops", workshop_id, "postits", postit_id))
        except (KeyError, IndexError, TypeError):
            return
        if postit.state == WAITING:
            self._put(postit.id, workshop_id, postit.activity)

    def _recount(self, workshop_id: str, get: Getter) -> None:
        self._drop_workshop(workshop_id)
        try:
            workshop = get(("workshops", workshop_id))
        except (KeyError, IndexError, TypeError):
            return
        self._add_workshop(workshop)

    def _add_workshop(self, workshop: Any) -> None:
        for postit in workshop.postits:
            if postit.state == WAITING:
                self._put(postit.id, workshop.id, postit.activity)

    def _drop_workshop(self, workshop_id: str) -> None:
        for ident in [i for i, (w, _a) in self._where.items() if w == workshop_id]:
            self._drop(ident)

    def _put(self, postit_id: str, workshop_id: str, activity_id: str | None) -> None:
        self._where[postit_id] = (workshop_id, activity_id)
        self._counts[(workshop_id, activity_id)] += 1
        self._totals[workshop_id] += 1

    def _drop(self, postit_id: str) -> None:
        found = self._where.pop(postit_id, None)
        if found is None:
            return
        self._counts[found] -= 1
        self._totals[found[0]] -= 1
