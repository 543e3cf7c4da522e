"""One round over many feeds in steady state, the daemon alone in its own process:

    .venv/bin/python -m benchmarks.bench_scale [--feeds 10000] [--changed-share 0.05]
                                               [--match both|story|none]

The farm (benchmarks/farm.py) serves the feeds from its own process. The store is seeded by
SQL as if every feed had been read once (ETag, Last-Modified and body hash of each feed, the
GUIDs it lists, its next check due now), so no first round over the whole farm is needed. Then
the farm advances (a share of the feeds publish 1-3 items) and a child process opens the real
`Daemon` on that store and runs one `poll_round` over every feed, as the scheduler would: the
unchanged feeds answer 304 (or the same body, for those without validators), the changed ones
are parsed and their new entries ingested. The child reports its wall time, CPU time
(`getrusage`, user + system, of the round only) and peak RSS (VmHWM: the daemon's whole
process, Python, libraries and its configuration included).

"Share of one core" is the round's CPU divided by the polling interval (5 minutes by default):
the average load of checking every feed once per interval.

The round runs twice from the same seeded store (a copy) and the same farm state: once with the
Panjshir watch, which matches the farm's items about that story, so that entries are extracted
and the spaCy model is loaded in the daemon's process (`--match story`); once with a watch that
matches nothing in the farm (`--match none`), where nothing of spaCy may be imported. The child
reports whether spaCy was imported and how many pipelines it loaded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update

from benchmarks.bench_polling import ROOT, FarmProcess, bench_config
from monitor.config import Config, WatchConfig
from monitor.config.service import PollingConfig
from monitor.pipeline import Pipeline, utcnow
from monitor.service.daemon import Daemon
from monitor.store import Store
from monitor.store.models import Article, Feed

CHUNK = 20_000
# A watch on a story the farm never tells: every entry is scanned and none matches.
UNMATCHED = WatchConfig(name="elsewhere", terms=("Zaporizhzhia", "Kherson"))


def seed(config: Config, state: Sequence[dict[str, Any]], names: Sequence[str]) -> int:
    """The store as after one read of every feed: validators, body hashes and known GUIDs
    (with no text hash: known, never re-read). Returns the articles written."""
    store = Store.open(config.database_url())
    now = utcnow()
    try:
        Pipeline(config, store).sync_feeds(now)
        with store.session() as session:
            ids = {row.name: row.id for row in session.execute(select(Feed.name, Feed.id))}
        rows: list[dict[str, Any]] = []
        written = 0
        with store.engine.begin() as connection:
            for name, feed in zip(names, state, strict=True):
                connection.execute(
                    update(Feed)
                    .where(Feed.id == ids[name])
                    .values(
                        etag=feed["etag"],
                        last_modified=feed["last_modified"],
                        body_hash=feed["sha256"],
                        last_checked_at=now - timedelta(minutes=5),
                        last_success_at=now - timedelta(minutes=5),
                        last_new_entry_at=now - timedelta(hours=1),
                        next_check_at=now,
                    )
                )
                rows += [_known(ids[name], guid, now) for guid in feed["guids"]]
                if len(rows) >= CHUNK:
                    connection.execute(insert(Article), rows)
                    written, rows = written + len(rows), []
            if rows:
                connection.execute(insert(Article), rows)
                written += len(rows)
        return written
    finally:
        store.close()


def _known(feed_id: int, guid: str, now: Any) -> dict[str, Any]:
    return {
        "feed_id": feed_id,
        "guid": guid,
        "url": "",
        "canonical_url": f"seed:{feed_id}:{guid}",
        "outlet": "",
        "title": "",
        "summary": "",
        "content": "",
        "published": now,
        "fetched_at": now,
        "matched": False,
        "text_hash": None,
    }


# --- the child: the daemon alone ---------------------------------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not `ru_maxrss`: Linux carries the maximum
    over from the process that forked this one across `execve`, so a child started by a big
    parent would report the parent's size."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def one_round(config: Config) -> dict[str, Any]:
    rss_before = peak_rss_mb()
    async with Daemon.open(config) as daemon:
        opened = resource.getrusage(resource.RUSAGE_SELF)
        wall = time.perf_counter()
        reports = await daemon.poll_round(all_feeds=True)
        wall = time.perf_counter() - wall
        done = resource.getrusage(resource.RUSAGE_SELF)
    statuses: dict[str, int] = {}
    for report in reports:
        statuses[report.status] = statuses.get(report.status, 0) + 1
    return {
        "feeds": len(reports),
        "statuses": statuses,
        "new_entries": sum(r.new_entries for r in reports),
        "wall_s": wall,
        "cpu_s": _cpu(done) - _cpu(opened),
        "user_s": done.ru_utime - opened.ru_utime,
        "system_s": done.ru_stime - opened.ru_stime,
        "rss_before_open_mb": rss_before,
        "peak_rss_mb": peak_rss_mb(),
        "spacy_imported": "spacy" in sys.modules,
        "models_loaded": models_loaded(),
    }


def models_loaded() -> int:
    """The spaCy pipelines this process loaded (`extract.language.nlp` loads each once, lazily)."""
    if "monitor.extract.language.nlp" not in sys.modules:
        return 0
    from monitor.extract.language import nlp

    return nlp._load.cache_info().currsize


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def child_main(config_path: Path) -> int:
    config = Config.model_validate_json(config_path.read_text())
    print(json.dumps(asyncio.run(one_round(config))))
    return 0


# --- the parent: farm, seeding, report ---------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    with (
        FarmProcess(args.feeds, args.items, args.hosts, args.seed) as farm,
        tempfile.TemporaryDirectory(prefix="monitor-scale-") as tmp,
    ):
        _progress(f"farm: {len(farm.feeds)} feeds, {farm.bytes / 1e6:.0f} MB; seeding the store")
        defaults = PollingConfig()
        config = bench_config(farm, Path(tmp), defaults.concurrency, defaults.per_host_concurrency)
        state = farm.control.get("/_state").json()["feeds"]
        articles = seed(config, state, [f.name for f in farm.feeds])
        changed, new_items = farm.advance(args.changed_share)
        rounds: dict[str, dict[str, Any]] = {}
        for match in ("story", "none") if args.match == "both" else (args.match,):
            round_config = _variant(config, match, Path(tmp) / match)
            _progress(
                f"{articles} known entries seeded; one round in the daemon's own process, "
                f"watch matching {'the story' if match == 'story' else 'nothing'}"
            )
            farm_cpu = farm.cpu()
            rounds[match] = _child_round(round_config, Path(tmp) / match / "config.json")
            rounds[match]["farm_cpu_s"] = farm.cpu() - farm_cpu
            rounds[match]["matched_entries"] = _matched(round_config)
    return {
        "feeds": args.feeds,
        "changed_feeds": len(changed),
        "new_items": new_items,
        "seeded_entries": articles,
        "interval_s": args.interval,
        "rounds": rounds,
        "seconds": time.perf_counter() - started,
    }


def _variant(config: Config, match: str, data_dir: Path) -> Config:
    """The configuration of one round, on its own copy of the seeded store: the story's watch,
    or one that matches nothing."""
    data_dir.mkdir()
    variant = config.model_copy(
        update={
            "storage": config.storage.model_copy(update={"data_dir": str(data_dir)}),
            "base_dir": data_dir,
            **({} if match == "story" else {"watches": (UNMATCHED,)}),
        }
    )
    source = config.storage.data_path(config.base_dir) / "monitor.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(source)) as old,
        contextlib.closing(sqlite3.connect(data_dir / "monitor.sqlite3")) as new,
    ):
        old.backup(new)
    return variant


def _child_round(config: Config, config_path: Path) -> dict[str, Any]:
    config_path.write_text(config.model_dump_json())
    child = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_scale", "--child", str(config_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"the daemon's round failed:\n{child.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


def _matched(config: Config) -> int:
    store = Store.open(config.database_url())
    try:
        with store.session() as session:
            return int(session.scalar(select(func.count()).where(Article.matched)) or 0)
    finally:
        store.close()


def render(report: dict[str, Any]) -> Iterator[str]:
    yield (
        f"Scale: one round over {report['feeds']:,} feeds, {report['changed_feeds']} changed "
        f"({report['new_items']} new items), store seeded with {report['seeded_entries']:,} "
        "known entries; the daemon in its own process"
    )
    for match, d in report["rounds"].items():
        yield from _render_round(match, d, report["interval_s"])


def _render_round(match: str, d: dict[str, Any], interval_s: float) -> Iterator[str]:
    statuses = ", ".join(f"{n} {k}" for k, n in sorted(d["statuses"].items()))
    watch = "the story's watch" if match == "story" else "a watch that matches nothing"
    spacy = (
        f"spaCy imported, {d['models_loaded']} pipeline(s) loaded"
        if d["spacy_imported"]
        else "spaCy never imported"
    )
    yield f"  with {watch}: {d['matched_entries']} entries matched; {spacy}"
    yield f"    answers: {statuses}; {d['new_entries']} new entries"
    yield (
        f"    wall {d['wall_s']:.1f} s, CPU {d['cpu_s']:.1f} s (user {d['user_s']:.1f}, system "
        f"{d['system_s']:.1f}); {d['cpu_s'] / max(1, d['feeds']) * 1000:.2f} ms CPU per feed; "
        f"farm CPU {d['farm_cpu_s']:.1f} s"
    )
    target = 350 if match == "story" else 300
    verdict = "met" if d["peak_rss_mb"] <= target else "missed"
    yield (
        f"    peak RSS of the daemon process {d['peak_rss_mb']:.0f} MB "
        f"({d['rss_before_open_mb']:.0f} MB before the round: imports and the configuration of "
        f"every feed); target <= {target} MB: {verdict}"
    )
    share = d["cpu_s"] / interval_s
    yield (
        f"    share of one core at a {interval_s / 60:g}-minute interval: "
        f"{share:.1%} (target under 10%)"
    )


def _progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=10_000, help="feeds in the farm (10000)")
    parser.add_argument("--changed-share", type=float, default=0.05, help="changed feeds (0.05)")
    parser.add_argument("--items", default="20-50", help="items per feed, MIN-MAX (20-50)")
    parser.add_argument("--hosts", type=int, default=20, help="loopback addresses (20)")
    parser.add_argument("--interval", type=float, default=300.0, help="polling interval, s")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--match",
        choices=("both", "story", "none"),
        default="both",
        help="round with the story's watch, with a watch matching nothing, or both (both)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return child_main(args.child)
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for line in render(report):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
