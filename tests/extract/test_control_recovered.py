""" "Recovered" and "reclaimed" are retakings when their object is a place, in the active and
the passive, by the parse and by the control words alike; what else is recovered (bodies,
weapons) or recovered from (an attack) is not a place changing hands."""

from __future__ import annotations

import pytest
from control_facts import KASTREL_WAR, NORTH, read_by_control, read_in_text

ENTITIES = KASTREL_WAR


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops recovered Kastrel on Tuesday after a two-day assault.",
        "The northern forces have reclaimed the port of Kastrel.",
        "Kastrel was recovered by Northern troops late on Monday.",
    ],
)
def test_a_place_recovered_or_reclaimed_is_retaken(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == [("Kastrel", NORTH, "retaken")]


def test_the_control_words_read_reclaimed_as_retaken() -> None:
    assert read_by_control("Northern troops reclaimed Kastrel.", ENTITIES) == [
        ("Kastrel", NORTH, "retaken")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops recovered the bodies of six soldiers near Kastrel.",
        "Northern troops recovered weapons in Kastrel.",
        "The northern forces recovered from the attack on Kastrel within days.",
    ],
)
def test_what_else_is_recovered_is_no_retaking(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == []
