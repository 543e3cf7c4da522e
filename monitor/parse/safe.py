"""Make a feed body safe to hand to feedparser: inflated, UTF-8, without a DTD, and within limits.

Why each step exists (measured on feedparser 6.0.14 with expat 2.5):
- feedparser reads a *string or bytes* argument as a path or URL when it can (`open(b"/etc/x")`
  works), so the body always goes in as `io.BytesIO`.
- Its strict parser is expat, which never loads external entities or DTDs
  (`feature_external_ges` is off), but expat does expand internal entities up to a 100x
  amplification, and when the strict parse fails feedparser's "loose" sgmllib parser expands
  the entities its `replace_doctype` kept as "safe" (any value without `&`) with no limit at all:
  a 39 KB document became a 90 MB title (quadratic blowup). Feeds have no use for a DTD, so every
  declaration before the root element (DOCTYPE with or without an internal subset, stray ENTITY)
  is removed. We strip instead of rejecting: a feed that declares a harmless entity keeps its
  entries (the reference then stays as literal text), and an attack gets a sane, tiny record.
- Those byte-level steps need an ASCII-compatible text, so UTF-16/32 and friends are first
  converted to UTF-8 with feedparser's own detector (the same decision it would take), except
  where that decision is a blind guess: a body that is not in the encoding it declares is read
  as mostly-UTF-8 or as the encoding detected (`monitor.parse.chars`), and a note says so.
- The structural limits (attributes, depth, entry count) live in `monitor.parse.scan`.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass
from typing import Any

from feedparser.encodings import (
    RE_XML_PI_ENCODING,
    CharacterEncodingOverride,
    convert_to_utf8,
)

from monitor.parse.chars import LAST_RESORTS, clean_declaration, detect_encoding, mostly_utf8
from monitor.parse.scan import Limits, scan_and_cap

GZIP_MAGIC = b"\x1f\x8b"
MAX_UNZIPPED = 32 * 1024 * 1024
UTF8_XML = "application/xml; charset=utf-8"
STRIPPED_DTD = "removed a DOCTYPE that declared entities (they are never expanded)"
NUL_IN_DECLARATION = "removed NUL bytes from the XML declaration"
_DECLARED = re.compile(r"declared as (\S+),")

_ROOT = re.compile(rb"<\w")  # where feedparser's own prolog handling stops looking
_DECL_TOKEN = re.compile(rb"""<!--|["'\[\]>]""")
_LEADING_SPACE = re.compile(rb"\A\s+(?=<\?xml)")


@dataclass(frozen=True, slots=True)
class Prepared:
    """A body ready for feedparser, the headers to give it, and what was changed or refused."""

    body: bytes
    headers: dict[str, str]
    notes: tuple[str, ...] = ()
    error: str | None = None
    dropped: int = 0


def prepare(body: bytes, url: str, content_type: str | None, limits: Limits) -> Prepared:
    """All the safety steps, in order; see the module documentation for why."""
    if body[:2] == GZIP_MAGIC:
        body = gunzip(body, MAX_UNZIPPED)
    body, headers, notes = to_utf8(body, url, content_type)
    body, stripped = strip_declarations(body)
    notes += (STRIPPED_DTD,) if stripped else ()
    scan = scan_and_cap(body, limits)
    if scan.error:
        return Prepared(b"", headers, notes, scan.error)
    if scan.dropped:
        notes += (f"kept the newest {limits.max_entries} entries, dropped {scan.dropped}",)
    return Prepared(scan.body, headers, notes, None, scan.dropped)


def gunzip(body: bytes, limit: int) -> bytes:
    """Inflate a gzip body that arrived without Content-Encoding (saved files, odd servers),
    stopping at `limit` bytes so that a gzip bomb cannot fill memory."""
    inflater = zlib.decompressobj(wbits=47)
    try:
        return inflater.decompress(body, limit)
    except zlib.error:
        return body


