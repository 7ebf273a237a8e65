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

# --- the evidence graph (migration 0002): rewritten whole by every `clew link` ----------------

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False, index=True),
    sa.Column("subtype", sa.String(24)),
    sa.Column("country", sa.String(2)),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
)

entity_aliases = sa.Table(
    "entity_aliases",
    metadata,
    sa.Column(
        "entity_id",
        sa.String(24),
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("alias", sa.Text, primary_key=True),
)

allegations = sa.Table(
    "allegations",
    metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("act", sa.String(40), nullable=False, index=True),
    sa.Column("perpetrators", sa.JSON, nullable=False),
    sa.Column("victims", sa.JSON, nullable=False),
    sa.Column("places", sa.JSON, nullable=False),
    sa.Column("root_sources", sa.JSON, nullable=False),
    sa.Column("reports", sa.Integer, nullable=False),
    sa.Column("independent_lines", sa.Integer, nullable=False),
    sa.Column("echoes", sa.Integer, nullable=False),
    sa.Column("denials", sa.Integer, nullable=False),
    sa.Column("grade", sa.String(2), index=True),
    sa.Column("reliability", sa.String(1)),
    sa.Column("credibility", sa.Integer),
    sa.Column("rationale", sa.JSON, nullable=False),
    sa.Column("first_reported", sa.String(10)),
    sa.Column("last_reported", sa.String(10)),
    sa.Column("related_ids", sa.JSON, nullable=False),
)

allegation_claims = sa.Table(
    "allegation_claims",
    metadata,
    sa.Column(
        "allegation_id",
        sa.String(24),
        sa.ForeignKey("allegations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "claim_id",
        sa.String(24),
        sa.ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
)

allegation_entities = sa.Table(
    "allegation_entities",
    metadata,
    sa.Column(
        "allegation_id",
        sa.String(24),
        sa.ForeignKey("allegations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "entity_id",
        sa.String(24),
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("role", sa.String(16), primary_key=True),  # "perpetrator" | "place"
    sa.Column("position", sa.Integer, nullable=False),
)

evidence_lines = sa.Table(
    "evidence_lines",
    metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column(
        "allegation_id",
        sa.String(24),
        sa.ForeignKey("allegations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("root_name", sa.Text),
    sa.Column("root_kind", sa.String(16)),
    sa.Column("reliability", sa.String(1)),
    sa.Column("claim_ids", sa.JSON, nullable=False),
    sa.Column("article_ids", sa.JSON, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

article_links = sa.Table(
    "article_links",
    metadata,
    sa.Column(
        "source_article",
        sa.String(32),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "target_article",
        sa.String(32),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("kind", sa.String(16), primary_key=True),  # "citation" | "copied_text"
    sa.Column("score", sa.Float, nullable=False),
)
