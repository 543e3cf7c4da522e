"""A state stands for its army when it acts or speaks ("Varland says it has taken Kastrel"),
read from the configured alias "Varland's army"; not as a place ("fighting in Varland"), nor
as the owner of a region ("Varland's Kastrel province")."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_by_control

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Varlandi army", "group", ("Varland's army", "Varlandi troops")),
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Varland", "place", ()),
    EntityRef("Kastrel", "place", ()),
)
ARMY, CM = "Varlandi army", "Coast Militia"


def _values(sentence: str) -> list[Holding]:
    return read_by_control(sentence, ENTITIES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Varland says it has seized complete control of the town of Kastrel.",
            [("Kastrel", ARMY, "claims_captured")],
        ),
        (
            "Varland's president says the army has now seized control of Kastrel town.",
            [("Kastrel", ARMY, "claims_captured")],
        ),
        (
            "CM fighters seized Kastrel, Varland's government said.",
            [("Kastrel", CM, "captured")],
        ),
        (
            "CM fighters seized Kastrel in northern Varland on Monday.",
            [("Kastrel", CM, "captured")],
        ),
    ],
)
def test_a_state_speaks_for_its_army(
    sentence: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _values(sentence) == expected


def test_a_state_before_another_name_does_not_act() -> None:
    assert _values("Varland CM fighters seized Kastrel on Monday.") == [("Kastrel", CM, "captured")]
