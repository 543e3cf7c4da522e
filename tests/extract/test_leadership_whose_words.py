"""Words before an office that say whose it is, not what it is: a nationality adjective opening
an office set beside the name ("X, the Kelsanian president": the state's president), and the
kind of body a title opens with mid-sentence ("had seized rebel commander X": a commander).
Every sentence was written for this test, with invented names."""

from __future__ import annotations

import pytest
from leadership_facts import offices_read

from monitor.records import EntityRef, Leadership

MLA = "Marsh Liberation Army"
ENTITIES = (
    EntityRef(MLA, "group", ("MLA",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Omar Kessel", "person", ("Kessel",)),
    EntityRef("Dorn", "place"),
)


def _offices(text: str) -> set[Leadership]:
    return offices_read(text, ENTITIES)


@pytest.mark.parametrize(
    "text",
    [
        "Lina Vard, the Kelsanian president, flew to Dorn on Monday.",
        "Lina Vard, the Varlandese president, asked Omar Kessel to wait.",
        "In Dorn, Lina Vard, the Dorvish president, met the envoys.",
    ],
)
def test_a_nationality_opening_an_appositive_office(text: str) -> None:
    assert Leadership("Lina Vard", "president", None, "claimed") in _offices(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody knew whether the army had seized rebel commander Lina Vard in Dorn.",
        "The talks stalled after militia commander Lina Vard left Dorn.",
    ],
)
def test_the_kind_of_body_opening_a_title(text: str) -> None:
    assert Leadership("Lina Vard", "commander", None, "claimed") in _offices(text)


@pytest.mark.parametrize(
    ("text", "role", "org"),
    [
        # the body is configured: its office, the role without it
        ("Lina Vard, the MLA president, flew to Dorn on Monday.", "president", MLA),
        # an office word that is no nationality stays
        ("Lina Vard, the deputy president, flew to Dorn on Monday.", "deputy president", None),
    ],
)
def test_other_words_before_an_office(text: str, role: str, org: str | None) -> None:
    assert Leadership("Lina Vard", role, org, "claimed") in _offices(text)


def test_a_nationality_alone_is_no_office() -> None:
    assert _offices("Lina Vard, the Kelsanian, flew to Dorn on Monday.") == set()