def to_utf8(
    body: bytes, url: str, content_type: str | None
) -> tuple[bytes, dict[str, str], tuple[str, ...]]:
    """The body as UTF-8 with a matching XML declaration, the headers that tell feedparser so,
    and notes on what had to be guessed. Without a Content-Type we say `application/xml`: the
    XML declaration decides, UTF-8 by default. Where feedparser would fall back to windows-1252
    for bytes that are not in the declared encoding, mostly-UTF-8 bodies keep UTF-8 (their
    stray bytes replaced) and others are read in the encoding detected."""
    body, had_nul = clean_declaration(body)
    notes: tuple[str, ...] = (NUL_IN_DECLARATION,) if had_nul else ()
    given = {"content-location": url, "content-type": content_type or "application/xml"}
    result: dict[str, Any] = {}
    converted = convert_to_utf8(given, body, result)
    override = result.get("bozo_exception")
    used = result.get("encoding")
    guessed = isinstance(override, CharacterEncodingOverride) and (
        used in LAST_RESORTS and used != _xml_encoding(body)
    )
    if guessed or not result.get("encoding"):
        declared = _DECLARED.search(str(override or ""))
        converted, note = _fallback(body, url, declared.group(1) if declared else "")
        notes += (note,)
    return converted, {"content-location": url, "content-type": UTF8_XML}, notes


def _xml_encoding(body: bytes) -> str:
    match = RE_XML_PI_ENCODING.match(body)
    return match.group(1).decode("ascii", "replace").lower() if match else ""


def _fallback(body: bytes, url: str, declared: str) -> tuple[bytes, str]:
    """A body that is not in its declared encoding: UTF-8 with a few stray bytes, or the
    encoding charset_normalizer finds, or (when it finds none) windows-1252."""
    label = f"the {declared} it declares" if declared else "the encoding it declares"
    repaired = mostly_utf8(body)
    if repaired is not None:
        text, bad = repaired
        return _declared_as(text, url, "utf-8"), f"replaced {bad} bytes that are not UTF-8"
    detected = detect_encoding(body)
    if detected is None or codecs.lookup(detected).name == "utf-8":
        detected = "windows-1252"
    note = f"the body is not in {label}: read as {codecs.lookup(detected).name} (detected)"
    return _declared_as(body, url, detected), note


def _declared_as(body: bytes, url: str, encoding: str) -> bytes:
    """`body` decoded as `encoding` and converted to UTF-8 with its declaration rewritten."""
    given = {"content-location": url, "content-type": f"application/xml; charset={encoding}"}
    result: dict[str, Any] = {}
    converted: bytes = convert_to_utf8(given, body, result)
    if not result.get("encoding"):
        return body.decode("utf-8", "replace").encode()
    return converted


def strip_declarations(body: bytes) -> tuple[bytes, bool]:
    """Remove comments and `<!...>` declarations (DOCTYPE with its internal subset, ENTITY)
    that stand before the root element; processing instructions and text stay. Returns the new
    body and whether an entity declaration was among what was removed."""
    kept: list[bytes] = []
    pos, removed = 0, False
    while (lt := body.find(b"<", pos)) >= 0 and not _ROOT.match(body, lt):
        kept.append(body[pos:lt])
        if body.startswith(b"<?", lt):
            end = _end_of(body, b"?>", lt)
            kept.append(body[lt:end])
        elif body.startswith(b"<!--", lt):
            end = _end_of(body, b"-->", lt)
        elif body.startswith(b"<!", lt):
            end = declaration_end(body, lt)
            removed = removed or b"ENTITY" in body[lt:end]
        else:
            end = lt + 1
            kept.append(b"<")
        pos = end
    if pos == 0:
        return body, False
    return _LEADING_SPACE.sub(b"", b"".join(kept) + body[pos:]), removed


def declaration_end(body: bytes, start: int) -> int:
    """Where a `<!DOCTYPE ...>` (or other declaration) that begins at `start` ends, skipping
    quoted strings, comments and the bracketed internal subset. Unterminated: the end of the
    body. Linear: every step jumps with `find`, never rescans."""
    depth, pos = 0, start + 2
    while match := _DECL_TOKEN.search(body, pos):
        token, pos = match.group(), match.end()
        if token in (b'"', b"'"):
            pos = _end_of(body, token, pos - 1)
        elif token == b"<!--":
            pos = _end_of(body, b"-->", pos)
        elif token == b"[":
            depth += 1
        elif token == b"]":
            depth = max(0, depth - 1)
        elif depth == 0:
            return pos
    return len(body)


def _end_of(body: bytes, closer: bytes, start: int) -> int:
    """The index after `closer` found after `start`, or the end of the body."""
    found = body.find(closer, start + 1)
    return len(body) if found < 0 else found + len(closer)
