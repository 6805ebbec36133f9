"""Text rules shared by the model and the CLI: which characters a text may hold."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
"""Control characters (all but tab and newline), C1 controls, and line separators."""


def first_forbidden(value: str) -> str | None:
    """The first character :func:`check_text` refuses, as ``U+XXXX``, or None."""
    found = _FORBIDDEN.search(value)
    return f"U+{ord(found.group()):04X}" if found else None


def check_text(value: str) -> str:
    """Refuse control characters that could put terminal escapes on a screen."""
    found = _FORBIDDEN.search(value)
    if found:
        from borgerspil_tui.core.validation_messages import refuse

        refuse("valid.control_character", code=f"U+{ord(found.group()):04X}", position=found.start() + 1)
    return value


def printable(value: str) -> str:
    """Show ``value`` with every control character written as an escape (for terminals)."""
    return _FORBIDDEN.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                          else f"\\u{ord(m.group()):04x}", value)


Text = Annotated[str, AfterValidator(check_text), StringConstraints(max_length=20_000)]
"""Free text a person wrote: any length up to 20,000 characters, no control characters."""

def check_line(value: str) -> str:
    """A one-line text: no newlines, no control characters."""
    if "\n" in value:
        from borgerspil_tui.core.validation_messages import refuse

        refuse("valid.one_line")
    return check_text(value)


Line = Annotated[str, AfterValidator(check_line), StringConstraints(max_length=500)]
"""A short one-line text such as a title or a name."""


def one_line(value: str) -> str:
    """Like :func:`printable`, and newlines and tabs written as ``\\n`` and ``\\t`` too."""
    return printable(value).replace("\n", "\\n").replace("\t", "\\t")
