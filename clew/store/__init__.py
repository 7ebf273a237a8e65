"""The workspace database (SQLite by default, through SQLAlchemy Core and Alembic)."""

from clew.store.store import DB_FILENAME, Store, workspace_url

__all__ = ["DB_FILENAME", "Store", "workspace_url"]
