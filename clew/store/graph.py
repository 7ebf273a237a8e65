"""The evidence graph in the workspace database: written whole by ``clew link``, read by the
CLI and the API.

Linking recomputes the graph from the whole corpus, so writing it is replace-all inside one
transaction: a reader sees the old graph or the new one, never half of each. These are functions
over a :class:`~clew.store.Store` rather than methods on it, so the graph's tables have one
module of their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clew.link.graph import Graph
from clew.model import Allegation, Article, ArticleLink, Claim, EvidenceLine, Mention, Source
from clew.store.store import Store, page
from clew.store.tables import (
    allegation_claims,
    allegation_entities,
    allegations,
    article_links,
    articles,
    claim_sources,
    claims,
    entities,
    entity_aliases,
    evidence_lines,
    mentions,
)

GRAPH_TABLES = (
    article_links,
    evidence_lines,
    allegation_entities,
    allegation_claims,
    allegations,
    entity_aliases,
    entities,
)
_ARTICLE_FIELDS = ("id", "ref", "title", "url", "outlet", "byline", "published", "language", "text")


def _chunks(rows: list[dict[str, Any]], size: int = 500) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _insert(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    for chunk in _chunks(rows):
        conn.execute(table.insert(), chunk)


def load_corpus(store: Store) -> tuple[list[Article], list[Claim], list[Mention]]:
    """Every article, claim (with its chain) and mention of the workspace, in three queries."""
    with store.engine.connect() as conn:
        arts = [
            Article(**{f: getattr(r, f) for f in _ARTICLE_FIELDS})
            for r in conn.execute(sa.select(articles).order_by(articles.c.pk))
        ]
        chains: dict[str, list[Source]] = defaultdict(list)
        for row in conn.execute(
            sa.select(claim_sources).order_by(claim_sources.c.claim_id, claim_sources.c.position)
        ):
            chains[row.claim_id].append(Source(row.name, row.kind))
        found = [
            Claim(**{k: v for k, v in row._mapping.items() if k != "pk"}, sources=chains[row.id])
            for row in conn.execute(sa.select(claims).order_by(claims.c.pk))
        ]
        spans = [
            Mention(r.article_id, r.text, r.label, r.start, r.end, r.entity_id)
            for r in conn.execute(sa.select(mentions))
        ]
    return arts, found, spans


def save_graph(store: Store, graph: Graph) -> None:
    """Replace the stored graph with ``graph``, set every mention's entity and name the outlet
    of each report that carried only a domain, atomically."""
    with store.engine.begin() as conn:
        for table in GRAPH_TABLES:
            conn.execute(table.delete())
        if graph.outlet_names:
            conn.execute(
                articles.update()
                .where(articles.c.id == sa.bindparam("article_id"))
                .values(outlet=sa.bindparam("outlet_name")),
                [
                    {"article_id": article_id, "outlet_name": name}
                    for article_id, name in sorted(graph.outlet_names.items())
                ],
            )
        _insert(
            conn,
            entities,
            [
                {k: getattr(e, k) for k in ("id", "name", "type", "subtype", "country")}
                | {"latitude": e.latitude, "longitude": e.longitude}
                for e in graph.entities.values()
            ],
        )
        _insert(
            conn,
            entity_aliases,
            [
                {"entity_id": e.id, "alias": alias}
                for e in graph.entities.values()
                for alias in sorted(set(e.aliases))
            ],
        )
        _insert(conn, allegations, [_allegation_row(i, a) for i, a in enumerate(graph.allegations)])
        _insert(
            conn,
            allegation_claims,
            [
                {"allegation_id": a.id, "claim_id": c, "position": i}
                for a in graph.allegations
                for i, c in enumerate(a.claim_ids)
            ],
        )
        _insert(
            conn,
            allegation_entities,
            [
                {"allegation_id": a.id, "entity_id": e, "role": role, "position": i}
                for a in graph.allegations
                for role, ids in (("perpetrator", a.perpetrator_ids), ("place", a.place_ids))
                for i, e in enumerate(ids)
            ],
        )
        _insert(
            conn,
            evidence_lines,
            [
                {
                    "id": line.id,
                    "allegation_id": line.allegation_id,
                    "position": i,
                    "root_name": line.root_source.name if line.root_source else None,
                    "root_kind": line.root_source.kind if line.root_source else None,
                    "reliability": line.reliability,
                    "claim_ids": line.claim_ids,
                    "article_ids": line.article_ids,
                    "reason": line.reason,
                }
                for found in graph.lines.values()
                for i, line in enumerate(found)
            ],
        )
        _insert(
            conn,
            article_links,
            [
                {
                    "source_article": link.source_article,
                    "target_article": link.target_article,
                    "kind": link.kind,
                    "score": link.score,
                }
                for link in graph.links
            ],
        )
        conn.execute(mentions.update().values(entity_id=None))
        resolved = [m for m in graph.mentions if m.entity_id]
        for chunk in _chunks([vars(m) for m in resolved]):
            conn.execute(
                mentions.update()
                .where(
                    mentions.c.article_id == sa.bindparam("b_article"),
                    mentions.c.start == sa.bindparam("b_start"),
                    mentions.c.end == sa.bindparam("b_end"),
                    mentions.c.label == sa.bindparam("b_label"),
                )
                .values(entity_id=sa.bindparam("b_entity")),
                [
                    {
                        "b_article": m["article_id"],
                        "b_start": m["start"],
                        "b_end": m["end"],
                        "b_label": m["label"],
                        "b_entity": m["entity_id"],
                    }
                    for m in chunk
                ],
            )


def _allegation_row(position: int, a: Allegation) -> dict[str, Any]:
    return {
        "id": a.id,
        "position": position,
        "act": a.act,
        "perpetrators": a.perpetrators,
        "victims": a.victims,
        "places": a.places,
        "root_sources": [s.to_dict() for s in a.root_sources],
        "reports": a.reports,
        "independent_lines": a.independent_lines,
        "echoes": a.echoes,
        "denials": a.denials,
        "grade": a.grade,
        "reliability": a.reliability,
        "credibility": a.credibility,
        "rationale": a.rationale,
        "first_reported": a.first_reported,
        "last_reported": a.last_reported,
        "related_ids": a.related_ids,
    }


def allegation_models(
    conn: Connection, rows: Sequence[Any], *, with_claims: bool = True
) -> list[Allegation]:
    """Rows of the allegations table as Allegations, with their entity ids and (unless a list
    page needs no more) their claim and report ids, each read in one query for all the rows."""
    ids = [r.id for r in rows]
    roles: dict[tuple[str, str], list[str]] = defaultdict(list)
    claim_ids: dict[str, list[str]] = defaultdict(list)
    article_ids: dict[str, set[str]] = defaultdict(set)
    if ids:
        for r in conn.execute(
            sa.select(allegation_entities)
            .where(allegation_entities.c.allegation_id.in_(ids))
            .order_by(allegation_entities.c.position)
        ):
            roles[(r.allegation_id, r.role)].append(r.entity_id)
    if ids and with_claims:
        for r in conn.execute(
            sa.select(
                allegation_claims.c.allegation_id, allegation_claims.c.claim_id, claims.c.article_id
            )
            .outerjoin(claims, claims.c.id == allegation_claims.c.claim_id)
            .where(allegation_claims.c.allegation_id.in_(ids))
            .order_by(allegation_claims.c.position)
        ):
            claim_ids[r.allegation_id].append(r.claim_id)
            if r.article_id is not None:
                article_ids[r.allegation_id].add(r.article_id)
    result = []
    for row in rows:
        data = dict(row._mapping)
        data.pop("position")
        data["root_sources"] = [Source(**s) for s in data["root_sources"]]
        extra: dict[str, Any] = {}
        if with_claims:
            extra = {
                "claim_ids": claim_ids[row.id],
                "article_ids": sorted(article_ids[row.id]),
            }
        result.append(
            Allegation(
                **data,
                perpetrator_ids=roles[(row.id, "perpetrator")],
                place_ids=roles[(row.id, "place")],
                **extra,
            )
        )
    return result


def entity_filter(conn: Connection, role: str, text: str) -> Any:
    """Allegation ids with an entity of ``role`` whose name or alias contains ``text``."""
    pattern = f"%{text.lower()}%"
    by_name = sa.select(entities.c.id).where(sa.func.lower(entities.c.name).like(pattern))
    by_alias = sa.select(entity_aliases.c.entity_id).where(
        sa.func.lower(entity_aliases.c.alias).like(pattern)
    )
    return sa.select(allegation_entities.c.allegation_id).where(
        allegation_entities.c.role == role,
        allegation_entities.c.entity_id.in_(by_name.union(by_alias)),
    )


def grade_filter(grade: str) -> Any:
    """The condition for a whole grade ("C3") or its letter or digit alone ("C", "3")."""
    g = grade.strip().upper()
    if len(g) == 1 and g.isdigit():
        return allegations.c.credibility == int(g)
    if len(g) == 1:
        return allegations.c.reliability == g
    return allegations.c.grade == g


def list_allegations(
    store: Store,
    *,
    limit: int = 50,
    offset: int = 0,
    act: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    grade: str | None = None,
) -> tuple[int, list[Allegation]]:
    """One page of allegations, most reports first, and the total that match.

    ``grade`` matches a whole grade ("C3") or its letter or digit alone ("C", "3").
    """
    with store.engine.connect() as conn:
        where: list[Any] = []
        if act:
            where.append(allegations.c.act == act)
        if actor:
            where.append(allegations.c.id.in_(entity_filter(conn, "perpetrator", actor)))
        if place:
            where.append(allegations.c.id.in_(entity_filter(conn, "place", place)))
        if grade:
            where.append(grade_filter(grade))
        order = [allegations.c.reports.desc(), allegations.c.position]
        total, rows = page(conn, allegations, where, order, limit=limit, offset=offset)
        return total, allegation_models(conn, rows)


@dataclass
class AllegationRecord:
    """An allegation with everything needed to show its evidence tree."""

    allegation: Allegation
    lines: list[EvidenceLine] = field(default_factory=list)
    claims: dict[str, Claim] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    links: list[ArticleLink] = field(default_factory=list)


def get_allegation(store: Store, allegation_id: str) -> AllegationRecord | None:
    """One allegation with its lines of evidence, claims, reports and the links among them."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(allegations).where(allegations.c.id == allegation_id)).first()
        if row is None:
            return None
        (allegation,) = allegation_models(conn, [row])
        lines = [
            EvidenceLine(
                id=r.id,
                allegation_id=r.allegation_id,
                root_source=Source(r.root_name, r.root_kind) if r.root_kind else None,
                claim_ids=r.claim_ids,
                article_ids=r.article_ids,
                reason=r.reason,
                reliability=r.reliability,
            )
            for r in conn.execute(
                sa.select(evidence_lines)
                .where(evidence_lines.c.allegation_id == allegation_id)
                .order_by(evidence_lines.c.position)
            )
        ]
    found = {c.id: c for a in allegation.article_ids for c in store.claims_for_article(a)}
    with store.engine.connect() as conn:
        links = [
            ArticleLink(r.source_article, r.target_article, r.kind, r.score)
            for r in conn.execute(
                sa.select(article_links).where(
                    article_links.c.source_article.in_(allegation.article_ids),
                    article_links.c.target_article.in_(allegation.article_ids),
                )
            )
        ]
    arts = {a.id: a for a in store.iter_articles(allegation.article_ids)}
    return AllegationRecord(
        allegation=allegation,
        lines=lines,
        claims={c: found[c] for c in allegation.claim_ids if c in found},
        articles=arts,
        links=sorted(links, key=lambda x: (x.source_article, x.target_article, x.kind)),
    )


