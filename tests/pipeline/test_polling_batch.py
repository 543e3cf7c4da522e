"""Checks that find nothing new (a 304, or the same body again) are the daemon's steady state,
so they cost no reads and are written a batch at a time: the claim hands over each feed's state,
and one statement per batch records them and releases their leases. What a user sees is the
same as when each feed was written alone: health alerts once, errors that keep the lease for a
retry, and a shutdown that records what was decided and hands back the rest."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from feed_server import FeedServer
from helpers import Item, rss, write_config
from sqlalchemy import event

from monitor.config import load_config
from monitor.fetch import make_client
from monitor.metrics import REGISTRY
from monitor.pipeline import FeedReport, Pipeline, offloop
from monitor.store import Store

STORY = Item("g1", "Market report", "Prices were steady.", "https://wire.example.com/1")
LATER = Item("g2", "Harbour report", "Ships came in.", "https://wire.example.com/2")


@dataclass(frozen=True)
class Statement:
    sql: str

    @property
    def words(self) -> str:
        return " ".join(self.sql.split()).upper()

    @property
    def reads_feeds(self) -> bool:
        return self.words.startswith("SELECT") and " FROM FEEDS " in self.words

    @property
    def writes_feeds(self) -> bool:
        return self.words.startswith("UPDATE FEEDS ")


@contextmanager
def statements(store: Store) -> Iterator[list[Statement]]:
    """Every statement the store sends to the database inside the block."""
    seen: list[Statement] = []

    def record(*args: Any) -> None:
        seen.append(Statement(args[2]))  # (connection, cursor, statement, ...)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def make_pipeline(tmp_path: Path, urls: dict[str, str], polling: dict[str, Any]) -> Pipeline:
    config = load_config(write_config(tmp_path, urls))
    config = config.model_copy(update={"polling": config.polling.model_copy(update=polling)})
    pipeline = Pipeline(config, Store.open(config.database_url()))
    pipeline.sync_feeds(datetime.now(UTC))
    return pipeline


def poll(pipeline: Pipeline, now: datetime | None = None) -> dict[str, FeedReport]:
    async def round_() -> list[FeedReport]:
        async with make_client(5) as client:
            return await pipeline.poll_due(client, now or datetime.now(UTC))

    return {r.feed: r for r in asyncio.run(round_())}


def fetch_count(outcome: str, error: str = "") -> float:
    labels = {"outcome": outcome, "error": error}
    return REGISTRY.get_sample_value("monitor_fetches_total", labels) or 0.0


def test_a_round_of_unchanged_feeds_reads_no_state_and_writes_once_per_batch(
    tmp_path: Path, feeds: FeedServer
) -> None:
    """Five feeds in batches of two: three answer 304, one sends the same body again (it
    gives no validators), one has a new article. The unchanged ones cost no read of the feeds
    table and at most one write each (those that end together share one); the changed one is
    stored as before."""
    urls = {f"wire-{i}": feeds.set(f"wire-{i}.xml", rss(f"Wire {i}", [STORY])) for i in range(4)}
    urls["plain"] = feeds.set("plain.xml", rss("Plain", [STORY]), validators=False)
    pipeline = make_pipeline(tmp_path, urls, {"claim_batch": 2})
    assert {r.status for r in poll(pipeline).values()} == {"new"}
    first = {f.name: f for f in pipeline.store.feeds()}

    feeds.set("wire-3.xml", rss("Wire 3", [LATER, STORY]))
    pipeline.store.make_all_due(datetime.now(UTC))
    not_modified = fetch_count("not_modified")
    with statements(pipeline.store) as seen:
        reports = poll(pipeline)

    statuses = {name: r.status for name, r in reports.items()}
    assert statuses == {
        "wire-0": "not_modified",
        "wire-1": "not_modified",
        "wire-2": "not_modified",
        "wire-3": "new",
        "plain": "unchanged",
    }
    assert reports["wire-3"].new_entries == 1
    assert fetch_count("not_modified") - not_modified == 3
    writes = [s for s in seen if s.writes_feeds]
    claims = [s for s in writes if " RETURNING " in s.words]
    assert len(claims) == 3  # batches of 2, 2 and 1
    assert 3 + 3 + 1 <= len(writes) <= 3 + 4 + 1  # the claims, the unchanged, the changed
    reads = [s for s in seen if s.reads_feeds]
    assert len(reads) == 2  # the changed feed's: its id for its article, its row to record it

    for feed in pipeline.store.feeds():
        before = first[feed.name]
        assert (feed.claimed_by, feed.lease_until, feed.error_count) == (None, None, 0)
        assert feed.last_checked_at is not None and before.last_checked_at is not None
        assert feed.last_checked_at > before.last_checked_at
        assert feed.next_check_at > feed.last_checked_at
        assert feed.last_status == (304 if statuses[feed.name] == "not_modified" else 200)
        assert feed.title == before.title
        if statuses[feed.name] == "new":
            assert (feed.etag, feed.body_hash) != (before.etag, before.body_hash)
            assert feed.entries_seen == before.entries_seen + 1
        else:  # what the last new document left stays
            assert (feed.etag, feed.body_hash) == (before.etag, before.body_hash)
            assert feed.last_new_entry_at == before.last_new_entry_at
            assert feed.entries_seen == before.entries_seen
    pipeline.store.close()


def test_a_new_document_does_not_wait_for_the_rows_of_the_304s_claimed_before_it(
    tmp_path: Path, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new document waits for the checks claimed before it to be read, but a 304 is no
    reading: its turn passes as soon as it is decided, not once its row is written. The row
    waits for the batch's other checks (or the writer's linger), and those include the new
    document: with the linger set to an hour, a round that made the document wait for it would
    not end; it must end as soon as both are done."""
    urls = {n: feeds.set(f"{n}.xml", rss(n, [STORY])) for n in ("first", "second")}
    pipeline = make_pipeline(tmp_path, urls, {"claim_batch": 2})
    poll(pipeline)
    feeds.set("second.xml", rss("second", [LATER, STORY]))  # "first" will answer 304
    pipeline.store.make_all_due(datetime.now(UTC))
    monkeypatch.setattr(offloop.BatchWriter.__init__, "__defaults__", (3600.0,))

    reports: dict[str, str] = {}
    # A thread of its own, so that a round that never ends fails the test instead of hanging it
    # (a liveness guard, not a speed: the round takes well under a second).
    runner = threading.Thread(
        target=lambda: reports.update({n: r.status for n, r in poll(pipeline).items()}),
        daemon=True,
    )
    runner.start()
    runner.join(timeout=60)
    assert not runner.is_alive(), "the round waits on the 304's row, which waits on the round"
    assert reports == {"first": "not_modified", "second": "new"}
    pipeline.store.close()


