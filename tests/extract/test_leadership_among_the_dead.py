"""Two small readings of a person's fate and office.

"X was among those killed", "A and B were among those killed", "X is among the dead": one of the
victims, so killed (and "not among" is a denial). "his sacked deputy X", "X, the Front's
dismissed commander": an office that ended, so no office. Every sentence was written for this
test, with invented names."""

from __future__ import annotations

import pytest
from leadership_facts import leadership_read

from monitor.records import EntityRef, Leadership

KDF = "Kastrel Defence Force"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Tomas Brel", "person", ("Brel",)),
    EntityRef("Dorn", "place"),
)


def _facts(text: str) -> set[Leadership]:
    return leadership_read(text, ENTITIES)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said Lina Vard was among those killed in the raid on Dorn.",
        "Lina Vard is among the dead, her family said.",
        "Lina Vard was reportedly among those slain near Dorn.",
    ],
)
def test_one_of_the_victims_is_killed(text: str) -> None:
    assert Leadership("Lina Vard", None, None, "killed") in _facts(text)


def test_two_named_victims_are_both_killed() -> None:
    facts = _facts("Lina Vard and Tomas Brel were among those killed in Dorn, the army said.")
    assert Leadership("Lina Vard", None, None, "killed") in facts
    assert Leadership("Tomas Brel", None, None, "killed") in facts


@pytest.mark.parametrize(
    "text",
    [
        "Lina Vard counted the dead among those killed in Dorn.",
        "Lina Vard was among those who fled Dorn.",
        "Lina Vard was among the commanders at the talks in Dorn.",
    ],
)
def test_no_fate_without_being_one_of_the_dead(text: str) -> None:
    assert not any(v.status == "killed" for v in _facts(text))


def test_not_among_the_dead_is_a_denial() -> None:
    facts = _facts("Lina Vard was not among those killed in Dorn.")
    assert not any(v.status == "killed" for v in facts)


@pytest.mark.parametrize(
    "text",
    [
        "Fighting erupted between forces loyal to the KDF and its sacked deputy commander "
        "Lina Vard.",
        "Lina Vard, the KDF's dismissed commander, fled to Dorn.",
        "The impeached president Lina Vard left Dorn on Monday.",
    ],
)
def test_an_office_that_ended_is_no_office(text: str) -> None:
    assert not any(v.status == "claimed" and v.role for v in _facts(text))
