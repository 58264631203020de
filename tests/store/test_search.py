"""Full-text search over stored articles answers on both backends (SQLite FTS5, PostgreSQL tsvector)."""

from __future__ import annotations

from sitrep.api.search import search
from sitrep.store import Store

from .conftest import DEPLOYMENT_ID, SHELLING_ID


def test_search_finds_articles_by_their_words(store: Store) -> None:
    found = search(store, "troops", limit=10)
    assert [row["id"] for row in found] == [DEPLOYMENT_ID]
    assert "[" in found[0]["snippet"] and "troops" in found[0]["snippet"].lower()


def test_search_ranks_and_limits(store: Store) -> None:
    assert {row["id"] for row in search(store, "Kharkiv OR troops", limit=10)} >= {SHELLING_ID, DEPLOYMENT_ID}
    assert len(search(store, "Kharkiv OR troops", limit=1)) == 1


def test_search_without_matches_is_empty(store: Store) -> None:
    assert search(store, "zeppelin", limit=10) == []
