"""A place ranked among the places taken, by an infinitive relative clause ("X is the fifth
town to fall to Y", "X became the latest town to be captured by Y"), was taken; "the next
town to fall" is still to come, and the purpose of an operation is an aim. Sentences
written for this test."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text
from kelso_war import KELSO_WAR


def holdings(text: str) -> list[Holding]:
    return read_in_text(text, KELSO_WAR, year=2025)


@pytest.mark.parametrize(
    ("text", "holding"),
    [
        (
            "The town of Dorn is the fifth town to fall to the Northern Army since last week.",
            ("Dorn", "Northern Army", "captured"),
        ),
        (
            "Dorn became the latest town to be captured by the KDF.",
            ("Dorn", "Kelso Defence Front", "captured"),
        ),
        (
            "Dorn was the first city to fall to the KDF this year.",
            ("Dorn", "Kelso Defence Front", "captured"),
        ),
        (
            "Dorn is the last town to be held by the Northern Army in the north.",
            ("Dorn", "Northern Army", "holds"),
        ),
    ],
)
def test_a_place_ranked_among_those_taken_was_taken(text: str, holding: Holding) -> None:
    assert holdings(text) == [holding]


@pytest.mark.parametrize(
    "text",
    [
        "Dorn could be the next town to fall to the KDF.",
        "The KDF launched an operation to retake Dorn.",
        "Dorn is a town to be captured by the KDF at any cost, its commander said.",
    ],
)
def test_what_is_still_to_come_is_no_capture(text: str) -> None:
    assert holdings(text) == []
