"""Pictures of the groups screen and the filtered observations at 120×40 and 80×24, with long and
hostile texts: markup-like names, 300-character observations, twelve groups (paged).

Update after an intended change: ``pytest tests/test_groups_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.experience import Insight, Observation, ObservationGroup
from borgerspil_tui.core.storage import create_project_file
from tests.app_helpers import HOSTILE, make_app

pytestmark = pytest.mark.xdist_group("groups-snapshots")

FIXED = Path(tempfile.gettempdir()) / "borgerspil-groups-snapshots"
LONG = ("Borgeren ventede i telefonkøen i over en halv time, blev stillet videre to gange og måtte til sidst "
        "skrive en mail, som først blev besvaret ugen efter; hun sagde, at hun havde opgivet at forstå, hvem "
        "der egentlig havde ansvaret for hendes sag, og at brevene brugte ord, hun ikke kendte. Slut her, ok.")
assert len(LONG) >= 300


def _project() -> Project:
    project = Project(schema_version=1, title="Grupper [bold]x[/]")
    observations = [Observation(id=f"obs-{i:06d}", what=text, tags=tags) for i, (text, tags) in enumerate([
        (LONG, ["ventetid"]), ("[bold]x[/] stod der på skærmen", ["it", "[b]"]), (HOSTILE, ["breve"]),
        ("Ringede fem gange", ["ventetid", "telefon"]), ("Brevet var på tre sider", ["breve"]),
        ("Ventede tre uger på svar", ["ventetid"]), ("Kunne ikke finde formularen", ["it"]),
        ("Tog bussen ind til borgerservice", []),
    ])]
    project.experience.observations = observations
    project.experience.insights = [Insight(id="insight-aaaaaa", statement="Borgerne venter for længe [bold]x[/] "
                                           + LONG, observations=["obs-000000", "obs-000003"])]
    names = ["Ventetid [bold]x[/]", HOSTILE, LONG, "Breve", "IT", "Telefon", "Fremmøde", "Skemaer",
             "Ansvar", "Sprog", "Tillid", "Tom"]
    project.experience.groups = [
        ObservationGroup(id=f"group-{i:06d}", name=name,
                         observations=[o.id for o in observations][i % 3: i % 3 + 1 + i % 5] if i < 11 else [],
                         insight="insight-aaaaaa" if i == 0 else None)
        for i, name in enumerate(names)]
    return project


@pytest.fixture
def fixed_path() -> Path:
    shutil.rmtree(FIXED, ignore_errors=True)
    FIXED.mkdir(parents=True)
    path = FIXED / "grupper.borgerspil.yaml"
    create_project_file(path, _project())
    os.utime(path, (1_767_225_600, 1_767_225_600))
    return path


def test_groups_120x40(snap_compare, fixed_path: Path) -> None:
    async def go(pilot) -> None:
        pilot.app.action_goto("groups")
        await pilot.pause()
        await pilot.press("right", "down")
        await pilot.pause()

    assert snap_compare(make_app(fixed_path), terminal_size=(120, 40), run_before=go)


def test_groups_80x24_paged(snap_compare, fixed_path: Path) -> None:
    async def go(pilot) -> None:
        pilot.app.action_goto("groups")
        await pilot.pause()
        await pilot.press(*["right"] * 6)
        await pilot.pause()

    assert snap_compare(make_app(fixed_path, language="en"), terminal_size=(80, 24), run_before=go)


def test_observations_filtered_by_group_80x24(snap_compare, fixed_path: Path) -> None:
    async def go(pilot) -> None:
        pilot.app.action_goto("observations")
        await pilot.pause()
        screen = pilot.app.screen
        from borgerspil_tui.core.observation_groups import Filter

        screen.set_filter(Filter("group", "group-000002"))
        await pilot.pause()

    assert snap_compare(make_app(fixed_path), terminal_size=(80, 24), run_before=go)
