"""A group's force told by its attack: the counted people who attack (or launch an attack) are
fighters the group fielded, whatever the noun. Sentences written for this test, invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, ForceSize

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Varda Legion", "group", ("Legion",)),
    EntityRef("Dorn", "place", ()),
)
KDF = "Kelso Defence Front"


def sizes(text: str) -> list[tuple[ForceSize, bool]]:
    found = extract_claims(text, ENTITIES, ["force_size"], year=2025)
    return [(c.value, c.hedged) for c in found if isinstance(c.value, ForceSize)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 100 members of the KDF launched an attack on Dorn.",
            ForceSize(KDF, 100, 100, "approx", "members"),
        ),
        (
            "Around 300 gunmen from the KDF stormed the village at dawn.",
            ForceSize(KDF, 300, 300, "approx", "gunmen"),
        ),
        (
            "Some 60 members of an armed faction known as the KDF, which has ties to the "
            "Legion, carried out a raid on the market of Dorn.",
            ForceSize(KDF, 60, 60, "approx", "members"),
        ),
    ],
)
def test_the_counted_attackers_are_the_groups_force(text: str, expected: ForceSize) -> None:
    assert sizes(text) == [(expected, False)]


def test_suspected_attackers_are_a_hedged_force() -> None:
    text = "Roughly 80 suspected members of the KDF launched an attack on Dorn."
    assert sizes(text) == [(ForceSize(KDF, 80, 80, "approx", "members"), True)]


@pytest.mark.parametrize(
    "text",
    [
        "About 100 members of the KDF attended the funeral in Dorn.",  # no attack
        "About 100 members of the KDF and the Legion attacked Dorn.",  # two groups
        "In 2009, some 200 members of the KDF stormed Dorn.",  # another era
        "About 100 members of the KDF planned to attack Dorn.",  # an aim
    ],
)
def test_no_force_without_an_attack_by_one_groups_people(text: str) -> None:
    assert sizes(text) == []
