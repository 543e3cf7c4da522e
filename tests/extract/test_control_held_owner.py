""" "-held" adjectives whose word is no name: "government-held", "rebel-held" name the one
configured group with a force alias of that word ("government troops"), and an apposition
with one ("Kastrel, the last government-held town") says who holds the place."""

from __future__ import annotations

import pytest
from control_facts import read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Army", "group", ("government troops", "government forces")),
    EntityRef("Coast Militia", "group", ("CM", "coastal fighters")),
    EntityRef("Hill Front", "group", ("HF", "coastal troops")),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Lowland", "place", ()),
)
NORTH = "Northern Army"


@pytest.mark.parametrize(
    "sentence",
    [
        "Jets struck targets near Kastrel, the largest government-held city in the region.",
        "Envoys warned against an assault on Kastrel, the last government-held enclave in the"
        " east.",
        "Aid reached the government-held town of Kastrel on Monday.",
        "Shelling hit the government-occupied town of Kastrel on Monday.",
    ],
)
def test_a_held_adjective_names_its_owner(sentence: str) -> None:
    assert read_in_text(sentence, ENTITIES) == [("Kastrel", NORTH, "holds")]


def test_a_word_two_groups_share_names_no_owner() -> None:
    said = "Jets struck targets near Kastrel, the largest coastal-held city in the region."
    assert read_in_text(said, ENTITIES) == []


def test_an_unheld_apposition_says_nothing() -> None:
    said = "Jets struck targets near Kastrel, the largest government-run hospital in the region."
    assert read_in_text(said, ENTITIES) == []
