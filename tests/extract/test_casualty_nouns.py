"""Losses told by a noun (`casualties.nouns`): deaths among a side, and a running total that rises
to a number. Sentences invented."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind

CASUALTIES: tuple[FactKind, ...] = ("casualties",)

ENTITIES = (
    EntityRef("Red Lake Front", "group", ("RLF", "Red Lake rebels")),
    EntityRef("Northern Army", "group", ("Norland military",)),
    EntityRef("Norland", "place"),
)
RLF, NAV = "Red Lake Front", "Northern Army"


def losses(text: str) -> list[tuple[str, int | None, int | None, int | None, str]]:
    return [
        (v.subject, v.killed_min, v.wounded_min, v.killed_max, v.qualifier)
        for c in extract_claims(text, ENTITIES, kinds=CASUALTIES, year=2025)
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials say the air raids have resulted in some 400 deaths among the "
            "Tarsa-based Red Lake rebels.",
            (RLF, 400, None, 400, "approx"),
        ),
        (
            "The shelling caused 40 deaths among RLF fighters, the army said.",
            (RLF, 40, None, 40, "exact"),
        ),
        (
            "The number of RLF fighters killed in the battle has risen to 300, the army said.",
            (RLF, 300, None, 300, "exact"),
        ),
        ("Number of killed Norland soldiers rises to 1,340", (NAV, 1340, None, 1340, "exact")),
        (
            "The number of wounded RLF fighters reached 95 on Sunday.",
            (RLF, None, 95, None, "exact"),
        ),
    ],
)
def test_losses_told_by_a_noun(text: str, expected: tuple[object, ...]) -> None:
    assert losses(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The air raids could result in 400 deaths among the Red Lake rebels.",  # foretold
        "The number of RLF fighters in the town has risen to 300.",  # a strength, not a loss
        "The number of deaths in Norland rose to 300.",  # nobody's side
        "If the number of RLF fighters killed rises to 300, the front will collapse.",
    ],
)
def test_no_loss_without_a_side_a_loss_or_an_event(text: str) -> None:
    assert losses(text) == []


def test_a_state_body_speaks_of_its_own_army() -> None:
    text = (
        "Norland's defence ministry said on Friday that the number of its soldiers killed "
        "since the spring has now climbed to more than 700."
    )
    assert losses(text) == [(NAV, 700, None, None, "at_least")]


def test_a_state_body_speaks_for_its_army_only_when_nobody_else_owns_the_pronoun() -> None:
    text = (
        "The defence ministry of Norland said the number of RLF fighters killed and the "
        "number of its servicemen killed had both risen to 300."
    )
    assert all(side != NAV for side, *_ in losses(text))
    text = "Monitors said the number of its servicemen killed had risen to 300."
    assert losses(text) == []


def test_casualties_that_push_a_death_toll_are_deaths_and_the_toll_a_total() -> None:
    text = (
        "The defence ministry of Norland said on Monday it had counted 25 more casualties "
        "among its military, bringing the death toll to 410."
    )
    assert losses(text) == [(NAV, 25, None, 25, "exact"), (NAV, 410, None, 410, "exact")]
    text = (
        "The defence ministry of Norland said it had counted 25 more casualties among its military."
    )
    assert all(killed != 25 for _, killed, *_ in losses(text))  # casualties: killed or wounded


def test_a_total_that_rises_by_a_number_gives_the_step_and_the_total() -> None:
    text = (
        "Norland's defence ministry said the total number of its soldiers killed in combat "
        "had increased by 18 to more than 700."
    )
    assert losses(text) == [(NAV, 700, None, None, "at_least"), (NAV, 18, None, 18, "exact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Local sources put the number of RLF fighters killed at 75.",
            (RLF, 75, None, 75, "exact"),
        ),
        (
            "Officials estimated the death toll among RLF fighters at about 200.",
            (RLF, 200, None, 200, "approx"),
        ),
    ],
)
def test_a_total_a_source_puts_at_a_number(text: str, expected: tuple[object, ...]) -> None:
    assert losses(text) == [expected]


def test_a_strength_a_source_puts_at_a_number_is_no_loss() -> None:
    assert losses("Analysts put the number of RLF fighters at 5,000.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The defence ministry of Norland said 40 of its soldiers had died in the fighting.",
            [(NAV, 40, None, 40, "exact")],
        ),
        (
            "Norland's defence ministry said at least 12 of its servicemen were killed.",
            [(NAV, 12, None, None, "at_least")],
        ),
        (
            "The defence ministry of Norland said 40 of the RLF's fighters had died.",
            [(RLF, 40, None, 40, "exact")],
        ),
    ],
)
def test_a_part_of_a_side_s_people(text: str, expected: list[tuple[object, ...]]) -> None:
    assert losses(text) == expected


def test_a_part_of_nobody_s_people_is_no_loss() -> None:
    assert losses("Monitors said 40 of the fighters had died in the fighting.") == []
