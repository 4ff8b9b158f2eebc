"""Alembic environment of the hub schema: runs on the connection handed over by sync.hub."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=None,
    version_table=context.config.attributes["version_table"],
)
with context.begin_transaction():
    context.run_migrations()
