"""Several `monitor run` processes on one database, against a loopback feed farm and a real SMTP
server, for several rounds.

A round: the test makes every feed due (as the passing of its interval would), some feeds
publish a new article, and the daemons (ticking every 0.2 s, feeds due once an hour) share the
work. The round is over when every feed has been checked and released and the outbox is empty.
Then the farm's request log says how often each feed was fetched in the round: exactly once.
In one round an instance is SIGKILLed while it holds feeds mid-fetch; its feeds are fetched by
another instance once its lease (5 s here) runs out, and by nobody else. At the end, every
email that arrived is matched to its outbox row by the idempotency key in its Message-ID:
every alert delivered exactly once.

On PostgreSQL three instances run; on SQLite one, restarted after the kill (a new instance:
it takes its predecessor's feeds when their leases run out, not before)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from feed_server import FeedServer
from helpers import BOTH, WATCHLIST, Item, rss
from postgres_support import postgres_schema
from sqlalchemy import select

from monitor.store import Store
from monitor.store.models import Delivery

ROOT = Path(__file__).resolve().parents[2]
FEEDS = 24
WAIT_SECONDS = 40.0  # a round that is not over by then has failed: nothing here times work
SYLLABLES = "ka ro mi den sul var tio pen gra lus mo ther ban qui zel fon dra pi nex hol".split()


def config_text(database: str, farm: FeedServer, mail: str) -> str:
    feeds = "".join(f'[[feeds]]\nname = "{n}"\nurl = "{farm.url(n + ".xml")}"\n\n' for n in names())
    return f"""
[storage]
{database}

[polling]
allow_private = true
tick_seconds = 0.2
interval_seconds = 3600
min_interval_seconds = 3600
timeout_seconds = 3
deadline_seconds = 4
lease_seconds = 5
claim_batch = 4
per_host_concurrency = 4

[delivery]
timeout_seconds = 4
lease_seconds = 5

[[channels]]
name = "email"
url = "{mail}"
format = "text"

{feeds}
{WATCHLIST.replace("{channels}", '["email"]')}
"""


def names() -> list[str]:
    return [f"feed-{i:02d}" for i in range(FEEDS)]


@dataclass
class Farm:
    """The feeds' contents: each feed's articles so far, newest first."""

    server: FeedServer
    items: dict[str, list[Item]] = field(default_factory=dict)

    def publish(self, round_number: int, feeds: list[str], *, delay: float = 0.0) -> None:
        """`feeds` publish one new article each; every feed answers after `delay` seconds."""
        for name in names():
            if name in feeds:
                self.items.setdefault(name, []).insert(0, article(name, round_number))
            self.server.set(f"{name}.xml", rss(name, self.items.get(name, [])), delay=delay)

    def fetched_since(self, mark: int) -> Counter[str]:
        return Counter(path.strip("/").removesuffix(".xml") for path, _ in self.requests(mark))

    def requests(self, mark: int) -> list[tuple[str, dict[str, str]]]:
        return self.server.requests[mark:]

    def mark(self) -> int:
        return len(self.server.requests)


def article(feed: str, round_number: int) -> Item:
    """A new story of our own making: its words are drawn at random, so no two articles are
    near-duplicates and each makes a story (and an alert) of its own."""
    rng = random.Random(f"{feed}/{round_number}")
    words = " ".join("".join(rng.sample(SYLLABLES, 2)) for _ in range(40))
    body = f"Fighting in the Panjshir valley, Afghanistan, as the Taliban advance. {words}."
    return Item(
        guid=f"{feed}-{round_number}",
        title=f"Panjshir report {feed} round {round_number}",
        body=body,
        link=f"https://news.example.org/{feed}/{round_number}",
        published=datetime(2021, 9, 1, 8, tzinfo=UTC) + timedelta(hours=round_number),
    )


@dataclass
class Instance:
    """One `monitor run` process; its output goes to a log file shown when a wait fails."""

    process: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(cls, config: Path, log: Path) -> Instance:
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "monitor", "--config", str(config), "run"],
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        return cls(process, log)

    def holds(self, claimed_by: str | None) -> bool:
        """Whether a lease's holder is this process (an instance id is host:pid:random)."""
        return claimed_by is not None and claimed_by.rsplit(":", 2)[-2] == str(self.process.pid)

    def signal(self, sig: signal.Signals) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, sig)

    def stop(self) -> int:
        self.signal(signal.SIGCONT)
        self.signal(signal.SIGTERM)
        try:
            return self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            return self.process.wait()


