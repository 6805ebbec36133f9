"""Turn YAML text into a validated model, or into located problems: ``PATH:LINE:COL: field: what``."""

from __future__ import annotations

import errno
import os
import shlex
import stat
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.problems import FileProblemError, Problem, format_field
from borgerspil_tui.core.text import printable
from borgerspil_tui.core.validation_messages import message_for, show_value

M = TypeVar("M", bound=BaseModel)

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Files larger than this are refused before they are read into memory."""

_NO_WAIT = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
"""Open flags: a pipe never blocks the open or the read; no descriptor leaks to a child."""


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text: size cap, BOM dropped, CRLF made LF, bad bytes located."""
    return decode(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """Read a regular file's bytes (links followed), never more than the size cap.

    Devices, pipes and sockets are refused before anything is read; the file is opened without
    blocking, so a pipe with no writer cannot hang the program; and the cap holds while reading,
    whatever ``stat`` said (a file that grows, or one in /proc, holds more than it says).
    """
    limit = MAX_FILE_BYTES
    try:
        if stat.S_ISDIR(os.stat(path).st_mode):
            raise IsADirectoryError
        fd = os.open(path, os.O_RDONLY | _NO_WAIT)
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                raise FileProblemError(path, [Problem.of("file.not_regular")])
            if info.st_size > limit:
                raise FileProblemError(path, [Problem.of(
                    "file.too_large_size", size=-(-info.st_size // 1_048_576), limit=limit // 1_048_576)])
            chunks: list[bytes] = []
            left = limit + 1
            while left > 0:
                chunk = os.read(fd, min(left, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(fd)
    except FileProblemError:
        raise
    except FileNotFoundError:
        raise FileProblemError(path, [Problem.of("read.no_file")]) from None
    except IsADirectoryError:
        raise FileProblemError(path, [Problem.of("read.folder")]) from None
    except PermissionError:
        raise FileProblemError(path, [Problem.of("read.permission")]) from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket (opening one is refused with this)
            raise FileProblemError(path, [Problem.of("file.not_regular")]) from None
        raise FileProblemError(path, [Problem.of("read.failed", reason=error.strerror or str(error))]) from None
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileProblemError(path, [Problem.of("file.too_large", limit=limit // 1_048_576)])
    return data


def decode(data: bytes, path: Path | str | None = None) -> str:
    """Decode UTF-8 (with or without BOM) and normalise line endings to LF."""
    if len(data) > MAX_FILE_BYTES:
        raise FileProblemError(path, [Problem.of("file.too_large", limit=MAX_FILE_BYTES // 1_048_576)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise FileProblemError(path, [Problem.of(
            "read.not_utf8", line=line, column=column, byte=f"0x{data[error.start]:02x}")]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text


def parse_mapping(text: str, path: Path | str | None, *, positions: bool = False) -> tuple[dict, dict, dict]:
    """Parse text to a top-level mapping (with position maps when asked), or raise located problems."""
    from borgerspil_tui.core import safe_yaml  # here, not at the top: a file from core/cache needs no YAML

    conflict = safe_yaml.find_conflict_markers(text)
    if conflict is not None:  # git left its markers: say how to merge it (core/git_repo), not a YAML error
        command = "borgerspil merge --git " + (shlex.quote(printable(str(path))) if path else "PATH")
        raise FileProblemError(path, [Problem.of("git.markers", line=conflict.line, column=1, command=command)])
    try:
        data, value_pos, key_pos = safe_yaml.parse(text, positions=positions)
    except safe_yaml.YamlProblem as error:
        raise FileProblemError(path, [error.problem]) from None
    except RecursionError:  # pragma: no cover - the parser is iterative; a last guard
        raise FileProblemError(path, [Problem.of("parse.too_deep")]) from None
    if not isinstance(data, dict):
        found = {str: "parse.found_text", list: "valid.found_list", int: "parse.found_number",
                 float: "parse.found_number", bool: "parse.found_bool"}.get(type(data), "valid.found_nothing")
        raise FileProblemError(path, [Problem.of("parse.top_level", line=1, column=1, found=Message(found))])
    return data, value_pos, key_pos


def validate(model: type[M], data: dict, text: str, path: Path | str | None) -> M:
    """Validate parsed data; on failure, re-parse with positions and raise located problems."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        _, value_pos, key_pos = parse_mapping(text, path, positions=True)
        problems = [problem for item in error.errors() for problem in _problems(item, value_pos, key_pos)]
        problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
        raise FileProblemError(path, problems) from None


def _position(loc: tuple, table: dict) -> tuple[int | None, int | None]:
    for end in range(len(loc), -1, -1):
        found = table.get(tuple(loc[:end]))
        if found is not None:
            return found
    return (None, None)


def _problems(error: dict[str, Any], value_pos: dict, key_pos: dict) -> list[Problem]:
    """Our located problems for one pydantic error (its ``msg`` is never used)."""
    kind = error["type"]
    loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    if kind == "link":
        return [_located(tuple(where), message, value_pos, key_pos) for where, message in ctx["problems"]]
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        line, column = _position(loc, key_pos)
        reason = message_for({**error, "loc": loc})
        if reason.key == "valid.id":  # "'Not An Id' is not an id: …" names the key already
            return [Problem.from_message(reason, line=line, column=column, field=format_field(loc[:-1]))]
        return [Problem.of("valid.bad_key", line=line, column=column, field=format_field(loc[:-1]),
                           name=show_value(loc[-1]), reason=reason)]
    if kind in ("extra_forbidden", "missing"):
        line, column = _position(loc, key_pos) if kind == "extra_forbidden" else _position(loc[:-1], value_pos)
        return [Problem.from_message(message_for(error), line=line, column=column, field=format_field(loc[:-1]))]
    return [_located(loc, message_for(error), value_pos, key_pos)]


def _located(loc: tuple, message: Message, value_pos: dict, key_pos: dict) -> Problem:
    line, column = _position(loc, value_pos)
    return Problem.from_message(message, line=line, column=column, field=format_field(loc))
