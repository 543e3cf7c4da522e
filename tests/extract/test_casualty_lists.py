"""Casualty counts in lists, read by the count-phrase extractor (`casualties`): a qualifier that
opens a list applies to every count in it (tests/labelled/README.md). Sentences invented."""

from __future__ import annotations

from monitor.extract.casualties import extract_casualties
from monitor.records import Casualties, EntityRef

ENTITIES = (
    EntityRef("Red Lake Front", "group", ("RLF",)),
    EntityRef("Wolf Company", "group", ("Wolf",)),
    EntityRef("Northern Army", "group", ("northern soldiers",)),
)


def counts(text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [
        (v.subject, v.killed_min, v.killed_max, v.qualifier)
        for c in extract_casualties(text, ENTITIES, year=2025)
        if isinstance(v := c.value, Casualties)
    ]


def test_an_opening_qualifier_reaches_the_next_side_of_an_active_list() -> None:
    text = "The RLF said it had killed at least 62 Wolf fighters and 19 northern soldiers."
    assert counts(text) == [
        ("Wolf Company", 62, None, "at_least"),
        ("Northern Army", 19, None, "at_least"),
    ]


def test_a_count_with_its_own_qualifier_or_after_a_vague_one_keeps_its_own() -> None:
    text = "The RLF said it had killed at least 62 Wolf fighters and about 19 northern soldiers."
    assert counts(text)[1] == ("Northern Army", 19, 19, "approx")
    text = "The RLF said it had killed dozens of Wolf fighters and 19 northern soldiers."
    assert ("Northern Army", 19, 19, "exact") in counts(text)


def test_a_located_part_of_a_count_is_an_incident_of_its_own() -> None:
    text = (
        "The RLF said 31 Wolf fighters were killed on Monday in the north, including 17 "
        "guards in a single ambush near the river."
    )
    assert counts(text) == [("Wolf Company", 31, 31, "exact"), ("Wolf Company", 17, 17, "exact")]


def test_a_part_without_its_own_place_is_no_fact_of_its_own() -> None:
    text = "The RLF said 31 Wolf fighters were killed on Monday, including 3 commanders."
    assert counts(text) == [("Wolf Company", 31, 31, "exact")]
    text = "The RLF said 31 Wolf fighters were killed, including 3 civilians in a house nearby."
    assert counts(text) == [("Wolf Company", 31, 31, "exact")]


def test_the_size_of_each_of_several_groups_is_no_count() -> None:
    text = "Groups made up of three or four Wolf fighters have surrendered to the RLF."
    assert extract_casualties(text, ENTITIES, year=2025) == []
    text = "Wolf fighters surrendered to the RLF in groups of 10 or 12, a commander said."
    assert extract_casualties(text, ENTITIES, year=2025) == []


def test_one_group_of_people_is_a_count() -> None:
    text = "A group of 40 Wolf fighters surrendered to the RLF on Monday."
    [claim] = extract_casualties(text, ENTITIES, year=2025)
    assert isinstance(claim.value, Casualties)
    assert (claim.value.subject, claim.value.captured_min) == ("Wolf Company", 40)


def test_a_side_is_not_the_killer_and_the_killed_of_one_clause() -> None:
    # as a reference resolved to the killer would have it: "it has killed 1,500 [RLF] soldiers"
    text = "The RLF says it has killed 1,500 Red Lake Front soldiers since April."
    assert extract_casualties(text, ENTITIES, year=2025) == []
    text = "Wolf fighters said they had captured 37 Wolf soldiers and an officer."
    assert extract_casualties(text, ENTITIES, year=2025) == []


def test_the_killer_named_apart_from_the_killed_stands() -> None:
    text = "The RLF says it has killed 1,500 Wolf fighters since April."
    assert counts(text) == [("Wolf Company", 1500, 1500, "exact")]


def test_a_side_s_losses_counted_in_people() -> None:
    text = "The RLF said it had killed 40 militiamen, while Wolf losses were estimated at 120 men."
    assert counts(text) == [("Wolf Company", 120, 120, "exact")]
    text = "Wolf losses were put at 30 civilians and 12 fighters, the RLF said."
    assert ("Wolf Company", 30, 30, "exact") not in counts(text)
