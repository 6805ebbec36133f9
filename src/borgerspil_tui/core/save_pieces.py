"""A save's file text and its whole-project check, made in small pieces so the app keeps answering.

A save runs in a worker thread, but only one Python thread runs at a time, and it hands over
only between steps of Python code: one ``model_dump`` of a whole project, one libyaml emission
of it, one ``split`` or ``join`` of its 30 MB of text are each a single long call that keeps
every other thread (the one that answers keys) waiting for as long as it runs.

So the bytes of :func:`~borgerspil_tui.core.storage.dump_project` are made here from parts: a
part of the project that holds more than :data:`BATCH` items is split, its lists dumped, checked
and written in runs of items, and the text of each run (libyaml's block style, through
``yaml_writer.dump_data``) moved into place by indenting its lines (block style depends only on
the column it starts at, and a ``|`` block's indentation indicator counts from its parent). The
thread yields between pieces (``time.sleep(0)``). The file is the same, byte for byte
(tests/test_save_pieces.py); nothing here holds the other threads up for long.

The check is the one loading makes, in the same pieces: every dumped part is validated against
its model (lists in runs of items), and the rules that span the file (ids unique, links point at
items that exist) are checked by ``links.find_link_problems``. An invalid project is refused
with :class:`ProjectInvalid`, naming the field; nothing is written.
"""

from __future__ import annotations

import threading
import time
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from borgerspil_tui.core.gc_pause import gc_paused
from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.links import find_link_problems
from borgerspil_tui.core.yaml_writer import dump_data

BATCH = 32
"""Items (any model object: an idea, a tree node, a test) in one piece; about a millisecond of
dumping, checking and writing each."""

Loc = tuple[str | int, ...]


class ProjectInvalid(Exception):
    """The project breaks a rule of the file format; ``loc`` is where, ``message`` what is wrong."""

    def __init__(self, loc: Loc, message: Message) -> None:
        self.loc = loc
        self.message = message
        super().__init__(f"{loc}: {message.text('en')}")


@dataclass(frozen=True)
class _Holder:
    """A field whose value holds model objects: one model, a list of them, or a map of them."""

    name: str
    kind: str
    """``"model"``, ``"list"`` or ``"map"`` (maps are never split: they are small)."""
    item: type[BaseModel]


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _model_class(annotation: Any) -> type[BaseModel] | None:
    """The model class ``annotation`` is (``X`` or ``X | None``), or None."""
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return _model_class(args[0])
    return None


@lru_cache(maxsize=None)
def _holders(cls: type[BaseModel]) -> tuple[_Holder, ...]:
    """The fields of ``cls`` that hold model objects, in model order."""
    found = []
    for name, info in cls.model_fields.items():
        annotation = _unwrap(info.annotation)
        model = _model_class(annotation)
        if model is not None:
            found.append(_Holder(name, "model", model))
            continue
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is list and args and _model_class(args[0]) is not None:
            # a list with its own rules (a length limit) is checked whole: never split
            found.append(_Holder(name, "list" if not info.metadata else "map", _model_class(args[0])))
        elif origin is dict and len(args) == 2 and _model_class(args[1]) is not None:
            found.append(_Holder(name, "map", _model_class(args[1])))
    return tuple(found)


@lru_cache(maxsize=None)
def _splittable(cls: type[BaseModel]) -> bool:
    """Whether ``cls``'s fields can be checked one by one: no validator that sees the whole item
    (the project's own, the links, is :func:`find_link_problems`, run on its own)."""
    decorators = cls.__pydantic_decorators__
    return cls is Project or not (decorators.model_validators or decorators.field_validators)


@lru_cache(maxsize=None)
def _model_adapter(cls: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(cls)


@lru_cache(maxsize=None)
def _list_adapter(cls: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[cls])  # type: ignore[valid-type]


@lru_cache(maxsize=None)
def _field_adapter(cls: type[BaseModel], name: str) -> TypeAdapter:
    info = cls.model_fields[name]
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)


@lru_cache(maxsize=None)
def _key_line(name: str) -> str:
    """How a key whose value is a block mapping or sequence is written (``name:``)."""
    return dump_data({name: [0]}).split("\n", 1)[0]


def _yield_thread() -> None:
    """Let the other threads run (the one that answers keys) before the next piece. Not on the
    main thread: a save there (quitting, the command line) has nobody to make room for, and on a
    busy machine each yield can cost a few milliseconds of waiting for the processor."""
    if threading.current_thread() is not threading.main_thread():
        time.sleep(0)


