"""A taking named as the subject of what is ("Retaking Kastrel is central to the offensive")
or of what it would do ("taking Kastrel would open the coast road") is a topic, an aim or a
prospect, not an event: nothing is read. The same deed told as done is read."""

from __future__ import annotations

import pytest
from control_facts import KASTREL_WAR, NORTH, read_in_text

ENTITIES = KASTREL_WAR


@pytest.mark.parametrize(
    "sentence",
    [
        "Retaking the port of Kastrel is the first aim of the Northern troops.",
        "For the Northern Army, retaking Kastrel is central to the offensive.",
    ],
)
def test_a_taking_as_the_subject_of_a_copula_is_no_event(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == []


def test_the_deed_told_as_done_is_read() -> None:
    assert read_in_text(
        "Northern troops retook Kastrel, which is central to the offensive.", ENTITIES
    ) == [("Kastrel", NORTH, "retaken")]


@pytest.mark.parametrize(
    "text",
    [
        "Northern troops shelled the outskirts of Kastrel on Monday. Should the assault"
        " succeed, capturing the city would hand the Northern Army its largest prize in years.",
        "Northern troops shelled the outskirts of Kastrel. Retaking the city could open the"
        " coast road to them.",
    ],
)
def test_a_taking_as_the_subject_of_a_modal_verb_is_no_event(text: str) -> None:
    assert read_in_text(text, ENTITIES) == []