def make_failing(store: Store, name: str) -> None:
    """`name` has failed for three days and the user was told so."""
    long_ago = datetime.now(UTC) - timedelta(days=3)
    for health in (None, "failing"):
        store.record_failure(
            name,
            checked_at=long_ago,
            next_check_at=long_ago,
            status=500,
            error="HTTP 500",
            health=health,
        )


def test_a_failing_feed_that_answers_304_in_a_batch_is_reported_back_once(
    tmp_path: Path, feeds: FeedServer
) -> None:
    urls = {n: feeds.set(f"{n}.xml", rss(n, [STORY])) for n in ("steady", "flaky")}
    pipeline = make_pipeline(tmp_path, urls, {"claim_batch": 5})
    poll(pipeline)
    store = pipeline.store
    make_failing(store, "flaky")
    store.make_all_due(datetime.now(UTC))

    reports = poll(pipeline)
    store.make_all_due(datetime.now(UTC))
    again = poll(pipeline)

    assert [a.title for a in reports["flaky"].alerts] == ["Feed flaky is back"]
    assert reports["steady"].alerts == () and again["flaky"].alerts == ()
    states = {f.name: f for f in store.feeds()}
    flaky = states["flaky"]
    assert (flaky.health, flaky.error_count, flaky.first_error_at, flaky.last_error) == (
        "healthy",
        0,
        None,
        None,
    )
    assert [a.alert.title for a in store.alerts() if a.alert.kind == "feed_health"] == [
        "Feed flaky is back"
    ]
    store.close()


