"""Counts around losses: a partitive ("up to 150 of some 600 X fighters were killed": the
dead are the part, the whole is how many there were), men who gave themselves up (captured,
never a force), losses that "number" a figure (no force), and a battle box's "Strength" row
(the sides of one battle, not a group's size). Sentences written for this test, with invented
names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind, ForceSize

KINDS: tuple[FactKind, ...] = ("force_size", "casualties")

NLA = "Northern Liberation Army"
VARNO = "Varno Army"
ENTITIES = (
    EntityRef(NLA, "group", ("NLA",)),
    EntityRef(VARNO, "group", ("Varno troops", "Varno soldiers")),
    EntityRef("Kessel Guard", "group", ()),
    EntityRef("Dorn", "place"),
)


def _claims(text: str) -> tuple[list[ForceSize], list[Casualties]]:
    values = [c.value for c in extract_claims(text, ENTITIES, KINDS, year=2020)]
    return (
        [v for v in values if isinstance(v, ForceSize)],
        [v for v in values if isinstance(v, Casualties)],
    )


@pytest.mark.parametrize(
    ("text", "side", "killed", "whole"),
    [
        ("At most 150 of some 600 NLA gunmen died in the shelling.", NLA, (None, 150), 600),
        ("Varno troops killed 12 of the 40 NLA fighters in Dorn.", NLA, (12, 12), 40),
        ("Three of the 30 Varno soldiers died in the ambush.", VARNO, (3, 3), 30),
    ],
)
def test_a_partitive_counts_the_dead_as_the_part(
    text: str, side: str, killed: tuple[int | None, int | None], whole: int
) -> None:
    sizes, losses = _claims(text)
    assert [(v.subject, v.killed_min, v.killed_max) for v in losses] == [(side, *killed)]
    assert whole in {v.max for v in sizes if v.subject == side}
    assert all(whole not in (v.killed_min, v.killed_max) for v in losses)


def test_a_plain_count_of_the_dead_is_no_force() -> None:
    sizes, losses = _claims("About 700 NLA militants were killed in Dorn.")
    assert sizes == [] and [v.killed_min for v in losses] == [700]


@pytest.mark.parametrize(
    ("text", "side", "captured"),
    [
        ("Outside Dorn 1,800 Kessel Guard soldiers gave themselves up.", "Kessel Guard", 1800),
        ("Some 300 NLA fighters gave themselves up to Varno troops on Monday.", NLA, 300),
        ("The NLA said 40 Varno soldiers gave themselves up.", VARNO, 40),
    ],
)
def test_men_who_gave_themselves_up_are_captured(text: str, side: str, captured: int) -> None:
    sizes, losses = _claims(text)
    assert [(v.subject, v.captured_min) for v in losses] == [(side, captured)]
    assert sizes == []


@pytest.mark.parametrize(
    "text",
    [
        "Last week NLA casualties numbered 35 killed and 61 hurt, a medic said.",
        "Varno losses numbered at least 40, the ministry said.",
    ],
)
def test_losses_that_number_a_figure_are_no_force(text: str) -> None:
    assert _claims(text)[0] == []


def test_a_group_that_numbers_a_figure_is_a_force() -> None:
    sizes, _ = _claims("NLA fighters numbered about 2,000, officials said.")
    assert [(v.subject, v.min) for v in sizes] == [(NLA, 2000)]


@pytest.mark.parametrize(
    "text",
    [
        "- Strength1: ~4,000 Varno soldiers and militiamen (2019), Kessel Guard: ~700 soldiers,"
        " 600 observers",
        "| strength2 = 900 NLA fighters and 300 Kessel Guard troops |",
    ],
)
def test_a_battle_box_strength_row_is_no_force_size(text: str) -> None:
    assert _claims(text)[0] == []
