"""A surrender hands a place over: "Varno surrendered to the NLA", "the garrison of Varno
surrendered to the NLA", "southern troops surrendered to the NLA in Varno", "the army
surrendered Varno to the NLA" are captures of Varno by the side surrendered to. A counted
band of men, a person, or a surrender that did not happen hands nothing over."""

from __future__ import annotations

import pytest
from control_facts import NLA, read_in_varno


@pytest.mark.parametrize(
    "sentence",
    [
        "Southern troops surrendered to the Northern Liberation Army in Varno on Friday.",
        "The garrison of Varno surrendered to NLA fighters after a two-week siege.",
        "Southern troops in Varno surrendered to the NLA.",
        "Varno surrendered to the NLA without a fight.",
        "The town of Varno surrendered to the NLA on Monday.",
        "The army surrendered Varno to the NLA under the ceasefire deal.",
    ],
)
def test_a_surrender_is_a_capture_by_the_side_surrendered_to(sentence: str) -> None:
    assert ("Varno", NLA, "captured") in read_in_varno(sentence)


def test_a_surrender_the_taker_tells_is_its_claim() -> None:
    sentence = "Southern troops surrendered to NLA fighters in Varno, the NLA said."
    assert ("Varno", NLA, "claims_captured") in read_in_varno(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Fifty southern soldiers surrendered to the NLA in Varno.",
        "General Brel surrendered to the NLA in Varno.",
        "Southern troops refused to surrender to the NLA in Varno.",
        "The NLA called on the garrison of Varno to surrender to its fighters.",
        "Southern troops surrendered their weapons to the NLA in Varno.",
        "Southern troops in Varno did not surrender to the NLA.",
    ],
)
def test_no_place_handed_over(sentence: str) -> None:
    assert not [v for v in read_in_varno(sentence) if v[0] == "Varno" and v[2] == "captured"]
