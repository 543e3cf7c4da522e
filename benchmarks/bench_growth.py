"""Ingest cost per new entry as the store grows:

    .venv/bin/python -m benchmarks.bench_growth [--sizes 0 100000 1000000] [--feeds 20] [--repeat 6]

For each size, a fresh SQLite store is bulk-loaded with that many stored articles by SQL
(benchmarks/bench_dedup.py's `fill`: 5% of them matched stories with their MinHash keys), then
the same farm feed documents (benchmarks/farm.py, generated in this process: RSS and Atom,
20-50 items, a share about the watched story) go through the real poller's `process` as if
just fetched: parse, match, dedup, extract, diff, store, every entry new. No HTTP, so the
figure is the pipeline's own. The stores are filled first; then each of `--repeat` batches of
documents goes into every store in turn, so that what else the machine runs weighs on all
sizes alike. CPU is
`time.process_time()`, stage by stage (benchmarks/stages.py); the baseline is the smallest
store, measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_dedup import NOW, fill
from benchmarks.bench_polling import watchlist
from benchmarks.farm import Farm
from benchmarks.stages import STAGES, instrument
from monitor.config import Config, FeedConfig
from monitor.config.service import StorageConfig
from monitor.pipeline import Pipeline
from monitor.records import FeedTarget, FetchResult
from monitor.store import Store


@dataclass(frozen=True)
class Document:
    name: str
    url: str
    body: bytes
    content_type: str


@dataclass
class SizeResult:
    size: int
    fill_seconds: float
    entries: int
    cpu: float
    stages: dict[str, float]

    @property
    def per_entry_ms(self) -> float:
        return self.cpu / self.entries * 1000 if self.entries else 0.0


def documents(feeds: int, seed: int, batch: int = 0) -> list[Document]:
    farm = Farm(feeds, hosts=1, seed=seed + batch, no_conditional_share=0.0, watch_share=0.03)
    return [
        Document(
            f"growth-{batch}-{f.index:05d}",
            f"https://outlet{f.index:05d}.example{f.path}",
            f.body,
            f"application/{f.kind}+xml; charset=utf-8",
        )
        for f in farm.feeds
    ]


def growth_config(data: Path, docs: Sequence[Document]) -> Config:
    wire = FeedConfig(name="wire", url="https://wire.example.com/rss")  # bench_dedup's feed
    feeds = (wire, *(FeedConfig(name=d.name, url=d.url) for d in docs))
    return Config().model_copy(
        update={
            "feeds": feeds,
            "storage": StorageConfig(data_dir=str(data)),
            "base_dir": data,
            **watchlist(),
        }
    )


async def ingest_all(pipeline: Pipeline, docs: Sequence[Document]) -> tuple[int, float]:
    """Every document through the poller as a fresh 200; returns (new entries, CPU seconds)."""
    new, cpu = 0, 0.0
    for doc in docs:
        target = FeedTarget(doc.name, doc.url)
        result = FetchResult(doc.name, doc.url, NOW, 200, doc.body, content_type=doc.content_type)
        start = time.process_time()
        report = await pipeline.poller.process(target, result)
        cpu += time.process_time() - start
        if report.error:
            raise RuntimeError(f"{doc.name}: {report.error}")
        new += report.new_entries
    return new, cpu


@dataclass
class Sized:
    """One store of a given size, ready to ingest into, and what it has cost so far."""

    size: int
    pipeline: Pipeline
    fill_seconds: float
    entries: int = 0
    cpu: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)

    def ingest(self, docs: Sequence[Document]) -> None:
        with instrument(self.pipeline) as clock:
            new, seconds = asyncio.run(ingest_all(self.pipeline, docs))
        self.entries, self.cpu = self.entries + new, self.cpu + seconds
        for stage, spent in clock.shares(seconds).items():
            self.stages[stage] = self.stages.get(stage, 0.0) + spent


def measure(
    sizes: Sequence[int], batches: Sequence[Sequence[Document]], seed: int, keep: ExitStack
) -> list[SizeResult]:
    """Fill one store per size, then ingest batch after batch into every store in turn (the
    same documents into each), so that whatever else the machine does falls on all sizes
    alike."""
    stores = []
    for size in sizes:
        print(f"... growth: filling a store with {size:,} articles", file=sys.stderr, flush=True)
        data = Path(keep.enter_context(tempfile.TemporaryDirectory(prefix="monitor-growth-")))
        config = growth_config(data, [d for batch in batches for d in batch])
        store = Store.open(config.database_url())
        keep.callback(store.close)
        pipeline = Pipeline(config, store)
        pipeline.sync_feeds(NOW)
        started = time.perf_counter()
        fill(store, size, random.Random(seed))
        stores.append(Sized(size, pipeline, time.perf_counter() - started))
    for number, docs in enumerate(batches, 1):
        print(f"... growth: batch {number} of {len(batches)}", file=sys.stderr, flush=True)
        for sized in stores:
            sized.ingest(docs)
    return [SizeResult(s.size, s.fill_seconds, s.entries, s.cpu, s.stages) for s in stores]


def render(results: Sequence[SizeResult]) -> Iterator[str]:
    base = results[0]
    yield f"Growth: CPU ms per new entry with N stored articles (ratio to {base.size:,} stored)"
    head = f"{'stored':>11}{'fill s':>8}{'entries':>9}{'ms/entry':>10}{'ratio':>8}  " + "".join(
        f"{s:>8}" for s in STAGES[1:]
    )
    yield head
    yield "-" * len(head)
    for r in results:
        ratio = r.per_entry_ms / base.per_entry_ms if base.per_entry_ms else 0.0
        stages = "".join(f"{r.stages[s] / r.entries * 1000:>8.3f}" for s in STAGES[1:])
        yield (
            f"{r.size:>11,}{r.fill_seconds:>8.1f}{r.entries:>9}{r.per_entry_ms:>10.3f}"
            f"{ratio:>7.2f}x  {stages}"
        )
    last = results[-1]
    rise = last.per_entry_ms / base.per_entry_ms - 1 if base.per_entry_ms else 0.0
    yield (
        f"from {base.size:,} to {last.size:,} stored: {rise:+.0%} per new entry "
        "(target under +20%); stage columns are ms per entry (fetch is not part of this run)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100_000, 1_000_000])
    parser.add_argument("--feeds", type=int, default=20, help="farm documents per batch (20)")
    parser.add_argument("--repeat", type=int, default=6, help="batches of documents (6)")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    batches = [documents(args.feeds, args.seed, batch) for batch in range(args.repeat)]
    with ExitStack() as keep:
        results = measure(sorted(args.sizes), batches, args.seed, keep)
    for line in render(results):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
