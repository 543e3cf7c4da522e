"""feed health and adaptive interval state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("poll_interval_seconds", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rhythm_seconds", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("first_error_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("last_new_entry_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("health", sa.String(length=20), server_default="healthy", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.drop_column("health")
        batch_op.drop_column("last_new_entry_at")
        batch_op.drop_column("first_error_at")
        batch_op.drop_column("rhythm_seconds")
        batch_op.drop_column("poll_interval_seconds")
