"""A side that tells of its own holding: "X is back under its control" is the speaker's;
"its forces had not been pushed out of X" and "denied that its forces had been pushed out
of X" deny the capture, and the side pushed out is never the taker. Sentences written for
this test."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text
from kelso_war import KELSO_WAR


def holdings(text: str) -> list[Holding]:
    return read_in_text(text, KELSO_WAR, year=2025)


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Army said that Dorn was back under its control.",
        "The Northern Army said on Friday that Dorn was back in its hands.",
    ],
)
def test_a_holding_under_the_speakers_pronoun_is_the_speakers(text: str) -> None:
    assert holdings(text) == [("Dorn", "Northern Army", "holds")]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF said its forces had not been pushed out of Dorn.",
        "The KDF said its fighters had not been driven out of Dorn.",
        "The KDF denied that its forces had been pushed out of Dorn.",
    ],
)
def test_a_side_that_says_it_was_not_pushed_out_denies_the_capture(text: str) -> None:
    assert holdings(text) == [("Dorn", "Kelso Defence Front", "denies_captured")]


@pytest.mark.parametrize(
    ("text", "holding"),
    [
        ("The KDF said its forces had been pushed out of Dorn.", ("Dorn", None, "captured")),
        (
            "KDF fighters were driven out of Dorn by the Northern Army.",
            ("Dorn", "Northern Army", "captured"),
        ),
    ],
)
def test_the_side_pushed_out_never_takes_the_place(text: str, holding: Holding) -> None:
    assert holdings(text) == [holding]


def test_a_place_under_the_control_of_the_one_side_named_before_is_its() -> None:
    assert holdings("Dorn, which the KDF seized in March, remains under its control.") == [
        ("Dorn", "Kelso Defence Front", "captured"),
        ("Dorn", "Kelso Defence Front", "holds"),
    ]


def test_every_town_an_including_list_names_is_held() -> None:
    text = "The KDF now controls a third of the province, including the towns of Dorn and Mirel."
    assert holdings(text) == [
        ("Dorn", "Kelso Defence Front", "holds"),
        ("Mirel", "Kelso Defence Front", "holds"),
    ]
