"""Why a document gave no entries, in words a user can act on: JSON, an HTML page (with the
feed it links to, if any), a broken or truncated feed, or no feed element at all."""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from monitor.parse.fields import absolute
from monitor.records import Entry

_DECLARATION = re.compile(rb"\s*<\?xml[^>]*>")
_HTML = re.compile(rb"<(?:html|head|body)[\s>]", re.IGNORECASE)
_FEED_LINKS = (
    'link[rel~="alternate"][type*="rss"], link[rel~="alternate"][type*="atom"],'
    ' link[rel~="alternate"][type*="rdf"]'
)
SNIFF_BYTES = 4096


def problem(parsed: Any, body: bytes, entries: tuple[Entry, ...], url: str) -> str | None:
    """A reason when the body is not a usable feed. A feed with entries is usable even when
    feedparser flags it (bozo), as most of the web's feeds are slightly broken; a well-formed
    feed with no items is usable and empty."""
    if entries:
        return None
    head = _DECLARATION.sub(b"", body[:SNIFF_BYTES], count=1).lstrip()
    if head[:1] in (b"{", b"["):
        return "not a feed: JSON behind an XML declaration (RSS, Atom, RDF or JSON Feed expected)"
    if not parsed.get("version") and _HTML.search(head):
        return html_page(body, url)
    if not parsed.get("version"):
        return "not a feed: no RSS, Atom or RDF root element found"
    if parsed.get("bozo"):
        return f"not a valid feed: broken or truncated XML ({parsed.get('bozo_exception')})"
    return None


def html_page(body: bytes, url: str) -> str:
    """The error for an HTML page, naming the feed it advertises (autodiscovery) if any."""
    page = LexborHTMLParser(body[: 1024 * 1024].decode("utf-8", "replace"))
    hrefs = (node.attributes.get("href") for node in page.css(_FEED_LINKS))
    found = next((absolute(h, url) for h in hrefs if h), "")
    hint = f"; it links to a feed at {found}" if found else ""
    return f"not a feed: an HTML page, not RSS, Atom or RDF{hint}"
