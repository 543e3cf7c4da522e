"""Gauges read from the database at scrape time, so that they are right whatever instance is
scraped, and after a restart: feeds by health, the outbox by state, the last feed check."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

from monitor.records import FEED_STATES, QUEUED
from monitor.store import Store

log = logging.getLogger("monitor.web")


class StoreCollector(Collector):
    def __init__(self, store: Store) -> None:
        self.store = store

    def collect(self) -> Iterator[Metric]:
        """Everything or, when the database does not answer, only `monitor_database_up 0`:
        a scrape never fails because of the database."""
        up = GaugeMetricFamily("monitor_database_up", "1 when the database answered the scrape.")
        try:
            metrics = list(self._from_database())
        except SQLAlchemyError as exc:
            log.warning("metrics=database_unavailable error=%r", str(exc).splitlines()[0])
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from metrics

    def _from_database(self) -> Iterator[Metric]:
        feeds = GaugeMetricFamily("monitor_feeds", "Feeds by health.", labels=["state"])
        counts = dict.fromkeys(FEED_STATES, 0)
        for feed in self.store.feeds():
            counts[feed.state] = counts.get(feed.state, 0) + 1
        for state, n in counts.items():
            feeds.add_metric([state.replace(" ", "_")], n)
        yield feeds

        outbox = self.store.delivery_counts_with_held()
        deliveries = GaugeMetricFamily(
            "monitor_deliveries",
            "Outbox rows (one per alert and channel) by state; held rows wait for quiet hours, "
            "a digest or a rate limit.",
            labels=["status"],
        )
        for status, n in sorted(outbox.items()):
            deliveries.add_metric([status], n)
        yield deliveries
        yield GaugeMetricFamily(
            "monitor_outbox_queue_depth",
            "Deliveries waiting to go out (pending or being sent, not held).",
            value=sum(outbox.get(s, 0) for s in QUEUED),
        )

        last = self.store.last_feed_check()
        if last is not None:
            yield GaugeMetricFamily(
                "monitor_last_feed_check_timestamp_seconds",
                "When any instance last checked a feed (Unix time).",
                value=last.timestamp(),
            )
