"""Everything that differs between database engines lives here, one module per dialect.

The rest of the store speaks SQLAlchemy Core only. A dialect module provides:
``configure(engine)`` (connection settings), ``create_fulltext(conn)`` / ``drop_fulltext(conn)``
(called by migrations), ``index_claims(conn, claim_ids)`` and ``search(conn, query, limit)``.
"""

from __future__ import annotations

from types import ModuleType

from clew.errors import StoreError


def for_name(name: str) -> ModuleType:
    """The dialect module for an SQLAlchemy dialect name ("sqlite", "postgresql" …)."""
    if name == "sqlite":
        from clew.store.dialects import sqlite

        return sqlite
    raise StoreError(
        f"the {name!r} database engine is not supported yet; use SQLite (the default, "
        "a file clew.db in the workspace)"
    )
