"""History is not news: a fate or office told about another era yields no leadership fact, and
news told beside history keeps its fact."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.extract.language.history import DATED_YEAR, long_before, years_in
from monitor.records import EntityRef, Leadership

ENTITIES = (
    EntityRef("Lakeside Defence Brigades", "group", ("the brigades",)),
    EntityRef("Orhan Saidi", "person", ()),
    EntityRef("Karim Saidi", "person", ()),
)
BRIGADES, FATHER, SON = "Lakeside Defence Brigades", "Orhan Saidi", "Karim Saidi"


def _facts(text: str, year: int = 2021) -> set[Leadership]:
    claims = extract_claims(text, ENTITIES, ["leadership"], year=year)
    return {c.value for c in claims if isinstance(c.value, Leadership)}


HISTORY = [
    "He was 12 when his father, Orhan Saidi, was killed by rebels in 2001.",
    "Thursday marks 20 years since Orhan Saidi was killed by two gunmen posing as journalists.",
    "Ten years after Orhan Saidi was killed, the valley is quiet.",
    "Orhan Saidi was killed in May 2019 in an ambush near the pass.",
    "Orhan Saidi, who was killed in 2001, founded the brigades.",
    "Crowds gathered on the anniversary of the death of Orhan Saidi.",
    "The late Orhan Saidi was appointed commander of the brigades.",
    "His late father, Orhan Saidi, was killed by a suicide bomber.",
    "Orhan Saidi was killed during the Soviet occupation.",
    "Orhan Saidi, who was killed two days before the September 11 attacks, is still revered.",
    "Orhan Saidi was appointed commander of the brigades in June 2015.",
]


@pytest.mark.parametrize("text", HISTORY)
def test_a_fate_or_office_of_another_era_is_no_fact(text: str) -> None:
    assert _facts(text) == set()


# The same facts told as news: proof that the history above is what removes them.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Orhan Saidi was killed by rebels on Monday.", Leadership(FATHER, None, None, "killed")),
        ("Officials confirmed the death of Orhan Saidi.", Leadership(FATHER, None, None, "killed")),
        (
            "Orhan Saidi was appointed commander of the brigades on Sunday.",
            Leadership(FATHER, "commander", BRIGADES, "appointed"),
        ),
    ],
)
def test_the_same_fate_told_as_news_is_a_fact(text: str, fact: Leadership) -> None:
    assert fact in _facts(text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        # A fate this week beside a sentence about 2001.
        (
            "Karim Saidi was killed in an ambush on Monday. "
            "His father was killed by rebels in 2001.",
            Leadership(SON, None, None, "killed"),
        ),
        # "the late" describes the father; the son's appointment is news.
        (
            "The late commander's son, Karim Saidi, was named commander of the brigades.",
            Leadership(SON, "commander", BRIGADES, "appointed"),
        ),
        # The anniversary follows the son's death: it dates the father's, not his.
        (
            "Karim Saidi was killed on Monday, 20 years after his father.",
            Leadership(SON, None, None, "killed"),
        ),
        # A past event with a current date beside it.
        (
            "Karim Saidi was killed on Monday, a day after the September 11 attacks were mourned.",
            Leadership(SON, None, None, "killed"),
        ),
        # History in a clause about the person, not in the clause of the fate.
        (
            "Karim Saidi, who fought in the 1990s, was killed on Monday.",
            Leadership(SON, None, None, "killed"),
        ),
        (
            "In the late afternoon, Karim Saidi was killed by a drone.",
            Leadership(SON, None, None, "killed"),
        ),
        # An office held since a past year is held today; last year is still news.
        (
            "Karim Saidi has led the brigades since 2014.",
            Leadership(SON, "leader", BRIGADES, "claimed"),
        ),
        ("Karim Saidi was killed in 2020.", Leadership(SON, None, None, "killed")),
    ],
)
def test_news_beside_history_keeps_its_fact(text: str, fact: Leadership) -> None:
    assert fact in _facts(text)


def test_a_year_is_history_two_years_back() -> None:
    years = years_in("It began in May 2019 and ended by early 2020.", DATED_YEAR)
    assert years == [2019, 2020]
    assert long_before(years, 2021) and not long_before([2020], 2021)
