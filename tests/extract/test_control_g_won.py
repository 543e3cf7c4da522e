"""Winning control of a place is taking it ("the NLA won control of Varno"), and winning or
taking it back is a retaking; winning anything else, or hoping to, takes nothing."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

NLA = "Northern Liberation Army"
SOUTH = "Southern Army"
ENTITIES = (
    EntityRef(NLA, "group", ("NLA", "NLA fighters")),
    EntityRef(SOUTH, "group", ("southern forces", "southern troops")),
    EntityRef("Varno", "place", ()),
)


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    "sentence",
    [
        "The NLA won control of Varno after three days of fighting.",
        "By dawn NLA fighters had won full control over Varno.",
    ],
)
def test_winning_control_is_a_capture(sentence: str) -> None:
    assert ("Varno", NLA, "captured") in _values(sentence)


def test_winning_control_told_by_the_winner_is_its_claim() -> None:
    values = _values("NLA fighters have won full control of Varno, the group said.")
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
    assert _values(sentence) == [("Varno", SOUTH, "retaken")]


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
    assert not [v for v in _values(sentence) if v[2] in ("captured", "claims_captured")]
