"""A fishbone (Ishikawa) diagram laid out as lines of text, for the terminal (no Textual here).

The head (the problem or the goal, in a box) is at the right end of a spine; the bones slant
into the spine, bone 0 above, bone 1 below, bone 2 above … from the left. Each bone has its
category at its far end and its items along it, one a row, cut with … when long. When the
bones do not all fit across, the ones around the selected bone are shown with ``‹ +n`` and
``+n ›``; when a bone has more items than rows, a row says ``+n`` and the selected item stays
in view. ``spots`` tells the widget where each category and item was drawn (to mark the
selected one).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from borgerspil_tui.core.cells import ELLIPSIS, cell_len, char_len, cut, pad

__all__ = ["ELLIPSIS", "Layout", "Spot", "cut", "layout"]

MIN_SLOT = 18
"""The narrowest a bone's column may be."""
MAX_HALF = 12
"""The most rows a bone takes above or below the spine."""
Spot = tuple[int, int | None]
"""A bone's index and an item's index on it (None: the category)."""


@dataclass
class Layout:
    """The drawing: rows of exactly ``width`` characters, and where each part went."""

    lines: list[str]
    cells: list[list[str]] = field(default_factory=list)
    """The same rows cell by cell (the second cell of a wide character is ""), for highlighting
    a spot by its columns."""
    spots: dict[Spot, tuple[int, int, int]] = field(default_factory=dict)
    """(row, column, length) of each category and item shown."""
    hidden_items: dict[int, int] = field(default_factory=dict)
    """Per bone: how many of its items are not shown."""
    bones_shown: tuple[int, int] = (0, 0)
    """The first bone shown and one past the last."""

    @property
    def text(self) -> str:
        """All rows, without trailing blanks."""
        return "\n".join(line.rstrip() for line in self.lines)


class _Canvas:
    """A grid of characters to write into."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.rows = [[" "] * width for _ in range(height)]

    def put(self, row: int, col: int, text: str) -> int:
        """Write ``text`` from ``col``, clipped at the edge; how many cells went in. A wide
        character (an emoji) takes two cells, the second left empty; a mark joins the cell before."""
        if not 0 <= row < len(self.rows):
            return 0
        written, x = 0, col
        for char in text:
            size = char_len(char)
            if size == 0:
                if written and 0 < x <= self.width:
                    self.rows[row][x - 1] += char
                continue
            if x >= 0 and x + size <= self.width:
                self.rows[row][x] = char
                if size == 2:
                    self.rows[row][x + 1] = ""
                written += size
            x += size
        return written

    def lines(self) -> list[str]:
        return ["".join(row) for row in self.rows]


def _window(count: int, fits: int, selected: int) -> tuple[int, int]:
    """Which of ``count`` columns to show when ``fits`` fit, keeping ``selected`` in view."""
    if count <= fits:
        return 0, count
    start = min(max(0, selected - fits // 2), count - fits)
    return start, start + fits


def _item_window(count: int, rows: int, selected: int | None) -> tuple[int, int, int]:
    """Which items of a bone to show in ``rows`` rows: (first, last+1, hidden). One row goes to
    ``+n`` when they don't all fit; the selected item is kept in view."""
    if count <= rows:
        return 0, count, 0
    room = max(0, rows - 1)
    start = 0
    if selected is not None and selected >= room:
        start = min(selected - room + 1, count - room)
    return start, start + room, count - room


def _head_box(head: str, width: int, height: int) -> list[str]:
    """The head in a box ``width`` wide and at most ``height`` high."""
    inner = max(1, width - 4)
    wrapped = textwrap.wrap(" ".join(head.split()), inner) or [""]
    room = max(1, height - 2)
    if len(wrapped) > room:
        wrapped = wrapped[:room]
        wrapped[-1] = cut(wrapped[-1] + " " + ELLIPSIS * 2, inner) if cell_len(wrapped[-1]) >= inner else wrapped[-1] + ELLIPSIS
    rows = ["┌" + "─" * (width - 2) + "┐"]
    rows += ["│ " + pad(cut(line, inner), inner) + " │" for line in wrapped]
    rows.append("└" + "─" * (width - 2) + "┘")
    return rows


