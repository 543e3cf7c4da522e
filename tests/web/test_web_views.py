"""The pure parts of the web view: ranges drawn for vague amounts, control periods, which
links may be followed, and how a delivery's state is named."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.records import Evidence, Fact, ForceSize, TerritorialControl
from monitor.store.facts import FactRecord
from monitor.store.views import DeliveryLog
from monitor.web.links import safe_link
from monitor.web.timeline import UNATTRIBUTED, control_timelines, estimate, force_size_chart
from monitor.web.views import delivery_state, delivery_when, state_totals

DAY = datetime(2021, 9, 1, 8, 0, tzinfo=UTC)


def record(
    value: ForceSize | TerritorialControl, change: str, days: float, by: str | None = None
) -> FactRecord:
    at = DAY + timedelta(days=days)
    evidence = Evidence("a sentence", "https://news.example/a", "Outlet", at, at, by)
    return FactRecord(Fact(value, evidence), change, None)


@pytest.mark.parametrize(
    ("low", "high", "drawn"),
    [
        (9000, 9000, (9000, 9000)),
        (None, 2500, (0, 2500)),
        (3000, None, (3000, 3000)),
        (200, 999, (200, 999)),
        (None, None, None),
    ],
)
def test_vague_amounts_become_drawable_ranges(
    low: int | None, high: int | None, drawn: tuple[int, int] | None
) -> None:
    assert estimate(low, high) == drawn


def test_force_size_reports_are_grouped_by_claimant_with_one_colour_each() -> None:
    nrf = "National Resistance Front"
    chart = force_size_chart(
        [
            record(ForceSize(nrf, None, 2500, "at_most"), "new", 0, "an officer"),
            record(ForceSize(nrf, 3000, 9999, "range"), "changed", 3),
            record(ForceSize(nrf, 9000, 9000, "approx"), "changed", 5, "an officer"),
        ]
    )
    datasets = chart["datasets"]
    assert isinstance(datasets, list)
    assert [(d["label"], len(d["points"])) for d in datasets] == [
        ("an officer", 2),
        (UNATTRIBUTED, 1),
    ]
    assert datasets[0]["color"] != datasets[1]["color"]


def test_control_periods_start_at_changes_and_same_instant_claims_contest_each_other() -> None:
    place = "Panjshir"
    timelines = control_timelines(
        [
            record(TerritorialControl(place, "Taliban", "surrounded"), "new", 0),
            record(TerritorialControl(place, "Taliban", "surrounded"), "corroborated", 1),
            record(TerritorialControl(place, "Taliban", "claims_captured"), "changed", 4),
            record(TerritorialControl(place, "NRF", "holds"), "changed", 4),
            record(TerritorialControl(place, "NRF", "retaken"), "changed", 8),
        ]
    )
    [timeline] = timelines
    periods = timeline.periods
    assert [len(p.claims) for p in periods] == [2, 2, 1]
    assert [p.contested for p in periods] == [False, True, False]
    assert periods[0].end == periods[1].start and periods[-1].end > periods[-1].start
    assert periods[0].x == 0 and round(sum(p.width for p in periods)) == 1000
    assert timeline.slot(periods[0]) != timeline.slot(periods[2])


@pytest.mark.parametrize(
    ("url", "followed"),
    [
        ("https://news.example/a", True),
        ("http://news.example/a", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("", False),
        (None, False),
    ],
)
def test_only_web_links_are_followed(url: str | None, followed: bool) -> None:
    assert (safe_link(url) is not None) is followed


def delivery(status: str, held: str | None = None) -> DeliveryLog:
    return DeliveryLog(1, "email", status, 1, None, DAY, held, None)


def test_waiting_rows_count_as_held_and_states_come_in_a_fixed_order() -> None:
    assert delivery_state(delivery("pending", "quiet_hours")) == "held"
    assert delivery_state(delivery("digest")) == "held"
    assert delivery_state(delivery("sent", "quiet_hours")) == "sent"
    rows = [("failed", None, 1), ("digest", None, 2), ("pending", "held", 3), ("sent", None, 4)]
    assert state_totals(rows) == {"held": 5, "sent": 4, "failed": 1}
    assert list(state_totals(rows)) == ["held", "sent", "failed"]


def test_the_time_shown_is_when_a_row_went_out_or_will_be_tried() -> None:
    sent = DeliveryLog(1, "email", "sent", 1, DAY, DAY, None, None)
    assert delivery_when(sent) == ("sent", DAY)
    assert delivery_when(delivery("pending", "quiet_hours")) == ("next attempt", DAY)
    assert delivery_when(delivery("digest"))[1] is None
    assert delivery_when(delivery("failed")) == ("", None)
