"""A hyphenated "re-" makes a taking a retaking, whichever reader finds it: the control words
("re-took", "were re-captured") or the parse ("including re-capturing", "the re-capture of")."""

from __future__ import annotations

import pytest
from control_facts import KASTREL_WAR, NORTH, Holding, read_by_control, read_in_text

ENTITIES = KASTREL_WAR


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops re-took Kastrel on Tuesday.",
        "Northern troops have re-captured Kastrel after a week of fighting.",
        "The northern forces made gains along the coast, including re-capturing the port of"
        " Kastrel.",
    ],
)
def test_a_hyphenated_re_is_a_retaking(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == [("Kastrel", NORTH, "retaken")]


def test_the_control_words_read_re_took_as_retaken() -> None:
    found: list[Holding] = read_by_control("Northern troops re-took Kastrel.", ENTITIES)
    assert found == [("Kastrel", NORTH, "retaken")]


def test_a_plain_taking_stays_a_capture() -> None:
    """Near miss: no prefix, or a prefix of another word ("pre-"), is the taking itself."""
    assert read_in_text("Northern troops took Kastrel on Tuesday.", ENTITIES) == [
        ("Kastrel", NORTH, "captured")
    ]
    assert read_in_text("Northern troops captured Kastrel, a pre-war market town.", ENTITIES) == [
        ("Kastrel", NORTH, "captured")
    ]
