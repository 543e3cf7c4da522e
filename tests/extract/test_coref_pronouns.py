"""A group named in one sentence and taken up by "They"/"It" opening the next (after a phrase
of time at most), or by "Its"/"Their" before its forces. Sentences and names invented for the
test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, TerritorialControl

ENTITIES = (
    EntityRef("Ostrava Front", "group", ("OSF",)),
    EntityRef("Marl Army", "group", ("Marlan army",)),
    EntityRef("Ilse Varga", "person", ("Varga",)),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Dorvik", "place", ()),
)


def holders(text: str) -> list[tuple[str, str | None]]:
    return [
        (v.place, v.controller)
        for c in extract_claims(text, ENTITIES, year=2025)
        if isinstance(v := c.value, TerritorialControl)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Ostrava Front attacked on Monday. They captured Kastrel within hours.",
            [("Kastrel", "Ostrava Front")],
        ),
        (
            "The Ostrava Front pressed south. It now controls Dorvik.",
            [("Dorvik", "Ostrava Front")],
        ),
        # after a phrase of time
        (
            "Ostrava Front units attacked Dorvik on Monday. By nightfall they had taken the town.",
            [("Dorvik", "Ostrava Front")],
        ),
        (
            "The OSF shelled Kastrel for a week. Within hours of the assault, it had overrun"
            " Kastrel.",
            [("Kastrel", "Ostrava Front")],
        ),
        # "Its fighters", "Their troops": the group's forces
        (
            "The Ostrava Front moved on Dorvik. Its fighters seized the town at dawn.",
            [("Dorvik", "Ostrava Front")],
        ),
        (
            "The OSF opened a second front. Their troops now hold Kastrel.",
            [("Kastrel", "Ostrava Front")],
        ),
    ],
)
def test_an_opening_pronoun_before_a_taking_is_the_group_named_before(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert holders(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # two groups before: either could be "they"
        "The Ostrava Front and the Marl Army fought all week. They captured Kastrel on Friday.",
        # a person named before: "they" may be he and his men
        "Ilse Varga led the Ostrava Front south. They captured Kastrel on Friday.",
        # "it" before another verb is as often a place or an event
        "The Ostrava Front attacked Kastrel. It fell on Friday.",
        "The Ostrava Front attacked Kastrel. By Friday it had fallen.",
        # a phrase before the pronoun that names a place: "they" may be its people
        "The Ostrava Front attacked Dorvik. In Kastrel they captured the airport on Friday.",
        # two groups before "Its fighters"
        "The Ostrava Front and the Marl Army clashed. Its fighters captured Kastrel on Friday.",
    ],
)
def test_no_group_where_the_pronoun_could_be_another(text: str) -> None:
    assert ("Kastrel", "Ostrava Front") not in holders(text)
