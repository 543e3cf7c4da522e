"""An office given by an appointing verb is an appointment, and, when a configured group
appoints and the office names no body, the group's office. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Ilse Sato", "person"),
    EntityRef("Tomas Vehr", "person"),
    EntityRef("Dorn", "place"),
)
LEADERSHIP: tuple[FactKind, ...] = ("leadership",)
Office = tuple[str, str | None, str | None, str]


def offices(text: str) -> list[Office]:
    return [
        (v.subject, v.role, v.organization, v.status)
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership)
    ]


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "The KDF has appointed a new military chief, Ilse Sato.",
            ("Ilse Sato", "military chief", "Kelso Defence Front", "appointed"),
        ),
        (
            "The KDF appointed Ilse Sato as military chief on Monday.",
            ("Ilse Sato", "military chief", "Kelso Defence Front", "appointed"),
        ),
        (
            "Ilse Sato was appointed military chief by the KDF on Monday.",
            ("Ilse Sato", "military chief", "Kelso Defence Front", "appointed"),
        ),
    ],
)
def test_an_office_a_group_gives_is_its_appointment(text: str, office: Office) -> None:
    assert offices(text) == [office]


def test_an_office_a_person_gives_names_no_group() -> None:
    text = "Tomas Vehr appointed Ilse Sato as military chief on Monday."
    assert ("Ilse Sato", "military chief", None, "appointed") in offices(text)


@pytest.mark.parametrize(
    "text",
    [
        "The KDF plans to appoint Ilse Sato as military chief.",
        "A woman named Ilse Sato was arrested in Dorn.",
    ],
)
def test_no_appointment_that_did_not_happen(text: str) -> None:
    assert [o for o in offices(text) if o[3] == "appointed"] == []


def test_a_title_the_person_bore_is_not_the_office_given() -> None:
    text = "Fighting went on. The KDF named field commander Ilse Sato on Saturday as its leader."
    assert ("Ilse Sato", "field commander", "Kelso Defence Front", "appointed") not in offices(text)


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "Ilse Sato succeeded Tomas Vehr as head of the KDF.",
            ("Ilse Sato", "head", "Kelso Defence Front", "appointed"),
        ),
        (
            "Ilse Sato replaced Tomas Vehr as leader of the KDF in March.",
            ("Ilse Sato", "leader", "Kelso Defence Front", "appointed"),
        ),
        (
            "Ilse Sato took over as commander of the KDF on Monday.",
            ("Ilse Sato", "commander", "Kelso Defence Front", "appointed"),
        ),
    ],
)
def test_an_office_taken_from_another_is_an_appointment(text: str, office: Office) -> None:
    assert offices(text) == [office]


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Sato is expected to succeed Tomas Vehr as head of the KDF.",
        "Ilse Sato, the head of the KDF, replaced two commanders.",
    ],
)
def test_no_office_taken_that_was_not(text: str) -> None:
    assert all(status != "appointed" for *_, status in offices(text))
