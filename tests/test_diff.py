"""The diff: what counts as new, changed, corroborated, contested or superseded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.diff import diff_facts, same_meaning, worth_alert
from monitor.records import (
    Casualties,
    Evidence,
    Fact,
    FactValue,
    ForceSize,
    Leadership,
    TerritorialControl,
)

WHEN = datetime(2021, 9, 1, tzinfo=UTC)


def fact(
    value: FactValue,
    url: str = "https://a.example/1",
    *,
    by: str | None = None,
    days: int = 0,
) -> Fact:
    return Fact(value, Evidence("quote", url, "Outlet", WHEN + timedelta(days=days), WHEN, by))


def kinds(*facts: Fact) -> list[str]:
    return [c.kind for c in diff_facts({}, list(facts), side=lambda f: f.evidence.claimed_by)]


NRF_2500 = fact(ForceSize("NRF", None, 2500, "at_most"))
NRF_9000 = fact(ForceSize("NRF", 9000, 9000, "approx"), "https://b.example/2", days=1)


def test_unknown_fact_is_new_and_worth_an_alert() -> None:
    [change] = diff_facts({}, [NRF_2500])
    assert change.kind == "new" and worth_alert(change)


def test_other_value_is_a_change_that_remembers_the_old_one() -> None:
    [change] = diff_facts({NRF_2500.key: NRF_2500}, [NRF_9000])
    assert change.kind == "changed" and change.before == NRF_2500 and worth_alert(change)


def test_facts_in_one_batch_are_compared_with_each_other() -> None:
    assert kinds(NRF_2500, NRF_2500, NRF_9000) == ["new", "corroborated", "changed"]


def test_facts_about_different_subjects_do_not_interfere() -> None:
    taliban = fact(ForceSize("Taliban", 5000, 5000, "exact"))
    assert [c.kind for c in diff_facts({NRF_2500.key: NRF_2500}, [taliban])] == ["new"]


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        (ForceSize("N", 9000, 9000, "approx"), ForceSize("N", 9500, 9500, "approx"), True),  # 5.6%
        (ForceSize("N", 9000, 9000, "approx"), ForceSize("N", 10000, 10000, "exact"), False),
        (ForceSize("N", 3000, 9999, "range"), ForceSize("N", 9000, 9000, "approx"), True),
        (ForceSize("N", 6000, 9000, "range"), ForceSize("N", 2500, None, "at_least"), False),
        (ForceSize("N", None, 2500, "at_most"), ForceSize("N", 2400, 2400, "approx"), True),
        (ForceSize("N", None, 2500, "at_most"), ForceSize("N", 1000, 1000, "approx"), False),
        (ForceSize("N", 3000, None, "at_least"), ForceSize("N", 3100, 3100, "approx"), True),
        (ForceSize("N", 200, 999, "range"), ForceSize("N", 3000, None, "at_least"), False),
        (Casualties("T", 350, 350, qualifier="approx"), Casualties("T", 360, 360), True),
        (Casualties("T", 350, 350), Casualties("T", 350, 350, 40, 40), True),  # more detail
        (Casualties("T", 350, 350, 10, 10), Casualties("T", 350, 350, 40, 40), False),
        (Leadership("S", "caretaker president", None, "declared"),
         Leadership("S", "caretaker president", None, "claimed"), True),
    ],
)  # fmt: skip
def test_numbers_change_only_when_they_move_significantly(
    before: FactValue, after: FactValue, same: bool
) -> None:
    assert same_meaning(before, after) is same


def test_a_denied_capture_is_contested() -> None:
    claimed = fact(TerritorialControl("Panjshir", "Taliban", "claims_captured"), by="Taliban")
    denied = fact(TerritorialControl("Panjshir", "NRF", "denies_captured"), by="NRF", days=1)
    assert kinds(claimed, denied) == ["new", "contested"]


def test_a_denied_flight_is_contested_and_so_is_the_claim_after_the_denial() -> None:
    fled = fact(Leadership("Saleh", None, None, "fled"), by="Taliban")
    denied = fact(Leadership("Saleh", None, None, "denied"), by="Saleh", days=1)
    again = fact(Leadership("Saleh", None, None, "fled"), by="Taliban", days=2)
    assert kinds(fled, denied, again) == ["new", "contested", "contested"]


def test_two_sides_numbers_are_contested_one_sides_update_is_a_change() -> None:
    theirs = fact(Casualties("Taliban", 350, 350, qualifier="approx"), by="NRF")
    ours = fact(Casualties("Taliban", 20, 20), by="Taliban", days=1)
    update = fact(Casualties("Taliban", 40, 40), by="Taliban", days=2)
    assert kinds(theirs, ours, update) == ["new", "contested", "changed"]


def test_a_late_copy_of_old_news_is_superseded_and_does_not_replace_what_is_known() -> None:
    newer = fact(ForceSize("NRF", 9000, 9000, "approx"), days=5)
    older = fact(ForceSize("NRF", None, 2500, "at_most"), days=1)
    latest = fact(ForceSize("NRF", 9100, 9100, "approx"), days=6)
    changes = diff_facts({}, [newer, older, latest])
    assert [c.kind for c in changes] == ["new", "superseded", "corroborated"]
    assert not worth_alert(changes[1])


def test_being_located_after_a_denial_is_more_news_not_a_contradiction() -> None:
    denied = fact(Leadership("Saleh", None, None, "denied"), by="Saleh")
    located = fact(Leadership("Saleh", None, None, "located"), by="Saleh", days=1)
    assert kinds(denied, located) == ["new", "changed"]


def test_fled_against_located_is_contested_when_two_sides_say_it() -> None:
    fled = fact(Leadership("Saleh", None, None, "fled"), by="Taliban")
    here = fact(Leadership("Saleh", None, None, "located"), by="NRF", days=1)
    unsourced = fact(Leadership("Saleh", None, None, "fled"), days=2)
    assert kinds(fled, here, unsourced) == ["new", "contested", "changed"]
