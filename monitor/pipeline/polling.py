"""Polling: claim due feeds, fetch them (capped per origin and overall), process each response
as it arrives, decide the next check and the feed's health. fetch -> parse -> (ingest).

Database work and parsing run on the store thread (`offloop`), so that the event loop keeps
every fetch's deadline whatever the database is doing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import httpx

from monitor import metrics
from monitor.config import Config
from monitor.instance import INSTANCE_ID
from monitor.logs.events import get_logger
from monitor.parse import ParsedFeed, parse_feed
from monitor.pipeline.fetching import FeedFetcher
from monitor.pipeline.fulltext import Fetcher, with_full_text
from monitor.pipeline.ingest import Ingestor
from monitor.pipeline.leases import LeaseKeeper
from monitor.pipeline.offloop import BatchWriter, off_loop
from monitor.pipeline.ordering import ClaimOrder
from monitor.pipeline.outcomes import Checked, FeedReport
from monitor.pipeline.recording import (
    CheckRecorder,
    body_digest,
    not_recorded,
    unchanged_row,
    unchanged_status,
)
from monitor.records import Entry, FeedTarget, FetchResult
from monitor.schedule import publishing_rhythm
from monitor.store import FeedState, Store
from monitor.store.feeds import UnchangedCheck

__all__ = ["FeedReport", "Poller"]

log = get_logger("monitor.pipeline")
FULL_TEXT_PER_CHECK = 20


Claimed = tuple[FeedTarget, FeedState]
LateReport = Callable[[FeedReport], None]


@dataclass(frozen=True, slots=True)
class NewBody:
    """A document not read before, parsed: what the store thread hands back before the
    article pages of a full-text feed are fetched."""

    parsed: ParsedFeed
    body_hash: str


class Poller(CheckRecorder):
    """Rounds of checks: claim the due feeds, fetch them, process each answer as it comes."""

    def __init__(
        self, config: Config, store: Store, ingestor: Ingestor, instance_id: str = INSTANCE_ID
    ) -> None:
        super().__init__(config, store)
        self.instance_id = instance_id  # whose name the feeds this poller claims are leased in
        self.ingestor = ingestor
        self.fetcher = FeedFetcher(config.polling)
        # Checks that outlasted their round's patience, still running (see `poll_due`).
        self.stragglers: set[asyncio.Task[FeedReport]] = set()
        self.leases = LeaseKeeper(self._renew_leases, config.polling.lease_seconds)

    async def poll_due(
        self,
        client: httpx.AsyncClient,
        now: datetime,
        *,
        patience: float | None = None,
        late: LateReport | None = None,
    ) -> list[FeedReport]:
        """Check every feed that is due at `now` and not leased to another instance. Feeds are
        claimed (leased to this instance) `claim_batch` at a time, so that several instances
        share the due feeds and a batch is done well within its lease. Within a batch, fetches
        run concurrently and each response is processed as soon as it arrives (new documents
        in claim order when they arrive close together, see `ordering`): a slow feed delays
        only itself. At most `per_host_concurrency` requests go to one origin at a time,
        so a slow origin holds few of the `concurrency` slots.

        With `patience`, a batch waits at most that many seconds for its slowest fetches: they
        go on in the background, are processed when they end (their feeds stay leased), and
        their reports go to `late`. The daemon's tick does this, so that a feed that drips or
        hangs until its deadline does not hold back the next tick's feeds."""
        started = time.monotonic()
        async with self.leases.during_round(now, started):
            return await self._poll_batches(client, now, started, patience, late)

    async def _poll_batches(
        self,
        client: httpx.AsyncClient,
        now: datetime,
        started: float,
        patience: float | None,
        late: LateReport | None,
    ) -> list[FeedReport]:
        writer: BatchWriter[UnchangedCheck] = BatchWriter(self.store.record_unchanged)
        reports: list[FeedReport] = []
        while True:
            elapsed = timedelta(seconds=time.monotonic() - started)
            claimed = await off_loop(self._claim_batch, now, elapsed)
            writer.expect(len(claimed))
            order = ClaimOrder(len(claimed))
            tasks = [
                asyncio.create_task(
                    self._fetch_and_check(client, target, state, writer, (order, place))
                )
                for place, (target, state) in enumerate(claimed)
            ]
            reports += await _settle(tasks, patience, late, self.stragglers)
            if len(claimed) < self.config.polling.claim_batch:  # nothing more was due
                return reports

    def _renew_leases(self, now: datetime, lease: timedelta) -> int:
        return self.store.renew_feed_leases(self.instance_id, now, lease)

    def _claim_batch(self, due_by: datetime, elapsed: timedelta) -> list[Claimed]:
        """The next batch of feeds due by the round's start, leased from now on (the round's
        start plus the time it has taken), each with its state as claimed: processing reads
        nothing more. Feeds that fall due during the round wait for the next tick, so a round
        always ends."""
        polling = self.config.polling
        claimed = self.store.claim_due_feeds(
            due_by + elapsed,
            timedelta(seconds=polling.lease_seconds),
            polling.claim_batch,
            instance_id=self.instance_id,
            due_by=due_by,
        )
        return [(self._with_policy(s.target), s) for s in claimed]

    async def _fetch_and_check(
        self,
        client: httpx.AsyncClient,
        target: FeedTarget,
        state: FeedState,
        writer: BatchWriter[UnchangedCheck],
        turn: tuple[ClaimOrder, int],
    ) -> FeedReport:
        """One feed: fetch, process, and count it. A check that found nothing new is written
        with the others that end about the same time (one statement for a batch of 304s); if
        that write fails, the feed keeps its lease (checked again when it runs out). A new
        document waits for its turn in claim order (see `ordering`). Cancelled (shutdown), the
        fetch stops at once, but a response already in hand is processed and recorded before
        the cancellation goes on: what was decided is kept."""
        order, place = turn
        try:
            started = time.monotonic()
            result = await self.fetcher.feed(client, target)
            took = timedelta(seconds=time.monotonic() - started)
            order.answered(place)
            quick = self._quick(state, result)
            if quick is not None or result.error is not None:
                # No new document: its turn is passed on now, not once its row is written
                # (a 304's row waits for the batch's other checks, which would wait for it).
                order.done(place)
            else:
                await order.turn(place)
            if quick is not None:
                return await self._finish(target, result, quick, writer)
            processing = asyncio.ensure_future(
                self._process_fetched(client, target, state, result, took, writer)
            )
            try:
                return await asyncio.shield(processing)
            except asyncio.CancelledError:
                await asyncio.wait([processing])
                raise
        finally:
            order.done(place)

    async def _process_fetched(
        self,
        client: httpx.AsyncClient,
        target: FeedTarget,
        state: FeedState,
        result: FetchResult,
        took: timedelta,
        writer: BatchWriter[UnchangedCheck],
    ) -> FeedReport:
        async def fetch_page(page: FeedTarget) -> FetchResult:
            return await self.fetcher.page(client, page)

        checked = await self._check_safely(target, state, result, fetch_page, took)
        return await self._finish(target, result, checked, writer)

    async def _finish(
        self,
        target: FeedTarget,
        result: FetchResult,
        checked: Checked,
        writer: BatchWriter[UnchangedCheck],
    ) -> FeedReport:
        """Write an unchanged check's row with the others, and count the check."""
        report = checked.report
        if checked.unchanged is None:
            writer.done_without_row()
        else:
            try:
                await writer.add(checked.unchanged)
            except Exception as exc:
                report = not_recorded(target.name, exc)
        labels = metrics.fetch_labels(report.status, result.status, result.error, report.error)
        if report.store_error:  # fetched and read, but the database refused it
            labels = ("error", "store")
        metrics.fetches.labels(*labels).inc()
        return report

    async def _check_safely(
        self,
        target: FeedTarget,
        state: FeedState,
        result: FetchResult,
        fetch_page: Fetcher,
        took: timedelta,
    ) -> Checked:
        """A bug or a database hiccup while processing one feed must not stop the round. The
        feed keeps its claim lease, so it is retried when the lease runs out; nothing of the
        check was recorded, so its document is read again then."""
        try:
            return await self._check(target, state, result, fetch_page, took)
        except Exception as exc:
            return Checked(result, not_recorded(target.name, exc))

    def _with_policy(self, target: FeedTarget) -> FeedTarget:
        feed = self.feeds.get(target.name)
        allow = self.config.polling.allow_private
        if feed is not None and feed.allow_private is not None:
            allow = feed.allow_private
        return replace(target, allow_private=allow)

    async def process(
        self, target: FeedTarget, result: FetchResult, fetch_page: Fetcher | None = None
    ) -> FeedReport:
        """Everything after the fetch: record it, parse, ingest new entries, decide when to
        look again and whether the feed's health changed. With `fetch_page`, feeds configured
        with `full_text` get their new entries' article pages read."""
        state = await off_loop(self.store.feed_state, target.name)
        checked = self._quick(state, result) or await self._check(target, state, result, fetch_page)
        if checked.unchanged is not None:
            await off_loop(self.store.record_unchanged, [checked.unchanged])
        return checked.report

    async def _check(
        self,
        target: FeedTarget,
        state: FeedState,
        result: FetchResult,
        fetch_page: Fetcher | None,
        took: timedelta = timedelta(0),
    ) -> Checked:
        """`process` given the feed's state; an unchanged check is left for the caller to write.
        Reading and storing run on the store thread; only a full-text feed's article pages are
        fetched here, between the two."""
        read = await off_loop(self._read, target, state, result, took)
        if isinstance(read, Checked):
            return read
        entries = list(read.parsed.entries)
        feed = self.feeds.get(target.name)
        if feed is not None and feed.full_text and fetch_page is not None:
            entries = await self._full_text(target, entries, fetch_page)
        return await off_loop(self._store_new, target, state, result, read, entries)

    def _quick(self, state: FeedState, result: FetchResult) -> Checked | None:
        """A check that found nothing new and changes no health (most of a round: 304s) needs
        no database until its row is written with others: it is decided on the loop."""
        if result.error is not None:
            return None
        if (status := unchanged_status(state, body_digest(result))) is None:
            return None
        success = self._success(state, result)
        return None if success.change else unchanged_row(state, result, status, success)

    def _read(
        self, target: FeedTarget, state: FeedState, result: FetchResult, took: timedelta
    ) -> Checked | NewBody:
        """A failed fetch, a document already read, or one that does not parse is decided
        (and, but for the unchanged row, recorded) here; a new document comes back parsed."""
        if result.error is not None:
            failed = self._failed(target, state, result, result.error, took=took)
            return Checked(result, failed)
        body_hash = body_digest(result)
        if (status := unchanged_status(state, body_hash)) is not None:
            return self._unchanged(state, result, status)
        assert result.body is not None and body_hash is not None
        parsed = parse_feed(
            result.body,
            feed=target.name,
            url=target.url,
            fetched_at=result.fetched_at,
            content_type=result.content_type,
        )
        if parsed.error is not None:
            return Checked(result, self._failed(target, state, result, parsed.error, took=took))
        return NewBody(parsed, body_hash)

    def _store_new(
        self,
        target: FeedTarget,
        state: FeedState,
        result: FetchResult,
        read: NewBody,
        entries: list[Entry],
    ) -> Checked:
        """Ingest a new document's entries, then record the check: as read only if every
        entry was stored."""
        parsed, body_hash = read.parsed, read.body_hash
        ingested = self.ingestor.ingest(entries, result.fetched_at, queue=True)
        if ingested.failed:
            return Checked(result, self._not_stored(target, state, result, ingested))
        new, alerts = ingested.new, ingested.alerts
        dated = (e.published for e in parsed.entries if e.published != result.fetched_at)
        rhythm = publishing_rhythm(dated)
        report = self._succeeded(
            state,
            result,
            "new",
            new=new,
            rhythm=rhythm,
            ttl=parsed.ttl_seconds,
            body_hash=body_hash,
            title=parsed.title,
            notice="; ".join(parsed.notes) or None,
        )
        log.info(
            "feed_checked",
            feed=target.name,
            status="new",
            entries=len(parsed.entries),
            new=new,
            alerts=len(alerts),
        )
        return Checked(result, replace(report, alerts=tuple(alerts) + report.alerts))

    async def _full_text(
        self, target: FeedTarget, entries: list[Entry], fetch_page: Fetcher
    ) -> list[Entry]:
        """Only entries not seen before pay for a page fetch."""
        unseen = await off_loop(self.store.unseen_guids, target.name, [e.guid for e in entries])
        fresh = [e for e in entries if e.guid in unseen]
        read = await with_full_text(
            fresh, fetch_page, allow_private=target.allow_private, limit=FULL_TEXT_PER_CHECK
        )
        by_guid = {e.guid: e for e in read}
        return [by_guid.get(e.guid, e) for e in entries]


async def _settle(
    tasks: list[asyncio.Task[FeedReport]],
    patience: float | None,
    late: LateReport | None,
    stragglers: set[asyncio.Task[FeedReport]],
) -> list[FeedReport]:
    """The reports of a batch's checks, in claim order, once they are done (or `patience` has
    run out: the others are kept in `stragglers` until they end, then report to `late`).
    Cancelled (shutdown), no fetch is left running unobserved: each is cancelled, and what
    was decided is recorded."""
    if not tasks:
        return []
    try:
        done, pending = await asyncio.wait(tasks, timeout=patience)
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    for task in pending:
        stragglers.add(task)
        task.add_done_callback(stragglers.discard)
        task.add_done_callback(_reporting_to(late))
    return [task.result() for task in tasks if task in done]


def _reporting_to(late: LateReport | None) -> Callable[[asyncio.Task[FeedReport]], None]:
    def report(task: asyncio.Task[FeedReport]) -> None:
        if late is not None and not task.cancelled() and task.exception() is None:
            late(task.result())

    return report
