"""Feed claims are leases, on SQLite and on the real PostgreSQL: a feed claimed by one instance
is not claimable by another until its lease runs out (the clock is passed in), the check's
result or a clean shutdown releases it, and instances claiming at the same moment never get
the same feed."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from feed_server import FeedServer
from helpers import Item, rss, write_config

from monitor.config import ConfigError, load_config, parse_config
from monitor.fetch import make_client
from monitor.pipeline import Pipeline
from monitor.records import FetchResult
from monitor.store import FeedState, Store
from monitor.store.feeds import UnchangedCheck

NOW = datetime(2021, 9, 6, 12, 0, tzinfo=UTC)
LEASE = timedelta(seconds=60)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    store = Store.open(db_url)
    yield store
    store.close()


def add_feeds(store: Store, count: int, *, due: datetime = NOW) -> list[str]:
    names = [f"feed-{i:03d}" for i in range(count)]
    store.sync_feeds([(n, f"https://{n}.example/rss", 600, True) for n in names], due)
    return names


def claim(store: Store, instance: str, at: datetime, limit: int = 100) -> list[str]:
    return [t.name for t in store.claim_due_feeds(at, LEASE, limit, instance_id=instance)]


def test_a_leased_feed_goes_to_another_instance_only_when_the_lease_runs_out(
    store: Store,
) -> None:
    names = add_feeds(store, 3)
    assert claim(store, "A", NOW) == names
    assert store.feed_state(names[0]).claimed_by == "A"
    assert store.feed_state(names[0]).lease_until == NOW + LEASE
    assert claim(store, "B", NOW + LEASE - timedelta(seconds=1)) == []
    assert claim(store, "A", NOW + LEASE - timedelta(seconds=1)) == []  # not twice to A either
    # A crashed: at the end of its lease the feeds are B's.
    assert claim(store, "B", NOW + LEASE) == names
    assert {store.feed_state(n).claimed_by for n in names} == {"B"}


def test_recording_the_check_releases_the_lease_and_sets_the_next_check(store: Store) -> None:
    ok, broken = add_feeds(store, 2)
    assert claim(store, "A", NOW) == [ok, broken]
    later = NOW + timedelta(minutes=10)
    store.record_success(ok, FetchResult(ok, "u", NOW, 304), later)
    store.record_failure(broken, checked_at=NOW, next_check_at=later, status=500, error="500")
    for name in (ok, broken):
        state = store.feed_state(name)
        assert (state.claimed_by, state.lease_until, state.next_check_at) == (None, None, later)
    # Released, yet checked: nobody takes them before their next check is due.
    assert claim(store, "B", NOW + LEASE * 2) == []
    assert claim(store, "B", later) == [ok, broken]


def test_a_clean_shutdown_hands_back_only_its_own_feeds(store: Store) -> None:
    names = add_feeds(store, 4)
    assert claim(store, "A", NOW, limit=2) == names[:2]
    assert claim(store, "B", NOW, limit=2) == names[2:]
    assert store.release_feed_leases("A") == 2
    assert store.release_feed_leases("A") == 0
    # A's feeds are due at once for C; B's stay with B.
    assert claim(store, "C", NOW + timedelta(seconds=1)) == names[:2]
    assert store.feed_state(names[3]).claimed_by == "B"


def test_claims_come_in_due_order_limited_to_the_batch_and_the_cutoff(store: Store) -> None:
    store.sync_feeds(
        [
            ("late", "https://late.example/rss", 600, True),
            ("early", "https://early.example/rss", 600, True),
            ("off", "https://off.example/rss", 600, False),
        ],
        NOW,
    )
    store.record_success("late", FetchResult("late", "u", NOW, 304), NOW + timedelta(seconds=20))
    store.record_success("early", FetchResult("early", "u", NOW, 304), NOW + timedelta(seconds=10))
    at = NOW + timedelta(seconds=30)
    due_by = NOW + timedelta(seconds=15)
    cut = store.claim_due_feeds(at, LEASE, 10, instance_id="A", due_by=due_by)
    assert [t.name for t in cut] == ["early"]  # "late" fell due after the cutoff
    store.release_feed_leases("A")
    assert claim(store, "A", at, limit=1) == ["early"]
    assert claim(store, "A", at, limit=5) == ["late"]  # the disabled feed is never claimed


def test_instances_claiming_at_the_same_moment_never_get_the_same_feed(db_url: str) -> None:
    """Four instances (each its own engine and connections) claim batches of five from 200
    due feeds, all released at once by a barrier, until none is left."""
    setup = Store.open(db_url)
    names = add_feeds(setup, 200)
    setup.close()
    instances = [f"instance-{i}" for i in range(4)]
    claims: dict[str, list[str]] = {i: [] for i in instances}
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(instances))

    def claimer(instance: str) -> None:
        store = Store.open(db_url)
        try:
            barrier.wait()
            while batch := claim(store, instance, NOW, limit=5):
                claims[instance] += batch
        except BaseException as exc:
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=claimer, args=(i,)) for i in instances]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    taken = [name for batch in claims.values() for name in batch]
    assert sorted(taken) == names  # every feed once: none twice, none left behind


def test_instances_starting_together_add_the_configured_feeds_once(db_url: str) -> None:
    """Every instance writes the configuration's feeds on start; four starting at the same
    moment on a fresh database must all come up, with each feed stored once."""
    stores = [Store.open(db_url) for _ in range(4)]
    configured = [(f"feed-{i:03d}", f"https://f{i}.example/rss", 600, True) for i in range(50)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(stores))

    def start(store: Store) -> None:
        try:
            barrier.wait()
            store.sync_feeds(configured, NOW)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [f.name for f in stores[0].feeds()] == [name for name, *_ in configured]
    for store in stores:
        store.close()


def test_a_round_checks_the_due_feeds_batch_by_batch_and_leaves_a_peers_alone(
    tmp_path: Path, feeds: FeedServer
) -> None:
    """Five feeds, batches of two, one feed held by another instance: the round fetches the
    other four once each, in due order, and the held one only once the peer's lease ran out."""
    names = [f"wire-{i}" for i in range(5)]
    path = write_config(tmp_path, {n: feeds.set(f"{n}.xml", rss(n, [])) for n in names})
    config = load_config(path)
    config = config.model_copy(
        update={"polling": config.polling.model_copy(update={"claim_batch": 2})}
    )
    store = Store.open(config.database_url())
    pipeline = Pipeline(config, store)
    start = datetime.now(UTC)
    pipeline.sync_feeds(start)
    assert claim(store, "peer", start, limit=1) == ["wire-0"]

    async def poll(now: datetime) -> list[str]:
        async with make_client(5) as client:
            return [r.feed for r in await pipeline.poll_due(client, now)]

    assert asyncio.run(poll(start)) == names[1:]
    assert [len(feeds.hits(f"{n}.xml")) for n in names] == [0, 1, 1, 1, 1]
    assert asyncio.run(poll(start + LEASE)) == ["wire-0"]  # the peer crashed: its lease ran out
    assert [len(feeds.hits(f"{n}.xml")) for n in names] == [1, 1, 1, 1, 1]
    assert {f.claimed_by for f in store.feeds()} == {None}
    store.close()


