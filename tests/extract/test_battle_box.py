"""A battle's fact box flattened to text: its "Strength" and "Casualties" rows give counts to the
sides they name ("Strength1: VF:, 26,500 militants, ..., Kelsan:, 650 combat troops"), losses
placed where its "Place" row puts the battle; a count the row gives to no named side (the
columns are the battle's sides, which the text does not tell apart), a source's account ("Per
X:"), a later figure in brackets and equipment are not read. Invented boxes and names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, ForceSize

ENTITIES = (
    EntityRef("Varland Front", "group", ("VF",)),
    EntityRef("Kelsan Army", "group", ("KA", "Kelsan")),
    EntityRef("Dorn", "place", ()),
)


def sizes(text: str) -> list[tuple[str, int | None, int | None, str]]:
    found = extract_claims(text, ENTITIES, ["force_size"], year=1988)
    return [
        (c.value.subject, c.value.min, c.value.max, c.value.qualifier)
        for c in found
        if isinstance(c.value, ForceSize)
    ]


def test_the_counts_a_strength_row_gives_each_named_side() -> None:
    text = (
        "Battle of Dorn\n"
        "- Strength1: VF:, 26,500 militants, 31,000 irregulars, 40 battle tanks, Kelsan:, 650"
        " combat troops, (later up to 2,500), 9 tanks\n"
    )
    assert sizes(text) == [
        ("Varland Front", 26500, 26500, "exact"),
        ("Varland Front", 31000, 31000, "exact"),
        ("Kelsan Army", 650, 650, "exact"),
    ]


@pytest.mark.parametrize(
    "row",
    [
        "- Strength2: 6,000 combat troops, 150 tanks",  # a column: whose is not in the text
        "- Strength1: Unknown:, 2,000 fighters",  # a side nobody configured
        "- Strength1: VF and KA:, 2,000 fighters",  # two sides lumped together
    ],
)
def test_a_count_the_row_gives_no_single_named_side_is_not_read(row: str) -> None:
    assert sizes(f"Battle of Dorn\n{row}\n") == []


def losses(text: str) -> list[Casualties]:
    found = extract_claims(text, ENTITIES, ["casualties"], year=1988)
    return [c.value for c in found if isinstance(c.value, Casualties)]


def test_the_losses_a_casualties_row_gives_each_named_side_at_the_battles_place() -> None:
    text = (
        "= Battle of Dorn =\n\n- Place: , Dorn, Kelsania\n"
        "- Casualties1: VF:, 2,400 killed, :, 31 dead, 75 wounded, 7 trucks lost\n"
        "- Casualties2: KA:, 500 killed, 1,200 wounded, 300 captured, 40 tanks lost\n"
    )
    assert losses(text) == [
        Casualties("Varland Front", 2400, 2400, location="Dorn"),
        Casualties("Kelsan Army", 500, 500, 1200, 1200, 300, 300, location="Dorn"),
    ]


def test_a_sources_account_in_a_casualties_row_is_nobodys_losses() -> None:
    text = "- Casualties1: Per VF:, 84 killed ---- Per KA:, 50 killed, 10 wounded\n"
    assert losses(text) == []
