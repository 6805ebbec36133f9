"""The three-way merge of plain project data, field by field, guided by the model's shapes.

Everything here works on what ``model_dump(mode="json")`` gives: dicts, lists and plain values.
Items are matched by key; a field or map key that only one side changed takes that side; the
same change on both sides is taken once; different changes of one field are a conflict, which
keeps ours and is recorded (:meth:`Merger.conflict`). The problem tree is merged per node in
``merge_tree``. No Textual here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from borgerspil_tui.core.changes import MISSING, Path
from borgerspil_tui.core.merge_order import merge_order
from borgerspil_tui.core.merge_shapes import Shape, field_shapes, key_of

Data = dict[str, Any]
Owner = tuple[str, str, Path]
"""The item a merge is in: its kind (``idea``), its name, its path."""
_NAME_FIELDS = ("title", "name", "question", "statement", "text", "what", "phase", "kind", "line")


def item_name(data: Data | None) -> str:
    """What an item is called, for a conflict's description: its title, name, text …, one line."""
    if not data:
        return ""
    for name in _NAME_FIELDS:
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            line = " ".join(value.split())
            return line if len(line) <= 60 else line[:59] + "…"
    if "voter" in data:
        return f"{data['voter']} → {data.get('idea', '')}"
    return str(data.get("id", ""))


