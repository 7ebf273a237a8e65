"""The read queries behind the allegation lists and the overview, and the victims' names
that every page masks.

Pages list up to a thousand allegations at once, so lists are read in a fixed handful of queries
whatever their length (never one query per row); one allegation comes from
:mod:`clew.store.graph`, one report, entity or the sources from :mod:`clew.serve.records`.
Nothing here knows about HTML: the JSON twins and the templates read the same results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clew.model import Allegation, Claim, Entity, Mention
from clew.privacy import mask, victim_names
from clew.store import Store, graph
from clew.store.store import page
from clew.store.tables import (
    allegation_claims,
    allegation_entities,
    allegations,
    articles,
    claims,
    entities,
    mentions,
)

# Sort keys a user can pick on the allegations page -> the columns they order by.
SORTS: dict[str, tuple[Any, ...]] = {
    "reports": (allegations.c.reports,),
    "lines": (allegations.c.independent_lines,),
    "grade": (allegations.c.reliability, allegations.c.credibility),
    "first": (allegations.c.first_reported,),
    "last": (allegations.c.last_reported,),
    "act": (allegations.c.act,),
}
DEFAULT_SORT = "-reports"


@dataclass
class AllegationFilter:
    """What the allegations page and its JSON twin can narrow the list by; empty means all."""

    act: str | None = None
    actor: str | None = None
    place: str | None = None
    country: str | None = None
    grade: str | None = None
    modality: str | None = None
    since: str | None = None  # ISO date: last reported on or after
    until: str | None = None  # ISO date: first reported on or before
    q: str | None = None  # words in the evidence sentences, actors or places
    sort: str = DEFAULT_SORT

    def params(self) -> dict[str, str]:
        """The filters that are set, as query parameters (for links that keep them)."""
        return {
            k: v for k, v in vars(self).items() if v and not (k == "sort" and v == DEFAULT_SORT)
        }


def with_claims(*conditions: Any) -> Any:
    """Ids of the allegations with a claim that meets ``conditions``."""
    return (
        sa.select(allegation_claims.c.allegation_id)
        .join(claims, claims.c.id == allegation_claims.c.claim_id)
        .where(*conditions)
    )


def _where(conn: Connection, f: AllegationFilter) -> list[Any]:
    where: list[Any] = []
    if f.act:
        where.append(allegations.c.act == f.act)
    if f.actor:
        where.append(allegations.c.id.in_(graph.entity_filter(conn, "perpetrator", f.actor)))
    if f.place:
        where.append(allegations.c.id.in_(graph.entity_filter(conn, "place", f.place)))
    if f.country:
        in_country = sa.select(entities.c.id).where(entities.c.country == f.country.upper())
        where.append(
            allegations.c.id.in_(
                sa.select(allegation_entities.c.allegation_id).where(
                    allegation_entities.c.role == "place",
                    allegation_entities.c.entity_id.in_(in_country),
                )
            )
        )
    if f.grade:
        where.append(graph.grade_filter(f.grade))
    if f.modality:
        where.append(allegations.c.id.in_(with_claims(claims.c.modality == f.modality)))
    if f.since:
        where.append(allegations.c.last_reported >= f.since)
    if f.until:
        # A partial date ("2025-03") must include the whole month: compare on its prefix.
        where.append(sa.func.substr(allegations.c.first_reported, 1, len(f.until)) <= f.until)
    if f.q:
        pattern = f"%{f.q.strip().lower()}%"
        where.append(
            sa.or_(
                allegations.c.id.in_(with_claims(sa.func.lower(claims.c.text).like(pattern))),
                sa.func.lower(sa.cast(allegations.c.perpetrators, sa.Text)).like(pattern),
                sa.func.lower(sa.cast(allegations.c.places, sa.Text)).like(pattern),
            )
        )
    return where


def _order(sort: str) -> list[Any]:
    key = sort.lstrip("-")
    columns = SORTS.get(key, SORTS["reports"])
    descending = sort.startswith("-")
    ordered = [c.desc().nulls_last() if descending else c.asc().nulls_last() for c in columns]
    return [*ordered, allegations.c.position]


def allegation_models(conn: Connection, rows: Sequence[Any]) -> list[Allegation]:
    """Rows of the allegations table as Allegations for a page that lists them: their claims
    are read apart, and only for the page's rows (see with_claims)."""
    return graph.allegation_models(conn, rows, with_claims=False)


def list_allegations(
    store: Store, f: AllegationFilter, *, limit: int = 50, offset: int = 0
) -> tuple[int, list[Allegation]]:
    """One page of the allegations that match ``f``, in its order, and how many match in all."""
    with store.engine.connect() as conn:
        where = _where(conn, f)
        total, rows = page(conn, allegations, where, _order(f.sort), limit=limit, offset=offset)
        return total, allegation_models(conn, rows)


