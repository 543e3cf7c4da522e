"""Losses told through a verb of saying, believing or seeming: the victims are the subject that
verb lends its complement ("52 fighters were said to be wounded", "appear to have been
killed"), and the report is hedged. Sentences written for this test."""

from __future__ import annotations

import pytest
from kelso_war import losses_read


def losses(text: str) -> list[tuple[str | None, int | None, int | None, bool]]:
    return [(v.subject, v.killed_min, v.wounded_min, c.hedged) for v, c in losses_read(text)]


@pytest.mark.parametrize(
    ("text", "loss"),
    [
        (
            "At least 52 KDF members were said to be wounded in the clash.",
            ("Kelso Defence Front", None, 52),
        ),
        (
            "Some 40 KDF fighters are believed to have died in the strike.",
            ("Kelso Defence Front", 40, None),
        ),
        (
            "About 30 Northern Army soldiers appear to have been killed.",
            ("Northern Army", 30, None),
        ),
        ("Twelve KDF fighters seem to have died near Dorn.", ("Kelso Defence Front", 12, None)),
        ("Twenty Northern Army soldiers are reported to be wounded.", ("Northern Army", None, 20)),
    ],
)
def test_the_lent_subject_is_the_victim_and_the_report_is_hedged(
    text: str, loss: tuple[str, int | None, int | None]
) -> None:
    assert losses(text) == [(*loss, True)]


@pytest.mark.parametrize(
    "text",
    [
        "Fifty KDF fighters are expected to be killed in the assault.",
        "The Northern Army expects 50 soldiers to be wounded.",
        "At least 52 KDF members were not said to be wounded.",
        "Forty KDF fighters want to be wounded in the assault rather than captured.",
    ],
)
def test_what_is_expected_wanted_or_not_said_is_no_loss(text: str) -> None:
    assert losses(text) == []


@pytest.mark.parametrize(
    ("text", "wounded"),
    [
        ("At least 317 KDF members were killed and 125 others sustained injuries.", 125),
        ("Twelve KDF fighters sustained serious injuries in the strike.", 12),
    ],
)
def test_injuries_sustained_are_wounds(text: str, wounded: int) -> None:
    assert [w for _, _, w, _ in losses(text)] == [wounded]
