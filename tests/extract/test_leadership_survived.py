"""A person who "escaped unhurt" or "escaped an assassination attempt" survived and did not flee,
one whose killing another "ordered" or "demanded" was not thereby killed, and an aside on
somebody else of the person's ("X, whose brother was killed, leads Y") leaves the person's own
predicate to be read. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

ENTITIES = (
    EntityRef("Ilse Sato", "person"),
    EntityRef("Tomas Vehr", "person"),
    EntityRef("Dorn", "place"),
)
LEADERSHIP: tuple[FactKind, ...] = ("leadership",)


def fates(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (v.subject, v.status, v.location)
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Sato's convoy was attacked near Dorn, but she escaped unhurt.",
        "Ilse Sato escaped an assassination attempt in Dorn on Monday.",
        "Ilse Sato escaped with minor injuries when her car was hit.",
        "Tomas Vehr ordered the killing of Ilse Sato.",
        "Tomas Vehr demanded the execution of Ilse Sato.",
    ],
)
def test_no_flight_or_death_was_told(text: str) -> None:
    assert fates(text) == []


def test_an_escape_to_a_place_is_a_flight() -> None:
    assert fates("Ilse Sato escaped to Dorn by night.") == [("Ilse Sato", "fled", "Dorn")]


def test_an_aside_about_another_of_the_persons_leaves_the_predicate() -> None:
    text = "Ilse Sato, whose brother was killed last year, leads the Dorn Front."
    entities = (*ENTITIES, EntityRef("Dorn Front", "group"))
    found = [
        (v.subject, v.role, v.organization, v.status)
        for c in extract_claims(text, entities, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership)
    ]
    assert found == [("Ilse Sato", "leader", "Dorn Front", "claimed")]
