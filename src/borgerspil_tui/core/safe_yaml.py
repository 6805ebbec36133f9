"""A strict, safe YAML reader for project and method files.

It walks libyaml's event stream itself, so that anchors, aliases, tags, duplicate keys and
deep nesting are refused *before* anything is built or expanded, and so that every value can
be traced back to its line and column. Scalars follow the YAML 1.2 core schema (``yes`` and
``no`` stay text, ``2024-05-01`` stays text for the model to parse as a date).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from borgerspil_tui.core.problems import Problem

try:  # libyaml is the fast path; the pure-Python parser gives the same events.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_DEPTH = 100
"""Deepest nesting of mappings and lists a file may have."""

Path = tuple[str | int, ...]
Position = tuple[int, int]

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?:[ \t]|$)", re.MULTILINE)
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}
_NUMBER_START = frozenset("0123456789+-.")
NOT_TEXT = re.compile(
    r"^(?:|~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)\Z"
)
"""Plain scalars that :func:`resolve_plain` does not read as text (the writer quotes them)."""


class YamlProblem(Exception):
    """The text is not YAML this program accepts; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.format())


def resolve_plain(value: str) -> Any:
    """Give a plain (unquoted) scalar its YAML 1.2 core-schema type."""
    if value in _SPECIAL:
        return _SPECIAL[value]
    if value[0] in _NUMBER_START:
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        if _INT_OCT.match(value):
            return int(value[2:], 8)
        if _INT_HEX.match(value):
            return int(value[2:], 16)
    return value


def find_conflict_markers(text: str) -> Problem | None:
    """Find git's ``<<<<<<<`` / ``=======`` / ``>>>>>>>`` lines left by an unfinished merge."""
    match = _CONFLICT.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return Problem(
        "git conflict marker: this file is in the middle of a merge that was not finished. "
        "Open it in an editor, keep the right version of each conflicting part, remove the "
        "<<<<<<< ======= >>>>>>> lines, and try again.",
        line=line,
        column=1,
    )


def _at(mark: Any, message: str) -> YamlProblem:
    return YamlProblem(Problem(message, line=mark.line + 1, column=mark.column + 1))


def _parser_problem(error: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    what = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"not valid YAML: {what}" + (f" ({context})" if context else "")
    if mark is not None:
        return Problem(message, line=mark.line + 1, column=mark.column + 1)
    position = getattr(error, "position", None)
    if isinstance(position, int):
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        return Problem(message, line=line, column=column)
    return Problem(message)


def parse(text: str, *, positions: bool = False) -> tuple[Any, dict[Path, Position], dict[Path, Position]]:
    """Parse one YAML document into plain Python data.

    Returns ``(data, value_positions, key_positions)``; the two position maps (1-based line and
    column for each path) are filled only when ``positions`` is true, which costs time, so the
    loader asks for them only when it has an error to place.
    Raises :class:`YamlProblem` for anything refused.
    """
    parser = _Parser(text)
    value_pos: dict[Path, Position] = {}
    key_pos: dict[Path, Position] = {}
    try:
        return _build(parser, value_pos, key_pos, positions), value_pos, key_pos
    except yaml.YAMLError as error:
        raise YamlProblem(_parser_problem(error, text)) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


def _build(parser: Any, value_pos: dict, key_pos: dict, track: bool) -> Any:  # noqa: C901
    get = parser.get_event
    get()  # StreamStart
    event = get()
    if isinstance(event, StreamEndEvent):
        raise YamlProblem(Problem("the file is empty", line=1, column=1))
    root: list[Any] = []
    # Each frame: [container, is_mapping, pending_key, path]
    stack: list[list[Any]] = [[root, False, None, ()]]
    documents = 1
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                raise _at(event.start_mark, f"YAML anchors (&{event.anchor}) are not allowed")
            if event.tag is not None:
                raise _at(event.start_mark, f"YAML tags ({event.tag}) are not allowed")
            frame = stack[-1]
            container, is_mapping, key = frame[0], frame[1], frame[2]
            if is_mapping and key is None:
                if kind is not ScalarEvent:
                    raise _at(event.start_mark, "a key must be plain text, not a list or mapping")
                key = event.value
                if key in container:
                    raise _at(event.start_mark, f"duplicate key {key!r}: it appears twice in the same mapping")
                frame[2] = key
                if track:
                    key_pos[frame[3] + (key,)] = (event.start_mark.line + 1, event.start_mark.column + 1)
                continue
            if kind is ScalarEvent:
                value = resolve_plain(event.value) if event.implicit[0] else event.value
            else:
                value = {} if kind is MappingStartEvent else []
            if is_mapping:
                container[key] = value
                frame[2] = None
                path = frame[3] + (key,) if track else ()
            else:
                if track:
                    path = frame[3] + (len(container),) if len(stack) > 1 else ()
                container.append(value)
            if track:
                value_pos[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
            if kind is not ScalarEvent:
                if len(stack) > MAX_DEPTH:
                    raise _at(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
                stack.append([value, kind is MappingStartEvent, None, path if track else ()])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
        elif kind is AliasEvent:
            raise _at(event.start_mark, f"YAML aliases (*{event.anchor}) are not allowed")
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _at(event.start_mark, "the file holds more than one YAML document")
        elif kind is StreamEndEvent:
            break
        # DocumentEnd: nothing to do
    return root[0] if root else None
