"""Sample alerts, one of each kind, about the Panjshir story: what `monitor notify-test` sends,
and what every template is tried on when it is loaded (so a template that fails on some kind of
alert is caught at start, not when that kind first fires).

The outlets and addresses are made up (example.org and friends): a sample must never pass for a
real report.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from monitor.alert.digest import DigestItem, compose_digest
from monitor.alert.policy import RateLimit
from monitor.records import (
    Alert,
    Change,
    Evidence,
    Fact,
    FactValue,
    ForceSize,
    Leadership,
    Quote,
    TerritorialControl,
)

_WATCH = "panjshir"
_NRF = "National Resistance Front"
_WIRE = "https://news.example.org/asia/panjshir-nrf-strength"
_HERALD = "https://herald.example.net/2021/09/valley-defenders"
_DARI = "https://dari.example.com/fa/panjshir/1400/06/fighting"
_SEEN = datetime(2021, 9, 4, 6, 0, tzinfo=UTC)


def _fact(value: FactValue, quote: Quote, by: str | None, days_ago: int = 0) -> Fact:
    """A fact read from one of the sample quotes (a webhook's `before` or `after`)."""
    when = _SEEN - timedelta(days=days_ago)
    return Fact(value, Evidence(quote.text, quote.url, quote.outlet, when, when, by))


CHANGED = Alert(
    kind="changed",
    watch=_WATCH,
    title=f"Force size changed: {_NRF} ~9,000 fighters (was ≤2,500)",
    body=f"{_NRF}: about 9,000 fighters, according to an NRF spokesman via Kabul Wire.",
    channels=(),
    evidence=(
        Quote(
            "A spokesman for the front told reporters that close to 9,000 fighters had now "
            "gathered in the valley.",
            _WIRE,
            "Kabul Wire",
        ),
        Quote(
            "Local elders put the number of armed men at no more than 2,500.",
            _HERALD,
            "Hindu Kush Herald",
        ),
    ),
    before=f"{_NRF}: at most 2,500 fighters — Hindu Kush Herald",
    after=f"{_NRF}: about 9,000 fighters — NRF spokesman via Kabul Wire",
    severity="high",
    fact_kind="force_size",
    entities=(_NRF, "Panjshir"),
)

NEW_FACT = Alert(
    kind="new_fact",
    watch=_WATCH,
    title="Leadership: Amrullah Saleh declared caretaker president of Afghanistan",
    body=(
        "Amrullah Saleh: declared caretaker president of Afghanistan, according to "
        "Amrullah Saleh via Valley Dispatch."
    ),
    channels=(),
    evidence=(
        Quote(
            "In a message to supporters, Saleh said that under the constitution he was now "
            "the caretaker president.",
            "https://dispatch.example.com/saleh-caretaker",
            "Valley Dispatch",
        ),
    ),
    after="Amrullah Saleh: declared caretaker president of Afghanistan — "
    "Amrullah Saleh via Valley Dispatch",
    severity="urgent",
    fact_kind="leadership",
    entities=("Amrullah Saleh",),
)

CONTESTED = Alert(
    kind="contested",
    watch=_WATCH,
    title="Control contested: Bazarak captured (Taliban) (against holds)",
    body=(
        "Bazarak: captured (Taliban), according to a Taliban spokesman via Kabul Wire. "
        "This contradicts holds, according to an NRF commander via Hindu Kush Herald."
    ),
    channels=(),
    evidence=(
        Quote(
            "A Taliban spokesman said their units had entered Bazarak and raised their flag "
            "over the governor's office.",
            "https://news.example.org/asia/bazarak-claim",
            "Kabul Wire",
        ),
        Quote(
            "An NRF commander reached by phone denied that the provincial capital had fallen.",
            "https://herald.example.net/2021/09/bazarak-denial",
            "Hindu Kush Herald",
        ),
    ),
    before="Bazarak: holds (National Resistance Front) — NRF commander via Hindu Kush Herald",
    after="Bazarak: captured (Taliban) — Taliban spokesman via Kabul Wire",
    severity="high",
    fact_kind="territorial_control",
    entities=("Bazarak", "Taliban"),
)

NEW_ARTICLE = Alert(
    kind="new_article",
    watch=_WATCH,
    title="New story: پنجشیر: گزارش درگیری‌های تازه در دره",
    body="Kabul Wire (Dari): Residents of the valley describe a night of shelling near Rokha.",
    channels=(),
    evidence=(Quote("پنجشیر: گزارش درگیری‌های تازه در دره", _DARI, "Kabul Wire (Dari)"),),
    severity="low",
    entities=("Panjshir",),
)

FEED_HEALTH = Alert(
    kind="feed_health",
    watch="feed-health",
    title="Feed Kabul Wire (kabul-wire) is failing",
    body="Feed Kabul Wire (kabul-wire): no successful check for 26 hours (HTTP 503).",
    channels=(),
    before="healthy",
    after="failing",
)

# The facts each fact sample compares, as the pipeline attaches them (the alert JSON's `change`,
# `key`, `before` and `after`), agreeing with the sample's text.
CHANGED = replace(
    CHANGED,
    change=Change(
        "changed",
        _fact(ForceSize(_NRF, 9000, 9000, "approx"), CHANGED.evidence[0], "NRF spokesman"),
        _fact(ForceSize(_NRF, None, 2500, "at_most"), CHANGED.evidence[1], None, days_ago=10),
    ),
)
NEW_FACT = replace(
    NEW_FACT,
    change=Change(
        "new",
        _fact(
            Leadership("Amrullah Saleh", "caretaker president", "Afghanistan", "declared"),
            NEW_FACT.evidence[0],
            "Amrullah Saleh",
        ),
    ),
)
CONTESTED = replace(
    CONTESTED,
    change=Change(
        "contested",
        _fact(
            TerritorialControl("Bazarak", "Taliban", "captured"),
            CONTESTED.evidence[0],
            "Taliban spokesman",
        ),
        _fact(
            TerritorialControl("Bazarak", _NRF, "holds"),
            CONTESTED.evidence[1],
            "NRF commander",
            days_ago=1,
        ),
    ),
)

# Built by the digest composer itself, so templates are tried on the real digest layout.
DIGEST = compose_digest(
    "email",
    datetime(2021, 9, 6, 7, 0, tzinfo=UTC),
    (
        DigestItem(1, CHANGED, "Fighting for the Panjshir valley", "digest"),
        DigestItem(2, CONTESTED, "Fighting for the Panjshir valley", "digest"),
        DigestItem(3, NEW_ARTICLE, None, "rate limit"),
    ),
    RateLimit(3, timedelta(hours=1)),
)

SAMPLES: tuple[Alert, ...] = (NEW_FACT, CHANGED, CONTESTED, NEW_ARTICLE, FEED_HEALTH, DIGEST)


def notify_test_samples(channel: str, kinds: tuple[str, ...] = ()) -> tuple[Alert, ...]:
    """The samples `monitor notify-test CHANNEL` sends (only `kinds`, when given), each title
    marked as a test so nobody takes one for news."""
    return tuple(
        replace(alert, title=f"TEST {alert.title}", channels=(channel,))
        for alert in SAMPLES
        if not kinds or alert.kind in kinds
    )
