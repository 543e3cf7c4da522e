"""A group's name as the noun of a count, before a preposition of place: "up to 3,000 KDF in
four columns" counts the group's fighters. Sentences written for this test, invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, ForceSize

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Dorn", "place", ()),
)
KDF = "Kelso Defence Front"


def sizes(text: str) -> list[ForceSize]:
    found = extract_claims(text, ENTITIES, ["force_size"], year=2025)
    return [c.value for c in found if isinstance(c.value, ForceSize)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The offensive on Dorn involves up to 3,000 KDF in four columns, the command said.",
            ForceSize(KDF, None, 3000, "at_most", "fighters"),
        ),
        (
            "Some 1,500 KDF at the edge of Dorn were waiting for orders.",
            ForceSize(KDF, 1500, 1500, "approx", "fighters"),
        ),
        (
            "Scouts counted 700 KDF near the ridge above Dorn on Monday.",
            ForceSize(KDF, 700, 700, "exact", "fighters"),
        ),
    ],
)
def test_a_placed_count_of_the_group_is_its_force(text: str, expected: ForceSize) -> None:
    assert sizes(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Talks between one side and the KDF on the other stalled in Dorn.",  # not next to it
        "The army holds 200 KDF in prison near Dorn.",  # prisoners
        "Some 300 KDF in detention camps near Dorn went on hunger strike.",
        "The army killed 40 KDF in Dorn.",  # losses
    ],
)
def test_no_force_without_the_group_right_after_the_count(text: str) -> None:
    assert sizes(text) == []
