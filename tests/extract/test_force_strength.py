"""A group's strength told as an attribute: "the N-strong X", "a N-strong X force", "X sent a
N-strong force". Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, ForceSize

FORCE_SIZE: tuple[FactKind, ...] = ("force_size",)

KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef("Marsh Army", "group", ("MA",)),
    EntityRef("Ivo Rask", "person", ("Rask",), affiliation=KDF),
    EntityRef("Dorn", "place"),
)


def _sizes(text: str) -> set[ForceSize]:
    claims = extract_claims(text, ENTITIES, FORCE_SIZE, year=2025)
    return {c.value for c in claims if isinstance(c.value, ForceSize)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks stalled over plans to merge the 40,000-strong KDF into the national army.",
            ForceSize(KDF, 40000, 40000, "exact", "fighters"),
        ),
        (
            "The KDF sent a 2,500-strong force towards Dorn on Monday.",
            ForceSize(KDF, 2500, 2500, "exact", "fighters"),
        ),
        (
            "A 600-strong KDF column entered Dorn at dawn.",
            ForceSize(KDF, 600, 600, "exact", "fighters"),
        ),
        (  # a force its leader owns is his group's; "-member" as "-strong"
            "Nobody knew where the rest of Rask's 3,200-member army had gone.",
            ForceSize(KDF, 3200, 3200, "exact", "fighters"),
        ),
        (
            "Rask's 900-strong militia withdrew from Dorn.",
            ForceSize(KDF, 900, 900, "exact", "fighters"),
        ),
    ],
)
def test_strength_as_an_attribute(text: str, expected: ForceSize) -> None:
    assert expected in _sizes(text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2011 the 3,000-strong KDF was founded by defectors.",  # another era
        "A 2,000-strong crowd gathered in Dorn.",  # not a group's force
        "The KDF faced a 9,000-strong force near Dorn.",  # a force the group fights
        "A 12-member KDF delegation arrived in Dorn.",  # members of no force
    ],
)
def test_no_strength(text: str) -> None:
    assert not _sizes(text)


def test_what_a_group_has_grown_to_supersedes_what_it_had() -> None:
    found = _sizes(
        "The KDF, founded in 2015, had about 800 fighters when it took Dorn, and has since grown "
        "to some 4,000 through recruitment."
    )
    assert found == {ForceSize(KDF, 4000, 4000, "approx", "fighters")}
    ranks = _sizes("The KDF's ranks swelled to 6,000 fighters this year.")
    assert ForceSize(KDF, 6000, 6000, "exact", "fighters") in ranks


def test_a_growing_loss_is_no_strength() -> None:
    assert not _sizes("KDF casualties rose to 500 fighters and the toll rose to 900.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The KDF is today a force numbering about 7,000 troops.",
            ForceSize(KDF, 7000, 7000, "approx", "troops"),
        ),
        (
            "The KDF, a militia of about 900 fighters, holds Dorn.",
            ForceSize(KDF, 900, 900, "approx", "fighters"),
        ),
    ],
)
def test_a_group_described_as_a_force_of_a_size(text: str, expected: ForceSize) -> None:
    assert expected in _sizes(text)


def test_a_force_the_group_meets_is_not_its_own() -> None:
    assert not _sizes("Near Dorn the KDF faced a force of 9,000 men.")


@pytest.mark.parametrize(
    "text",
    [
        "Reinforcements set out to relieve a 900-strong garrison cut off by KDF fighters.",
        "A 450-strong battalion besieged by the Marsh Army still held the bridge at Dorn.",
        "Food was dropped to 1,200 soldiers surrounded by KDF fighters near Dorn.",
    ],
)
def test_men_acted_on_by_a_side_are_not_its_force(text: str) -> None:
    """The side named as the agent of what was done to the counted men is their enemy."""
    assert _sizes(text) == set()
