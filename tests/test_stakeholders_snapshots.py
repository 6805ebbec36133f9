"""Pictures of the stakeholder grid and the chosen concept at 120×40 and 80×24, with long and
markup-like names. Update after an intended change:
``pytest tests/test_stakeholders_snapshots.py --snapshot-update``."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from borgerspil_tui.core.model.create import Concept, SuccesRating
from borgerspil_tui.core.model.insist import Stakeholder
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, make_app
from tests.conftest import EXAMPLE
from tests.test_snapshots import _no_blink

pytestmark = pytest.mark.xdist_group("stakeholder-snapshots")

FIXED = Path(tempfile.gettempdir()) / "borgerspil-stakeholder-snapshots"
SMALL = (80, 24)
LONG = "Borgerrådgiveren og " + "den meget lange række af udvalg " * 6
"""A name of 200 characters and more."""


@pytest.fixture
def project_file() -> Path:
    """The example with hostile and long stakeholders and concepts, in a folder whose name never changes."""
    shutil.rmtree(FIXED, ignore_errors=True)
    FIXED.mkdir(parents=True)
    target = FIXED / "hjaelpemidler.borgerspil.yaml"
    project = load_project(EXAMPLE).project
    project.insist.stakeholders = [
        Stakeholder(id="stake-aaaa01", name="[bold]x[/]", influence=5, interest_level=1, message="[/] [b]fed[/b]"),
        Stakeholder(id="stake-aaaa02", name=LONG[:200], influence=4, interest_level=5, contact="[$accent]"),
        Stakeholder(id="stake-aaaa03", name="Ældrerådet", influence=2, interest_level=4),
        Stakeholder(id="stake-aaaa04", name="Naboerne", influence=1, interest_level=1),
        Stakeholder(id="stake-aaaa05", name="Byrådet", influence=4, interest_level=5),
        Stakeholder(id="stake-aaaa06", name="[link=x]Pressen[/link]", influence=3),
    ]
    project.create.concepts = [
        *project.create.concepts,
        Concept(id="concept-zz0001", title="[bold]x[/]", status="dropped"),
        Concept(id="concept-zz0002", title=LONG[:200], status="tested",
                succes={"simple": SuccesRating(rating="yes"), "stories": SuccesRating(rating="partly")}),
    ]
    project.insist.concept = "concept-zz0002"
    save_project(target, project, force=True)
    os.utime(target, (1_767_225_600, 1_767_225_600))
    return target


def _open(name: str, *keys: str):
    async def run(pilot) -> None:
        pilot.app.action_goto(name)
        await pilot.pause()
        await pilot.press(*keys)
        await _no_blink(pilot)

    return run


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["120x40", "80x24"])
def test_stakeholder_grid(snap_compare, project_file: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(project_file), terminal_size=size, run_before=_open("stakeholders", "v"))


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["120x40", "80x24"])
def test_stakeholder_list(snap_compare, project_file: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(project_file), terminal_size=size, run_before=_open("stakeholders", "down"))


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["120x40", "80x24"])
def test_chosen_concept(snap_compare, project_file: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(project_file, language="en"), terminal_size=size,
                        run_before=_open("chosen-concept"))
