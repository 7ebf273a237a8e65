"""SQLite specifics: WAL journal, foreign keys, and FTS5 full-text indexes.

The FTS tables are external-content indexes kept in step by triggers, so the text is stored
once and an article or claim is searchable the moment its row is committed.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine


def configure(engine: Engine) -> None:
    """Turn on what clew relies on for every new connection.

    WAL lets the web server read while an ingest writes; ``synchronous=NORMAL`` is safe under
    WAL (a power cut may lose the last commits, never corrupt the file) and makes per-article
    commits cheap, which is what makes a killed ingest resumable at article granularity.
    """

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


_FTS = {
    "articles_fts": ("articles", ["title", "text"]),
    "claims_fts": ("claims", ["text"]),
}


def create_fulltext(conn: Connection) -> None:
    for fts, (table, columns) in _FTS.items():
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            "content_rowid='pk', tokenize='unicode61 remove_diacritics 2')"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.pk, {new}); END"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.pk, {old}); END"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.pk, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.pk, {new}); END"
        )


def drop_fulltext(conn: Connection) -> None:
    for fts in _FTS:
        for suffix in ("ai", "ad", "au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}")


def fts_query(text: str) -> str:
    """Turn what a user typed into an FTS5 query: every word must appear, quotes kept as phrases.

    Users type prose, not FTS5 syntax; unbalanced quotes or a stray ``AND`` would otherwise be a
    syntax error. Each bare word becomes a quoted token, each quoted phrase stays a phrase.
    """
    parts: list[str] = []
    for i, chunk in enumerate(text.split('"')):
        if i % 2:
            if chunk.strip():
                parts.append('"' + chunk.strip() + '"')
        else:
            parts.extend('"' + w + '"' for w in chunk.split() if w.strip('"'))
    return " ".join(parts)


def search(conn: Connection, text: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Articles and claims matching ``text``, best first, each with a highlighted snippet."""
    query = fts_query(text)
    if not query:
        return {"articles": [], "claims": []}
    articles = conn.exec_driver_sql(
        "SELECT a.id, a.title, a.outlet, a.published, "
        "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
        "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    )
    claims = conn.exec_driver_sql(
        "SELECT c.id, c.article_id, c.act, c.modality, "
        "snippet(claims_fts, 0, '[', ']', '…', 16) AS snippet "
        "FROM claims_fts JOIN claims c ON c.pk = claims_fts.rowid "
        "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    )
    return {
        "articles": [dict(row._mapping) for row in articles],
        "claims": [dict(row._mapping) for row in claims],
    }


def insert_ignore(table: sa.Table) -> Any:
    """An INSERT that does nothing when the row's key already exists (idempotent re-runs)."""
    from sqlalchemy.dialects.sqlite import insert

    return insert(table).on_conflict_do_nothing()