def find_allegation_id(store: Store, prefix: str) -> str | None:
    """The full id of the one allegation whose id starts with ``prefix`` (ids are long)."""
    with store.engine.connect() as conn:
        found = list(
            conn.execute(
                sa.select(allegations.c.id).where(allegations.c.id.like(f"{prefix}%")).limit(2)
            ).scalars()
        )
    return found[0] if len(found) == 1 else None


def entity_names(store: Store) -> dict[str, str]:
    """Entity id -> name (for displays that hold only ids)."""
    with store.engine.connect() as conn:
        return {r.id: r.name for r in conn.execute(sa.select(entities.c.id, entities.c.name))}


__all__ = [
    "AllegationRecord",
    "entity_names",
    "find_allegation_id",
    "get_allegation",
    "list_allegations",
    "load_corpus",
    "save_graph",
]


def claims_of(store: Store, allegation_ids: list[str]) -> dict[str, list[Claim]]:
    """The claims of each allegation, in allegation order, read in two queries."""
    if not allegation_ids:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(claims, allegation_claims.c.allegation_id)
            .join(allegation_claims, allegation_claims.c.claim_id == claims.c.id)
            .where(allegation_claims.c.allegation_id.in_(allegation_ids))
            .order_by(allegation_claims.c.allegation_id, allegation_claims.c.position)
        ).all()
        chains: dict[str, list[Source]] = defaultdict(list)
        for r in conn.execute(
            sa.select(claim_sources)
            .where(claim_sources.c.claim_id.in_([r.id for r in rows]))
            .order_by(claim_sources.c.claim_id, claim_sources.c.position)
        ):
            chains[r.claim_id].append(Source(r.name, r.kind))
    result: dict[str, list[Claim]] = defaultdict(list)
    for row in rows:
        data = {k: v for k, v in row._mapping.items() if k not in {"pk", "allegation_id"}}
        result[row.allegation_id].append(Claim(**data, sources=chains[row.id]))
    return dict(result)


