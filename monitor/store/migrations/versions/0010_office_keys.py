"""leadership facts keyed by office, whatever words name it

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

An office is keyed by monitor/offices.py from this revision on: "military governor" and
"governor" are one fact. Facts stored before are keyed again with the same rule, so that the
next report of a known office in other words corroborates it instead of raising a new fact.
The rule is applied as it stands when the migration runs; a database is migrated once.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from monitor.records import fact_value_from_fields

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_FACTS = sa.table(
    "facts",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("fact_key", sa.Text),
    sa.column("value", sa.JSON),
)


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_FACTS.c.id, _FACTS.c.fact_key, _FACTS.c.value).where(
            _FACTS.c.kind == "leadership", _FACTS.c.fact_key.like("%|role:%")
        )
    ).all()
    for row in rows:
        fields = row.value if isinstance(row.value, dict) else json.loads(row.value)
        fields = {name: value for name, value in dict(fields).items() if name != "kind"}
        key = "|".join(fact_value_from_fields("leadership", fields).key)
        if key != row.fact_key:
            connection.execute(sa.update(_FACTS).where(_FACTS.c.id == row.id).values(fact_key=key))


def downgrade() -> None:
    """The keys of the old rule are not kept; the folded ones still name each office."""
