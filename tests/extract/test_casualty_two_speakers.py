"""Two speakers who give one side's losses differently in one sentence make two claims,
each with its speaker ("the army said 40 X fighters were killed, while X said only 12 of its
fighters died"), and "its" in what a speaker says is the speaker's, whatever was named
before the speaker. Sentences written for this test."""

from __future__ import annotations

import pytest
from kelso_war import losses_read


def told(text: str) -> list[tuple[str | None, int | None, str | None]]:
    return [(v.subject, v.killed_min, c.claimed_by) for v, c in losses_read(text)]


def test_each_speakers_count_is_its_own_claim() -> None:
    text = (
        "The Northern Army said 40 KDF fighters were killed, while the KDF said only 12 of "
        "its fighters died."
    )
    assert told(text) == [
        ("Kelso Defence Front", 40, "the Northern Army"),
        ("Kelso Defence Front", 12, "the KDF"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "After the KDF attack, the Northern Army said 40 of its soldiers died.",
        "The KDF attacked Dorn, and the Northern Army said 40 of its soldiers died.",
    ],
)
def test_its_is_the_speakers_when_nobody_else_is_named_in_what_is_said(text: str) -> None:
    assert told(text) == [("Northern Army", 40, "the Northern Army")]


def test_one_speakers_counts_of_one_side_stay_one_claim() -> None:
    text = "The Northern Army said 40 KDF fighters were killed and 12 wounded in Dorn."
    assert told(text) == [("Kelso Defence Front", 40, "the Northern Army")]


def test_a_count_is_claimed_by_the_speaker_of_its_own_clause() -> None:
    text = (
        "The Northern Army said 40 KDF fighters were killed, while the KDF said it had killed "
        "30 Northern Army soldiers."
    )
    assert told(text) == [
        ("Kelso Defence Front", 40, "the Northern Army"),
        ("Northern Army", 30, "the KDF"),
    ]


def test_a_long_according_to_source_still_claims_the_count() -> None:
    text = (
        "The KDF lost some 1,500 men in the first month, according to an internal report "
        "seen by two newspapers in the capital."
    )
    [(_, _, source)] = told(text)
    assert source is not None and source.startswith("an internal report")
