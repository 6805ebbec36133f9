"""Pydantic's validation errors as our own sentences, in the reader's language.

Pydantic writes English ("String should have at most 500 characters"); this module reads an
error's ``type`` and ``ctx`` instead and gives a :class:`Message` with one of our keys. Our own
validators raise :func:`refuse` errors whose type *is* a UI text key, with the values in ``ctx``.
Pydantic's ``msg`` and its URL are never shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from borgerspil_tui.core.i18n import Message, has_text, tr
from borgerspil_tui.core.text import printable

Loc = tuple[str | int, ...]

_ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$"

_LIMITS = {
    "greater_than_equal": ("valid.at_least", "ge"),
    "greater_than": ("valid.more_than", "gt"),
    "less_than_equal": ("valid.at_most", "le"),
    "less_than": ("valid.less_than", "lt"),
}
_KINDS = {
    "int_parsing": "valid.whole_number", "int_type": "valid.whole_number", "int_from_float": "valid.whole_number",
    "int_parsing_size": "valid.whole_number",
    "float_parsing": "valid.number", "float_type": "valid.number", "finite_number": "valid.number",
    "decimal_parsing": "valid.number", "decimal_type": "valid.number",
    "bool_parsing": "valid.yes_no", "bool_type": "valid.yes_no",
    "string_type": "valid.text", "string_sub_type": "valid.text", "string_unicode": "valid.text",
    "list_type": "valid.list", "tuple_type": "valid.list", "set_type": "valid.list", "iterable_type": "valid.list",
    "dict_type": "valid.mapping", "mapping_type": "valid.mapping", "model_type": "valid.mapping",
    "model_attributes_type": "valid.mapping", "dataclass_type": "valid.mapping",
}
_DATES = re.compile(r"(date|datetime|time)_")


def refuse(key: str, **values: Any) -> NoReturn:
    """Raise a validation error whose message is the UI text ``key`` (for our own validators).

    Pydantic keeps ``key`` as the error's type and ``values`` as its context, so the message can
    be written in any language later; the English text is only pydantic's own fallback.
    """
    raise PydanticCustomError(key, tr("en", key, **values), values)


def show_value(value: Any) -> Any:
    """A value as a message shows it: short, printable, quoted when it is text."""
    if isinstance(value, Mapping):
        return Message("valid.found_mapping")
    if isinstance(value, (list, tuple, set)):
        return Message("valid.found_list")
    if value is None:
        return Message("valid.found_nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = printable(value).replace("\n", "\\n")
        if len(text) > 40:
            text = text[:37] + "…"
        return f"'{text}'"
    text = printable(str(value))
    return text if len(text) <= 40 else text[:37] + "…"


def either(options: Sequence[Any], key: str = "valid.or") -> Any:
    """``a``, ``a or b``, ``a, b or c`` — in the reader's language."""
    if not options:
        return ""
    if len(options) == 1:
        return options[0]
    first: Any = options[0]
    for option in options[1:-1]:
        first = Message("valid.comma", {"first": first, "last": option})
    return Message(key, {"first": first, "last": options[-1]})


def _expected(ctx: Mapping[str, Any]) -> Any:
    """Pydantic's ``expected`` ("'da' or 'en'") as our own list of choices."""
    text = str(ctx.get("expected", ""))
    head, _, last = text.rpartition(" or ")
    options = [part.strip() for part in head.split(",")] + [last] if head else [text]
    return either([printable(option) for option in options if option])


def message_for(error: Mapping[str, Any]) -> Message:
    """Our message for one pydantic error (an item of ``ValidationError.errors()``)."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    loc = tuple(error.get("loc") or ())
    if has_text(kind):  # one of ours, raised with refuse()
        return Message(kind, dict(ctx))
    if kind in ("too_long", "too_short") and isinstance(value, str):
        kind = "string_" + kind  # a length checked after our own validator: still characters
    if kind == "string_too_long":
        return Message("valid.text_too_long", {"max": ctx.get("max_length"), "length": _length(value)})
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return Message("valid.empty")
        return Message("valid.text_too_short", {"min": ctx.get("min_length"), "length": _length(value)})
    if kind in ("too_long", "too_short"):
        length = ctx.get("actual_length", _length(value))
        if kind == "too_long":
            return Message("valid.list_too_long", {"max": ctx.get("max_length"), "length": length})
        return Message("valid.list_too_short", {"min": ctx.get("min_length"), "length": length})
    if kind in _LIMITS:
        key, name = _LIMITS[kind]
        return Message(key, {"limit": _number(ctx.get(name)), "value": show_value(value)})
    if kind in _KINDS:
        return Message(_KINDS[kind], {"value": show_value(value)})
    if _DATES.match(kind):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return Message("valid.real_date", {"value": value})
        return Message("valid.date", {"value": show_value(value)})
    if kind == "missing":
        return Message("valid.missing", {"name": printable(str(loc[-1])) if loc else ""})
    if kind in ("extra_forbidden", "no_such_attribute"):
        name = loc[-1] if loc else ctx.get("attribute", "")
        return Message("valid.unknown_field", {"name": printable(str(name)).replace("\n", "\\n")})
    if kind in ("literal_error", "enum"):
        return Message("valid.choice", {"expected": _expected(ctx), "value": show_value(value)})
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == _ID_PATTERN:
            return Message("valid.id", {"value": show_value(value)})
        return Message("valid.pattern", {"value": show_value(value)})
    return Message("valid.invalid", {"value": show_value(value)})


def _length(value: Any) -> int | str:
    try:
        return len(value)
    except TypeError:
        return "?"


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def field_label(loc: Loc, lang: str, model: str = "") -> str:
    """A field's name as the screens name it: ``create.ideas.3.title`` → "Idé" / "Idea".

    The last named part of ``loc`` is the field; a dict key (a criterion id) names its dict. Where
    one name means different things (``text`` of a cause, of a risk) the item it belongs to
    decides: the list it is in, else ``model`` (the class pydantic names for an assignment).
    """
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    while names:
        name = names[-1]
        containers = [*reversed(names[:-1]), model] if model else list(reversed(names[:-1]))
        for container in containers:
            key = f"fieldname.{container}.{name}"
            if has_text(key):
                return tr(lang, key)
        if has_text(f"fieldname.{name}"):
            return tr(lang, f"fieldname.{name}")
        names.pop()  # a dict key (criterion id) or a name we do not know: its container
    return ""


def first_error(error: ValidationError) -> tuple[Loc, Message]:
    """Where the first thing wrong is, and our message for it."""
    first = error.errors()[0]
    if first["type"] == "link":
        loc, message = first["ctx"]["problems"][0]
        return tuple(loc), message
    return tuple(first["loc"]), message_for(first)


def describe(error: Exception, lang: str) -> str:
    """Why a value was refused, in ``lang``, naming the field as the screens do ("Navn: højst 500
    tegn, men der er 612"); a failure that is not a validation error gets a general sentence."""
    if not isinstance(error, ValidationError):
        return tr(lang, "refused.failed")
    loc, message = first_error(error)
    label = field_label(loc, lang, error.title)
    reason = message.text(lang)
    return tr(lang, "refused.field", field=label, reason=reason) if label else reason
