"""The dedup lookup every new entry makes (`copy_of`): the right answer, and an indexed one
whatever the store holds. Work is counted in SQLite virtual-machine steps, not time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers import store_url
from sqlalchemy import insert
from sqlalchemy.orm import Session

from monitor.store import Store
from monitor.store.models import Article

NOW = datetime(2021, 9, 6, 12, 0, tzinfo=UTC)
STORED = 20_000
STEPS_PER_TICK = 100


def article(i: int, feed_id: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": i,
        "feed_id": feed_id,
        "guid": f"g{i}",
        "url": f"https://wire.example/a/{i}",
        "canonical_url": f"https://wire.example/a/{i}",
        "outlet": "Wire",
        "title": "t",
        "summary": "",
        "content": "",
        "published": NOW,
        "fetched_at": NOW,
        "matched": False,
        "fingerprint": f"fp{i}",
        "duplicate_of": None,
        **extra,
    }


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(store_url(tmp_path))
    store.sync_feeds([("wire", "https://wire.example/rss", 300, True)], NOW)
    with store.session() as session:
        feed_id = store.feed_id(session, "wire")
    rows = [article(i, feed_id) for i in range(1, STORED + 1)]
    rows += [
        article(STORED + 1, feed_id, canonical_url="https://wire.example/a/7", duplicate_of=7),
        article(STORED + 2, feed_id, canonical_url="https://x.example/copy", fingerprint="fp9"),
        article(STORED + 3, feed_id, canonical_url="https://y.example/late", fingerprint="late"),
    ]
    with store.engine.begin() as connection:
        connection.execute(insert(Article), rows)
    yield store
    store.close()


def steps(session: Session, call: Any) -> tuple[Any, int]:
    """What `call()` returned, and how many SQLite VM steps (in hundreds) it took."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    ticks = [0]

    def tick() -> int:
        ticks[0] += 1
        return 0

    raw.set_progress_handler(tick, STEPS_PER_TICK)
    try:
        return call(), ticks[0]
    finally:
        raw.set_progress_handler(None, STEPS_PER_TICK)


def test_a_copy_is_found_by_url_or_by_body_and_the_oldest_original_wins(store: Store) -> None:
    with store.session() as session:
        assert store.copy_of(session, "https://wire.example/a/7", None) == (7, None)
        assert store.copy_of(session, "https://nowhere.example/", "fp12") == (12, None)
        # URL of one article, body of an older one: the older is the original
        assert store.copy_of(session, "https://x.example/copy", "fp3") == (3, None)
        assert store.copy_of(session, "https://y.example/late", "fp5") == (5, None)
        assert store.copy_of(session, "https://nowhere.example/", None) is None
        assert store.copy_of(session, "https://nowhere.example/", "nothing") is None


@pytest.mark.sqlite_only("counts SQLite's virtual machine steps")
def test_looking_up_a_new_entry_reads_a_few_rows_not_the_store(store: Store) -> None:
    with store.session() as session:
        found, new_ticks = steps(
            session, lambda: store.copy_of(session, "https://nowhere.example/", "nothing")
        )
        assert found is None
        _, known_ticks = steps(
            session, lambda: store.copy_of(session, f"https://wire.example/a/{STORED}", None)
        )
    # a scan of 20,000 rows takes hundreds of thousands of steps; an index lookup a few hundred
    assert new_ticks < 20 and known_ticks < 20, (new_ticks, known_ticks)
