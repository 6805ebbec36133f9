"""Pictures of the resources and "citizens along the way" screens at 120×40 and 80×24, with long
and markup-like texts (a milestone title, a resource line, a way citizens give input).

Update after an intended change: ``pytest tests/test_resources_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from borgerspil_tui.core.model.insist import CitizenVoice, Resource
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import HOSTILE, make_app
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.xdist_group("resources-snapshots")

FIXED = Path(tempfile.gettempdir()) / "borgerspil-resources-snapshots"
LONG = ("Ombygning af depotet i kælderen med reoler, lift og et rum til afprøvning, så borgerne kan prøve "
        "hjælpemidlet samme dag [b]og[/b] tage det med hjem")


@pytest.fixture
def project_file() -> Path:
    """The example with long and hostile texts, in a folder whose path never changes."""
    shutil.rmtree(FIXED, ignore_errors=True)
    FIXED.mkdir(parents=True)
    path = FIXED / "hjaelpemidler.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, path)
    loaded = load_project(path)
    insist = loaded.project.insist
    insist.milestones[0].title = "Depot indrettet og afprøvet med de første ti borgere [$accent] \\[x]"
    insist.resources.insert(0, Resource(id="res-long01", what=LONG, milestone=insist.milestones[0].id,
                                        aspect="physical", person_weeks=12.5, cost=1_234_567.5))
    insist.resources.append(Resource(id="res-host01", what=HOSTILE, cost=40))
    insist.citizen_input.insert(0, CitizenVoice(id="voice-long01", what=LONG + "\n" + HOSTILE,
                                                when="Hver anden uge [i]hele[/i] året", who=HOSTILE))
    save_project(path, loaded.project, loaded.fingerprint)
    os.utime(path, (1_767_225_600, 1_767_225_600))
    return path


def _open(name: str, *keys: str):
    async def run(pilot) -> None:
        pilot.app.action_goto(name)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
    return run


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_resources(snap_compare, project_file: Path, size: tuple[int, int]) -> None:
    keys = ("g",) if size == (80, 24) else ()  # the guidance hidden on the small screen: the totals show
    assert snap_compare(make_app(project_file), terminal_size=size, run_before=_open("resources", *keys))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_citizens_along(snap_compare, project_file: Path, size: tuple[int, int]) -> None:
    app = make_app(project_file, language="en" if size == (80, 24) else "da")
    assert snap_compare(app, terminal_size=size, run_before=_open("citizens-along"))
