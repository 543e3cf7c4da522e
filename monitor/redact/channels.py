"""Keep the secrets of channel URLs (SMTP passwords, webhook tokens, API keys) out of every
message: error strings, the deliveries table, CLI output and log records.

An apprise URL hides secrets where a web URL would not: in the user and password, in a token
where the host would be (`tgram://TOKEN/CHAT`), in path segments (`slack://T/B/TOKEN`) and in
query values. `redact` masks all of those; `SecretFilter` does it to the log records of the
libraries that see the URL (apprise itself, and urllib3, which logs each request line with its
path and query at DEBUG), for every channel URL this process has sent to.
"""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import parse_qsl, unquote, urlsplit

MASK = "***"
_USERINFO = re.compile(r"(://)[^/@\s]+@")
_QUERY_VALUE = re.compile(r"([?&][^=&\s]+=)[^&\s]+")
# URL options that never hold a secret, so error messages may show them.
_PLAIN_OPTIONS = frozenset(
    {"mode", "format", "overflow", "verify", "cto", "rto", "retry", "wait", "optional", "smtp"}
)
# Loggers that are handed channel URLs or the requests made from them.
SENSITIVE_LOGGERS = ("apprise", "urllib3.connectionpool", "urllib3.util.retry", "requests")


def redact(message: str, url: str) -> str:
    """`message` with every secret-looking part of `url` masked as `***`."""
    message = _USERINFO.sub(rf"\1{MASK}@", message)
    message = _QUERY_VALUE.sub(rf"\1{MASK}", message)
    for secret in sorted(_secrets(url), key=len, reverse=True):
        if len(secret) >= 4:
            message = message.replace(secret, MASK)
        else:
            message = re.sub(rf"(?<![\w.-]){re.escape(secret)}(?![\w.-])", MASK, message)
    return message


def _secrets(url: str) -> set[str]:
    """Parts of an apprise URL that may be credentials: user, password, host-like tokens (as in
    tgram://TOKEN/CHAT), path segments and query values other than plain options."""
    url = url.strip()
    found = {url}
    try:
        parts = urlsplit(url)
        candidates = [parts.username, parts.password, *parts.path.split("/")]
    except ValueError:  # not even a URL: mask every word after the scheme
        return found | set(re.split(r"[:/@?&=#\s]+", url.split("://", 1)[-1])) - {""}
    for piece in re.split(r"[:@]", parts.netloc):
        if not ((piece.isdigit() and len(piece) <= 5) or piece == "localhost" or "." in piece):
            candidates.append(piece)  # a token where a host name (or port) would be
    candidates += [v for k, v in parse_qsl(parts.query) if k.lower() not in _PLAIN_OPTIONS]
    for value in candidates:
        if value:
            found.update({value, unquote(value)})
    return {s for s in found if s.strip()}


class SecretFilter(logging.Filter):
    """Rewrites a log record so that no secret of a known channel URL survives in it. Attached
    to the loggers themselves, so it works whatever handlers and formatters the process uses."""

    def __init__(self) -> None:
        super().__init__()
        self._urls: set[str] = set()
        self._lock = threading.Lock()

    def remember(self, url: str) -> None:
        with self._lock:
            self._urls.add(url)

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            urls = list(self._urls)
        if not urls:
            return True
        message = record.getMessage()
        if record.exc_info:  # a traceback can quote the URL too: redact it as text
            message += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info, record.exc_text = None, None
        masked = message
        for url in urls:
            masked = redact(masked, url)
        record.msg, record.args = masked, None
        return True


SECRETS = SecretFilter()


def guard_loggers() -> None:
    """Attach `SECRETS` to every logger that may see a channel URL (once)."""
    for name in SENSITIVE_LOGGERS:
        logger = logging.getLogger(name)
        if SECRETS not in logger.filters:
            logger.addFilter(SECRETS)
