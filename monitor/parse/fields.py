"""One feedparser entry -> one Entry: plain text within caps, an id, an absolute link, a date.

Caps keep one giant field (a 10 MB description) from flowing into matching, extraction and
storage: titles 1,000 characters, summaries 100,000 (some feeds put whole articles there),
content 200,000 (long-form articles are about 50,000), ids and links 2,000 (a longer id is
replaced by its hash; a longer link by none), 20 authors of 1,000 characters each (journals
list all authors in one)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from monitor.parse.dates import entry_date
from monitor.parse.text import clip, fold, html_to_text, plain_text
from monitor.records import Entry

MAX_TITLE = 1_000
MAX_SUMMARY = 100_000
MAX_CONTENT = 200_000
MAX_ID = 2_000
MAX_AUTHORS = 20
MAX_AUTHOR = 1_000


def make_entry(raw: Any, feed: str, outlet: str, base: str, fetched_at: datetime) -> Entry | None:
    """The entry as a record, or None for an empty shell (no title, link, summary or content,
    like the `<item />` that some feeds nest inside their items)."""
    title = field_text(raw, "title", MAX_TITLE)
    link = entry_link(raw, base)
    summary = field_text(raw, "summary", MAX_SUMMARY, body=True)
    contents = (_text(c.get("value", ""), c, MAX_CONTENT, True) for c in raw.get("content", []))
    content = clip("\n\n".join(t for t in contents if t), MAX_CONTENT)
    if content == summary or (content and summary and content.split() == summary.split()):
        summary = ""  # the same words, laid out differently (a description and its HTML)
    if not (title or link or summary or content):
        return None
    return Entry(
        feed=feed,
        outlet=outlet,
        guid=entry_id(raw, link, title, summary),
        url=link,
        title=title,
        summary=summary,
        content=content,
        published=entry_date(raw, fetched_at),
        authors=_authors(raw),
    )


def field_text(raw: Any, key: str, limit: int, *, body: bool = False) -> str:
    """A field as plain text; a `body` (summary, content) also loses its page furniture."""
    value = dict.get(raw, key)
    if not isinstance(value, str):
        return ""
    return _text(value, dict.get(raw, f"{key}_detail"), limit, body)


def entry_link(raw: Any, base: str) -> str:
    """The publisher's own link (feedburner's origLink over its tracking redirect, the target
    of a Google Alerts redirect), else the first enclosure, made absolute against the feed URL
    (feedparser leaves links relative when the feed has no xml:base)."""
    link = dict.get(raw, "feedburner_origlink") or dict.get(raw, "link") or ""
    if not link:
        link = next((e.get("href", "") for e in raw.get("enclosures", []) if e.get("href")), "")
    link = unwrap_redirect(absolute(link if isinstance(link, str) else "", base))
    return link if len(link) <= MAX_ID else ""


def unwrap_redirect(link: str) -> str:
    """The article behind a Google Alerts redirect (`google.com/url?...&url=<article>`)."""
    parts = urlsplit(link)
    if parts.path != "/url" or not parts.netloc.endswith(("google.com", "www.google.com")):
        return link
    target = parse_qs(parts.query).get("url", [""])[0]
    return target if target.startswith(("http://", "https://")) else link


def entry_id(raw: Any, link: str, title: str, summary: str) -> str:
    guid = str(dict.get(raw, "id") or "").strip()
    if len(guid) > MAX_ID:
        return f"sha256:{hashlib.sha256(guid.encode()).hexdigest()[:32]}"
    return guid or stable_key(link, title, summary)


def stable_key(link: str, title: str, summary: str) -> str:
    """An id for entries that carry none: the same item gives the same key on every fetch, and
    an item whose text is corrected in place keeps its key (link and title), so it is read
    again rather than taken for a new item. Only an item without a link is keyed by its text."""
    parts = (link, title) if link else (title, summary[:200])
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"sha256:{digest[:32]}"


def absolute(link: str, base: str) -> str:
    link = link.strip()
    if not link:
        return ""
    try:
        return urljoin(base, link)
    except ValueError:  # e.g. an invalid IPv6 host: better no link than a crash
        return ""


def _authors(raw: Any) -> tuple[str, ...]:
    names = (clip(fold(str(a.get("name", ""))), MAX_AUTHOR) for a in raw.get("authors", []))
    return tuple(n for n in names if n)[:MAX_AUTHORS]


def _text(value: str, detail: Any, limit: int, body: bool) -> str:
    """Plain text from a feed field; markup is parsed only when the feed says it is markup."""
    kind = (detail or {}).get("type", "text/html")
    read = html_to_text if "html" in kind else plain_text
    return read(value, limit, keep_furniture=not body)
