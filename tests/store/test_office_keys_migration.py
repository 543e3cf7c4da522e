"""Migration 0010 keys stored leadership facts by office: a database written before it upgrades
in place, on SQLite and PostgreSQL, and the next report of a known office in other words is
known under the same key."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from monitor.records import Evidence, Fact, Leadership
from monitor.store import Store
from monitor.store.db import alembic_config, create_db_engine, migrate

WHEN = datetime(2025, 1, 20, tzinfo=UTC)
GOVERNOR = {
    "subject": "Peter Mwamba",
    "role": "military governor",
    "organization": "North Kivu",
    "status": "appointed",
    "location": None,
}


def test_facts_stored_before_are_keyed_by_their_office(db_url: str) -> None:
    engine = create_db_engine(db_url)
    with engine.connect() as connection:
        command.upgrade(alembic_config(connection), "0009")
    with engine.begin() as connection:
        for key, value in (
            ("leadership|Peter Mwamba|role:military governor", GOVERNOR),
            ("leadership|Peter Mwamba|fate", {**GOVERNOR, "role": None, "status": "killed"}),
        ):
            connection.execute(
                text(
                    "INSERT INTO facts (kind, fact_key, value, change, quote, article_url,"
                    " outlet, hedged, published, observed_at) VALUES ('leadership', :key,"
                    " :value, 'new', 'A quote.', 'https://wire.example/a', 'Wire', false,"
                    " :when, :when)"
                ),
                {"key": key, "value": json.dumps(value), "when": WHEN},
            )
    migrate(engine)
    with engine.connect() as connection:
        keys = sorted(connection.execute(text("SELECT fact_key FROM facts")).scalars())
    engine.dispose()
    assert keys == ["leadership|Peter Mwamba|fate", "leadership|Peter Mwamba|role:governor"]

    later = Leadership("Peter Mwamba", "governor", "North Kivu", "appointed")
    store = Store.open(db_url)
    try:
        with store.session() as session:
            known = store.reference_facts(session, {Fact(later, evidence()).key})
    finally:
        store.close()
    assert [getattr(k.fact.value, "role", None) for k in known.values()] == ["military governor"]


def evidence() -> Evidence:
    return Evidence("Another quote.", "https://wire.example/b", "Wire", WHEN, WHEN, None)
