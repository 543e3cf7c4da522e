"""A place described as somebody's stronghold is held by them ("Kastrel, the last stronghold of
the Coast Militia"), unless the sentence tells it taken or lost."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Northern Army", "group", ("Northern troops",)),
    EntityRef("Kastrel", "place", ()),
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
