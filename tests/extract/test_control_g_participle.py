"""A passive told without its auxiliary: a headline ("Varno captured by NLA fighters"), a
participle set after the place ("Varno, seized by the NLA in May, ..."), a reported clause
("General Brel says Varno liberated"). The taker is the agent of "by" (or, for a liberation,
the side of who tells it); a participle naming no taker, or modifying anything but the place,
gives nothing."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, read_in_varno


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Varno captured by NLA fighters after long siege", "captured"),
        ("Varno taken by NLA fighters", "captured"),
        ("Varno recaptured by the NLA", "retaken"),
        ("Varno, seized by the NLA in May, is now a ghost town.", "captured"),
        ("The town of Varno, captured by NLA fighters last week, lies empty.", "captured"),
    ],
)
def test_a_participle_with_its_agent_is_a_passive(sentence: str, status: str) -> None:
    assert (("Varno", NLA, status)) in read_in_varno(sentence)


def test_a_liberation_told_by_a_side_without_its_verb_is_its_claim() -> None:
    values = read_in_varno("General Brel says Varno liberated, fighting goes on")
    assert values == [("Varno", SOUTH, "claims_captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Weapons captured by NLA fighters in Varno were shown to reporters.",
        "Southern troops captured by the NLA near Varno were paraded on television.",
        "Varno recaptured in first clash of the northern campaign",
        "Varno, seized by the NLA in 1994, is now a market town.",
    ],
)
def test_no_capture_of_the_place_otherwise(sentence: str) -> None:
    assert not [v for v in read_in_varno(sentence) if v[0] == "Varno" and v[1] == NLA]
