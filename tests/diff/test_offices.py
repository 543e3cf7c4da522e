"""One office in other words is one fact; another office, or the same one told with other
details that clash, is news. Roles written for the test, in the shapes reporting uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.diff import REFERENCE_CHANGES, diff_facts
from monitor.offices import office_key, same_office
from monitor.records import Casualties, Evidence, Fact, FactValue, Leadership

WHEN = datetime(2024, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("military governor", "governor"),
        ("Governor", "governor of Lake Province"),
        ("rebel leader", "head"),
        ("army chief", "leader"),
        ("the group's leader", "leader"),
        ("self-declared president", "President"),
        ("Commander-in-Chief", "commander in chief"),
        ("Secretary-General", "secretary general"),
        ("foreign minister", "defence minister"),  # one key: the diff tells them apart
    ],
)
def test_words_that_describe_an_office_fold_into_one_key(first: str, second: str) -> None:
    assert office_key(first) == office_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("leader", "deputy leader"),
        ("president", "vice president"),
        ("vice president", "first vice president"),
        ("minister", "prime minister"),
        ("prime minister", "acting prime minister"),
        ("head of state", "head"),
        ("chief of staff", "chief"),
        ("governor", "commander"),
    ],
)
def test_a_rank_or_a_compound_makes_another_office(first: str, second: str) -> None:
    assert office_key(first) != office_key(second)


def test_a_role_that_adds_words_is_the_same_office_one_that_swaps_them_is_not() -> None:
    assert same_office("military governor", "governor")
    assert same_office("governor", "governor of Lake Province")
    assert not same_office("foreign minister", "defence minister")
    assert same_office(None, "defence minister")


def fact(value: FactValue, days: int, by: str | None = "a spokesman") -> Fact:
    when = WHEN + timedelta(days=days)
    evidence = Evidence(
        f"Report of day {days}.", f"https://wire.example/{days}", "Wire", when, when, by
    )
    return Fact(value, evidence)


def changes(*facts: Fact) -> list[str]:
    """Each fact in an article of its own, in order, as the pipeline compares them."""
    known: dict[tuple[str, ...], Fact] = {}
    found: list[str] = []
    for one in facts:
        [change] = diff_facts(known, [one], lambda f: f.evidence.claimed_by)
        if change.kind in REFERENCE_CHANGES:
            known[one.key] = one
        found.append(change.kind)
    return found


def office(role: str, days: int) -> Fact:
    return fact(Leadership("Amani Kito", role, "Lake Province", "appointed"), days)


def test_the_same_office_named_more_precisely_later_is_no_news() -> None:
    assert changes(office("governor", 0), office("military governor", 1)) == [
        "new",
        "corroborated",
    ]


def test_a_minister_moved_to_another_ministry_is_a_change() -> None:
    assert changes(office("foreign minister", 0), office("defence minister", 3)) == [
        "new",
        "changed",
    ]


def total(killed: int, days: int) -> Fact:
    value = Casualties("civilians", killed, killed, scope="cumulative")
    return fact(value, days, by="the health ministry")


def market_attack(killed: int, days: int) -> Fact:
    value = Casualties("civilians", killed, killed, location="Tala market", scope="incident")
    return fact(value, days, by="the health ministry")


def test_a_running_total_below_the_known_one_is_old_news() -> None:
    """An undated report read after a later one: a death toll does not fall."""
    assert changes(total(1200, 0), total(1500, 2), total(900, 3)) == [
        "new",
        "changed",
        "superseded",
    ]


def test_an_incident_revised_down_is_still_a_change() -> None:
    assert changes(market_attack(40, 0), market_attack(25, 1)) == ["new", "changed"]
