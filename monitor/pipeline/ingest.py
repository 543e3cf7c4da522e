"""Entries into the store: dedup -> match -> extract -> diff -> alerts, one transaction a feed.

A feed's new entries are written together with their matches, facts, alerts and outbox rows,
so a crash leaves either all of it or none of it, and an entry left unprocessed is processed
again. A batch that fails is written again one entry a transaction, isolating the bad one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from monitor import metrics
from monitor.alert.compose import article_alert, fact_alert
from monitor.config import Config, WatchConfig
from monitor.dedup import (
    body_text,
    canonical_url,
    fingerprint,
    same_story,
    shingles,
    story_keys,
)
from monitor.diff import SideOf, Significance, diff_facts, worth_alert
from monitor.extract import extract_claims
from monitor.extract.language.mentions import find_mentions
from monitor.logs.events import get_logger
from monitor.match import Matcher, WatchSpec, compile_watch
from monitor.match.syntax import positive_entities
from monitor.pipeline.digests import channel_policies
from monitor.pipeline.route import routed
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
from monitor.store import Store, StoredText, claim_id
from monitor.store import errors as store_errors

log = get_logger("monitor.pipeline")
STORY_WINDOW = timedelta(days=14)  # copies of a story appear within days; older ones are history


class Ingestor:
    """Compiled once per configuration: the matcher, the entities, what each watch follows."""

    def __init__(self, config: Config, store: Store) -> None:
        self.store = store
        self.entities = config.entity_refs()
        self.spacy_model = config.extract.spacy_model
        self.watches = {w.name: w for w in config.watches}
        specs = [
            WatchSpec(w.name, w.entities, w.terms, w.require, w.exclude, w.query)
            for w in config.watches
        ]
        self.followed = {s.name: _followed_entities(s, self.entities) for s in specs}
        self.matcher = Matcher(specs, self.entities)
        self.policies = channel_policies(config)
        base = config.alerts.significance
        self.significance = base.rule()  # what the stored facts are recorded as
        self.watch_significance = {
            w.name: (w.significance.over(base) if w.significance else base).rule()
            for w in config.watches
        }

    def ingest(self, entries: Sequence[Entry], now: datetime, *, queue: bool) -> Ingested:
        """Process entries oldest first: how many were new, the alerts raised, and how many
        the database refused (with why), so that the caller records the document as read
        only when every entry of it is stored.

        Cheapest checks first: one query tells which GUIDs each feed delivered before (and
        their text), so known entries cost a dictionary lookup; an entry whose text changed in
        place is examined again for facts; only new entries go further."""
        tally = Tally()
        for feed, group in _by_feed(entries).items():
            tally.merge(self._ingest_feed(feed, group, now, queue))
        return Ingested(tally.new, tally.alerts, tally.failed, tally.error)

    def _ingest_feed(self, feed: str, group: Sequence[Entry], now: datetime, queue: bool) -> Tally:
        """A feed's entries in one transaction (a commit per entry costs more than the rest of
        the store work). Should it fail, it is rolled back and the entries are written one
        transaction each, so that one bad entry never loses the others."""
        tally = Tally()
        try:
            with self.store.session() as session:
                feed_id = self.store.feed_id(session, feed)
                known = self.store.known_texts(session, feed_id, [e.guid for e in group])
                for entry, stored, text_hash in _to_examine(group, known):
                    self._examine(session, feed_id, entry, stored, text_hash, now, queue, tally)
                    known[entry.guid] = (-1, text_hash)  # a repeated GUID in one document
        except Exception as exc:
            _log_failure("feed_batch_failed", exc, feed=feed)
            return self._one_by_one(feed, group, now, queue)
        tally.publish()
        return tally

    def _one_by_one(self, feed: str, group: Sequence[Entry], now: datetime, queue: bool) -> Tally:
        total = Tally()
        try:
            with self.store.session() as session:
                feed_id = self.store.feed_id(session, feed)
                known = self.store.known_texts(session, feed_id, [e.guid for e in group])
        except Exception as exc:  # nothing of this feed can be read, so nothing is written
            _log_failure("entry_failed", exc, feed=feed, entries=len(group))
            total.refused(exc, len(group))
            return total
        for entry, stored, text_hash in _to_examine(group, known):
            tally = Tally()
            try:
                with self.store.session() as session:
                    self._examine(session, feed_id, entry, stored, text_hash, now, queue, tally)
            except Exception as exc:
                _log_failure("entry_failed", exc, feed=feed, guid=entry.guid)
                total.refused(exc)
                continue
            known[entry.guid] = (-1, text_hash)
            tally.publish()
            total.merge(tally)
        return total

    def _examine(
        self,
        session: Session,
        feed_id: int,
        entry: Entry,
        stored: tuple[int, str | None] | None,
        text_hash: str,
        now: datetime,
        queue: bool,
        tally: Tally,
    ) -> None:
        if stored is None:
            self._ingest_new(session, feed_id, entry, text_hash, now, queue, tally)
            tally.new += 1
        else:
            self._reexamine(session, stored[0], entry, text_hash, now, queue, tally)

    def _ingest_new(
        self,
        session: Session,
        feed_id: int,
        entry: Entry,
        text_hash: str,
        now: datetime,
        queue: bool,
        tally: Tally,
    ) -> None:
        canonical = canonical_url(entry.url) or f"{entry.feed}#{entry.guid}"
        body = body_text(entry.title, entry.summary, entry.content)
        exact = fingerprint(body)
        copy = self.store.copy_of(session, canonical, exact)
        if copy is not None:  # the same article again (another feed, URL or GUID): not news
            self.store.add_article(
                session,
                feed_id,
                entry,
                canonical,
                (),
                now,
                duplicate_of=copy[0],
                story_id=copy[1],
                text_hash=text_hash,
            )
            if copy[1] is not None:
                self.store.touch_story(session, copy[1], now)
            return
        matches = self.matcher.match(entry)
        if not matches:
            self.store.add_article(
                session,
                feed_id,
                entry,
                canonical,
                (),
                now,
                text_hash=text_hash,
                fingerprint=exact,
            )
            return
        story_id, keys = self._story_of(session, body, now)
        article_id = self.store.add_article(
            session,
            feed_id,
            entry,
            canonical,
            matches,
            now,
            story_id=story_id,
            text_hash=text_hash,
            fingerprint=exact,
        )
        self.store.add_story_keys(session, article_id, keys)
        first = story_id is None
        if story_id is None:
            story_id = self.store.new_story(session, entry.title or entry.url, now)
            self.store.set_story(session, article_id, story_id)
        else:
            self.store.touch_story(session, story_id, now)
        facts = self._facts(session, article_id, entry, matches, now, tally, story_id)
        story = Story(story_id, first)
        self._raise(session, matches, entry, canonical, facts, now, queue, story, tally)

    def _reexamine(
        self,
        session: Session,
        article_id: int,
        entry: Entry,
        text_hash: str,
        now: datetime,
        queue: bool,
        tally: Tally,
    ) -> None:
        """The same entry with new text: its facts are read again; it is not a new story."""
        canonical = canonical_url(entry.url) or f"{entry.feed}#{entry.guid}"
        matches = self.matcher.match(entry)
        self.store.update_article(session, article_id, entry, matches, text_hash)
        if not matches:
            return
        facts = self._facts(session, article_id, entry, matches, now, tally)
        story = Story(None, new=False)
        self._raise(session, matches, entry, canonical, facts, now, queue, story, tally)

    def _story_of(self, session: Session, body: str, now: datetime) -> tuple[int | None, list[str]]:
        """The story a matched article joins (a near duplicate of a recent article), if any."""
        keys = story_keys(body)
        mine = shingles(body)

        def same(other: StoredText) -> bool:
            return same_story(mine, shingles(body_text(other.title, other.summary, other.content)))

        return self.store.find_story(session, keys, now - STORY_WINDOW, same), keys

    def _facts(
        self,
        session: Session,
        article_id: int,
        entry: Entry,
        matches: Sequence[Match],
        now: datetime,
        tally: Tally,
        story_id: int | None = None,
    ) -> ArticleFacts:
        """Read, diff and store the facts of one article. A claim that another copy of the same
        story already made is that copy's claim again: kept as corroboration, never compared
        afresh (a syndicated denial must not contest its own original once more)."""
        claims = extract_claims(
            entry.text,
            self.entities,
            self._kinds(matches),
            year=entry.published.year,
            model=self.spacy_model,
        )
        facts = [_fact(claim, entry, now) for claim in claims]
        told = self.store.story_claims(session, story_id) if story_id is not None else set()
        repeats = [f for f in facts if claim_id(f) in told]
        fresh = [f for f in facts if claim_id(f) not in told]
        known = self.store.reference_facts(session, {f.key for f in fresh})
        article = ArticleFacts(
            {key: k.fact for key, k in known.items()},
            {key: k.sources for key, k in known.items()},
            fresh,
            [Change("corroborated", f) for f in repeats],
            self._side,
        )
        for change in article.changes(self.significance):
            self.store.add_fact(session, article_id, change.after, change.kind)
            tally.facts.append((change.after.kind, change.kind))
        return article

    def _raise(
        self,
        session: Session,
        matches: Sequence[Match],
        entry: Entry,
        canonical: str,
        facts: ArticleFacts,
        now: datetime,
        queue: bool,
        story: Story,
        tally: Tally,
    ) -> None:
        for match in matches:
            tally.matches.append(match.watch)
            watch = self.watches[match.watch]
            for alert in self._alerts(watch, match, entry, canonical, facts, story):
                alert_id = self.store.add_alert(session, alert, now, queue=queue)
                if alert_id is not None:
                    if queue and self.policies:  # digest and quiet hours hold it from the start
                        self.store.hold_new(session, alert_id, now, self.policies)
                    tally.alerts.append(alert)

    def _alerts(
        self,
        watch: WatchConfig,
        match: Match,
        entry: Entry,
        canonical: str,
        facts: ArticleFacts,
        story: Story,
    ) -> list[Alert]:
        """The watch's alerts for one article, each routed to the channels the watch names for
        its kind, fact kind and severity. The facts are weighed by the watch's significance."""
        alerts = []
        if watch.new_articles and story.new:
            alerts.append(article_alert(entry, watch.name, (), canonical, story.id, match.entities))
        follows = self.followed[watch.name]
        significance = self.watch_significance[watch.name]
        for change in facts.changes(significance):
            value = change.after.value
            about = not follows or not follows.isdisjoint(fact_entities(value))
            if worth_alert(change, significance) and value.kind in watch.facts and about:
                alerts.append(fact_alert(change, watch.name, (), story.id))
        return [routed(watch, alert) for alert in alerts]

    def _side(self, fact: Fact) -> str | None:
        """Who stands behind a claim: the first configured entity named in its source."""
        claimed_by = fact.evidence.claimed_by
        if not claimed_by:
            return None
        mentions = find_mentions(claimed_by, self.entities)
        return mentions[0].entity.name if mentions else None

    def _kinds(self, matches: Sequence[Match]) -> set[FactKind]:
        return {kind for m in matches for kind in self.watches[m.watch].facts}


