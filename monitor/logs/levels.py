"""Log levels, and a handler that builds the renderer of monitor.logs.events on the first line.

monitor.logs.events renders with structlog, whose import costs about a tenth of a second of CPU. A
command that logs nothing (`monitor status`, `feeds`, `facts`...) should not pay it, so the
command line installs `DeferredHandler` instead: the levels are set at once (a record is let
through or not exactly as with the real handler), and the first record that gets through
builds the real handler, which writes it and every later one.
"""

from __future__ import annotations

import logging
from typing import Literal

LogFormat = Literal["logfmt", "json"]
LogLevel = Literal["debug", "info", "warning", "error"]
# Below debug, libraries that log a line per request, job run or migration step say only what
# matters. APScheduler warns each time a tick is skipped because the previous round is still
# running, which is normal for long rounds; job failures are logged by the daemon itself.
QUIET = {"httpx": logging.WARNING, "alembic": logging.WARNING, "apscheduler": logging.ERROR}


def set_levels(level: LogLevel) -> None:
    """The root logger at `level`; the chatty libraries quieter unless `level` is debug."""
    logging.getLogger().setLevel(level.upper())
    for name, quiet in QUIET.items():
        logging.getLogger(name).setLevel(logging.DEBUG if level == "debug" else quiet)
    logging.captureWarnings(True)


def ours(handler: logging.Handler) -> bool:
    """A handler that monitor installed: configuring again replaces it instead of adding one."""
    return getattr(handler, "monitor_handler", False) is True


class DeferredHandler(logging.Handler):
    """Stands in for monitor.logs.events's handler until a record reaches it."""

    monitor_handler = True

    def __init__(self, fmt: LogFormat) -> None:
        super().__init__()
        self.fmt: LogFormat = fmt
        self.real: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.real is None:
            from monitor.logs.events import build_handler

            self.real = build_handler(self.fmt)
        self.real.handle(record)


def configure_deferred(level: LogLevel = "info", fmt: LogFormat = "logfmt") -> None:
    """What monitor.logs.configure(level, fmt) does, with structlog loaded at the first line."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if ours(h)]:
        root.removeHandler(old)
    root.addHandler(DeferredHandler(fmt))
    set_levels(level)
