"""Retention: what is old enough to delete (a pure decision) and the prune that deletes it.

Articles fetched more than `[retention] articles_days` ago are deleted with their matches and
story index keys, and stories left with nothing referring to them go too; the summary and
content of articles fetched more than `raw_text_days` ago are emptied. Facts (with their
evidence) and alerts are never deleted. Age is counted from when an article was fetched, not
from its publication date, so that an old item a feed still carries is not deleted and then
read again as new on every check.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.config.service import RetentionConfig
from monitor.store.retention import BATCH, Batch, Pruned, RetentionQueries

log = logging.getLogger("monitor.service.retention")


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """Rows fetched before these moments are old; None keeps them forever."""

    articles_before: datetime | None
    texts_before: datetime | None


def cutoffs(policy: RetentionConfig, now: datetime) -> Cutoffs:
    def before(days: int) -> datetime | None:
        return now - timedelta(days=days) if days else None

    return Cutoffs(before(policy.articles_days), before(policy.raw_text_days))


def prune(store: RetentionQueries, limits: Cutoffs, *, batch: int = BATCH) -> Pruned:
    """Delete what `limits` calls old, one batch per transaction, until nothing is left."""
    done = Pruned()
    if (old := limits.articles_before) is not None:
        articles = _in_batches(lambda after: store.prune_articles(old, batch, after))
        stories = _in_batches(lambda after: store.prune_stories(old, batch, after))
        done += Pruned(articles=articles, stories=stories)
    if (bare := limits.texts_before) is not None:
        done += Pruned(texts=_in_batches(lambda after: store.prune_texts(bare, batch, after)))
    if done != Pruned():
        log.info(
            "retention=pruned articles=%d texts=%d stories=%d",
            done.articles,
            done.texts,
            done.stories,
        )
    return done


def prunable(store: RetentionQueries, limits: Cutoffs) -> Pruned:
    """What `prune` would delete now, without deleting anything."""
    return store.prunable(limits.articles_before, limits.texts_before)


def _in_batches(step: Callable[[int], Batch]) -> int:
    """Run `step` from the lowest id up, each batch going on after the last id of the one
    before, until a batch says nothing is left."""
    total, after = 0, 0
    while True:
        batch = step(after)
        total += batch.done
        if batch.last_id is None:
            return total
        after = batch.last_id
