"""A place freed or liberated from a side, by a side the text does not name, was taken back:
the side's capture it presupposes is history, told first, never the final word. Sentences
written for this test."""

from __future__ import annotations

import pytest
from control_facts import read_in_text
from kelso_war import KDF, KELSO_WAR, NORTH


@pytest.mark.parametrize(
    "text",
    [
        "Dorn was liberated from the KDF on Sunday.",
        "Dorn had been freed from the KDF, the regional administration said.",
    ],
)
def test_the_final_word_is_the_retaking(text: str) -> None:
    assert read_in_text(text, KELSO_WAR, year=2025) == [
        ("Dorn", KDF, "captured"),
        ("Dorn", None, "retaken"),
    ]


def test_a_named_retaker_is_the_final_word() -> None:
    assert read_in_text("The Northern Army recaptured Dorn from the KDF.", KELSO_WAR, 2025) == [
        ("Dorn", KDF, "captured"),
        ("Dorn", NORTH, "retaken"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dorn and Mirel have fallen back to Northern Army troops, a military statement said.",
        "Dorn fell back to the Northern Army on Sunday.",
    ],
)
def test_a_place_that_fell_back_to_a_side_was_retaken_by_it(text: str) -> None:
    assert ("Dorn", NORTH, "retaken") in read_in_text(text, KELSO_WAR, year=2025)


def test_a_side_that_fell_back_to_a_place_took_nothing() -> None:
    assert read_in_text("The KDF fell back to Dorn.", KELSO_WAR, year=2025) == []
