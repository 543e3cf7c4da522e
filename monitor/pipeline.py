"""The only place that wires the stages together:
fetch -> parse -> match -> dedup -> extract -> diff -> alert, with the store at the side.

Every entry is written in one transaction with its matches, facts, alerts and outbox rows, so a
crash leaves either all of it or none of it, and an entry left unprocessed is processed again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from monitor.alert.compose import article_alert, fact_alert
from monitor.alert.deliver import send
from monitor.alert.render import render
from monitor.config import Config, WatchConfig
from monitor.dedup import canonical_url
from monitor.diff import diff_facts, worth_alert
from monitor.extract import extract_claims
from monitor.fetch import fetch, redact
from monitor.match import Matcher, WatchSpec
from monitor.parse import parse_feed
from monitor.records import (
    Alert,
    Change,
    Claim,
    EntityRef,
    Entry,
    Evidence,
    Fact,
    FactKind,
    FeedTarget,
    FetchResult,
    Match,
    fact_entities,
)
from monitor.schedule import next_check_after_error, next_check_after_success
from monitor.store import Store

log = logging.getLogger("monitor.pipeline")
CLAIM_LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
RETRY_BASE_SECONDS = 30


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What one check of one feed did."""

    feed: str
    status: str  # "new", "unchanged", "not_modified", "error"
    new_entries: int = 0
    alerts: tuple[Alert, ...] = ()
    error: str | None = None