class Merger:
    """One merge: walks the three versions and collects the conflicts it records.

    ``describe(path, owner)`` words a conflict's ``about``; ``owner`` is the item the walk is in:
    what it is called (``idea``), its name, and its path (all empty outside any item).
    """

    def __init__(self, describe: Callable[[Path, Owner], str]) -> None:
        self.conflicts: list[Data] = []
        self._describe = describe
        self.owner: Owner = ("", "", ())

    # -- recording ---------------------------------------------------------------------------
    def conflict(self, path: Path, kind: str, base: Any, ours: Any, theirs: Any) -> None:
        """Record that both sides changed ``path`` differently (the values as plain data)."""
        if kind in ("text", "parent"):
            texts = [None if v is MISSING else v for v in (base, ours, theirs)]
        else:
            texts = [None if v is MISSING else json.dumps(v, ensure_ascii=False, sort_keys=True)
                     for v in (base, ours, theirs)]
        self.conflicts.append({"where": ".".join(path), "kind": kind,
                               "about": self._describe(path, self.owner)[:500],
                               "base": texts[0], "ours": texts[1], "theirs": texts[2]})

    # -- models, maps, lists, values -----------------------------------------------------------
    def model(self, model: type[BaseModel], path: Path, base: Data | None, ours: Data, theirs: Data) -> Data:
        """An item or part, field by field (``base`` None: both sides added it)."""
        decided = one_sided(MISSING if base is None else base, ours, theirs)
        if decided is not UNDECIDED:
            return decided
        merged: Data = {}
        shapes = field_shapes(model)
        if "causes" in shapes and shapes["causes"].kind == "tree":
            from borgerspil_tui.core.merge_tree import merge_tree

            outer = self.owner
            merged.update(merge_tree(self, path, base or {}, ours, theirs))
            self.owner = outer
        for name, shape in shapes.items():
            if name in merged:
                continue
            old = MISSING if base is None else base.get(name, MISSING)
            merged[name] = self.value(shape, (*path, name), old, ours.get(name), theirs.get(name))
        return merged

    def value(self, shape: Shape, path: Path, base: Any, ours: Any, theirs: Any) -> Any:
        """One field or map value of any shape."""
        decided = one_sided(base, ours, theirs)
        if decided is not UNDECIDED:
            return decided
        kind = shape.kind
        if kind == "model" and isinstance(ours, dict) and isinstance(theirs, dict):
            return self.model(shape.model, path, base if isinstance(base, dict) else None, ours, theirs)
        if kind == "items":
            return self.items(shape, path, base if isinstance(base, list) else [], ours, theirs)
        if kind == "map" and isinstance(ours, dict) and isinstance(theirs, dict):
            return self.map(shape.inner, path, base if isinstance(base, dict) else {}, ours, theirs)
        if kind == "values" and isinstance(ours, list) and isinstance(theirs, list):
            return self.values(shape, path, base if isinstance(base, list) else [], ours, theirs)
        self.conflict(path, _value_kind(shape, base, ours, theirs), base, ours, theirs)
        return ours

    def map(self, inner: Shape, path: Path, base: Data, ours: Data, theirs: Data) -> Data:
        """A map, key by key (a key one side removed and the other changed: a conflict that
        keeps the changed value)."""
        merged: Data = {}
        for key in dict.fromkeys([*ours, *theirs, *base]):
            old, mine, other = base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING)
            if mine is MISSING or other is MISSING:
                kept = other if mine is MISSING else mine
                gone = mine if mine is MISSING else other
                if old is MISSING:
                    merged[key] = kept  # added on one side
                elif kept != old and kept is not MISSING:
                    kind = "item" if inner.kind == "model" else _value_kind(inner, old, mine, other)
                    self.conflict((*path, key), kind, old, mine, other)
                    merged[key] = kept  # removed on one side, changed on the other: keep it
                del gone
                continue
            merged[key] = self.value(inner, (*path, key), old, mine, other)
        return merged

    def values(self, shape: Shape, path: Path, base: list, ours: list, theirs: list) -> list:
        """A list of plain values (ids, short texts) merged as a set that keeps ours' order:
        what either side removed goes, what either side added comes."""
        had, mine, other = set(map(_hashable, base)), set(map(_hashable, ours)), set(map(_hashable, theirs))
        removed = had - other
        merged = [v for v in ours if _hashable(v) not in removed]
        merged += [v for v in theirs if _hashable(v) not in had and _hashable(v) not in mine]
        merged = list({_hashable(v): v for v in merged}.values())
        if shape.max_length is not None and len(merged) > shape.max_length:
            self.conflict(path, "value", base, ours, theirs)
            return ours
        return merged

    def items(self, shape: Shape, path: Path, base: list[Data], ours: list[Data], theirs: list[Data]) -> list[Data]:
        """A list of items by key: both sides' new items kept, a deletion wins over no change,
        a deletion against a change is a conflict that keeps the changed item."""
        decided = one_sided(base, ours, theirs)
        if decided is not UNDECIDED:
            return decided
        key = key_of(shape.model)
        old = {key(item): item for item in base}
        mine = {key(item): item for item in ours}
        other = {key(item): item for item in theirs}
        merged: dict[str, Data] = {}
        outer = self.owner
        for name in dict.fromkeys([*old, *mine, *other]):
            was, a, b = old.get(name), mine.get(name), other.get(name)
            self.owner = (shape.item_kind, item_name(was or a or b), (*path, name))
            if a is not None and b is not None:
                merged[name] = self.model(shape.model, (*path, name), was, a, b)
            elif a is not None or b is not None:
                kept = a if a is not None else b
                if was is None:
                    merged[name] = kept
                elif kept != was:
                    self.conflict((*path, name), "item", was, MISSING if a is None else a,
                                  MISSING if b is None else b)
                    merged[name] = kept
        self.owner = outer
        order = merge_order(list(old), list(mine), list(other), set(merged))
        return [merged[name] for name in order]


UNDECIDED: Any = object()
"""What :func:`one_sided` gives when both sides changed a value, differently."""


def one_sided(base: Any, ours: Any, theirs: Any) -> Any:
    """The merged value when at most one side changed it, or the same on both (``base``
    MISSING: both sides added it); else :data:`UNDECIDED`."""
    if ours == theirs:
        return ours
    if base is not MISSING:
        if ours == base:
            return theirs
        if theirs == base:
            return ours
    return UNDECIDED


def _hashable(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, (dict, list)) else value


def _value_kind(shape: Shape, *values: Any) -> str:
    """``text`` for a text field (all sides a text or absent), else ``value`` (JSON)."""
    del values
    return "text" if shape.text and not shape.link else "value"
