"""A place taken back from a side, given up to a side, or lost to one: "recaptured X from Y"
presupposes Y's capture (told first, so that the retaking stays the final word), "an
offensive to retake X from Y" that Y holds X; "ceded X to Y", "handed X over to Y", "the loss
of X to Y" are Y's capture; "established control over X" is a capture and "the recovery of X"
a retaking."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, VARNO_WAR, read_in_varno

from monitor.extract import extract_claims
from monitor.records import TerritorialControl


@pytest.mark.parametrize(
    "sentence",
    [
        "Southern forces recaptured Varno from the NLA on Monday.",
        "Southern troops retook the town of Varno from NLA fighters after a week of shelling.",
        "The army regained control of Varno from the NLA.",
        "Southern forces said they had liberated Varno from the NLA.",
    ],
)
def test_a_retaking_from_a_side_tells_that_side_had_captured_the_place(sentence: str) -> None:
    read = read_in_varno(sentence)
    assert read[0] == ("Varno", NLA, "captured")
    assert read[-1][0] == "Varno" and read[-1][2] in ("retaken", "claims_captured")


def test_the_retaking_stays_the_final_word_in_the_extracted_order() -> None:
    claims = extract_claims("Southern forces recaptured Varno from the NLA.", VARNO_WAR)
    places = [c.value for c in claims if isinstance(c.value, TerritorialControl)]
    assert [(v.controller, v.status) for v in places] == [(NLA, "captured"), (SOUTH, "retaken")]


def test_the_earlier_capture_of_a_list_of_places_is_each_places() -> None:
    read = read_in_varno("Southern forces recaptured Varno and Kastrel from the NLA.")
    assert ("Varno", NLA, "captured") in read and ("Kastrel", NLA, "captured") in read
    assert read.index(("Kastrel", NLA, "captured")) < read.index(("Kastrel", SOUTH, "retaken"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Southern forces launched an offensive to retake Varno from the NLA.",
        "Southern troops are trying to recapture Varno from the NLA.",
        "Southern forces failed to recapture Varno from the NLA.",
    ],
)
def test_an_attempt_to_retake_a_place_tells_who_holds_it_now(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", NLA, "holds")]


@pytest.mark.parametrize(
    "sentence",
    [
        # a first capture from its owner: the owner never captured it
        "NLA fighters seized Varno from southern forces.",
        # taken back from a side nobody follows: nobody named had captured it
        "Southern forces retook Varno from bandits.",
    ],
)
def test_a_capture_from_an_owner_or_an_unknown_side_presupposes_no_capture(
    sentence: str,
) -> None:
    read = read_in_varno(sentence)
    assert not [r for r in read if r[2] == "captured" and r[1] != NLA]
    assert ("Varno", SOUTH, "captured") not in read


@pytest.mark.parametrize(
    "sentence",
    [
        "Southern forces ceded Varno to the NLA.",
        "Southern troops yielded the town of Varno to the NLA on Wednesday.",
        "Southern forces handed over Varno to the NLA.",
        "Varno was handed over to the NLA under the truce.",
        "The loss of Varno to the NLA angered the president.",
        "NLA fighters established control over Varno on Friday.",
    ],
)
def test_a_place_given_up_or_lost_to_a_side_is_its_capture(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", NLA, "captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Southern forces ceded ground to the NLA near Varno.",
        "The southern army's loss of Varno shocked the capital.",
        "The loss of 30 soldiers near Varno was confirmed by the army.",
    ],
)
def test_giving_up_something_else_or_a_loss_without_a_taker_is_no_capture(
    sentence: str,
) -> None:
    assert [r for r in read_in_varno(sentence) if r[2] == "captured"] == []


def test_the_recovery_of_places_announced_by_a_side_is_its_retaking() -> None:
    read = read_in_varno("The army announced its recovery of Varno and Kastrel on Sunday.")
    assert read == [("Varno", SOUTH, "retaken"), ("Kastrel", SOUTH, "retaken")]
