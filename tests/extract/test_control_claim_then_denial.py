"""A side's claim and another side's denial in one sentence: "X said it had taken Y; the army
dismissed the claim". The parser hangs X's saying on the verb of denial; the claim stands as
X's, and the denial, told after it, is the final word. A clause denied outright ("the army
denied that X held Y") is nobody's claim, only the denial. A claim rejected by a noun ("...,
rejecting the claims") is denied by the side that rejects it, unless that side took the place or
the claim is about something else."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, read_in_varno


@pytest.mark.parametrize(
    "sentence",
    [
        "The NLA said it had captured Varno; the army dismissed the claim as propaganda.",
        "The NLA said it had captured Varno; the army denied it.",
    ],
)
def test_a_claim_then_its_denial_gives_both_the_denial_last(sentence: str) -> None:
    assert read_in_varno(sentence) == [
        ("Varno", NLA, "claims_captured"),
        ("Varno", SOUTH, "denies_captured"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The army denied that the NLA had captured Varno.",
        "The army dismissed reports that the NLA had captured Varno.",
    ],
)
def test_a_clause_denied_outright_is_only_the_denial(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", SOUTH, "denies_captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The NLA claimed to have captured Varno but the army published a video from inside the"
        " town, rejecting the NLA's claims.",
        "The NLA claimed to have captured Varno, and the army rejected the claim.",
    ],
)
def test_a_claim_another_side_rejects_by_a_noun_is_denied_after_it(sentence: str) -> None:
    assert read_in_varno(sentence) == [
        ("Varno", NLA, "claims_captured"),
        ("Varno", SOUTH, "denies_captured"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The army retook Varno; the NLA rejected claims of a massacre.",  # about something else
        "Southern forces retook Varno and rejected the NLA's claims.",  # the taker's own side
    ],
)
def test_rejecting_another_claim_or_by_the_taker_denies_no_capture(sentence: str) -> None:
    assert [r for r in read_in_varno(sentence) if r[2] == "denies_captured"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The army denied that the NLA controlled Varno.",  # parsed as "the NLA-controlled Varno"
        "The army denied the NLA control over Varno.",
        "The army rejected NLA control of Varno.",
    ],
)
def test_a_holding_another_side_denies_is_its_denial(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", SOUTH, "denies_captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The NLA denied that it controlled Varno.",  # the holder itself: no fact either way
        "The army did not deny NLA control of Varno.",
    ],
)
def test_a_holding_denied_by_its_holder_or_not_denied_is_no_denial(sentence: str) -> None:
    assert [r for r in read_in_varno(sentence) if r[2] == "denies_captured"] == []