class _Writer:
    """Dumps, checks and writes one project, piece by piece, into :attr:`pieces`."""

    def __init__(self, batch: int, check: bool) -> None:
        self.batch = max(1, batch)
        self.check = check
        self.pieces: list[str] = []
        self._weights: dict[int, int] = {}

    # -- how much a value holds --------------------------------------------------------------------
    def weight(self, value: Any) -> int:
        """How many model objects ``value`` is or holds (each counted once per save)."""
        if value is None:
            return 0
        if isinstance(value, list):
            if not value or not isinstance(value[0], BaseModel):
                return len(value)
            if not _holders(type(value[0])):
                return len(value)
            return sum(self.weight(item) for item in value)
        if isinstance(value, dict):
            return len(value)
        if not isinstance(value, BaseModel):
            return 0
        known = self._weights.get(id(value))
        if known is None:
            known = 1 + sum(self.weight(getattr(value, holder.name)) for holder in _holders(type(value)))
            self._weights[id(value)] = known
        return known

    # -- writing -----------------------------------------------------------------------------------
    def emit(self, data: Any, first: str, rest: str) -> None:
        """Write ``data`` (a mapping or a sequence) with its first line after ``first`` and every
        other line after ``rest`` (the columns it has in the whole file)."""
        text = dump_data(data)
        if text.endswith("\n\n...\n"):
            text = text[:-4]  # the document's end marker: only the file's own end may need it
        if first or rest:
            lines = text.split("\n")
            lines[0] = first + lines[0]
            for index in range(1, len(lines)):
                line = lines[index]
                if line.strip(" "):  # as yaml_writer.indent_sequences: empty lines stay empty
                    lines[index] = rest + line
            text = "\n".join(lines)
        self.pieces.append(text)
        _yield_thread()

    def project(self, project: Project) -> None:
        """The whole file's text after the modeline."""
        self.model(project, (), 0, "", top=True)
        if self.check and self.weight(project) > self.batch:  # a small project was checked whole
            problems = find_link_problems(project)
            if problems:
                raise ProjectInvalid(*problems[0])

    def model(self, model: BaseModel, loc: Loc, indent: int, first: str, *, top: bool = False) -> None:
        """``model`` as a block mapping whose keys are at column ``indent``, its first line
        starting with ``first`` (``"- "`` after the indent when it is an item in a list)."""
        cls = type(model)
        split = ()
        if self.weight(model) > self.batch and _splittable(cls):
            split = tuple(holder for holder in _holders(cls)
                          if holder.kind != "map" and self.weight(getattr(model, holder.name)) > 0)
        if not split:
            data = model.model_dump(mode="python", exclude_defaults=True)
            if top:
                _sort_checklists(data)
            if self.check:
                self.validate(_model_adapter(cls), data, loc)
            if data:
                self.emit(data, first, " " * indent)
            return
        names = {holder.name: holder for holder in split}
        data = model.model_dump(mode="python", exclude_defaults=True, exclude=set(names))
        if top:
            _sort_checklists(data)
        if self.check:
            for name, value in data.items():
                self.validate(_field_adapter(cls, name), value, (*loc, name))
        pad = " " * indent
        run: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            holder = names.get(name)
            if holder is None:
                if name in data:
                    run[name] = data[name]
                continue
            value = getattr(model, name)
            if value == info.get_default(call_default_factory=True):
                continue  # as model_dump(exclude_defaults=True) leaves it out
            if run:
                self.emit(run, first, pad)
                first, run = pad, {}
            self.pieces.append(first + _key_line(name) + "\n")
            first = pad
            if holder.kind == "model":
                self.model(value, (*loc, name), indent + 2, " " * (indent + 2))
            else:
                self.items(value, holder.item, (*loc, name), indent + 2)
        if run:
            self.emit(run, first, pad)

    def items(self, items: list[BaseModel], cls: type[BaseModel], loc: Loc, dash: int) -> None:
        """A list of ``cls`` items with its dashes at column ``dash``, in runs of :attr:`batch`."""
        run: list[BaseModel] = []
        start = size = 0
        for index, item in enumerate(items):
            weight = self.weight(item)
            big = weight > self.batch and _splittable(cls)
            if run and (big or size + weight > self.batch):
                self.run(run, cls, loc, start, dash)
                run, size = [], 0
            if big:  # a tree node with a large branch: its own pieces
                self.model(item, (*loc, index), dash + 2, " " * dash + "- ")
                continue
            if not run:
                start = index
            run.append(item)
            size += weight
        if run:
            self.run(run, cls, loc, start, dash)

    def run(self, run: list[BaseModel], cls: type[BaseModel], loc: Loc, start: int, dash: int) -> None:
        adapter = _list_adapter(cls)
        data = adapter.dump_python(run, mode="python", exclude_defaults=True)
        if self.check:
            self.validate(adapter, data, loc, start=start)
        pad = " " * dash
        self.emit(data, pad, pad)

    def validate(self, adapter: TypeAdapter, data: Any, loc: Loc, *, start: int | None = None) -> None:
        """Check ``data`` as loading would; refuse it saying where (``loc``, then the error's own
        place; ``start``: ``data`` is a run of a list's items from that index)."""
        try:
            adapter.validate_python(data)
        except ValidationError as error:
            from borgerspil_tui.core.validation_messages import first_error

            where, message = first_error(error)
            if start is not None and where and isinstance(where[0], int):
                where = (start + where[0], *where[1:])
            raise ProjectInvalid((*loc, *where), message) from None


def _sort_checklists(data: dict[str, Any]) -> None:
    """As ``storage.to_data``: checklist answers by id, so two branches merge line by line."""
    if "checklists" in data:
        data["checklists"] = dict(sorted(data["checklists"].items()))


def dump_pieces(project: Project, *, batch: int = BATCH, check: bool = True) -> list[str]:
    """The text of ``storage.dump_project(project)`` after the modeline, in pieces, each made
    without holding other threads up for long; with ``check``, refuse an invalid project
    (:class:`ProjectInvalid`) first."""
    writer = _Writer(batch, check)
    with gc_paused():  # many short-lived objects, no cycles: see core/gc_pause
        writer.project(project)
    pieces = writer.pieces
    if pieces and pieces[-1].endswith("\n\n"):
        pieces.append("...\n")  # the file ends inside a |+ block: the end marker says where
    return pieces


def file_bytes(project: Project, *, batch: int = BATCH) -> bytes:
    """The file for ``project`` (modeline first), checked: the bytes of ``storage.dump_project``."""
    from borgerspil_tui.core.storage import MODELINE

    chunks = [MODELINE.encode("utf-8")]
    for piece in dump_pieces(project, batch=batch):
        chunks.append(piece.encode("utf-8"))
    _yield_thread()
    return b"".join(chunks)
