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
_RAW_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
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
    removed = 0
    if _RAW_CONTROLS.search(body):
        body, removed = _RAW_CONTROLS.subn(b"", body)
    if b"&#" not in body:
        return body, removed
    bad = 0

    def replace(match: re.Match[bytes]) -> bytes:
        nonlocal bad
        hex_digits, decimal = match.groups()
        digits = (hex_digits or decimal).lstrip(b"0") or b"0"
        if len(digits) <= 7 and _allowed(int(digits, 16 if hex_digits else 10)):
            return match.group()
        bad += 1
        return b""

    body = _REFERENCE.sub(replace, body)
    return body, removed + bad


def _allowed(code: int) -> bool:
    if code < 0x20:
        return code in (0x9, 0xA, 0xD)
    return not (0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF) or code > 0x10FFFF)


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
