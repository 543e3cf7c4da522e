"""Keep the secrets of feed URLs (user:password, tokens in query strings) out of messages."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from urllib.parse import parse_qsl, quote, quote_plus, unquote, unquote_plus, urlsplit, urlunsplit

MASK = "…"
MIN_VALUE = 4  # shorter query values ("en", "1") are too common to blank out of a message
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>`]+")


def redact(text: str, *urls: str) -> str:
    """`text` without the secrets of any of `urls` (in plain, percent-encoded or decoded form),
    and with the user info and query string of every URL it mentions masked."""
    for secret in sorted(set(_secrets(urls)) - {""}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return _URL.sub(lambda match: mask_url(match.group()), text)


def mask_url(url: str) -> str:
    """`url` with its user info and query string replaced by MASK."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            netloc = MASK + "@" + netloc.rpartition("@")[2]
        query = MASK if parts.query else ""
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        head = re.sub(r"//[^/?#]*@", "//" + MASK + "@", url)
        return head.split("?", 1)[0] + ("?" + MASK if "?" in head else "")


def _secrets(urls: Iterable[str]) -> Iterator[str]:
    for url in urls:
        try:
            parts = urlsplit(url)
            username, password = parts.username, parts.password
        except ValueError:
            continue
        whole = [parts.query, f"{username or ''}:{password}@" if password else ""]
        if username and password is None:
            whole.append(username + "@")
        candidates = [*whole, password or "", username or ""]
        candidates += [value for _, value in parse_qsl(parts.query, keep_blank_values=True)]
        for secret in candidates:
            if secret and (secret in whole or len(secret) >= MIN_VALUE):
                yield from _spellings(secret)


def _spellings(secret: str) -> Iterator[str]:
    yield secret
    yield unquote(secret)
    yield unquote_plus(secret)
    yield quote(secret, safe="")
    yield quote_plus(secret, safe="")
    yield quote(unquote(secret), safe="")
    yield quote(unquote(secret), safe="=&")


class RedactingFilter(logging.Filter):
    """Masks the user info and query string of every URL in a log record (httpx logs each
    request's full URL, tokens included, at INFO)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def install_log_redaction(logger: str = "httpx") -> None:
    target = logging.getLogger(logger)
    if not any(isinstance(f, RedactingFilter) for f in target.filters):
        target.addFilter(RedactingFilter())