def allegation_json(allegation: Allegation, found: list[Claim]) -> dict[str, Any]:
    """The JSON shape of an allegation, shared by ``clew allegations --format json`` and the API."""
    return {
        "id": allegation.id,
        "act": allegation.act,
        "perpetrators": allegation.perpetrators,
        "victims": allegation.victims,
        "places": allegation.places,
        "reports": allegation.reports,
        "independent_lines": allegation.independent_lines,
        "root_sources": [s.to_dict() for s in allegation.root_sources],
        "echoes": allegation.echoes,
        "denials": allegation.denials,
        "grade": allegation.grade,
        "rationale": allegation.rationale,
        "first_reported": allegation.first_reported,
        "last_reported": allegation.last_reported,
        "related": allegation.related_ids,
        "claims": [
            {
                "id": c.id,
                "article_id": c.article_id,
                "sentence": c.text,
                "modality": c.modality,
                "sources": [s.to_dict() for s in c.sources],
            }
            for c in found
        ],
    }


def record_json(record: AllegationRecord) -> dict[str, Any]:
    """An allegation with its evidence tree: lines of evidence -> reports -> sentences."""
    data = allegation_json(record.allegation, list(record.claims.values()))
    data["lines"] = [
        {
            "id": line.id,
            "root_source": line.root_source.to_dict() if line.root_source else None,
            "reliability": line.reliability,
            "reason": line.reason,
            "reports": [
                {
                    "article_id": article_id,
                    "outlet": record.articles[article_id].outlet
                    if article_id in record.articles
                    else None,
                    "title": record.articles[article_id].title
                    if article_id in record.articles
                    else None,
                    "published": record.articles[article_id].published
                    if article_id in record.articles
                    else None,
                    "sentences": [
                        record.claims[c].text
                        for c in line.claim_ids
                        if c in record.claims and record.claims[c].article_id == article_id
                    ],
                }
                for article_id in line.article_ids
            ],
        }
        for line in record.lines
    ]
    data["denied_by"] = [
        {
            "article_id": c.article_id,
            "sentence": c.text,
            "sources": [s.to_dict() for s in c.sources],
        }
        for c in record.claims.values()
        if c.modality == "denied"
    ]
    data["links"] = [
        {"source": x.source_article, "target": x.target_article, "kind": x.kind, "score": x.score}
        for x in record.links
    ]
    return data
