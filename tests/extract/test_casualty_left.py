"""A list of people "left" dead, killed or wounded: the participle after the last item holds
for every count in it. Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Tarsa army", "group", ("Tarsan army", "Tarsan soldiers", "Tarsan troops")),
    EntityRef("Dorn", "place", ()),
)


def losses(text: str) -> list[tuple[str, int | None, int | None]]:
    found = extract_claims(text, ENTITIES, ["casualties"], year=2025)
    return [
        (v.subject, v.killed_min, v.wounded_min)
        for c in found
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ambush near Dorn left eight Tarsan soldiers, two gendarmes and several "
            "herders dead.",
            [("Tarsa army", 8, None)],
        ),
        (
            "Officials said the raid left 14 Tarsan troops and three guards killed overnight.",
            [("Tarsa army", 14, None)],
        ),
        (
            "The shelling of Dorn left 30 KDF fighters and dozens of villagers wounded, "
            "according to medics.",
            [("Kelso Defence Front", None, 30)],
        ),
    ],
)
def test_a_list_left_in_a_state_is_each_counts_loss(
    text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert losses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The KDF left eight Tarsan soldiers, two gendarmes and herders behind in Dorn.",
        "Officials said nine Tarsan soldiers and two guards killed three smugglers in Dorn.",
    ],
)
def test_no_loss_without_the_state_the_list_is_left_in(text: str) -> None:
    assert losses(text) == []