def _followed_entities(spec: WatchSpec, entities: Sequence[EntityRef]) -> frozenset[str]:
    """The entities a watch is about: those it looks for (its `entities`, `require` and the
    `entity:` terms of its query), not those it excludes. Facts about other entities (a
    namesake, a historical figure) found in a matching article do not alert this watch; a
    watch that names no entity takes every fact."""
    return frozenset(positive_entities(compile_watch(spec, entities)))


@dataclass(frozen=True, slots=True)
class Ingested:
    """What `Ingestor.ingest` did: entries stored as new, alerts raised, and the entries the
    database refused (`failed`, with the first `error`): those are read again next time."""

    new: int
    alerts: list[Alert]
    failed: int = 0
    error: str | None = None


@dataclass(slots=True)
class Tally:
    """What a transaction did: counted in the metrics only once it is committed, so that a
    batch rolled back and written again is not counted twice."""

    new: int = 0
    alerts: list[Alert] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    matches: list[str] = field(default_factory=list)
    failed: int = 0
    error: str | None = None

    def merge(self, other: Tally) -> None:
        self.new += other.new
        self.alerts.extend(other.alerts)
        self.facts.extend(other.facts)
        self.matches.extend(other.matches)
        self.failed += other.failed
        self.error = self.error or other.error

    def refused(self, exc: Exception, entries: int = 1) -> None:
        self.failed += entries
        self.error = self.error or store_errors.reason(exc)

    def publish(self) -> None:
        metrics.entries.inc(self.new)
        for kind, change in self.facts:
            metrics.facts.labels(kind, change).inc()
        for watch in self.matches:
            metrics.matches.labels(watch).inc()
        for alert in self.alerts:
            metrics.alerts.labels(alert.kind).inc()


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """The facts of one article and what was known before it: the changes they make depend on
    the significance they are weighed with (the store's, or a watch's own)."""

    known: dict[tuple[str, ...], Fact]
    sources: dict[tuple[str, ...], int]
    fresh: list[Fact]
    repeats: list[Change]  # claims a copy of the same story made before: corroboration
    side: SideOf

    def changes(self, significance: Significance) -> list[Change]:
        found = diff_facts(self.known, self.fresh, self.side, significance, self.sources)
        return found + self.repeats


