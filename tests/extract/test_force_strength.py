"""A group's strength told as an attribute: "the N-strong X", "a N-strong X force", "X sent a
N-strong force". Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, ForceSize

KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef("Marsh Army", "group", ("MA",)),
    EntityRef("Dorn", "place"),
)


def _sizes(text: str) -> set[ForceSize]:
    claims = extract_claims(text, ENTITIES, ("force_size",), year=2025)
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
    ],
)
def test_no_strength(text: str) -> None:
    assert not _sizes(text)
