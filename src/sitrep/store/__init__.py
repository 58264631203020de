"""Keeping analyses in a database: SQLite by default, PostgreSQL through the same migrations.

Docs: docs/store.md
"""

from sitrep.store.db import Store

__all__ = ["Store"]
