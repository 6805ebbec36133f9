"""After a merge: links to items that are gone are removed, and dot votes stay within the dots
each person has. Works on plain project data, guided by the model's shapes."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from borgerspil_tui.core.changes import MISSING, Path
from borgerspil_tui.core.merge_shapes import field_shapes, key_of
from borgerspil_tui.core.merge_walk import Data, Merger, item_name

from borgerspil_tui.core.model.workshop import GOES_WITH_LINK

Dropped = tuple[Path, str, str, str]
"""A removed link: the field that held it, the id it pointed to, and what held it (kind, name)."""


def present_ids(model: type[BaseModel], data: Data, found: dict[str, str] | None = None, *,
                names: bool = False) -> dict[str, str]:
    """Every item id in ``data``, with its name when ``names`` (else "")."""
    found = {} if found is None else found
    for name, shape in field_shapes(model).items():
        value = data.get(name)
        if shape.kind == "model" and isinstance(value, dict):
            present_ids(shape.model, value, found, names=names)
        elif shape.kind in ("items", "tree") and isinstance(value, list):
            for item in value:
                if "id" in item:
                    found[item["id"]] = item_name(item) if names else ""
                present_ids(shape.model, item, found, names=names)
        elif shape.kind == "map" and shape.inner.kind == "model" and isinstance(value, dict):
            for inner in value.values():
                present_ids(shape.inner.model, inner, found, names=names)
    return found


def consequence_ids(focus: Data) -> set[str]:
    """The ids of the problem tree's consequences: a cause one side moved to the consequences is
    no longer what an insight's evidence (supports, contradicts) may point at."""
    found: set[str] = set()
    waiting = list(focus.get("consequences") or [])
    while waiting:
        node = waiting.pop()
        found.add(node["id"])
        waiting.extend(node.get("children") or [])
    return found


_CAUSES_ONLY = {("Insight", "supports"), ("Insight", "contradicts")}
"""Link fields that may point only at causes."""


def drop_dangling(model: type[BaseModel], data: Data, present: dict[str, str], path: Path,
                  owner: tuple[str, str], dropped: list[Dropped], not_causes: frozenset[str] = frozenset()) -> None:
    """Remove, in place, links to ids not in ``present`` (a vote for a deleted idea or by a
    deleted guest goes as a whole), and evidence for a node that is now a consequence (in
    ``not_causes``); each removal is added to ``dropped``."""
    for name, shape in field_shapes(model).items():
        value = data.get(name)
        here = (*path, name)
        gone = not_causes if (model.__name__, name) in _CAUSES_ONLY else frozenset()
        if shape.link and shape.kind == "value" and value is not None and value not in present:
            data[name] = None
            dropped.append((here, value, *owner))
        elif shape.link and shape.kind == "values" and isinstance(value, list):
            for target in [v for v in value if v not in present or v in gone]:
                dropped.append((here, target, *owner))
            data[name] = [v for v in value if v in present and v not in gone]
        elif shape.kind == "model" and isinstance(value, dict):
            whole = GOES_WITH_LINK.get(shape.model.__name__)
            if whole and value.get(whole) not in present:
                data[name] = None  # a timer for a deleted activity goes (it cannot run on nothing)
                dropped.append(((*here, whole), value.get(whole), *owner))
                continue
            drop_dangling(shape.model, value, present, here, owner, dropped, not_causes)
        elif shape.kind in ("items", "tree") and isinstance(value, list):
            key = key_of(shape.model)
            whole = GOES_WITH_LINK.get(shape.model.__name__)
            if whole:  # a log entry for a deleted activity goes, a round's total for a deleted idea
                for entry in [e for e in value if e[whole] not in present]:
                    dropped.append(((*here, key(entry), whole), entry[whole], *owner))
                data[name] = value = [e for e in value if e[whole] in present]
            if shape.model.__name__ == "Vote":
                for vote in [v for v in value if v["voter"] not in present or v["idea"] not in present]:
                    gone = vote["idea"] if vote["idea"] not in present else vote["voter"]
                    dropped.append(((*here, key(vote)), gone, "vote", item_name(vote)))
                data[name] = value = [v for v in value if v["voter"] in present and v["idea"] in present]
            for item in value:
                drop_dangling(shape.model, item, present, (*here, key(item)),
                              (shape.item_kind, item_name(item)), dropped, not_causes)
        elif shape.kind == "map" and shape.inner.kind == "model" and isinstance(value, dict):
            for map_key, inner in value.items():
                drop_dangling(shape.inner.model, inner, present, (*here, map_key), owner, dropped, not_causes)


def keep_dots_within(merger: Merger, create: Data, sides: tuple[Data, Data, Data],
                     owner_of: Callable[[Data], tuple]) -> None:
    """A person whose merged votes hold more dots than each person has keeps our votes; each of
    that person's votes the two sides disagree on is recorded as a conflict (kind ``item``), the
    same ones whichever side merges."""
    limit = create.get("dots_per_person", 3)
    totals: dict[str, int] = {}
    for vote in create.get("votes", []):
        totals[vote["voter"]] = totals.get(vote["voter"], 0) + vote["dots"]
    over = {voter for voter, dots in totals.items() if dots > limit}
    if not over:
        return
    old, mine, other = ({_vote_key(v): v for v in side.get("votes", []) if v["voter"] in over} for side in sides)
    merged = {_vote_key(v): v for v in create["votes"] if v["voter"] in over}
    torn = [key for key in dict.fromkeys([*mine, *other]) if mine.get(key) != other.get(key)
            and (merged.get(key) != mine.get(key) or merged.get(key) != other.get(key))]
    for key in torn:
        vote = mine.get(key) or other[key]
        merger.owner = owner_of(vote)
        merger.conflict(("create", "votes", key), "item", old.get(key, MISSING), mine.get(key, MISSING),
                        other.get(key, MISSING))
    placed = set()
    kept: list[Data] = []
    for vote in create["votes"]:
        key = _vote_key(vote)
        if key in torn:
            vote = mine.get(key)
        if vote is not None:
            kept.append(vote)
            placed.add(key)
    kept += [vote for key, vote in mine.items() if key in torn and key not in placed]
    create["votes"] = kept


def _vote_key(vote: Data) -> str:
    return f"{vote['voter']}+{vote['idea']}"
