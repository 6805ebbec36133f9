"""Resources (core/resources.py): amounts typed both ways, money written for each language, the
sums per milestone, per aspect and overall, the budget they are held against; the check of the
resources and of citizens' input (core/checks/resources.py), also through `borgerspil check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.checks.resources import resource_problems
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model.focus import ProcessRow
from borgerspil_tui.core.model.insist import CitizenVoice, Resource
from borgerspil_tui.core.resources import (
    AmountError,
    format_money,
    implementation_budget,
    milestones_without_resources,
    over_budget,
    parse_amount,
    process_budget,
    resource_sums,
)
from borgerspil_tui.core.storage import load_project, save_project
from tests.conftest import EXAMPLE


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("1.250,5", "da", 1250.5), ("1.250,5", "en", 1250.5), ("1250,5", "da", 1250.5), ("2,5", "da", 2.5),
    ("2,5", "en", 2.5), ("1.250", "da", 1250.0), ("1.250", "en", 1.25), ("1,250", "en", 1250.0),
    ("1,250", "da", 1.25), ("1,250.75", "en", 1250.75), ("1.234.567 kr.", "da", 1234567.0),
    ("DKK 1,234,567", "en", 1234567.0), ("3 uger", "da", 3.0), ("0", "da", 0.0), ("-0", "da", 0.0),
    ("", "da", None), ("  kr. ", "da", None), (",5", "da", 0.5),
])
def test_amounts_are_read_the_danish_and_the_english_way(text: str, lang: str, value: float | None) -> None:
    assert parse_amount(text, lang) == value


@pytest.mark.parametrize(("text", "kind"), [
    ("mange", "not_a_number"), ("1.2.3,4,5", "not_a_number"), ("12,34.5", "not_a_number"), ("1e5", "not_a_number"),
    ("nan", "not_a_number"), ("-5", "negative"), ("−2,5", "negative"), ("2000000000000", "too_large"),
    ("1..2", "not_a_number"), ("[b]5[/b]", "not_a_number"),
])
def test_what_is_not_an_amount_is_refused_with_a_reason(text: str, kind: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text, "da")
    assert caught.value.kind == kind


def test_money_is_written_the_danish_way_and_with_dkk_in_english() -> None:
    assert format_money(1234567, "da") == "1.234.567 kr."
    assert format_money(1234567, "en") == "DKK 1,234,567"
    assert format_money(1250.5, "da") == "1.250,5 kr."
    assert format_money(1250.5, "en") == "DKK 1,250.5"
    assert format_money(0.25, "da") == "0,25 kr."


def _lines() -> list[Resource]:
    return [Resource(what="Depot", milestone="m1", person_weeks=2, cost=1000),
            Resource(what="Sms", milestone="m1", aspect="it", person_weeks=1.5, cost=250.5),
            Resource(what="Kursus", aspect="competences", cost=300),
            Resource(what="Kaffe", person_weeks=None, cost=None),
            Resource(what="Plakater", cost=40)]


def test_sums_per_milestone_per_aspect_and_overall_count_each_line_once_in_the_total() -> None:
    sums = resource_sums(_lines())
    assert (sums.overall.person_weeks, sums.overall.cost, sums.overall.lines) == (3.5, 1590.5, 5)
    assert (sums.by_milestone["m1"].person_weeks, sums.by_milestone["m1"].cost) == (3.5, 1250.5)
    assert sums.by_milestone["m1"].lines == 2
    assert {k: v.cost for k, v in sums.by_aspect.items()} == {"it": 250.5, "competences": 300}
    assert (sums.general.cost, sums.general.lines) == (40, 2)
    assert resource_sums([]).overall.cost == 0


def test_the_budget_is_the_implementations_own_and_the_process_design_only_for_reference() -> None:
    project = load_project(EXAMPLE).project
    project.insist.resources = _lines()
    project.insist.budget = None
    assert implementation_budget(project) is None and over_budget(project) is None
    assert process_budget(project) == 55000  # the example's four phases: for running the process
    project.focus.process.append(ProcessRow(phase="insist", budget=1))  # never held against the lines
    assert over_budget(project) is None
    project.insist.budget = 1000
    assert over_budget(project) == 590.5
    project.insist.budget = 2000
    assert over_budget(project) == -409.5
    project.focus.process = []
    assert process_budget(project) is None


def test_check_names_what_the_resources_and_citizens_input_lack() -> None:
    method = bundled_method()
    project = load_project(EXAMPLE).project
    project.insist.resources, project.insist.citizen_input = [], []
    assert resource_problems(project, method, "en") == [
        "Estimate the resources (person-weeks and money) for the implementation",
        "Plan how citizens give input during the implementation"]
    assert milestones_without_resources(project) == []  # none estimated: said once, not per milestone
    first, *_ = project.insist.milestones
    project.insist.resources = [Resource(what="Depot", milestone=first.id, cost=150000)]
    project.insist.budget = 100000
    project.insist.citizen_input = [CitizenVoice(what="Panel")]
    problems = resource_problems(project, method, "da")
    assert problems[0] == "Ressourcerne er 50.000 kr. over budgettet"
    assert problems[1:] == ["Milepælen »Sms-modul i drift« har ingen ressourcer anslået",
                            "Milepælen »Evaluering efter tre måneder« har ingen ressourcer anslået"]
    project.insist.budget = 150000
    project.insist.resources += [Resource(what="x", milestone=m.id) for m in project.insist.milestones[1:]]
    assert resource_problems(project, method, "en") == []


def test_borgerspil_check_on_a_file_says_it_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)
    project = load_project(EXAMPLE).project
    project.insist.resources = [Resource(what="Depot", milestone=project.insist.milestones[0].id, cost=2_500_000)]
    project.insist.budget = 1_000_000
    project.insist.citizen_input = []
    path = tmp_path / "plan.borgerspil.yaml"
    save_project(path, project)
    assert main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "missing: The resources are DKK 1,500,000 over the budget" in out
    assert 'missing: The milestone "Sms-modul i drift" has no resources estimated' in out
    assert "missing: Plan how citizens give input during the implementation" in out
    assert main(["check", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    assert "mangler: Ressourcerne er 1.500.000 kr. over budgettet" in out
    assert "mangler: Planlæg, hvordan borgerne giver input under implementeringen" in out
