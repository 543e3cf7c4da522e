"""The men of each of a force's units are no force size ("divided into brigades of 3,000
fighters", "four battalions of 800 men each"); one unit or the whole force is. Sentences written
for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, ForceSize

FORCE: tuple[FactKind, ...] = ("force_size",)
KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef("Varland Armed Forces", "group", ("Varland army",)),
)


def _sizes(text: str) -> set[tuple[str, int | None, int | None, str]]:
    return {
        (c.value.subject, c.value.min, c.value.max, c.value.qualifier)
        for c in extract_claims(text, ENTITIES, FORCE, year=2025)
        if isinstance(c.value, ForceSize)
    }


@pytest.mark.parametrize(
    "text",
    [
        "As of 2024, the KDF was organised in brigades of 9,000–12,000 soldiers.",
        "The KDF is organised in brigades of about 3,000 fighters.",
        "The KDF has four battalions of 800 men each.",
        "The KDF fields two brigades, each of 3,000 fighters.",
        # the soldiers read as the state force's by reference: still each division's men
        "Since 2024, the Varland army has been divided into divisions of 8,000–9,000 soldiers.",
    ],
)
def test_the_men_of_each_unit_are_no_force_size(text: str) -> None:
    assert _sizes(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The KDF has a brigade of 3,000 fighters.", (KDF, 3000, 3000, "exact")),
        ("The KDF has 12,000 fighters in four brigades.", (KDF, 12000, 12000, "exact")),
        ("The KDF fielded a force of 10,000–14,000 soldiers.", (KDF, 10000, 14000, "range")),
    ],
)
def test_a_single_unit_or_the_whole_force_is_a_size(
    text: str, expected: tuple[str, int | None, int | None, str]
) -> None:
    assert expected in _sizes(text)
