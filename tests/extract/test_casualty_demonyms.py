"""A side's losses named by its nationality adjective once the side is in view ("the Varnian
casualties stand at 40 killed"), and a losses noun that reaches its verb past a relative aside
("losses in the campaign, which began in March, total 12 dead"). Sentences written for this
test, invented names."""

from __future__ import annotations

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
        # no group in view
        "The Varnian casualties stand at 40 killed.",
        # an adjective that only opens a proper name
        "The CDC patrolled Dorn on Friday. Civilian casualties stand at 40 killed.",
    ],
)
def test_an_adjective_of_no_single_side_in_view_is_nobody(text: str) -> None:
    assert losses(text) == []
