"""A country before another side's people ("Varland rebels") modifies them: the state does
not act there (monitor/extract/control/states.py), so its army takes nothing."""

from __future__ import annotations

import pytest
from control_facts import read_by_control

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Varlandi army", "group", ("Varland's army", "Varlandi troops")),
    EntityRef("Varland", "place", ()),
    EntityRef("Kastrel", "place", ()),
)
ARMY = "Varlandi army"


@pytest.mark.parametrize(
    "sentence",
    [
        "Varland rebels seized Kastrel on Monday.",
        "Varland insurgents have taken control of Kastrel.",
        "Varland opposition fighters captured Kastrel overnight.",
        "Varland militias overran Kastrel after a week of shelling.",
    ],
)
def test_a_country_before_another_sides_people_does_not_act(sentence: str) -> None:
    assert all(controller != ARMY for _, controller, _ in read_by_control(sentence, ENTITIES))


@pytest.mark.parametrize(
    "sentence",
    [
        "Varland says it has retaken Kastrel from the rebels.",
        "Varland says its troops have retaken Kastrel.",
    ],
)
def test_a_country_that_speaks_still_stands_for_its_army(sentence: str) -> None:
    assert any(controller == ARMY for _, controller, _ in read_by_control(sentence, ENTITIES))
