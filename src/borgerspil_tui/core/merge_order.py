"""The order of a merged list: the common version's order, with each side's moves and additions.

Each side's items that kept their relative order (the longest run in the common version's order)
stay where they are; the others (moved or added by that side) are put right after the item that
precedes them on that side. Ours first, then theirs, so at one place ours' new items come before
theirs'. A list one side left alone comes out exactly as the other side has it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence

_HEAD = object()


def merge_order(base: Sequence[Hashable], ours: Sequence[Hashable], theirs: Sequence[Hashable],
                keep: set[Hashable]) -> list[Hashable]:
    """The merged order of the keys in ``keep`` (each key once).

    ``keep`` holds the keys the merged list has: those neither side deleted, both sides' new
    ones, and any a merge kept despite a deletion.
    """
    if list(ours) == list(base):
        if list(theirs) == list(base) or set(theirs) >= keep:
            return _with_leftovers([k for k in theirs if k in keep], base, ours, keep)
    elif list(theirs) == list(base) and set(ours) >= keep:
        return [k for k in ours if k in keep]
    chain = _Chain([k for k in base if k in keep])
    base_at = {key: index for index, key in enumerate(base)}
    placed: set[Hashable] = set()
    for side in (ours, theirs):
        stable = _stable(side, base_at)
        newly: set[Hashable] = set()
        for position, key in enumerate(side):
            if key in stable or key not in keep or key in placed:
                continue
            chain.remove(key)
            chain.insert_after(_predecessor(side, position, chain), key, skip=placed)
            newly.add(key)
        placed |= newly
    return _with_leftovers(chain.keys(), base, ours, keep)


def _with_leftovers(order: list[Hashable], base: Sequence[Hashable], ours: Sequence[Hashable],
                    keep: set[Hashable]) -> list[Hashable]:
    """Keys to keep that no list placed (cannot happen with consistent input) go at the end."""
    if len(order) == len(keep):
        return order
    seen = set(order)
    for key in (*ours, *base, *sorted(keep - set(ours) - set(base), key=str)):
        if key in keep and key not in seen:
            order.append(key)
            seen.add(key)
    return order


def _stable(side: Sequence[Hashable], base_at: dict[Hashable, int]) -> set[Hashable]:
    """The side's keys that kept their relative order from the common version: the longest
    increasing run of their old positions (O(n log n))."""
    keys = [key for key in side if key in base_at]
    tails: list[int] = []          # smallest old position that ends a run of each length
    tail_index: list[int] = []     # where in ``keys`` that run ends
    previous: list[int] = [-1] * len(keys)
    for index, key in enumerate(keys):
        old = base_at[key]
        length = bisect_left(tails, old)
        if length == len(tails):
            tails.append(old)
            tail_index.append(index)
        else:
            tails[length] = old
            tail_index[length] = index
        previous[index] = tail_index[length - 1] if length else -1
    stable: set[Hashable] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        stable.add(keys[index])
        index = previous[index]
    return stable


def _predecessor(side: Sequence[Hashable], position: int, chain: _Chain) -> object:
    """The nearest key before ``position`` on this side that is in the merged list (or the head)."""
    for index in range(position - 1, -1, -1):
        if side[index] in chain:
            return side[index]
    return _HEAD


class _Chain:
    """A linked list of keys: remove and insert-after in constant time."""

    def __init__(self, keys: list[Hashable]) -> None:
        self._next: dict[object, object] = {}
        self._prev: dict[object, object] = {}
        last: object = _HEAD
        for key in keys:
            self._next[last] = key
            self._prev[key] = last
            last = key
        self._next[last] = None

    def __contains__(self, key: object) -> bool:
        return key in self._prev

    def remove(self, key: Hashable) -> None:
        """Take ``key`` out, if it is in."""
        if key not in self._prev:
            return
        before, after = self._prev.pop(key), self._next.pop(key)
        self._next[before] = after
        if after is not None:
            self._prev[after] = before

    def insert_after(self, anchor: object, key: Hashable, *, skip: set[Hashable]) -> None:
        """Put ``key`` after ``anchor`` and after the keys right behind it that are in ``skip``
        (what the other side placed there first)."""
        while self._next.get(anchor) in skip:
            anchor = self._next[anchor]
        after = self._next.get(anchor)
        self._next[anchor] = key
        self._prev[key] = anchor
        self._next[key] = after
        if after is not None:
            self._prev[after] = key

    def keys(self) -> list[Hashable]:
        """The keys in order."""
        out: list[Hashable] = []
        key = self._next.get(_HEAD)
        while key is not None:
            out.append(key)
            key = self._next[key]
        return out
