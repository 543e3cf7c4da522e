"""Fates of two people told once ("A and B were killed", "the deaths of A and B"): each
name is the fate's subject. A fate told in the singular after the second name is the second
person's alone. Sentences written for this test, with invented names."""

from __future__ import annotations

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Omar Kessel", "person", ("Kessel",)),
    EntityRef("Ilse Marant", "person", ("Marant",)),
)


def _fates(text: str) -> set[tuple[str, str]]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {
        (c.value.subject, c.value.status)
        for c in claims
        if isinstance(c.value, Leadership) and c.value.status in ("killed", "fled")
    }


BOTH_KILLED = {("Omar Kessel", "killed"), ("Ilse Marant", "killed")}


def test_two_names_then_a_plural_fate() -> None:
    assert _fates("Police said Omar Kessel and Ilse Marant were killed in a raid.") == BOTH_KILLED


def test_an_aside_on_the_first_name() -> None:
    text = "Omar Kessel, who founded the KDF in a mountain village, and Ilse Marant were slain."
    assert _fates(text) == BOTH_KILLED


def test_the_deaths_of_two_names() -> None:
    text = "The deaths of Omar Kessel and Ilse Marant were confirmed by the army on Sunday."
    assert _fates(text) == BOTH_KILLED


def test_a_singular_fate_is_the_second_name_alone() -> None:
    text = "Omar Kessel fled north and Ilse Marant was killed in the raid."
    assert ("Omar Kessel", "killed") not in _fates(text)


def test_two_names_then_a_plural_sighting_is_no_fate() -> None:
    assert _fates("Omar Kessel and Ilse Marant were seen in the town on Friday.") == set()
