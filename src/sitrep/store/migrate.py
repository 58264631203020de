"""Run the packaged Alembic migrations from code, so users never need an alembic.ini.

Docs: docs/store.md
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str, connection: Connection | None = None) -> Config:
    """Build the Alembic configuration for the packaged migrations.

    Args:
        url: SQLAlchemy URL of the database (used by the Alembic command line and offline mode).
        connection: an open connection for the migrations to run on, with the store's pragmas.

    Returns:
        A Config usable with any `alembic.command` function.

    Docs: docs/store.md
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, url: str, revision: str = "head") -> None:
    """Bring the database behind `connection` up to `revision` (default: the newest)."""
    command.upgrade(alembic_config(url, connection), revision)


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None when it was never migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The newest revision the packaged migrations know."""
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()
