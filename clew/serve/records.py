"""The read queries behind the pages of one report, one entity, and the sources page.

Each returns model objects (or plain dicts for tables) gathered in a few queries; the pages mask
and shape them in :mod:`clew.serve.views`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from clew.model import Allegation, Article, ArticleLink, Claim, Entity, Mention, Source
from clew.serve.queries import allegation_models, with_claims
from clew.store import Store
from clew.store.tables import (
    allegation_claims,
    allegation_entities,
    allegations,
    article_links,
    articles,
    claims,
    entities,
    entity_aliases,
    evidence_lines,
    mentions,
)

# --- one report ----------------------------------------------------------------------------


@dataclass
class ReportRecord:
    """A report with what its page shows: claims, mentions, allegations and echo links."""

    article: Article
    claims: list[Claim]
    mentions: list[Mention]
    allegations: list[Allegation]
    echoes: list[tuple[ArticleLink, Article]] = field(default_factory=list)  # it repeats these
    echoed_by: list[tuple[ArticleLink, Article]] = field(default_factory=list)  # these repeat it


def mentions_of(store: Store, article_ids: list[str]) -> list[Mention]:
    with store.engine.connect() as conn:
        return [
            Mention(r.article_id, r.text, r.label, r.start, r.end, r.entity_id)
            for r in conn.execute(
                sa.select(mentions)
                .where(mentions.c.article_id.in_(article_ids))
                .order_by(mentions.c.article_id, mentions.c.start)
            )
        ]


def get_report(store: Store, article_id: str) -> ReportRecord | None:
    article = store.get_article(article_id)
    if article is None:
        return None
    found = store.claims_for_article(article_id)
    with store.engine.connect() as conn:
        alleged = conn.execute(
            sa.select(allegations)
            .where(
                allegations.c.id.in_(
                    with_claims(claims.c.article_id == article_id).scalar_subquery()
                )
            )
            .order_by(allegations.c.reports.desc(), allegations.c.position)
        ).all()
        links = [
            ArticleLink(r.source_article, r.target_article, r.kind, r.score)
            for r in conn.execute(
                sa.select(article_links).where(
                    sa.or_(
                        article_links.c.source_article == article_id,
                        article_links.c.target_article == article_id,
                    )
                )
            )
        ]
        records = allegation_models(conn, alleged)
    others = {
        a.id: a
        for a in store.iter_articles(
            sorted({x.target_article for x in links} | {x.source_article for x in links})
        )
    }
    return ReportRecord(
        article=article,
        claims=found,
        mentions=mentions_of(store, [article_id]),
        allegations=records,
        echoes=[(x, others[x.target_article]) for x in links if x.source_article == article_id],
        echoed_by=[(x, others[x.source_article]) for x in links if x.target_article == article_id],
    )


# --- one entity ----------------------------------------------------------------------------


@dataclass
class EntityRecord:
    """An entity with the allegations it appears in, by role, and who is accused beside it."""

    entity: Entity
    as_perpetrator: list[Allegation]
    as_place: list[Allegation]
    as_victim: list[Allegation]
    co_accused: list[tuple[Entity, int]]  # other perpetrators of its allegations, how often
    outlets: list[tuple[str, int]]  # outlets whose reports mention it, how many reports
    root_sources: list[tuple[Source, int]]  # root sources of its allegations, how many


def get_entity(store: Store, entity_id: str) -> EntityRecord | None:
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
        if row is None:
            return None
        aliases = list(
            conn.execute(
                sa.select(entity_aliases.c.alias)
                .where(entity_aliases.c.entity_id == entity_id)
                .order_by(entity_aliases.c.alias)
            ).scalars()
        )
        entity = Entity(**dict(row._mapping), aliases=aliases)

        def by_role(role: str) -> list[Allegation]:
            rows = conn.execute(
                sa.select(allegations)
                .where(
                    allegations.c.id.in_(
                        sa.select(allegation_entities.c.allegation_id).where(
                            allegation_entities.c.entity_id == entity_id,
                            allegation_entities.c.role == role,
                        )
                    )
                )
                .order_by(allegations.c.reports.desc(), allegations.c.position)
            ).all()
            return allegation_models(conn, rows)

        as_perpetrator, as_place = by_role("perpetrator"), by_role("place")
        names = [n.lower() for n in {entity.name, *aliases}]
        victim_rows = [
            r
            for r in conn.execute(
                sa.select(allegations).where(sa.cast(allegations.c.victims, sa.Text) != "[]")
            )
            if any(n in v.lower() for v in r.victims for n in names)
        ]
        as_victim = allegation_models(conn, victim_rows) if entity.type == "person" else []
        accused = Counter(e for a in as_perpetrator for e in a.perpetrator_ids if e != entity_id)
        others = {
            r.id: Entity(**dict(r._mapping))
            for r in conn.execute(sa.select(entities).where(entities.c.id.in_(list(accused))))
        }
        outlet_rows = conn.execute(
            sa.select(articles.c.outlet, sa.func.count(sa.distinct(articles.c.id)))
            .join(mentions, mentions.c.article_id == articles.c.id)
            .where(mentions.c.entity_id == entity_id)
            .group_by(articles.c.outlet)
            .order_by(sa.func.count(sa.distinct(articles.c.id)).desc(), articles.c.outlet)
        ).all()
    roots: Counter[Source] = Counter(
        s for a in [*as_perpetrator, *as_place, *as_victim] for s in set(a.root_sources)
    )
    return EntityRecord(
        entity=entity,
        as_perpetrator=as_perpetrator,
        as_place=as_place,
        as_victim=as_victim,
        co_accused=sorted(
            ((others[e], n) for e, n in accused.items() if e in others),
            key=lambda x: (-x[1], x[0].name),
        ),
        outlets=[(o or "unknown outlet", n) for o, n in outlet_rows],
        root_sources=sorted(roots.items(), key=lambda x: (-x[1], x[0].name)),
    )


# --- sources -------------------------------------------------------------------------------


def outlet_rows(store: Store) -> list[dict[str, Any]]:
    """Each outlet: its reports, claims, and the allegations that rest on any of its reports."""
    with store.engine.connect() as conn:
        alleged: dict[str | None, int] = dict(
            conn.execute(
                sa.select(
                    articles.c.outlet, sa.func.count(sa.distinct(allegation_claims.c.allegation_id))
                )
                .join(claims, claims.c.article_id == articles.c.id)
                .join(allegation_claims, allegation_claims.c.claim_id == claims.c.id)
                .group_by(articles.c.outlet)
            ).all()
        )
    return [
        {"outlet": o, "reports": n, "claims": c, "allegations": int(alleged.get(o, 0))}
        for o, n, c in store.outlet_counts()
    ]


def reports_by_outlet(store: Store, per_outlet: int = 50) -> dict[str | None, list[dict[str, Any]]]:
    """Each outlet's newest reports (id, title, date), without their text."""
    found: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    with store.engine.connect() as conn:
        for r in conn.execute(
            sa.select(
                articles.c.id, articles.c.title, articles.c.published, articles.c.outlet
            ).order_by(articles.c.outlet, articles.c.published.desc().nulls_last(), articles.c.pk)
        ):
            if len(found[r.outlet]) < per_outlet:
                found[r.outlet].append({"id": r.id, "title": r.title, "published": r.published})
    return dict(found)


def root_source_rows(store: Store) -> list[dict[str, Any]]:
    """Each root source: its kind, the allegations that rest on it and the letter it was given."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(allegations.c.root_sources)).scalars().all()
        letters: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for r in conn.execute(
            sa.select(
                evidence_lines.c.root_name, evidence_lines.c.root_kind, evidence_lines.c.reliability
            )
        ):
            if r.root_kind and r.reliability:
                letters[(r.root_name, r.root_kind)][r.reliability] += 1
    counts: Counter[tuple[str, str]] = Counter(
        (s["name"], s["kind"])
        for found in rows
        for s in {(x["name"], x["kind"]): x for x in found}.values()
    )
    return [
        {
            "name": name,
            "kind": kind,
            "allegations": n,
            "reliability": letters[(name, kind)].most_common(1)[0][0]
            if letters[(name, kind)]
            else None,
        }
        for (name, kind), n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    ]
