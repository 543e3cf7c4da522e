"""Where a person fled, when the verb gives a place described and a place named: the named one
("escaped across the border into Dorn": Dorn); where a person was spotted; and where a person
lives or stays, through what the place holds ("in exile in Dorn", "in a safe house in Dorn").
Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

ENTITIES = (EntityRef("Ilse Sato", "person"), EntityRef("Dorn", "place"))
LEADERSHIP: tuple[FactKind, ...] = ("leadership",)


def fled_to(text: str) -> list[str | None]:
    return [
        v.location
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership) and v.status == "fled"
    ]


def test_the_place_named_is_where_the_person_went() -> None:
    assert fled_to("Aides said Ilse Sato had escaped across the border into Dorn.") == ["Dorn"]
    assert fled_to("Ilse Sato fled across the river to Dorn at night.") == ["Dorn"]


def test_a_place_only_described_stays_when_none_is_named() -> None:
    assert fled_to("Ilse Sato fled across the border on foot.") == ["the border"]


def test_where_a_person_was_spotted() -> None:
    found = [
        v.location
        for c in extract_claims("Ilse Sato was spotted in Dorn on Friday.", ENTITIES, LEADERSHIP)
        if isinstance(v := c.value, Leadership) and v.status == "located"
    ]
    assert found == ["Dorn"]


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Sato now lives in exile in Dorn.",
        "Ilse Sato, who led the front until 2019, now lives in exile in Dorn.",
        "Ilse Sato is staying in a safe house in Dorn.",
    ],
)
def test_where_a_person_lives_or_stays(text: str) -> None:
    found = [
        v.location
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership) and v.status == "located"
    ]
    assert found == ["Dorn"]


def test_living_in_something_that_is_no_place_is_no_whereabouts() -> None:
    assert extract_claims("Ilse Sato lives in fear of arrest.", ENTITIES, LEADERSHIP) == []
