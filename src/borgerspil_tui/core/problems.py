"""Located problems found in a file, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from borgerspil_tui.core.text import one_line, printable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, with where it is when that is known."""

    message: str
    line: int | None = None
    """1-based line number, or None when the file gives no position."""
    column: int | None = None
    """1-based column number."""
    field: str = ""
    """Dotted path of the field, e.g. ``create.ideas[3].scores.importance``."""

    def format(self, path: str | Path | None = None) -> str:
        """``PATH:LINE:COL: field.path: what is wrong`` (parts left out when unknown)."""
        parts: list[str] = []
        if path is not None:
            parts.append(printable(str(path)))
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        where = ":".join(parts)
        text = one_line(self.message)
        if self.field:
            text = f"{one_line(self.field)}: {text}"
        return f"{where}: {text}" if where else text


class FileProblemError(Exception):
    """A file could not be used; ``problems`` says exactly why and where."""

    def __init__(self, path: str | Path | None, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(p.format(path) for p in problems))


def format_field(loc: tuple[str | int, ...]) -> str:
    """Turn a location tuple into ``a.b[3].c``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
