"""Where the CPU of ingesting goes, stage by stage, measured from the outside.

`instrument(pipeline)` wraps the stage functions the pipeline calls (module globals of
`monitor.pipeline.polling` and `monitor.pipeline.ingest`, and methods of its store and matcher
instances) with `time.process_time()` clocks; `restore()` puts the originals back. Nothing in
the product is changed or timed when no benchmark runs.

Time is exclusive: a stage called inside another (a store lookup inside the dedup callback)
pauses its caller's clock, so the stages add up to at most the total. What no wrapper covers
(HTTP, the event loop, scheduling, health) is the remainder, reported as the fetch stage.

Stages:
- parse: `parse_feed` (bytes to Entry records: feedparser, HTML to text, dates).
- match: the watch matcher.
- dedup: URL canonicalisation, fingerprints, MinHash keys and shingles, and the store lookups
  they need (known GUIDs, copies, story keys, candidate stories).
- extract: `extract_claims` (all four fact kinds).
- diff: `diff_facts` and the store reads it needs (the reference facts, the story's claims).
- store: every other store call (feed state, articles, stories, facts, alerts), the commits
  that end their transactions, and what remains of `Ingestor.ingest` itself (composing alerts).
  `StageClock.top` names the functions that took most of a stage.
"""

from __future__ import annotations

import functools
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import SessionTransaction

import monitor.pipeline.ingest as ingest_module
import monitor.pipeline.polling as polling_module
from monitor.pipeline import Pipeline

STAGES = ("fetch", "parse", "match", "dedup", "extract", "diff", "store")
FETCH_NOTE = "fetch: HTTP, event loop, scheduling and health (the remainder)"
_INGEST_GLOBALS = {
    "canonical_url": "dedup",
    "body_text": "dedup",
    "fingerprint": "dedup",
    "story_keys": "dedup",
    "shingles": "dedup",
    "same_story": "dedup",
    "extract_claims": "extract",
    "diff_facts": "diff",
}
_STORE_STAGES = {
    "known_texts": "dedup",
    "copy_of": "dedup",
    "find_story": "dedup",
    "add_story_keys": "dedup",
    "reference_facts": "diff",
    "story_claims": "diff",
}


class StageClock:
    """Exclusive process time per stage, kept with a stack of the stages being run."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.by_function: defaultdict[tuple[str, str], float] = defaultdict(float)
        self._stack: list[tuple[str, str]] = []
        self._mark = 0.0

    def wrap(self, stage: str, function: Callable[..., Any], name: str) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._switch((stage, name))
            try:
                return function(*args, **kwargs)
            finally:
                self._switch(None)

        return timed

    def _switch(self, entering: tuple[str, str] | None) -> None:
        now = time.process_time()
        if self._stack:
            stage, name = self._stack[-1]
            self.seconds[stage] += now - self._mark
            self.by_function[stage, name] += now - self._mark
        if entering is None:
            self._stack.pop()
        else:
            self._stack.append(entering)
        self._mark = now

    def top(self, stage: str, count: int) -> list[tuple[str, float]]:
        """The functions that took most of a stage, with their seconds."""
        named = [(name, t) for (s, name), t in self.by_function.items() if s == stage]
        return sorted(named, key=lambda item: -item[1])[:count]

    def shares(self, total: float) -> dict[str, float]:
        """Seconds per stage, the fetch stage being what the others leave of `total`."""
        timed = {stage: self.seconds.get(stage, 0.0) for stage in STAGES[1:]}
        return {"fetch": max(0.0, total - sum(timed.values())), **timed}


@contextmanager
def instrument(pipeline: Pipeline) -> Iterator[StageClock]:
    """Clock the stages of this pipeline for the duration of the block."""
    clock = StageClock()
    undo: list[Callable[[], None]] = []

    def patch(owner: Any, name: str, stage: str) -> None:
        original = getattr(owner, name)
        own = name in vars(owner)  # a module global, or a method looked up on the class
        setattr(owner, name, clock.wrap(stage, original, name))
        undo.append(lambda: setattr(owner, name, original) if own else delattr(owner, name))

    patch(polling_module, "parse_feed", "parse")
    for name, stage in _INGEST_GLOBALS.items():
        patch(ingest_module, name, stage)
    patch(pipeline.ingestor.matcher, "match", "match")
    patch(pipeline.ingestor, "ingest", "store")
    patch(SessionTransaction, "commit", "store")  # the end of every `store.session()` block
    store = pipeline.store
    for name in _store_methods(store):
        patch(store, name, _STORE_STAGES.get(name, "store"))
    try:
        yield clock
    finally:
        for step in reversed(undo):
            step()


def _store_methods(store: object) -> list[str]:
    """The store's public query methods (not `session`, which they all use)."""
    return [
        name
        for name in dir(type(store))
        if not name.startswith("_")
        and name not in ("session", "open", "close")
        and callable(getattr(type(store), name))
    ]
