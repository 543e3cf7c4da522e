"""Prisoners a side takes are the other side's captured, when the sentence names the captor and
exactly one other configured group. Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Varda Legion", "group", ("Legion",)),
    EntityRef("Tarsa army", "group", ("Tarsan army",)),
    EntityRef("Dorn", "place", ()),
)
LEGION = "Varda Legion"


def captured(text: str) -> list[tuple[str, int | None, int | None]]:
    found = extract_claims(text, ENTITIES, ["casualties"], year=2025)
    return [
        (v.subject, v.captured_min, v.captured_max)
        for c in found
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The KDF says it captured dozens of prisoners for a swap with the Legion.",
            [(LEGION, 24, 99)],
        ),
        (
            "The KDF said it had captured 40 prisoners in its raid on Legion positions near Dorn.",
            [(LEGION, 40, 40)],
        ),
    ],
)
def test_prisoners_are_the_other_sides(
    text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert captured(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The KDF captured 40 prisoners near Dorn.",  # no other side named
        "The KDF captured 40 prisoners near Dorn, Legion and Tarsan army officials said.",
        "The Legion freed 40 prisoners the KDF had captured.",  # released, no new loss
    ],
)
def test_no_loser_without_exactly_one_other_side(text: str) -> None:
    assert captured(text) == []
