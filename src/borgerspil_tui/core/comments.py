"""Comments in a project file. The writer cannot keep them (a file is written from the model), so
they are found and named before anything drops them: ``validate``, ``fmt`` and the app's first
save of the file. Notes belong in the project's own note fields, which every save keeps.

Finding them is cheap: only a ``#`` at the start of a line or after a space or tab can start a
comment, and most files have none outside the first line. When there are some, libyaml's
scanner says which lie between tokens (comments) and which inside a quoted or block text
(content), and it stops reading after the last one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from borgerspil_tui.core.problems import Problem

MODELINE_START = "# yaml-language-server:"
"""A first line that starts so is the editor's schema line, which the writer puts back itself."""
SHOWN_LINES = 5
"""How many line numbers a message names before "…"."""
NOTE_FIELDS = (
    "checklists.<id>.note",
    "readiness.considerations",
    "focus.assumptions[].note",
    "insist.handover.notes",
)
"""Where notes belong instead of comments (named in the message; a test checks they exist)."""


@dataclass(frozen=True)
class Comment:
    """One comment: where its ``#`` is (1-based) and its text up to the end of the line."""

    line: int
    column: int
    text: str


def find_comments(text: str) -> list[Comment]:
    """The comments in YAML ``text``, in order (the first line's schema modeline is not one)."""
    candidates = _candidates(text)
    if not candidates:
        return []
    comments: list[Comment] = []
    line_end = -1
    for index in _outside_tokens(text, candidates):
        if index < line_end:
            continue  # a ``#`` inside the comment before it
        comments.append(_comment(text, index))
        end = text.find("\n", index)
        line_end = end if end >= 0 else len(text)
    return comments


def file_comments(path: Path) -> list[Comment]:
    """The comments in the project file at ``path`` (none when it cannot be read)."""
    from borgerspil_tui.core.located import decode, read_bytes
    from borgerspil_tui.core.problems import FileProblemError

    try:
        return find_comments(decode(read_bytes(path), path))
    except FileProblemError:
        return []


def line_list(comments: list[Comment]) -> str:
    """``3, 8, 15`` — the first few line numbers, then ``…`` when there are more."""
    lines = ", ".join(str(comment.line) for comment in comments[:SHOWN_LINES])
    return lines + (", …" if len(comments) > SHOWN_LINES else "")


def comments_problem(comments: list[Comment], key: str = "comments.lost") -> Problem:
    """A located message (at the first comment) that names how many would be lost and where."""
    first = comments[0]
    return Problem.of(key, line=first.line, column=first.column, count=len(comments), lines=line_list(comments))


def notes_instead() -> Problem:
    """Where notes belong instead of comments."""
    return Problem.of("comments.instead", fields=", ".join(NOTE_FIELDS))


def _candidates(text: str) -> list[int]:
    """Each ``#`` that could start a comment: at a line start or after a space or tab."""
    found: list[int] = []
    start = 0
    if text.startswith(MODELINE_START):
        start = text.find("\n") + 1 or len(text)
    find = text.find
    index = find("#", start)
    while index >= 0:
        if index == 0 or text[index - 1] in " \t\n":
            found.append(index)
        index = find("#", index + 1)
    return found


def _Scanner(text: str):  # noqa: ANN202, N802 - stands for libyaml's scanner class
    """libyaml's scanner over ``text``, the one the reader uses (imported on first use: the app
    starts without YAML, see core/cache)."""
    try:
        from yaml._yaml import CParser as scanner
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml import SafeLoader as scanner  # type: ignore[assignment]
    return scanner(text)


def _outside_tokens(text: str, candidates: list[int]) -> list[int]:
    """The candidates that lie between tokens, or on the header line of a ``|``/``>`` block."""
    import yaml  # here: the app starts without YAML (core/cache); most files never get here

    comments: list[int] = []
    waiting = iter(candidates)
    next_one = next(waiting, None)
    scanner = _Scanner(text)
    try:
        while next_one is not None:
            token = scanner.get_token()
            if token is None:
                break
            start, end = token.start_mark.index, token.end_mark.index
            while next_one is not None and next_one < start:
                comments.append(next_one)  # between tokens: a comment
                next_one = next(waiting, None)
            header_end = -1
            if getattr(token, "style", None) in ("|", ">"):
                header_end = text.find("\n", start)  # ``key: |-  # a comment`` on the header line
            while next_one is not None and next_one < end:
                if next_one < header_end:
                    comments.append(next_one)
                next_one = next(waiting, None)  # inside a text: content
    except yaml.YAMLError:
        return comments  # a file that is not YAML is refused with its own message
    finally:
        dispose = getattr(scanner, "dispose", None)
        if dispose is not None:
            dispose()
    if next_one is not None:
        comments.append(next_one)
        comments.extend(waiting)
    return comments


def _comment(text: str, index: int) -> Comment:
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    return Comment(text.count("\n", 0, index) + 1, index - line_start + 1,
                   text[index:line_end if line_end >= 0 else len(text)])
