"""Building blocks shared by every part of the project model."""

from __future__ import annotations

import secrets
from typing import Annotated, Literal

import datetime as dt
import re

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

ItemId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]
"""An item's id: lower-case letters, digits and dashes, 2–40 characters."""

_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_id(prefix: str) -> str:
    """A short random id such as ``idea-k3x9fa``: random, so two branches never collide."""
    return prefix + "-" + "".join(secrets.choice(_ALPHABET) for _ in range(6))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _iso_date(value: object) -> object:
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    from borgerspil_tui.core.validation_messages import refuse, show_value

    refuse("valid.date", value=show_value(value))


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A calendar date, written in the file as ISO ``YYYY-MM-DD`` and nothing else."""

Answer = Literal["yes", "partly", "no"]
"""How far a checklist question is answered."""

Score = Annotated[int, Field(ge=1, le=5)]
"""A score on the method's 1–5 scale."""

Phase = Literal["focus", "experience", "create", "insist"]
"""The four phases: Fokusér, Oplev, Skab, Insistér."""

ValueKind = Literal["productivity", "service", "effect", "democracy"]
"""The four kinds of value (ch. 3), which are also the four bottom lines (ch. 6)."""


class Strict(BaseModel):
    """Base for every model in the file: unknown fields are an error, assignment is checked."""

    # defer_build: a model's validator is built when first used, so a project from the cache
    # (core/cache) is on screen without building any (measured in benchmarks/bench_app.py).
    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False,
                              defer_build=True)


def id_field(prefix: str) -> object:
    """A field that gets a fresh random id with ``prefix`` when none is given."""
    return Field(default_factory=lambda: new_id(prefix))
