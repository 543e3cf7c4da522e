"""Parse stage: feed bytes -> frozen Entry records with plain text, aware UTC dates and
absolute links. feedparser does the format work (RSS 0.9x/1.0/2.0, Atom, broken XML); selectolax
turns the HTML it leaves into text."""

from __future__ import annotations

import calendar
import hashlib
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
from selectolax.lexbor import LexborHTMLParser

from monitor.records import Entry

_BLOCKS = "p,br,div,li,ul,ol,h1,h2,h3,h4,h5,h6,tr,blockquote,section,article,figure,figcaption,pre"
_DROP = ["script", "style", "noscript", "template", "iframe", "object"]
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")


GZIP_MAGIC = b"\x1f\x8b"
MAX_UNZIPPED = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What a feed document held. `error` is set when the document could not be read as a feed;
    entries that parsed before the error are still returned."""

    title: str
    entries: tuple[Entry, ...]
    error: str | None = None


def parse_feed(
    body: bytes,
    *,
    feed: str,
    url: str,
    fetched_at: datetime,
    content_type: str | None = None,
) -> ParsedFeed:
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    if body[:2] == GZIP_MAGIC:
        body = gunzip(body, MAX_UNZIPPED)
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    outlet = _text(parsed.feed.get("title", ""), parsed.feed.get("title_detail")) or feed
    entries = tuple(_entry(raw, feed, outlet, url, fetched_at) for raw in parsed.entries)
    return ParsedFeed(outlet, entries, _problem(parsed, entries))


def _problem(parsed: Any, entries: tuple[Entry, ...]) -> str | None:
    """A reason when the body is not a usable feed. A feed with entries is usable even when
    feedparser flags it (bozo), as most of the web's feeds are slightly broken."""
    if entries:
        return None
    if parsed.get("bozo"):
        return f"not a valid feed: {parsed.get('bozo_exception')}"
    if not parsed.get("version"):
        return "not a feed: no RSS, Atom or RDF root element found"
    return None


def _entry(raw: Any, feed: str, outlet: str, base: str, fetched_at: datetime) -> Entry:
    title = _text(raw.get("title", ""), raw.get("title_detail"))
    link = absolute(raw.get("feedburner_origlink") or raw.get("link") or "", base)
    summary = _text(raw.get("summary", ""), raw.get("summary_detail"))
    contents = (_text(c.get("value", ""), c) for c in raw.get("content", []))
    content = "\n\n".join(t for t in contents if t)
    if content == summary:
        summary = ""
    guid = (raw.get("id") or "").strip() or stable_key(link, title, summary)
    authors = tuple(
        a.get("name", "").strip() for a in raw.get("authors", []) if a.get("name", "").strip()
    )
    return Entry(
        feed=feed,
        outlet=outlet,
        guid=guid,
        url=link,
        title=title,
        summary=summary,
        content=content,
        published=entry_date(raw) or fetched_at,
        authors=authors,
    )


def gunzip(body: bytes, limit: int) -> bytes:
    """Inflate a gzip body that arrived without Content-Encoding (saved files, odd servers),
    stopping at `limit` bytes so that a gzip bomb cannot fill memory."""
    inflater = zlib.decompressobj(wbits=47)
    try:
        return inflater.decompress(body, limit)
    except zlib.error:
        return body


def _text(value: str, detail: Any) -> str:
    """Plain text from a feed field; markup is parsed only when the feed says it is markup."""
    kind = (detail or {}).get("type", "text/html")
    return html_to_text(value) if "html" in kind else _fold(value)


def entry_date(raw: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get, not raw.get: feedparser's own lookup maps missing keys to others, with a
        # DeprecationWarning, and we want each date only where the feed really gave it.
        value = dict.get(raw, key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), UTC)
    return None


def stable_key(link: str, title: str, summary: str) -> str:
    """An id for entries that carry none: the same item gives the same key on every fetch."""
    digest = hashlib.sha256("\x1f".join((link, title, summary[:200])).encode()).hexdigest()
    return f"sha256:{digest[:32]}"


def absolute(link: str, base: str) -> str:
    link = link.strip()
    return urljoin(base, link) if link else ""


def html_to_text(markup: str) -> str:
    """Plain text from an HTML fragment: tags dropped, block elements become line breaks,
    entities decoded, white space folded."""
    if not markup:
        return ""
    if "<" not in markup and "&" not in markup:
        return _fold(markup)
    tree = LexborHTMLParser(markup)
    tree.strip_tags(_DROP)
    for node in tree.css(_BLOCKS):
        node.insert_after("\n")
    root = tree.body or tree.root
    return _fold(root.text(separator="", strip=False)) if root is not None else ""


def _fold(text: str) -> str:
    return _BLANK_LINES.sub("\n", _SPACES.sub(" ", text)).strip()
