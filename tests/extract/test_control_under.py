"""A place under somebody's control, read on the parse: the copula's subject is the place
(a list, an "including" list, a settlement noun's "of"), the holder is the object of "of" or
the modifier of "control" or "hands"; a holding told beside a retaking is a fact of its own."""

from __future__ import annotations

import pytest
from control_facts import KASTREL_WAR, NORTH, Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (*KASTREL_WAR, EntityRef("Varo", "place", ("Varo town",)))


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    "sentence",
    [
        "The whole coastal belt, including the port of Kastrel, is now under CM control.",
        "The northern sector including the old stronghold of Kastrel remains under the control"
        " of the Coast Militia.",
    ],
)
def test_an_area_under_control_holds_the_places_it_includes(sentence: str) -> None:
    assert ("Kastrel", "Coast Militia", "holds") in _values(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops retook Kastrel on Monday, and the town is now in the hands of Northern"
        " troops.",
        "Northern troops recaptured Varo and Kastrel; Kastrel is now under the control of"
        " northern forces.",
    ],
)
def test_a_holding_told_after_a_retaking_is_its_own_fact(sentence: str) -> None:
    values = _values(sentence)
    assert ("Kastrel", NORTH, "retaken") in values
    assert ("Kastrel", NORTH, "holds") in values


@pytest.mark.parametrize(
    "sentence",
    [
        "The coastal belt near Kastrel is under heavy shelling by the Coast Militia.",
        "Kastrel is in the hands of God now, the bishop said.",
        "Kastrel was under the control of the Coast Militia until 2009.",
        "The whole coastal area around Kastrel is now under CM control.",
        "Troops met in Kastrel, a port on the coast of Varo that is under CM control.",
    ],
)
def test_no_holding_near_misses(sentence: str) -> None:
    assert ("Kastrel", "Coast Militia", "holds") not in _values(sentence)


def test_a_relative_clause_right_after_the_place_holds_it() -> None:
    sentence = "Troops met in Kastrel, a port that is under CM control."
    assert ("Kastrel", "Coast Militia", "holds") in _values(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kastrel remains under CM rule, traders said.", "holds"),
        ("Kastrel is now under the occupation of the Coast Militia.", "holds"),
        ("Kastrel fell under the Coast Militia's grip in the spring.", "captured"),
        ("Kastrel is back in CM hands after a week of shelling.", "holds"),
        ("Kastrel is back under CM control, traders said.", "holds"),
    ],
)
def test_rule_occupation_grip_and_back_hold_as_control_does(sentence: str, expected: str) -> None:
    assert _values(sentence) == [("Kastrel", "Coast Militia", expected)]