@dataclass(frozen=True, slots=True)
class Story:
    """The story an article belongs to (None for an entry re-read in place), and whether the
    article started it."""

    id: int | None
    new: bool


def _log_failure(event: str, exc: Exception, **fields: object) -> None:
    """A database that refuses a write is logged in one line; anything else is a bug, logged
    with its traceback."""
    if store_errors.is_store_error(exc):
        log.warning(event, error=store_errors.reason(exc), **fields)
    else:
        log.error(event, exc_info=exc, **fields)


def _by_feed(entries: Sequence[Entry]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.feed, []).append(entry)
    return groups


def _to_examine(
    group: Sequence[Entry], known: dict[str, tuple[int, str | None]]
) -> Iterator[tuple[Entry, tuple[int, str | None] | None, str]]:
    """The entries that are new or whose text changed, oldest first, with what is stored of
    each. `known` is read as the caller updates it (a GUID repeated in one document)."""
    for entry in sorted(group, key=lambda e: e.published):
        stored = known.get(entry.guid)
        text_hash = _text_hash(entry)
        if stored is None or stored[1] not in (text_hash, None):
            yield entry, stored, text_hash


def _text_hash(entry: Entry) -> str:
    text = "\x1f".join((entry.title, entry.summary, entry.content, entry.url))
    return hashlib.sha256(text.encode()).hexdigest()


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
