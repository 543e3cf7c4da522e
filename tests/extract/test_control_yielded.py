"""Control verbs whose taker is not the subject of a capture: "lose ... to" (the object of "to"
takes the place the subject lost), "liberate" and "free" (the taker's own word: told by
anyone, a claim; with no liberator named, the teller's side), and places named by a noun of
settlement in a list ("the port of A and the oil hub of B")."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Army", "group", ("Northern forces", "Northern troops", "the army")),
    EntityRef("Coast Militia", "group", ("CM", "CM fighters")),
    EntityRef("Irena Vasko", "person", ("Vasko",), affiliation="Northern Army"),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Varo", "place", ()),
    EntityRef("Dorvik", "place", ()),
)


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    "sentence",
    [
        "The town of Kastrel was lost to the Coast Militia during the spring offensive.",
        "Northern troops lost Kastrel to the Coast Militia after a week of shelling.",
        "Northern troops retook Varo, a town they had lost to the Coast Militia in May.",
    ],
)
def test_lost_to_names_the_taker(sentence: str) -> None:
    place = "Varo" if "Varo" in sentence else "Kastrel"
    assert (place, "Coast Militia", "captured") in _values(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops lost two tanks near Kastrel to mines on the coast road.",
        "The Coast Militia lost ground to Northern troops around Kastrel.",
        "Kastrel lost power to the storm on Monday.",
    ],
)
def test_losing_something_else_is_no_capture(sentence: str) -> None:
    assert ("Kastrel", "Coast Militia", "captured") not in _values(sentence)
    assert ("Kastrel", "Northern Army", "captured") not in _values(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Vasko said on Sunday that Varo had been fully liberated.",
            ("Varo", "Northern Army", "claims_captured"),
        ),
        (
            "Vasko announced that Northern troops had freed Varo after three days of fighting.",
            ("Varo", "Northern Army", "claims_captured"),
        ),
        (
            "The army says it has liberated the river town of Varo from the Coast Militia.",
            ("Varo", "Northern Army", "claims_captured"),
        ),
        (
            "Vasko declared the port city of Varo liberated on Friday.",
            ("Varo", "Northern Army", "claims_captured"),
        ),
    ],
)
def test_a_liberation_told_is_the_tellers_claim(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _values(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Vasko said the army would liberate Varo within a week.",
        "Vasko said Varo had not been liberated yet.",
        "Northern troops freed twelve hostages held near Varo, Vasko said.",
    ],
)
def test_no_liberation_no_claim(sentence: str) -> None:
    assert [v for v in _values(sentence) if v[0] == "Varo"] == []


def test_a_settlement_noun_after_a_base_names_its_place() -> None:
    sentence = "Northern troops captured the key militia base of Dorvik and the oil hub of Varo."
    assert ("Varo", "Northern Army", "captured") in _values(sentence)
    assert ("Dorvik", "Northern Army", "captured") not in _values(sentence)


def test_an_office_after_a_base_names_no_place() -> None:
    sentence = "Northern troops captured the commander of Dorvik and Varo on Monday."
    assert _values(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops swept into Kastrel on Tuesday after the militia withdrew.",
        "In Kastrel, Northern forces swept through the entire town, meeting little resistance.",
    ],
)
def test_sweeping_into_a_place_takes_it(sentence: str) -> None:
    assert ("Kastrel", "Northern Army", "captured") in _values(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A storm swept through Kastrel on Tuesday.",
        "Heavy fighting swept into Kastrel overnight.",
        "Panic swept through Kastrel as Northern troops approached.",
        "Northern jets swept over Kastrel at dawn.",
    ],
)
def test_sweeping_without_an_armed_side_takes_nothing(sentence: str) -> None:
    assert _values(sentence) == []


REGIONS = (
    EntityRef("Northern Army", "group", ("Northern troops",)),
    EntityRef("Velmar", "place", ("Velmar province",)),
    EntityRef("Kastrel", "place", ()),
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern troops take Velmar's second city",
        "Northern troops seized the Velmar province capital on Friday.",
    ],
)
def test_the_region_a_settlement_lies_in_is_not_taken(sentence: str) -> None:
    assert read_in_text(sentence, REGIONS) == []


def test_a_settlement_in_a_region_is_the_place_named_before() -> None:
    sentence = (
        "The port of Kastrel changed hands again as Northern troops said they had taken the"
        " Velmar province capital."
    )
    values = read_in_text(sentence, REGIONS)
    assert ("Kastrel", "Northern Army", "claims_captured") in values
    assert not [v for v in values if v[0] == "Velmar"]


def test_the_settlement_named_by_its_of_is_taken_in_a_region() -> None:
    sentence = "Northern troops seized the Velmar province capital of Kastrel."
    assert read_in_text(sentence, REGIONS) == [("Kastrel", "Northern Army", "captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The retreat opened the way to the Coast Militia's capture of Kastrel.",
        "Analysts called the shelling a step towards the fall of Kastrel to the Coast Militia.",
    ],
)
def test_the_way_to_a_capture_is_no_capture(sentence: str) -> None:
    assert _values(sentence) == []


def test_a_capture_after_a_way_is_still_read() -> None:
    sentence = "The Coast Militia's capture of Kastrel opened the way to the coast."
    assert ("Kastrel", "Coast Militia", "captured") in _values(sentence)


def test_a_capture_in_a_clause_after_a_road_is_read() -> None:
    sentence = "Traffic returned to the road to Varo where Northern troops captured Kastrel."
    assert ("Kastrel", "Northern Army", "captured") in _values(sentence)
