"""Located problems found in a file, and the error that carries them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field as dataclass_field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from borgerspil_tui.core.text import one_line, printable

if TYPE_CHECKING:
    from borgerspil_tui.core.i18n import Message


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
    key: str = ""
    """UI text key of the message (core.i18n); when set, the message is written in the reader's
    language at the moment it is shown, and ``message`` is only its English fallback."""
    values: Mapping[str, Any] = dataclass_field(default_factory=dict, compare=False, hash=False)
    """The values filled into the keyed message."""

    @classmethod
    def of(cls, key: str, /, *, line: int | None = None, column: int | None = None, field: str = "",
           **values: Any) -> Problem:
        """A problem whose message is the UI text ``key`` filled with ``values`` (a value may be a
        :class:`~borgerspil_tui.core.i18n.Message`, written in the same language)."""
        from borgerspil_tui.core.i18n import tr

        return cls(tr("en", key, **values), line, column, field, key, dict(values))

    @classmethod
    def from_message(cls, message: Message, *, line: int | None = None, column: int | None = None,
                     field: str = "") -> Problem:
        """A problem that says ``message``."""
        from borgerspil_tui.core.i18n import tr

        return cls(tr("en", message.key, **message.values), line, column, field, message.key,
                   dict(message.values))

    def text(self, lang: str = "da") -> str:
        """The message in ``lang``."""
        if not self.key:
            return self.message
        from borgerspil_tui.core.i18n import tr

        return tr(lang, self.key, **self.values)

    def format(self, path: str | Path | None = None, lang: str = "da") -> str:
        """``PATH:LINE:COL: field.path: what is wrong`` (parts left out when unknown)."""
        parts: list[str] = []
        if path is not None:
            parts.append(printable(str(path)))
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        where = ":".join(parts)
        text = one_line(self.text(lang))
        if self.field:
            text = f"{one_line(self.field)}: {text}"
        return f"{where}: {text}" if where else text


class FileProblemError(Exception):
    """A file could not be used; ``problems`` says exactly why and where."""

    def __init__(self, path: str | Path | None, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(p.format(path, "en") for p in problems))  # for logs; users get .problems


def format_field(loc: tuple[str | int, ...]) -> str:
    """Turn a location tuple into ``a.b[3].c``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
