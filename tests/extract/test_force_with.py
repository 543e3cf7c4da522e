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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "With some 9,000 fighters, the KDF is the largest armed group in the hills.",
            ForceSize(KDF, 9000, 9000, "approx", "fighters"),
        ),
        (
            "With at least 2,500 troops, the Legion has held Dorn since spring.",
            ForceSize(LEGION, 2500, None, "at_least", "troops"),
        ),
        (  # joined to an opening participle dated long before: the count is the clause's
            "Founded 30 years ago and with about 6,000 fighters, the KDF is the main group.",
            ForceSize(KDF, 6000, 6000, "approx", "fighters"),
        ),
    ],
)
def test_a_fronted_count_of_people_is_the_subjects(text: str, expected: ForceSize) -> None:
    assert sizes(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Formed in 1981 with about 6,000 men, the KDF is the oldest group in Dorn.",  # at founding
        "With about 6,000 men in 2001, the KDF held Dorn.",  # another era
        "The KDF clashed with 3,000 men near Dorn.",  # whom it fought
    ],
)
def test_a_count_of_people_with_another_reading_is_not_a_fronted_size(text: str) -> None:
    assert sizes(text) == []
