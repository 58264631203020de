"""Alembic environment for the sitrep store, driven from code (no alembic.ini needed).

`sitrep.store.migrate.upgrade` passes an open connection in `config.attributes["connection"]`
so migrations run inside the store's own engine (with its SQLite pragmas); the Alembic command
line works too when `sqlalchemy.url` is set. Docs: docs/store.md
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from sitrep.store.schema import metadata


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as new_connection:
        _configure_and_run(new_connection)
    engine.dispose()


def _run_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
else:
    _run_online()
