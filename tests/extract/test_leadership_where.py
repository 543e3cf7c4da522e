"""Whereabouts told by a relative clause of place ("the town where X is hiding"), for the
clause's subject and the names listed in apposition to it. Sentences written for this test,
with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

ENTITIES = (
    EntityRef("Marsh Liberation Army", "group", ("MLA",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Omar Kessel", "person", ("Kessel",)),
    EntityRef("Dorn", "place"),
)


def _located(text: str) -> set[tuple[str, str | None]]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {
        (c.value.subject, c.value.location)
        for c in claims
        if isinstance(c.value, Leadership) and c.value.status == "located"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck the Dorn area, where Omar Kessel is hiding with his guards.",
        "The army shelled Dorn town where the two leaders of the MLA — Lina Vard and Omar Kessel "
        "— are reportedly hiding.",
    ],
)
def test_a_relative_clause_of_place_locates_its_subject(text: str) -> None:
    found = _located(text)
    assert ("Omar Kessel", "Dorn") in found
    if "Lina Vard" in text:
        assert ("Lina Vard", "Dorn") in found


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck Dorn, where Omar Kessel was born in 1970.",
        "Jets struck the Dorn area, where Omar Kessel could be hiding.",
    ],
)
def test_no_whereabouts_from_another_verb_or_a_possibility(text: str) -> None:
    assert not _located(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Omar Kessel is in the valley with his people, an aide said.", "the valley"),
        ("Lina Vard remains in the town with a few guards.", "the town"),
    ],
)
def test_the_company_kept_in_a_place_is_no_part_of_it(text: str, place: str) -> None:
    assert _located(text) == {(text.split(" is ")[0].split(" remains ")[0], place)}
