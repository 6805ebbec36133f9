"""Links to items that do not exist (someone else deleted the item; a clean textual merge can do
that): a file whose only problems are such links opens with them removed.

``borgerspil validate`` still reports them (the strict loader, core/storage); the app opens the
file with them removed and says which (``Session.open``); ``borgerspil repair`` removes them and
saves. Which links go is decided on the parsed data, so the project is validated only when there
is nothing else wrong. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from borgerspil_tui.core.gc_pause import gc_paused
from borgerspil_tui.core.located import decode, parse_mapping, read_bytes
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.storage import Loaded, fingerprint, migrate

Loc = tuple[str | int, ...]
_LENIENT = {"link.missing", "link.too_many_dots"}
"""The problems of a file that may open repaired: too many dots can come from a vote for a missing
idea; if they are still too many once such votes are gone, the file does not open."""


@dataclass(frozen=True)
class DanglingLink:
    """One link removed: the field that held it (items named by id) and the id it pointed to."""

    where: str
    """``create.ideas.idea-k3x9fa.inspired_by``; a vote is named ``create.votes.VOTER+IDEA``."""
    target: str


def load_repaired(path: Path, error: FileProblemError) -> tuple[Loaded, list[DanglingLink]]:
    """``path`` loaded with its links to missing items removed, and which they were. Re-raises
    ``error`` (the strict loader's) when the file has any other problem."""
    if not repairable(error):
        raise error
    raw = read_bytes(path)
    try:
        project, removed = parse_repaired(decode(raw, path), path)
    except FileProblemError:
        raise error from None
    return Loaded(project, path, fingerprint(raw), raw=raw), removed


def repairable(error: FileProblemError) -> bool:
    """Whether the strict loader's problems are only links to missing items (and the dots those
    votes gave)."""
    keys = {problem.key for problem in error.problems}
    return "link.missing" in keys and keys <= _LENIENT


def project_from_bytes(raw: bytes, path: Path) -> tuple[Project, list[DanglingLink]]:
    """A project file's bytes validated, with links to missing items removed (and which they
    were). Raises the strict loader's located FileProblemError when anything else is wrong."""
    from borgerspil_tui.core.storage import parse_project

    text = decode(raw, path)
    try:
        return parse_project(text, path), []
    except FileProblemError as error:
        if not repairable(error):
            raise
        try:
            return parse_repaired(text, path)
        except FileProblemError:
            raise error from None


def parse_repaired(text: str, path: Path | str | None = None) -> tuple[Project, list[DanglingLink]]:
    """Project text validated with its links to missing items removed (none: an empty list).
    Raises FileProblemError (unlocated) when anything else is wrong."""
    with gc_paused():
        data, _, _ = parse_mapping(text, path)
        data = migrate(data, path)
        try:
            return Project.model_validate(data), []
        except ValidationError as error:
            locs = _dangling(error)
        if not locs:
            raise FileProblemError(path, []) from None
        try:
            removed = _remove(data, locs)
        except (KeyError, IndexError, TypeError, AttributeError):  # pragma: no cover - data not as validated
            raise FileProblemError(path, []) from None
        try:
            return Project.model_validate(data), removed
        except ValidationError:
            raise FileProblemError(path, []) from None


def _dangling(error: ValidationError) -> list[Loc] | None:
    """Where the links to missing items are, or None when anything else is wrong."""
    locs: list[Loc] = []
    for item in error.errors():
        problems = (item.get("ctx") or {}).get("problems")
        if item["type"] != "link" or not problems:
            return None
        for loc, message in problems:
            if message.key not in _LENIENT:
                return None
            if message.key == "link.missing":
                locs.append(tuple(loc))
    return locs


def _key(item: Any) -> str | None:
    if isinstance(item, dict):
        if isinstance(item.get("id"), str):
            return item["id"]
        if isinstance(item.get("voter"), str) and isinstance(item.get("idea"), str):
            return f"{item['voter']}+{item['idea']}"
    return None


def _named(data: Any, loc: Loc) -> str:
    """The dotted field of ``loc`` with list positions named by the item's id where it has one."""
    parts: list[str] = []
    here = data
    for part in loc:
        step = here[part] if isinstance(here, (dict, list)) else None
        key = _key(step) if isinstance(part, int) else None
        parts.append(key if key is not None else str(part))
        here = step
    return ".".join(parts)


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _goes_whole(loc: Loc) -> Loc | None:
    """Where the item is that goes as a whole with the link at ``loc`` (``GOES_WITH_LINK``): a
    workshop's log entry or timer for a missing activity, a round's total for a missing idea."""
    if loc[:1] != ("workshops",):
        return None
    if len(loc) == 5 and loc[2] == "log" and loc[-1] == "activity" or len(loc) == 4 and loc[2:] == ("timer", "activity"):
        return loc[:-1]
    if len(loc) == 7 and loc[2] == "rounds" and loc[4] == "totals" and loc[-1] == "idea":
        return loc[:-1]
    return None


def _remove(data: dict[str, Any], locs: list[Loc]) -> list[DanglingLink]:
    """Take the links at ``locs`` out of ``data``: an id from its list, a single link set to
    nothing, a vote for a missing idea or by a missing voter as a whole."""
    removed: list[DanglingLink] = []
    from_lists: dict[Loc, set[int]] = {}
    for loc in locs:
        whole = _goes_whole(loc)
        if whole is not None:  # a log entry, a timer or a round's total goes with what it names
            holder = data
            for part in whole[:-1]:
                holder = holder[part]
            removed.append(DanglingLink(_named(data, whole), str(_at(data, loc))))
            if isinstance(whole[-1], int):
                from_lists.setdefault(whole[:-1], set()).add(whole[-1])
            else:
                holder.pop(whole[-1], None)
            continue
        if loc[:2] == ("create", "votes") and len(loc) == 4:
            target = data["create"]["votes"][loc[2]][loc[3]]
            removed.append(DanglingLink(_named(data, loc[:3]), str(target)))
            from_lists.setdefault(loc[:2], set()).add(int(loc[2]))
            continue
        holder = data
        for part in loc[:-1]:
            holder = holder[part]
        target = holder[loc[-1]]
        if isinstance(loc[-1], int):
            removed.append(DanglingLink(_named(data, loc[:-1]), str(target)))
            from_lists.setdefault(loc[:-1], set()).add(loc[-1])
        else:
            removed.append(DanglingLink(_named(data, loc), str(target)))
            holder.pop(loc[-1], None)  # every single link is optional (absent: None)
    for at, indexes in from_lists.items():
        holder = data
        for part in at:
            holder = holder[part]
        for index in sorted(indexes, reverse=True):
            del holder[index]
    return removed