@dataclass
class Cluster:
    """The daemons under test (`size` of them), the farm, and a store to watch them through."""

    size: int
    farm: Farm
    store: Store
    config: Path
    logs: Path
    instances: list[Instance] = field(default_factory=list)

    def start(self) -> Instance:
        instance = Instance.start(self.config, self.logs / f"instance-{len(self.instances)}.log")
        self.instances.append(instance)
        return instance

    def wait_until(self, what: str, condition: Callable[[], bool]) -> None:
        give_up = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > give_up:
                raise AssertionError(f"gave up waiting until {what}\n{self.log_tails()}")
            time.sleep(0.05)

    def log_tails(self) -> str:
        return "\n".join(
            f"--- {i.log.name} (exit {i.process.poll()}):\n"
            + "\n".join(i.log.read_text(errors="replace").splitlines()[-25:])
            for i in self.instances
        )

    def round_over(self, since: datetime) -> bool:
        """Every feed checked since `since` and released, and nothing left in the outbox."""
        feeds = self.store.feeds()
        checked = all(
            f.claimed_by is None and f.last_checked_at is not None and f.last_checked_at >= since
            for f in feeds
        )
        return checked and len(feeds) == FEEDS and not self.outbox_busy()

    def outbox_busy(self) -> bool:
        with self.store.session() as s:
            busy = select(Delivery.id).where(Delivery.status.in_(("pending", "sending")))
            return s.execute(busy.limit(1)).first() is not None

    def play_round(self, number: int, *, first: bool = False) -> Counter[str]:
        """Publish, make every feed due, wait for the round to end; fetches per feed."""
        self.farm.publish(number, names() if first else names()[number % 3 :: 3])
        mark, since = self.farm.mark(), datetime.now(UTC)
        if first:  # a new feed is due at once: starting the daemons starts the round
            for _ in range(self.size):
                self.start()
        else:
            self.store.make_all_due(since)
        self.wait_until(f"round {number} is over", lambda: self.round_over(since))
        return self.farm.fetched_since(mark)


def kill_mid_round(cluster: Cluster, number: int) -> None:
    """The round in which the first instance dies holding feeds it has started to fetch: the
    others are paused until then, so that it certainly holds some (a lone instance is started
    again). Asserts that its feeds were fetched again once, by another instance, after its
    leases ran out, and every other feed once in all."""
    victim, *others = cluster.instances
    for other in others:
        other.signal(signal.SIGSTOP)
    cluster.farm.publish(number, names()[number % 3 :: 3], delay=0.5)
    mark, since = cluster.farm.mark(), datetime.now(UTC)
    cluster.store.make_all_due(since)

    def victim_is_fetching() -> bool:
        held = {f.name for f in cluster.store.feeds() if victim.holds(f.claimed_by)}
        return bool(held & set(cluster.farm.fetched_since(mark)))

    cluster.wait_until("the victim is fetching feeds it holds", victim_is_fetching)
    victim.signal(signal.SIGKILL)
    victim.process.wait()
    time.sleep(1.0)  # let any request the victim had on the wire reach the farm's log
    held = {f.name for f in cluster.store.feeds() if victim.holds(f.claimed_by)}
    killed_at = cluster.farm.mark()
    for other in others:
        other.signal(signal.SIGCONT)
    if not others:
        cluster.start()  # under a new instance id: the old leases are not its own
    cluster.wait_until(f"round {number} is over", lambda: cluster.round_over(since))
    before = cluster.farm.fetched_since(mark) - cluster.farm.fetched_since(killed_at)
    after = cluster.farm.fetched_since(killed_at)
    assert held, "the victim held no feed when it was killed"
    for name in names():
        if name in held:  # the victim's: fetched again, once, after its lease ran out
            assert (before[name] <= 1, after[name]) == (True, 1), (name, before, after)
        else:
            assert before[name] + after[name] == 1, (name, before, after)


@pytest.fixture(
    params=[
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("sqlite", marks=pytest.mark.sqlite_only(BOTH)),
    ]
)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str, int]]:
    """(kind, [storage] line, number of instances)."""
    if request.param == "sqlite":
        yield "sqlite", f'data_dir = "{tmp_path / "data"}"', 1
        return
    with postgres_schema() as url:
        yield "postgres", f'url = "{url}"', 3


def test_instances_share_the_feeds_poll_each_once_per_round_and_take_over_a_crashed_one(
    tmp_path: Path,
    database: tuple[str, str, int],
    feeds: FeedServer,
    smtp: tuple[str, int, list[EmailMessage]],
) -> None:
    kind, storage, size = database
    host, port, mails = smtp
    mail = f"mailto://{host}:{port}?from=monitor@example.org&to=desk@example.org"
    config = tmp_path / "monitor.toml"
    config.write_text(config_text(storage, feeds, mail), encoding="utf-8")
    url = storage.split('"')[1] if kind == "postgres" else ""
    store = Store.open(url or f"sqlite:///{tmp_path / 'data' / 'monitor.sqlite3'}")
    cluster = Cluster(size, Farm(feeds), store, config, tmp_path)
    try:
        assert cluster.play_round(1, first=True) == Counter(names())
        assert cluster.play_round(2) == Counter(names())
        kill_mid_round(cluster, 3)
        assert cluster.play_round(4) == Counter(names())
        assert cluster.play_round(5) == Counter(names())

        with store.session() as s:
            rows = s.execute(select(Delivery.idempotency_key, Delivery.status)).all()
        assert {status for _key, status in rows} == {"sent"}
        assert len(rows) >= FEEDS  # round 1 alone raises one alert per feed
        delivered = [str(m["Message-ID"]).strip("<>").split("@")[0] for m in mails]
        assert sorted(delivered) == sorted(key for key, _status in rows)
    finally:
        codes = [instance.stop() for instance in cluster.instances]
        store.close()
    assert codes[1:] == [0] * (len(codes) - 1), cluster.log_tails()  # the first was killed
