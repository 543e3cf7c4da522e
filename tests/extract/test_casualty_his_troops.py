"""A speaker written as "he" or "she" and resolved to a configured person speaks of that
person's side in "his troops", "her fighters", as when named. Sentences written for this test,
with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Varda Legion", "group", ("Legion",)),
    EntityRef("Dorn", "place", ()),
    EntityRef("Dara Venn", "person", ("Venn",), affiliation="Kelso Defence Front"),
)


def losses(text: str) -> list[tuple[str, int | None]]:
    found = extract_claims(text, ENTITIES, ["casualties"], year=2025)
    return [(v.subject, v.killed_min) for c in found if isinstance(v := c.value, Casualties)]


@pytest.mark.parametrize(
    "text",
    [
        "Dara Venn told reporters the front held Dorn. He added that four of his men were killed.",
        "Venn spoke in Dorn on Friday. She said four of her fighters died in the shelling.",
    ],
)
def test_his_troops_are_the_resolved_speakers_side(text: str) -> None:
    assert losses(text) == [("Kelso Defence Front", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "He added that four of his men were killed.",  # nobody named before
        "Venn spoke in Dorn on Friday. Reporters said four of his men were killed.",
    ],
)
def test_no_side_without_a_resolved_speaker(text: str) -> None:
    assert losses(text) == []
