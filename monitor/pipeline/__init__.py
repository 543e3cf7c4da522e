"""The only place that wires the stages together:
schedule -> fetch -> parse -> match -> dedup -> extract -> diff -> alert, with the store at the
side. `Pipeline` is the face the daemon and the CLI use; the work is in `polling` (fetch side),
`ingest` (entries into facts and alerts) and `delivery` (the outbox)."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import httpx

from monitor.config import Config
from monitor.parse import parse_feed
from monitor.pipeline.delivery import Attempt, Outbox
from monitor.pipeline.digests import DigestJob
from monitor.pipeline.ingest import Ingestor
from monitor.pipeline.polling import FeedReport, LateReport, Poller
from monitor.records import FetchResult
from monitor.store import Store
from monitor.store.errors import STORE_ERRORS

__all__ = ["Attempt", "FeedReport", "Pipeline", "feed_name_for", "utcnow"]


class Pipeline:
    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store
        self.ingestor = Ingestor(config, store)
        self.poller = Poller(config, store, self.ingestor)
        self.outbox = Outbox(config, store)
        self.digests = DigestJob(config, store)

    def sync_feeds(self, now: datetime) -> None:
        default = self.config.polling.interval_seconds
        self.store.sync_feeds(
            [(f.name, f.url, f.interval_seconds or default, f.enabled) for f in self.config.feeds],
            now,
        )

    async def poll_due(
        self,
        client: httpx.AsyncClient,
        now: datetime,
        *,
        patience: float | None = None,
        late: LateReport | None = None,
    ) -> list[FeedReport]:
        return await self.poller.poll_due(client, now, patience=patience, late=late)

    async def deliver_due(self, now: datetime, *, until_empty: bool = False) -> list[Attempt]:
        return await self.outbox.deliver_due(now, until_empty=until_empty)

    def flush_digests(self, now: datetime) -> list[int]:
        """Store the digests whose window has ended (ids of the digest alerts created)."""
        return self.digests.flush_due(now)

    def replay_file(self, path: Path, now: datetime, *, queue: bool = False) -> FeedReport:
        """Process a saved feed document as if it had just been fetched. The file's stem names
        the feed, so successive snapshots of one outlet dedup against each other."""
        name, url, body = feed_name_for(path), path.resolve().as_uri(), path.read_bytes()
        self.store.ensure_feed(name, url, now)
        parsed = parse_feed(body, feed=name, url=url, fetched_at=now)
        if parsed.error is not None:
            return FeedReport(name, "error", error=f"{path}: {parsed.error}")
        ingested = self.ingestor.ingest(parsed.entries, now, queue=queue)
        alerts = tuple(ingested.alerts)
        if ingested.failed:
            why = ingested.error or "unknown error"
            error = f"{path}: could not store {ingested.failed} entries: {why}"
            with suppress(*STORE_ERRORS):  # the feed's row may be refused too
                self.store.record_failure(
                    name,
                    checked_at=now,
                    next_check_at=now,
                    status=None,
                    error=error,
                    new_entries=ingested.new,
                )
            return FeedReport(
                name, "error", ingested.new, alerts, error, ingested.failed, store_error=why
            )
        result = FetchResult(name, url, now, body=body)
        self.store.record_success(name, result, now, title=parsed.title, new_entries=ingested.new)
        return FeedReport(name, "new", ingested.new, alerts)


def feed_name_for(path: Path) -> str:
    """A feed name from a file name: `kabul-wire.xml` -> `kabul-wire`."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-.") or "replay"


def utcnow() -> datetime:
    return datetime.now(UTC)
