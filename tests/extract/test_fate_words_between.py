"""A fate on the parse: a person killed (as the passive's subject) or who died is read
whatever stands between the name and its verb ("General Brel on Monday was killed"); the
bodyguard of a person is not the person, and a death told as a condition ("if General Brel is
killed") is none."""

from __future__ import annotations

import pytest
from control_facts import VARNO_WAR
from leadership_facts import leadership_read

from monitor.records import Leadership

BREL = "Tomas Brel"
KILLED = {Leadership(BREL, None, None, "killed")}


@pytest.mark.parametrize(
    "text",
    [
        "General Brel on Monday was killed in an ambush near Varno.",
        "General Brel early on Sunday died in a hospital in Varno.",
        "The NLA said General Brel, who led the defence of Kastrel for a year, was killed.",
    ],
)
def test_a_death_is_read_across_the_words_before_its_verb(text: str) -> None:
    assert leadership_read(text, VARNO_WAR) == KILLED


@pytest.mark.parametrize(
    "text",
    [
        "General Brel's bodyguard on Monday was killed near Varno.",
        "If General Brel is killed, the southern forces will fall back to Kastrel.",
    ],
)
def test_no_death_of_his_own(text: str) -> None:
    assert leadership_read(text, VARNO_WAR) == set()


@pytest.mark.parametrize(
    "text",
    [
        "General Brel, whose whereabouts are unknown, is believed to have fled to Kastrel.",
        "General Brel, who had held Varno for a year, fled to Kastrel on Monday.",
    ],
)
def test_a_flight_is_read_across_the_words_before_its_verb(text: str) -> None:
    assert {(v.subject, v.status, v.location) for v in leadership_read(text, VARNO_WAR)} == {
        (BREL, "fled", "Kastrel")
    }


def test_the_flight_of_his_guards_is_not_his() -> None:
    assert leadership_read("General Brel's guards fled to Kastrel on Monday.", VARNO_WAR) == set()
