"""Force sizes told by a strength written without its hyphen ("a 1,000-1,500 strong force",
"the KDF's 5,000 strong army") and by the nouns of a state's troop types ("sent another 3,500
paratroopers"). Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, ForceSize

FORCE_SIZE: tuple[FactKind, ...] = ("force_size",)

KDF = "Kelso Defence Front"
VARLAND = "Varland Armed Forces"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef(VARLAND, "group", ("Varland", "Varland army")),
    EntityRef("Dorn", "place"),
)


def _sizes(text: str) -> set[tuple[str, int | None, int | None, str]]:
    return {
        (c.value.subject, c.value.min, c.value.max, c.value.qualifier)
        for c in extract_claims(text, ENTITIES, FORCE_SIZE, year=2025)
        if isinstance(c.value, ForceSize)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Most of the KDF's 1000-1500 strong force has pulled back towards Dorn.",
            (KDF, 1000, 1500, "range"),
        ),
        ("The KDF's 5,000 strong army was seen near Dorn on Monday.", (KDF, 5000, 5000, "exact")),
        ("A 2,000 strong KDF column entered Dorn at dawn.", (KDF, 2000, 2000, "exact")),
        ("Varland has sent another 3,500 paratroopers into Dorn.", (VARLAND, 3500, 3500, "exact")),
        ("Varland deployed 800 marines to the coast near Dorn.", (VARLAND, 800, 800, "exact")),
    ],
)
def test_force_size(text: str, expected: tuple[str, int | None, int | None, str]) -> None:
    assert expected in _sizes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The KDF moved two strong brigades towards Dorn.",  # two brigades, not a strength
        "In 2011 the KDF's 3,000 strong force was founded by defectors.",  # another era
        "Varland's 400 paratroopers were killed near Dorn.",  # losses, not a force
        "A 2,000 strong crowd gathered in Dorn.",  # not a group's force
    ],
)
def test_no_force_size(text: str) -> None:
    assert not _sizes(text)
