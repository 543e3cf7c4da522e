"""The character faults of feeds that are otherwise good, each costing a character or a guess
instead of the whole feed:

- A numeric character reference to a code point XML does not allow (`&#0;`, `&#xD800;`, a
  surrogate, `&#x110000;`) made feedparser crash (`chr()` out of range, a surrogate that UTF-8
  cannot encode) or hand out a NUL that PostgreSQL refuses to store. Such references, and the
  same characters written raw, are removed.
- A NUL byte inside the XML declaration (`encoding="UTF-8\\0"`) made the codec lookup raise.
  NUL bytes are removed from the declaration of an ASCII-compatible body.
- A body whose label (Content-Type charset or XML declaration) says UTF-8 but whose bytes are
  not, such as a windows-1251 page, was read as windows-1252 by feedparser's last resort and
  stored garbled. The encoding is detected instead, with charset_normalizer.
"""

from __future__ import annotations

import re

# Code points XML 1.0 does not allow (C0 controls but tab, LF and CR; surrogates; U+FFFE/FFFF).
INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RAW_CONTROLS = bytes(c for c in range(0x20) if c not in (0x9, 0xA, 0xD))
# A numeric reference to a code point XML forbids, spelled out so that the common references
# (&#8217;, &#39;) cost no Python call: decimal 0-8, 11, 12, 14-31, 55296-57343 (surrogates),
# 65534-65535 and from 1114112; hexadecimal the same. Leading zeros allowed.
_FORBIDDEN_REFERENCE = re.compile(
    rb"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]"
    rb"|5529[6-9]|55[3-9][0-9]{2}|56[0-9]{3}|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]"
    rb"|6553[45]"
    rb"|111411[2-9]|11141[2-9][0-9]|1114[2-9][0-9]{2}|111[5-9][0-9]{3}|11[2-9][0-9]{4}"
    rb"|1[2-9][0-9]{5}|[2-9][0-9]{6}|[1-9][0-9]{7,})"
    rb"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]"
    rb"|(?:1[1-9a-fA-F]|[2-9a-fA-F][0-9a-fA-F])[0-9a-fA-F]{4}|[1-9a-fA-F][0-9a-fA-F]{6,}));"
)
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,200}?\?>")
REPLACEMENT = "\ufffd"
LAST_RESORTS = frozenset({"windows-1252", "iso-8859-2"})  # feedparser's guesses of last resort


def without_invalid_characters(text: str) -> str:
    """`text` without the characters XML forbids (for strings from JSON, where `\\u0000` and
    lone surrogates are legal escapes)."""
    return INVALID_CHARS.sub("", text) if INVALID_CHARS.search(text) else text


def drop_invalid_characters(body: bytes) -> tuple[bytes, int]:
    """A UTF-8 body without references to forbidden code points and without raw C0 controls;
    returns how many were removed. The body is scanned only where it could hold either."""
    cleaned = body.translate(None, _RAW_CONTROLS)
    removed, body = len(body) - len(cleaned), cleaned
    if b"&#" not in body:
        return body, removed
    body, bad = _FORBIDDEN_REFERENCE.subn(b"", body)
    return body, removed + bad


def clean_declaration(body: bytes) -> tuple[bytes, bool]:
    """The body with NUL bytes removed from its XML declaration (ASCII-compatible bodies only:
    in UTF-16 every other byte is NUL); and whether there were any."""
    match = _DECLARATION.match(body)
    if match is None or b"\0" not in match.group():
        return body, False
    return match.group().replace(b"\0", b"") + body[match.end() :], True


def mostly_utf8(body: bytes) -> tuple[bytes, int] | None:
    """When most of the body's non-ASCII text is valid UTF-8 (a few stray bytes in a UTF-8
    feed), the body with those bytes replaced by U+FFFD and how many; else None. A body in a
    single-byte encoding such as windows-1251 has almost no valid multi-byte sequences."""
    text = body.decode("utf-8", "replace")
    bad = text.count(REPLACEMENT) - body.count(REPLACEMENT.encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    good = non_ascii - text.count(REPLACEMENT)
    if bad <= 0 or good < bad:
        return None
    return text.encode(), bad


def detect_encoding(body: bytes) -> str | None:
    """The encoding charset_normalizer finds most likely for `body`, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    return best.encoding if best is not None else None
