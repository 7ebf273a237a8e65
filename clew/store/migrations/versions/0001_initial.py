"""Articles with their input locations, ingest failures, claims with their source chains,
entity mentions, and full-text indexes over article and claim text.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from clew.store import dialects

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("ref", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extracted_with", sa.Text),
    )
    op.create_table(
        "article_locations",
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("location", sa.Text, primary_key=True),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "ingest_failures",
        sa.Column("location", sa.Text, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(24), nullable=False, unique=True),
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("act", sa.String(40), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("perpetrators", sa.JSON, nullable=False),
        sa.Column("victims", sa.JSON, nullable=False),
        sa.Column("victim_count", sa.Integer),
        sa.Column("victim_ages", sa.Text),
        sa.Column("organs", sa.JSON, nullable=False),
        sa.Column("locations", sa.JSON, nullable=False),
        sa.Column("origin", sa.Text),
        sa.Column("destination", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("money", sa.Text),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])
    op.create_index("ix_claims_act", "claims", ["act"])
    op.create_table(
        "claim_sources",
        sa.Column(
            "claim_id",
            sa.String(24),
            sa.ForeignKey("claims.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("label", sa.String(16), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Text),
    )
    bind = op.get_bind()
    dialects.for_name(bind.dialect.name).create_fulltext(bind)


def downgrade() -> None:
    bind = op.get_bind()
    dialects.for_name(bind.dialect.name).drop_fulltext(bind)
    for table in ("mentions", "claim_sources", "claims", "ingest_failures", "article_locations"):
        op.drop_table(table)
    op.drop_table("articles")
