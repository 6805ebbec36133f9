"""What `borgerspil check` says the milestones lack (core/checks/milestones), in both languages,
with today fixed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.checks import milestones as check
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Milestone
from borgerspil_tui.core.storage import save_project

D = dt.date


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check, "today", lambda: D(2026, 9, 1))


def _project(*milestones: Milestone) -> Project:
    project = Project(schema_version=1, title="Plan")
    project.insist.milestones = list(milestones)
    return project


def _problems(project: Project, lang: str = "da") -> list[str]:
    return check.milestone_problems(project, bundled_method(), lang)


def test_no_milestones() -> None:
    assert _problems(_project()) == ["Sæt milepæle for implementeringen"]
    assert _problems(_project(), "en") == ["Set milestones for the implementation"]


def test_a_complete_plan_lacks_nothing() -> None:
    plan = _project(Milestone(id="milestone-a", title="Aftale", due=D(2026, 8, 1), owner="Lis", done=True),
                    Milestone(id="milestone-b", title="Pilot", due=D(2026, 9, 1), owner="Bo", depends_on=["milestone-a"]))
    assert _problems(plan) == [] and _problems(plan, "en") == []


def test_owner_date_late_and_an_undated_milestone_others_wait_for() -> None:
    plan = _project(Milestone(id="milestone-a", title="Aftale", owner="Lis"),
                    Milestone(id="milestone-b", title="Pilot", due=D(2026, 8, 31), depends_on=["milestone-a"]),
                    Milestone(id="milestone-c", title="Drift", due=D(2026, 8, 1), owner="Bo", done=True),
                    Milestone(id="milestone-d", title="Evaluering", owner="Bo"))
    assert _problems(plan) == [
        "1 milepæl uden ansvarlig: «Pilot»",
        "2 milepæle uden dato: «Aftale», «Evaluering»",
        "1 milepæl er passeret sin dato uden at være nået: «Pilot» (2026-08-31)",
        "«Aftale» har ingen dato, men «Pilot» med dato afhænger af den: rækkefølgen kan ikke tjekkes",
    ]
    english = _problems(plan, "en")
    assert english[0] == "1 milestone without an owner: “Pilot”"
    assert english[2] == "1 milestone is past its date and not reached: “Pilot” (2026-08-31)"
    assert "the order cannot be checked" in english[3]


def test_many_are_counted_and_long_titles_cut() -> None:
    plan = _project(*[Milestone(title=f"Milepæl nummer {n} " + "x" * 60) for n in range(5)])
    [owners, _dates] = _problems(plan)
    assert owners.startswith("5 milepæle uden ansvarlig: «Milepæl nummer 0 xxx")
    assert owners.endswith("…», og 2 mere") and len(owners) < 200


def test_a_file_that_holds_a_wrong_order_is_named_all_the_same() -> None:
    # The file check refuses it; a project built in code can still hold one.
    plan = _project(Milestone(id="milestone-a", title="Aftale", due=D(2026, 10, 1), owner="Lis"),
                    Milestone(id="milestone-b", title="Pilot", due=D(2026, 9, 1), owner="Bo", depends_on=["milestone-a"]))
    assert _problems(plan) == ["milepælen «Pilot» (2026-09-01) ligger før «Aftale» (2026-10-01), som den afhænger af"]


def test_check_on_a_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "plan.borgerspil.yaml"
    save_project(path, _project(Milestone(title="Pilot [bold]x[/]", due=D(2026, 8, 1))))
    assert main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "missing: 1 milestone without an owner: “Pilot [bold]x[/]”" in out
    assert "missing: 1 milestone is past its date and not reached: “Pilot [bold]x[/]” (2026-08-01)" in out
    assert main(["check", "--strict", str(path)]) == 1
    assert "mangler: 1 milepæl uden ansvarlig: «Pilot [bold]x[/]»" in capsys.readouterr().out
