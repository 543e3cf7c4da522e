"""`monitor explain` wired: the entries a target names (a saved feed file, a stored article, or
an article page fetched and read like a full-text feed), each with the matcher's account of
why every watch did or did not match it. The command line prints what this returns."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlsplit

from monitor.config import Config
from monitor.dedup import canonical_url
from monitor.fetch import fetch, make_client
from monitor.match.explain import explain, format_explanation
from monitor.parse import parse_feed
from monitor.pipeline import Pipeline, feed_name_for, utcnow
from monitor.pipeline.fulltext import main_text
from monitor.records import Entry, FeedTarget
from monitor.store import Store


class ExplainError(Exception):
    """The target could not be read: the message says which and why."""


def explain_target(config: Config, target: str) -> list[tuple[Entry, str]]:
    """Each entry of `target` with the explanation `monitor explain` prints for it."""
    store = Store.open(config.database_url())
    try:
        entries = entries_to_explain(config, store, target)
        matcher = Pipeline(config, store).ingestor.matcher
    finally:
        store.close()
    return [(entry, format_explanation(explain(matcher, entry))) for entry in entries]


def entries_to_explain(config: Config, store: Store, target: str) -> list[Entry]:
    """A file's entries, a stored article, or the page at a URL, in that order of trying."""
    path = Path(target)
    if path.is_file():
        parsed = parse_feed(
            path.read_bytes(),
            feed=feed_name_for(path),
            url=path.resolve().as_uri(),
            fetched_at=utcnow(),
        )
        if parsed.error:
            raise ExplainError(f"{path}: {parsed.error}")
        return list(parsed.entries)
    stored = store.article_entry(target, canonical_url(target))
    if stored is not None:
        return [stored]
    if not target.startswith(("http://", "https://")):
        raise ExplainError(f"{target!r} is neither a file nor a URL")
    return [asyncio.run(read_page(config, target))]


async def read_page(config: Config, url: str) -> Entry:
    """The article at `url` as an entry, its text found as for a `full_text` feed."""
    polling = config.polling
    async with make_client(polling.timeout_seconds, polling.max_redirects) as client:
        target = FeedTarget("explain", url, allow_private=config.polling.allow_private)
        result = await fetch(
            client,
            target,
            max_bytes=config.polling.max_body_bytes,
            deadline=polling.deadline,
        )
    if not result.ok or result.body is None:
        raise ExplainError(f"{url}: {result.error}")
    text = main_text(result.body, url)
    if text is None:
        raise ExplainError(f"{url}: no article text found on the page")
    title = text.split("\n", 1)[0]
    return Entry("explain", urlsplit(url).hostname or url, url, url, title, "", text, utcnow())
