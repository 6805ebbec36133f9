"""Text measured in terminal cells, for drawings made of characters (the fishbone, the groups'
board): wide characters (most emoji, CJK) take two cells, combining marks none. No Textual here."""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"


def char_len(char: str) -> int:
    """The cells one character takes."""
    if unicodedata.combining(char) or unicodedata.category(char) == "Cf":  # marks, joiners, selectors
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_len(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    return sum(char_len(char) for char in text)


def cut(text: str, width: int) -> str:
    """``text`` on one line (line breaks and runs of spaces as one space), cut with … to ``width``."""
    flat = " ".join(text.split())
    if width <= 0:
        return ""
    if cell_len(flat) <= width:
        return flat
    out, used = [], 0
    for char in flat:
        size = char_len(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out).rstrip() + ELLIPSIS


def pad(text: str, width: int) -> str:
    """``text`` filled with spaces to ``width`` cells."""
    return text + " " * max(0, width - cell_len(text))
