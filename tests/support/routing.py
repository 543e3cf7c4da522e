"""A configuration with routes, digests and rate limits over a real SMTP server, a clock the
tests move, and the story its alerts come from."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from feed_server import FeedServer
from helpers import Item, rss

from monitor.config import load_config
from monitor.fetch import make_client
from monitor.pipeline import Pipeline
from monitor.pipeline.delivery import Outbox
from monitor.store import Store

RATE = """
[[watches]]
name = "panjshir"
entities = ["Panjshir", "National Resistance Front", "Amrullah Saleh"]
channels = ["pager"]

[[channels]]
name = "pager"
url = "{url}"
rate_limit = "3/hour"
"""
ENTITIES = """
[polling]
allow_private = true
timeout_seconds = 5

[[entities]]
name = "National Resistance Front"
kind = "group"
aliases = ["NRF"]

[[entities]]
name = "Panjshir"
kind = "place"
aliases = ["Panjshir valley"]

[[entities]]
name = "Amrullah Saleh"
kind = "person"
aliases = ["Saleh"]

[[entities]]
name = "Taliban"
kind = "group"
"""


Smtp = tuple[str, int, list[EmailMessage]]


def mailto(smtp: Smtp, to: str) -> str:
    host, port, _ = smtp
    return f"mailto://{host}:{port}?from=monitor@example.org&to={to}@example.org"


def make_setup(
    tmp_path: Path, feeds: FeedServer, config_text: str, start: datetime, storage: str
) -> Setup:
    """A configuration file with `config_text` (and `storage`, a [storage] line), and a
    pipeline on it whose outbox reads the test's clock."""
    path = tmp_path / "monitor.toml"
    path.write_text(
        f"[storage]\n{storage}\n{ENTITIES}\n"
        f'[[feeds]]\nname = "wire"\nurl = "{feeds.url("wire.xml")}"\n{config_text}',
        encoding="utf-8",
    )
    config = load_config(path, {})
    store = Store.open(config.database_url())
    clock = Clock(start)
    pipeline = Pipeline(config, store)
    pipeline.outbox = Outbox(config, store, clock=clock)
    pipeline.sync_feeds(start)
    return Setup(pipeline, store, clock, path, feeds)


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def story(n: int) -> Item:
    """Ten unrelated stories that each match the watch (no two are copies of each other)."""
    places = [
        "Bazarak",
        "Rukha",
        "Anaba",
        "Dara",
        "Khenj",
        "Shutul",
        "Paryan",
        "Unaba",
        "Abdullah Khel",
        "Astana",
    ]
    topics = [
        "a bridge was repaired",
        "a school reopened",
        "the market was closed",
        "a flood damaged roads",
        "a clinic ran out of medicine",
        "elders met officials",
        "a convoy was stopped",
        "power was cut for days",
        "a road was mined",
        "traders raised bread prices",
    ]
    return Item(
        guid=f"r{n}",
        title=f"In {places[n]}, {topics[n]}",
        body=f"Residents of {places[n]} in the Panjshir valley said {topics[n]} on day {n}.",
        link=f"https://wire.example.com/local/{n}",
        published=datetime(2021, 8, 23, 8, n, tzinfo=UTC),
    )


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Setup:
    """A pipeline over a real SQLite file, its store and the clock every part reads."""

    pipeline: Pipeline
    store: Store
    clock: Clock
    config_path: Path
    feeds: FeedServer
    closed: list[Store] = field(default_factory=list)

    def poll(self, *items: Item) -> datetime:
        """Serve `items` and poll them over HTTP; returns the time the entries were stamped."""
        self.feeds.set("wire.xml", rss("Example Wire", list(items)))
        self.store.make_all_due(datetime.now(UTC))

        async def once() -> None:
            async with make_client(5) as client:
                await self.pipeline.poll_due(client, datetime.now(UTC))

        asyncio.run(once())
        return datetime.now(UTC)

    def ingest(self, at: datetime, *items: Item) -> None:
        """The feed document holding `items`, processed as if fetched at `at`."""
        self.clock.now = at
        path = self.config_path.parent / "wire-snapshot.xml"
        path.write_text(rss("Example Wire", list(items)), encoding="utf-8")
        report = self.pipeline.replay_file(path, at, queue=True)
        assert report.status == "new", report

    def deliver(self, at: datetime) -> list[str]:
        """Run one delivery round at `at`; the channels that sent something."""
        self.clock.now = at
        attempts = asyncio.run(self.pipeline.deliver_due(at))
        assert all(a.outcome == "sent" for a in attempts), attempts
        return [a.channel for a in attempts]

    def flush(self, at: datetime) -> list[int]:
        self.clock.now = at
        return self.pipeline.flush_digests(at)

    def statuses(self) -> list[tuple[str, str, str | None]]:
        return [
            (d.channel, d.status, d.held_reason)
            for stored in self.store.alerts(limit=1000)
            for d in stored.deliveries
        ]
