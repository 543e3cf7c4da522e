"""A taking named as an aim ("Retaking X has been a goal of ...") or as progress still on the
way ("made gains retaking X") is not done; one listed among gains made is. "Occupied" told with
how long it has lasted is a holding, not a taking."""

from __future__ import annotations

import pytest
from control_facts import KASTREL_WAR, NORTH, read_in_text

ENTITIES = KASTREL_WAR
CM = "Coast Militia"


@pytest.mark.parametrize(
    "sentence",
    [
        "Retaking the walled port of Kastrel has been a goal of the Northern Army for a year.",
        "Retaking Kastrel had been the aim of the Northern Army since the war began.",
    ],
)
def test_a_taking_named_as_a_goal_is_not_done(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == []


def test_gains_made_towards_a_taking_are_not_the_taking() -> None:
    found = read_in_text("The Northern Army says it made gains retaking Kastrel.", ENTITIES)
    assert [status for _, _, status in found if status == "retaken"] == []


def test_a_taking_listed_among_gains_made_is_done() -> None:
    sentence = "Northern troops made gains in the south, including recapturing Kastrel."
    assert read_in_text(sentence, ENTITIES) == [("Kastrel", NORTH, "retaken")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kastrel has been occupied by the Coast Militia since 2023.",
        "The Coast Militia has occupied Kastrel for two years.",
    ],
)
def test_an_occupation_that_has_lasted_is_a_holding(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == [("Kastrel", CM, "holds")]
