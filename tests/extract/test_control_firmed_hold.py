"""A holding made firmer is held: "consolidated its hold on X", "tightened its grip on X".
Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, TerritorialControl

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Dorn", "place"),
    EntityRef("Mirel", "place"),
)
CONTROL: tuple[FactKind, ...] = ("territorial_control",)


def holdings(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (v.place, v.controller, v.status)
        for c in extract_claims(text, ENTITIES, CONTROL, year=2025)
        if isinstance(v := c.value, TerritorialControl)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF consolidated its hold on Dorn.",
        "The KDF tightened its grip on Dorn last week.",
        "The KDF has strengthened its hold over Dorn.",
    ],
)
def test_a_holding_made_firmer_is_held(text: str) -> None:
    assert holdings(text) == [("Dorn", "Kelso Defence Front", "holds")]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF loosened its grip on Dorn.",
        "The KDF failed to consolidate its hold on Dorn.",
        "The KDF tightened security in Dorn.",
        "The Northern Army has tightened its grip on the road to Dorn.",
    ],
)
def test_no_holding_that_is_not_made_firmer(text: str) -> None:
    assert holdings(text) == []
