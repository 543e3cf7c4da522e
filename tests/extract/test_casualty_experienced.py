"""Losses a side suffered, told with "have" ("the KDF had 12 fighters killed"), found dead, or
given up into another country: casualties with their side and place, never a force size.
Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, ForceSize

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Varda Legion", "group", ("Legion",)),
    EntityRef("Dorn", "place", ()),
    EntityRef("Maret", "place", ()),
)
KDF, LEGION = "Kelso Defence Front", "Varda Legion"


def read(text: str) -> list[tuple[str, str, int | None, str | None]]:
    """(kind, side, count, place) of every fact read: losses by their first count."""
    out: list[tuple[str, str, int | None, str | None]] = []
    for claim in extract_claims(text, ENTITIES, year=2025):
        v = claim.value
        if isinstance(v, ForceSize):
            out.append(("force", v.subject, v.min, None))
        elif isinstance(v, Casualties):
            count = next(n for n in (v.killed_min, v.wounded_min, v.captured_min) if n)
            out.append(("losses", v.subject, count, v.location))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "The KDF had 12 fighters killed when its convoy was hit.",
        "Officers say the KDF has had 12 fighters wounded this week.",
        "The Legion said the KDF had 12 fighters captured on the ridge.",
    ],
)
def test_men_a_side_had_killed_are_its_losses_not_its_force(text: str) -> None:
    assert read(text) == [("losses", KDF, 12, None)]


def test_men_a_side_has_stationed_are_still_its_force() -> None:
    assert read("The KDF has 3,000 fighters stationed around Dorn.") == [("force", KDF, 3000, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine KDF fighters were found dead in a ditch.", ("losses", KDF, 9, None)),
        ("Nine KDF fighters were found killed near Dorn.", ("losses", KDF, 9, "Dorn")),
    ],
)
def test_people_found_dead_are_killed(
    text: str, expected: tuple[str, str, int | None, str | None]
) -> None:
    assert read(text) == [expected]


@pytest.mark.parametrize("preposition", ["into", "in"])
def test_men_who_surrendered_somewhere_were_lost_there(preposition: str) -> None:
    text = f"More than 80 Legion soldiers surrendered {preposition} Maret on Sunday."
    assert read(text) == [("losses", LEGION, 80, "Maret")]
