"""Who the casualties were, after a sentence of deaths: "the casualties" refers back to the dead
just told, and each counted item of its list that names one side is that side's dead. "The
dead" need no sentence before them. Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Varda Legion", "group", ("Legion",)),
    EntityRef("Dorn", "place", ()),
)
KDF, LEGION = "Kelso Defence Front", "Varda Legion"


def losses(text: str) -> list[tuple[str, int | None, int | None, str]]:
    found = extract_claims(text, ENTITIES, ["casualties"], year=2025)
    return [
        (v.subject, v.killed_min, v.killed_max, v.qualifier)
        for c in found
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fighting cost the lives of 40 people, medics said. Among the casualties were "
            "12 KDF fighters and 20 Legion fighters.",
            [(KDF, 12, 12, "exact"), (LEGION, 20, 20, "exact")],
        ),
        (
            "Ninety people died in the raid on Dorn. The casualties included 30 KDF fighters, "
            "9 members of local militias, and 41 Legion fighters.",
            [(KDF, 30, 30, "exact"), (LEGION, 41, 41, "exact")],
        ),
    ],
)
def test_the_casualties_after_a_sentence_of_deaths_are_dead(
    text: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    assert losses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before told wounds too: casualties may be dead or wounded
        "The raid left 30 dead and 50 wounded. Among the casualties were 12 KDF fighters.",
        # nothing before to refer to
        "Among the casualties were 12 KDF fighters.",
        # an item naming two sides is neither's
        "Ninety people died in Dorn. The casualties included 30 members of the KDF and the Legion.",
    ],
)
def test_no_dead_read_from_casualties_without_deaths_before(text: str) -> None:
    assert losses(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The dead included 14 KDF fighters, four shepherds and 9 Legion fighters.",
        "Among the dead were 14 KDF fighters and 9 Legion fighters, a medic said.",
    ],
)
def test_the_dead_listed_are_each_sides_dead(text: str) -> None:
    assert losses(text) == [(KDF, 14, 14, "exact"), (LEGION, 9, 9, "exact")]


def test_the_casualties_are_read_after_a_sentence_whose_references_were_resolved() -> None:
    """A sentence whose pronoun was replaced by a name is parsed as a doc of its own; the
    sentence before it is still the one that told the deaths."""
    entities = (*ENTITIES, EntityRef("Ilan Voss", "person", ("Voss",)))
    text = (
        "Ilan Voss said the raid on Dorn cost the lives of 60 men. The casualties included 30"
        " KDF fighters and 22 Legion fighters, he said."
    )
    found = extract_claims(text, entities, ["casualties"], year=2025)
    assert [(v.subject, v.killed_min) for c in found if isinstance(v := c.value, Casualties)] == [
        (KDF, 30),
        (LEGION, 22),
    ]


def test_an_item_named_by_a_kin_of_a_side_is_that_sides() -> None:
    """ "41 Osmanian soldiers" are the "Osmanian army"'s, as written, even where reference
    resolution has written the side's name over them."""
    state = EntityRef("Osmanian army", "group", ("Osmanian troops", "Osmanian military"))
    text = (
        "Ninety people died in the raid on Dorn. The casualties included 30 KDF fighters and"
        " 41 Osmanian soldiers."
    )
    found = extract_claims(text, (*ENTITIES, state), ["casualties"], year=2025)
    values = [c.value for c in found if isinstance(c.value, Casualties)]
    assert [(v.subject, v.killed_min) for v in values] == [
        (KDF, 30),
        ("Osmanian army", 41),
    ]
