"""outbox for reliable delivery: idempotency keys, leases, holds, digests; alert routing data

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def idempotency_key(dedup_key: str, channel: str) -> str:
    """The same function as monitor.store.outbox.idempotency_key, frozen here on purpose:
    a migration must keep computing what it computed when it was written."""
    return hashlib.sha256(f"{dedup_key}\x1f{channel}".encode()).hexdigest()[:40]


def upgrade() -> None:
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("severity", sa.String(length=20), nullable=False, server_default="normal")
        )
        batch_op.add_column(sa.Column("fact_kind", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("entities", sa.JSON(), nullable=True))
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("idempotency_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("held_reason", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("digest_id", sa.Integer(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT d.id, d.channel, a.dedup_key"
            " FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
        )
    ).all()
    for delivery_id, channel, dedup_key in rows:
        bind.execute(
            sa.text("UPDATE deliveries SET idempotency_key = :key WHERE id = :id"),
            {"key": idempotency_key(dedup_key, channel), "id": delivery_id},
        )
    bind.execute(sa.text("UPDATE alerts SET entities = '[]' WHERE entities IS NULL"))
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column("idempotency_key", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(
            batch_op.f("uq_deliveries_idempotency_key"), ["idempotency_key"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_deliveries_digest_id_deliveries"), "deliveries", ["digest_id"], ["id"]
        )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.alter_column("entities", existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_deliveries_digest_id_deliveries"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("uq_deliveries_idempotency_key"), type_="unique")
        for column in ("digest_id", "held_reason", "lease_until", "claimed_by", "idempotency_key"):
            batch_op.drop_column(column)
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        for column in ("entities", "fact_kind", "severity"):
            batch_op.drop_column(column)