@dataclass(slots=True)
class Pipeline:
    config: Config
    store: Store
    matcher: Matcher = field(init=False)
    entities: tuple[EntityRef, ...] = field(init=False)
    watches: dict[str, WatchConfig] = field(init=False)
    followed: dict[str, frozenset[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.entities = self.config.entity_refs()
        self.watches = {w.name: w for w in self.config.watches}
        self.followed = {
            w.name: _followed_entities(w, self.entities) for w in self.watches.values()
        }
        specs = [
            WatchSpec(w.name, w.entities, w.terms, w.require, w.exclude)
            for w in self.watches.values()
        ]
        self.matcher = Matcher(specs, self.entities)

    # polling ---------------------------------------------------------------------------

    def sync_feeds(self, now: datetime) -> None:
        default = self.config.polling.interval_seconds
        self.store.sync_feeds(
            [(f.name, f.url, f.interval_seconds or default, f.enabled) for f in self.config.feeds],
            now,
        )

    async def poll_due(self, client: httpx.AsyncClient, now: datetime) -> list[FeedReport]:
        """Claim every feed whose check is due; fetch them concurrently, then process the
        responses in claim order (due time, then feed id) as they arrive. Fetching stays
        parallel, while the order in which facts are compared is the same on every run and
        the same as `replay` over the same files."""
        targets = self.store.claim_due_feeds(now, CLAIM_LEASE, limit=10_000)
        limit = asyncio.Semaphore(self.config.polling.concurrency)
        polling = self.config.polling

        async def fetch_one(target: FeedTarget) -> FetchResult:
            async with limit:
                return await fetch(
                    client,
                    target,
                    max_bytes=polling.max_body_bytes,
                    deadline=polling.timeout_seconds * 2,
                )

        targets = [self._with_policy(t) for t in targets]
        tasks = [asyncio.create_task(fetch_one(t)) for t in targets]
        return [self._process_safely(t, await task) for t, task in zip(targets, tasks, strict=True)]

    def _process_safely(self, target: FeedTarget, result: FetchResult) -> FeedReport:
        """A bug or a database hiccup while processing one feed must not stop the round. The
        feed keeps its claim lease, so it is retried when the lease runs out."""
        try:
            return self.process(target, result)
        except Exception as exc:
            log.exception("feed=%s status=process_failed", target.name)
            return FeedReport(target.name, "error", error=f"internal error: {exc!r}")

    def _with_policy(self, target: FeedTarget) -> FeedTarget:
        allow = self.config.polling.allow_private
        for feed in self.config.feeds:
            if feed.name == target.name and feed.allow_private is not None:
                allow = feed.allow_private
        return replace(target, allow_private=allow)

    def process(self, target: FeedTarget, result: FetchResult) -> FeedReport:
        """Everything after the fetch: record it, parse, ingest new entries."""
        if result.error is not None:
            return self._failed(
                target, result.fetched_at, result.status, result.error, result.retry_after
            )
        interval = self._interval(target.name)
        next_at = next_check_after_success(
            result.fetched_at, interval, retry_after=result.retry_after
        )
        if result.not_modified or result.body is None:
            self.store.record_success(target.name, result, next_at)
            return FeedReport(target.name, "not_modified")
        body_hash = hashlib.sha256(result.body).hexdigest()
        if body_hash == self.store.body_hash(target.name):
            self.store.record_success(target.name, result, next_at)
            return FeedReport(target.name, "unchanged")
        parsed = parse_feed(
            result.body,
            feed=target.name,
            url=target.url,
            fetched_at=result.fetched_at,
            content_type=result.content_type,
        )
        if parsed.error is not None:
            return self._failed(target, result.fetched_at, result.status, parsed.error, None)
        new, alerts = self.ingest(parsed.entries, result.fetched_at, queue=True)
        self.store.record_success(
            target.name, result, next_at, body_hash=body_hash, title=parsed.title, new_entries=new
        )
        log.info(
            "feed=%s status=new entries=%d new=%d alerts=%d",
            target.name,
            len(parsed.entries),
            new,
            len(alerts),
        )
        return FeedReport(target.name, "new", new, tuple(alerts))

    def _failed(
        self,
        target: FeedTarget,
        now: datetime,
        status: int | None,
        error: str,
        retry_after: float | None,
    ) -> FeedReport:
        error = redact(error, target.url)
        errors = self.store.error_count(target.name) + 1
        next_at = next_check_after_error(
            now,
            self._interval(target.name),
            errors,
            max_backoff=self.config.polling.max_backoff_seconds,
            retry_after=retry_after,
        )
        self.store.record_failure(
            target.name, checked_at=now, next_check_at=next_at, status=status, error=error
        )
        log.warning(
            "feed=%s status=error errors=%d retry_at=%s error=%r",
            target.name,
            errors,
            next_at.isoformat(timespec="seconds"),
            error,
        )
        return FeedReport(target.name, "error", error=error)

    def _interval(self, name: str) -> int:
        for feed in self.config.feeds:
            if feed.name == name and feed.interval_seconds:
                return feed.interval_seconds
        return self.config.polling.interval_seconds

    # processing entries ----------------------------------------------------------------

    def ingest(
        self, entries: Sequence[Entry], now: datetime, *, queue: bool
    ) -> tuple[int, list[Alert]]:
        """Process new entries oldest first; returns (new entries, alerts raised)."""
        new, raised = 0, []
        for entry in sorted(entries, key=lambda e: e.published):
            try:
                alerts = self._ingest_one(entry, now, queue=queue)
            except Exception:
                log.exception("feed=%s guid=%r status=entry_failed", entry.feed, entry.guid)
                continue
            if alerts is not None:
                new += 1
                raised.extend(alerts)
        return new, raised

    def _ingest_one(self, entry: Entry, now: datetime, *, queue: bool) -> list[Alert] | None:
        canonical = canonical_url(entry.url) or f"{entry.feed}#{entry.guid}"
        with self.store.session() as session:
            feed_id = self.store.feed_id(session, entry.feed)
            if self.store.seen_in_feed(session, feed_id, entry.guid):
                return None
            original = self.store.original_of(session, canonical)
            if original is not None:  # the same article through another feed: kept, not news
                self.store.add_article(
                    session, feed_id, entry, canonical, (), now, duplicate_of=original
                )
                return []
            matches = self.matcher.match(entry)
            article_id = self.store.add_article(session, feed_id, entry, canonical, matches, now)
            if not matches:
                return []
            claims = extract_claims(
                entry.text, self.entities, self._kinds(matches), year=entry.published.year
            )
            facts = [_fact(claim, entry, now) for claim in claims]
            changes = diff_facts(self.store.latest_facts(session, {f.key for f in facts}), facts)
            for change in changes:
                self.store.add_fact(session, article_id, change.after, change.kind)
            raised: list[Alert] = []
            for match in matches:
                for alert in self._alerts(self.watches[match.watch], entry, canonical, changes):
                    if self.store.add_alert(session, alert, now, queue=queue) is not None:
                        raised.append(alert)
            return raised

    def _alerts(
        self, watch: WatchConfig, entry: Entry, canonical: str, changes: Sequence[Change]
    ) -> list[Alert]:
        alerts = []
        if watch.new_articles:
            alerts.append(article_alert(entry, watch.name, watch.channels, canonical))
        follows = self.followed[watch.name]
        for change in changes:
            value = change.after.value
            about = not follows or not follows.isdisjoint(fact_entities(value))
            if worth_alert(change) and value.kind in watch.facts and about:
                alerts.append(fact_alert(change, watch.name, watch.channels))
        return alerts

    def _kinds(self, matches: Sequence[Match]) -> set[FactKind]:
        return {kind for m in matches for kind in self.watches[m.watch].facts}

    def replay_file(self, path: Path, now: datetime, *, queue: bool = False) -> FeedReport:
        """Process a saved feed document as if it had just been fetched. The file's stem names
        the feed, so successive snapshots of one outlet dedup against each other."""
        name, url, body = feed_name_for(path), path.resolve().as_uri(), path.read_bytes()
        self.store.ensure_feed(name, url, now)
        parsed = parse_feed(body, feed=name, url=url, fetched_at=now)
        if parsed.error is not None:
            return FeedReport(name, "error", error=f"{path}: {parsed.error}")
        new, alerts = self.ingest(parsed.entries, now, queue=queue)
        result = FetchResult(name, url, now, body=body)
        self.store.record_success(name, result, now, title=parsed.title, new_entries=new)
        return FeedReport(name, "new", new, tuple(alerts))

    # delivering alerts -------------------------------------------------------------------

    async def deliver_due(self, now: datetime) -> list[tuple[int, str, str | None]]:
        """Send every outbox row whose attempt is due; returns (alert id, channel, error).

        Each channel is sent on its own (in a worker thread: apprise blocks), so one failing
        channel delays nothing else. A failure is retried with exponential backoff, and after
        MAX_ATTEMPTS the row is marked failed, kept, and shown by `monitor alerts`."""
        outcomes = []
        for delivery_id, channel_name, stored in self.store.due_deliveries(now):
            error = await self._send(channel_name, stored.alert)
            attempts = stored.attempts(channel_name) + 1
            retry_at = None
            if error is not None and attempts < MAX_ATTEMPTS:
                retry_at = now + timedelta(seconds=RETRY_BASE_SECONDS * 2 ** (attempts - 1))
            self.store.record_delivery(delivery_id, now=utcnow(), error=error, retry_at=retry_at)
            level = logging.INFO if error is None else logging.WARNING
            log.log(
                level,
                "alert=%d channel=%s status=%s attempts=%d error=%r",
                stored.id,
                channel_name,
                "sent" if error is None else ("retry" if retry_at else "failed"),
                attempts,
                error,
            )
            outcomes.append((stored.id, channel_name, error))
        return outcomes

    async def _send(self, channel_name: str, alert: Alert) -> str | None:
        try:
            channel = self.config.channel(channel_name)
        except KeyError:
            return f"channel {channel_name!r} is no longer configured"
        rendered = render(alert, channel.format)
        result = await asyncio.to_thread(send, channel.url, rendered)
        return None if result.ok else (result.error or "not delivered")


def _followed_entities(watch: WatchConfig, entities: Sequence[EntityRef]) -> frozenset[str]:
    """The entities a watch is about: its `entities`, and entities named in `require`. Facts
    about other entities (a namesake, a historical figure) found in a matching article do not
    alert this watch; a watch that names no entity takes every fact."""
    names = {e.name for e in entities}
    return frozenset(watch.entities) | frozenset(r for r in watch.require if r in names)


def _fact(claim: Claim, entry: Entry, now: datetime) -> Fact:
    evidence = Evidence(
        quote=claim.quote,
        article_url=entry.url,
        outlet=entry.outlet,
        published=entry.published,
        observed_at=now,
        claimed_by=claim.claimed_by,
        hedged=claim.hedged,
    )
    return Fact(claim.value, evidence)


def feed_name_for(path: Path) -> str:
    """A feed name from a file name: `kabul-wire.xml` -> `kabul-wire`."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-.") or "replay"


def utcnow() -> datetime:
    return datetime.now(UTC)
