"""Verb frames read from the parse (issue 13): the passive with its agent, a capture told in a
clause of its own, a list of places, a leader's forces, "took control of", an arrival; and the
same frames refusing what did not happen. Every sentence was written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import (
    Casualties,
    EntityRef,
    FactValue,
    ForceSize,
    Leadership,
    TerritorialControl,
)

RSF = "Rapid Support Forces"
SAF = "Sudanese Armed Forces"
ENTITIES = (
    EntityRef(RSF, "group", ("RSF",)),
    EntityRef(SAF, "group", ("army", "SAF")),
    EntityRef("Sennar", "place"),
    EntityRef("Bara", "place"),
    EntityRef("El Fasher", "place"),
    EntityRef("Um Sumeima", "place"),
    EntityRef("Mohamed Hamdan Dagalo", "person", ("Hemedti",), affiliation=RSF),
    EntityRef("Abdel Rahim Dagalo", "person", ()),
)


def values(text: str, kind: type[FactValue]) -> list[FactValue]:
    return [c.value for c in extract_claims(text, ENTITIES, year=2025) if isinstance(c.value, kind)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sennar has been occupied by the RSF, residents said.",
            [TerritorialControl("Sennar", RSF, "captured")],
        ),
        (
            "After the RSF captured Bara on Saturday, its fighters moved north.",
            [TerritorialControl("Bara", RSF, "captured")],
        ),
        (
            "Residents said the army took control of Bara and Um Sumeima overnight.",
            [
                TerritorialControl("Bara", SAF, "captured"),
                TerritorialControl("Um Sumeima", SAF, "captured"),
            ],
        ),
        (
            "The RSF seized Bara and Um Sumeima on Sunday.",
            [
                TerritorialControl("Bara", RSF, "captured"),
                TerritorialControl("Um Sumeima", RSF, "captured"),
            ],
        ),
    ],
)
def test_control_frames(text: str, expected: list[FactValue]) -> None:
    assert values(text, TerritorialControl) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The RSF captured El Fasher's main market on Thursday, residents said.",
        "The army said its troops would not stop until they took Bara.",
        "If the RSF captures El Fasher, aid will stop.",
        "The RSF tried to seize Sennar twice last month.",
    ],
)
def test_no_control_from_parts_conditions_or_attempts(text: str) -> None:
    assert values(text, TerritorialControl) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hemedti commands several thousand men in Darfur.",
            [ForceSize(RSF, 3000, 9999, "range", "men")],
        ),
        (
            "Hemedti has assembled around 9,000 fighters near El Fasher.",
            [ForceSize(RSF, 9000, 9000, "approx", "fighters")],
        ),
    ],
)
def test_a_leaders_forces_are_his_groups(text: str, expected: list[FactValue]) -> None:
    assert values(text, ForceSize) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Abdel Rahim Dagalo commands several thousand men in Darfur.",  # no configured tie
        "The RSF sent 3,000 more fighters to El Fasher.",  # an increment, not a size
        "The army has 2,021 photos of the RSF fighters.",  # not a count of fighters
    ],
)
def test_no_force_size_without_a_tie_or_a_count_of_fighters(text: str) -> None:
    assert values(text, ForceSize) == []


def test_an_arrival_locates_a_person() -> None:
    assert values("Hemedti arrived in Bara on Tuesday.", Leadership) == [
        Leadership("Mohamed Hamdan Dagalo", None, None, "located", "Bara")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-05-06 RSF forces advanced towards the crossing.",  # a date is no count
        "Port Sudan, Nov 18 The RSF forces said the road was open.",
        "The army said 150 fighters of the RSF were killed in a battle.",  # losses
        "The army said it had killed at least 84 RSF fighters and 47 militiamen.",
        "Two men who said they were RSF fighters gave up their weapons.",  # a handful
    ],
)
def test_a_date_a_loss_or_a_handful_is_no_force_size(text: str) -> None:
    assert values(text, ForceSize) == []


def test_a_loss_is_still_a_casualty_count() -> None:
    found = values("The army said 150 fighters of the RSF were killed in a battle.", Casualties)
    assert [(v.subject, v.killed_min) for v in found if isinstance(v, Casualties)] == [(RSF, 150)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Army troops killed more than 300 RSF fighters near Bara.", [(RSF, 300, None)]),
        ("Witnesses said 61 RSF paramilitary fighters were killed.", [(RSF, 61, 61)]),
    ],
)
def test_losses_of_a_named_side(text: str, expected: list[tuple[str, int, int | None]]) -> None:
    found = values(text, Casualties)
    assert [
        (v.subject, v.killed_min, v.killed_max) for v in found if isinstance(v, Casualties)
    ] == (expected)


def test_one_count_of_two_sides_is_no_fact() -> None:
    assert values("At least 50 RSF fighters and army troops have been killed.", Casualties) == []


def test_a_wire_dateline_is_not_the_subject() -> None:
    from monitor.extract.language.nlp import blocks

    assert blocks("KHARTOUM (Reuters) -The RSF said it had taken Bara.") == [
        "The RSF said it had taken Bara."
    ]
    assert blocks("US-backed forces - the army said") == ["US-backed forces - the army said"]
    dated = "Port Sudan, Nov 18 The army said it had taken Bara."
    assert blocks(dated) == ["The army said it had taken Bara."]
    assert blocks("El Obeid, 3 March 2025 (SUNA) - The RSF fled.") == ["The RSF fled."]
    kept = "Bara, the largest town, fell on Nov 18 to the RSF."
    assert blocks(kept) == [kept]


def test_an_era_in_another_clause_does_not_date_the_fact() -> None:
    text = (
        "The RSF said it was in full control of the town of Bara, though the army said some "
        "troops held out in a Soviet-era barracks."
    )
    assert TerritorialControl("Bara", RSF, "holds") in values(text, TerritorialControl)


def test_a_leader_speaks_for_his_side() -> None:
    text = "Hemedti said on Sunday that the RSF had captured the town of Bara."
    assert values(text, TerritorialControl) == [TerritorialControl("Bara", RSF, "claims_captured")]


def test_a_side_that_claims_a_capture_by_a_noun() -> None:
    text = "The RSF claims complete capture of El Fasher."
    assert values(text, TerritorialControl) == [
        TerritorialControl("El Fasher", RSF, "claims_captured")
    ]


def test_a_denied_fall_is_no_capture() -> None:
    found = values("The army denied that El Fasher had fallen to the RSF.", TerritorialControl)
    assert all(isinstance(v, TerritorialControl) and v.status != "captured" for v in found)


def test_a_force_that_numbers_in_the_hundreds() -> None:
    text = "RSF fighters in the city are thought to number in the hundreds, a resident said."
    assert values(text, ForceSize) == [ForceSize(RSF, 200, 999, "range", "fighters")]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("An aide said Hemedti was safe and inside the country.", "the country"),
        ("Hemedti remains in Bara, his aides say.", "Bara"),
    ],
)
def test_a_whereabouts_is_a_place(text: str, where: str) -> None:
    found = [v for v in values(text, Leadership) if isinstance(v, Leadership)]
    assert [(v.status, v.location) for v in found] == [("located", where)]


@pytest.mark.parametrize(
    "text", ["Hemedti is in talks with mediators.", "Hemedti is in his forties, aides say."]
)
def test_in_something_that_is_no_place_is_no_whereabouts(text: str) -> None:
    assert values(text, Leadership) == []


def test_an_office_keeps_the_words_that_make_it_another_office() -> None:
    found = values("On Sunday, First Vice President Hemedti wrote on Twitter.", Leadership)
    assert [v.role for v in found if isinstance(v, Leadership)] == ["first vice president"]


@pytest.mark.parametrize(
    ("text", "fates"),
    [
        (
            "Israeli jets struck Bara on Friday, killing RSF commander Hemedti, the army said.",
            [("killed", "commander")],
        ),
        ("The army said its forces had killed Hemedti's bodyguard.", []),
    ],
)
def test_a_person_a_verb_of_killing_takes(text: str, fates: list[tuple[str, str]]) -> None:
    found = [v for v in values(text, Leadership) if isinstance(v, Leadership)]
    assert [(v.status, v.role) for v in found if v.status == "killed"] == fates


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Sudan's Prime Minister Hemedti said on Friday that his troops had entered the city.",
            "prime minister",
        ),
        ("PM Hemedti said a deadline to surrender had expired.", "prime minister"),
        ("Sudanese Defence Minister Hemedti spoke on Sunday.", "defence minister"),
    ],
)
def test_offices_of_state_before_a_name(text: str, role: str) -> None:
    assert [v.role for v in values(text, Leadership) if isinstance(v, Leadership)] == [role]
