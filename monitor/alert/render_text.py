"""Text hygiene for rendering: every string in an alert comes from feeds and is hostile input.

Each channel neutralises it its own way: all of them drop control characters (an ANSI escape
sequence in a headline must not repaint a terminal); HTML escapes every value (Jinja's
autoescape) and only turns http(s) URLs into links; Markdown and Slack backslash-escape what
would start markup; SMS keeps to the GSM-7 alphabet so that one message is one segment.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from anyascii import anyascii

# C0/C1 controls (ANSI escapes), line/paragraph separators, and the bidi overrides and isolates
# that can make a line display in another order than it reads (the joiners Persian needs stay).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
_MD_LINE_START = re.compile(r"^([ \t]*\d*)([-+=.)])", re.MULTILINE)
# Slack: brackets and angle brackets always (links, mentions such as <!channel>); emphasis
# marks only where they could open or close emphasis, so "Ex_Outlet" keeps its underscore.
_SLACK_ALWAYS = re.compile(r"([\\`\[\]<>])")
_SLACK_EMPHASIS = re.compile(r"(?<![A-Za-z0-9])([*_~])|([*_~])(?![A-Za-z0-9])")

# Printable ASCII that is also in the GSM 03.38 basic alphabet: everything but the characters
# that need the escape table (two septets each) or that GSM-7 lacks altogether (the backtick).
_GSM_SAFE = frozenset(chr(c) for c in range(32, 127)) - set("[]{}\\^|~`")
_GSM_BEFORE = {"~": "about ", "≈": "about ", "≤": "<=", "≥": ">=", "€": "EUR", "£": "GBP"}
_GSM_AFTER = {"[": "(", "]": ")", "{": "(", "}": ")", "|": "/", "\\": "/", "`": "'", "^": ""}
ELLIPSIS = "…"


def line(value: str | None) -> str:
    """One line of text: control characters dropped, whitespace runs collapsed."""
    return " ".join(_CONTROL.sub(" ", value or "").split())


def block(value: str | None) -> str:
    """Text that keeps its line breaks (at most one blank line in a row)."""
    lines = [" ".join(part.split()) for part in _CONTROL.sub(" ", value or "").splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def clip(text: str, limit: int, ellipsis: str = ELLIPSIS) -> str:
    """`text` cut to at most `limit` characters, at a word boundary when one is near."""
    if len(text) <= limit:
        return text
    if limit <= len(ellipsis):
        return text[: max(limit, 0)]
    cut = text[: limit - len(ellipsis)]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + ellipsis


def linkable(url: str) -> bool:
    """Only absolute http(s) URLs become links: never javascript:, data: or relative ones."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and " " not in url


def markdown(value: str) -> str:
    """Feed text that CommonMark shows as text: no emphasis, links, HTML, headings or lists."""
    escaped = _MD_INLINE.sub(r"\\\1", value)
    return _MD_LINE_START.sub(r"\1\\\2", escaped)


def markdown_url(url: str) -> str:
    """A URL that cannot end the `(...)` of a Markdown link early."""
    return url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def slack(value: str) -> str:
    """Feed text for Slack, written as the CommonMark that apprise turns into mrkdwn: `<`, `>`
    become `&lt;`/`&gt;` and `&` becomes `&amp;` on the way, so no feed text can open a link
    or a mention (`<!channel>`), and no emphasis mark can restyle the message."""
    escaped = _SLACK_ALWAYS.sub(r"\\\1", value)
    if not any(escaped.count(mark) > 1 for mark in "*_~"):
        return escaped  # a lone mark ("~9,000") cannot open and close emphasis
    return _SLACK_EMPHASIS.sub(lambda m: "\\" + (m.group(1) or m.group(2)), escaped)


def gsm7(value: str) -> str:
    """`value` in characters every phone shows and that cost one GSM-7 septet each: symbols
    spelled out (≤ as <=, ~ as "about"), any script transliterated to Latin letters."""
    for symbol, ascii_form in _GSM_BEFORE.items():
        value = value.replace(symbol, ascii_form)
    value = anyascii(line(value))
    for symbol, safe in _GSM_AFTER.items():
        value = value.replace(symbol, safe)
    return " ".join("".join(c for c in value if c in _GSM_SAFE).split())
