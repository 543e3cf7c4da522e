"""A year that completes a date ("by 30 June 2019", "on June 30, 2019", "in May 2019") is no
count of fighters or losses, whatever follows it. Sentences written for this test, with
invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind, ForceSize

KINDS: tuple[FactKind, ...] = ("force_size", "casualties")

KDF = "Kelso Defence Front"
VARLAND = "Varland Armed Forces"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef(VARLAND, "group", ("Varland forces", "Varland troops")),
    EntityRef("Dorn", "place"),
)


def _figures(text: str) -> set[int | None]:
    found: set[int | None] = set()
    for c in extract_claims(text, ENTITIES, KINDS, year=2020):
        if isinstance(c.value, ForceSize):
            found |= {c.value.min, c.value.max}
        elif isinstance(c.value, Casualties):
            found |= {c.value.killed_min, c.value.wounded_min}
    return found - {None}


@pytest.mark.parametrize(
    "text",
    [
        "By 30 June 2019 Varland forces were ready for an offensive on Dorn.",
        "On June 30, 2019 Varland troops moved towards Dorn.",
        "In May 2019 KDF fighters crossed the river near Dorn.",
    ],
)
def test_a_year_in_a_date_is_no_count(text: str) -> None:
    assert 2019 not in _figures(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("On 30 June, 2,000 Varland troops moved towards Dorn.", 2000),
        ("By 30 June 2019, the KDF had 1,500 fighters in Dorn.", 1500),
        ("Varland troops killed 20 KDF fighters near Dorn on 12 May 2019.", 20),
    ],
)
def test_a_count_beside_a_date_stays(text: str, figure: int) -> None:
    assert figure in _figures(text)
