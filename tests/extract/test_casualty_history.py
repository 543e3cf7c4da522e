"""Casualty counts and the era they belong to: "during the ... war" is history, unless the
losses are told in the present perfect, which reaches the present (the current war's running
total). Sentences invented."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind

CASUALTIES: tuple[FactKind, ...] = ("casualties",)

ENTITIES = (
    EntityRef("Red Lake Front", "group", ("RLF",)),
    EntityRef("Northern Army", "group", ("northern troops",)),
)


def killed(text: str) -> list[tuple[str, int | None]]:
    return [
        (v.subject, v.killed_min)
        for c in extract_claims(text, ENTITIES, kinds=CASUALTIES, year=2025)
        if isinstance(v := c.value, Casualties)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said at least 95 RLF fighters have been killed during the invasion of Tarsa.",
        "The RLF has lost 300 men during the current offensive, its commander said.",
    ],
)
def test_losses_in_the_present_perfect_belong_to_the_current_war(text: str) -> None:
    assert killed(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 95 RLF fighters were killed during the Soviet invasion.",
        "About 95 RLF fighters had been killed during the civil war, a historian wrote.",
        "Officials said 95 RLF fighters were killed during the invasion of Tarsa.",
    ],
)
def test_losses_of_a_war_told_in_the_past_are_history(text: str) -> None:
    assert killed(text) == []
