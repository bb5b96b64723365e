"""Alembic environment: always driven programmatically with a live connection (see db/migrate.py)."""

from __future__ import annotations

from alembic import context

import interface_desktop.db.models  # noqa: F401 - registers every table on the metadata
from interface_desktop.db.base import Base
from interface_desktop.db.sqlite_adapter import include_in_autogenerate


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_in_autogenerate,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
