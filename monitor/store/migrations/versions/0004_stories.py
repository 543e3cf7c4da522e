"""stories: near-duplicate articles across outlets join one story

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stories_created_at"), ["created_at"], unique=False)
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("text_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("fingerprint", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_articles_story_id"), ["story_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_fingerprint"), ["fingerprint"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_articles_story_id_stories"), "stories", ["story_id"], ["id"]
        )
    op.create_table(
        "story_keys",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_story_keys_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_story_keys")),
    )


def downgrade() -> None:
    op.drop_table("story_keys")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_articles_story_id_stories"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_articles_fingerprint"))
        batch_op.drop_index(batch_op.f("ix_articles_story_id"))
        batch_op.drop_column("fingerprint")
        batch_op.drop_column("text_hash")
        batch_op.drop_column("story_id")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stories_created_at"))
    op.drop_table("stories")
