from __future__ import annotations

from datetime import UTC, datetime

from monitor.diff import diff_facts, worth_alert
from monitor.records import Evidence, Fact, FactValue, ForceSize

WHEN = datetime(2021, 9, 1, tzinfo=UTC)


def fact(value: FactValue, url: str = "https://a.example/1") -> Fact:
    return Fact(value, Evidence("quote", url, "Outlet", WHEN, WHEN))


NRF_2500 = fact(ForceSize("NRF", None, 2500, "at_most"))
NRF_9000 = fact(ForceSize("NRF", 9000, 9000, "approx"), "https://b.example/2")


def test_unknown_fact_is_new_and_worth_an_alert() -> None:
    [change] = diff_facts({}, [NRF_2500])
    assert change.kind == "new" and worth_alert(change)


def test_same_value_again_is_corroboration_without_alert() -> None:
    [change] = diff_facts({NRF_2500.key: NRF_2500}, [fact(NRF_2500.value, "https://c.example")])
    assert change.kind == "corroborated" and not worth_alert(change)


def test_other_value_is_a_change_that_remembers_the_old_one() -> None:
    [change] = diff_facts({NRF_2500.key: NRF_2500}, [NRF_9000])
    assert change.kind == "changed" and change.before == NRF_2500 and worth_alert(change)


def test_facts_in_one_batch_are_compared_with_each_other() -> None:
    kinds = [c.kind for c in diff_facts({}, [NRF_2500, NRF_2500, NRF_9000])]
    assert kinds == ["new", "corroborated", "changed"]


def test_facts_about_different_subjects_do_not_interfere() -> None:
    taliban = fact(ForceSize("Taliban", 5000, 5000, "exact"))
    assert [c.kind for c in diff_facts({NRF_2500.key: NRF_2500}, [taliban])] == ["new"]
