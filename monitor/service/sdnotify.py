"""Telling systemd how the service is doing: the `sd_notify` protocol.

The protocol is one datagram of `KEY=value` lines sent to the unix socket named by
`$NOTIFY_SOCKET` (a leading `@` means the Linux abstract namespace). It is small enough to speak
directly: the Python bindings of libsystemd need a C build against its headers, and the pure
Python `sdnotify` package has not been maintained for years. Outside systemd (no
`$NOTIFY_SOCKET`) every call does nothing, so the daemon runs the same in a terminal.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Watchdog:
    """What `WatchdogSec=` asks of this process: a WATCHDOG=1 at least every `interval`."""

    interval_seconds: float

    @property
    def ping_every(self) -> float:
        """Half the interval, as sd_watchdog_enabled(3) advises, so one late ping is not fatal."""
        return self.interval_seconds / 2


def socket_address(value: str) -> str | bytes | None:
    """The address to send to: a path, or abstract-namespace bytes for `@name`; None when the
    value is not a unix socket address we can use (empty, or another transport)."""
    if value.startswith("@"):
        return b"\0" + value[1:].encode()
    if value.startswith("/"):
        return value
    return None


def watchdog_from(environ: Mapping[str, str], pid: int) -> Watchdog | None:
    """The watchdog systemd set up for `pid`, if any (`$WATCHDOG_USEC`, `$WATCHDOG_PID`)."""
    usec = environ.get("WATCHDOG_USEC", "")
    owner = environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0 or (owner and owner != str(pid)):
        return None
    return Watchdog(int(usec) / 1_000_000)


class Notifier:
    """Sends state changes to systemd; a no-op when not started by systemd with a socket.

    Sending never raises: a lost notification must not take the daemon down (systemd then acts
    on its own timeouts, which is the safe side)."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        self.address = socket_address(env.get("NOTIFY_SOCKET", ""))
        self.watchdog = watchdog_from(env, os.getpid())
        self.last_error: str | None = None

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def send(self, **fields: str | int) -> bool:
        """Send `KEY=value` lines (keyword names are upper-cased); True when delivered."""
        if self.address is None:
            return False
        message = "\n".join(f"{key.upper()}={value}" for key, value in fields.items())
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(message.encode(), self.address)
        except OSError as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            return False
        self.last_error = None
        return True

    def ready(self, status: str) -> bool:
        return self.send(ready=1, status=status)

    def status(self, status: str) -> bool:
        return self.send(status=status)

    def ping(self) -> bool:
        return self.send(watchdog=1)

    def reloading(self) -> bool:
        """RELOADING=1 with the CLOCK_MONOTONIC time, as `Type=notify-reload` requires."""
        return self.send(
            reloading=1, monotonic_usec=time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
        )

    def stopping(self, status: str) -> bool:
        return self.send(stopping=1, status=status)
