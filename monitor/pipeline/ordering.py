"""New documents are read in claim order (due time, then feed id) when their answers come close
together: the order in which facts are compared, and so which outlet's copy starts a story, is
then the same on every run and the same as `replay` over the same files. A feed whose answer
is slower than `grace` seconds loses its turn instead of holding the others: it is read when
it comes."""

from __future__ import annotations

import asyncio

REORDER_SECONDS = 1.0


class ClaimOrder:
    """The turns of one batch of checks, by their place in the claim."""

    def __init__(self, size: int, grace: float = REORDER_SECONDS) -> None:
        loop = asyncio.get_running_loop()
        self.grace = grace
        self.fetched = [loop.create_future() for _ in range(size)]
        self.finished = [loop.create_future() for _ in range(size)]

    def answered(self, place: int) -> None:
        """The check at `place` has its answer."""
        _settle(self.fetched[place])

    def done(self, place: int) -> None:
        """The check at `place` is over (read, failed or cancelled): its turn is passed on."""
        _settle(self.fetched[place])
        _settle(self.finished[place])

    async def turn(self, place: int) -> None:
        """Wait until every check claimed before `place` that answered in time is over."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.grace
        for before in range(place):
            fetched = self.fetched[before]
            if not fetched.done():
                await asyncio.wait([fetched], timeout=max(0.0, deadline - loop.time()))
                if not fetched.done():
                    continue  # too slow: read when it comes
            await asyncio.wait([self.finished[before]])


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
