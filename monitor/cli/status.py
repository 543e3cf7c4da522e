"""`monitor status`: the state of the service at a glance, for a human or (`--json`) a script.

`collect` reads the database (read-only, so it works beside a running daemon); everything
else is a pure function of what it read, so the summary is easy to test and to reuse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from monitor.records import FEED_STATES, QUEUED

if TYPE_CHECKING:
    from monitor.store import Activity, FeedState
    from monitor.store.readonly import ReadStore

# Changes of a fact that the diff reports (a corroboration or a late old report is no change).
CHANGES = ("new", "changed", "contested", "retracted")
WORST = 5
_SEVERITY = {"failing": 0, "backing off": 1, "silent": 2}


@dataclass(frozen=True, slots=True)
class FeedProblem:
    name: str
    state: str
    detail: str


@dataclass(frozen=True, slots=True)
class Status:
    now: datetime
    backend: str
    database: str
    feeds: dict[str, int]
    problems: tuple[FeedProblem, ...]
    today: Activity
    outbox: dict[str, int]
    last_check: datetime | None

    @property
    def queue_depth(self) -> int:
        return sum(self.outbox.get(s, 0) for s in QUEUED)

    @property
    def facts_changed(self) -> int:
        return sum(self.today.facts.get(c, 0) for c in CHANGES)


def start_of_day(now: datetime) -> datetime:
    """Midnight of `now`'s day, in `now`'s time zone (UTC for the daemon's clock)."""
    return datetime.combine(now.date(), time(0), now.tzinfo)


def collect(store: ReadStore, now: datetime, database: str) -> Status:
    """Read what the summary needs: a handful of aggregate queries."""
    feeds = store.feeds()
    return summarize(
        now,
        feeds,
        store.activity_since(start_of_day(now)),
        store.delivery_counts_with_held(),
        store.last_feed_check(),
        backend=store.backend,
        database=database,
    )


def summarize(
    now: datetime,
    feeds: Sequence[FeedState],
    today: Activity,
    outbox: dict[str, int],
    last_check: datetime | None,
    *,
    backend: str,
    database: str,
) -> Status:
    counts = dict.fromkeys(FEED_STATES, 0)
    for feed in feeds:
        counts[feed.state] = counts.get(feed.state, 0) + 1
    return Status(now, backend, database, counts, worst_feeds(feeds), today, outbox, last_check)


def worst_feeds(feeds: Iterable[FeedState], limit: int = WORST) -> tuple[FeedProblem, ...]:
    """The feeds most in need of a look: failing (longest first), backing off (most errors
    first), then silent (quiet longest first)."""
    troubled = [f for f in feeds if f.state in _SEVERITY]
    troubled.sort(key=_badness)
    return tuple(FeedProblem(f.name, f.state, _detail(f)) for f in troubled[:limit])


def _badness(feed: FeedState) -> tuple[int, float, str]:
    since = feed.first_error_at if feed.state != "silent" else feed.last_new_entry_at
    return (_SEVERITY[feed.state], since.timestamp() if since else 0.0, feed.name)


def _detail(feed: FeedState) -> str:
    if feed.state == "silent":
        return f"nothing new since {_at(feed.last_new_entry_at)}"
    errors = f"{feed.error_count} error{'s' if feed.error_count != 1 else ''}"
    since = f"since {_at(feed.first_error_at)}, " if feed.state == "failing" else ""
    return f"{since}{errors}: {feed.last_error or 'unknown error'}"


def _at(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip() if moment else "never"


def _ago(now: datetime, moment: datetime | None) -> str:
    if moment is None:
        return "never"
    seconds = max(0, round((now - moment).total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{_at(moment)} ({seconds // size} {unit} ago)"
    return f"{_at(moment)} ({seconds} s ago)"


def render_text(status: Status) -> str:
    feeds = status.feeds
    total = sum(feeds.values())
    states = ", ".join(f"{feeds[s]} {s}" for s in FEED_STATES[:-1])
    files = f", {feeds['file']} replayed files" if feeds.get("file") else ""
    lines = [
        f"monitor status at {_at(status.now)} — database: {status.database}",
        f"feeds        {total}: {states}{files}",
        *(f"  {p.state:12} {p.name:24} {p.detail}" for p in status.problems),
        _today_line(status),
        _outbox_line(status),
        f"last check   {_ago(status.now, status.last_check)}",
    ]
    return "\n".join(lines)


def _today_line(status: Status) -> str:
    today = status.today
    facts = ", ".join(f"{n} {kind}" for kind, n in sorted(today.facts.items())) or "none"
    return (
        f"today        since {_at(today.since)}: {today.entries} entries, {today.stories} new"
        f" stories, {status.facts_changed} facts changed ({facts}), {today.alerts} alerts"
    )


def _outbox_line(status: Status) -> str:
    outbox = status.outbox
    return (
        f"outbox       {status.queue_depth} queued, {outbox.get('held', 0)} held,"
        f" {outbox.get('failed', 0)} failed; {status.today.sent} sent today"
    )


def to_json(status: Status) -> dict[str, Any]:
    """The documented shape of `monitor status --json`."""
    today = status.today
    age = None if status.last_check is None else (status.now - status.last_check).total_seconds()
    return {
        "now": status.now.isoformat(),
        "database": {"backend": status.backend, "url": status.database},
        "feeds": {
            "total": sum(status.feeds.values()),
            **{state.replace(" ", "_"): n for state, n in status.feeds.items()},
            "worst": [
                {"name": p.name, "state": p.state, "detail": p.detail} for p in status.problems
            ],
        },
        "today": {
            "since": today.since.isoformat(),
            "entries": today.entries,
            "stories": today.stories,
            "facts_changed": status.facts_changed,
            "facts": dict(sorted(today.facts.items())),
            "alerts": today.alerts,
            "sent": today.sent,
        },
        "outbox": {
            "queue_depth": status.queue_depth,
            "held": status.outbox.get("held", 0),
            "failed": status.outbox.get("failed", 0),
            "by_status": dict(sorted(status.outbox.items())),
        },
        "last_check": None if status.last_check is None else status.last_check.isoformat(),
        "last_check_age_seconds": age,
    }
