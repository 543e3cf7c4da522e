"""The [http] endpoint of a real daemon: /healthz and /metrics served on 127.0.0.1 (an
ephemeral port) from the daemon's own event loop, fetched with httpx, after real poll rounds
against a loopback feed server and a loopback SMTP server."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from end_to_end import FIRST, mail_url
from feed_server import FeedServer
from helpers import rss, store_url, stored_rows, write_config
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from monitor.config import Config, ConfigError, load_config
from monitor.metrics import REGISTRY
from monitor.service.daemon import Daemon
from monitor.service.lifecycle import Jobs
from monitor.web.server import WebServer, make_app

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def http_config(
    tmp_path: Path, feeds: dict[str, str], listen: str = "127.0.0.1:0", **kw: object
) -> Config:
    extra = f'[http]\nenabled = true\nlisten = "{listen}"\n'
    return load_config(write_config(tmp_path, feeds, extra=extra, **kw))  # type: ignore[arg-type]


def samples(exposition: str) -> Samples:
    """Every sample of a Prometheus text exposition, by (name, sorted labels)."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(exposition)
        for s in family.samples
    }


def value(found: Samples, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


async def scrape(client: httpx.AsyncClient, base: str) -> Samples:
    response = await client.get(f"{base}/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return samples(response.text)


@asynccontextmanager
async def running(daemon: Daemon) -> AsyncIterator[str]:
    """`daemon.run()` in a task until its endpoint is up and its first tick has completed;
    yields the endpoint's base URL; stops the daemon afterwards."""
    stop = asyncio.Event()
    task = asyncio.create_task(daemon.run(stop))
    try:
        for _ in range(600):
            if daemon.web is not None and "tick" in daemon.jobs.succeeded_at:
                break
            assert not task.done(), task
            await asyncio.sleep(0.05)
        assert daemon.web is not None, "the endpoint did not come up"
        yield daemon.web.url
    finally:
        stop.set()
        await task


def test_metrics_count_a_real_poll_round_and_the_database_gauges(
    tmp_path: Path, feeds: FeedServer, smtp: tuple[str, int, list[EmailMessage]]
) -> None:
    wire = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    broken = feeds.set("broken.xml", b"down for maintenance", status=503)
    config = http_config(
        tmp_path, {"wire": wire, "broken": broken}, channels={"email": mail_url(smtp)}
    )

    async def scenario() -> tuple[Samples, Samples, Samples, dict[str, object], str]:
        async with httpx.AsyncClient(trust_env=False) as client:
            # counters are per process, as in any Prometheus client: compare differences
            before = samples(generate_latest(REGISTRY).decode())
            async with Daemon.open(config) as daemon, running(daemon) as base:
                first = await scrape(client, base)
                await daemon.poll_round(all_feeds=True)  # wire answers 304 now
                second = await scrape(client, base)
                health = (await client.get(f"{base}/healthz")).json()
            with pytest.raises(httpx.ConnectError):  # shut down with the daemon
                await client.get(f"{base}/healthz")
        return before, first, second, health, base

    before, first, second, health, _base = asyncio.run(scenario())

    def delta(after: Samples, name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    alerts = _alert_kinds(tmp_path)
    assert sum(alerts.values()) >= 2, alerts
    assert delta(first, "monitor_fetches_total", outcome="ok", error="") == 1
    assert delta(first, "monitor_fetches_total", outcome="error", error="http_5xx") == 1
    assert delta(first, "monitor_fetch_duration_seconds_count") == 2
    assert delta(first, "monitor_entries_ingested_total") == 1
    assert delta(first, "monitor_matches_total", watch="panjshir") == 1
    assert delta(first, "monitor_facts_extracted_total", kind="force_size", change="new") == 1
    for kind, n in alerts.items():
        assert delta(first, "monitor_alerts_total", kind=kind) == n, kind
    assert delta(first, "monitor_ticks_total") == 1
    assert value(first, "monitor_database_up") == 1
    assert value(first, "monitor_feeds", state="healthy") == 1
    assert value(first, "monitor_feeds", state="backing_off") == 1
    assert value(first, "monitor_deliveries", status="sent") == len(smtp[2]) == sum(alerts.values())
    assert value(first, "monitor_outbox_queue_depth") == 0
    assert value(first, "monitor_last_feed_check_timestamp_seconds") > 1.7e9

    assert delta(second, "monitor_fetches_total", outcome="not_modified", error="") == 1
    assert delta(second, "monitor_fetches_total", outcome="error", error="http_5xx") == 2
    assert delta(second, "monitor_entries_ingested_total") == 1  # nothing new the second time
    assert value(second, "monitor_last_feed_check_timestamp_seconds") >= value(
        first, "monitor_last_feed_check_timestamp_seconds"
    )
    assert health["status"] == "ok"


def _alert_kinds(tmp_path: Path) -> dict[str, int]:
    return dict(stored_rows(store_url(tmp_path), "SELECT kind, count(*) FROM alerts GROUP BY kind"))


@asynccontextmanager
async def endpoint(daemon: Daemon, host: str = "127.0.0.1") -> AsyncIterator[str]:
    """The daemon's application on an ephemeral port, without its scheduler."""
    server = WebServer(make_app(daemon.store, daemon.health), host, 0)
    await server.start()
    try:
        yield server.url
    finally:
        await server.stop()


def test_healthz_is_503_with_the_reason_when_ticks_stop(tmp_path: Path) -> None:
    config = http_config(tmp_path, {})
    now = [1000.0]

    async def scenario() -> list[tuple[int, dict[str, str]]]:
        answers = []
        async with Daemon.open(config) as daemon, endpoint(daemon) as base:
            daemon.jobs = Jobs(clock=lambda: now[0])
            async with httpx.AsyncClient(trust_env=False) as client:
                for advance in (0, config.daemon.stall_seconds + 60):
                    now[0] += advance
                    response = await client.get(f"{base}/healthz")
                    answers.append((response.status_code, response.json()))
        return answers

    (ok, healthy), (status, unhealthy) = asyncio.run(scenario())
    assert (ok, healthy["status"]) == (200, "ok")
    assert status == 503
    assert unhealthy["status"] == "unhealthy"
    assert "no tick has completed" in unhealthy["problem"]


@pytest.mark.sqlite_only("holds SQLite's write lock; on PostgreSQL the probe is SELECT 1")
def test_healthz_is_503_while_the_database_does_not_answer(tmp_path: Path) -> None:
    config = http_config(tmp_path, {})

    async def scenario() -> list[tuple[int, dict[str, str]]]:
        answers = []
        async with Daemon.open(config) as daemon, endpoint(daemon) as base:
            daemon.probe.timeout = 0.3
            async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
                locker = sqlite3.connect(tmp_path / "data" / "monitor.sqlite3", timeout=0)
                locker.execute("BEGIN EXCLUSIVE")  # another process holding the database
                try:
                    response = await client.get(f"{base}/healthz")
                    answers.append((response.status_code, response.json()))
                finally:
                    locker.rollback()
                    locker.close()
                await asyncio.sleep(1.5)  # the blocked probe gives up and returns
                response = await client.get(f"{base}/healthz")
                answers.append((response.status_code, response.json()))
        return answers

    (status, unhealthy), (ok, healthy) = asyncio.run(scenario())
    assert status == 503, unhealthy
    assert "database" in unhealthy["problem"]
    assert (ok, healthy["status"]) == (200, "ok")


def test_endpoint_on_the_ipv6_loopback(tmp_path: Path) -> None:
    config = http_config(tmp_path, {}, listen="[::1]:0")
    assert config.http.address == ("::1", 0)

    async def scenario() -> tuple[str, int]:
        async with (
            Daemon.open(config) as daemon,
            endpoint(daemon, "::1") as base,
            httpx.AsyncClient(trust_env=False) as client,
        ):
            return base, (await client.get(f"{base}/healthz")).status_code

    base, status = asyncio.run(scenario())
    assert base.startswith("http://[::1]:")
    assert status == 200


def test_an_address_in_use_leaves_the_daemon_running_without_endpoint(
    tmp_path: Path, feeds: FeedServer
) -> None:
    wire = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        config = http_config(tmp_path, {"wire": wire}, listen=f"127.0.0.1:{taken.getsockname()[1]}")

        async def scenario() -> tuple[bool, bool]:
            async with Daemon.open(config) as daemon:
                stop = asyncio.Event()
                task = asyncio.create_task(daemon.run(stop))
                for _ in range(600):
                    if "tick" in daemon.jobs.succeeded_at:
                        break
                    await asyncio.sleep(0.05)
                stop.set()
                await task
                return "tick" in daemon.jobs.succeeded_at, daemon.web is None

        ticked, no_endpoint = asyncio.run(scenario())
    assert ticked and no_endpoint
    assert len(feeds.hits("wire.xml")) == 1


@pytest.mark.parametrize(
    ("section", "problem"),
    [
        ('listen = "0.0.0.0:8787"', "0.0.0.0 is not a loopback address; set allow_remote = true"),
        ('listen = "[::]:8787"', ":: is not a loopback address"),
        ('listen = "monitor.example.org:8787"', "is not an IP address (or localhost)"),
        ('listen = "127.0.0.1"', "is not HOST:PORT"),
        ('listen = "127.0.0.1:99999"', "port 99999 is out of range"),
    ],
)
def test_listen_addresses_are_checked(tmp_path: Path, section: str, problem: str) -> None:
    path = write_config(tmp_path, {}, extra=f"[http]\nenabled = true\n{section}\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "http: listen: " in str(error.value)
    assert problem in str(error.value)


def test_a_public_address_must_be_allowed_explicitly(tmp_path: Path) -> None:
    extra = '[http]\nenabled = true\nlisten = "0.0.0.0:8787"\nallow_remote = true\n'
    config = load_config(write_config(tmp_path, {}, extra=extra))
    assert config.http.address == ("0.0.0.0", 8787)
    assert load_config(write_config(tmp_path, {})).http.enabled is False
