"""A taking told in a clause of "after", "since" or "following" happened, even when the clause
hangs on an aim ("a campaign to retake X after retaking Y"), and it is the deed of whoever
makes the effort: the subject of the verb whose object the effort is."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, read_in_varno


@pytest.mark.parametrize(
    "sentence",
    [
        "The army has stepped up its campaign to take Varno after retaking Kastrel.",
        "The army is preparing an offensive to take Varno after retaking Kastrel.",
        "Southern troops began a push to take Varno since retaking Kastrel in the spring.",
    ],
)
def test_a_taking_after_which_an_aim_is_set_happened(sentence: str) -> None:
    assert ("Kastrel", SOUTH, "retaken") in read_in_varno(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Southern troops began a push to take Varno before retaking Kastrel.",
        "The army launched a campaign to take Varno after failing to retake Kastrel.",
    ],
)
def test_a_taking_before_it_or_failed_is_no_event(sentence: str) -> None:
    """Near misses: what an aim sets to come after it, or what fails, is no taking."""
    assert [h for h in read_in_varno(sentence) if h[0] == "Kastrel"] == []


def test_the_effort_of_another_gives_no_taker_of_the_subject() -> None:
    """Near miss: "repelled the army's push to ... after taking X": the NLA repelled the push,
    it did not take X."""
    found = read_in_varno(
        "NLA fighters repelled the army's push to retake Varno after taking Kastrel."
    )
    assert ("Kastrel", NLA, "captured") not in found
