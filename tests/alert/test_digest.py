"""A digest groups held alerts by story, then entity, with counts, titles and links."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.alert.digest import DigestItem, compose_digest, digest_key
from monitor.alert.policy import RateLimit
from monitor.records import Alert, Quote, Severity

END = datetime(2021, 9, 6, 9, 15, tzinfo=UTC)


def item(
    n: int,
    title: str,
    entity: str | None,
    story: str | None,
    *,
    severity: Severity = "normal",
    held: str = "digest",
) -> DigestItem:
    alert = Alert(
        kind="new_fact",
        watch="panjshir",
        title=title,
        body="",
        channels=("email",),
        evidence=(Quote("quote", f"https://news.example/{n}", "Example News"),),
        severity=severity,
        entities=(entity,) if entity else (),
    )
    return DigestItem(n, alert, story, held)


ITEMS = [
    item(1, "Force size: NRF ~9,000 fighters", "National Resistance Front", "Valley holds out"),
    item(2, "Leadership: Saleh declared president", "Amrullah Saleh", "Saleh's claim"),
    item(3, "Force size: NRF ≥6,000 fighters", "National Resistance Front", "Valley holds out"),
    item(4, "Feed wire is failing", None, None, severity="low"),
    item(5, "Control: Panjshir captured", "Panjshir", "Valley holds out", severity="urgent"),
]


def test_digest_groups_by_story_then_entity_with_counts_titles_and_links() -> None:
    digest = compose_digest("email", END, ITEMS, None)
    assert digest.body.splitlines() == [
        "5 alerts for email, up to 2021-09-06 09:15 UTC.",
        "",
        "Story: Valley holds out — 3 alerts",
        "  National Resistance Front — 2 alerts",
        "    - [new_fact] Force size: NRF ~9,000 fighters — Example News <https://news.example/1>",
        "    - [new_fact] Force size: NRF ≥6,000 fighters — Example News <https://news.example/3>",
        "  Panjshir — 1 alert",
        "    - [new_fact] Control: Panjshir captured — Example News <https://news.example/5>",
        "",
        "Story: Saleh's claim — 1 alert",
        "  Amrullah Saleh — 1 alert",
        "    - [new_fact] Leadership: Saleh declared president — Example News"
        " <https://news.example/2>",
        "",
        "Other alerts — 1 alert",
        "  General — 1 alert",
        "    - [new_fact] Feed wire is failing — Example News <https://news.example/4>",
    ]
    assert digest.title == "Digest: 5 alerts about 3 stories"
    assert (digest.kind, digest.channels, digest.severity) == ("digest", ("email",), "urgent")
    assert digest.entities == ("National Resistance Front", "Amrullah Saleh", "Panjshir")


def test_digest_says_how_many_alerts_came_over_the_rate_limit() -> None:
    items = [
        item(n, f"Alert {n}", "Panjshir", "Story", held="rate limit" if n > 1 else "digest")
        for n in range(1, 9)
    ]
    digest = compose_digest("phone", END, items, RateLimit(3, timedelta(hours=1)))
    assert digest.title == "Digest: 8 alerts about 1 story (7 over the rate limit)"
    assert digest.body.splitlines()[1] == (
        "7 more alerts over the rate limit (3 per hour) included below."
    )
    assert digest.body.count("    - [new_fact] Alert ") == 8  # listed, not dropped


def test_the_digest_key_is_the_channel_and_the_window() -> None:
    assert compose_digest("email", END, ITEMS, None).dedup_key == digest_key("email", END)
    keys = {
        digest_key("email", END),
        digest_key("phone", END),
        digest_key("email", END + timedelta(minutes=15)),
    }
    assert len(keys) == 3


def test_an_empty_digest_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="at least one alert"):
        compose_digest("email", END, [], None)
