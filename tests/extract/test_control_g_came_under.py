"""Coming into somebody's holding is a capture ("Varno fell under the control of the NLA",
"came under complete NLA control", "fell into rebel hands"), and a headline or an aside that
drops its verb still tells a holding ("Varno in NLA hands", "Varno, now under NLA control,")."""

from __future__ import annotations

import pytest
from control_facts import NLA, read_in_varno


@pytest.mark.parametrize(
    "sentence",
    [
        "The village of Varno fell under the control of the Northern Liberation Army after"
        " two days of fighting.",
        "By mid-May Varno had come under complete NLA control.",
        "Varno came under the control of NLA fighters late on Tuesday.",
        "Varno fell into NLA hands on Sunday.",
        "Varno passed into the hands of the NLA during the night.",
    ],
)
def test_coming_under_a_sides_control_is_its_capture(sentence: str) -> None:
    assert (("Varno", NLA, "captured")) in read_in_varno(sentence)


def test_falling_into_unnamed_armed_hands_is_a_capture_with_the_taker_unnamed() -> None:
    assert ("Varno", None, "captured") in read_in_varno("Varno fell into rebel hands on Sunday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Varno came under heavy shelling from the NLA.",
        "Varno came under attack by NLA fighters.",
        "Varno came under fire from NLA positions overnight.",
        "Varno could fall under NLA control within days.",
        "Varno did not fall into NLA hands.",
        "Southern troops vowed that Varno would never fall under NLA control.",
        "The old market of Varno fell into disrepair under NLA rule.",
    ],
)
def test_no_capture_without_coming_into_a_holding(sentence: str) -> None:
    assert not [v for v in read_in_varno(sentence) if v[2] == "captured"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Varno in NLA hands",
        "Varno under NLA control",
        "Varno in the hands of the Northern Liberation Army",
        "Varno, now in NLA hands, was quiet on Sunday.",
        "Varno, still under the control of the NLA, was shelled overnight.",
    ],
)
def test_a_holding_told_without_its_verb(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", NLA, "holds")]


def test_a_headline_holding_by_an_unnamed_armed_side() -> None:
    assert read_in_varno("Varno in rebel hands") == [("Varno", None, "holds")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Varno in mourning",
        "The prisoners in NLA hands were moved to Varno.",
        "Southern troops shelled Varno in NLA territory.",
        "Refugees fled Varno, in the north, as NLA fighters advanced.",
        "Varno in the hands of God",
    ],
)
def test_no_verbless_holding_elsewhere(sentence: str) -> None:
    assert not [v for v in read_in_varno(sentence) if v[2] == "holds"]
