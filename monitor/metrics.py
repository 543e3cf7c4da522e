"""The daemon's Prometheus metrics: counters the pipeline increments where events happen.

Counters live in this process (they restart at zero, as Prometheus expects of counters).
What must be right across several instances and restarts (feeds by health, the outbox queue,
the last feed check) is read from the database at scrape time instead, by
`monitor.web.collector`. Everything is registered on `REGISTRY`, not on prometheus_client's
global registry, so that importing monitor never changes what another program exports.
"""

from __future__ import annotations

import re

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.process_collector import ProcessCollector

REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)

fetches = Counter(
    "monitor_fetches",
    "Feed checks by outcome (ok, unchanged, not_modified, error) and, for errors, their kind.",
    ["outcome", "error"],
    registry=REGISTRY,
)
fetch_seconds = Histogram(
    "monitor_fetch_duration_seconds",
    "Time from the request to the last byte of a feed check, redirects included.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80),
    registry=REGISTRY,
)
entries = Counter(
    "monitor_entries_ingested", "New entries stored (feeds and replays).", registry=REGISTRY
)
matches = Counter(
    "monitor_matches", "New or updated entries that matched a watch.", ["watch"], registry=REGISTRY
)
facts = Counter(
    "monitor_facts_extracted",
    "Facts read from matching entries, by kind and by what the diff called them.",
    ["kind", "change"],
    registry=REGISTRY,
)
alerts = Counter("monitor_alerts", "Alerts raised, by kind.", ["kind"], registry=REGISTRY)
ticks = Counter("monitor_ticks", "Scheduler ticks completed by this process.", registry=REGISTRY)
last_tick = Gauge(
    "monitor_tick_last_completed_timestamp_seconds",
    "When this process last completed a tick (Unix time).",
    registry=REGISTRY,
)

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("timeout", r"timed out|in time|timeout"),
        ("too_large", r"too large"),
        # the fetch stage's own refusals ("redirect to X refused: ..."), not a refused connection
        ("refused", r"refused:|not allowed|non-public address|too many redirects"),
        ("dns", r"cannot resolve"),
        ("tls", r"\bssl\b|certificate"),
        ("connect", r"connect"),
        ("bad_body", r"corrupt|content.encoding"),
    )
)


def fetch_error_kind(status: int | None, error: str, *, fetched: bool) -> str:
    """A small, fixed set of error kinds for a label, from what the fetch recorded.
    `fetched` is true when the feed was fetched fine and the failure came after (parsing)."""
    if status is not None and status >= 300 and error.startswith("HTTP "):
        return "http_5xx" if status >= 500 else "http_4xx" if status >= 400 else "http_other"
    if fetched:
        return "internal" if error.startswith("internal error") else "parse"
    return next((kind for kind, pattern in _KINDS if pattern.search(error)), "other")


def fetch_labels(
    check: str, status: int | None, fetch_error: str | None, error: str | None
) -> tuple[str, str]:
    """(outcome, error kind) of one feed check: `check` is what processing reported ("new",
    "unchanged", "not_modified" or "error"), `fetch_error` what the fetch itself recorded and
    `error` the final error (a fetch error, or a parse error for a fetched body)."""
    if check != "error":
        return ("ok" if check == "new" else check), ""
    message = fetch_error or error or ""
    return "error", fetch_error_kind(status, message, fetched=fetch_error is None)


def tick_completed() -> None:
    """Called by the daemon after each scheduler tick."""
    ticks.inc()
    last_tick.set_to_current_time()
