"""A person is where a move ended ("returned to Y", "crossed into Y", "was evacuated to Y",
"made his way to Y") and where a participle places him ("is now based in Y", "remains holed
up in Y"); a journey told without its end, or a move that is no travel, places nobody.
Sentences written for this test."""

from __future__ import annotations

import pytest
from kelso_war import people_read


def whereabouts(text: str) -> list[tuple[str, str | None]]:
    return [(v.status, v.location) for v, _ in people_read(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Sato returned to Dorn on Sunday after two years abroad.",
        "Ilse Sato was evacuated to Dorn for medical treatment.",
        "Ilse Sato crossed into Dorn with a few hundred fighters.",
        "Ilse Sato slipped out of Mirel and made her way to Dorn.",
        "Ilse Sato is now based in Dorn, her aides said.",
        "Ilse Sato remains holed up in Dorn.",
        "Ilse Sato has been based in Dorn until now, her aides said.",
    ],
)
def test_a_person_is_where_the_move_ended(text: str) -> None:
    assert whereabouts(text) == [("located", "Dorn")]


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Sato returned to power in 2024.",
        "Ilse Sato is expected to return to Dorn next week.",
        "Ilse Sato made a speech to supporters in Dorn.",
        "Ilse Sato crossed the river into Dorn.",
        "Ilse Sato flew to Dorn for talks.",
        "Ilse Sato was based in Dorn until May.",
    ],
)
def test_no_whereabouts_from_what_is_no_arrival(text: str) -> None:
    assert ("located", "Dorn") not in whereabouts(text)
