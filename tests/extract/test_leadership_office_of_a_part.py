"""An office told as "the <office> of <group>, X" before the name: the "of" phrase must be the
group's name (with its acronym), or a part of the group ("the head of the MLA's political
wing, X" is the MLA's head of the political wing). An "of" phrase that runs past the group's
name into other words ("the commander of the KDF met the mayor of Dorn, X") gives X no
office of the group's. And an aside that ends on another configured person's name is that
person's title, not an office of the person it follows. Every sentence was written for this
test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

KDF = "Kastrel Defence Force"
MLA = "Marsh Liberation Army"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef(MLA, "group", ("MLA",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Tomas Brel", "person", ("Brel",)),
    EntityRef("Dorn", "place"),
)


def _facts(text: str) -> set[Leadership]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {c.value for c in claims if isinstance(c.value, Leadership)}


def _vard(text: str) -> set[Leadership]:
    return {v for v in _facts(text) if v.subject == "Lina Vard"}


@pytest.mark.parametrize(
    ("text", "role", "org"),
    [
        (
            "The head of the MLA's political wing, Lina Vard, said Dorn was calm.",
            "head of the political wing",
            MLA,
        ),
        (
            "Officials named the head of the MLA's political wing, Lina Vard, as a negotiator.",
            "head of the political wing",
            MLA,
        ),
        (
            "The commander of the KDF's northern brigade, Lina Vard, told reporters little.",
            "commander of the northern brigade",
            KDF,
        ),
    ],
)
def test_an_office_of_a_part_of_the_group(text: str, role: str, org: str) -> None:
    assert Leadership("Lina Vard", role, org, "claimed") in _vard(text)
    assert not any(v.role in ("head", "commander") for v in _vard(text))


@pytest.mark.parametrize(
    "text",
    [
        "The head of the MLA, Lina Vard, said Dorn was calm.",
        "The head of the Marsh Liberation Army (MLA), Lina Vard, said Dorn was calm.",
    ],
)
def test_the_office_of_the_group_itself_stays(text: str) -> None:
    assert _vard(text) == {Leadership("Lina Vard", "head", MLA, "claimed")}


@pytest.mark.parametrize(
    "text",
    [
        "The commander of the KDF met the mayor of Dorn, Lina Vard, on Monday.",
        "The spokesman of the MLA told the mayor of Dorn, Lina Vard, to leave.",
        "The leader of the KDF thanked the people of Dorn, Lina Vard, and others.",
    ],
)
def test_an_of_phrase_that_runs_past_the_group_gives_no_office(text: str) -> None:
    assert not any(v.organization in (KDF, MLA) for v in _vard(text))


def test_an_aside_ending_on_another_name_is_that_persons_title() -> None:
    text = (
        "The dead include Lina Vard, the head of rebels' supply office Tomas Brel, and two aides."
    )
    assert not any(v.role == "head" for v in _vard(text))


def test_the_fate_after_an_aside_naming_another_person_stays() -> None:
    text = "Lina Vard, the deputy of Tomas Brel, was killed on Monday."
    assert Leadership("Lina Vard", None, None, "killed") in _vard(text)
    assert not any(v.status == "claimed" for v in _vard(text))


def test_an_aside_whose_body_is_of_another_titled_person_stays() -> None:
    text = "Lina Vard, a spokesman for the KDF command of President Tomas Brel, said so."
    assert any(v.role == "spokesman" for v in _vard(text))


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Lina Vard, a spokesman for the Varland army, said the raid was over.", "Varland army"),
        (
            "Lina Vard, a spokesman for the Dornish government of President Tomas Brel, "
            "said the fighters had left.",
            "Dornish government",
        ),
        ("Lina Vard, the leader of the Dorn Brigades, said so.", "Dorn Brigades"),
    ],
)
def test_an_unconfigured_body_keeps_its_kind(text: str, org: str) -> None:
    assert {v.organization for v in _vard(text) if v.role} == {org}
