"""Losses told "in the fighting" are placed where the fighting named before them was."""

from __future__ import annotations

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind

ENTITIES = (
    EntityRef("Coast Brigades", "group", ()),
    EntityRef("Northern Army", "group", ()),
    EntityRef("Dorvik", "place", ()),
    EntityRef("Kelso", "place", ()),
)
CASUALTIES: tuple[FactKind, ...] = ("casualties",)


def places(text: str) -> list[tuple[int | None, str | None]]:
    return [
        (v.killed_min, v.location)
        for c in extract_claims(text, ENTITIES, CASUALTIES, year=2024)
        if isinstance(v := c.value, Casualties)
    ]


def test_losses_in_the_fighting_are_at_the_place_of_the_fighting_told_before() -> None:
    text = (
        "The Coast Brigades launched an offensive on Dorvik on Monday. At least 40 Northern "
        "Army soldiers were killed in the fighting, the group said."
    )
    assert places(text) == [(40, "Dorvik")]
    clashes = (
        "The Coast Brigades attacked positions in Dorvik province. "
        "A monitor said 61 Northern Army soldiers died in clashes."
    )
    assert places(clashes) == [(61, "Dorvik")]


def test_two_scenes_or_losses_not_told_as_that_fighting_stay_unplaced() -> None:
    two = (
        "The Coast Brigades attacked Dorvik and Kelso. "
        "30 Northern Army soldiers were killed in the fighting."
    )
    assert places(two) == [(30, None)]
    other = (
        "The Coast Brigades attacked Dorvik. Separately, 12 Northern Army soldiers were killed "
        "by a landmine."
    )
    assert places(other) == [(12, None)]


def test_the_casualties_of_the_fighting_told_before_are_at_its_place() -> None:
    text = (
        "The Coast Brigades stormed army depots in an assault on Dorvik. The raid left 90 dead"
        " on both sides, a monitor said. The dead included 52 Northern Army soldiers."
    )
    assert places(text) == [(52, "Dorvik")]
