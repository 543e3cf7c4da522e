"""Dedup cost per entry as the store grows: `python -m benchmarks.bench_dedup [--sizes ...]`.

For each store size the same batch of entries goes through the real Ingestor (the dedup,
match, story, extract and diff stages with their database lookups): entries already known by
GUID, new entries that match no watch, new matched entries that are new stories (a near-
duplicate lookup that finds nothing), and copies of stored stories (a lookup that finds one).
The baseline, measured in the same run, is the smallest store: the ratios must stay near 1
if every lookup is indexed (no scan grows with the store).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import func, insert, select

from monitor.config import Config, EntityConfig, FeedConfig, WatchConfig
from monitor.config.service import StorageConfig
from monitor.dedup import canonical_url, story_keys
from monitor.pipeline import Pipeline
from monitor.pipeline.ingest import Ingestor
from monitor.records import Entry
from monitor.store import Store
from monitor.store.models import Article, Story, StoryKey

NOW = datetime(2021, 9, 6, 12, 0, tzinfo=UTC)
MATCHED_SHARE = 0.05
CHUNK = 20_000
WORDS = (
    "officials said talks would resume after fighting near the border where residents "
    "reported shelling and aid groups asked for access while the ministry denied reports "
    "analysts expected more clashes in coming weeks as prices rose and roads closed"
).split()


def prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def story_text(rng: random.Random, index: int) -> str:
    lead = f"Fighters in the Panjshir valley held position {index}, a Taliban commander said."
    return lead + " " + prose(rng, 220)


def config(data: Path) -> Config:
    return Config(
        storage=StorageConfig(data_dir=str(data)),
        feeds=(FeedConfig(name="wire", url="https://wire.example.com/rss"),),
        entities=(EntityConfig(name="Taliban", kind="group"),),
        watches=(WatchConfig(name="w", entities=("Taliban",), terms=("Panjshir",)),),
        base_dir=data,
    )


def fill(store: Store, size: int, rng: random.Random) -> list[str]:
    """`size` stored articles, 5% of them matched stories with their index keys; returns the
    texts of up to 200 stored stories (to be copied by another outlet)."""
    sample: list[str] = []
    with store.session() as s:
        feed_id = store.feed_id(s, "wire")
    done = 0
    while done < size:
        count = min(CHUNK, size - done)
        articles, stories, keys = [], [], []
        for i in range(done, done + count):
            matched = rng.random() < MATCHED_SHARE
            text = story_text(rng, i) if matched else prose(rng, 60)
            url = f"https://wire.example.com/a/{i}"
            articles.append(_article(i + 1, feed_id, url, text, matched))
            if matched and len(sample) < 200:
                sample.append(text)
            if matched:
                stories.append(
                    {"id": i + 1, "title": f"t{i}", "created_at": NOW, "updated_at": NOW}
                )
                articles[-1]["story_id"] = i + 1
                keys += [{"key": k, "article_id": i + 1} for k in dict.fromkeys(story_keys(text))]
        with store.engine.begin() as connection:
            if stories:
                connection.execute(insert(Story), stories)
            connection.execute(insert(Article), articles)
            if keys:
                connection.execute(insert(StoryKey), keys)
        done += count
    return sample


def _article(i: int, feed_id: int, url: str, text: str, matched: bool) -> dict[str, object]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return {
        "id": i, "feed_id": feed_id, "guid": f"g{i}", "url": url,
        "canonical_url": canonical_url(url), "outlet": "Wire", "title": f"Story {i}",
        "summary": "", "content": text, "published": NOW - timedelta(minutes=i % 10_000),
        "fetched_at": NOW - timedelta(minutes=i % 10_000), "matched": matched,
        "text_hash": None, "fingerprint": digest, "story_id": None,
    }  # fmt: skip


def batches(rng: random.Random, size: int, stored: Sequence[str]) -> dict[str, list[Entry]]:
    def entry(guid: str, text: str, url: str) -> Entry:
        return Entry("wire", "Wire", guid, url, "A title", "", text, NOW)

    known = [
        entry(f"g{i + 1}", "", f"https://wire.example.com/a/{i}")
        for i in range(0, size, max(1, size // 200))
    ]
    unmatched = [entry(f"n{i}", prose(rng, 80), f"https://x.example/n{i}") for i in range(200)]
    stories = [
        entry(f"s{i}", story_text(rng, 10**9 + i), f"https://x.example/s{i}") for i in range(200)
    ]
    copies = [
        entry(
            f"c{i}",
            text.replace("said", "told reporters", 1) + " Our correspondent contributed.",
            f"https://partner.example/c{i}",
        )
        for i, text in enumerate(stored)
    ]
    return {
        "known GUID": known[:200],
        "new, no match": unmatched,
        "new story": stories,
        "copy of a story": copies,
    }


def story_count(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Story)) or 0


def measure(ingest: Callable[[Sequence[Entry]], object], entries: Sequence[Entry]) -> float:
    start = time.process_time()
    ingest(entries)
    return (time.process_time() - start) / len(entries) * 1000


def run(sizes: Sequence[int]) -> None:
    rng = random.Random(7)
    results: dict[int, dict[str, float]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="monitor-bench-") as tmp:
            cfg = config(Path(tmp))
            store = Store.open(cfg.database_url())
            Pipeline(cfg, store).sync_feeds(NOW)
            ingest = partial(Ingestor(cfg, store).ingest, now=NOW, queue=False)
            started = time.perf_counter()
            stored = fill(store, size, rng)
            filled = time.perf_counter() - started
            results[size] = {}
            for name, entries in batches(rng, size, stored).items():
                before = story_count(store)
                results[size][name] = measure(ingest, entries)
                if name == "copy of a story":
                    joined = len(entries) - (story_count(store) - before)
                    print(f"  {joined}/{len(entries)} copies joined their stored story")
            store.close()
            print(f"store of {size:>9,} articles filled in {filled:6.1f} s")
    report(results)


def report(results: dict[int, dict[str, float]]) -> None:
    base_size = min(results)
    base = results[base_size]
    print(f"\nCPU ms per entry; ratio against the {base_size:,}-article store measured in this run")
    header = "".join(f"{size:>14,}" for size in results)
    print(f"{'entries':<16}{header}   ratio (largest / smallest)")
    for name in base:
        cells = "".join(f"{results[size][name]:>14.3f}" for size in results)
        ratio = results[max(results)][name] / base[name]
        print(f"{name:<16}{cells}   {ratio:6.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    run(parser.parse_args().sizes)


if __name__ == "__main__":
    main()
