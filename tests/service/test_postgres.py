"""The same daemon on the real PostgreSQL server (127.0.0.1:5432, database `test`).

Each test gets its own schema, so runs never see each other's tables. Outside CI a missing
server skips these tests; in CI (CI=true) it fails them, because CI has the server."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from end_to_end import FIRST, LATER, mail_url, run
from feed_server import FeedServer
from helpers import rss, write_config
from postgres_support import postgres_schema

from monitor.store import Store
from monitor.store.models import Base

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


def test_migrations_build_exactly_the_models_on_postgres(pg_url: str) -> None:
    store = Store.open(pg_url)
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    store.close()
    Store.open(pg_url).close()  # a second start finds the schema current


def test_poll_and_alert_end_to_end_on_postgres(
    tmp_path: Path, pg_url: str, feeds: FeedServer, smtp: tuple[str, int, list[EmailMessage]]
) -> None:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    config = write_config(
        tmp_path, {"wire": url}, channels={"email": mail_url(smtp)}, database_url=pg_url
    )
    assert run(config, "poll", "--once").exit_code == 0
    feeds.set("wire.xml", rss("Example Wire", [LATER, FIRST]))
    assert run(config, "poll", "--once").exit_code == 0
    assert run(config, "poll", "--once").exit_code == 0

    subjects = [str(m["Subject"]) for m in smtp[2]]
    assert len(subjects) == 4, subjects
    assert any("Force size changed" in s and "was ≤2,500" in s for s in subjects)
    facts = run(config, "facts", "--json")
    assert '"min": 9000' in facts.output
