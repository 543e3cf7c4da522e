"""An aim is no fact: the purpose of a noun ("an operation to retake Kastrel") and a verb joined
to an infinitive ("to encircle and then retake Kastrel") tell what a side means to do."""

from __future__ import annotations

import pytest
from control_facts import KASTREL_WAR, NORTH, read_by_control, read_in_text

from monitor.records import EntityRef

ENTITIES = KASTREL_WAR


@pytest.mark.parametrize(
    "sentence",
    [
        "The raid by the Coast Militia is part of a wider operation to retake Kastrel announced"
        " by the governor on Sunday.",
        "Northern troops began operations to surround and eventually recapture Kastrel in May.",
        "Northern troops massed for a campaign to besiege and take Kastrel.",
    ],
)
def test_an_aim_is_no_fact(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == []
    assert read_by_control(sentence, ENTITIES) == []


def test_a_deed_joined_to_another_is_a_fact() -> None:
    """Near miss: two verbs of a finite clause joined by "and" tell what happened."""
    found = read_in_text("Northern troops marched north and retook Kastrel.", ENTITIES)
    assert found == [("Kastrel", NORTH, "retaken")]
    found = read_in_text("The northern forces regrouped and then retook Kastrel.", ENTITIES)
    assert found == [("Kastrel", NORTH, "retaken")]


# The parser's attachment depends on the words: in this sentence it joins the bare verb to
# "engaged", not to the infinitive before it.
TARSA = (EntityRef(NORTH, "group", ("Northern troops",)), EntityRef("Tarsa", "place", ()))


def test_a_bare_verb_after_an_infinitive_shares_its_to() -> None:
    sentence = (
        "Northern troops engaged in joint operations to encircle and later retake Tarsa from"
        " the rebels."
    )
    assert read_in_text(sentence, TARSA) == []
    joined = "Northern troops encircled and then retook Tarsa on Monday."  # a finite clause
    assert read_in_text(joined, TARSA) == [("Tarsa", NORTH, "retaken")]
