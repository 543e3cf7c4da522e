"""Whose a count is when a group's possessive stands right before it ("crush the KDF's 4,000
fighters": the KDF's, though the KDF is the object of an attack); men added to a force
("recruited 2,000 fighters") and men sentenced ("twelve fighters were sentenced") that are not
its size. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, ForceSize

KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Dorn", "place"),
)
FORCE: tuple[FactKind, ...] = ("force_size",)


def sizes(text: str) -> list[tuple[str, int | None]]:
    return [
        (v.subject, v.min)
        for c in extract_claims(text, ENTITIES, FORCE, year=2025)
        if isinstance(v := c.value, ForceSize)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Army vowed to crush the KDF's 4,000 fighters.",
        "The Northern Army faced the KDF's estimated 4,000 fighters near Dorn.",
    ],
)
def test_a_possessed_count_is_the_possessors_even_when_attacked(text: str) -> None:
    assert sizes(text) == [(KDF, 4000)]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF recruited 2,000 fighters last month.",
        "The KDF trained 2,000 fighters in camps near Dorn.",
    ],
)
def test_men_added_to_a_force_are_not_its_size(text: str) -> None:
    assert sizes(text) == []


def test_the_total_they_bring_it_to_is() -> None:
    assert sizes("The KDF recruited 2,000 fighters, bringing its strength to 6,000.") == [
        (KDF, 6000)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Twelve KDF fighters were sentenced to death by a military court.",
        "A court convicted 30 KDF fighters of treason.",
    ],
)
def test_men_sentenced_are_no_force(text: str) -> None:
    assert sizes(text) == []
