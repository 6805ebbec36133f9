"""The risks' order, heat map and check (core/risk_map, core/checks/risks), and `borgerspil check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.checks.risks import risk_problems
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model.insist import Risk
from borgerspil_tui.core.overview import part_status
from borgerspil_tui.core.risk_map import (
    HIGH_RISK,
    level,
    number_line,
    numbers,
    risk_map,
    score,
    sorted_risks,
)
from borgerspil_tui.core.storage import load_project, save_project
from tests.conftest import EXAMPLE


def _risk(text: str, likelihood: int | None = None, impact: int | None = None, **more: str) -> Risk:
    key = "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())[:20] or "x"
    return Risk(id=f"risk-{key}", text=text, likelihood=likelihood, impact=impact, **more)


def test_sorted_by_score_highest_first_ties_as_added_unscored_last() -> None:
    risks = [_risk("a"), _risk("b", 2, 2), _risk("c", 5, 4), _risk("d", 1, 4), _risk("e", 4, None), _risk("f", 4, 5)]
    assert [r.text for r in sorted_risks(risks)] == ["c", "f", "b", "d", "a", "e"]
    assert numbers(risks) == {"risk-c": 1, "risk-f": 2, "risk-b": 3, "risk-d": 4, "risk-a": 5, "risk-e": 6}
    assert [r.text for r in risks] == ["a", "b", "c", "d", "e", "f"]  # the list itself is left as added
    assert score(risks[2]) == 20 and score(risks[4]) is None


def test_levels_from_low_to_very_high() -> None:
    assert [level(1, 1), level(2, 2), level(1, 5), level(3, 3), level(2, 5), level(3, 4), level(3, 5), level(5, 5)] \
        == ["low", "low", "medium", "medium", "high", "high", "very-high", "very-high"]
    assert level(5, 3) == level(3, 5) == "very-high" and HIGH_RISK == 15


def test_the_map_has_likelihood_up_and_impact_across_with_the_risks_numbers() -> None:
    risks = [_risk("a", 5, 1), _risk("b", 1, 5), _risk("c", 5, 1), _risk("d", 3, 3), _risk("e")]
    picture = risk_map(risks)  # shown order: d (9), a, b, c (5 each, as added), e (unscored)
    top_left, bottom_right = picture.rows[0][0], picture.rows[4][4]
    assert (top_left.likelihood, top_left.impact, top_left.numbers) == (5, 1, (2, 4))
    assert (bottom_right.likelihood, bottom_right.impact, bottom_right.numbers) == (1, 5, (3,))
    assert picture.cell(3, 3).numbers == (1,) and picture.cell(1, 5) is bottom_right
    assert sum(c.count for row in picture.rows for c in row) == 4 and picture.unscored == 1
    assert [c.level for c in picture.rows[0]] == ["medium", "high", "very-high", "very-high", "very-high"]
    assert [row[0].likelihood for row in picture.rows] == [5, 4, 3, 2, 1]


def test_number_line_cuts_with_a_count_of_the_rest() -> None:
    assert number_line([1, 4, 12], 20) == "#1 #4 #12"
    assert number_line([1, 4, 12, 13], 9) == "#1 #4 +2"
    assert len(number_line(list(range(1, 40)), 10)) <= 10
    assert number_line([100], 2) == "+1"


METHOD = bundled_method()


def _project(*risks: Risk):
    project = load_project(EXAMPLE).project
    project.insist.risks = list(risks)
    return project


@pytest.mark.parametrize("lang", ["da", "en"])
def test_check_names_what_the_risks_lack(lang: str) -> None:
    assert risk_problems(_project(), METHOD, lang) == [
        {"da": "Skriv projektets risici i risikoanalysen", "en": "Write the project's risks in the risk analysis"}[lang]]
    fine = _risk("Fint", 5, 5, mitigation="Plan B", owner="Mette")
    assert risk_problems(_project(fine), METHOD, lang) == []
    found = risk_problems(_project(fine, _risk("Stor", 3, 5, owner="Ole"), _risk("Lille", 2, 2, owner="Ole"),
                                   _risk("Ukendt", 4)), METHOD, lang)
    if lang == "da":
        assert found == ["1 høj risiko (score 15 eller mere) uden afbødning: «Stor»",
                         "1 risiko uden ejer: «Ukendt»",
                         "1 risiko mangler sandsynlighed eller konsekvens: «Ukendt»"]
    else:
        assert found == ["1 high risk (score 15 or more) without mitigation: “Stor”",
                         "1 risk without an owner: “Ukendt”",
                         "1 risk without likelihood or impact: “Ukendt”"]


def test_check_names_the_highest_first_and_counts_the_rest() -> None:
    many = [_risk(f"R{n}", 3 + n % 3, 5) for n in range(6)] + [_risk("x" * 300, 5, 5)]
    found = risk_problems(_project(*many), METHOD, "en")
    assert found[0] == f"7 high risks (score 15 or more) without mitigation: “R2”, “R5”, “{'x' * 39}…”, and 4 more"
    assert found[1].startswith("7 risks without an owner: ")
    assert len(found) == 2


def test_a_risk_just_under_the_threshold_is_not_high() -> None:
    assert risk_problems(_project(_risk("Middel", 3, 4, owner="O")),
                         METHOD, "en") == []
    assert risk_problems(_project(_risk("Grænsen", 5, 3, owner="O")), METHOD, "en") == [
        "1 high risk (score 15 or more) without mitigation: “Grænsen”"]


def test_the_overview_shows_the_risk_lines_under_insist() -> None:
    status = part_status(_project(_risk("Ukendt")), METHOD, "insist", "en")
    assert "1 risk without an owner: “Ukendt”" in status.missing


def test_borgerspil_check_on_a_file(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch) -> None:
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)
    path = tmp_path / "r.borgerspil.yaml"
    save_project(path, _project(_risk("[bold]Leverandøren[/] svigter", 5, 4)))
    assert main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "missing: 1 high risk (score 15 or more) without mitigation: “[bold]Leverandøren[/] svigter”" in out
    assert "missing: 1 risk without an owner: “[bold]Leverandøren[/] svigter”" in out
    assert main(["check", str(EXAMPLE), "--lang", "en"]) == 0
    assert "risk" not in capsys.readouterr().out  # the example's one risk is scored, mitigated and owned
