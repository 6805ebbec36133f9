"""Edits that are no step of the keyboard's undo history (what the room's phones send), and the
rule that keeps them: an undo or redo that would take such an item away — remove it, replace
what holds it, or remove what it links to — is refused, so Ctrl+Z never loses what a participant
wrote (a facilitator undoing the agenda their post-its hang on took every post-it with it, and a
redo then failed on a post-it that was gone)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from borgerspil_tui.core.changes import AddItem, Change, ChangeSet, RemoveItem, SetValue
from borgerspil_tui.core.i18n import Label


class UndoWouldLose(Exception):
    """Undoing (or redoing) ``label`` would take away what came from outside the undo history."""

    def __init__(self, label: Label) -> None:
        self.label = label
        super().__init__(f"undoing or redoing {label!r} would take away the phones' items")


def ids_within(value: Any) -> set[str]:
    """The ids of every item in ``value`` (a model, plain data, or lists of them)."""
    found: set[str] = set()
    stack = [value]
    while stack:
        here = stack.pop()
        if isinstance(here, BaseModel):
            ident = getattr(here, "id", None)
            if isinstance(ident, str):
                found.add(ident)
            stack.extend(v for v in here.__dict__.values() if isinstance(v, (BaseModel, list, dict)))
        elif isinstance(here, dict):
            ident = here.get("id")
            if isinstance(ident, str):
                found.add(ident)
            stack.extend(v for v in here.values() if isinstance(v, (BaseModel, list, dict)))
        elif isinstance(here, list):
            stack.extend(v for v in here if isinstance(v, (BaseModel, list, dict)))
    return found


class OutsideEdits:
    """The ids of the items added outside the undo history, and what they link to."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def added(self, changes: Iterable[Change]) -> None:
        """Note the items ``changes`` added (made outside the undo history)."""
        for change in changes:
            if isinstance(change, AddItem):
                self.ids |= ids_within(change.item)

    def would_lose(self, changes: Iterable[Change], get: Callable[[tuple], Any],
                   alive: Callable[[str], bool]) -> bool:
        """Whether making ``changes`` would take away an outside item or something one links to.
        ``get`` reads the project at a path, ``alive`` says whether an id is still in it."""
        self.ids = {ident for ident in self.ids if alive(ident)}
        if not self.ids:
            return False
        changes = list(changes)
        relinked = {(c.path[-2], c.path[-1]) for c in changes if isinstance(c, SetValue) and len(c.path) >= 2}
        kept = set(self.ids)
        for ident in self.ids:  # what they link to must stay too (an activity), unless this step relinks it
            try:
                item = get(("#", ident))
            except KeyError:
                continue
            kept.update(v for name, v in item.__dict__.items()
                        if isinstance(v, str) and (ident, name) not in relinked and alive(v))
        for change in changes:
            try:
                if isinstance(change, RemoveItem):
                    gone = ids_within(get((*change.at, change.key)))
                elif isinstance(change, SetValue):
                    gone = ids_within(get(change.path)) - ids_within(change.new)
                else:
                    continue
            except (KeyError, IndexError, TypeError):
                continue
            if gone & kept:
                return True
        return False

    def refuse(self, label: Label, step: ChangeSet, editor: Any, index: Any) -> None:
        """Raise :class:`UndoWouldLose` when making ``step`` (an undo's inverse, or a redo) would
        take away an outside item; ``editor`` and ``index`` are the session's."""
        def get(path: tuple) -> Any:
            return editor.get(index.path(path[1]) if path[:1] == ("#",) else path)

        if self.would_lose(step.changes, get, lambda ident: index.kind(ident) is not None):
            raise UndoWouldLose(label)
