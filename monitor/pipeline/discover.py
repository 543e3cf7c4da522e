"""Feed discovery: the feeds a web page advertises (`<link rel="alternate">` of RSS, Atom and
JSON Feed types), fetched through the fetch stage's guarded client (the same address guard,
size cap, deadline and redirect rules as feeds), or the news that the URL is a feed itself.

Links are resolved against the page's `<base href>` and the URL the page was finally served
from (after redirects). `application/json` alternates are taken only when they say "feed"
in their address or title: WordPress advertises its REST API with that type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

FEED_TYPES = {
    "application/rss+xml": "RSS",
    "application/atom+xml": "Atom",
    "application/feed+json": "JSON Feed",
    "application/rdf+xml": "RSS 1.0 (RDF)",
}
_ROOTS = ((re.compile(rb"<rss[\s>]"), "RSS"), (re.compile(rb"<(?:\w+:)?feed[\s>]"), "Atom"))
_RDF = re.compile(rb"<(?:\w+:)?RDF[\s>]")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
SNIFF_BYTES = 4096
NO_FEEDS = "the page advertises no feed: no <link rel=alternate> of an RSS, Atom or JSON Feed type"


@dataclass(frozen=True, slots=True)
class FoundFeed:
    url: str
    kind: str
    title: str


@dataclass(frozen=True, slots=True)
class Discovery:
    """What the URL turned out to be. `feed_kind` is set when it is a feed itself (with its
    title and entry count); `feeds` lists what a page advertises; `error` when it could not
    be fetched or read."""

    url: str
    final_url: str
    feeds: tuple[FoundFeed, ...] = ()
    feed_kind: str | None = None
    feed_title: str = ""
    entries: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout: float
    deadline: float
    max_bytes: int
    max_redirects: int = 5


async def discover(url: str, limits: FetchLimits, *, allow_private: bool = False) -> Discovery:
    from monitor.fetch import fetch, make_client
    from monitor.records import FeedTarget

    served_from: list[str] = []

    async def remember(response: Any) -> None:
        served_from.append(str(response.request.url))

    client = make_client(limits.timeout, limits.max_redirects)
    client.event_hooks = {"request": [], "response": [remember]}
    try:
        result = await fetch(
            client,
            FeedTarget("discover", url, allow_private=allow_private),
            max_bytes=limits.max_bytes,
            deadline=limits.deadline,
        )
    finally:
        await client.aclose()
    final = served_from[-1] if served_from else url
    if result.error is not None or result.body is None:
        return Discovery(url, final, error=result.error or f"HTTP {result.status}: no body")
    return read_page(url, final, result.body, result.content_type)


def read_page(url: str, final: str, body: bytes, content_type: str | None) -> Discovery:
    """A fetched body: a feed itself, or a page whose advertised feeds are listed."""
    from monitor.parse import parse_feed

    parsed = parse_feed(
        body, feed="discover", url=final, fetched_at=datetime.now(UTC), content_type=content_type
    )
    if parsed.error is None:
        title = "" if parsed.title == "discover" else parsed.title
        kind = feed_kind(body, content_type)
        return Discovery(url, final, feed_kind=kind, feed_title=title, entries=len(parsed.entries))
    feeds = advertised_feeds(_text(body, content_type), final)
    error = None if feeds else parsed.error
    if error and error.startswith("not a feed: an HTML page"):
        error = f"{NO_FEEDS} ({error.removeprefix('not a feed: ')})"
    return Discovery(url, final, feeds=feeds, error=error)


def feed_kind(body: bytes, content_type: str | None) -> str:
    from monitor.parse.jsonfeed import is_json

    if is_json(body, content_type):
        return "JSON Feed"
    head = body[:SNIFF_BYTES]
    if _RDF.search(head):
        return "RSS 1.0 (RDF)"
    return next((kind for root, kind in _ROOTS if root.search(head)), "feed")


def advertised_feeds(html: str, page_url: str) -> tuple[FoundFeed, ...]:
    """The alternate links of feed types in `html`, absolute, each URL once, in page order."""
    from selectolax.lexbor import LexborHTMLParser

    page = LexborHTMLParser(html)
    base = page_url
    if (node := page.css_first("base[href]")) is not None:
        base = _join(page_url, node.attributes.get("href") or "") or page_url
    found: dict[str, FoundFeed] = {}
    for link in page.css("link[rel][href][type]"):
        attributes = link.attributes
        rels = (attributes.get("rel") or "").lower().split()
        kind = _kind(attributes.get("type") or "", attributes)
        href = _join(base, attributes.get("href") or "")
        if "alternate" in rels and kind and href and href not in found:
            found[href] = FoundFeed(href, kind, " ".join((attributes.get("title") or "").split()))
    return tuple(found.values())


def _kind(media_type: str, attributes: dict[str, str | None]) -> str | None:
    media = media_type.split(";", 1)[0].strip().lower()
    if media == "application/json":
        said = f"{attributes.get('href') or ''} {attributes.get('title') or ''}".lower()
        return "JSON Feed" if "feed" in said else None
    return FEED_TYPES.get(media)


def _join(base: str, href: str) -> str:
    try:
        joined = urljoin(base, href.strip())
    except ValueError:
        return ""
    return joined if urlsplit(joined).scheme in ("http", "https") else ""


def _text(body: bytes, content_type: str | None) -> str:
    """The page as text, in the charset its Content-Type names (else UTF-8), bad bytes
    replaced."""
    match = _CHARSET.search(content_type or "")
    try:
        return body[: 2 * 1024 * 1024].decode(match.group(1) if match else "utf-8", "replace")
    except LookupError:
        return body[: 2 * 1024 * 1024].decode("utf-8", "replace")
