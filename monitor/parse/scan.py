"""One linear pass over a (UTF-8) feed body that bounds what feedparser will be asked to do.

- Attributes: the stdlib SAX attribute object that feedparser's strict parser uses looks every
  attribute up with a linear scan, so one element with n attributes costs n² (20,000 attributes
  took 11 s). Real feed elements carry a dozen at most; more than `max_attributes` is refused.
- Depth: feedparser keeps a frame per open element (about 60 bytes of memory per input byte for
  `<x><x><x>...`). Real feeds nest about 10 deep; deeper than `max_depth` is refused.
- Entries: feedparser builds a dict per entry (100,000 entries took 170 MB). Beyond
  `max_entries`, the newest by their own date are kept (document order when undated: feeds list
  newest first) and the rest are cut out of the bytes before feedparser sees them.

An empty `<item />` nested inside an item (seen in FeedBurner feeds) would end the real item
early in feedparser and take the rest of its fields (feedburner:origLink) with it: such shells
are blanked out.

The scan is lenient like feedparser's loose parser: it works on broken documents too. CDATA
sections and comments are skipped whole, so markup inside them is not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from monitor.parse.dates import parse_date_text

_TOKEN = re.compile(rb"<(?:(!\[CDATA\[)|(!--)|([?!])|(/?)([A-Za-z_:][-\w.:]*))")
_TAG_BODY = re.compile(rb"""(?:[^<>"']++|"[^"<]*+"|'[^'<]*+')*+""")
_ATTRIBUTE = re.compile(rb"""[^\s=]\s*=\s*["']""")
_ENTRY_NAMES = frozenset({b"item", b"entry"})
_VOID_HTML = frozenset({b"br", b"hr", b"img", b"meta", b"input", b"wbr", b"area", b"col"})
_DATE = re.compile(
    rb"<(?:[\w.-]+:)?(?:pubDate|published|updated|date|issued|modified|created)\b[^>]*>"
    rb"\s*(?:<!\[CDATA\[)?\s*([^<]{1,80})",
    re.IGNORECASE,
)
_SKIP_TO = {1: b"]]>", 2: b"-->", 3: b">"}  # by the group that matched in _TOKEN


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of a feed document we are willing to process."""

    max_entries: int = 1000
    max_attributes: int = 64
    max_depth: int = 512


@dataclass(frozen=True, slots=True)
class Scan:
    body: bytes
    dropped: int = 0
    error: str | None = None


class _Refused(Exception):
    pass


@dataclass(slots=True)
class _State:
    depth: int = 0
    in_entry: int = 0
    entry_start: int = 0
    shells: list[tuple[int, int]] = field(default_factory=list)


def scan_and_cap(body: bytes, limits: Limits) -> Scan:
    state = _State()
    try:
        entries = _entry_spans(body, limits, state)
    except _Refused as refused:
        return Scan(b"", error=f"not a feed we will read: {refused}")
    body = _blank(body, state.shells)
    if len(entries) <= limits.max_entries:
        return Scan(body)
    kept = _newest(body, entries, limits.max_entries)
    parts = [body[: entries[0][0]], *(body[s:e] for s, e in kept), body[entries[-1][1] :]]
    return Scan(b"".join(parts), dropped=len(entries) - len(kept))


def _entry_spans(body: bytes, limits: Limits, state: _State) -> list[tuple[int, int]]:
    """The (start, end) byte offsets of every top-level item/entry element, checking the
    attribute and depth limits on the way."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while match := _TOKEN.search(body, pos):
        skip = match.lastindex or 0
        if skip < 4:
            found = body.find(_SKIP_TO[skip], match.end())
            if found < 0:
                break
            pos = found + len(_SKIP_TO[skip])
            continue
        tag_end = _tag_end(body, match.end())
        pos = tag_end + 1
        closing, name = bool(match.group(4)), match.group(5).rpartition(b":")[2].lower()
        self_closing = body[tag_end - 1 : tag_end] == b"/"
        if closing:
            _close(state, name, pos, spans)
        else:
            _open(state, name, body[match.end() : tag_end], self_closing, limits)
            if name in _ENTRY_NAMES and state.in_entry == 1:
                state.entry_start = match.start()
            if self_closing and name in _ENTRY_NAMES and state.in_entry > 1:
                state.shells.append((match.start(), pos))
            if self_closing:
                _close(state, name, pos, spans, opened=False)
    return spans


def _blank(body: bytes, spans: list[tuple[int, int]]) -> bytes:
    """The body with these spans replaced by spaces (offsets stay valid)."""
    if not spans:
        return body
    data = bytearray(body)
    for start, end in spans:
        data[start:end] = b" " * (end - start)
    return bytes(data)


def _tag_end(body: bytes, start: int) -> int:
    """Where a tag's attributes end (at its `>`), quoted values that hold `>` included."""
    found = _TAG_BODY.match(body, start)
    return found.end() if found else start


def _open(state: _State, name: bytes, attrs: bytes, self_closing: bool, limits: Limits) -> None:
    # `=` signs are counted in C first; only a suspicious tag is counted attribute by attribute
    many = attrs.count(b"=") > limits.max_attributes
    count = len(_ATTRIBUTE.findall(attrs)) if many else 0
    if count > limits.max_attributes:
        raise _Refused(f"an element has {count} attributes (limit {limits.max_attributes})")
    if name in _ENTRY_NAMES:
        state.in_entry += 1
    if self_closing or name in _VOID_HTML:
        return
    state.depth += 1
    if state.depth > limits.max_depth:
        raise _Refused(f"elements nest deeper than {limits.max_depth}")


def _close(
    state: _State, name: bytes, end: int, spans: list[tuple[int, int]], opened: bool = True
) -> None:
    if opened:
        state.depth = max(0, state.depth - 1)
    if name in _ENTRY_NAMES and state.in_entry:
        state.in_entry -= 1
        if state.in_entry == 0:
            spans.append((state.entry_start, end))


def _newest(body: bytes, spans: list[tuple[int, int]], keep: int) -> list[tuple[int, int]]:
    """The `keep` newest spans by their own date (undated count as oldest; ties keep document
    order), returned in document order."""
    dated = [(_span_timestamp(body, s, e), -i) for i, (s, e) in enumerate(spans)]
    chosen = sorted(range(len(spans)), key=lambda i: dated[i], reverse=True)[:keep]
    return [spans[i] for i in sorted(chosen)]


def _span_timestamp(body: bytes, start: int, end: int) -> float:
    match = _DATE.search(body, start, end)
    if not match:
        return float("-inf")
    when = parse_date_text(match.group(1).decode("utf-8", "replace"))
    return when.timestamp() if when else float("-inf")
