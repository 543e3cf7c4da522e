"""Numbers that count no people: the number in a formation's name ("45 Commando took the
ridge"), a year before a noun of its own ("the 2011 invasion of X"), and a number before a
group's name that ends in a noun of things ("14 X tanks"). Fresh troops are troops all the same
("500 new X troops were moved to Y"). Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.extract.language.numbers import find_amounts
from monitor.records import Casualties, EntityRef, FactKind, ForceSize

KINDS: tuple[FactKind, ...] = ("force_size", "casualties")

NLA = "Northern Liberation Army"
VARNO = "Varno Army"
ENTITIES = (
    EntityRef(NLA, "group", ("NLA",)),
    EntityRef(VARNO, "group", ("Varno troops", "Varno soldiers", "Varno tanks", "Varnia")),
    EntityRef("Dorn", "place"),
)


def _figures(text: str) -> set[int | None]:
    found: set[int | None] = set()
    for c in extract_claims(text, ENTITIES, KINDS, year=2020):
        if isinstance(c.value, ForceSize):
            found |= {c.value.min, c.value.max}
        elif isinstance(c.value, Casualties):
            found |= {c.value.killed_min, c.value.captured_min, c.value.captured_max}
    return found - {None}


def _sizes(text: str) -> list[tuple[str, int | None, int | None]]:
    return [
        (c.value.subject, c.value.min, c.value.max)
        for c in extract_claims(text, ENTITIES, KINDS, year=2020)
        if isinstance(c.value, ForceSize)
    ]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Later, 45 Commando took the ridge above Dorn from Varno troops.", 45),
        ("At dawn 3 Para pushed the NLA out of Dorn.", 3),
        ("The 16 Air Assault Brigade relieved Varno troops near Dorn.", 16),
        ("Varno troops faced 7 Regiment of the NLA outside Dorn.", 7),
    ],
)
def test_the_number_of_a_formations_name_is_no_count(text: str, figure: int) -> None:
    assert figure not in _figures(text)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("45 Commando took the hill.", []),
        ("3 Commando Brigade landed.", []),
        ("Some 500 Dorn Regiment fighters held the bridge.", [500]),
        ("The NLA has 40 commandos in Dorn.", [40]),
        ("Three Battalion commanders were seen.", [3]),  # a word number is a count
    ],
)
def test_amounts_leave_out_formation_names(text: str, figures: list[int]) -> None:
    assert [a.min for a in find_amounts(text)] == figures


@pytest.mark.parametrize(
    "text",
    [
        "The siege of Dorn ran from 2 May to 9 June 2011 and was the first battle of the 2011"
        " invasion of Varnia.",
        "The 1999 uprising of the NLA began in Dorn.",
        "Some 40 percent of the NLA fought in Dorn.",
    ],
)
def test_a_number_of_a_noun_before_of_counts_that_noun(text: str) -> None:
    assert _sizes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The NLA destroyed 14 Varno tanks near Dorn.",
        "The NLA captured 14 Varno tanks near Dorn.",
        "Nine Varno tanks were destroyed on the road to Dorn.",
    ],
)
def test_a_groups_name_ending_in_things_counts_things(text: str) -> None:
    assert _figures(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 2,000 of the NLA were in Dorn on Sunday.", (NLA, 2000, 2000)),
        ("The NLA captured 14 Varno soldiers near Dorn.", None),
        ("1,500 Varno troops were in Dorn on Monday.", (VARNO, 1500, 1500)),
    ],
)
def test_counts_of_people_stay(text: str, expected: tuple[str, int, int] | None) -> None:
    sizes = _sizes(text)
    assert sizes == ([expected] if expected else [])
    if expected is None:
        assert 14 in _figures(text)  # the captured soldiers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Radio reports told of 500 new NLA fighters sent to Dorn this week.", (NLA, 500)),
        ("2,000 fresh Varno troops arrived in Dorn on Friday.", (VARNO, 2000)),
        ("The NLA sent 1,200 fresh fighters to Dorn.", (NLA, 1200)),
    ],
)
def test_fresh_troops_are_a_force(text: str, expected: tuple[str, int]) -> None:
    name, figure = expected
    assert (name, figure, figure) in _sizes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The NLA sent 300 more fighters to Dorn.",
        "The NLA said it had recruited 3,500 new fighters this year, bringing its strength to"
        " about 9,000.",
    ],
)
def test_increments_are_no_size(text: str) -> None:
    assert all(figure not in (300, 3500) for _, figure, _ in _sizes(text))
