"""A side's withdrawal from a place, denied or negated (monitor/extract/control/withdrawn.py):
told by the side itself it is its denial of the capture, told by anyone else a holding."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, read_in_varno


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesman for the NLA denied that they had left Varno.",
        "The NLA denied that its fighters had withdrawn from Varno.",
        "The NLA denied withdrawing from Varno.",
        "NLA fighters have not pulled out of Varno, an NLA spokesman said.",
        "The NLA said its fighters had not abandoned Varno.",
    ],
)
def test_a_side_denying_its_own_withdrawal_denies_the_capture(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", NLA, "denies_captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The army denied that the NLA had withdrawn from Varno.",
        "The NLA has not withdrawn from Varno.",
    ],
)
def test_a_withdrawal_negated_by_another_says_the_side_holds(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", NLA, "holds")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The NLA withdrew from Varno on Monday.",  # it happened: nobody named takes it
        "The NLA will not withdraw from Varno.",  # a resolve, not news of the place
        "The NLA denied that southern troops had left Varno.",  # the army's, told by its foe
    ],
)
def test_what_is_no_denied_withdrawal_of_the_teller(sentence: str) -> None:
    assert ("Varno", NLA, "denies_captured") not in read_in_varno(sentence)
    assert ("Varno", SOUTH, "denies_captured") not in read_in_varno(sentence)
