"""Polling benchmark: the real Daemon against a loopback feed farm, with ratios against a
baseline measured in the same run.

    .venv/bin/python -m benchmarks.bench_polling [--feeds 1000] [--rounds 3] [--changed-share 0.1]
                                                 [--items 20-50] [--json] [--profile 15]

The farm (benchmarks/farm.py) runs in its own process. Round 0 is the first fetch of every feed.
Each measured round then advances the farm (a share of feeds publishes new items) and polls
every feed in three pure passes, one per kind of answer, so each kind's cost is measured whole
instead of inferred: the feeds that answer 304, the feeds without validators that send the same
body again (200, same hash), and the feeds that changed. A last round polls every feed at once
(`poll_round(all_feeds=True)`, as the scheduler does) to check that the passes add up and to
compare wall time. The baseline does the same requests in the same passes: a bare
httpx.AsyncClient with the same conditional headers, the same overall and per-host concurrency
and no processing; and feedparser.parse alone on the changed bodies.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx
from sqlalchemy import update

from benchmarks.ingest_figures import ingest_summary, lxml_cpu
from benchmarks.polling_figures import Measure, RoundResult, peak_rss_kb, render, summarize
from benchmarks.stages import instrument
from monitor.config import Config, EntityConfig, FeedConfig, WatchConfig
from monitor.config.service import PollingConfig, StorageConfig
from monitor.pipeline import utcnow
from monitor.service.daemon import Daemon
from monitor.store import Store
from monitor.store.models import Feed

ROOT = Path(__file__).resolve().parents[1]
DAY = 86400
# --- the farm process ------------------------------------------------------------------------


@dataclass(frozen=True)
class FarmFeedInfo:
    name: str
    url: str
    conditional: bool


class FarmProcess:
    """The farm in a child process; `stop()` (also from `with`) ends it."""

    def __init__(self, feeds: int, items: str, hosts: int, seed: int) -> None:
        command = [sys.executable, "-m", "benchmarks.farm", "--feeds", str(feeds)]
        command += ["--items", items, "--hosts", str(hosts), "--seed", str(seed)]
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONPATH": path}
        self.proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("READY "):
            self.stop()
            raise RuntimeError(f"the farm did not start (said {line!r})")
        self.base = f"http://127.0.0.1:{int(line.split()[1])}"
        self.control = httpx.Client(base_url=self.base, timeout=60)
        info = self.control.get("/_info").json()
        port = int(line.split()[1])
        self.bytes = int(info["bytes"])
        self.feeds = [
            FarmFeedInfo(f"farm-{i:05d}", f"http://{f['host']}:{port}{f['path']}", f["conditional"])
            for i, f in enumerate(info["feeds"])
        ]

    def advance(self, share: float) -> tuple[list[int], int]:
        answer = self.control.post("/_advance", params={"share": share}).json()
        return [int(i) for i in answer["changed"]], int(answer["new_items"])

    def cpu(self) -> float:
        return float(self.control.get("/_stats").json()["cpu_seconds"])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if hasattr(self, "control"):
            self.control.close()

    def __enter__(self) -> FarmProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- measurements ----------------------------------------------------------------------------


class Stopwatch:
    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> Stopwatch:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu


def make_due(store: Store, names: Sequence[str]) -> None:
    """Only these feeds are due: the others were checked and wait a day (see the config)."""
    with store.session() as session:
        session.execute(update(Feed).where(Feed.name.in_(names)).values(next_check_at=utcnow()))


async def daemon_pass(daemon: Daemon, farm: FarmProcess, names: Sequence[str] | None) -> Measure:
    """`poll_round` over `names` (or every feed), timed with process_time around it."""
    if names is not None:
        if not names:
            return Measure()
        make_due(daemon.store, names)
    farm_before = farm.cpu()
    with Stopwatch() as watch:
        reports = await daemon.poll_round(all_feeds=names is None)
    return Measure(
        feeds=len(reports),
        wall=watch.wall,
        cpu=watch.cpu,
        counts=dict(Counter(r.status for r in reports)),
        new_entries=sum(r.new_entries for r in reports),
        alerts=sum(len(r.alerts) for r in reports),
        farm_cpu=farm.cpu() - farm_before,
    )


class BareHttp:
    """The irreducible cost of HTTP: the same GETs with the same conditional headers and the
    same caps (overall and per host) on the same kind of client, and nothing else."""

    def __init__(self, client: httpx.AsyncClient, polling: PollingConfig) -> None:
        self.client = client
        self.polling = polling
        self.validators: dict[str, tuple[str | None, str | None]] = {}

    async def poll(
        self, farm: FarmProcess, urls: Sequence[str], keep: Iterable[str] = ()
    ) -> tuple[Measure, list[bytes]]:
        if not urls:
            return Measure(), []
        overall = asyncio.Semaphore(self.polling.concurrency)
        per_host: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(self.polling.per_host_concurrency)
        )
        wanted = set(keep)

        async def get(url: str) -> tuple[int, bytes | None]:
            etag, modified = self.validators.get(url, (None, None))
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
            async with per_host[urlsplit(url).hostname or ""], overall:
                response = await self.client.get(url, headers=headers)
            if response.status_code == 200:
                self.validators[url] = (
                    response.headers.get("ETag"),
                    response.headers.get("Last-Modified"),
                )
            return response.status_code, response.content if url in wanted else None

        farm_before = farm.cpu()
        with Stopwatch() as watch:
            results = await asyncio.gather(*(get(url) for url in urls))
        bodies = [body for _, body in results if body is not None]
        return Measure(
            feeds=len(urls),
            wall=watch.wall,
            cpu=watch.cpu,
            counts=dict(Counter(str(status) for status, _ in results)),
            farm_cpu=farm.cpu() - farm_before,
        ), bodies


def bare_client(timeout: float) -> httpx.AsyncClient:
    """A plain client, configured like the daemon's where it matters to cost (timeouts, headers,
    no proxies from the environment), without its address checks or redirect handling."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        headers={"User-Agent": "monitor-bench/1", "Accept": "application/rss+xml, */*;q=0.5"},
        trust_env=False,
    )


def feedparser_cpu(bodies: Sequence[bytes], url: str = "http://127.0.0.1/") -> float:
    """feedparser alone on the bodies of the changed feeds, in its cheapest form that still
    gives every field monitor reads (no HTML sanitizing, no relative-URI rewriting: monitor
    drops that markup anyway). Fixed here, not copied from monitor.parse, so that a costlier
    call there shows in the ratio."""
    headers = {"content-location": url, "content-type": "application/xml"}
    with Stopwatch() as watch:
        for body in bodies:
            feedparser.parse(
                io.BytesIO(body),
                response_headers=headers,
                sanitize_html=False,
                resolve_relative_uris=False,
            )
    return watch.cpu


# --- the run ---------------------------------------------------------------------------------


def watchlist() -> dict[str, Any]:
    """The Panjshir story's entities and watch, as in the demo: matching and extraction do real
    work on the farm's share of items about it."""
    return {
        "entities": (
            EntityConfig(
                name="Panjshir",
                kind="place",
                aliases=("Panjsher", "Panjshir valley", "Panjshir province"),
            ),
            EntityConfig(
                name="National Resistance Front",
                kind="group",
                aliases=("NRF", "resistance fighters", "anti-Taliban resistance"),
            ),
            EntityConfig(name="Taliban", kind="group", aliases=("Taleban",)),
            EntityConfig(
                name="Ahmad Massoud", kind="person", aliases=("Ahmed Massoud", "Ahmad Masoud")
            ),
        ),
        "watches": (
            WatchConfig(
                name="panjshir",
                entities=("Panjshir", "National Resistance Front", "Ahmad Massoud"),
                terms=("Bazarak",),
                require=("Afghanistan", "Afghan", "Taliban", "Kabul"),
            ),
        ),
    }


def bench_config(farm: FarmProcess, data_dir: Path, concurrency: int, per_host: int) -> Config:
    """One feed per farm URL, a fresh SQLite store, loopback allowed, and a watchlist (the
    Panjshir story) so that the pipeline matches and extracts for real. Intervals are a day, so
    that a feed checked in one pass is not due again in the next."""
    return Config().model_copy(
        update={
            "feeds": tuple(FeedConfig(name=f.name, url=f.url) for f in farm.feeds),
            "storage": StorageConfig(data_dir=str(data_dir)),
            "polling": PollingConfig(
                interval_seconds=DAY,
                min_interval_seconds=DAY,
                max_interval_seconds=DAY,
                timeout_seconds=30,
                concurrency=concurrency,
                per_host_concurrency=per_host,
                allow_private=True,
            ),
            **watchlist(),
            "base_dir": data_dir,
        }
    )


@dataclass
class Run:
    args: argparse.Namespace
    farm: FarmProcess
    daemon: Daemon
    bare: BareHttp
    rounds: list[RoundResult] = field(default_factory=list)
    rss_after_round0_kb: int = 0
    ingest: dict[str, Any] = field(default_factory=dict)

    def names(self, indices: Iterable[int]) -> list[str]:
        return [self.farm.feeds[i].name for i in indices]

    def urls(self, indices: Iterable[int]) -> list[str]:
        return [self.farm.feeds[i].url for i in indices]

    async def round0(self) -> None:
        """The first fetch of every feed, every entry new: the ingest figures, with the
        stages clocked, and the parse-only baselines on the same bodies."""
        result = RoundResult("0 (first)", changed_feeds=len(self.farm.feeds))
        with instrument(self.daemon.pipeline) as clock:
            result.daemon = await daemon_pass(self.daemon, self.farm, None)
        self.rss_after_round0_kb = peak_rss_kb()
        urls = self.urls(range(len(self.farm.feeds)))
        result.bare, bodies = await self.bare.poll(self.farm, urls, keep=urls)
        result.feedparser_cpu = feedparser_cpu(bodies)
        self.ingest = ingest_summary(
            result.daemon.new_entries,
            result.daemon.cpu,
            clock,
            result.feedparser_cpu,
            lxml_cpu(bodies),
        )
        self.rounds.append(result)

    async def split_round(self, number: int) -> None:
        changed, new_items = self.farm.advance(self.args.changed_share)
        result = RoundResult(str(number), changed_feeds=len(changed), new_items=new_items)
        changed_set = set(changed)
        rest = [i for i in range(len(self.farm.feeds)) if i not in changed_set]
        passes = {
            "not_modified": [i for i in rest if self.farm.feeds[i].conditional],
            "unchanged": [i for i in rest if not self.farm.feeds[i].conditional],
            "new": changed,
        }
        for kind, indices in passes.items():
            daemon = await daemon_pass(self.daemon, self.farm, self.names(indices))
            urls = self.urls(indices)
            bare, bodies = await self.bare.poll(self.farm, urls, keep=urls if kind == "new" else ())
            result.by_class[kind] = (daemon, bare)
            result.daemon.add(daemon)
            result.bare.add(bare)
            result.feedparser_cpu += feedparser_cpu(bodies)
        self.rounds.append(result)

    async def mixed_round(self, label: str, profile: cProfile.Profile | None = None) -> None:
        changed, new_items = self.farm.advance(self.args.changed_share)
        result = RoundResult(label, changed_feeds=len(changed), new_items=new_items)
        if profile is not None:
            profile.enable()
        result.daemon = await daemon_pass(self.daemon, self.farm, None)
        if profile is not None:
            profile.disable()
            return
        urls = self.urls(range(len(self.farm.feeds)))
        result.bare, bodies = await self.bare.poll(self.farm, urls, keep=self.urls(changed))
        result.feedparser_cpu = feedparser_cpu(bodies)
        self.rounds.append(result)


ORPHANS: list[str] = []


def _quiet_orphans(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Interrupted mid-round, `poll_due` leaves its fetch tasks running (it does not cancel
    them); they then fail on the closed client. Count those instead of printing each one."""
    error = context.get("exception")
    if isinstance(error, RuntimeError) and "client has been closed" in str(error):
        ORPHANS.append(str(context.get("future")))
        return
    loop.default_exception_handler(context)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    asyncio.get_running_loop().set_exception_handler(_quiet_orphans)
    started = time.perf_counter()
    polling_defaults = PollingConfig()
    concurrency = args.concurrency or polling_defaults.concurrency
    per_host = args.per_host or polling_defaults.per_host_concurrency
    with (
        FarmProcess(args.feeds, args.items, args.hosts, args.seed) as farm,
        tempfile.TemporaryDirectory(prefix="monitor-bench-") as tmp,
    ):
        config = bench_config(farm, Path(tmp), concurrency, per_host)
        async with (
            Daemon.open(config) as daemon,
            bare_client(config.polling.timeout_seconds) as client,
        ):
            bench = Run(args, farm, daemon, BareHttp(client, config.polling))
            _progress(args, f"farm: {len(farm.feeds)} feeds, {farm.bytes / 1e6:.0f} MB; round 0")
            await bench.round0()
            for number in range(1, args.rounds + 1):
                _progress(args, f"round {number}")
                await bench.split_round(number)
            _progress(args, "mixed round")
            await bench.mixed_round(f"{args.rounds + 1} (mixed)")
            profile_text = None
            if args.profile:
                _progress(args, "profiled mixed round")
                profile = cProfile.Profile()
                await bench.mixed_round("profiled", profile)
                profile_text = _profile_report(profile, args.profile)
        report = summarize(bench, concurrency, per_host)
        report["profile"] = profile_text
        report["seconds"] = round(time.perf_counter() - started, 1)
        return report


def _progress(args: argparse.Namespace, message: str) -> None:
    if not args.json:
        print(f"... {message}", file=sys.stderr, flush=True)


def _profile_report(profile: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    out.write("\n")
    stats.sort_stats("cumulative").print_stats(r"monitor/", top)
    return _trim_paths(out.getvalue())


def _trim_paths(text: str) -> str:
    for prefix in sorted({str(ROOT) + "/", *(p + "/" for p in sys.path if p)}, key=len)[::-1]:
        text = text.replace(prefix, "")
    return text


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_polling", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--feeds", type=int, default=1000, help="feeds in the farm (1000)")
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds after round 0 (3)")
    parser.add_argument(
        "--changed-share", type=float, default=0.1, help="share of feeds changing per round (0.1)"
    )
    parser.add_argument(
        "--items", default="20-50", help="items per feed, MIN-MAX (20-50; 20-100 takes ~3 min)"
    )
    parser.add_argument("--hosts", type=int, default=20, help="loopback addresses (20)")
    parser.add_argument("--concurrency", type=int, default=0, help="default: the config's")
    parser.add_argument("--per-host", type=int, default=0, help="default: the config's")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=15,
        default=0,
        metavar="N",
        help="profile one more mixed round and print the top N functions",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = asyncio.run(run(args))
    except KeyboardInterrupt:
        orphans = f" ({len(ORPHANS)} fetch tasks of the round were left running)" if ORPHANS else ""
        print(f"interrupted{orphans}; the farm is stopped", file=sys.stderr)
        return 130
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for line in render(report):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
