"""The diff: what counts as new, changed, corroborated, contested or superseded."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from monitor.diff import (
    DEFAULT_SIGNIFICANCE,
    REFERENCE_CHANGES,
    Significance,
    diff_facts,
    same_meaning,
    worth_alert,
)
from monitor.records import (
    Casualties,
    ControlStatus,
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
    quote: str | None = None,
    hedged: bool = False,
) -> Fact:
    when = WHEN + timedelta(days=days)
    said = quote or f"{by or 'Someone'} said {value!r}."
    return Fact(value, Evidence(said, url, "Outlet", when, WHEN, by, hedged))


def side(f: Fact) -> str | None:
    return f.evidence.claimed_by


def kinds(*facts: Fact, significance: Significance = DEFAULT_SIGNIFICANCE) -> list[str]:
    """Each fact in an article of its own, one after the other, as the pipeline keeps them:
    what a key's next report is compared with moves only on a new, changed or contested fact."""
    known: dict[tuple[str, ...], Fact] = {}
    found: list[str] = []
    for one in facts:
        [change] = diff_facts(known, [one], side, significance)
        if change.kind in REFERENCE_CHANGES:
            known[one.key] = one
        found.append(change.kind)
    return found


NRF_2500 = fact(ForceSize("NRF", None, 2500, "at_most"))
NRF_9000 = fact(ForceSize("NRF", 9000, 9000, "approx"), "https://b.example/2", days=1)


def test_unknown_fact_is_new_and_worth_an_alert() -> None:
    [change] = diff_facts({}, [NRF_2500])
    assert change.kind == "new" and worth_alert(change)


def test_other_value_is_a_change_that_remembers_the_old_one() -> None:
    [change] = diff_facts({NRF_2500.key: NRF_2500}, [NRF_9000])
    assert change.kind == "changed" and change.before == NRF_2500 and worth_alert(change)


def test_reports_in_a_row_are_compared_with_the_last_change() -> None:
    assert kinds(NRF_2500, NRF_2500, NRF_9000) == ["new", "corroborated", "changed"]


def test_small_steps_do_not_creep_past_the_threshold() -> None:
    steps = [
        fact(ForceSize("NRF", n, n, "approx"), days=d) for d, n in enumerate((1000, 1080, 1160))
    ]
    assert kinds(*steps) == ["new", "corroborated", "changed"]  # 1,160 is 16% above 1,000


def test_facts_about_different_subjects_do_not_interfere() -> None:
    taliban = fact(ForceSize("Taliban", 5000, 5000, "exact"))
    assert [c.kind for c in diff_facts({NRF_2500.key: NRF_2500}, [taliban])] == ["new"]


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        (ForceSize("N", 9000, 9000, "approx"), ForceSize("N", 9500, 9500, "approx"), True),  # 5.6%
        (ForceSize("N", 9000, 9000, "approx"), ForceSize("N", 10000, 10000, "exact"), False),
        (ForceSize("N", 3000, 9999, "range"), ForceSize("N", 9000, 9000, "approx"), False),
        (ForceSize("N", 3000, 9999, "range"), ForceSize("N", 6000, 7000, "range"), True),
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
    theirs = fact(Casualties("Taliban", 350, 350, qualifier="approx", location="Bazarak"), by="NRF")
    ours = fact(Casualties("Taliban", 20, 20, location="Bazarak"), by="Taliban", days=1)
    update = fact(Casualties("Taliban", 40, 40, location="Bazarak"), by="Taliban", days=2)
    assert kinds(theirs, ours, update) == ["new", "contested", "changed"]


def test_a_late_copy_of_old_news_is_superseded_and_does_not_replace_what_is_known() -> None:
    newer = fact(ForceSize("NRF", 9000, 9000, "approx"), days=5)
    older = fact(ForceSize("NRF", None, 2500, "at_most"), days=1)
    latest = fact(ForceSize("NRF", 9100, 9100, "approx"), days=6)
    assert kinds(newer, older, latest) == ["new", "superseded", "corroborated"]
    [change] = diff_facts({newer.key: newer}, [older])
    assert not worth_alert(change)


def test_being_located_after_a_denial_is_more_news_not_a_contradiction() -> None:
    denied = fact(Leadership("Saleh", None, None, "denied"), by="Saleh")
    located = fact(Leadership("Saleh", None, None, "located"), by="Saleh", days=1)
    assert kinds(denied, located) == ["new", "changed"]


