"""A force told in a "with" phrase before its clause's subject: "With a force of some 4,000 men,
the KDF took Dorn", "With a force now reaching 12,000, the KDF has become ...". After the verb,
"with" may name whom the subject fought. Sentences written for this test, invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, ForceSize

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Varda Legion", "group", ("Legion",)),
    EntityRef("Dorn", "place", ()),
)
KDF, LEGION = "Kelso Defence Front", "Varda Legion"


def sizes(text: str) -> list[ForceSize]:
    found = extract_claims(text, ENTITIES, ["force_size"], year=2025)
    return [c.value for c in found if isinstance(c.value, ForceSize)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "With a force now reaching 12,000, the KDF has become a standing army.",
            ForceSize(KDF, 12000, 12000, "exact", "fighters"),
        ),
        (
            "With a force totalling some 8,000 fighters, the Legion holds the north.",
            ForceSize(LEGION, 8000, 8000, "approx", "fighters"),
        ),
        (
            "With a force reaching 12,000, the Legion pushed the KDF out of Dorn.",
            ForceSize(LEGION, 12000, 12000, "exact", "fighters"),
        ),
    ],
)
def test_a_fronted_force_is_the_subjects(text: str, expected: ForceSize) -> None:
    assert sizes(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF clashed with a force of 3,000 men near Dorn.",  # whom it fought
        "The KDF clashed with a force numbering 3,000 near Dorn.",
    ],
)
def test_a_force_after_the_verb_is_not_the_subjects(text: str) -> None:
    assert sizes(text) == []
