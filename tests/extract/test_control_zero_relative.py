"""A place told as the object of a relative clause without a pronoun ("X is a town the KDF has
held since May"), as one of the places such a clause takes ("X is one of the towns that the
KDF captured"), or by the name a participle gives a noun ("a village known as X"). Sentences
written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import ControlStatus, EntityRef, FactKind, TerritorialControl

KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef("Dorn", "place"),
    EntityRef("Mirel", "place"),
)
CONTROL: tuple[FactKind, ...] = ("territorial_control",)


def holdings(text: str) -> list[TerritorialControl]:
    return [
        v
        for c in extract_claims(text, ENTITIES, CONTROL, year=2025)
        if isinstance(v := c.value, TerritorialControl)
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Dorn is a town the KDF has held since March.", "holds"),
        ("Dorn is one of the towns that the KDF captured last week.", "captured"),
    ],
)
def test_the_place_the_clause_is_told_of(text: str, status: ControlStatus) -> None:
    assert holdings(text) == [TerritorialControl("Dorn", KDF, status)]


@pytest.mark.parametrize(
    "text",
    [
        "Mirel is near a town the KDF captured last week.",
        "Dorn is a town the KDF attacked last week.",
    ],
)
def test_no_place_the_clause_is_not_told_of(text: str) -> None:
    assert holdings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The KDF seized a village known as Dorn on Monday.",
        "A town called Dorn fell to the KDF on Monday.",
    ],
)
def test_the_place_a_participle_names(text: str) -> None:
    assert holdings(text) == [TerritorialControl("Dorn", KDF, "captured")]


def test_a_place_named_beside_another_is_not_the_one_taken() -> None:
    assert holdings("The KDF captured a town near a village called Dorn.") == []
