"""A feed's new entries are written in one transaction, and a batch that the database refuses
is written again one entry at a time: the entry it refuses is left out (and read again on
the next poll), the others keep their articles, stories, alerts and outbox rows. A trigger
on the real database (SQLite or PostgreSQL) is the fault."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from feed_server import FeedServer
from helpers import BACKEND, Item, rss, write_config
from sqlalchemy import Engine, event, text

from monitor.config import load_config
from monitor.fetch import make_client
from monitor.metrics import REGISTRY
from monitor.pipeline import FeedReport, Pipeline
from monitor.pipeline.ingest import Ingested
from monitor.records import Entry
from monitor.store import Store

BASE = datetime(2021, 9, 1, 8, 0, tzinfo=UTC)
FIRST = Item(
    "g1",
    "Taliban columns reach the Panjshir valley",
    "Taliban fighters advanced toward Panjshir from Kabul on Tuesday morning.",
    "https://wire.example.com/columns",
    BASE,
)
POISON = Item(
    "g2",
    "Poison headline about Panjshir",
    "Resistance commanders in Panjshir spoke to reporters as Kabul waited for news.",
    "https://wire.example.com/poison",
    BASE + timedelta(minutes=1),
)
THIRD = Item(
    "g3",
    "Amrullah Saleh issues a statement",
    "Amrullah Saleh wrote that the valley would not surrender to the Taliban.",
    "https://wire.example.com/statement",
    BASE + timedelta(minutes=2),
)
LATER = Item(
    "g4",
    "Kabul airport reopens",
    "Flights left Kabul as the Taliban announced new rules for travel out of Panjshir.",
    "https://wire.example.com/airport",
    BASE + timedelta(minutes=4),
)
COPY_OF_FIRST = Item(
    "g1-again",
    "Taliban columns reach the Panjshir valley",
    "Taliban fighters advanced toward Panjshir from Kabul on Tuesday morning.",
    "https://wire.example.com/columns?utm_source=rss",
    BASE + timedelta(minutes=3),
)

SQLITE_TRIGGER = """
CREATE TRIGGER reject_poison BEFORE INSERT ON articles
WHEN NEW.title LIKE 'Poison%'
BEGIN SELECT RAISE(ABORT, 'poison entry rejected'); END
"""
POSTGRES_FUNCTION = """
CREATE FUNCTION reject_poison() RETURNS trigger AS $$
BEGIN
  IF NEW.title LIKE 'Poison%' THEN RAISE EXCEPTION 'poison entry rejected'; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql
