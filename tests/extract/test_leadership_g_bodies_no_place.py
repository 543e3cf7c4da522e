"""Being in a body of people is membership, not whereabouts: "a clerk in the army", "a figure in
the Northern Liberation Army", "was in the Cabinet" name no place, while a place named after or
inside a body's phrase still does ("at the NLA headquarters in Ostra"). Sentences written for
this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

NLA = "Northern Liberation Army"
ENTITIES = (
    EntityRef(NLA, "group", ("NLA",)),
    EntityRef("Varno Armed Forces", "group"),
    EntityRef("Karel Dussin", "person", ("Dussin",)),
    EntityRef("Varno", "place"),
    EntityRef("Ostra", "place"),
)


def _located(text: str) -> set[str | None]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {
        c.value.location
        for c in claims
        if isinstance(c.value, Leadership) and c.value.status == "located"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Dussin was a clerk in the Varno Armed Forces before the coup.",
        "Dussin was a clerk and driver in the Northern Liberation Army before the coup.",
        "Dussin is a senior figure in the NLA.",
        "Dussin was in the Northern Liberation Army for ten years.",
        "Dussin was a junior officer in the Army.",
        "Dussin was in the Cabinet for years.",
        "Dussin is in the Ostra Party.",
    ],
)
def test_a_body_of_people_is_no_whereabouts(text: str) -> None:
    assert not _located(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Dussin was in Varno last week.", "Varno"),
        ("Dussin is at the NLA headquarters in Ostra.", "Ostra"),
        ("Dussin remained in the Varno Valley.", "Varno"),
        ("Dussin is in Ostra with the NLA.", "Ostra"),
        ("Dussin was in the Northern Liberation Army stronghold of Ostra.", "Ostra"),
        ("Dussin is at the army headquarters.", "the army headquarters"),
    ],
)
def test_a_place_beside_a_body_is_still_read(text: str, place: str) -> None:
    assert place in _located(text)
