"""The tables, as SQLAlchemy Core metadata that queries are written against.

Migrations under ``migrations/versions`` create these tables; a test compares the migrated
database with this metadata so the two cannot drift apart. Lists (perpetrators, organs …) are
JSON columns: they are read whole with their claim and never joined on in SQL.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
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

article_locations = sa.Table(
    "article_locations",
    metadata,
    sa.Column(
        "article_id",
        sa.String(32),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("location", sa.Text, primary_key=True),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
)

ingest_failures = sa.Table(
    "ingest_failures",
    metadata,
    sa.Column("location", sa.Text, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(24), nullable=False, unique=True),
    sa.Column(
        "article_id",
        sa.String(32),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("act", sa.String(40), nullable=False, index=True),
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

claim_sources = sa.Table(
    "claim_sources",
    metadata,
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

mentions = sa.Table(
    "mentions",
    metadata,
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
