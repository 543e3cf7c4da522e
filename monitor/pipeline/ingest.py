"""Entries into the store: dedup -> match -> extract -> diff -> alerts, one transaction each.

Every entry is written together with its matches, facts, alerts and outbox rows, so a crash
leaves either all of it or none of it, and an entry left unprocessed is processed again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from monitor.alert.compose import article_alert, fact_alert
from monitor.config import Config, WatchConfig
from monitor.dedup import canonical_url
from monitor.diff import diff_facts, worth_alert
from monitor.extract import extract_claims
from monitor.match import Matcher, WatchSpec, compile_watch
from monitor.query_ast import positive_entities
from monitor.records import (
    Alert,
    Change,
    Claim,
    EntityRef,
    Entry,
    Evidence,
    Fact,
    FactKind,
    Match,
    fact_entities,
)
from monitor.store import Store

log = logging.getLogger("monitor.pipeline")


class Ingestor:
    """Compiled once per configuration: the matcher, the entities, what each watch follows."""

    def __init__(self, config: Config, store: Store) -> None:
        self.store = store
        self.entities = config.entity_refs()
        self.watches = {w.name: w for w in config.watches}
        specs = [
            WatchSpec(w.name, w.entities, w.terms, w.require, w.exclude, w.query)
            for w in config.watches
        ]
        self.followed = {s.name: _followed_entities(s, self.entities) for s in specs}
        self.matcher = Matcher(specs, self.entities)

    def ingest(
        self, entries: Sequence[Entry], now: datetime, *, queue: bool
    ) -> tuple[int, list[Alert]]:
        """Process new entries oldest first; returns (new entries, alerts raised)."""
        new, raised = 0, []
        for entry in sorted(entries, key=lambda e: e.published):
            try:
                alerts = self._ingest_one(entry, now, queue=queue)
            except Exception:
                log.exception("feed=%s guid=%r status=entry_failed", entry.feed, entry.guid)
                continue
            if alerts is not None:
                new += 1
                raised.extend(alerts)
        return new, raised

    def _ingest_one(self, entry: Entry, now: datetime, *, queue: bool) -> list[Alert] | None:
        canonical = canonical_url(entry.url) or f"{entry.feed}#{entry.guid}"
        with self.store.session() as session:
            feed_id = self.store.feed_id(session, entry.feed)
            if self.store.seen_in_feed(session, feed_id, entry.guid):
                return None
            original = self.store.original_of(session, canonical)
            if original is not None:  # the same article through another feed: kept, not news
                self.store.add_article(
                    session, feed_id, entry, canonical, (), now, duplicate_of=original
                )
                return []
            matches = self.matcher.match(entry)
            article_id = self.store.add_article(session, feed_id, entry, canonical, matches, now)
            if not matches:
                return []
            claims = extract_claims(
                entry.text, self.entities, self._kinds(matches), year=entry.published.year
            )
            facts = [_fact(claim, entry, now) for claim in claims]
            changes = diff_facts(self.store.latest_facts(session, {f.key for f in facts}), facts)
            for change in changes:
                self.store.add_fact(session, article_id, change.after, change.kind)
            raised: list[Alert] = []
            for match in matches:
                for alert in self._alerts(self.watches[match.watch], entry, canonical, changes):
                    if self.store.add_alert(session, alert, now, queue=queue) is not None:
                        raised.append(alert)
            return raised

    def _alerts(
        self, watch: WatchConfig, entry: Entry, canonical: str, changes: Sequence[Change]
    ) -> list[Alert]:
        alerts = []
        if watch.new_articles:
            alerts.append(article_alert(entry, watch.name, watch.channels, canonical))
        follows = self.followed[watch.name]
        for change in changes:
            value = change.after.value
            about = not follows or not follows.isdisjoint(fact_entities(value))
            if worth_alert(change) and value.kind in watch.facts and about:
                alerts.append(fact_alert(change, watch.name, watch.channels))
        return alerts

    def _kinds(self, matches: Sequence[Match]) -> set[FactKind]:
        return {kind for m in matches for kind in self.watches[m.watch].facts}


def _followed_entities(spec: WatchSpec, entities: Sequence[EntityRef]) -> frozenset[str]:
    """The entities a watch is about: those it looks for (its `entities`, `require` and the
    `entity:` terms of its query), not those it excludes. Facts about other entities (a
    namesake, a historical figure) found in a matching article do not alert this watch; a
    watch that names no entity takes every fact."""
    return frozenset(positive_entities(compile_watch(spec, entities)))


def _fact(claim: Claim, entry: Entry, now: datetime) -> Fact:
    evidence = Evidence(
        quote=claim.quote,
        article_url=entry.url,
        outlet=entry.outlet,
        published=entry.published,
        observed_at=now,
        claimed_by=claim.claimed_by,
        hedged=claim.hedged,
    )
    return Fact(claim.value, evidence)
