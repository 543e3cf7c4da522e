"""The taker of a place told as an agent: "fell to fighters from the NLA" is the NLA's capture;
"fell to rebels" or "was seized by gunmen" names an armed actor nobody configured, so the side
that tells it is not the taker and claims nothing; "fell to our forces" is the teller's own."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, read_in_varno


@pytest.mark.parametrize(
    "sentence",
    [
        "Varno fell to fighters from the NLA on Monday.",
        "General Brel confirmed that Varno fell to fighters from the NLA.",
        "Varno fell on Monday to fighters from the north's largest armed group, the NLA.",
        "Varno fell to fighters from Ostland's biggest armed movement, the NLA, on Monday.",
    ],
)
def test_fighters_from_a_side_are_that_sides(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", NLA, "captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Varno fell to rebels on Monday, General Brel said.",
        "Varno was seized by gunmen, the army said.",
    ],
)
def test_an_unnamed_armed_agent_is_not_the_tellers_side(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", None, "captured")]
    assert ("Varno", SOUTH, "claims_captured") not in read_in_varno(sentence)


def test_our_forces_as_the_agent_are_the_tellers_own() -> None:
    assert read_in_varno("Varno fell to our forces, the NLA said.") == [
        ("Varno", NLA, "claims_captured")
    ]
