"""JSON Feed 1.0 and 1.1 (jsonfeed.org/version/1.1) read into the shape feedparser gives for XML
feeds (`{"feed": {...}, "entries": [...]}`), so that `monitor.parse.fields.make_entry` turns its
items into the same Entry records, with the same caps on every field and the same dates.

Mapping: `id` is the guid; `url` (else `external_url`) the link, else the first attachment;
`title`, `summary` and `content_text` are plain text, `content_html` is HTML (preferred over
`content_text` when both are given); `date_published` and `date_modified` are RFC 3339; item
`authors` (1.1), else `author` (1.0), else the feed's. Values of the wrong JSON type are left
out, as an unknown element of an XML feed is.

Limits, as for XML: the body is bounded by the fetch's size cap; beyond `Limits.max_entries`
items the newest by `date_published` are kept (document order when undated); a document with
more than `MAX_CONTAINERS_PER_ENTRY` objects and arrays per allowed entry is refused before
it is decoded, so that `[{},{},...]` cannot build millions of dicts; nesting deeper than the
interpreter allows is an error, not a crash. `json` never expands anything. Strings lose the
characters XML forbids (`\\u0000`, lone surrogates), which JSON may carry as escapes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from feedparser.datetimes import _parse_date

from monitor.parse.chars import without_invalid_characters
from monitor.parse.dates import parse_date_text

MEDIA_TYPES = frozenset({"application/feed+json", "application/json"})
VERSIONS = frozenset({"1", "1.0", "1.1"})
VERSION_PREFIXES = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
EXPECTED = "(RSS, Atom, RDF or JSON Feed expected)"
MAX_CONTAINERS_PER_ENTRY = 200
MAX_AUTHORS = 20
MAX_ATTACHMENTS = 20
_SNIFF = 1024
_PLAIN = {"type": "text/plain"}


@dataclass(frozen=True, slots=True)
class JsonFeed:
    """A JSON Feed in feedparser's shape, or why it could not be read."""

    document: dict[str, Any] | None
    error: str | None = None
    dropped: int = 0
    notes: tuple[str, ...] = ()


def is_json(body: bytes, content_type: str | None) -> bool:
    """Whether to read `body` as JSON: it starts with `{` or `[` (after a BOM and white space),
    or it starts with neither `<` nor those and is served as JSON."""
    head = body[:_SNIFF].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head[:1] in (b"{", b"["):
        return True
    if head[:1] == b"<":
        return False
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media in MEDIA_TYPES or media.endswith("+json")


def read_json_feed(body: bytes, max_entries: int) -> JsonFeed:
    containers = body.count(b"{") + body.count(b"[")
    if containers > (limit := max_entries * MAX_CONTAINERS_PER_ENTRY):
        reason = f"{containers} JSON objects and arrays (limit {limit})"
        return JsonFeed(None, f"not a feed we will read: {reason}")
    text, notes = _decode(body)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return JsonFeed(None, f"not a valid JSON Feed: invalid JSON at {_where(exc)}: {exc.msg}")
    except (ValueError, RecursionError) as exc:  # a number too long, nesting too deep
        return JsonFeed(None, f"not a valid JSON Feed: {type(exc).__name__}: {exc}")
    if problem := _version_problem(document):
        return JsonFeed(None, problem)
    items = document.get("items")
    if not isinstance(items, list):
        return JsonFeed(None, "not a valid JSON Feed: it has no 'items' list")
    kept = _newest([i for i in items if isinstance(i, dict)], max_entries)
    dropped = sum(isinstance(i, dict) for i in items) - len(kept)
    if dropped:
        notes += (f"kept the newest {max_entries} entries, dropped {dropped}",)
    authors = _authors(document)
    feed: dict[str, Any] = {}
    if title := _string(document, "title"):
        feed["title"], feed["title_detail"] = title, _PLAIN
    entries = [_entry(item, authors) for item in kept]
    return JsonFeed({"feed": feed, "entries": entries}, dropped=dropped, notes=notes)


def _decode(body: bytes) -> tuple[str, tuple[str, ...]]:
    """JSON is UTF-8 (RFC 8259); bytes that are not cost their characters, not the feed."""
    try:
        return body.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        text = body.decode("utf-8-sig", "replace")
        return text, ("replaced bytes that are not UTF-8",)


def _where(exc: json.JSONDecodeError) -> str:
    return f"line {exc.lineno}, column {exc.colno}"


def _version_problem(document: object) -> str | None:
    if isinstance(document, list):
        return f"not a feed: a JSON array {EXPECTED}"
    if not isinstance(document, dict):
        return f"not a feed: a JSON value that is not an object {EXPECTED}"
    version = document.get("version")
    if not isinstance(version, str) or not version.startswith(VERSION_PREFIXES):
        return f"not a feed: a JSON document without a JSON Feed version {EXPECTED}"
    number = version.rstrip("/").rsplit("/", 1)[-1]
    if number not in VERSIONS:
        shown = version[:80]
        return f"not a feed we can read: JSON Feed version {shown!r} (1.0 and 1.1 are read)"
    return None


def _newest(items: list[dict[str, Any]], keep: int) -> list[dict[str, Any]]:
    """At most `keep` items, the newest by `date_published` (undated count as oldest, ties keep
    document order), in document order."""
    if len(items) <= keep:
        return items
    stamps = [(_timestamp(item), -i) for i, item in enumerate(items)]
    chosen = sorted(range(len(items)), key=stamps.__getitem__, reverse=True)[:keep]
    return [items[i] for i in sorted(chosen)]


def _timestamp(item: dict[str, Any]) -> float:
    when = parse_date_text(_string(item, "date_published")[:80])
    return when.timestamp() if when else float("-inf")


def _entry(item: dict[str, Any], feed_authors: list[dict[str, str]]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    guid = item.get("id")
    if isinstance(guid, str | int) and not isinstance(guid, bool):
        raw["id"] = without_invalid_characters(str(guid))
    if title := _string(item, "title"):
        raw["title"], raw["title_detail"] = title, _PLAIN
    if link := _string(item, "url") or _string(item, "external_url"):
        raw["link"] = link
    if summary := _string(item, "summary"):
        raw["summary"], raw["summary_detail"] = summary, _PLAIN
    if html := _string(item, "content_html"):
        raw["content"] = [{"type": "text/html", "value": html}]
    elif text := _string(item, "content_text"):
        raw["content"] = [{"type": "text/plain", "value": text}]
    for key, field in (("published", "date_published"), ("updated", "date_modified")):
        if date := _string(item, field)[:80]:
            raw[key], raw[f"{key}_parsed"] = date, _parse_date(date)
    raw["authors"] = _authors(item) or feed_authors
    raw["enclosures"] = _attachments(item)
    return raw


def _authors(holder: dict[str, Any]) -> list[dict[str, str]]:
    """`authors` (1.1) or `author` (1.0): objects with a string `name`."""
    found = holder.get("authors")
    if not isinstance(found, list):
        found = [holder.get("author")]
    named = (_string(a, "name") for a in found[:MAX_AUTHORS] if isinstance(a, dict))
    return [{"name": name} for name in named if name]


def _attachments(item: dict[str, Any]) -> list[dict[str, str]]:
    found = item.get("attachments")
    if not isinstance(found, list):
        return []
    urls = (_string(a, "url") for a in found[:MAX_ATTACHMENTS] if isinstance(a, dict))
    return [{"href": url} for url in urls if url]


def _string(holder: dict[str, Any], key: str) -> str:
    value = holder.get(key)
    return without_invalid_characters(value) if isinstance(value, str) else ""