@contextmanager
def refusing_304_writes(store: Store, feed: str) -> Iterator[None]:
    """The real database refuses to record a 304 of `feed` (a trigger raises), as a full disk
    would; the write that carries it fails whole."""
    refused = f"NEW.last_status = 304 AND NEW.name = '{feed}'"
    with store.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(
                f"CREATE TRIGGER refuse_304 BEFORE UPDATE ON feeds WHEN {refused}"
                " BEGIN SELECT RAISE(ABORT, 'no space left on device'); END"
            )
        else:
            connection.exec_driver_sql(
                "CREATE FUNCTION refuse_304() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                f" IF {refused} THEN RAISE EXCEPTION 'no space left on device';"
                " END IF; RETURN NEW; END $$"
            )
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse_304 BEFORE UPDATE ON feeds"
                " FOR EACH ROW EXECUTE FUNCTION refuse_304()"
            )
    try:
        yield
    finally:
        with store.engine.begin() as connection:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("DROP TRIGGER refuse_304")
            else:
                connection.exec_driver_sql("DROP TRIGGER refuse_304 ON feeds")
                connection.exec_driver_sql("DROP FUNCTION refuse_304()")


def test_a_batch_that_cannot_be_recorded_keeps_its_leases_for_a_retry(
    tmp_path: Path, feeds: FeedServer
) -> None:
    """The unchanged feeds of a batch whose write fails report an internal error and stay
    leased, so that they are checked again when the lease runs out. The changed feed of the
    same batch is stored, a feed whose health changed is recorded with its alert (so that the
    retry does not tell the user twice), and the round goes on."""
    urls = {n: feeds.set(f"{n}.xml", rss(n, [STORY])) for n in ("quiet", "busy", "flaky")}
    pipeline = make_pipeline(tmp_path, urls, {"claim_batch": 5, "lease_seconds": 60})
    store = pipeline.store
    poll(pipeline)
    make_failing(store, "flaky")
    feeds.set("busy.xml", rss("busy", [LATER, STORY]))
    now = datetime.now(UTC)
    store.make_all_due(now)
    refused = fetch_count("error", "store")

    with refusing_304_writes(store, "quiet"):
        reports = poll(pipeline, now)

    assert reports["busy"].status == "new"
    assert [a.title for a in reports["flaky"].alerts] == ["Feed flaky is back"]
    assert reports["quiet"].status == "error"
    assert reports["quiet"].error is not None
    assert "no space left on device" in reports["quiet"].error
    assert fetch_count("error", "store") - refused == 1
    quiet = {f.name: f for f in store.feeds()}["quiet"]
    assert quiet.claimed_by == pipeline.poller.instance_id and quiet.last_status == 200
    assert poll(pipeline, now + timedelta(seconds=30)) == {}  # still leased
    retried = poll(pipeline, now + timedelta(seconds=61))
    assert {n: r.status for n, r in retried.items()} == {"quiet": "not_modified"}
    quiet = {f.name: f for f in store.feeds()}["quiet"]
    assert (quiet.claimed_by, quiet.last_status) == (None, 304)
    health = [a.alert.title for a in store.alerts() if a.alert.kind == "feed_health"]
    assert health == ["Feed flaky is back"]
    store.close()


def test_a_shutdown_mid_batch_records_the_checks_done_and_leaves_the_rest_to_release(
    tmp_path: Path, feeds: FeedServer
) -> None:
    """One request at a time (per-host cap 1): `first` and `second` answer 304, then `slow`
    hangs and the round is cancelled, as SIGTERM's drain does. The two answered checks are
    recorded; `slow` is still leased to this instance, which hands it back."""
    names = ("first", "second", "slow")
    urls = {n: feeds.set(f"{n}.xml", rss(n, [STORY])) for n in names}
    pipeline = make_pipeline(tmp_path, urls, {"claim_batch": 5, "per_host_concurrency": 1})
    store = pipeline.store
    poll(pipeline)
    feeds.set("slow.xml", rss("slow", [STORY]), delay=3.0)
    store.make_all_due(datetime.now(UTC))

    async def cancelled_round() -> None:
        async with make_client(5) as client:
            round_ = asyncio.create_task(pipeline.poll_due(client, datetime.now(UTC)))
            while len(feeds.hits("slow.xml")) < 2:  # asked only once `second` was answered
                await asyncio.sleep(0.01)
            round_.cancel()
            with pytest.raises(asyncio.CancelledError):
                await round_

    asyncio.run(cancelled_round())

    states = {f.name: f for f in store.feeds()}
    assert [(states[n].last_status, states[n].claimed_by) for n in names] == [
        (304, None),
        (304, None),
        (200, pipeline.poller.instance_id),
    ]
    assert store.release_feed_leases(pipeline.poller.instance_id) == 1
    assert {f.claimed_by for f in store.feeds()} == {None}
    store.close()
