"""A person said to be alive, or a report of a death that a contrary clause denies, is a
denial of the death (`denied`), which the diff weighs against the report. Sentences written
for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Ilse Sato", "person", affiliation="Kelso Defence Front"),
)
LEADERSHIP: tuple[FactKind, ...] = ("leadership",)


def fates(text: str) -> list[tuple[str, str | None]]:
    return [
        (v.status, c.claimed_by)
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership)
    ]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Ilse Sato is alive, a KDF spokesman said.", "a KDF spokesman"),
        ("The KDF insisted Ilse Sato was alive and well.", "the KDF"),
    ],
)
def test_alive_denies_the_death(text: str, who: str) -> None:
    assert fates(text) == [("denied", who)]


def test_a_report_and_the_contrary_clause_that_denies_it_are_both_read() -> None:
    text = "The Northern Army said it had killed Ilse Sato, but the KDF denied the claim."
    assert fates(text) == [("killed", "the Northern Army"), ("denied", "the KDF")]


@pytest.mark.parametrize(
    "text",
    [
        "If Ilse Sato is alive, she will speak on Friday.",
        "It is unclear whether Ilse Sato is alive.",
    ],
)
def test_a_condition_or_a_question_denies_nothing(text: str) -> None:
    assert [f for f in fates(text) if f[0] == "denied"] == []
