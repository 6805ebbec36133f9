"""Plain text for widgets that would otherwise read ``[...]`` as markup."""

from __future__ import annotations

from rich.text import Text


def cell(text: str) -> Text:
    """A DataTable cell or column label shown exactly as written (DataTable parses ``str`` as markup)."""
    return Text(text, end="")
