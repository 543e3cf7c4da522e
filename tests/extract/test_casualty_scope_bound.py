"""A running total told with a bound ("more than 300 ... since January") is a running total:
"more than" bounds the count; it is not "300 more", an addition. So is a count since an event
("since the offensive began"). Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind

ENTITIES = (EntityRef("Kelso Defence Front", "group", ("KDF",)),)
CASUALTIES: tuple[FactKind, ...] = ("casualties",)


def scopes(text: str) -> list[tuple[int | None, str]]:
    return [
        (v.killed_min, v.scope)
        for c in extract_claims(text, ENTITIES, CASUALTIES, year=2025)
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "More than 300 KDF fighters have been killed since January.",
        "The KDF, which has lost more than 300 fighters since January, vowed to fight on.",
        "More than 300 KDF fighters have been killed since the offensive began.",
        "At least 300 KDF fighters have been killed since fighting erupted in May.",
    ],
)
def test_a_bounded_running_total_is_cumulative(text: str) -> None:
    assert scopes(text) == [(300, "cumulative")]


def test_an_addition_is_one_incident() -> None:
    assert scopes("Officials said 40 more KDF fighters were killed on Friday.") == [
        (40, "incident")
    ]
    assert scopes("300 KDF fighters were killed on Monday, a day after the raid began.") == [
        (300, "incident")
    ]