"""
POSTGRES_TRIGGER = """
CREATE TRIGGER reject_poison BEFORE INSERT ON articles
FOR EACH ROW EXECUTE FUNCTION reject_poison()
"""


def make_pipeline(tmp_path: Path, urls: dict[str, str]) -> Pipeline:
    channels = {"ops": "json://127.0.0.1:9/hook"}
    config = load_config(write_config(tmp_path, urls, channels=channels))
    pipeline = Pipeline(config, Store.open(config.database_url()))
    pipeline.sync_feeds(datetime.now(UTC))
    return pipeline


def poll(pipeline: Pipeline) -> dict[str, FeedReport]:
    async def round_() -> list[FeedReport]:
        async with make_client(5) as client:
            return await pipeline.poll_due(client, datetime.now(UTC))

    return {r.feed: r for r in asyncio.run(round_())}


def reject_poison(engine: Engine) -> None:
    statements = [SQLITE_TRIGGER] if BACKEND == "sqlite" else [POSTGRES_FUNCTION, POSTGRES_TRIGGER]
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def accept_poison(engine: Engine) -> None:
    on = "" if BACKEND == "sqlite" else " ON articles"
    with engine.begin() as connection:
        connection.execute(text(f"DROP TRIGGER reject_poison{on}"))


@contextmanager
def commits(engine: Engine) -> Iterator[list[str]]:
    """One item per transaction committed on the engine inside the block."""
    seen: list[str] = []

    def record(connection: object) -> None:
        seen.append("commit")

    event.listen(engine, "commit", record)
    try:
        yield seen
    finally:
        event.remove(engine, "commit", record)


def article_titles(pipeline: Pipeline) -> list[str]:
    with pipeline.store.engine.connect() as connection:
        rows = connection.execute(text("SELECT title FROM articles ORDER BY id"))
        return [row[0] for row in rows]


def queued_deliveries(pipeline: Pipeline) -> list[tuple[str, str]]:
    with pipeline.store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT alerts.title, deliveries.channel FROM deliveries"
                " JOIN alerts ON alerts.id = deliveries.alert_id ORDER BY alerts.id"
            )
        )
        return [(row[0], row[1]) for row in rows]


def ingested() -> float:
    return REGISTRY.get_sample_value("monitor_entries_ingested_total") or 0.0


def test_a_feeds_new_entries_are_written_in_one_transaction(
    tmp_path: Path, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three new entries and the copy of one of them: one commit writes them all, and the
    copy, seen in the same transaction as its original, joins it instead of alerting again."""
    url = feeds.set("wire.xml", rss("Wire", [FIRST, POISON, THIRD, COPY_OF_FIRST]))
    pipeline = make_pipeline(tmp_path, {"wire": url})
    ingest = pipeline.ingestor.ingest

    def counted(entries: Sequence[Entry], now: datetime, *, queue: bool) -> Ingested:
        with commits(pipeline.store.engine) as seen:
            result = ingest(entries, now, queue=queue)
        transactions.append(len(seen))
        return result

    transactions: list[int] = []
    monkeypatch.setattr(pipeline.ingestor, "ingest", counted)
    before = ingested()
    report = poll(pipeline)["wire"]

    assert transactions == [1]
    assert report.new_entries == 4
    assert ingested() - before == 4
    assert article_titles(pipeline) == [FIRST.title, POISON.title, THIRD.title, FIRST.title]
    with pipeline.store.engine.connect() as connection:
        copy = connection.execute(
            text("SELECT duplicate_of, story_id FROM articles WHERE guid = 'g1-again'")
        ).one()
        original = connection.execute(
            text("SELECT id, story_id FROM articles WHERE guid = 'g1'")
        ).one()
    assert tuple(copy) == tuple(original)
    alerted = [title for title, _ in queued_deliveries(pipeline)]
    assert alerted == [f"New story: {item.title}" for item in (FIRST, POISON, THIRD)]
    pipeline.store.close()


def test_an_entry_the_database_refuses_loses_none_of_the_others(
    tmp_path: Path, feeds: FeedServer
) -> None:
    """The batch fails on the poisoned entry, is rolled back, and is written again entry by
    entry: the other two are stored with their alerts queued, counted once; the refused one
    is stored on the next poll once the database accepts it."""
    url = feeds.set("wire.xml", rss("Wire", [FIRST, POISON, THIRD]))
    pipeline = make_pipeline(tmp_path, {"wire": url})
    reject_poison(pipeline.store.engine)
    before = ingested()

    report = poll(pipeline)["wire"]

    assert report.new_entries == 2
    assert ingested() - before == 2
    assert article_titles(pipeline) == [FIRST.title, THIRD.title]
    assert queued_deliveries(pipeline) == [
        (f"New story: {FIRST.title}", "ops"),
        (f"New story: {THIRD.title}", "ops"),
    ]

    accept_poison(pipeline.store.engine)
    feeds.set("wire.xml", rss("Wire", [FIRST, POISON, THIRD, LATER]))
    pipeline.store.make_all_due(datetime.now(UTC))
    report = poll(pipeline)["wire"]

    assert report.new_entries == 2
    assert article_titles(pipeline) == [FIRST.title, THIRD.title, POISON.title, LATER.title]
    titles = [title for title, _ in queued_deliveries(pipeline)]
    assert titles == [f"New story: {i.title}" for i in (FIRST, THIRD, POISON, LATER)]
    pipeline.store.close()
