"""The YAML writer behind every saved file: libyaml's speed, and output that reads well in a diff.

libyaml (PyYAML's C emitter) is fast but makes two choices that this program's files must not
have, and it has no switch for either:

* it escapes every character outside the Basic Multilingual Plane, so an emoji is written as
  ``"\\U0001F642"`` and a multi-line text that holds one loses its ``|`` block;
* it writes a sequence that is the value of a key without indenting it ("indentless"), which
  ``yamllint``'s default ``indentation`` rule refuses.

So when libyaml escaped such a character, the data is written again with each character outside
the BMP handed to libyaml as a stand-in from the Private Use Area and put back in the text
afterwards (a text without emoji costs nothing extra), and sequences are indented in one pass
over the lines. The
pure-Python emitter does both natively (see :class:`_PyDumper`); it is the reference the tests
compare with, and the fallback in the rare case a stand-in cannot be used (a text that itself
holds Private Use characters, or more different emoji than the area has room for).
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml

from borgerspil_tui.core.safe_yaml import NOT_TEXT

_ASTRAL = re.compile("[\U00010000-\U0010fffe]")  # U+10FFFF is no character: escaped, as in PyYAML
_STAND_INS = [chr(code) for code in range(0xE000, 0xF900)]
"""Private Use characters: printable to libyaml, one per distinct character outside the BMP."""
_OPTIONS = dict(default_flow_style=False, allow_unicode=True, width=2**30, indent=2, sort_keys=False)
_C_EMITTER = hasattr(yaml, "CSafeDumper")


class _TooManyStandIns(Exception):
    """The text needs more stand-ins than the Private Use Area holds; use the Python emitter."""


def _multi_line_style(value: str) -> str:
    """``|`` blocks, except for text with more than two empty lines in a row (``yamllint``'s
    ``empty-lines`` rule counts the empty lines inside a block too): that is written in quotes."""
    return '"' if "\n\n\n\n" in value else "|"


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=_multi_line_style(value))
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_str_with_stand_ins(dumper: Any, value: str) -> yaml.ScalarNode:
    if not value.isascii() and _ASTRAL.search(value):
        value = _ASTRAL.sub(dumper.stand_in, value)
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=_multi_line_style(value))
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_float(dumper: Any, value: float) -> yaml.ScalarNode:
    if value.is_integer() and abs(value) < 1e15:
        return dumper.represent_int(int(value))
    return dumper.represent_float(value)


class _Canonical:
    """Shared by both dumpers: never an anchor or alias (PyYAML would otherwise write ``&id001``
    when two items share one date object — which this program's own reader rightly refuses)."""

    def ignore_aliases(self, data: object) -> bool:  # noqa: D102 - see the class docstring
        return True


class _PyDumper(_Canonical, yaml.SafeDumper):
    """The pure-Python emitter, told to indent sequences under a key and to write emoji as is."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: D102
        super().increase_indent(flow, False)

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        """As PyYAML's, but characters outside the BMP as themselves (PyYAML escapes them here,
        though it counts them as printable everywhere else)."""
        found = set(_ASTRAL.findall(text))
        free = [char for char in _STAND_INS if char not in text][:len(found)]
        if not found or len(free) < len(found):
            super().write_double_quoted(text, split)
            return
        stand_ins = dict(zip(found, free))
        stream, self.stream = self.stream, io.StringIO()
        try:
            super().write_double_quoted(_ASTRAL.sub(lambda match: stand_ins[match.group()], text), split)
            written = self.stream.getvalue()
        finally:
            self.stream = stream
        for char, stand_in in stand_ins.items():
            written = written.replace(stand_in, char)
        stream.write(written)


if _C_EMITTER:
    class _CDumper(_Canonical, yaml.CSafeDumper):  # type: ignore[misc]
        """libyaml's emitter; the caller indents sequences (see the module docstring)."""

    class _CDumperWithStandIns(_CDumper):
        """libyaml's emitter, handed a Private Use stand-in for each character outside the BMP."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.stand_ins: dict[str, str] = {}
            self.stand_in_counts: dict[str, int] = {}

        def stand_in(self, match: re.Match[str]) -> str:
            """The Private Use stand-in for one character outside the BMP."""
            char = match.group()
            found = self.stand_ins.get(char)
            if found is None:
                if len(self.stand_ins) >= len(_STAND_INS):
                    raise _TooManyStandIns
                found = self.stand_ins[char] = _STAND_INS[len(self.stand_ins)]
            self.stand_in_counts[found] = self.stand_in_counts.get(found, 0) + 1
            return found
else:  # pragma: no cover - PyYAML without libyaml
    _CDumper = _CDumperWithStandIns = None  # type: ignore[assignment,misc]

for _dumper, _strings in ((_PyDumper, _represent_str), (_CDumper, _represent_str),
                          (_CDumperWithStandIns, _represent_str_with_stand_ins)):
    if _dumper is None:
        continue  # pragma: no cover
    _dumper.add_representer(str, _strings)
    _dumper.add_representer(float, _represent_float)
    # Quote every string that *this* program's YAML 1.2 reader would not read back as text
    # (PyYAML's own 1.1 rules already quote yes/no/on/off and dates, which is harmless).
    _dumper.add_implicit_resolver("tag:yaml.org,2002:float", NOT_TEXT, None)


def _emit(dumper_class: type, data: Any) -> tuple[str, Any]:
    stream = io.StringIO()
    dumper = dumper_class(stream, **_OPTIONS)
    try:
        dumper.open()
        dumper.represent(data)
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue(), dumper


def dump_python(data: Any) -> str:
    """The same text as :func:`dump_data`, from the pure-Python emitter (slow; the reference)."""
    return _emit(_PyDumper, data)[0]


def dump_data(data: Any) -> str:
    """Block-style YAML for ``data``: sequences indented, every printable character as itself."""
    if _CDumper is None:  # pragma: no cover - PyYAML without libyaml
        return dump_python(data)
    text = _emit(_CDumper, data)[0]
    if "\\U" in text:  # libyaml escaped a character outside the BMP (or a text holds a "\U")
        try:
            text, dumper = _emit(_CDumperWithStandIns, data)
        except _TooManyStandIns:
            return dump_python(data)
        for stand_in, count in dumper.stand_in_counts.items():
            if text.count(stand_in) != count:  # the data itself holds this Private Use character
                return dump_python(data)
        for char, stand_in in dumper.stand_ins.items():
            text = text.replace(stand_in, char)
    if text.endswith("\n...\n") and not text.endswith("\n\n...\n"):
        # libyaml ends the document with "..." once any text kept its final empty lines (|+);
        # it is needed only when the file would otherwise end with such an empty line.
        text = text[:-4]
    return indent_sequences(text)


def indent_sequences(text: str) -> str:
    """Indent every sequence that libyaml wrote flush with its key (``key:\\n- a``) by two spaces.

    The input is libyaml's block output with an indent of 2 and no line width: every scalar is
    on one line except ``|`` blocks, whose lines are all deeper than the key or dash that opens
    them. Each line moves right by two spaces for each such sequence it is inside. (One pass,
    written for speed: it runs on every save.)
    """
    out: list[str] = []
    append = out.append
    open_at: list[int] = []  # columns of the indentless sequences the line is in
    top = -1  # open_at[-1], or -1
    pad = ""  # two spaces per open sequence
    pending = -1  # column of a key that ended its line (its value starts on the next line)
    block = -1  # inside a | block: its lines are deeper than this column
    for line in text.split("\n"):
        rest = line.lstrip(" ")
        if not rest:
            append(line)
            continue
        column = len(line) - len(rest)
        if column > block >= 0:
            append(pad + line)
            continue
        block = -1
        item = rest[:2] == "- "
        if top >= column and (top > column or not item):
            while open_at and (open_at[-1] > column or (open_at[-1] == column and not item)):
                open_at.pop()
            top = open_at[-1] if open_at else -1
            pad = "  " * len(open_at)
        if item:
            if pending == column:
                open_at.append(column)
                top = column
                pad = "  " * len(open_at)
            append(pad + line)
            while rest[:2] == "- ":
                rest = rest[2:]
                column += 2
        else:
            append(pad + line)
        pending = -1
        first = rest[0]
        if first == "'" or first == '"':
            value = _value_after_quoted_key(rest)
        else:
            index = rest.find(": ")  # a plain key never holds ": ", a plain value neither
            if index >= 0:
                value = rest[index + 2:index + 3]
            elif rest[-1] == ":":  # nor ends with ":"
                pending = column
                continue
            else:
                value = None
        if value is None:  # a scalar in a sequence, no key
            if first == "|" or first == ">":
                block = column - 2
        elif not value:
            pending = column
        elif value[0] == "|" or value[0] == ">":
            block = column
    return "\n".join(out)


def _value_after_quoted_key(rest: str) -> str | None:
    """What follows a quoted ``'key':`` (``""`` when nothing does), or None if it is no key."""
    end = _quoted_end(rest)
    if rest[end:end + 2] == ": ":
        return rest[end + 2:]
    return "" if rest[end:] == ":" else None


def _quoted_end(rest: str) -> int:
    """The index just after the quoted scalar that ``rest`` starts with."""
    quote = rest[0]
    index = 1
    while True:
        found = rest.find(quote, index)
        if found < 0:
            return len(rest)
        if quote == "'":
            if rest[found + 1:found + 2] == "'":
                index = found + 2
                continue
            return found + 1
        slashes = 0
        back = found - 1
        while rest[back] == "\\":
            slashes += 1
            back -= 1
        if slashes % 2 == 0:
            return found + 1
        index = found + 1
