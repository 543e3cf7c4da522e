"""A side's own word on its capture is its claim: a capture by allies told by one of them is the
claim of each, "claimed to have retaken X" claims the capture; and a force tied to a configured
group by a phrase ("forces allied to X", "units under the command of X") is that group's."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Coast Militia", "group", ("CM", "Coastal forces")),
    EntityRef("Northern Army", "group", ("Northern forces", "the northern army")),
    EntityRef("Dren Vasko", "person", ("Vasko",), affiliation="Northern Army"),
    EntityRef("Kastrel", "place", ()),
)
CM, NORTH = "Coast Militia", "Northern Army"


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    "sentence",
    [
        '"The harbour town of Kastrel, a rebel bastion for years, has been captured by Northern'
        ' and Coastal forces," the Northern Army said on its channel.',
        "Kastrel, a rebel bastion for years, has been captured by Northern and Coastal forces,"
        " Dren Vasko said.",
    ],
)
def test_a_capture_by_allies_told_by_one_is_claimed_for_each(sentence: str) -> None:
    assert sorted(_values(sentence)) == [
        ("Kastrel", CM, "claims_captured"),
        ("Kastrel", NORTH, "claims_captured"),
    ]


def test_a_capture_by_allies_told_by_another_is_news() -> None:
    """Near miss: somebody else tells it."""
    sentence = (
        "Kastrel, a rebel bastion for years, has been captured by Northern and Coastal forces,"
        " a UN official said."
    )
    assert sorted(_values(sentence)) == [
        ("Kastrel", CM, "captured"),
        ("Kastrel", NORTH, "captured"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Northern forces claimed to have retaken Kastrel, a port held by rebels since spring.",
        "Units loyal to the northern army claim to have re-captured Kastrel.",
    ],
)
def test_claimed_to_have_retaken_is_a_claimed_capture(sentence: str) -> None:
    assert _values(sentence) == [("Kastrel", NORTH, "claims_captured")]


def test_said_they_had_retaken_stays_a_retaking() -> None:
    """Near miss: only the verb "claim" makes the retaking a claim of capture."""
    found = _values("Northern forces said on Sunday they had retaken Kastrel.")
    assert found == [("Kastrel", NORTH, "retaken")]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "The army units under the command of the Coast Militia seized Monday night control"
            " of Kastrel town after a long assault, a CM spokesman said.",
            "claims_captured",
        ),
        (
            "Local forces allied to the Coast Militia took Friday morning control of Kastrel town,"
            " residents said.",
            "captured",
        ),
    ],
)
def test_a_force_tied_to_a_group_is_the_group(sentence: str, status: str) -> None:
    assert _values(sentence) == [("Kastrel", CM, status)]


def test_a_force_fighting_a_group_is_not_the_group() -> None:
    """Near miss: "opposed to" ties the force to no configured side."""
    found = _values(
        "Local forces opposed to the Coast Militia took Friday morning control of Kastrel town."
    )
    assert found == []


@pytest.mark.parametrize(
    ("speaker", "status"),
    [
        ("a spokesman for the northern army", "claims_captured"),
        ("the spokeswoman for the northern army told reporters", "claims_captured"),
        ("a spokesman for the Coast Militia", "captured"),
    ],
)
def test_a_spokesman_for_a_side_speaks_for_it(speaker: str, status: str) -> None:
    """A capture told by the spokesman of the taker is its claim; of another side (the near
    miss), news."""
    told = speaker if " told " in speaker else f"{speaker} said"
    sentence = (
        f"Local forces loyal to Dren Vasko took Friday morning control of Kastrel town, {told}."
    )
    assert _values(sentence) == [("Kastrel", NORTH, status)]


def test_a_taking_after_an_announced_taking_is_announced_too() -> None:
    said = (
        "The Coast Militia announced it was taking all of Dorvik province from the northern"
        " army on Friday, after taking control of Kastrel district."
    )
    entities = (*ENTITIES, EntityRef("Dorvik", "place", ()))
    assert ("Kastrel", CM, "claims_captured") in read_in_text(said, entities)


def test_a_taking_after_a_narrated_taking_is_news() -> None:
    """Near miss: nobody announces the first taking, so nobody tells the second."""
    said = "The Coast Militia took full control of the coast on Monday, after taking Kastrel."
    assert _values(said) == [("Kastrel", CM, "captured")]
