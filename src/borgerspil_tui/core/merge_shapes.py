"""What each field of the project model holds, as the merge needs to know it: an item (merged
field by field), a list of items with keys, the problem tree, a map, a list of plain values, or
one value. Read once from the pydantic models' annotations and kept."""

from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from annotated_types import MaxLen
from pydantic import BaseModel

from borgerspil_tui.core.changes import KEY_FIELDS
from borgerspil_tui.core.item_index import KIND_OF_LIST, LINK_FIELDS


@dataclass(frozen=True)
class Shape:
    """How one field (or one map value) merges."""

    kind: str
    """``model``, ``items``, ``tree``, ``map``, ``values`` (a list of plain values) or ``value``."""
    model: type[BaseModel] | None = None
    """The item's model for ``model`` and ``items``."""
    inner: Shape | None = None
    """The shape of a map's values."""
    max_length: int | None = None
    """For ``values``: how many the list may hold."""
    link: bool = False
    """The field holds ids of other items."""
    item_kind: str = ""
    """For ``items``: what its items are called (``idea``, ``cause``), when the model names them."""
    text: bool = False
    """For ``value``: the field holds a text (a conflict shows it as text, and can keep both)."""


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    metadata: list[Any] = []
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        metadata.extend(extra)
    if get_origin(annotation) in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(options) == 1:
            return _strip(options[0])
    return annotation, metadata


def _shape(annotation: Any, metadata: list[Any], owner: str, name: str) -> Shape:
    annotation, more = _strip(annotation)
    metadata = [*metadata, *more]
    origin = get_origin(annotation)
    link = (owner, name) in LINK_FIELDS
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("model", annotation)
    if origin is list:
        (inner,) = get_args(annotation)
        inner, _ = _strip(inner)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            if inner.__name__ == "TreeNode":
                return Shape("tree", inner, item_kind=KIND_OF_LIST.get((owner, name), ""))
            return Shape("items", inner, item_kind=KIND_OF_LIST.get((owner, name), ""))
        limit = next((m.max_length for m in metadata if isinstance(m, MaxLen)), None)
        return Shape("values", max_length=limit, link=link)
    if origin is dict:
        _, value = get_args(annotation)
        return Shape("map", inner=_shape(value, [], owner, name))
    return Shape("value", link=link, text=annotation is str)


@cache
def field_shapes(model: type[BaseModel]) -> dict[str, Shape]:
    """Each field of ``model`` and how it merges."""
    return {name: _shape(info.annotation, list(info.metadata), model.__name__, name)
            for name, info in model.model_fields.items()}


def key_of(model: type[BaseModel]):  # noqa: ANN201 - a function from item data to its key
    """How the items of ``model`` are named in their list: their id, or the fields in KEY_FIELDS."""
    names = KEY_FIELDS.get(model.__name__)
    if names is None:
        return lambda data: data["id"]
    if len(names) == 1:
        (only,) = names
        return lambda data: str(data[only])
    return lambda data: "+".join(str(data[name]) for name in names)
