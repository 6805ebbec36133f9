"""Pictures of the risk analysis: the list by score with the 5×5 heat map, at 120×40 and 80×24,
in the light and the high-contrast theme, with a 300-character risk and markup-like texts shown
as written. Update after an intended change: ``pytest tests/test_risks_snapshots.py --snapshot-update``."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Insist, Risk
from borgerspil_tui.core.storage import create_project_file
from tests.app_helpers import make_app

LONG = ("Leverandøren af sagssystemet kan ikke levere sms-modulet i tide, fordi de har travlt med andre kommuner, "
        "og derfor må Borgerservice ringe til alle ansøgere selv, hvilket tager tid fra skranken og gør "
        "ventetiden længere for de borgere, der møder op, især om mandagen og i ugerne omkring jul, hvor der er kø"
)[:300]
assert len(LONG) == 300

RISKS = [
    Risk(id="risk-long01", text=LONG, likelihood=3, impact=4, owner="Projektlederen",
         mitigation="Start med manuelle sms'er fra Borgerservice."),
    Risk(id="risk-markup", text="[bold]x[/] [/] [$accent] [link=x]klik[/link]", likelihood=5, impact=4,
         owner="[red]Mette[/red]"),
    Risk(id="risk-low001", text="Ældrerådet bliver ikke hørt", likelihood=1, impact=2, owner="Ole",
         mitigation="Møde i april"),
    Risk(id="risk-same01", text="Depotet bliver ikke klar", likelihood=4, impact=3, mitigation="[b]Plan B[/b]"),
    Risk(id="risk-open01", text="Ingen har tid til oplæring"),
]


def _project(folder: Path) -> Path:
    path = folder / "risici.borgerspil.yaml"
    create_project_file(path, Project(schema_version=1, title="Risici [i]i[/i]", insist=Insist(risks=RISKS)))
    return path


def _opened(theme: str, language: str):
    async def run_before(pilot) -> None:
        pilot.app.theme = theme
        pilot.app.action_goto("risks")
        await pilot.pause()
        await pilot.press("v")
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()
    return run_before


@pytest.mark.parametrize(("size", "theme", "language"), [
    ((120, 40), "borgerspil", "da"),
    ((120, 40), "borgerspil-kontrast", "en"),
    ((80, 24), "borgerspil", "en"),
    ((80, 24), "borgerspil-kontrast", "da"),
])
def test_risks_with_heat_map(snap_compare, tmp_path: Path, size: tuple[int, int], theme: str,
                             language: str) -> None:
    app = make_app(_project(tmp_path), language=language)
    assert snap_compare(app, terminal_size=size, run_before=_opened(theme, language))