def test_renewing_extends_the_leases_an_instance_still_holds_and_no_others(store: Store) -> None:
    names = add_feeds(store, 3)
    assert claim(store, "A", NOW, limit=2) == names[:2]
    assert claim(store, "B", NOW) == names[2:]
    later = NOW + LEASE - timedelta(seconds=1)
    assert store.renew_feed_leases("A", later, LEASE) == 2
    assert {store.feed_state(n).lease_until for n in names[:2]} == {later + LEASE}
    assert store.feed_state(names[2]).lease_until == NOW + LEASE  # B's own, untouched
    assert claim(store, "C", NOW + LEASE) == names[2:]  # B's ran out; A's were renewed
    # A lease that has run out is not renewed: another instance may hold the feed already.
    assert store.renew_feed_leases("B", NOW + LEASE * 3, LEASE) == 0
    assert store.renew_feed_leases("A", later + LEASE * 2, LEASE) == 0
    assert claim(store, "D", later + LEASE * 2) == names  # every lease has run out


def test_a_check_slower_than_its_lease_keeps_its_feed_while_it_runs(
    tmp_path: Path, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Processing a new document has no deadline (extraction, the model's first load): the
    poller renews its leases while the round runs, so a peer claiming meanwhile gets nothing,
    and the feed is fetched once."""
    item = Item(
        "g1", "Fighting near Bazarak", "The NRF said it held the valley.", "https://x.example/1"
    )
    path = write_config(tmp_path, {"wire": feeds.set("wire.xml", rss("wire", [item]))})
    config = load_config(path)
    # a fetch bound loose enough for a loaded machine (0.3 s timed out in CI once), the lease
    # just longer, the slow ingest and the peer's claim kept in the same proportions
    polling = {"timeout_seconds": 0.5, "deadline_seconds": 0.9, "lease_seconds": 1.2}
    config = config.model_copy(update={"polling": config.polling.model_copy(update=polling)})
    store = Store.open(config.database_url())
    peer = Store.open(config.database_url())
    pipeline = Pipeline(config, store)
    start = datetime.now(UTC)
    pipeline.sync_feeds(start)
    ingest = pipeline.ingestor.ingest

    def slow_ingest(*args: Any, **kwargs: Any) -> Any:
        time.sleep(3.0)  # two and a half leases, on the store thread, as a long extraction is
        return ingest(*args, **kwargs)

    monkeypatch.setattr(pipeline.ingestor, "ingest", slow_ingest)

    async def round_and_peer() -> tuple[list[str], list[str]]:
        async def peer_claims() -> list[str]:
            await asyncio.sleep(2.0)  # after the first lease would have run out
            return await asyncio.to_thread(claim, peer, "peer", datetime.now(UTC))

        async with make_client(5) as client:
            checked, taken = await asyncio.gather(pipeline.poll_due(client, start), peer_claims())
        return [r.feed for r in checked], taken

    checked, taken = asyncio.run(round_and_peer())
    assert (checked, taken) == (["wire"], [])
    assert len(feeds.hits("wire.xml")) == 1
    assert store.feed_state("wire").claimed_by is None  # recorded: released
    peer.close()
    store.close()


def test_a_lease_shorter_than_a_fetch_is_refused_with_the_reason(tmp_path: Path) -> None:
    raw = {"polling": {"timeout_seconds": 20, "lease_seconds": 30}}
    with pytest.raises(ConfigError) as refused:
        parse_config(raw, tmp_path / "monitor.toml", {})
    assert refused.value.problems == [
        "polling: lease_seconds (30) must be longer than a fetch may take"
        " (deadline_seconds, or twice timeout_seconds: 40)"
    ]
    fine = parse_config({"polling": {"lease_seconds": 41, "timeout_seconds": 20}}, tmp_path, {})
    assert fine.polling.lease_seconds == 41


def test_a_claim_hands_over_each_feeds_state_as_the_claim_left_it(store: Store) -> None:
    """What processing a check needs (validators, body hash, health, errors...) comes with the
    claim, so that the poller reads nothing more."""
    names = add_feeds(store, 2)
    seen = FetchResult(names[0], "u", NOW, 200, b"<rss/>", etag='"v1"', last_modified="Mon")
    store.record_success(names[0], seen, NOW, body_hash="abc", title="Wire", rhythm=3600, ttl=60)
    store.record_failure(names[1], checked_at=NOW, next_check_at=NOW, status=500, error="500")
    claimed = store.claim_due_feeds(NOW, LEASE, 10, instance_id="A")
    assert claimed == [store.feed_state(n) for n in names]
    assert (claimed[0].etag, claimed[0].last_modified, claimed[0].body_hash) == (
        '"v1"',
        "Mon",
        "abc",
    )
    assert claimed[0].target.etag == '"v1"' and claimed[1].error_count == 1
    assert {(c.claimed_by, c.lease_until) for c in claimed} == {("A", NOW + LEASE)}


def prepare(store: Store, name: str, history: str) -> FeedState:
    """A feed with a past: never checked, read once, or failing after it was read once."""
    if history != "fresh":
        read = FetchResult(name, "u", NOW, 200, b"<rss/>", etag='"v1"', last_modified="Mon")
        store.record_success(
            name, read, NOW, body_hash="h1", title="Wire", new_entries=3, rhythm=3600, ttl=60
        )
    if history == "failing":
        for _ in range(2):
            store.record_failure(
                name,
                checked_at=NOW,
                next_check_at=NOW,
                status=500,
                error="HTTP 500",
                health="failing",
            )
    return store.feed_state(name)


@pytest.mark.parametrize("history", ["fresh", "read", "failing"])
def test_checks_recorded_together_leave_the_rows_that_recording_each_alone_leaves(
    store: Store, history: str
) -> None:
    """A batch of unchanged checks (304 with or without new validators, the same body again)
    written in one statement leaves each feed's row as `record_success` leaves it."""
    checked = NOW + timedelta(minutes=5)
    results = [
        FetchResult("", "u", checked, 304),
        FetchResult("", "u", checked, 304, etag='"v2"'),
        FetchResult("", "u", checked, 200, b"<rss/>", last_modified="Tue"),
    ]
    names = add_feeds(store, 2 * len(results), due=NOW - timedelta(hours=1))
    states = [prepare(store, name, history) for name in names]
    assert claim(store, "A", checked) == names
    batch = []
    for i, result in enumerate(results):
        alone, together = states[2 * i], states[2 * i + 1]
        next_at, health = checked + timedelta(minutes=15), "healthy"
        store.record_success(
            alone.name,
            dataclasses.replace(result, feed=alone.name),
            next_at,
            poll_interval=900.4,
            rhythm=alone.rhythm_seconds,
            ttl=alone.ttl_seconds,
            health=health,
        )
        batch.append(
            UnchangedCheck(
                together.name,
                checked_at=checked,
                status=result.status,
                next_check_at=next_at,
                poll_interval=900.4,
                health=health,
                etag=result.etag,
                last_modified=result.last_modified,
            )
        )
    store.record_unchanged(batch)
    rows = [dataclasses.replace(store.feed_state(n), name="", url="") for n in names]
    for i in range(len(results)):
        assert rows[2 * i] == rows[2 * i + 1]
    assert rows[0].claimed_by is None and rows[0].last_checked_at == checked
