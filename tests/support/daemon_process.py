"""`monitor run` as systemd runs it: a real process, a notify socket the test binds, signals.

`NotifyListener` stands in for systemd's end of the `sd_notify` protocol (a unix datagram
socket, by path or in the abstract namespace); `DaemonProcess` starts the daemon with its
stderr in a file, so that the test can read the log while the process runs.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

STARTUP_SECONDS = 60.0  # imports and migrations on a busy 2-core machine


def wait_until(condition: Callable[[], object], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


@dataclass
class NotifyListener:
    """Collects every notification, each as a dict of its `KEY=value` lines, in order. With
    `snapshot`, what it returns at the moment each message arrives is kept beside it (what the
    world looked like when the daemon said READY=1, say)."""

    sock: socket.socket
    env_value: str
    snapshot: Callable[[], object] | None = None
    messages: list[dict[str, str]] = field(default_factory=list)
    snapshots: list[object] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def receive_forever(self) -> None:
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return
            if not data:  # the socket was shut down
                return
            fields = dict(line.split("=", 1) for line in data.decode().splitlines() if line)
            seen = self.snapshot() if self.snapshot is not None else None
            with self.lock:
                self.messages.append(fields)
                self.snapshots.append(seen)

    def received(self) -> list[dict[str, str]]:
        with self.lock:
            return list(self.messages)

    def index(self, message: dict[str, str]) -> int:
        with self.lock:
            return self.index_unlocked(message)

    def snapshot_at(self, message: dict[str, str]) -> object:
        with self.lock:
            return self.snapshots[self.index_unlocked(message)]

    def index_unlocked(self, message: dict[str, str]) -> int:
        return next(i for i, m in enumerate(self.messages) if m is message)

    def count(self, key: str, since: int = 0) -> int:
        return sum(key in m for m in self.received()[since:])

    def wait_for(self, key: str, seconds: float, since: int = 0) -> dict[str, str] | None:
        """The first message from index `since` on that carries `key`, waiting up to `seconds`."""
        found: list[dict[str, str]] = []

        def arrived() -> bool:
            found[:] = [m for m in self.received()[since:] if key in m]
            return bool(found)

        return found[0] if wait_until(arrived, seconds) else None


@contextmanager
def notify_socket(
    tmp_path: Path, *, abstract: bool, snapshot: Callable[[], object] | None = None
) -> Iterator[NotifyListener]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    if abstract:
        name = f"monitor-test-{os.getpid()}-{time.monotonic_ns()}"
        sock.bind("\0" + name)
        listener = NotifyListener(sock, "@" + name, snapshot)
    else:
        path = tmp_path / "notify.sock"
        sock.bind(str(path))
        listener = NotifyListener(sock, str(path), snapshot)
    thread = threading.Thread(target=listener.receive_forever, daemon=True)
    thread.start()
    try:
        yield listener
    finally:
        sock.shutdown(socket.SHUT_RDWR)
        sock.close()
        thread.join(timeout=5)


@dataclass
class DaemonProcess:
    config: Path
    log_path: Path
    process: subprocess.Popen[bytes]

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, text: str, seconds: float = STARTUP_SECONDS) -> bool:
        return wait_until(
            lambda: text in self.log or self.process.poll() is not None, seconds
        ) and (text in self.log)

    def send(self, sig: signal.Signals) -> None:
        self.process.send_signal(sig)

    def wait(self, seconds: float) -> int:
        return self.process.wait(timeout=seconds)


@contextmanager
def daemon_process(
    config: Path,
    log_path: Path,
    *,
    env: Mapping[str, str] | None = None,
    args: tuple[str, ...] = (),
    journal_stream: bool = False,
) -> Iterator[DaemonProcess]:
    """`monitor --config CONFIG [ARGS] run` with stderr in `log_path`; killed if still running
    when the block ends. `journal_stream` sets $JOURNAL_STREAM to that file's device and inode,
    as systemd does for a service whose output goes to the journal."""
    environ = {k: v for k, v in os.environ.items() if k not in _SYSTEMD_VARS}
    environ.update(env or {})
    with log_path.open("wb") as stderr:
        if journal_stream:
            info = os.fstat(stderr.fileno())
            environ["JOURNAL_STREAM"] = f"{info.st_dev}:{info.st_ino}"
        process = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(config), *args, "run"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=environ,
        )
    try:
        yield DaemonProcess(config, log_path, process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


_SYSTEMD_VARS = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM")
