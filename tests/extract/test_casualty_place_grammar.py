"""Where an incident was, in the shapes reporting gives it beyond "killed in X": two
prepositions on one place, a part of a place, the event that killed as the subject, and
"left N dead"."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind

ENTITIES = (
    EntityRef("Coast Brigades", "group", ()),
    EntityRef("Northern Army", "group", ()),
    EntityRef("Dorvik", "place", ()),
    EntityRef("Kelso", "place", ()),
)
CASUALTIES: tuple[FactKind, ...] = ("casualties",)


def places(text: str) -> list[tuple[str, int | None, str | None]]:
    return [
        (v.subject, v.killed_min, v.location)
        for c in extract_claims(text, ENTITIES, CASUALTIES, year=2024)
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Army gunners killed at least 31 Coast Brigades fighters in and around Dorvik on Friday.",
        "At least 31 Coast Brigades fighters were killed on the outskirts of Dorvik on Friday.",
        "At least 31 Coast Brigades fighters died in the suburbs of Dorvik overnight.",
        "Clashes in Dorvik killed at least 31 Coast Brigades fighters on Friday.",
        "Fighting on the edge of Dorvik killed at least 31 Coast Brigades fighters.",
        "An airstrike on Dorvik killed at least 31 Coast Brigades fighters, the army said.",
    ],
)
def test_the_incident_is_placed_where_the_sentence_says_it_was(text: str) -> None:
    assert places(text) == [("Coast Brigades", 31, "Dorvik")]


def test_losses_an_event_left_are_placed_where_the_event_was() -> None:
    text = "Shelling near Kelso left 23 Northern Army soldiers dead, the Coast Brigades said."
    assert places(text) == [("Northern Army", 23, "Kelso")]


@pytest.mark.parametrize(
    "text",
    [
        # "on" names a place only before a part of one: a feast day or a road is not one.
        "The Northern Army killed 14 Coast Brigades fighters on Eid, the army said.",
        "The Northern Army killed 14 Coast Brigades fighters on the road to Dorvik.",
        # where the speaker was, or where the winners went, is not where the losses were
        "Clashes killed 14 Coast Brigades fighters, officials in Dorvik said.",
        "Clashes killed 14 Coast Brigades fighters as the Northern Army advanced towards Kelso.",
        # an attack that names its time and its side, but no place
        "An attack by the Northern Army on Tuesday killed 14 Coast Brigades fighters.",
    ],
)
def test_a_place_the_incident_was_not_at_stays_out(text: str) -> None:
    assert places(text) == [("Coast Brigades", 14, None)]


def test_men_taken_prisoner_are_placed_where_they_were_taken() -> None:
    found = [
        (v.subject, v.captured_min, v.location)
        for c in extract_claims(
            "Forty Northern Army soldiers were taken prisoner near Dorn.",
            ENTITIES,
            CASUALTIES,
            year=2024,
        )
        if isinstance(v := c.value, Casualties)
    ]
    assert found == [("Northern Army", 40, "Dorn")]
