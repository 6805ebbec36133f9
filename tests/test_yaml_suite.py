"""All 402 inputs of the public YAML test suite: a valid project or a clean located error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from tests.conftest import YAML_SUITE

CASES = sorted(YAML_SUITE.glob("*.yaml")) if YAML_SUITE.is_dir() else []


def test_the_suite_is_there() -> None:
    assert len(CASES) >= 400, f"expected the YAML test suite in {YAML_SUITE}"


@pytest.mark.timeout(10)
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_validate_gives_a_located_answer(path: Path, capsys: pytest.CaptureFixture) -> None:
    status = main(["validate", str(path)])
    out = capsys.readouterr()
    if status == 0:
        assert out.out == f"{path}: ok\n"
        return
    assert status == 1
    lines = out.err.splitlines()
    assert lines, "a refused file must say why"
    located = re.compile(rf"^{re.escape(str(path))}(:\d+:\d+)?: \S.*$")
    for line in lines:
        assert located.match(line), line
        assert "unexpected error" not in line and "Traceback" not in line
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", line)
