"""A quoted common noun before "of" is a designation the place bears ("the declared 'buffer
zone' of X" is X), and a verb joined by "and" to an earlier one shares that verb's subject ("A
shrugged off B's raids and took X": B is an object, not a taker)."""

from __future__ import annotations

import pytest
from control_facts import read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Army", "group", ("Northern forces", "Northern troops")),
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Kastrel", "place", ()),
)
NORTH = "Northern Army"


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops have seized control of the Coastal League “buffer zone” of Kastrel.",
        'Days later Northern forces overran the "neutral area" of Kastrel.',
    ],
)
def test_a_quoted_designation_names_its_place(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == [("Kastrel", NORTH, "captured")]


def test_a_place_beside_a_quoted_designation_is_not_taken() -> None:
    said = "Northern troops captured a ridge overlooking the “buffer zone” of Kastrel."
    assert read_in_text(said, ENTITIES) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Weeks after Northern forces shrugged off CM raids and captured Kastrel, talks resumed.",
        "Northern troops repelled a CM counter-attack and then took Kastrel on Friday.",
    ],
)
def test_a_joined_verb_shares_the_first_subject(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == [("Kastrel", NORTH, "captured")]


def test_a_later_clause_keeps_its_own_subject() -> None:
    said = "Northern troops shelled the road as CM fighters advanced and captured Kastrel."
    assert ("Kastrel", NORTH, "captured") not in read_in_text(said, ENTITIES)
