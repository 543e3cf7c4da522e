"""The subject of a relative clause is the noun the clause hangs on: in "fought the NLA, who
seized Varno" the NLA took Varno, not the other side the sentence names; when that noun names
no configured side, the taker is unnamed. "Take over" is a taking."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, read_in_varno


@pytest.mark.parametrize(
    "sentence",
    [
        "Southern troops were no match for the Northern Liberation Army, which took over Varno"
        " and then moved on Kastrel.",
        "Southern troops fought hard against the NLA, who seized Varno in the spring.",
        "Southern troops were no match for the NLA's fighters, who overran Varno.",
        "NLA fighters that overran Varno last week are now digging in.",
    ],
)
def test_the_taker_of_a_relative_clause_is_the_noun_it_hangs_on(sentence: str) -> None:
    values = read_in_varno(sentence)
    assert ("Varno", NLA, "captured") in values
    assert not [v for v in values if v[1] == SOUTH]


def test_a_relative_clause_on_an_unconfigured_side_leaves_the_taker_unnamed() -> None:
    sentence = "Southern troops were no match for the volunteers, who took over Varno."
    assert read_in_varno(sentence) == [("Varno", None, "captured")]


def test_a_relative_clause_on_the_subject_is_the_subjects() -> None:
    sentence = "Southern troops, who had retaken Kastrel, pushed on towards Varno."
    assert read_in_varno(sentence) == [("Kastrel", SOUTH, "retaken")]


@pytest.mark.parametrize(
    "sentence",
    [
        "NLA fighters took over Varno on Monday.",
        "Varno was taken over by the NLA on Monday.",
        "The NLA's takeover of Varno came after a week of shelling.",
    ],
)
def test_taking_over_is_a_capture(sentence: str) -> None:
    assert ("Varno", NLA, "captured") in read_in_varno(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The NLA took over the running of the clinic in Varno.",
        "The NLA, which has taken over Varno's market, raised prices.",
    ],
)
def test_taking_over_something_else_is_no_capture(sentence: str) -> None:
    assert ("Varno", NLA, "captured") not in read_in_varno(sentence)
