"""Whose count: the object of a verb of confronting is the other side's force, not the
subject's. Sentences written for this test, with invented names."""

from __future__ import annotations

from monitor.extract.force import extract_force_sizes
from monitor.records import Claim, EntityRef, ForceSize

ENTITIES = (EntityRef("Kelso Defence Front", "group", ("KDF",)),)


def sizes(found: list[Claim]) -> list[ForceSize]:
    return [c.value for c in found if isinstance(c.value, ForceSize)]


def test_a_confronted_count_is_not_the_subjects() -> None:
    assert not extract_force_sizes("The KDF faced 9,000 fighters near Dorn.", ENTITIES, year=2025)
    assert not extract_force_sizes("The KDF repelled 400 fighters at dawn.", ENTITIES, year=2025)


def test_the_subjects_own_count_stays() -> None:
    found = extract_force_sizes("The KDF has 9,000 fighters near Dorn.", ENTITIES, year=2025)
    assert [v.subject for v in sizes(found)] == ["Kelso Defence Front"]


def test_an_item_of_a_list_of_losses_is_no_force() -> None:
    for text in (
        "The casualties included 65 KDF fighters, 18 members of allied groups, and 49 KDF guards.",
        "The KDF said 24 fighters were killed, including 21 KDF reservists near the border.",
    ):
        assert not extract_force_sizes(text, ENTITIES, year=2025), text


def test_an_item_of_a_list_of_strengths_stays() -> None:
    found = extract_force_sizes(
        "The KDF has 9,000 fighters, 200 tanks, and 50 KDF commandos.", ENTITIES, year=2025
    )
    assert {v.min for v in sizes(found)} == {9000, 50}


def test_a_count_of_a_group_and_others_is_neither_ones() -> None:
    text = (
        "Between the KDF and other fighters allied to the state, there are perhaps "
        "40,000-50,000 fighters in Dorn."
    )
    assert not extract_force_sizes(text, ENTITIES, year=2025)


def test_an_estimated_figure_is_approximate() -> None:
    found = extract_force_sizes(
        "The army estimated the KDF to have amounted to 21,470 fighters.", ENTITIES, year=2025
    )
    assert [(v.min, v.qualifier) for v in sizes(found)] == [(21470, "approx")]
    bounded = extract_force_sizes(
        "Analysts estimate the KDF has up to 9,000 fighters.", ENTITIES, year=2025
    )
    assert [v.qualifier for v in sizes(bounded)] == ["at_most"]  # the explicit bound wins


def test_estimated_at_keeps_the_figure_as_written() -> None:
    found = extract_force_sizes(
        "The KDF, estimated at 2,500 fighters by observers, has split.", ENTITIES, year=2025
    )
    assert [v.qualifier for v in sizes(found)] == ["exact"]
