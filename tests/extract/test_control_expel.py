"""Driving an enemy out of a place is taking it: "ousted X from Y", "drove X out of Y",
"X was expelled from Y by Z", and with "out of" only, "pushed X out of Y", "forced X out of Y".
An armed actor nobody configured ("rebels") takes the place for an unnamed side; a subject that
is no armed actor takes nothing."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Army", "group", ("Northern forces", "Northern troops")),
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Varo", "place", ()),
)


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Northern troops ousted the Coast Militia from Kastrel on Friday, officials said.",
            [("Kastrel", "Northern Army", "captured")],
        ),
        (
            "Northern forces drove CM fighters out of Varo after a week of shelling.",
            [("Varo", "Northern Army", "captured")],
        ),
        (
            "The Coast Militia was expelled from Kastrel by Northern troops.",
            [("Kastrel", "Northern Army", "captured")],
        ),
        (
            "Northern forces pushed the Coast Militia out of Varo in a night assault.",
            [("Varo", "Northern Army", "captured")],
        ),
        (
            "The Coast Militia was forced out of Kastrel by Northern troops on Sunday.",
            [("Kastrel", "Northern Army", "captured")],
        ),
        (
            "Northern troops drove the Coast Militia out of Varo, ending its two-year occupation"
            " of the port.",
            [("Varo", "Northern Army", "retaken")],
        ),
        (
            "Local rebels ousted government forces from Kastrel on Thursday, dealing a new blow"
            " to the capital.",
            [("Kastrel", None, "captured")],
        ),
    ],
)
def test_expelling_the_enemy_takes_the_place(
    sentence: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Floods forced thousands of families from Kastrel.",
        "The council ousted the mayor from Varo's town hall.",
        "Northern troops failed to drive the Coast Militia out of Kastrel.",
    ],
)
def test_no_taking_without_an_armed_taker_or_an_event(sentence: str) -> None:
    assert _values(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Coast Militia fighters drove back Northern troops from the edge of Kastrel.",
        "The Coast Militia pushed Northern forces from Varo's outskirts, its commander said.",
        "Northern troops pushed the Coast Militia back towards Varo.",
        "The shelling forced Coast Militia fighters to pull out of Kastrel's suburbs.",
    ],
)
def test_an_attack_driven_back_takes_nothing(sentence: str) -> None:
    assert [v for v in _values(sentence) if v[2] == "captured"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops have encircled thousands of Coast Militia fighters in Kastrel.",
        "Northern forces surrounded CM units in Kastrel on Tuesday.",
    ],
)
def test_a_force_encircled_in_a_place_is_the_place_encircled(sentence: str) -> None:
    assert _values(sentence) == [("Kastrel", "Northern Army", "surrounded")]


def test_encircling_a_unit_near_a_place_is_not_the_place() -> None:
    said = "CM fighters in Kastrel surrounded a Northern unit near the old station."
    assert _values(said) == []
