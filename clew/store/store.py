"""The workspace database: one class that stages and the server read and write through.

Every write is its own short transaction, committed before the next input is read, so a
killed run leaves only whole articles behind and re-running the same command completes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from clew.errors import StoreError
from clew.model import Article, Claim, Failure, Mention, Source
from clew.store import dialects
from clew.store.tables import (
    article_locations,
    articles,
    claim_sources,
    claims,
    ingest_failures,
    mentions,
)

MIGRATIONS = Path(__file__).parent / "migrations"
DB_FILENAME = "clew.db"

_ARTICLE_FIELDS = ("id", "ref", "title", "url", "outlet", "byline", "published", "language", "text")


def workspace_url(workspace: Path) -> str:
    """The SQLite URL of a workspace folder's database, creating the folder if needed."""
    workspace.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(workspace / DB_FILENAME).resolve()}"


def page(
    conn: Connection,
    table: sa.Table,
    where: Sequence[Any],
    order_by: Sequence[Any],
    *,
    limit: int,
    offset: int,
) -> tuple[int, Sequence[sa.Row[Any]]]:
    """How many rows of ``table`` match ``where`` in all, and one page of them in order: what
    every paged list (CLI, pages, JSON) shows."""
    total = conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one()
    rows = conn.execute(
        sa.select(table).where(*where).order_by(*order_by).limit(limit).offset(offset)
    ).all()
    return total, rows


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """A migrated clew database."""

    def __init__(self, url: str) -> None:
        try:
            self.engine: Engine = sa.create_engine(url)
        except (sa.exc.ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open database {url!r}: {exc}; check --database") from exc
        self.dialect = dialects.for_name(self.engine.dialect.name)
        self.dialect.configure(self.engine)

    @classmethod
    def open(cls, url: str) -> Store:
        """Open a database and bring its schema up to date."""
        store = cls(url)
        store.migrate()
        return store

    def _alembic_config(self, conn: Connection) -> Config:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        return config

    def migrate(self, revision: str = "head") -> None:
        """Apply every migration up to ``revision``; a no-op on an up-to-date database."""
        try:
            with self.engine.begin() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
                head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
                if revision == "head" and current == head:
                    return
                command.upgrade(self._alembic_config(conn), revision)
        except sa.exc.OperationalError as exc:
            raise StoreError(
                f"cannot open or migrate the database at {self.engine.url!r}: {exc.orig}; "
                "check that the workspace folder is writable and not on a read-only disk"
            ) from exc

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    # --- articles -------------------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Store an article and its locations; True if its text was new to the workspace."""
        now = _now()
        with self.engine.begin() as conn:
            row = {f: getattr(article, f) for f in _ARTICLE_FIELDS}
            inserted = conn.execute(
                self.dialect.insert_ignore(articles).values(
                    **row, ingested_at=now, extracted_with=None
                )
            ).rowcount
            if not inserted:
                self._fill_missing_metadata(conn, article)
            for location in article.locations:
                conn.execute(
                    self.dialect.insert_ignore(article_locations).values(
                        article_id=article.id, location=location, first_seen=now
                    )
                )
            if article.locations:
                conn.execute(
                    ingest_failures.delete().where(
                        ingest_failures.c.location.in_(article.locations)
                    )
                )
        return bool(inserted)

    def _fill_missing_metadata(self, conn: Connection, article: Article) -> None:
        """A duplicate seen again may carry what the first copy lacked (a URL, a date)."""
        stored = conn.execute(sa.select(articles).where(articles.c.id == article.id)).one()
        updates = {
            f: getattr(article, f)
            for f in _ARTICLE_FIELDS
            if f not in {"id", "text"} and getattr(stored, f) is None and getattr(article, f)
        }
        if updates:
            conn.execute(articles.update().where(articles.c.id == article.id).values(**updates))

    def record_failure(self, failure: Failure) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                ingest_failures.delete().where(ingest_failures.c.location == failure.location)
            )
            conn.execute(
                ingest_failures.insert().values(
                    location=failure.location, reason=failure.reason, seen_at=_now()
                )
            )

    def failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(ingest_failures).order_by(ingest_failures.c.location))
            return [Failure(r.location, r.reason) for r in rows]

    def has_location(self, location: str) -> bool:
        with self.engine.connect() as conn:
            query = sa.select(article_locations.c.article_id).where(
                article_locations.c.location == location
            )
            return conn.execute(query.limit(1)).first() is not None

    def _article_from_row(self, conn: Connection, row: Any) -> Article:
        locations = conn.execute(
            sa.select(article_locations.c.location)
            .where(article_locations.c.article_id == row.id)
            .order_by(article_locations.c.first_seen, article_locations.c.location)
        ).scalars()
        return Article(**{f: getattr(row, f) for f in _ARTICLE_FIELDS}, locations=list(locations))

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
            return self._article_from_row(conn, row) if row else None

    def list_articles(
        self, *, limit: int = 50, offset: int = 0, outlet: str | None = None
    ) -> tuple[int, list[Article]]:
        """One page of articles, newest first (undated last), and the total that match."""
        where = [] if outlet is None else [articles.c.outlet == outlet]
        with self.engine.connect() as conn:
            order = [articles.c.published.desc().nulls_last(), articles.c.pk]
            total, rows = page(conn, articles, where, order, limit=limit, offset=offset)
            return total, [self._article_from_row(conn, row) for row in rows]

    def article_ids(self, *, pending_version: str | None = None) -> list[str]:
        """Ids of every article in ingest order; with ``pending_version``, only those not yet
        extracted by that extractor version (what a resumed or re-run extraction must do)."""
        query = sa.select(articles.c.id).order_by(articles.c.pk)
        if pending_version is not None:
            query = query.where(
                sa.or_(
                    articles.c.extracted_with.is_(None),
                    articles.c.extracted_with != pending_version,
                )
            )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def iter_articles(self, ids: Iterable[str], chunk: int = 200) -> Iterator[Article]:
        """The articles of ``ids``, in that order, read a chunk at a time to keep memory flat."""
        batch: list[str] = []
        for article_id in ids:
            batch.append(article_id)
            if len(batch) == chunk:
                yield from self._articles_in_order(batch)
                batch = []
        yield from self._articles_in_order(batch)

    def _articles_in_order(self, ids: list[str]) -> list[Article]:
        if not ids:
            return []
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(articles).where(articles.c.id.in_(ids))).all()
            by_id = {row.id: self._article_from_row(conn, row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    # --- extraction results ---------------------------------------------------------------

    def save_extraction(
        self, article_id: str, found: Iterable[Claim], spans: Iterable[Mention], version: str
    ) -> None:
        """Replace an article's claims and mentions with a new extraction, atomically."""
        with self.engine.begin() as conn:
            conn.execute(claims.delete().where(claims.c.article_id == article_id))
            conn.execute(mentions.delete().where(mentions.c.article_id == article_id))
            for claim in found:
                row = claim.to_dict()
                chain = row.pop("sources")
                conn.execute(claims.insert().values(**row))
                for position, source in enumerate(chain):
                    conn.execute(
                        claim_sources.insert().values(
                            claim_id=claim.id, position=position, **source
                        )
                    )
            for mention in spans:
                conn.execute(self.dialect.insert_ignore(mentions).values(**vars(mention)))
            conn.execute(
                articles.update().where(articles.c.id == article_id).values(extracted_with=version)
            )

    def claims_for_article(self, article_id: str) -> list[Claim]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(claims).where(claims.c.article_id == article_id).order_by(claims.c.start)
            ).all()
            return [self._claim_from_row(conn, row) for row in rows]

    def _claim_from_row(self, conn: Connection, row: Any) -> Claim:
        chain = conn.execute(
            sa.select(claim_sources.c.name, claim_sources.c.kind)
            .where(claim_sources.c.claim_id == row.id)
            .order_by(claim_sources.c.position)
        ).all()
        data = {k: v for k, v in row._mapping.items() if k != "pk"}
        return Claim(**data | {"sources": [Source(name, kind) for name, kind in chain]})

    # --- overview -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table, for ``clew status``."""
        tables = (articles, article_locations, claims, claim_sources, mentions, ingest_failures)
        with self.engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in tables
            }

    def outlet_counts(self) -> list[tuple[str | None, int, int]]:
        """(outlet, articles, claims) per outlet, most articles first."""
        claim_count = (
            sa.select(sa.func.count()).where(claims.c.article_id == articles.c.id).scalar_subquery()
        )
        query = (
            sa.select(articles.c.outlet, sa.func.count(), sa.func.sum(claim_count))
            .group_by(articles.c.outlet)
            .order_by(sa.func.count().desc(), articles.c.outlet)
        )
        with self.engine.connect() as conn:
            return [(o, n, int(c or 0)) for o, n, c in conn.execute(query)]

    def search(self, text: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
        """Full-text search over article and claim text."""
        with self.engine.connect() as conn:
            return self.dialect.search(conn, text, limit)  # type: ignore[no-any-return]
