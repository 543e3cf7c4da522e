"""Holds, rate limits and digests on the real PostgreSQL server, with two instances sharing the
database (a schema of its own per test; see tests/support/postgres_support.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from feed_server import FeedServer
from postgres_support import postgres_schema
from routing import RATE, Smtp, mailto, make_setup, story, text_of

from monitor.pipeline import Pipeline

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


def test_rate_limit_and_one_digest_from_two_instances_on_postgres(
    tmp_path: Path, feeds: FeedServer, smtp: Smtp, pg_url: str
) -> None:
    at = datetime(2021, 8, 23, 10, 5, tzinfo=UTC)
    config = RATE.format(url=mailto(smtp, "pager"))
    setup = make_setup(tmp_path, feeds, config, at, f'url = "{pg_url}"')
    try:
        setup.ingest(at, *(story(n) for n in range(10)))
        assert setup.deliver(at) == ["pager"] * 3

        other = Pipeline(setup.pipeline.config, setup.store)
        end = datetime(2021, 8, 23, 11, 0, 5, tzinfo=UTC)
        created = setup.flush(end) + other.flush_digests(end + timedelta(seconds=1))
        assert len(created) == 1
        assert setup.deliver(end) == ["pager"]
        assert "7 more alerts over the rate limit" in text_of(smtp[2][-1])
        assert sorted(s for _c, s, _r in setup.statuses()) == ["digested"] * 7 + ["sent"] * 4
    finally:
        setup.store.close()
