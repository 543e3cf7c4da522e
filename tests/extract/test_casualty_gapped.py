"""Losses told with the verb gapped ("12 soldiers were killed and over 40 KDF
fighters": the second count shares the first one's verb) and a part of peacekeepers ("more
than 10 of the Varland peacekeepers were killed"). Sentences written for this test, with
invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind

CASUALTIES: tuple[FactKind, ...] = ("casualties",)

KDF = "Kelso Defence Front"
VARLAND = "Varland Armed Forces"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef(VARLAND, "group", ("Varland troops", "Varland peacekeepers")),
    EntityRef("Dorn", "place"),
)


def _losses(text: str) -> set[tuple[str, int | None, int | None, int | None]]:
    """(side, killed_min, killed_max, wounded_min) of every casualty claim of `text`."""
    return {
        (c.value.subject, c.value.killed_min, c.value.killed_max, c.value.wounded_min)
        for c in extract_claims(text, ENTITIES, CASUALTIES, year=2025)
        if isinstance(c.value, Casualties)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She said that 14 police and army personnel were killed and over 52 KDF fighters.",
            (KDF, 52, None, None),
        ),
        ("Nine Varland troops died and about 30 KDF fighters.", (KDF, 30, 30, None)),
        ("Officials said 20 policemen were wounded and 45 KDF fighters.", (KDF, None, None, 45)),
        (
            "Before more than 12 of the Varland peacekeepers near Dorn were killed, the talks "
            "had stalled.",
            (VARLAND, 12, None, None),
        ),
    ],
)
def test_gapped_and_partitive_losses(
    text: str, expected: tuple[str, int | None, int | None, int | None]
) -> None:
    assert expected in _losses(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nine policemen were killed near Dorn and 30 KDF fighters fled to the hills.",
        "Nine policemen were killed near Dorn, and 30 KDF fighters were seen in the town.",
        "Nine policemen were killed near Dorn and the KDF lost no fighters.",
    ],
)
def test_no_gapped_loss(text: str) -> None:
    assert not {loss for loss in _losses(text) if loss[0] == KDF and loss[1] not in (0, None)}


def test_an_aside_before_the_verb_keeps_the_gapped_count() -> None:
    """The word patterns stop at the aside; the parse reads both counts of the one side."""
    text = "Medics said 31 KDF fighters, including two commanders, were killed and 57 wounded."
    assert _losses(text) == {(KDF, 31, 31, 57)}
