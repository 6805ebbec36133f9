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
from borgerspil_tui.core.text import one_line, printable

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
        super().__init__(problem.format(lang="en"))


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
    return Problem.of("parse.conflict", line=line, column=1)


def _at(mark: Any, message: str, /, **values: Any) -> YamlProblem:
    return YamlProblem(Problem.of(message, line=mark.line + 1, column=mark.column + 1, **values))


_PARSER_PROBLEMS = (
    ("mapping values are not allowed", "parse.yaml_colon"),
    ("could not find expected ':'", "parse.yaml_expected_colon"),
    ("did not find expected ',' or", "parse.yaml_flow"),
    ("did not find expected", "parse.yaml_indent"),
    ("expected <block end>", "parse.yaml_indent"),
    ("tab character", "parse.yaml_tab"),
    ("cannot start any token", "parse.yaml_token"),
    ("unknown escape character", "parse.yaml_escape"),
)
"""libyaml's problem texts, and our message for each (the parser's English is never shown)."""


def _parser_message(error: yaml.YAMLError, text: str, offset: int | None) -> str:
    """Our UI text key for what the parser found."""
    what = str(getattr(error, "problem", None) or "")
    context = str(getattr(error, "context", None) or "")
    if "end of stream" in what:
        return "parse.yaml_quote" if "quoted scalar" in context else "parse.yaml_end"
    if "cannot start any token" in what and offset is not None and text[offset:offset + 1] == "\t":
        return "parse.yaml_tab"
    return next((key for found, key in _PARSER_PROBLEMS if found in what), "parse.yaml_other")


_BREAKS_ONLY_YAML_SEES = "\r\x85\u2028\u2029"
"""Characters libyaml reads as a line break (moving every line number after them) and most
editors do not: a lone carriage return, NEL, and the Unicode line and paragraph separators."""


def _character_at(key: str, text: str, index: int) -> Problem:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Problem.of(key, line=line, column=column, code=f"U+{ord(text[index]):04X}")


def find_stray_line_breaks(text: str) -> Problem | None:
    """The first character that YAML would read as a line break and an editor would not.

    ``str.find`` per character is a fraction of a millisecond on a large file (and nothing at all
    for a character wider than any in the text), so every file is checked before it is parsed.
    """
    found = [index for index in map(text.find, _BREAKS_ONLY_YAML_SEES) if index >= 0]
    return _character_at("parse.stray_line_break", text, min(found)) if found else None


def _refused_character(error: yaml.YAMLError, text: str) -> Problem | None:
    """Our message for a character libyaml's reader refuses (its own names a byte offset)."""
    code = getattr(error, "character", None)
    index = text.find(chr(code)) if isinstance(code, int) and 0 <= code <= 0x10FFFF else -1
    if index < 0:
        return None
    return _character_at("parse.not_a_character" if code in (0xFFFE, 0xFFFF) else "parse.control_character",
                         text, index)


def _parser_problem(error: yaml.YAMLError, text: str) -> Problem:
    refused = _refused_character(error, text)
    if refused is not None:
        return refused
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        key = _parser_message(error, text, getattr(mark, "index", None))
        return Problem.of(key, line=mark.line + 1, column=mark.column + 1)
    position = getattr(error, "position", None)
    if isinstance(position, int):
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        return Problem.of(_parser_message(error, text, position), line=line, column=column)
    return Problem.of(_parser_message(error, text, None))


def parse(text: str, *, positions: bool = False) -> tuple[Any, dict[Path, Position], dict[Path, Position]]:
    """Parse one YAML document into plain Python data.

    Returns ``(data, value_positions, key_positions)``; the two position maps (1-based line and
    column for each path) are filled only when ``positions`` is true, which costs time, so the
    loader asks for them only when it has an error to place.
    Raises :class:`YamlProblem` for anything refused.
    """
    stray = find_stray_line_breaks(text)
    if stray is not None:
        raise YamlProblem(stray)
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
        raise YamlProblem(Problem.of("parse.empty", line=1, column=1))
    root: list[Any] = []
    # Each frame: [container, is_mapping, pending_key, path]
    stack: list[list[Any]] = [[root, False, None, ()]]
    documents = 1
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                raise _at(event.start_mark, "parse.anchor", name=printable(event.anchor))
            if event.tag is not None:
                raise _at(event.start_mark, "parse.tag", tag=printable(event.tag))
            frame = stack[-1]
            container, is_mapping, key = frame[0], frame[1], frame[2]
            if is_mapping and key is None:
                if kind is not ScalarEvent:
                    raise _at(event.start_mark, "parse.key_not_text")
                key = event.value
                if key in container:
                    raise _at(event.start_mark, "parse.duplicate_key", key=one_line(key))
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
                    raise _at(event.start_mark, "parse.nested", max=MAX_DEPTH)
                stack.append([value, kind is MappingStartEvent, None, path if track else ()])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
        elif kind is AliasEvent:
            raise _at(event.start_mark, "parse.alias", name=printable(event.anchor))
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _at(event.start_mark, "parse.documents")
        elif kind is StreamEndEvent:
            break
        # DocumentEnd: nothing to do
    return root[0] if root else None