def test_a_denial_after_a_known_whereabouts_says_the_same_and_alerts_nothing() -> None:
    here = fact(Leadership("Saleh", None, None, "located", "Dorvik"), by="NRF")
    denied = fact(Leadership("Saleh", None, None, "denied"), by="NRF", days=1)
    fled = fact(Leadership("Saleh", None, None, "fled"), by="Taliban", days=2)
    assert kinds(here, denied, fled) == ["new", "corroborated", "contested"]


def test_fled_against_located_is_contested_when_two_sides_say_it() -> None:
    fled = fact(Leadership("Saleh", None, None, "fled"), by="Taliban")
    here = fact(Leadership("Saleh", None, None, "located"), by="NRF", days=1)
    unsourced = fact(Leadership("Saleh", None, None, "fled"), days=2)
    assert kinds(fled, here, unsourced) == ["new", "contested", "changed"]


# -- one article, one alert per key, on its final word ---------------------------------------


def article(*facts: Fact) -> list[Fact]:
    """Facts read from one article, in text order: same URL and date, each its own sentence."""
    return [
        Fact(f.value, replace(f.evidence, article_url="https://a.example/story", published=WHEN))
        for f in facts
    ]


def test_an_article_that_flips_a_fate_raises_one_change_on_its_final_word() -> None:
    known = fact(Leadership("Saleh", None, None, "located", "Panjshir"), by="Saleh", days=-3)
    said = article(
        fact(Leadership("Saleh", None, None, "killed"), quote="Reports said he was killed."),
        fact(Leadership("Saleh", None, None, "denied"), by="Saleh", quote="He denied it."),
        fact(Leadership("Saleh", None, None, "fled", "Tajikistan"), by="Taliban", quote="Fled."),
    )
    changes = diff_facts({known.key: known}, said, side)
    alerting = [c for c in changes if worth_alert(c)]
    assert len(alerting) == 1
    [final] = alerting
    assert final.after == said[-1] and final.after.evidence.quote == "Fled."
    assert final.kind == "contested" and final.before == said[1]  # the denial it answers
    assert [c.kind for c in changes[:2]] == ["superseded", "superseded"]  # history, no alert


def test_a_denial_of_a_capture_is_the_article_final_word_wherever_it_stands() -> None:
    known = fact(TerritorialControl("Bazarak", "NRF", "holds"), days=-3)
    denied = fact(TerritorialControl("Bazarak", "NRF", "denies_captured"), by="NRF", quote="No.")
    claimed = fact(
        TerritorialControl("Bazarak", "Taliban", "claims_captured"), by="Taliban", quote="Taken."
    )
    for said in (article(denied, claimed), article(claimed, denied)):
        changes = diff_facts({known.key: known}, said, side)
        [alert] = [c for c in changes if worth_alert(c)]
        assert alert.kind == "contested" and alert.after.value == denied.value
        assert alert.before is not None and alert.before.value == claimed.value


def test_a_person_denial_answers_the_report_before_it_only() -> None:
    """Near miss: a fate reported after a person's denial is the article's final word (the
    test above with a flight after the denial)."""
    said = article(
        fact(Leadership("Saleh", None, None, "denied"), by="Saleh", quote="He denied it."),
        fact(Leadership("Saleh", None, None, "fled", "Tajikistan"), by="Taliban", quote="Fled."),
    )
    alerting = [c for c in diff_facts({}, said, side) if worth_alert(c)]
    assert [c.after.value.status for c in alerting if isinstance(c.after.value, Leadership)] == [
        "fled"
    ]


def test_an_article_compared_with_what_was_known_when_it_contests_nothing_of_its_own() -> None:
    known = fact(ForceSize("NRF", None, 2500, "at_most"), days=-3)
    said = article(
        fact(ForceSize("NRF", 3000, 9999, "range"), quote="Several thousand, says the headline."),
        fact(ForceSize("NRF", 9000, 9000, "approx"), by="spokesman", quote="About 9,000."),
    )
    changes = diff_facts({known.key: known}, said, side)
    assert [c.kind for c in changes] == ["superseded", "changed"]
    assert changes[1].before == known


