"""Migration 0009 gives alerts the facts they compare. A database written before it upgrades in
place, on SQLite and PostgreSQL: its alerts stay readable (with no facts), and a fact alert
stored after the upgrade keeps both facts."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from monitor.alert.compose import fact_alert
from monitor.records import Change, Evidence, Fact, ForceSize
from monitor.store import Store
from monitor.store.db import alembic_config, create_db_engine, migrate

WHEN = datetime(2021, 9, 1, tzinfo=UTC)


def fact(low: int, quote: str) -> Fact:
    evidence = Evidence(quote, "https://wire.example/a", "Wire", WHEN, WHEN, "its spokesman")
    return Fact(ForceSize("National Resistance Front", low, low, "approx"), evidence)


def test_an_existing_database_upgrades_and_keeps_its_alerts(db_url: str) -> None:
    engine = create_db_engine(db_url)
    with engine.connect() as connection:
        command.upgrade(alembic_config(connection), "0008")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO alerts (dedup_key, kind, watch, title, body, evidence, created_at,"
                " severity, entities) VALUES ('k1', 'changed', 'panjshir', 'Force size changed',"
                " 'A body', '{}', :when, 'high', '[]')"
            ),
            {"when": WHEN},
        )
    migrate(engine)
    engine.dispose()

    store = Store.open(db_url)
    try:
        [old] = store.alerts()
        assert old.alert.change is None and old.to_json()["after"] is None
        change = Change("changed", fact(9000, "About 9,000."), fact(2500, "About 2,500."))
        with store.session() as session:
            store.add_alert(session, fact_alert(change, "panjshir", ()), WHEN, queue=False)
        [_, new] = store.alerts()
    finally:
        store.close()
    assert new.alert.change == change
    data = new.to_json()
    assert (data["change"], data["before"]["min"], data["after"]["min"]) == ("changed", 2500, 9000)
