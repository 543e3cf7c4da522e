"""Control read from nouns and infinitives on the parse: a possessive "control of" presupposes
the holding; a present infinitive under a verb of enabling or ordering is no event."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Army", "group", ("Northern forces",)),
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Varo", "place", ("Varo region",)),
)


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Coast Militia's full control of the Varo region could have grave consequences,"
            " an envoy said.",
            [("Varo", "Coast Militia", "holds")],
        ),
        (
            "The CM's control of Kastrel would let the group cut the coastal road.",
            [("Kastrel", "Coast Militia", "holds")],
        ),
    ],
)
def test_possessive_control_is_a_holding(
    sentence: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Coast Militia lost its control of Kastrel last year to a rival clan.",
        "The battle for the Coast Militia's control of Kastrel is not over.",
        "The Coast Militia seeks control of Kastrel.",
    ],
)
def test_control_wanted_lost_or_fought_for_is_no_holding(sentence: str) -> None:
    assert ("Kastrel", "Coast Militia", "holds") not in _values(sentence)


def test_infinitive_of_possibility_is_no_siege() -> None:
    said = "The new road would enable Northern forces to besiege Kastrel from the east."
    assert _values(said) == []


def test_managed_to_is_an_event() -> None:
    said = "Northern forces managed to encircle Kastrel on Sunday."
    assert _values(said) == [("Kastrel", "Northern Army", "surrounded")]
