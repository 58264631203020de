"""Full-text search over stored articles: SQLite FTS5 in an index table the API owns, and
PostgreSQL's own text search.

On SQLite the FTS5 virtual table `api_fts` (title and text, with the article id unindexed) is
created on first search and brought up to date before each search by adding the articles it
does not hold yet (the store never deletes articles). On PostgreSQL the query is a
`websearch_to_tsquery` against the articles' English `tsvector`, ranked with `ts_rank`.
Docs: docs/api.md
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from sitrep.api.errors import ApiError
from sitrep.store import Store

FTS_TABLE = "api_fts"
_CREATE = f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(id UNINDEXED, title, text)"
_SYNC = (f"INSERT INTO {FTS_TABLE}(id, title, text) SELECT a.id, coalesce(a.title, ''), a.text FROM articles a "
         f"WHERE NOT EXISTS (SELECT 1 FROM {FTS_TABLE} f WHERE f.id = a.id)")
_SEARCH = (f"SELECT f.id, a.title, a.publisher, a.published, "
           f"snippet({FTS_TABLE}, 2, '[', ']', '…', 12) AS snippet, bm25({FTS_TABLE}) AS score "
           f"FROM {FTS_TABLE} f JOIN articles a ON a.id = f.id WHERE {FTS_TABLE} MATCH :q "
           f"ORDER BY score, f.id LIMIT :limit")


_DOCUMENT = "to_tsvector('english', coalesce(a.title, '') || ' ' || a.text)"
_PG_SEARCH = (f"SELECT a.id, a.title, a.publisher, a.published, "
              f"ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4') AS snippet, "
              f"-ts_rank({_DOCUMENT}, q) AS score "
              f"FROM articles a, websearch_to_tsquery('english', :q) q WHERE {_DOCUMENT} @@ q "
              f"ORDER BY score, a.id LIMIT :limit")


def search(store: Store, query: str, limit: int) -> list[dict[str, Any]]:
    """Articles matching a full-text query, best first, each with a snippet (matches in [brackets])."""
    backend = store.engine.url.get_backend_name()
    if backend == "postgresql":
        with store.engine.connect() as conn:
            return [dict(row) for row in conn.execute(text(_PG_SEARCH), {"q": query, "limit": limit}).mappings()]
    if backend != "sqlite":
        raise ApiError("E509", http=501, backend=backend)
    with store.engine.begin() as conn:
        _sync(conn)
    try:
        with store.engine.connect() as conn:
            return [dict(row) for row in conn.execute(text(_SEARCH), {"q": query, "limit": limit}).mappings()]
    except OperationalError as exc:
        raise ApiError("E510", query=query, reason=str(exc.orig)) from exc


def _sync(conn: Connection) -> None:
    """Create the index when missing and add every article it lacks."""
    indexed = conn.scalar(text(f"SELECT count(*) FROM {FTS_TABLE}")) if _exists(conn) else None
    if indexed is None:
        conn.execute(text(_CREATE))
        indexed = 0
    if indexed != conn.scalar(text("SELECT count(*) FROM articles")):
        conn.execute(text(_SYNC))


def _exists(conn: Connection) -> bool:
    found = conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE})
    return bool(found)
