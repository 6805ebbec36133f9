"""The demo: a private copy of the bundled example, so the example itself is never changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from borgerspil_tui.core.locations import data_folder, example_file


def demo_copy() -> Path:
    """A copy of the example in the user's data folder, made fresh unless an untouched one exists.

    A demo copy that someone has edited is kept; the new copy gets the next free name.
    """
    source = example_file()
    folder = data_folder() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    original = source.read_bytes()
    stem = "hjaelpemidler"
    for number in range(1, 1000):
        target = folder / (f"{stem}.borgerspil.yaml" if number == 1 else f"{stem}-{number}.borgerspil.yaml")
        if not target.exists():
            shutil.copyfile(source, target)
            return target
        if target.read_bytes() == original:
            return target
    raise OSError(f"too many demo copies in {folder}")
