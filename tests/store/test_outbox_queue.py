"""The outbox as a work queue, on a real SQLite file and on the real PostgreSQL: claims under
leases, records guarded by the lease, released and re-queued rows, and the routing stage's
rows left alone. Several stores on one database stand for several daemon instances."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest
from delivery_support import START, queue
from sqlalchemy import update

from monitor.store import Store
from monitor.store.models import Delivery

LEASE = START + timedelta(minutes=5)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    store = Store.open(db_url)
    yield store
    store.close()


def _set(store: Store, delivery_id: int, **values: object) -> None:
    with store.session() as s:
        s.execute(update(Delivery).where(Delivery.id == delivery_id).values(**values))


def _ids(store: Store, alert_id: int) -> dict[str, int]:
    stored = store.alert(alert_id)
    assert stored is not None
    return {d.channel: d.id for d in stored.deliveries}


def test_rows_are_queued_with_a_stable_idempotency_key(store: Store) -> None:
    [alert_id] = queue(store, 1, ["email", "slack"])
    [first] = store.claim_due(START, "a", LEASE, channel="email")
    assert (first.alert_id, first.channel, first.attempts) == (alert_id, "email", 0)
    assert len(first.idempotency_key) == 40
    assert first.alert.dedup_key == "test-alert-0"
    [other] = store.claim_due(START, "a", LEASE)
    assert other.channel == "slack" and other.idempotency_key != first.idempotency_key


def test_a_claimed_row_is_nobody_elses_until_its_lease_expires(store: Store) -> None:
    queue(store, 1, ["email"])
    [row] = store.claim_due(START, "a", LEASE, limit=10)
    assert store.claim_due(START, "b", LEASE, limit=10) == []
    assert store.claim_due(LEASE - timedelta(seconds=1), "b", LEASE, limit=10) == []
    later = LEASE + timedelta(seconds=1)
    [again] = store.claim_due(later, "b", later + timedelta(minutes=5))
    assert (again.id, again.idempotency_key) == (row.id, row.idempotency_key)
    # "a" wakes up late: its failure no longer counts, the row is b's
    assert not store.record_attempt(row.id, "a", outcome="retry", now=later, retry_at=later)
    assert store.record_attempt(row.id, "b", outcome="sent", now=later)


def test_a_success_is_recorded_even_after_losing_the_lease(store: Store) -> None:
    queue(store, 1, ["email"])
    [row] = store.claim_due(START, "a", LEASE)
    assert store.start_attempt(row.id, "a")
    later = LEASE + timedelta(seconds=1)
    store.claim_due(later, "b", later + timedelta(minutes=5))
    assert not store.start_attempt(row.id, "a"), "the row is b's now"
    assert store.record_attempt(row.id, "a", outcome="sent", now=later)
    assert store.claim_due(later + timedelta(hours=1), "c", LEASE + timedelta(hours=2)) == []
    [state] = store.alert(row.alert_id).deliveries  # type: ignore[union-attr]
    assert (state.status, state.attempts) == ("sent", 1)


def test_future_rows_and_routing_states_are_left_alone(store: Store) -> None:
    ids = queue(store, 4, ["email"])
    rows = [_ids(store, a)["email"] for a in ids]
    _set(store, rows[0], next_attempt_at=START + timedelta(hours=8), held_reason="quiet hours")
    _set(store, rows[1], status="digest", held_reason="rate limit")
    _set(store, rows[2], status="digested", digest_id=rows[3])
    claimed = store.claim_due(START, "a", LEASE, limit=10)
    assert [c.id for c in claimed] == [rows[3]]
    assert store.due_channels(START) == []
    assert store.delivery_counts() == {"pending": 1, "digest": 1, "digested": 1, "sending": 1}
    [quiet] = store.claim_due(START + timedelta(hours=8), "a", LEASE + timedelta(hours=8))
    assert quiet.id == rows[0]


def test_release_hands_back_only_this_instances_rows(store: Store) -> None:
    queue(store, 3, ["email"])
    mine = store.claim_due(START, "a", LEASE, limit=2)
    theirs = store.claim_due(START, "b", LEASE, limit=2)
    assert len(mine) == 2 and len(theirs) == 1
    assert store.release_leases("a") == 2
    again = store.claim_due(START, "c", LEASE, limit=10)
    assert sorted(r.id for r in again) == sorted(r.id for r in mine)
    assert all(r.attempts == 0 for r in again)  # handing back is not an attempt


def test_failed_rows_are_requeued_by_alert_channel_or_delivery(store: Store) -> None:
    [one, two] = queue(store, 2, ["email", "sms"])
    for row in store.claim_due(START, "a", LEASE, limit=10):
        store.record_attempt(row.id, "a", outcome="failed", now=START, error="boom")
    assert store.alerts(status="failed", limit=10)[0].id == one
    assert store.requeue_failed(START, alert_id=one, channel="sms") == [
        (_ids(store, one)["sms"], one, "sms")
    ]
    assert store.requeue_failed(START, alert_id=one) == [(_ids(store, one)["email"], one, "email")]
    email_two = _ids(store, two)["email"]
    assert store.requeue_failed(START, delivery_id=email_two) == [(email_two, two, "email")]
    assert store.requeue_failed(START, alert_id=one) == []
    assert Counter(d.status for d in store.alert(one).deliveries) == {"pending": 2}  # type: ignore[union-attr]
    [state] = [d for d in store.alert(one).deliveries if d.channel == "email"]  # type: ignore[union-attr]
    assert (state.attempts, state.last_error) == (0, None)
    with pytest.raises(ValueError, match="exactly one"):
        store.requeue_failed(START)


def test_defer_channel_moves_only_that_channels_earlier_rows(store: Store) -> None:
    queue(store, 3, ["email", "sms"])
    later = START + timedelta(minutes=10)
    assert store.defer_channel("email", later) == 3
    assert store.due_channels(START) == ["sms"]
    assert store.due_channels(later) == ["email", "sms"]


def test_concurrent_instances_never_claim_the_same_row(db_url: str, store: Store) -> None:
    queue(store, 60, ["email", "sms"])
    claims: Counter[int] = Counter()
    lock = threading.Lock()

    def instance(name: str) -> None:
        own = Store.open(db_url)
        try:
            while rows := own.claim_due(START, name, LEASE, limit=3):
                with lock:
                    claims.update(r.id for r in rows)
        finally:
            own.close()

    threads = [threading.Thread(target=instance, args=(f"i{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(claims) == 120
    assert set(claims.values()) == {1}
