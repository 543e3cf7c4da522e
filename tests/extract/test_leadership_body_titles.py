"""A title whose first words name the body ("Varland military spokesman X"): the words of a
configured group's name are whose office it is, not part of the office, so the office is
"spokesman"; a word of the office that names no configured body stays ("MLA military
spokesman X" is the MLA's military spokesman). Every sentence was written for this test,
with invented names."""

from __future__ import annotations

import pytest
from leadership_facts import offices_read

from monitor.records import EntityRef, Leadership

VAF = "Varland Armed Forces"
MLA = "Marsh Liberation Army"
ENTITIES = (
    EntityRef(VAF, "group", ("Varland military", "Varlandese military", "Varland army")),
    EntityRef(MLA, "group", ("MLA",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Dorn", "place"),
)


def _offices(text: str) -> set[Leadership]:
    return offices_read(text, ENTITIES)


@pytest.mark.parametrize(
    "text",
    [
        "Varlandese military spokesman Colonel Lina Vard said Dorn was calm.",
        "Varland military spokesman Lina Vard told reporters that Dorn was calm.",
        "Varland military spokesman Brigadier General Lina Vard announced the news on Monday.",
    ],
)
def test_the_body_named_in_a_title_is_not_the_office(text: str) -> None:
    assert _offices(text) == {Leadership("Lina Vard", "spokesman", VAF, "claimed")}


@pytest.mark.parametrize(
    ("text", "role", "org"),
    [
        ("MLA military spokesman Lina Vard said Dorn was calm.", "military spokesman", MLA),
        (
            "Varland army deputy commander Lina Vard said Dorn was calm.",
            "deputy commander",
            VAF,
        ),
    ],
)
def test_an_office_word_that_names_no_body_stays(text: str, role: str, org: str) -> None:
    assert _offices(text) == {Leadership("Lina Vard", role, org, "claimed")}
