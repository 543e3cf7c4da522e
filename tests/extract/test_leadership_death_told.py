"""A death told without a verb of killing over the person (monitor/extract/leadership/frames.py):
by its noun ("confirmed X's death", "announced the killing of its commander X") or by a
finding ("X was confirmed dead", "was found dead", "was reported killed"). Only reported or
believed, the death is hedged; a noun under a negated, modal or denying verb tells none.
Every sentence was written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Claim, EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)
ENTITIES = (
    EntityRef("Kastrel Defence Force", "group", ("KDF",)),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Dorn", "place"),
)


def _deaths(text: str) -> list[tuple[str, str | None, bool]]:
    """(who died, who says so, hedged) of each death read."""
    claims: list[Claim] = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return [
        (c.value.subject, c.claimed_by, c.hedged)
        for c in claims
        if isinstance(c.value, Leadership) and c.value.status == "killed"
    ]


@pytest.mark.parametrize(
    ("text", "teller"),
    [
        ("The KDF confirmed Lina Vard's death on Tuesday.", "The KDF"),
        ("Vard's death was confirmed by the KDF late on Monday.", "the KDF"),
        ("The KDF announced the killing of its founder Lina Vard in Dorn.", "The KDF"),
        ("Lina Vard was confirmed dead by the KDF after the raid.", "the KDF"),
        ("Lina Vard was found dead in a house in Dorn, police said.", "police"),
    ],
)
def test_a_death_told_by_its_noun_or_found_is_a_death(text: str, teller: str) -> None:
    assert _deaths(text) == [("Lina Vard", teller, False)]


@pytest.mark.parametrize(
    "text",
    [
        "Lina Vard was reported killed in the shelling of Dorn.",
        "Lina Vard is believed dead after the strike on Dorn.",
    ],
)
def test_a_death_only_reported_or_believed_is_hedged(text: str) -> None:
    assert [(who, hedged) for who, _, hedged in _deaths(text)] == [("Lina Vard", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Vard's death would be a heavy blow to the KDF.",
        "The KDF denied Lina Vard's death.",
        "Vard's death has not been confirmed by the KDF.",
        "Lina Vard was not found dead, the KDF said.",
        "The KDF still mourns the death of Lina Vard in 2009.",
        "Dorn has been calm since the killing of Lina Vard.",
        "Thousands marched in Dorn on the anniversary of Vard's assassination.",
    ],
)
def test_a_death_negated_foretold_denied_or_long_past_is_none(text: str) -> None:
    assert _deaths(text) == []
