"""Whose people a pronoun stands for: "12 of them" counts part of the people or the body of men
named just before it, and "whose fighters" are the fighters of the noun the relative clause
belongs to. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Dorn", "place"),
)
KINDS: tuple[FactKind, ...] = ("casualties", "force_size")


def losses(text: str) -> list[tuple[str, int | None]]:
    return [
        (v.subject, v.killed_min)
        for c in extract_claims(text, ENTITIES, KINDS, year=2025)
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    ("text", "loss"),
    [
        (
            "KDF fighters ambushed a Northern Army patrol near Dorn and killed about 25 of them.",
            ("Northern Army", 25),
        ),
        (
            "The army said it had detained 40 KDF fighters and that 12 of them had died.",
            ("Kelso Defence Front", 12),
        ),
        (
            "The KDF, whose 300 fighters were trained in Dorn, said 12 of them had been killed.",
            ("Kelso Defence Front", 12),
        ),
    ],
)
def test_part_of_them_is_part_of_the_people_named_before(text: str, loss: tuple[str, int]) -> None:
    assert loss in losses(text)


def test_them_after_another_noun_stands_for_no_people() -> None:
    text = "Northern Army troops attacked KDF positions near Dorn and killed 12 of them."
    assert losses(text) == []


def test_whose_soldiers_are_the_soldiers_of_the_group_before() -> None:
    text = "The KDF blamed the Northern Army, whose 40 soldiers were killed near Dorn."
    assert losses(text) == [("Northern Army", 40)]


def test_an_aside_on_part_of_the_people_names_no_side() -> None:
    # a count of both sides: no side's losses, whichever way the parser hangs the aside
    entities = (EntityRef("Rebel Liberation Front", "group", ("RLF",)), *ENTITIES)
    for text in (
        "At least 20 people, most of them RLF fighters, were killed in the clashes.",
        "At least 20 people, many of whom were RLF fighters, were killed near Dorn.",
    ):
        assert extract_claims(text, entities, KINDS, year=2025) == [], text
