"""Losses whose side is named after the counted people: the body they serve in ("25 fighters
in Kaleb's unit died", "in the ranks of the KDF"), or a passive verb's "from" that takes the
side's very name ("40 men were killed from the KDF"). Sentences written for this test, with
invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind

CASUALTIES: tuple[FactKind, ...] = ("casualties",)

KDF = "Kelso Defence Front"
MARSH = "Marsh Army"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef(MARSH, "group", ("Marsh Defence Ministry", "Marsh troops")),
    EntityRef("Ivo Kaleb", "person", ("Kaleb",), affiliation=KDF),
    EntityRef("Dorn", "place"),
)


def _losses(text: str) -> set[tuple[str, int | None, int | None, int | None]]:
    """(side, killed_min, wounded_min, captured_min) of every casualty claim of `text`."""
    return {
        (c.value.subject, c.value.killed_min, c.value.wounded_min, c.value.captured_min)
        for c in extract_claims(text, ENTITIES, CASUALTIES, year=2025)
        if isinstance(c.value, Casualties)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 25 fighters in Kaleb's unit died near Dorn, officials said.",
            (KDF, 25, None, None),
        ),
        (
            "Some 30 men in Kaleb's brigade were killed as they crossed the river.",
            (KDF, 30, None, None),
        ),
        ("Twelve fighters in the ranks of the KDF were wounded on Monday.", (KDF, None, 12, None)),
        (
            "The officer said 40 people were killed from the Marsh Defence Ministry.",
            (MARSH, 40, None, None),
        ),
        ("In all, 75 men have been wounded from the KDF since Friday.", (KDF, None, 75, None)),
        (
            "Officials said 209 employees of the Marsh Defence Ministry were wounded.",
            (MARSH, None, 209, None),
        ),
    ],
)
def test_side_named_after_the_people(
    text: str, expected: tuple[str, int | None, int | None, int | None]
) -> None:
    assert expected in _losses(text)


@pytest.mark.parametrize(
    "text",
    [
        "About 25 fighters in Kaleb's village died near Dorn.",  # a place, not a body of fighters
        "Some 30 civilians were killed from KDF shelling near Dorn.",  # "from" the inflictor's fire
        "Forty people were evacuated from the KDF hospital in Dorn.",  # no loss
        "Twelve fighters in the ranks of the KDF were not wounded.",  # negated
    ],
)
def test_no_side_after_the_people(text: str) -> None:
    assert not _losses(text)