class Masker:
    """:func:`clew.privacy.mask` with one workspace's victims' names, as a function of the text.

    A page masks every name, title and sentence it shows, thousands on a long list; a text
    that holds no word of any victim's name is returned as it is without building the pattern.
    """

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.words = {word for name in names for word in name.split()}

    def __call__(self, text: str) -> str:
        if not any(word in text for word in self.words):
            return text
        return mask(text, self.names)

    def json(self, value: Any) -> Any:
        """A JSON body with every string in it masked (ids hold no names, so are unchanged)."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.json(v) for v in value]
        if isinstance(value, dict):
            return {k: self.json(v) for k, v in value.items()}
        return value


def allegations_by_id(store: Store, ids: list[str]) -> list[Allegation]:
    """The allegations of ``ids`` that exist, most reports first."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(allegations)
            .where(allegations.c.id.in_(ids))
            .order_by(allegations.c.reports.desc(), allegations.c.position)
        ).all()
        return allegation_models(conn, rows)


def masker(store: Store) -> Masker:
    return Masker(masked_names(store))


def masked_names(store: Store) -> set[str]:
    """Every victim's name in the workspace: a name masked on one page is masked on all."""
    with store.engine.connect() as conn:
        phrases = [
            Claim(article_id="", act="", text="", start=0, end=0, victims=list(v))
            for v in conn.execute(
                sa.select(claims.c.victims).where(sa.cast(claims.c.victims, sa.Text) != "[]")
            ).scalars()
        ]
        people = [
            Mention(article_id="", text=t, label="person", start=0, end=0)
            for t in conn.execute(
                sa.select(mentions.c.text).where(mentions.c.label == "person").distinct()
            ).scalars()
        ]
    return victim_names(phrases, people)


def choices(store: Store) -> dict[str, list[str]]:
    """The values the filter menus offer: acts, grades and countries that occur."""
    with store.engine.connect() as conn:
        return {
            "acts": list(
                conn.execute(sa.select(allegations.c.act).distinct().order_by(allegations.c.act))
                .scalars()
                .all()
            ),
            "grades": [
                g
                for g in conn.execute(
                    sa.select(allegations.c.grade).distinct().order_by(allegations.c.grade)
                ).scalars()
                if g
            ],
            "countries": [
                c
                for c in conn.execute(
                    sa.select(entities.c.country).distinct().order_by(entities.c.country)
                ).scalars()
                if c
            ],
        }


# --- overview ------------------------------------------------------------------------------


def overview(store: Store, newest: int = 8, top_sources: int = 10) -> dict[str, Any]:
    """The corpus at a glance: counts, allegations by act and grade, newest, most-cited roots."""
    with store.engine.connect() as conn:

        def count(table: sa.Table) -> int:
            return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

        by_act = conn.execute(
            sa.select(allegations.c.act, sa.func.count())
            .group_by(allegations.c.act)
            .order_by(sa.func.count().desc(), allegations.c.act)
        ).all()
        by_grade = conn.execute(
            sa.select(allegations.c.reliability, allegations.c.credibility, sa.func.count())
            .group_by(allegations.c.reliability, allegations.c.credibility)
            .order_by(allegations.c.reliability, allegations.c.credibility)
        ).all()
        newest_rows = conn.execute(
            sa.select(allegations)
            .order_by(allegations.c.last_reported.desc().nulls_last(), allegations.c.position)
            .limit(newest)
        ).all()
        roots: Counter[tuple[str, str]] = Counter()
        for found in conn.execute(sa.select(allegations.c.root_sources)).scalars():
            for s in found:
                roots[(s["name"], s["kind"])] += 1
        months = conn.execute(
            sa.select(sa.func.substr(articles.c.published, 1, 7).label("month"), sa.func.count())
            .where(sa.func.length(articles.c.published) >= 7)
            .group_by("month")
            .order_by("month")
        ).all()
        accused = conn.execute(
            sa.select(entities.c.id, entities.c.name, sa.func.count())
            .join(allegation_entities, allegation_entities.c.entity_id == entities.c.id)
            .where(allegation_entities.c.role == "perpetrator")
            .group_by(entities.c.id, entities.c.name)
            .order_by(sa.func.count().desc(), entities.c.name)
            .limit(top_sources)
        ).all()
        outlets = conn.execute(
            sa.select(sa.func.count(sa.distinct(articles.c.outlet)))
        ).scalar_one()
        return {
            "reports": count(articles),
            "outlets": int(outlets),
            "claims": count(claims),
            "allegations": count(allegations),
            "entities": count(entities),
            "by_act": [{"act": a, "allegations": n} for a, n in by_act],
            "by_grade": [
                {"grade": f"{r}{c}" if r else None, "allegations": n} for r, c, n in by_grade
            ],
            "newest": allegation_models(conn, newest_rows),
            "root_sources": [
                {"name": name, "kind": kind, "allegations": n}
                for (name, kind), n in sorted(roots.items(), key=lambda x: (-x[1], x[0]))[
                    :top_sources
                ]
            ],
            "months": [{"month": m, "reports": n} for m, n in months],
            "accused": [{"id": i, "name": name, "allegations": n} for i, name, n in accused],
        }


def entities_by_id(store: Store, ids: list[str]) -> dict[str, Entity]:
    with store.engine.connect() as conn:
        return {
            r.id: Entity(**dict(r._mapping))
            for r in conn.execute(sa.select(entities).where(entities.c.id.in_(ids)))
        }
