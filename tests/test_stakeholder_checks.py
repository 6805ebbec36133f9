"""`borgerspil check` and the overview on the stakeholder analysis (core/checks/stakeholders):
no stakeholders, stakeholders not on the grid, those to manage closely without a message or a contact."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.checks.stakeholders import stakeholder_problems
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model.insist import Stakeholder
from borgerspil_tui.core.storage import load_project, save_project
from tests.conftest import EXAMPLE


def _problems(people: list[Stakeholder], lang: str = "en") -> list[str]:
    project = load_project(EXAMPLE).project
    project.insist.stakeholders = people
    return stakeholder_problems(project, bundled_method(), lang)


def test_the_example_lacks_nothing() -> None:
    project = load_project(EXAMPLE).project
    assert stakeholder_problems(project, bundled_method(), "da") == []


def test_no_stakeholders_yet_in_both_languages() -> None:
    assert _problems([]) == ["No stakeholders yet: do the stakeholder analysis"]
    assert _problems([], "da") == ["Ingen interessenter endnu: lav interessentanalysen"]


def test_not_placed_names_them_and_counts() -> None:
    people = [Stakeholder(name="Pressen", influence=4), Stakeholder(name="Naboer", interest_level=2),
              Stakeholder(name="Borgmesteren", influence=5, interest_level=1, message="x", contact="y")]
    assert _problems(people) == ["2 stakeholders lack influence or interest and are not on the grid: Pressen, Naboer"]
    assert _problems(people[:1], "da") == [
        "1 interessent mangler indflydelse eller interesse og står ikke i gitteret: Pressen"]


def test_manage_closely_needs_a_message_and_someone_who_talks_to_them() -> None:
    people = [Stakeholder(name="Ældrerådet", influence=3, interest_level=3, contact="Projektlederen"),
              Stakeholder(name="Byrådet", influence=5, interest_level=5, message="Det virker", contact=" "),
              Stakeholder(name="Direktionen", influence=5, interest_level=2),  # keep satisfied: nothing needed
              Stakeholder(name="Naboer", influence=1, interest_level=5)]  # keep informed
    assert _problems(people) == ["“Manage closely” but no message: Ældrerådet",
                                 "“Manage closely” but nobody who talks to them: Byrådet"]
    assert _problems(people, "da") == ["«Inddrag tæt», men intet budskab: Ældrerådet",
                                       "«Inddrag tæt», men ingen der taler med dem: Byrådet"]


def test_many_and_long_names_are_cut() -> None:
    people = [Stakeholder(name=f"[bold]x[/] {n} " + "æ" * 200) for n in range(7)]
    (line,) = _problems(people)
    assert line.endswith(" +2") and line.count("…") == 5 and len(line) < 400


def test_check_on_a_file_names_what_the_stakeholders_lack(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    project = load_project(EXAMPLE).project
    project.insist.stakeholders = [Stakeholder(name="Ældrerådet", influence=4, interest_level=5),
                                   Stakeholder(name="Pressen", influence=2)]
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, project)
    main(["check", str(path), "--lang", "en"])
    out = capsys.readouterr().out
    assert "  missing: 1 stakeholder lacks influence or interest and is not on the grid: Pressen" in out
    assert "  missing: “Manage closely” but no message: Ældrerådet" in out
    assert "  missing: “Manage closely” but nobody who talks to them: Ældrerådet" in out
    assert main(["check", "--strict", str(path)]) == 1
    assert "mangler: «Inddrag tæt», men intet budskab: Ældrerådet" in capsys.readouterr().out
    project.insist.stakeholders = []
    save_project(path, project, force=True)
    main(["check", str(path), "--lang", "en"])
    assert "  missing: No stakeholders yet: do the stakeholder analysis" in capsys.readouterr().out
