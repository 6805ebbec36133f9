"""Escaping a user's text for where it lands in a Markdown report (CommonMark + GitHub tables).

The rule: nothing a user wrote is ever read as Markdown or HTML. Every ASCII character that can
start an inline construct is backslash-escaped wherever it stands (``\\ ` * _ [ ] < > | ~ & !``
and ``$`` for GitHub's maths), and the characters that only matter at the start of a line
(``#``, ``=``, ``-``, ``+``, ``>``, a number followed by ``.`` or ``)``) are escaped there.
Leading and trailing spaces of each line are dropped (four spaces would make a code block).
``<`` is always escaped, so no HTML tag and no autolink comes from user text; ``[`` too, so no
link (and no ``javascript:`` link) either. A backslash escape also stops entities (``\\&amp;``).

Line breaks: in running text (:func:`md_block`) each line stays a line, joined by a backslash
hard break and the prefix of the block it sits in (``> `` in a quote, two spaces in a list
item). In a table cell and a heading (:func:`md_inline`) a line break becomes `` ⏎ `` — a
visible mark, not HTML (``<br>`` would be the only other way and it is HTML).
"""

from __future__ import annotations

import re

BREAK_MARK = " ⏎ "
"""What a line break of the user's text becomes in a table cell or a heading."""

_ANYWHERE = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|~&!$"})
_LINE_START = re.compile(r"^(#|=|-|\+|>|(\d+)([.)]))")


def _escape_line(line: str, at_start: bool = True) -> str:
    line = line.strip()
    out = line.translate(_ANYWHERE)
    match = _LINE_START.match(out) if at_start else None
    if match:
        if match.group(2) is not None:  # "12." or "3)": escape the dot or the bracket
            digits = match.group(2)
            out = digits + "\\" + out[len(digits):]
        else:
            out = "\\" + out
    return out


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def md_inline(text: str) -> str:
    """One line of Markdown for a table cell or a heading: escaped, line breaks as `` ⏎ ``."""
    return BREAK_MARK.join(_escape_line(line) for line in _lines(text))


def md_cell(text: str) -> str:
    """A table cell: like :func:`md_inline` (``|`` is escaped, so it never splits a cell), but
    a cell holds no block, so ``#``, ``-`` or ``1.`` at its start stay as they are."""
    return BREAK_MARK.join(_escape_line(line, at_start=False) for line in _lines(text))


def md_block(text: str, prefix: str = "") -> str:
    """Running text that keeps its lines: each line escaped, joined by a hard break; ``prefix``
    starts every line after the first (``"> "`` in a quote, ``"  "`` in a list item)."""
    return ("\\\n" + prefix).join(_escape_line(line) for line in _lines(text))


def md_quote(text: str) -> str:
    """A citizen's quote as a Markdown blockquote (``> …``), every line of it inside."""
    return "> " + md_block(text, "> ")


def md_item(text: str) -> str:
    """A list item (``- …``) whose continuation lines stay inside it."""
    return "- " + md_block(text, "  ")
