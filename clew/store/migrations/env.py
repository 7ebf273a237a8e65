"""Alembic's entry point. clew runs migrations itself (``Store.migrate``) on a connection it
already configured, so this file only hands that connection to Alembic; there is no alembic.ini.
"""

from __future__ import annotations

from alembic import context

from clew.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
