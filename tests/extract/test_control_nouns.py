"""Control told through nouns: "regained control over X", "completed the encirclement of X"
(the subject does what the noun names), "the A town of X" (the place the noun is), "the
capture of X town and mines by Y" (the taker after the place's own noun), and a battle for
control that is only foretold."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Army", "group", ("Northern", "Northern forces", "Northern troops")),
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Lowland", "place", ()),
)
NORTH, CM = "Northern Army", "Coast Militia"


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Northern forces regained control over breakaway Kastrel for the first time in years.",
            [("Kastrel", NORTH, "retaken")],
        ),
        (
            "Northern units have now completed the encirclement of Kastrel in the south.",
            [("Kastrel", NORTH, "surrounded")],
        ),
        (
            "Northern troops captured the Lowland town of Kastrel on Monday.",
            [("Kastrel", NORTH, "captured")],
        ),
        (
            "Witnesses in the area confirmed the capture of Kastrel town and mines by CM fighters.",
            [("Kastrel", CM, "captured")],
        ),
    ],
)
def test_nouns_of_control(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _values(sentence) == expected


def test_a_foretold_battle_is_no_contest() -> None:
    said = "Observers foresee an imminent battle for control of Kastrel."
    assert _values(said) == []


def test_a_battle_under_way_is_a_contest() -> None:
    said = "Fighting raged on Monday for control of Kastrel."
    assert _values(said) == [("Kastrel", None, "contested")]


def test_a_part_of_a_place_is_not_the_place() -> None:
    said = "Northern troops captured the outskirts of Kastrel on Monday."
    assert ("Kastrel", NORTH, "captured") not in _values(said)


def test_a_district_of_a_region_is_the_district() -> None:
    said = "CM fighters maintain control of the Kastrel district of Lowland."
    assert _values(said) == [("Kastrel", CM, "holds")]


def test_areas_of_a_region_are_not_the_region() -> None:
    said = "CM fighters maintain control of Dunmor and rural areas of the Kastrel region."
    assert _values(said) == []


def test_fighting_for_the_place_is_a_contest() -> None:
    said = "Officials reported heavy fighting for Kastrel."
    assert _values(said) == [("Kastrel", None, "contested")]


def test_a_battle_named_may_be_over() -> None:
    said = "Some 2,000 people were killed in the battle for Kastrel, the UN said."
    assert _values(said) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Militia commander Ilir Doda announces CM control of Kastrel",
        "Residents welcomed the CM control of Kastrel after years of neglect.",
    ],
)
def test_a_group_before_control_holds_the_place(sentence: str) -> None:
    assert _values(sentence) == [("Kastrel", CM, "holds")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Northern Army denied CM control over Kastrel.",
        "Northern troops fought for CM control of Kastrel.",
    ],
)
def test_a_group_control_denied_or_fought_for_is_no_holding(sentence: str) -> None:
    assert ("Kastrel", CM, "holds") not in _values(sentence)
