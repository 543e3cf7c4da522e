"""Fighters a side has left: "about 40 remaining militants", counted past "remaining", and the
people they hold ("holding 12 hostages") are not their losses. A generic "terrorists" count is
the one irregular group in view, as "militants" is. The owner must be named in the count or
resolved from the sentences before: the nearest group of the sentence may be the side fighting
them. Sentences written for this test, invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, ForceSize

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Varn Army", "group", ("Varn army", "Varn troops", "Varn soldiers")),
    EntityRef("Orrin Brigade", "group", ()),
    EntityRef("Dorn", "place", ()),
)
KDF = "Kelso Defence Front"


def facts(text: str) -> list[object]:
    return [c.value for c in extract_claims(text, ENTITIES, year=2025)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Varn troops are chasing some 30 remaining KDF fighters holding 12 hostages in Dorn.",
            ForceSize(KDF, 30, 30, "approx", "fighters"),
        ),
        (
            "The KDF attacked Dorn last week. Scouts say around 50 to 70 remaining militants"
            " still hold the old market.",
            ForceSize(KDF, 50, 70, "range", "militants"),
        ),
        (
            "The KDF seized the depot in Dorn on Monday. About 25 remaining terrorists are"
            " believed to be holding prisoners there, an officer said.",
            ForceSize(KDF, 25, 25, "approx", "terrorists"),
        ),
    ],
)
def test_the_fighters_a_side_has_left_are_its_force(text: str, expected: ForceSize) -> None:
    assert expected in facts(text)


def test_a_count_of_terrorists_is_the_irregular_group_in_view() -> None:
    text = (
        "The KDF stormed Dorn in May. More than 90 terrorists have been killed since then,"
        " the Varn Army said."
    )
    assert Casualties(
        KDF, 90, None, None, None, None, None, "at_least", scope="cumulative"
    ) in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # the only group named is the side fighting them
        "Varn troops hold the bridge to Dorn, where about 40 remaining militants are holding"
        " hostages.",
        # two irregular groups in view: whose is unknown
        "The KDF and the Orrin Brigade attacked Dorn. About 40 remaining militants still hold"
        " the market.",
        # held hostage themselves
        "The KDF seized Dorn. Some 12 Varn soldiers were held hostage in the market.",
        # the count is of the held, not of those who hold them
        "KDF fighters are holding 50 Varn troops hostages in Dorn.",
    ],
)
def test_no_owner_or_a_loss_is_no_force(text: str) -> None:
    assert not [f for f in facts(text) if isinstance(f, ForceSize)]
