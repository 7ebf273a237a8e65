"""The evidence graph: entities and their aliases, allegations with their claims, entities and
lines of evidence, and links between articles (citation, copied text). ``clew link`` rewrites
these tables whole, so they hold no history of their own.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.String(24), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("subtype", sa.String(24)),
        sa.Column("country", sa.String(2)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
    )
    op.create_index("ix_entities_type", "entities", ["type"])
    op.create_table(
        "entity_aliases",
        sa.Column(
            "entity_id",
            sa.String(24),
            sa.ForeignKey("entities.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("alias", sa.Text, primary_key=True),
    )
    op.create_table(
        "allegations",
        sa.Column("id", sa.String(24), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("act", sa.String(40), nullable=False),
        sa.Column("perpetrators", sa.JSON, nullable=False),
        sa.Column("victims", sa.JSON, nullable=False),
        sa.Column("places", sa.JSON, nullable=False),
        sa.Column("root_sources", sa.JSON, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("independent_lines", sa.Integer, nullable=False),
        sa.Column("echoes", sa.Integer, nullable=False),
        sa.Column("denials", sa.Integer, nullable=False),
        sa.Column("grade", sa.String(2)),
        sa.Column("reliability", sa.String(1)),
        sa.Column("credibility", sa.Integer),
        sa.Column("rationale", sa.JSON, nullable=False),
        sa.Column("first_reported", sa.String(10)),
        sa.Column("last_reported", sa.String(10)),
        sa.Column("related_ids", sa.JSON, nullable=False),
    )
    op.create_index("ix_allegations_act", "allegations", ["act"])
    op.create_index("ix_allegations_grade", "allegations", ["grade"])
    op.create_table(
        "allegation_claims",
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
        ),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_allegation_claims_claim_id", "allegation_claims", ["claim_id"])
    op.create_table(
        "allegation_entities",
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
        ),
        sa.Column("role", sa.String(16), primary_key=True),  # "perpetrator" | "place"
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_allegation_entities_entity_id", "allegation_entities", ["entity_id"])
    op.create_table(
        "evidence_lines",
        sa.Column("id", sa.String(24), primary_key=True),
        sa.Column(
            "allegation_id",
            sa.String(24),
            sa.ForeignKey("allegations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("root_name", sa.Text),
        sa.Column("root_kind", sa.String(16)),
        sa.Column("reliability", sa.String(1)),
        sa.Column("claim_ids", sa.JSON, nullable=False),
        sa.Column("article_ids", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_evidence_lines_allegation_id", "evidence_lines", ["allegation_id"])
    op.create_table(
        "article_links",
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
        ),
        sa.Column("kind", sa.String(16), primary_key=True),  # "citation" | "copied_text"
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_article_links_target_article", "article_links", ["target_article"])


def downgrade() -> None:
    for table in (
        "article_links",
        "evidence_lines",
        "allegation_entities",
        "allegation_claims",
        "allegations",
        "entity_aliases",
        "entities",
    ):
        op.drop_table(table)
