"""A place described as somebody's stronghold is held by them ("Kastrel, the last stronghold of
the Coast Militia"), unless the sentence tells it taken or lost."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Coast Militia", "group", ("CM", "Vasko's Coast Militia")),
    EntityRef("Northern Army", "group", ("Northern troops",)),
    EntityRef("Dren Vasko", "person", ("Vasko",), affiliation="Coast Militia"),
    EntityRef("Ilir Doda", "person", ("Doda",)),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Dorvik", "place", ()),
)
CM, NORTH = "Coast Militia", "Northern Army"


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    "sentence",
    [
        "Air strikes hit fuel depots near Kastrel, the last northern stronghold of the Coast"
        " Militia.",
        "Kastrel, a CM stronghold, was shelled overnight.",
        "Fighting raged around Kastrel, the Coast Militia's main bastion, on Sunday.",
    ],
)
def test_a_stronghold_is_held(sentence: str) -> None:
    assert _values(sentence) == [("Kastrel", CM, "holds")]


def test_a_stronghold_taken_is_no_longer_held() -> None:
    said = "Northern troops captured Kastrel, the last stronghold of the Coast Militia."
    assert _values(said) == [("Kastrel", NORTH, "captured")]


def test_a_stronghold_without_an_owner_says_nothing() -> None:
    assert _values("Kastrel, a rebel stronghold, was shelled overnight.") == []


def test_a_stronghold_somebody_operates_inside_says_nothing() -> None:
    said = "Northern troops operate in the centre of Kastrel, the Coast Militia's last bastion."
    assert _values(said) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops shelled the Coast Militia stronghold of Kastrel overnight.",
        "The Coast Militia moved its guns west from its stronghold of Kastrel.",
        "The seizure of Dorvik on Monday followed a long push by Ilir Doda's allies and Dren"
        " Vasko's Coast Militia from his northern stronghold of Kastrel.",
    ],
)
def test_a_stronghold_named_by_of_is_held(sentence: str) -> None:
    """The owner before the noun, the place in its "of"; a possessive pronoun is the side of
    the person or group named last before it, even inside a longer name."""
    assert ("Kastrel", CM, "holds") in _values(sentence)


def test_a_taking_in_another_clause_leaves_the_stronghold_held() -> None:
    said = "Northern troops took Dorvik, while Kastrel, the last stronghold of the Coast Militia,"
    assert ("Kastrel", CM, "holds") in _values(said + " was shelled.")


def test_a_stronghold_of_a_place_without_an_owner_says_nothing() -> None:
    """Near miss: "a stronghold of Kastrel" names no owner, and "its" before any group
    refers to nobody configured."""
    assert _values("Rebels fled to a stronghold of Kastrel.") == []
    assert _values("The town kept its old stronghold of Kastrel.") == []
