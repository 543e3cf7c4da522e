"""A fate told twice in one text, once with the person's office and once without, is one fact:
the telling that names the office stands for both. Sentences invented for the test."""

from __future__ import annotations

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind, Leadership

ENTITIES = (
    EntityRef("Teo Marrak", "person", ("Marrak",), affiliation="Ostrava Front"),
    EntityRef("Ostrava Front", "group", ()),
)
LEADERSHIP: tuple[FactKind, ...] = ("leadership",)


def fates(text: str) -> list[tuple[str, str | None]]:
    return [
        (v.status, v.role)
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership) and v.status == "killed"
    ]


def test_the_telling_with_the_office_stands_for_both() -> None:
    text = (
        "Teo Marrak was killed in an air strike on Friday, officials said. "
        "The Ostrava Front's leader Teo Marrak was killed alongside two aides."
    )
    assert fates(text) == [("killed", "leader")]


def test_a_fate_told_once_without_an_office_stays() -> None:
    assert fates("Teo Marrak was killed in an air strike on Friday.") == [("killed", None)]


def test_losses_told_again_without_their_place_are_one_fact() -> None:
    text = (
        "The army said more than 100 Ostrava Front fighters were killed in battles in Dorvik. "
        '"Our forces repelled the attack, with more than 100 Ostrava Front fighters killed," '
        "it added."
    )
    found = [
        (v.location, v.killed_min)
        for c in extract_claims(text, (*ENTITIES, EntityRef("Dorvik", "place", ())), year=2025)
        if isinstance(v := c.value, Casualties)
    ]
    assert found == [("Dorvik", 100)]
