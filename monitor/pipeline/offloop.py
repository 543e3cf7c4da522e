"""Database work off the event loop. The loop also drives every fetch and its deadline, so a
database that is slow or locked by another process (SQLite waits up to its busy timeout) must
delay storage only, never make a fetch whose server answered at once look timed out.

All store calls of the pipeline run on one worker thread, in the order they were asked for:
SQLite has one writer anyway, and one thread keeps the writes of a process from contending
for its lock. Parsing and ingesting a feed run there too, beside its writes."""

from __future__ import annotations

import asyncio
import contextlib
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
    its error). The checks that may bring a row are announced (`expect`), and each says when
    it is done (`add`, or `done_without_row`): a write goes out once every announced check has
    come in, or `linger` seconds after its first row, with every row that came meanwhile. So
    a batch of 304s costs one statement, as before, and a slow fetch holds the others' rows
    for `linger` at most."""

    def __init__(self, write: Callable[[Sequence[Row]], object], linger: float = 0.25) -> None:
        self.write = write
        self.linger = linger
        self.lock = asyncio.Lock()
        self.gathering: tuple[list[Row], asyncio.Future[None]] | None = None
        self.outstanding = 0
        self.all_in = asyncio.Event()

    def expect(self, checks: int) -> None:
        self.outstanding += checks
        if self.outstanding > 0:
            self.all_in.clear()

    def done_without_row(self) -> None:
        self.outstanding -= 1
        if self.outstanding <= 0:
            self.all_in.set()

    async def add(self, row: Row) -> None:
        self.done_without_row()  # in, with a row
        if self.gathering is None:
            self.gathering = ([], asyncio.get_running_loop().create_future())
            flush = asyncio.ensure_future(self._flush())
            flush.add_done_callback(_quiet)
        rows, written = self.gathering
        rows.append(row)
        try:
            await asyncio.shield(written)
        except asyncio.CancelledError:  # the row goes out all the same; then the caller stops
            await asyncio.wait([written])
            raise

    async def _flush(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.all_in.wait(), self.linger)
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
