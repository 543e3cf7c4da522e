"""A denial whose clause has no "that" ("denied Dorvik had fallen") is a denial, not the
denier's own claim of a capture."""

from __future__ import annotations

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, TerritorialControl

ENTITIES = (
    EntityRef("Coast Brigades", "group", ()),
    EntityRef("Northern Army", "group", ()),
    EntityRef("Dorvik", "place", ()),
    EntityRef("Kelso", "place", ()),
)
CONTROL: tuple[FactKind, ...] = ("territorial_control",)


def control(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (v.place, v.controller, v.status)
        for c in extract_claims(text, ENTITIES, CONTROL, year=2024)
        if isinstance(v := c.value, TerritorialControl)
    ]


def test_a_denied_clause_without_that_is_a_denial() -> None:
    expected = [("Dorvik", "Northern Army", "denies_captured")]
    assert control("The Northern Army denied Dorvik had fallen.") == expected
    assert control("The Northern Army denies Dorvik was taken, and said it fought on.") == expected


def test_a_denial_in_another_part_of_the_sentence_leaves_a_capture_alone() -> None:
    text = (
        "The Northern Army denied Kelso was under threat, but the Coast Brigades captured Dorvik."
    )
    assert control(text) == [("Dorvik", "Coast Brigades", "captured")]
