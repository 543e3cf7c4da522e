"""When a control fact holds: a capture in a "when" clause takes the date of the clause it is
set in ("the war began in 2014 when ..."), and a holding told in the past perfect by the
narrator is over ("had been under X control since 2016"), unless somebody's speech shifted
the tense back."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Kastrel", "place", ()),
)
CM = "Coast Militia"


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


@pytest.mark.parametrize(
    "sentence",
    [
        "The civil war began in 2015 when the Coast Militia seized the port of Kastrel.",
        "Kastrel had been under CM control since 2016, when the group took the town from a rival"
        " clan.",
        "The Coast Militia had held Kastrel for a decade before the army arrived.",
        # a year back from the clause it sets the time of
        "A year after the Coast Militia took Kastrel, the group says it still has 3,000 men.",
        "Two years after the CM seized Kastrel, residents say little has changed.",
    ],
)
def test_over_or_long_ago(sentence: str) -> None:
    assert _values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The fighting spread on Monday when the Coast Militia seized Kastrel.",
            [("Kastrel", CM, "captured")],
        ),
        (
            "Kastrel had been under CM control since Monday, a local official said.",
            [("Kastrel", CM, "holds")],
        ),
        ("Kastrel has been under CM control since 2016.", [("Kastrel", CM, "holds")]),
        (
            "The Coast Militia had held Kastrel since March, a UN panel found.",
            [("Kastrel", CM, "holds")],
        ),
        (  # days, not years
            "Two days after the Coast Militia seized Kastrel, the army shelled the port.",
            [("Kastrel", CM, "captured")],
        ),
    ],
)
def test_recent_or_still_so(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Coast Militia took control of Kastrel, which lies on the coast north of the capital,"
        " in 2019, a year before the truce.",
        "The Coast Militia seized Kastrel, in March 2020, and held it for a month.",
    ],
)
def test_a_date_set_off_after_the_clause_dates_it(sentence: str) -> None:
    assert _values(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Coast Militia seized Kastrel, in a dawn raid, the governor's office confirmed.",
        "The Coast Militia took control of Kastrel, which lies on the coast, in 2024.",
    ],
)
def test_a_recent_or_undated_aside_leaves_the_capture(sentence: str) -> None:
    assert _values(sentence) == [("Kastrel", CM, "captured")]