def test_the_same_sentence_is_never_both_sides_of_a_change() -> None:
    one = "He denied that he had fled and said he was in the valley."
    denied = fact(Leadership("Saleh", None, None, "denied"), by="Saleh", quote=one)
    located = fact(Leadership("Saleh", None, None, "located", "Panjshir"), by="Saleh", quote=one)
    [_, last] = diff_facts({}, article(denied, located), side)
    assert last.kind == "new" and last.before is None
    copy = fact(Leadership("Saleh", None, None, "fled"), quote=one, days=1)
    [again] = diff_facts({located.key: located}, [copy], side)
    assert again.kind == "corroborated"


def test_two_speakers_one_sentence_gives_are_set_against_each_other() -> None:
    one = "The army said 40 KDF fighters were killed, while the KDF said only 12 died."
    theirs = fact(Casualties("KDF", 40, 40, None, None, None, None), by="the army", quote=one)
    ours = fact(Casualties("KDF", 12, 12, None, None, None, None), by="the KDF", quote=one)
    [before, last] = diff_facts({}, article(theirs, ours), side)
    assert before.kind == "superseded"
    assert last.kind == "contested" and last.before is not None
    assert last.before.evidence.claimed_by == "the army"


def test_a_place_given_to_the_known_holder_and_an_ally_at_once_is_no_new_holder() -> None:
    known = fact(TerritorialControl("Bazarak", "Taliban", "captured"), days=-2)
    one = "Bazarak fell to the Taliban and their foreign allies on Sunday."
    said = article(
        fact(TerritorialControl("Bazarak", "Taliban", "captured"), quote=one),
        fact(TerritorialControl("Bazarak", "Allies", "captured"), quote=one),
    )
    changes = diff_facts({known.key: known}, said, side)
    assert [c.kind for c in changes] == ["superseded", "corroborated"]
    alone = article(fact(TerritorialControl("Bazarak", "Allies", "captured"), quote=one))
    assert [c.kind for c in diff_facts({known.key: known}, alone, side)] == ["changed"]


# -- what makes two facts the same fact ------------------------------------------------------


def test_casualties_of_other_incidents_or_a_running_total_are_new_facts_never_changes() -> None:
    here = fact(Casualties("Taliban", 600, 600, location="Bazarak"), by="NRF")
    there = fact(Casualties("Taliban", 23, 23, location="Rukha"), by="NRF", days=1)
    total = fact(Casualties("Taliban", 2000, 2000, scope="cumulative"), by="NRF", days=1)
    same_place = fact(Casualties("Taliban", 800, 800, location="bazarak"), by="NRF", days=2)
    assert kinds(here, there, total, same_place) == ["new", "new", "new", "changed"]


def test_losses_at_one_place_far_apart_in_time_are_two_incidents() -> None:
    first = fact(Casualties("Taliban", 150, 150, location="Bazarak"), by="NRF")
    next_day = fact(Casualties("Taliban", 180, 180, location="Bazarak"), by="NRF", days=1)
    months_on = fact(
        Casualties("Taliban", 100, None, qualifier="at_least", location="Bazarak"), days=90
    )
    assert kinds(first, next_day, months_on) == ["new", "changed", "new"]
    weekly = Significance(incident_days=7)
    assert kinds(first, fact(Casualties("Taliban", 90, 90, location="Bazarak"), days=5)) == [
        "new",
        "new",
    ]
    late = fact(Casualties("Taliban", 90, 90, location="Bazarak"), by="NRF", days=5)
    assert kinds(first, late, significance=weekly) == ["new", "changed"]


def test_an_incident_placed_nowhere_is_the_days_incident() -> None:
    monday = fact(Casualties("Taliban", 40, 40), by="NRF")
    later = fact(Casualties("Taliban", 60, 60), by="NRF", days=1)
    assert monday.key != later.key and monday.key[-1] == "2021-09-01"
    assert kinds(monday, later) == ["new", "new"]


# -- significance ----------------------------------------------------------------------------


def test_the_taker_holding_what_it_took_is_no_contest_the_defender_holding_it_is() -> None:
    taken = fact(TerritorialControl("Bazarak", "Taliban", "captured"), by="Taliban")
    kept = fact(TerritorialControl("Bazarak", "Taliban", "holds"), days=1)
    denied = fact(TerritorialControl("Bazarak", "NRF", "holds"), by="NRF", days=2)
    assert kinds(taken, kept, denied) == ["new", "corroborated", "contested"]


