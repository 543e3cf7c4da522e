"""Logs: one event per line on stderr, as logfmt (`key=value`, the default) or JSON.

structlog builds each event (`log.info("feed_checked", feed=..., status=...)`) and renders it;
records from libraries that use the stdlib (httpx, APScheduler, Alembic, apprise) go through
the same processors via `ProcessorFormatter`, so every line has the same shape and the same
secret masking. Under systemd (`$JOURNAL_STREAM` names our stderr) lines carry no timestamp,
since journald adds its own, and start with a syslog priority prefix (`<3>` error, `<4>`
warning, `<6>` info, `<7>` debug) that journald turns into the entry's priority.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable, Mapping
from typing import TextIO
from urllib.parse import unquote, urlsplit

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from monitor.logs.levels import LogFormat, LogLevel, ours, set_levels
from monitor.redact.channels import redact as redact_channel
from monitor.redact.urls import redact

KEY_ORDER = ["ts", "level", "logger", "event"]
MIN_CLUE = 4  # shorter words of a URL ("rss", "en") are everywhere; its secrets are longer
PRIORITY = {"debug": 7, "info": 6, "warning": 4, "error": 3, "critical": 2, "exception": 3}

get_logger = structlog.stdlib.get_logger


class _Secrets:
    """The configured feed and channel URLs: their secrets are masked wherever they appear,
    even outside a URL (an error message quoting a token). `clues` are the longer words of
    those URLs: a text that contains none of them cannot hold a secret, which spares the full
    masking (hundreds of microseconds per URL) on almost every line."""

    feeds: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    clues: frozenset[str] = frozenset()


def remember_urls(feeds: Iterable[str], channels: Iterable[str]) -> None:
    """Add URLs whose secrets the log renderer masks (at start and on each reload; a URL
    removed by a reload stays masked, since a round still in flight may mention it)."""
    secret_bearing = [url for url in feeds if _has_secrets(url)]  # most feed URLs have none
    channels = list(channels)
    _Secrets.feeds = tuple(dict.fromkeys((*_Secrets.feeds, *secret_bearing)))
    _Secrets.channels = tuple(dict.fromkeys((*_Secrets.channels, *channels)))
    words = (w for url in (*secret_bearing, *channels) for w in _words(url))
    _Secrets.clues = _Secrets.clues | {w for w in words if len(w) >= MIN_CLUE}


def forget_urls() -> None:
    """Drop every remembered URL (a process that loads a different configuration, e.g. tests)."""
    _Secrets.feeds, _Secrets.channels, _Secrets.clues = (), (), frozenset()


def _has_secrets(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    return bool(parts.username or parts.password or parts.query)


def _words(text: str) -> list[str]:
    return re.split(r"[/:@?&=#.,;+\s]+", unquote(text).split("://", 1)[-1])


def mask(text: str) -> str:
    """`text` without URL user info and query strings, nor any configured URL's secrets."""
    if "://" in text:
        text = redact(text)
    plain = unquote(text)
    if not any(clue in plain for clue in _Secrets.clues):
        return text
    text = redact(text, *_Secrets.feeds)
    for url in _Secrets.channels:
        text = redact_channel(text, url)
    return text


def redact_secrets(_logger: WrappedLogger, _method: str, event: EventDict) -> EventDict:
    """Mask secrets in every text value of an event (the traceback included)."""
    for key, value in event.items():
        if isinstance(value, str):
            event[key] = mask(value)
    return event


class LineRenderer:
    """logfmt or JSON, with journald's priority prefix when writing to the journal."""

    def __init__(self, fmt: LogFormat, *, journald: bool) -> None:
        self.journald = journald
        self.render: Processor = (
            structlog.processors.JSONRenderer(ensure_ascii=False, default=str)
            if fmt == "json"
            else structlog.processors.LogfmtRenderer(key_order=KEY_ORDER, drop_missing=True)
        )

    def __call__(self, logger: WrappedLogger, method: str, event: EventDict) -> str:
        ordered = {k: event[k] for k in KEY_ORDER if k in event}
        line = str(self.render(logger, method, {**ordered, **event}))
        if self.journald:
            return f"<{PRIORITY.get(str(event.get('level')), 6)}>{line}"
        return line


NAMED: list[Processor] = [structlog.stdlib.add_log_level, structlog.stdlib.add_logger_name]


def _finishing(journald: bool) -> list[Processor]:
    """What every event gets before it is rendered, ours or a library's: the time (unless
    journald stamps it), a traceback flattened into one `exception` value, masked secrets."""
    steps: list[Processor] = [structlog.stdlib.ProcessorFormatter.remove_processors_meta]
    if not journald:
        steps.append(structlog.processors.TimeStamper(fmt="iso", utc=True, key="ts"))
    return [*steps, structlog.processors.format_exc_info, redact_secrets]


def writes_to_journal(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """True when `stream` is the journal stream systemd connected (`$JOURNAL_STREAM` holds its
    device and inode; a child whose stderr was redirected elsewhere must not believe it)."""
    expected = environ.get("JOURNAL_STREAM")
    if not expected:
        return False
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return expected == f"{info.st_dev}:{info.st_ino}"


class _MonitorHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler we install (configuring again replaces it instead of adding one). Without
    an explicit stream it writes to whatever `sys.stderr` is when a line is written, as the
    stdlib's last-resort handler does, so a swapped and closed stderr is never written to."""

    monitor_handler = True

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__(stream)
        self.fixed = stream

    @property
    def stream(self) -> TextIO:
        return sys.stderr if self.fixed is None else self.fixed

    @stream.setter
    def stream(self, value: TextIO | None) -> None:
        self.fixed = value


def configure(
    level: LogLevel = "info",
    fmt: LogFormat = "logfmt",
    *,
    stream: TextIO | None = None,
    journald: bool | None = None,
) -> None:
    """Send every log event of the process to `stream` (stderr) as one line each."""
    handler = build_handler(fmt, stream=stream, journald=journald)
    root = logging.getLogger()
    for old in [h for h in root.handlers if ours(h)]:
        root.removeHandler(old)
    root.addHandler(handler)
    set_levels(level)


def build_handler(
    fmt: LogFormat, *, stream: TextIO | None = None, journald: bool | None = None
) -> logging.Handler:
    """The handler `configure` installs: one line per event in `fmt`, secrets masked."""
    out = sys.stderr if stream is None else stream
    if journald is None:
        journald = writes_to_journal(out, os.environ)
    handler = _MonitorHandler(stream)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=NAMED,
            processors=[*_finishing(journald), LineRenderer(fmt, journald=journald)],
        )
    )
    return handler


def _configure_structlog() -> None:
    """Events go to the stdlib logger of their module; the handler's formatter renders them.
    Done at import, so that library use (tests, `monitor demo`) logs through the stdlib too."""
    processors: list[Processor] = [
        structlog.stdlib.filter_by_level,
        structlog.contextvars.merge_contextvars,
        *NAMED,
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ]
    structlog.configure(
        processors=processors,
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


_configure_structlog()
