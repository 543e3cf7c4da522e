"""A schema of its own on the real PostgreSQL server (127.0.0.1:5432, database `test`) for each
test that needs one, so runs never see each other's tables. Outside CI a missing server skips
the test; in CI (CI=true) it fails it, because CI has the server."""

from __future__ import annotations

import os
import uuid
import weakref
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import Connection, Engine, event

SERVER = os.environ.get(
    "MONITOR_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
PREFIX = "monitor_test_"
# The engines connected to each test schema in this process, by schema (their connections carry
# it as application_name): disposed before the schema is dropped, so the connections of a Store
# a test never closed are closed here rather than found open when it is garbage-collected.
_ENGINES: defaultdict[str, weakref.WeakSet[Engine]] = defaultdict(weakref.WeakSet)


@event.listens_for(Engine, "engine_connect")
def _remember_engine(connection: Connection) -> None:
    name = connection.engine.url.query.get("application_name")
    if isinstance(name, str) and name.startswith(PREFIX):
        _ENGINES[name].add(connection.engine)


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A database URL whose tables live in a new schema, dropped afterwards."""
    admin = sqlalchemy.create_engine(SERVER)
    schema = f"{PREFIX}{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as connection:
            connection.execute(sqlalchemy.text(f'CREATE SCHEMA "{schema}"'))
    except sqlalchemy.exc.OperationalError as exc:
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {SERVER}: {exc}")
        pytest.skip(f"PostgreSQL is not reachable at {SERVER}")
    try:
        yield f"{SERVER}?options=-csearch_path%3D{schema}&application_name={schema}"
    finally:
        for engine in list(_ENGINES.pop(schema, ())):
            engine.dispose()
        with admin.begin() as connection:
            # Connections a test left open (a Store it never closed) would hold the server's
            # connection slots and could block the drop; they carry the schema's name.
            connection.execute(
                sqlalchemy.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE application_name = :schema AND pid <> pg_backend_pid()"
                ),
                {"schema": schema},
            )
            connection.execute(sqlalchemy.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


class Schemas:
    """The PostgreSQL run's databases, one schema per temporary directory that a test (or a
    module-scoped fixture) keeps its state in: asking twice for the same directory gives the same
    URL. A schema made while a test runs is dropped when that test ends; one made by a
    module-scoped fixture, outside any test, lives until the session ends."""

    def __init__(self) -> None:
        self._urls: dict[Path, str] = {}
        self._session = ExitStack()
        self._test: ExitStack | None = None

    def url_for(self, directory: Path) -> str:
        key = directory.resolve()
        if key not in self._urls:
            owner = self._test if self._test is not None else self._session
            self._urls[key] = owner.enter_context(postgres_schema())
            owner.callback(self._urls.pop, key)
        return self._urls[key]

    @contextmanager
    def test_scope(self) -> Iterator[None]:
        """While one test runs: the schemas it makes are dropped when it ends."""
        with ExitStack() as stack:
            self._test = stack
            try:
                yield
            finally:
                self._test = None

    def close(self) -> None:
        """Drop the schemas of module-scoped fixtures (the end of the session)."""
        self._session.close()


SCHEMAS = Schemas()
