"""The daemon's life: which scheduled jobs are running, whether it is healthy, how it stops.

`Jobs` wraps each scheduled coroutine so the daemon knows what is in flight (to let it finish
on SIGTERM, within a grace period) and when the tick last completed (a stuck tick makes the
daemon unhealthy, and the systemd watchdog then stops being fed). The health decision itself is
a pure function of times; the database probe is the only I/O here.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from monitor.logs.events import get_logger
from monitor.store.errors import is_store_error, reason

log = get_logger("monitor.service.daemon")
Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class Health:
    """`problem` says what is wrong (None when healthy)."""

    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


class JobFailed(Exception):
    """A job that ran to its end but could not do its work (a round whose feeds could not be
    stored): it is not progress, and it is logged as one line, without a traceback."""


@dataclass(frozen=True, slots=True)
class FailingTicks:
    """Ticks that failed in a row, the first at `since`, the last for `reason`."""

    since: datetime
    count: int
    reason: str

    def then(self, reason: str) -> FailingTicks:
        return FailingTicks(self.since, self.count + 1, reason)

    @property
    def problem(self) -> str:
        ticks = "the last tick" if self.count == 1 else f"the last {self.count} ticks"
        return f"{ticks} failed (since {self.since:%Y-%m-%d %H:%M:%S} UTC): {self.reason}"


def tick_problem(now: float, progress_at: float, stall_seconds: float) -> str | None:
    """Ticks are happening when one completed (or the daemon started) at most `stall_seconds`
    ago; a tick that hangs, or that fails every time, stops counting as progress."""
    idle = now - progress_at
    if idle > stall_seconds:
        return f"no tick has completed for {idle:.0f} s (limit {stall_seconds:.0f} s)"
    return None


class Jobs:
    """Scheduled coroutines, tracked: in flight, last success, cancellation on shutdown."""

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self.clock = clock
        self.started_at = clock()
        self.succeeded_at: dict[str, float] = {}
        self.running: dict[asyncio.Task[None], str] = {}

    def progress_at(self, name: str) -> float:
        return self.succeeded_at.get(name, self.started_at)

    def track(
        self, name: str, job: Callable[[], Awaitable[object]]
    ) -> Callable[[], Coroutine[Any, Any, None]]:
        """`job` as the scheduler should run it: registered while it runs, its failures logged
        as one event (and not raised into the scheduler, which would log a bare traceback), and
        a cancellation at shutdown ending it quietly."""

        async def tracked() -> None:
            task = asyncio.current_task()
            assert task is not None
            self.running[task] = name
            try:
                await job()
            except asyncio.CancelledError:
                log.warning("job_cancelled", job=name, reason="shutdown grace period over")
            except Exception as exc:
                if isinstance(exc, JobFailed) or is_store_error(exc):
                    log.error("job_failed", job=name, error=str(exc) or reason(exc))
                else:
                    log.exception("job_failed", job=name)
            else:
                self.succeeded_at[name] = self.clock()
            finally:
                self.running.pop(task, None)

        tracked.__name__ = tracked.__qualname__ = name  # how the scheduler names the job
        return tracked

    def is_running(self, name: str) -> bool:
        return name in self.running.values()

    async def drain(self, grace_seconds: float) -> int:
        """Let the jobs in flight finish for up to `grace_seconds`, then cancel the rest and
        wait for them to unwind. Returns how many had to be cancelled."""
        return await drain(self.running, grace_seconds)

    def cancel_all(self) -> None:
        for task in self.running:
            task.cancel()


async def drain(tasks: Iterable[asyncio.Task[Any]], grace_seconds: float) -> int:
    """Let `tasks` finish for up to `grace_seconds`, then cancel the rest and wait for them to
    unwind. Returns how many had to be cancelled."""
    pending = set(tasks)
    if pending:
        _, pending = await asyncio.wait(pending, timeout=max(0.0, grace_seconds))
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending)
    return len(pending)


def probe_database(engine: Engine, timeout_seconds: float) -> None:
    """Raise unless the database answers. On SQLite, also take (and give back at once) the
    write lock: readers never block in WAL mode, but a daemon that cannot write is stuck."""
    with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            conn.exec_driver_sql("SELECT 1")
            return
        usual = conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(timeout_seconds * 1000)}")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.exec_driver_sql("ROLLBACK")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={int(usual)}")


class DatabaseProbe:
    """Runs `probe_database` in a worker thread with a deadline; one probe at a time, so a
    database that hangs does not pile up threads. A caller arriving while a probe runs (the
    watchdog and /healthz at the same moment) shares its answer instead of being refused."""

    def __init__(self, engine: Engine, timeout_seconds: float) -> None:
        self.engine = engine
        self.timeout = timeout_seconds
        self.in_flight: asyncio.Future[None] | None = None

    async def problem(self) -> str | None:
        if self.in_flight is None or self.in_flight.done():
            self.in_flight = asyncio.ensure_future(
                asyncio.to_thread(probe_database, self.engine, self.timeout)
            )
        try:
            await asyncio.wait_for(asyncio.shield(self.in_flight), self.timeout + 1)
        except TimeoutError:
            return f"the database did not answer within {self.timeout:.0f} s"
        except Exception as exc:
            first_line = next(iter(str(exc).splitlines()), "")
            return f"the database failed: {type(exc).__name__}: {first_line}"
        return None
