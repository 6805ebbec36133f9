"""Pause Python's cyclic garbage collector around bulk work that allocates many objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building or dumping a large project creates many objects and no cycles worth collecting
    on the way; without the pause the collector runs over and over and time grows faster than
    the data. Collection resumes (and catches up) as soon as the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
