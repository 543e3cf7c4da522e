"""An office written before the body it is of and the name, without a comma: "Spokesman for
the KDF Colonel X said", "President of Varland X has". The parser makes the name the object of
the office's "for"/"of"; the office is the person's when a configured body or place stands
between them, and no other office does. Every sentence was written for this test, with
invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

KDF = "Kastrel Defence Force"
MLA = "Marsh Liberation Army"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF", "Kastrel's Defence Force")),
    EntityRef(MLA, "group", ("MLA",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Tomas Brel", "person", ("Brel",)),
    EntityRef("Dorn", "place"),
    EntityRef("Varland", "place"),
)


def _offices(text: str) -> set[Leadership]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {
        c.value
        for c in claims
        if isinstance(c.value, Leadership) and c.value.status == "claimed" and c.value.role
    }


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Spokesman for the KDF Colonel Lina Vard said Dorn was calm.", KDF),
        ("Spokesman for Kastrel's Defence Force Brig. Gen. Lina Vard told reporters so.", KDF),
        ("The spokesman for the Marsh Liberation Army Lina Vard said Dorn was calm.", MLA),
    ],
)
def test_an_office_of_a_body_named_before_the_name(text: str, org: str) -> None:
    assert _offices(text) == {Leadership("Lina Vard", "spokesman", org, "claimed")}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("President of Varland Lina Vard has ordered a retreat from Dorn.", "president"),
        ("The governor of Dorn Lina Vard asked for calm on Sunday.", "governor"),
    ],
)
def test_a_state_office_of_a_place_named_before_the_name(text: str, role: str) -> None:
    assert _offices(text) == {Leadership("Lina Vard", role, None, "claimed")}


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for Lina Vard said Dorn was calm.",  # speaks for Vard
        "A spokesman for General Lina Vard said Dorn was calm.",
        "The leader of Dorn Lina Vard said the town was calm.",  # a bare "leader" of a town
        "The deputy of KDF commander Lina Vard spoke in Dorn.",  # Vard is the commander
    ],
)
def test_no_office_of_the_body_without_a_body_between(text: str) -> None:
    assert not any(v.role in ("spokesman", "leader", "deputy") for v in _offices(text))
