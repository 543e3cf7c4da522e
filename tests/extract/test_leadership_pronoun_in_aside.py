"""An aside after a name whose words hold a possessive pronoun: at the start it says whose post
it is ("X, his deputy, said": the office is "deputy"); after a word it is the object of a verb
("X, who is 53, named his police chief, Y": X named somebody, X holds no post). Every sentence
was written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

ENTITIES = (
    EntityRef("Kastrel Defence Force", "group", ("KDF",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Tomas Brel", "person", ("Brel",)),
    EntityRef("Dorn", "place"),
)


def _roles(text: str, person: str) -> set[str | None]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {
        c.value.role
        for c in claims
        if isinstance(c.value, Leadership) and c.value.subject == person
    }


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brel, who is 53, named his police chief, Lina Vard, to run Dorn.",
        "Tomas Brel, who is 61, appointed their new commander, Lina Vard, in Dorn.",
        "Tomas Brel, aged 40, promoted her deputy, Lina Vard, last week.",
    ],
)
def test_a_verb_and_its_object_is_no_office_of_the_subject(text: str) -> None:
    assert _roles(text, "Tomas Brel") == set()


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Lina Vard, his deputy, said Dorn was calm.", "deputy"),
        ("Lina Vard, their spokeswoman, said Dorn was calm.", "spokeswoman"),
    ],
)
def test_a_pronoun_opening_the_aside_is_whose_post(text: str, role: str) -> None:
    assert _roles(text, "Lina Vard") == {role}
