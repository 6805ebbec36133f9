"""Pictures of the fishbone screen at 120×40 and 80×24 with long and markup-like texts.

Update after an intended change: ``pytest tests/test_fishbone_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from borgerspil_tui.core.model.create import Bone, BoneItem, Fishbone
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import make_app
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.xdist_group("snapshots")

LONG = ("Sagsbehandlerne skal slå op i tre systemer og ringe til lægen, før de kan se, om ansøgningen er "
        "komplet – og borgeren hører intet imens, så de ringer igen og igen og optager telefonlinjen hele dagen")


def _project(tmp_path: Path) -> Path:
    """The example with a fishbone of long, markup-like texts; the first bone's second item sent on."""
    path = tmp_path / "fiskeben.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, path)
    loaded = load_project(path)
    project = loaded.project
    cause = project.focus.causes[0].id
    project.create.fishbones.append(Fishbone(id="fish-snap01", kind="causes", head="", bones=[
        Bone(id="cat-snap01", category="Mennesker", items=[
            BoneItem(id="bone-snap01", text="[bold]x[/] borgerne [link=x]ved[/link] ikke, hvem de skal ringe til"),
            BoneItem(id="bone-snap02", text="Personalet skifter ofte", linked=cause),
            BoneItem(id="bone-snap03", text=LONG)]),
        Bone(id="cat-snap02", category="Procedurer", items=[
            BoneItem(id=f"bone-snap1{n}", text=f"Trin {n}: endnu en underskrift [$accent]") for n in range(10)]),
        Bone(id="cat-snap03", category="IT – tre systemer der ikke taler sammen [/]", items=[
            BoneItem(id="bone-snap21", text=LONG)]),
        Bone(id="cat-snap04", category="Regler"),
        Bone(id="cat-snap05", category="Sted", items=[BoneItem(id="bone-snap31", text="Langt til borgerservice")]),
        Bone(id="cat-snap06", category="Kommunikation", items=[BoneItem(id="bone-snap41", text="Breve på juridisk dansk")]),
    ]))
    save_project(path, project, loaded.fingerprint)
    return path


async def _open(pilot) -> None:  # noqa: ANN001
    pilot.app.action_goto("fishbone")
    await pilot.pause()
    await pilot.press("down", "down")  # the second item of the first bone: sent on, its cause shown
    await pilot.pause()


def test_fishbone_120x40(snap_compare, tmp_path: Path) -> None:  # noqa: ANN001
    assert snap_compare(make_app(_project(tmp_path)), terminal_size=(120, 40), run_before=_open)


def test_fishbone_80x24(snap_compare, tmp_path: Path) -> None:  # noqa: ANN001
    assert snap_compare(make_app(_project(tmp_path)), terminal_size=(80, 24), run_before=_open)


async def test_the_drawing_fits_and_cuts_at_both_sizes(tmp_path: Path) -> None:
    """What the pictures show, checked by text: no row wider than the screen, long texts cut
    with …, hidden items counted, markup shown as typed."""
    for size in ((120, 40), (80, 24)):
        app = make_app(_project(tmp_path))
        async with app.run_test(size=size) as pilot:
            await _open(pilot)
            view = app.screen.query_one("#fish")
            drawing = view.plain()
            assert all(len(line) <= size[0] for line in drawing.splitlines())
            assert "[bold]x[/] bo" in drawing and "…" in drawing and "PROCEDURER" in drawing
            assert "✓ Personalet" in drawing
            if size == (80, 24):
                assert "mere" in drawing  # Procedurer's ten steps do not all fit
            assert view.drawn.spots[(0, 1)]  # the selected item is drawn
        (tmp_path / "fiskeben.borgerspil.yaml").unlink()
