"""`borgerspil demo` works on a private copy of the example; the example itself never changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.demo import demo_copy
from borgerspil_tui.core.locations import example_file
from tests.conftest import EXAMPLE


def test_the_demo_is_a_copy_in_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORGERSPIL_DATA_DIR", str(tmp_path / "data"))
    assert example_file().read_bytes() == EXAMPLE.read_bytes()
    first = demo_copy()
    assert first.parent == tmp_path / "data" / "demo" and first.read_bytes() == EXAMPLE.read_bytes()
    assert demo_copy() == first  # an untouched copy is reused
    first.write_text(first.read_text("utf-8").replace("Vestby", "Østby"), "utf-8")
    second = demo_copy()  # an edited copy is kept; the next demo gets a fresh one beside it
    assert second != first and second.read_bytes() == EXAMPLE.read_bytes()
    assert "Østby" in first.read_text("utf-8")
    assert example_file().read_bytes() == EXAMPLE.read_bytes()
