"""A configured person's forces, told by the person's possessive ("Sato's 3,000 fighters") or
as the force the person leads, are the forces of the group the configuration ties the person
to, as a count the group's own name owns would be. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind, ForceSize

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Ilse Sato", "person", affiliation="Kelso Defence Front"),
    EntityRef("Tomas Vehr", "person"),  # tied to no group
    EntityRef("Dorn", "place"),
)
FORCE: tuple[FactKind, ...] = ("force_size",)
CASUALTIES: tuple[FactKind, ...] = ("casualties",)


def forces(text: str) -> list[tuple[str, int | None, int | None]]:
    return [
        (v.subject, v.min, v.max)
        for c in extract_claims(text, ENTITIES, FORCE, year=2025)
        if isinstance(v := c.value, ForceSize)
    ]


def losses(text: str) -> list[tuple[str, int | None]]:
    return [
        (v.subject, v.killed_min)
        for c in extract_claims(text, ENTITIES, CASUALTIES, year=2025)
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Sato's 3,000 fighters dug in on the ridge above Dorn.",
        "Ilse Sato's forces are estimated at 3,000 men.",
        "The strength of Ilse Sato's militia is put at 3,000 fighters.",
        "Ilse Sato leads a force of 3,000 men.",
    ],
)
def test_a_leaders_force_is_the_force_of_the_leaders_group(text: str) -> None:
    assert forces(text) == [("Kelso Defence Front", 3000, 3000)]


@pytest.mark.parametrize(
    "text",
    [
        # a person the configuration ties to no group owns no group's force
        "Tomas Vehr's 3,000 fighters dug in on the ridge above Dorn.",
        # the possessive names the leader's aide, not his force
        "Ilse Sato's aide said a column of 3,000 men had left Dorn at night.",
        "Ilse Sato's aide said 3,000 men had left Dorn at night.",
        # losses are no force
        "Ilse Sato's 40 fighters were killed in the ambush near Dorn.",
        # a force somebody faced is the other side's
        "Ilse Sato faced a force of 3,000 men outside Dorn.",
    ],
)
def test_no_force_of_the_leaders_group(text: str) -> None:
    assert forces(text) == []


def test_a_leaders_fighters_lost_are_the_groups_losses() -> None:
    assert losses("Ilse Sato's 40 fighters were killed in the ambush near Dorn.") == [
        ("Kelso Defence Front", 40)
    ]
    assert losses("Tomas Vehr's 40 fighters were killed in the ambush near Dorn.") == []
