"""Parse stage: feed bytes -> frozen Entry records with plain text, aware UTC dates and
absolute links. feedparser does the format work (RSS 0.9x/1.0/2.0, Atom, broken XML) on a body
that `monitor.parse.safe` made safe first, except for plain RSS 2.0 and Atom documents that
`monitor.parse.fast` reads with lxml in its stead (the same records, five times faster), and
JSON Feeds, which `monitor.parse.jsonfeed` reads; selectolax turns the HTML left in fields into
text.
What had to be repaired or guessed on the way (a character reference to a forbidden code
point, a wrong charset label) is in `notes`, and logged as `feed_repaired`.

Any exception while parsing becomes the feed's `error`: one hostile feed never stops a poll."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import feedparser

from monitor.logs.events import get_logger
from monitor.parse.chars import drop_invalid_characters
from monitor.parse.fast import fast_feed
from monitor.parse.fields import MAX_TITLE, absolute, field_text, make_entry, stable_key
from monitor.parse.jsonfeed import is_json, read_json_feed
from monitor.parse.notfeed import problem
from monitor.parse.safe import GZIP_MAGIC, MAX_UNZIPPED, Prepared, gunzip, prepare
from monitor.parse.scan import Limits
from monitor.parse.text import html_to_text
from monitor.records import Entry

__all__ = [
    "MAX_UNZIPPED",
    "Limits",
    "ParsedFeed",
    "absolute",
    "gunzip",
    "html_to_text",
    "parse_feed",
    "stable_key",
]

log = get_logger(__name__)
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What a feed document held. `error` is set when the document could not be read as a feed;
    entries that parsed before the error are still returned. `dropped` counts entries beyond
    `Limits.max_entries` that were left out (the newest are kept); `notes` says what was
    repaired or removed on the way (a DTD, a cap)."""

    title: str
    entries: tuple[Entry, ...]
    error: str | None = None
    dropped: int = 0
    notes: tuple[str, ...] = ()
    ttl_seconds: int | None = None  # RSS <ttl>: how long the publisher says to cache the feed


def parse_feed(
    body: bytes,
    *,
    feed: str,
    url: str,
    fetched_at: datetime,
    content_type: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    fast_path: bool = True,
) -> ParsedFeed:
    """`fast_path=False` reads every document with feedparser (see `monitor.parse.fast`)."""
    try:
        parsed = _parse(body, feed, url, fetched_at, content_type, limits, fast_path)
    except Exception as exc:  # a parser bug on one hostile feed must not stop the others
        log.warning("feed_parse_crashed", feed=feed, exc_info=True)
        return ParsedFeed(feed, (), f"not a feed we could read: {type(exc).__name__}: {exc}")
    if parsed.notes:
        log.warning("feed_repaired", feed=feed, notes="; ".join(parsed.notes))
    return parsed


def _parse(
    body: bytes,
    feed: str,
    url: str,
    fetched_at: datetime,
    content_type: str | None,
    limits: Limits,
    fast_path: bool,
) -> ParsedFeed:
    if body[:2] == GZIP_MAGIC:
        body = gunzip(body, MAX_UNZIPPED)
    if is_json(body, content_type):
        return _json(body, feed, url, fetched_at, limits)
    ready = prepare(body, url, content_type, limits)
    if ready.error:
        return ParsedFeed(feed, (), ready.error, notes=ready.notes)
    fast = fast_feed(ready.body) if fast_path else None
    if fast is not None:
        parsed = _read(fast, feed, url, fetched_at)
        if parsed.entries:  # an empty feed goes to feedparser, which says why it is empty
            return replace(parsed, dropped=ready.dropped, notes=ready.notes)
    return _with_feedparser(ready, feed, url, fetched_at)


def _with_feedparser(ready: Prepared, feed: str, url: str, fetched_at: datetime) -> ParsedFeed:
    # lxml refuses what feedparser would crash on or pass through (a reference to a forbidden
    # code point, a raw control character), so only this path needs them removed.
    clean, removed = drop_invalid_characters(ready.body)
    repaired = (f"removed {removed} characters that XML forbids (controls, surrogates)",)
    notes = ready.notes + (repaired if removed else ())
    # Bytes in a file object: a bare str or bytes argument may be opened as a path or URL.
    # sanitize_html and resolve_relative_uris rewrite markup that html_to_text then drops
    # (they cost half the parse time); entry links are made absolute in make_entry.
    result: Any = feedparser.parse(
        io.BytesIO(clean),
        response_headers=ready.headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    parsed = _read(result, feed, url, fetched_at)
    error = problem(result, clean, parsed.entries, url)
    return replace(parsed, error=error, dropped=ready.dropped, notes=notes)


def _json(body: bytes, feed: str, url: str, fetched_at: datetime, limits: Limits) -> ParsedFeed:
    read = read_json_feed(body, limits.max_entries)
    if read.document is None:
        return ParsedFeed(feed, (), read.error, notes=read.notes)
    parsed = _read(read.document, feed, url, fetched_at)
    return replace(parsed, dropped=read.dropped, notes=read.notes)


def _read(result: Any, feed: str, url: str, fetched_at: datetime) -> ParsedFeed:
    """Entries from feedparser's result (or the fast path's, which has the same shape)."""
    channel = result["feed"]
    title = field_text(channel, "title", MAX_TITLE) or feed
    made = (make_entry(raw, feed, title, url, fetched_at) for raw in result["entries"])
    entries = tuple(e for e in made if e is not None)
    return ParsedFeed(title, entries, ttl_seconds=_ttl(channel))


def _ttl(channel: Any) -> int | None:
    """RSS <ttl> in seconds; absent, malformed or absurd values (over a week) count as none."""
    minutes = str(channel.get("ttl", "")).strip()
    if not minutes.isdigit() or not 0 < int(minutes) <= 7 * 24 * 60:
        return None
    return int(minutes) * 60
