"""A state stands for the one force configured by its demonym ("Chadian army" for Chad) when it
acts or speaks (monitor/extract/control/states.py)."""

from __future__ import annotations

import pytest
from control_facts import read_by_control

from monitor.records import EntityRef

ARMY = "Chadian army"
FORCES = (
    EntityRef(ARMY, "group", ("Chadian troops",)),
    EntityRef("Kastrel Liberation Front", "group", ("KLF",)),
    EntityRef("Kastrel", "place", ()),
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chad says its troops have retaken Kastrel.", ("Kastrel", ARMY, "retaken")),
        (
            "Chad's government on Monday denied KLF claims that Kastrel had fallen.",
            ("Kastrel", ARMY, "denies_captured"),
        ),
    ],
)
def test_a_state_speaks_for_the_force_of_its_demonym(
    sentence: str, expected: tuple[str, str | None, str]
) -> None:
    assert expected in read_by_control(sentence, FORCES)


@pytest.mark.parametrize(
    ("entities", "sentence"),
    [
        # Two forces of the same demonym: which one the state stands for is not said.
        (
            (*FORCES, EntityRef("Chadian government forces", "group", ())),
            "Chad says its troops have retaken Kastrel.",
        ),
        # Not acting: after a preposition.
        (FORCES, "KLF fighters from Chad have retaken Kastrel."),
    ],
)
def test_no_state_force_without_one_acting_state(
    entities: tuple[EntityRef, ...], sentence: str
) -> None:
    assert all(controller != ARMY for _, controller, _ in read_by_control(sentence, entities))
