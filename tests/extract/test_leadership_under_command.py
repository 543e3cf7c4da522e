"""People who lead a body told by "under the leadership/command of": a numbered unit no
configuration names is written as named ("the 9 Brigade under the command of Colonel X":
commander of 9 Brigade); fighters no configuration names have X as their leader all the same,
also when "under" follows "be" ("the insurgents were under the leadership of X") and when the names
follow a count ("two of the region's warlords, A and B"). Every sentence was written for this
test, with invented names."""

from __future__ import annotations

import pytest
from leadership_facts import offices_read

from monitor.records import EntityRef, Leadership

KDF = "Kastrel Defence Force"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Tomas Brel", "person", ("Brel",)),
    EntityRef("Dorn", "place"),
    EntityRef("Varland", "place"),
)


def _offices(text: str) -> set[Leadership]:
    return offices_read(text, ENTITIES)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The town fell to the 9 Brigade under the command of Colonel Lina Vard.", "9 Brigade"),
        ("Dorn was taken by the 12 Division under the command of Lina Vard.", "12 Division"),
    ],
)
def test_a_numbered_unit_is_written_as_named(text: str, unit: str) -> None:
    assert _offices(text) == {Leadership("Lina Vard", "commander", unit, "claimed")}


def test_two_units_each_with_its_commander() -> None:
    text = (
        "Dorn fell after the 14 Division under the command of Brigadier Lina Vard, "
        "31 Division under the command of Colonel Tomas Brel and others advanced."
    )
    assert _offices(text) == {
        Leadership("Lina Vard", "commander", "14 Division", "claimed"),
        Leadership("Tomas Brel", "commander", "31 Division", "claimed"),
    }


def test_unnamed_fighters_under_the_leadership_of_a_count_of_people() -> None:
    text = (
        "The insurgents were under the leadership of three of Varland's most feared warlords, "
        "Lina Vard and Tomas Brel."
    )
    assert _offices(text) == {
        Leadership("Lina Vard", "leader", None, "claimed"),
        Leadership("Tomas Brel", "leader", None, "claimed"),
    }


def test_a_configured_body_keeps_its_name() -> None:
    text = "The KDF under the command of General Lina Vard took Dorn."
    assert _offices(text) == {Leadership("Lina Vard", "commander", KDF, "claimed")}


@pytest.mark.parametrize(
    "text",
    [
        "The Division under the command of Lina Vard took Dorn.",  # which division is untold
        "Dorn was under the control of Lina Vard.",  # a place, not a body
        "Dorn's defenders were under the command of Lina Vard.",  # a possessor's fighters
        "The brigade under the command of Lina Vard took Dorn.",
    ],
)
def test_no_office_without_a_body_to_lead(text: str) -> None:
    assert _offices(text) == set()
