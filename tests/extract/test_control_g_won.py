"""Winning control of a place is taking it ("the NLA won control of Varno"), and winning or
taking it back is a retaking; winning anything else, or hoping to, takes nothing."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, read_in_varno


@pytest.mark.parametrize(
    "sentence",
    [
        "The NLA won control of Varno after three days of fighting.",
        "By dawn NLA fighters had won full control over Varno.",
    ],
)
def test_winning_control_is_a_capture(sentence: str) -> None:
    assert ("Varno", NLA, "captured") in read_in_varno(sentence)


def test_winning_control_told_by_the_winner_is_its_claim() -> None:
    values = read_in_varno("NLA fighters have won full control of Varno, the group said.")
    assert ("Varno", NLA, "claims_captured") in values


@pytest.mark.parametrize(
    "sentence",
    [
        "Southern troops won back control of Varno.",
        "Southern troops took back Varno on Friday.",
        "Southern troops took back control of Varno after a week.",
    ],
)
def test_winning_or_taking_back_is_a_retaking(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", SOUTH, "retaken")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The NLA won praise for its conduct in Varno.",
        "The NLA hopes to win control of Varno before winter.",
        "The NLA did not win control of Varno.",
        "The NLA won the battle for the hills outside Varno.",
    ],
)
def test_no_capture_by_winning_something_else(sentence: str) -> None:
    assert not [v for v in read_in_varno(sentence) if v[2] in ("captured", "claims_captured")]
