"""What the read-only commands (`monitor status`, `feeds`, `facts`, `alerts`) ask of the
database: the same queries `Store` runs for them, without the ORM, which is a fifth of such a
command's start-up (benchmarks/bench_startup.py)."""

from __future__ import annotations

from monitor.store.alert_reads import AlertReads
from monitor.store.fact_reads import FactReads
from monitor.store.feed_reads import FeedReads
from monitor.store.reading import open_engine
from monitor.store.stats import StatsQueries


class ReadStore(FeedReads, FactReads, AlertReads, StatsQueries):
    """The store's read side."""

    @classmethod
    def open(cls, url: str) -> ReadStore:
        """Connect and bring the schema up to date, as `Store.open` does."""
        return cls(open_engine(url))