def layout(head: str, bones: list[tuple[str, list[str]]], width: int, height: int,
           selected: Spot | None = None, *, more_items: str = "+{n}") -> Layout:
    """Lay the fishbone out in ``width`` × ``height`` cells.

    ``bones`` are (category, item texts) in order; ``selected`` is kept in view; ``more_items``
    is how ``+n`` hidden items are said (``{n}`` is the number).
    """
    width, height = max(width, 30), max(height, 5)
    half = min(MAX_HALF, (height - 1) // 2)
    height = 2 * half + 1
    canvas = _Canvas(width, height)
    spine = half
    head_width = min(max(14, width // 4), 34)
    box = _head_box(head, head_width, height)
    head_col = width - head_width
    top = max(0, spine - len(box) // 2)
    for offset, line in enumerate(box):
        canvas.put(top + offset, head_col, line)
    spine_width = head_col - 1
    canvas.put(spine, 0, "━" * spine_width + "▶")

    slots = (len(bones) + 1) // 2
    selected_bone = selected[0] if selected else 0
    usable = spine_width - 4  # room for the ‹ +n and +n › marks
    fits = max(1, usable // MIN_SLOT)
    first_slot, end_slot = _window(slots, fits, min(selected_bone, max(0, len(bones) - 1)) // 2)
    shown = end_slot - first_slot
    result = Layout([], bones_shown=(first_slot * 2, min(len(bones), end_slot * 2)))
    if shown == 0:
        result.lines, result.cells = canvas.lines(), canvas.rows
        return result
    left = 4 if first_slot else 0
    slot_width = max(MIN_SLOT, (spine_width - left - (4 if end_slot < slots else 0)) // shown)
    if first_slot:
        canvas.put(spine - 1, 0, "‹")
        canvas.put(spine + 1, 0, f"+{first_slot * 2}")
    if end_slot < slots:
        rest = len(bones) - end_slot * 2
        canvas.put(spine - 1, spine_width - 1, "›")
        canvas.put(spine + 1, spine_width - len(f"+{rest}"), f"+{rest}")

    for slot in range(first_slot, end_slot):
        x0 = left + (slot - first_slot) * slot_width
        pair = [i for i in (slot * 2, slot * 2 + 1) if i < len(bones)]
        for bone_index in pair:
            _bone(canvas, result, bones[bone_index], bone_index, x0, slot_width, spine, half, selected, more_items)
        canvas.put(spine, x0 + half + 1, "╋" if len(pair) == 2 else "┳")
    result.lines, result.cells = canvas.lines(), canvas.rows
    return result


def _bone(canvas: _Canvas, result: Layout, bone: tuple[str, list[str]], index: int, x0: int, slot_width: int,
          spine: int, half: int, selected: Spot | None, more_items: str) -> None:
    """One bone: above the spine when its index is even, its category at the far end and its
    items along it from there towards the spine."""
    category, items = bone
    above = index % 2 == 0
    label_row = 0 if above else min(len(canvas.rows) - 1, spine + half)
    label = cut(category.upper(), slot_width - 2)
    canvas.put(label_row, x0, label)
    result.spots[(index, None)] = (label_row, x0, cell_len(label))
    rows = list(range(1, spine)) if above else list(range(label_row - 1, spine, -1))
    item_selected = selected[1] if selected and selected[0] == index else None
    start, end, hidden = _item_window(len(items), len(rows), item_selected)
    if hidden:
        result.hidden_items[index] = hidden
    for step, row in enumerate(rows):
        depth = row if above else spine + half - row
        col = x0 + 1 + depth
        canvas.put(row, col, "╲" if above else "╱")
        room = x0 + slot_width - (col + 2) - 1
        item = start + step
        if item < end:
            text = cut(items[item], room)
            canvas.put(row, col + 2, text)
            result.spots[(index, item)] = (row, col + 2, cell_len(text))
        elif hidden and item == end:
            canvas.put(row, col + 2, cut(more_items.format(n=hidden), room))