def test_a_capture_after_a_holding_is_a_new_holder_a_holding_after_a_capture_disputes_it() -> None:
    # a capture is an event that moves a place; a holding is a state, and the other side's
    # holding told after a capture denies it
    held = fact(TerritorialControl("Bazarak", "NRF", "holds"))
    taken = fact(TerritorialControl("Bazarak", "Taliban", "captured"), days=1)
    claimed = fact(
        TerritorialControl("Bazarak", "Taliban", "claims_captured"), by="Taliban", days=1
    )
    assert kinds(held, taken) == ["new", "changed"]
    assert kinds(held, claimed) == ["new", "changed"]
    held_later = fact(TerritorialControl("Bazarak", "NRF", "holds"), days=2)
    assert kinds(taken, held_later) == ["new", "contested"]


def test_a_place_held_by_nobody_named_after_a_capture_says_the_capture_again() -> None:
    # "the rebels seized Bazarak", then "Bazarak is now under rebel control" (no group named)
    taken = fact(TerritorialControl("Bazarak", "Taliban", "captured"), by="Taliban")
    held = fact(TerritorialControl("Bazarak", None, "holds"), days=1)
    backed = diff_facts({taken.key: taken}, [held], side, sources={taken.key: 2})
    assert [c.kind for c in backed] == ["corroborated"]
    defender = fact(TerritorialControl("Bazarak", "NRF", "holds"), days=1)
    assert diff_facts({taken.key: taken}, [defender], side)[0].kind == "contested"


def test_a_weak_report_against_a_fact_with_independent_sources_is_contested() -> None:
    held = fact(TerritorialControl("Panjshir", "NRF", "holds"), by="NRF")
    rumour = fact(TerritorialControl("Panjshir", "Taliban", "surrounded"), days=1, hedged=True)
    backed = diff_facts({held.key: held}, [rumour], side, sources={held.key: 2})
    alone = diff_facts({held.key: held}, [rumour], side, sources={held.key: 1})
    assert [backed[0].kind, alone[0].kind] == ["contested", "changed"]


@pytest.mark.parametrize(
    ("before", "after", "holder", "status"),
    [
        (("Taliban", "captured"), ("Taliban", "claims_captured"), True, False),
        (("NRF", "holds"), ("NRF", "denies_captured"), True, False),
        (("Taliban", "surrounded"), ("Taliban", "claims_captured"), False, False),
        (("NRF", "holds"), ("Taliban", "holds"), False, False),
        (("Taliban", "claims_captured"), (None, "captured"), True, False),
        (("Taliban", "captured"), ("Taliban", "holds"), True, False),
        ((None, "captured"), (None, "holds"), True, False),
        ((None, "captured"), ("NRF", "holds"), False, False),
        (("Taliban", "captured"), (None, "holds"), True, False),
        (("Taliban", "captured"), ("NRF", "holds"), False, False),
    ],
)
def test_control_changes_with_the_holder_or_a_claim_against_it(
    before: tuple[str | None, ControlStatus],
    after: tuple[str | None, ControlStatus],
    holder: bool,
    status: bool,
) -> None:
    a, b = TerritorialControl("P", *before), TerritorialControl("P", *after)
    assert same_meaning(a, b, Significance(control="holder")) is holder
    assert same_meaning(a, b, Significance(control="status")) is status


def test_the_percentage_is_the_users() -> None:
    nine, ten = ForceSize("N", 9000, 9000, "approx"), ForceSize("N", 10000, 10000, "approx")
    assert not same_meaning(nine, ten)
    assert same_meaning(nine, ten, Significance(force_size_percent=25))
    few, more = Casualties("T", 100, 100), Casualties("T", 115, 115)
    assert same_meaning(few, more, Significance(casualties_percent=20))


def test_which_facts_about_a_person_are_news_is_the_users() -> None:
    office = fact(Leadership("Saleh", "caretaker president", None, "declared"))
    fate = fact(Leadership("Saleh", None, None, "fled", "Tajikistan"))
    fates_only = Significance(leadership=frozenset({"fate"}))
    [new_office], [new_fate] = diff_facts({}, [office]), diff_facts({}, [fate])
    assert worth_alert(new_office) and not worth_alert(new_office, fates_only)
    assert worth_alert(new_fate, fates_only)
    elsewhere = fact(Leadership("Saleh", None, None, "fled", "Iran"), days=1)
    with_place = Significance(leadership=frozenset({"fate", "place"}))
    assert kinds(fate, elsewhere) == ["new", "corroborated"]
    assert kinds(fate, elsewhere, significance=with_place) == ["new", "changed"]
