"""The influence × interest grid's rules (core/stakeholder_grid), without a screen."""

from __future__ import annotations

import pytest

from borgerspil_tui.core.model.insist import Stakeholder
from borgerspil_tui.core.stakeholder_grid import place, quadrant


@pytest.mark.parametrize(("influence", "interest", "expected"), [
    (5, 1, "keep-satisfied"), (3, 2, "keep-satisfied"),
    (5, 5, "manage-closely"), (3, 3, "manage-closely"),
    (1, 1, "monitor"), (2, 2, "monitor"),
    (1, 5, "keep-informed"), (2, 3, "keep-informed"),
    (None, 4, None), (4, None, None), (None, None, None),
])
def test_the_quadrant_follows_influence_up_and_interest_across(influence, interest, expected) -> None:
    assert quadrant(Stakeholder(name="x", influence=influence, interest_level=interest)) == expected


def test_placing_numbers_them_in_list_order_and_keeps_the_unplaced_apart() -> None:
    people = [Stakeholder(name="Direktionen", influence=5, interest_level=2),
              Stakeholder(name="Ældrerådet", influence=2, interest_level=5),
              Stakeholder(name="Pressen", influence=4),
              Stakeholder(name="Byrådet", influence=5, interest_level=2)]
    placement = place(people)
    assert [(n.rank, n.stakeholder.name) for n in placement.cells[(5, 2)]] == [(1, "Direktionen"), (4, "Byrådet")]
    assert [n.rank for n in placement.cells[(2, 5)]] == [2]
    assert [(n.rank, n.stakeholder.name) for n in placement.unplaced] == [(3, "Pressen")]
    assert [n.stakeholder.name for n in placement.in_quadrant("keep-satisfied")] == ["Direktionen", "Byrådet"]
    assert [n.stakeholder.name for n in placement.in_quadrant("keep-informed")] == ["Ældrerådet"]
    assert placement.in_quadrant("manage-closely") == []
