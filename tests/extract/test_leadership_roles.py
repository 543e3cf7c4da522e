"""How an office is written down: words that describe the person (an age, "ruthless") or the
post's rank among others ("main") are dropped, a form of address between the office and the
name is no part of it, and a capitalised office word ("Defence", "Deputy") belongs to the
office. Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

ENTITIES = (
    EntityRef("Omar Kessel", "person", ("Kessel",)),
    EntityRef("Ilse Marant", "person", ("Marant",)),
    EntityRef("Dorn Front", "group", ("DF",)),
)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Near the river the main rebel commander Omar Kessel issued a statement.", "commander"),
        (
            "The siege goes on, said Dorn provincial Governor Sheikh Omar Kessel.",
            "governor",  # the title opens on its capital (`test_leadership_titles`)
        ),
        (
            "The Kelsan Defence Minister, Ilse Marant, said on Sunday that talks had failed.",
            "defence minister",
        ),
        (
            "Omar Kessel, the 58-year-old head of the Dorn Front (DF) was killed in a raid.",
            "head",  # the age, wherever the words split it
        ),
        ("The ruthless rebel commander Omar Kessel said the road was open.", "commander"),
    ],
)
def test_office_as_written(text: str, role: str) -> None:
    found = {c.value for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)}
    assert {v.role for v in found if isinstance(v, Leadership)} == {role}


@pytest.mark.parametrize(
    "text",
    [
        "It said the forces of army General Omar Kessel had repelled the attack.",  # a rank
        "Other commanders of the front are General Omar Kessel and General Ilse Marant.",  # a verb
    ],
)
def test_no_office_from_a_rank_or_a_verb(text: str) -> None:
    found = {c.value for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)}
    assert not [v for v in found if isinstance(v, Leadership) and v.status == "claimed"]
