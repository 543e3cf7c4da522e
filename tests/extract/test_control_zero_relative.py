"""A place told as the object of a relative clause without a pronoun ("X is a town the KDF has
held since May") or as one of the places such a clause takes ("X is one of the towns that the
KDF captured"). Sentences written for this test."""

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
