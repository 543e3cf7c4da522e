"""Severity of each kind of alert, and which channels a watch's routes send it to."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.alert.compose import article_alert, fact_alert, health_alert, severity_for
from monitor.config import RouteConfig, WatchConfig
from monitor.pipeline.route import channels_for, routed
from monitor.records import (
    Alert,
    AlertKind,
    Casualties,
    Change,
    ChangeKind,
    Entry,
    Evidence,
    Fact,
    FactValue,
    ForceSize,
    HealthChange,
    Leadership,
    TerritorialControl,
)

WHEN = datetime(2021, 9, 6, 9, 0, tzinfo=UTC)
NRF_2500 = ForceSize("National Resistance Front", None, 2500, "at_most")
NRF_9000 = ForceSize("National Resistance Front", 9000, 9000, "approx")
SALEH_PRESIDENT = Leadership("Amrullah Saleh", "caretaker president", None, "declared")
SALEH_FLED = Leadership("Amrullah Saleh", None, None, "fled")
MASSOUD_KILLED = Leadership("Ahmad Massoud", None, None, "killed")
PANJSHIR_HELD = TerritorialControl("Panjshir", "National Resistance Front", "holds")
PANJSHIR_TAKEN = TerritorialControl("Panjshir", "Taliban", "captured")
PANJSHIR_SURROUNDED = TerritorialControl("Panjshir", "Taliban", "surrounded")
DEAD_12 = Casualties("Taliban", killed_min=12, killed_max=12)
DEAD_40 = Casualties("Taliban", killed_min=40, killed_max=40)


def fact(value: FactValue) -> Fact:
    evidence = Evidence(
        "A sentence that says so.", "https://news.example/a", "Example News", WHEN, WHEN
    )
    return Fact(value, evidence)


def change(kind: ChangeKind, after: FactValue, before: FactValue | None = None) -> Alert:
    prior = fact(before) if before is not None else None
    return fact_alert(Change(kind, fact(after), prior), "panjshir", ())


@pytest.mark.parametrize(
    ("alert", "severity"),
    [
        (change("new", NRF_2500), "normal"),
        (change("new", SALEH_PRESIDENT), "normal"),
        (change("new", PANJSHIR_SURROUNDED), "normal"),
        (change("changed", NRF_9000, NRF_2500), "high"),
        (change("changed", DEAD_40, DEAD_12), "high"),
        (change("contested", NRF_9000, NRF_2500), "high"),
        (change("new", SALEH_FLED), "urgent"),
        (change("new", MASSOUD_KILLED), "urgent"),
        (change("new", PANJSHIR_TAKEN), "urgent"),
        (change("changed", PANJSHIR_TAKEN, PANJSHIR_HELD), "urgent"),
        (change("changed", PANJSHIR_HELD, PANJSHIR_TAKEN), "urgent"),  # retaken
    ],
)
def test_fact_alert_severity(alert: Alert, severity: str) -> None:
    assert alert.severity == severity


def test_fact_alerts_carry_their_fact_kind_and_entities() -> None:
    alert = change("changed", PANJSHIR_TAKEN, PANJSHIR_HELD)
    assert alert.fact_kind == "territorial_control"
    assert alert.entities == ("Panjshir", "Taliban")


def test_articles_corroborations_and_health_severity() -> None:
    entry = Entry("wire", "Wire", "g1", "https://w.example/1", "Title", "Summary", "", WHEN)
    article = article_alert(entry, "panjshir", (), "https://w.example/1", 3, ("Panjshir",))
    assert (article.severity, article.entities) == ("low", ("Panjshir",))
    assert severity_for("corroborated") == "low"
    failing = health_alert("wire", "Wire", HealthChange("healthy", "failing", "HTTP 500"), (), "t")
    back = health_alert("wire", "Wire", HealthChange("failing", "healthy", "ok again"), (), "t")
    assert (failing.severity, back.severity) == ("normal", "low")


PHONE = RouteConfig(
    channels=("phone",),
    kinds=("changed", "contested"),
    facts=("leadership", "territorial_control"),
    min_severity="high",
)
SLACK = RouteConfig(channels=("slack",), facts=("force_size",))
DIGEST = RouteConfig(channels=("morning-mail",), kinds=("new_article",))


@pytest.mark.parametrize(
    ("alert", "channels"),
    [
        (change("changed", PANJSHIR_TAKEN, PANJSHIR_HELD), ("email", "phone")),
        (change("new", PANJSHIR_TAKEN), ("email",)),  # urgent but not a change
        (change("changed", NRF_9000, NRF_2500), ("email", "slack")),
        (change("new", NRF_2500), ("email", "slack")),
        (change("new", SALEH_PRESIDENT), ("email",)),
        (change("changed", DEAD_40, DEAD_12), ("email",)),
    ],
)
def test_routes_add_channels_by_kind_fact_and_severity(
    alert: Alert, channels: tuple[str, ...]
) -> None:
    assert channels_for(("email",), (PHONE, SLACK, DIGEST), alert) == channels


def test_a_new_article_is_about_no_fact_so_fact_routes_skip_it() -> None:
    entry = Entry("wire", "Wire", "g1", "https://w.example/1", "Title", "Summary", "", WHEN)
    article = article_alert(entry, "panjshir", (), "https://w.example/1", None)
    assert channels_for((), (PHONE, SLACK, DIGEST), article) == ("morning-mail",)


@pytest.mark.parametrize(
    ("minimum", "kind", "routed_to"),
    [
        ("low", "new_fact", ("x",)),
        ("normal", "new_fact", ("x",)),
        ("high", "new_fact", ()),
        ("high", "changed", ("x",)),
        ("urgent", "changed", ()),
    ],
)
def test_min_severity_is_inclusive(minimum: str, kind: AlertKind, routed_to: tuple[str]) -> None:
    route = RouteConfig.model_validate({"channels": ["x"], "min_severity": minimum})
    alert = change("changed", NRF_9000, NRF_2500) if kind == "changed" else change("new", NRF_2500)
    assert channels_for((), (route,), alert) == routed_to


def test_a_channel_named_twice_gets_the_alert_once_and_order_is_kept() -> None:
    watch = WatchConfig(name="w", terms=("x",), channels=("slack", "email"), routes=(SLACK, PHONE))
    alert = routed(watch, change("changed", NRF_9000, NRF_2500))
    assert alert.channels == ("slack", "email")


def test_a_watch_without_routes_sends_everything_to_its_channels() -> None:
    watch = WatchConfig(name="w", terms=("x",), channels=("email",))
    assert routed(watch, change("new", SALEH_FLED)).channels == ("email",)
    assert routed(WatchConfig(name="w", terms=("x",)), change("new", SALEH_FLED)).channels == ()
