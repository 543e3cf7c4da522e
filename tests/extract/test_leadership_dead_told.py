"""A death told without a verb of killing: "Among the dead was X" (the inverted "X was among
the dead") and "X's body was found". Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Ilse Sato", "person", affiliation="Kelso Defence Front"),
)
LEADERSHIP: tuple[FactKind, ...] = ("leadership",)


def statuses(text: str) -> list[str]:
    return [
        v.status
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Among the dead was Ilse Sato, officials said.",
        "Among those killed were senior commander Ilse Sato and two of her aides.",
        "Ilse Sato's body was found in a ditch on Monday.",
        "Officials said Ilse Sato's body had been identified by relatives.",
    ],
)
def test_a_death_told_without_a_verb_of_killing(text: str) -> None:
    assert "killed" in statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        "Among the survivors was Ilse Sato, officials said.",
        "Ilse Sato's body has not been found.",
        "Ilse Sato's bodyguard was found in a ditch on Monday.",
    ],
)
def test_no_death_where_none_is_told(text: str) -> None:
    assert "killed" not in statuses(text)
