"""Database work off the event loop. The loop also drives every fetch and its deadline, so a
database that is slow or locked by another process (SQLite waits up to its busy timeout) must
delay storage only, never make a fetch whose server answered at once look timed out.

All store calls of the pipeline run on one worker thread, in the order they were asked for:
SQLite has one writer anyway, and one thread keeps the writes of a process from contending
for its lock. Parsing and ingesting a feed run there too, beside its writes."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
Row = TypeVar("Row")

_EXECUTOR: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    """The one store thread of the process, started when first needed."""
    global _EXECUTOR
    if _EXECUTOR is None:
        _EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="monitor-store")
    return _EXECUTOR


async def off_loop(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`fn(*args, **kwargs)` on the store thread; the loop runs on meanwhile."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_executor(), functools.partial(fn, *args, **kwargs))


class BatchWriter(Generic[Row]):
    """Rows written together: each `add` waits for the write that carries its row (and raises
    its error). While one write runs, the rows that arrive meanwhile gather for the next one,
    so a burst of results costs a few writes, and a lone result is written at once."""

    def __init__(self, write: Callable[[Sequence[Row]], object]) -> None:
        self.write = write
        self.lock = asyncio.Lock()
        self.gathering: tuple[list[Row], asyncio.Future[None]] | None = None

    async def add(self, row: Row) -> None:
        if self.gathering is None:
            self.gathering = ([], asyncio.get_running_loop().create_future())
            flush = asyncio.ensure_future(self._flush())
            flush.add_done_callback(_quiet)
        rows, written = self.gathering
        rows.append(row)
        await asyncio.shield(written)

    async def _flush(self) -> None:
        async with self.lock:  # one write at a time; rows gather for the next meanwhile
            assert self.gathering is not None
            rows, written = self.gathering
            self.gathering = None
            try:
                await off_loop(self.write, rows)
            except Exception as exc:
                written.set_exception(exc)
                written.exception()  # read here: every waiter may have gone (cancelled)
            else:
                written.set_result(None)


def _quiet(task: asyncio.Future[None]) -> None:
    if not task.cancelled():
        task.exception()
