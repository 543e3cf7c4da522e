"""Alembic environment: the connection comes from monitor (config.attributes), not an .ini."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from monitor.store.models import Base

# monitor.store.db.migrate holds the migration lock on this connection; the whole upgrade runs
# in one transaction on it (SQLite too: it can roll DDL back), committed at the end.
connection: Connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
connection.commit()
