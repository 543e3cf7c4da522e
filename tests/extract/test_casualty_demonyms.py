"""A side's losses named by its nationality adjective, the side in view or the only one
configured by that nationality ("the Varnian casualties stand at 40 killed", "300 Ossan dead",
"took 400 Ossan prisoners"), and a losses noun that reaches its verb past a relative aside
("losses in the campaign, which began in March, total 12 dead"). Sentences written for this
test, invented names."""

from __future__ import annotations

from dataclasses import replace

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef

ENTITIES = (
    EntityRef("Varnian intruders", "group", ("intruders", "Varnian infiltrators")),
    EntityRef("Varnian Army", "group", ("Varnian army", "Varnian troops")),
    EntityRef("Ossan Army", "group", ("Ossan troops", "Ossan army")),
    EntityRef("Civilian Defence Corps", "group", ("CDC",)),
    EntityRef("Dorn", "place", ()),
)


def losses(text: str) -> list[Casualties]:
    found = extract_claims(text, ENTITIES, ["casualties"], year=2025)
    return [c.value for c in found if isinstance(c.value, Casualties)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Varnian intruders crossed the ridge above Dorn on Monday. The Varnian casualties"
            " stand at 40 killed.",
            Casualties("Varnian intruders", 40, 40, None, None, None, None, "exact"),
        ),
        (
            "Ossan troops shelled the pass near Dorn. So far Ossan losses in the campaign,"
            " which began in March, total 12 dead and 30 wounded.",
            Casualties("Ossan Army", 12, 12, 30, 30, None, None, "exact", scope="cumulative"),
        ),
        (
            "Ossan Army losses in the valley, which the army entered in May, stood at 9 dead.",
            Casualties("Ossan Army", 9, 9, None, None, None, None, "exact"),
        ),
    ],
)
def test_a_sides_losses_by_its_adjective_or_past_an_aside(text: str, expected: Casualties) -> None:
    assert losses(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # two groups in view open with the adjective: whose losses is unknown
        "Varnian troops and Varnian intruders clashed near Dorn. The Varnian casualties stand"
        " at 40 killed.",
        # no group in view, and two configured groups open with the adjective
        "The Varnian casualties stand at 40 killed.",
        "Dorn hospital treated 30 Varnian wounded on Sunday.",
        # an adjective that only opens a proper name
        "The CDC patrolled Dorn on Friday. Civilian casualties stand at 40 killed.",
    ],
)
def test_an_adjective_of_no_single_side_in_view_is_nobody(text: str) -> None:
    assert losses(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A reporter counted at least 300 Ossan dead along the front near Dorn.",
            Casualties("Ossan Army", 300, None, None, None, None, None, "at_least"),
        ),
        (
            "Varnian troops took 400 Ossan prisoners near Dorn.",
            Casualties("Ossan Army", None, None, None, None, 400, 400, "exact"),
        ),
        (
            "Hospitals in Dorn treated 25 Ossan wounded overnight.",
            Casualties("Ossan Army", None, None, 25, 25, None, None, "exact"),
        ),
    ],
)
def test_the_dead_prisoners_and_wounded_of_the_one_side_of_a_nationality(
    text: str, expected: Casualties
) -> None:
    assert [replace(c, location=None) for c in losses(text)] == [expected]
