from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import URL, Connection, text

from sitrep.errors import SitrepError, StoreError
from sitrep.model import Analysis
from sitrep.store import Store, db, schema
from sitrep.store.db import database_url, day_bounds

from .conftest import DEPLOYMENT_ID as D
from .conftest import SHELLING_ID as S
from .conftest import TALKS_ID as T

ALL_EVENTS = [(D, "e1"), (D, "e2"), (S, "e1"), (S, "e2"), (T, "e1"), (T, "e2")]


def _nothing_stored(store: Store) -> bool:
    """Every table empty but the single link_state row, whose seq is back at 0."""
    counts = store.counts()
    with store.engine.connect() as conn:
        seq = conn.scalar(text("SELECT next_seq FROM link_state"))
    return counts.pop("link_state") == 1 and set(counts.values()) == {0} and seq == 0


def _keys(rows: list[dict]) -> list[tuple[str, str]]:
    return [(row["article_id"], row["event_id"]) for row in rows]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_store_get_returns_the_added_analysis_exactly(
    store: Store, analyses: list[Analysis], index: int
) -> None:
    original = analyses[index]
    stored = store.get(original.id)
    assert stored == original
    assert stored.model_dump_json() == original.model_dump_json()


def test_store_get_survives_reopening(store: Store, analyses: list[Analysis], store_url: str) -> None:
    store.close()
    with Store.open(store_url) as reopened:
        assert reopened.get(D) == analyses[0]


def test_store_add_returns_true_then_false(empty_store: Store, analyses: list[Analysis]) -> None:
    assert empty_store.add(analyses[0]) is True
    assert empty_store.add(analyses[0]) is False


def test_store_add_twice_changes_no_row(store: Store, analyses: list[Analysis]) -> None:
    before = store.counts()
    changed = analyses[0].model_copy(update={"text": "a different text under the same id"})
    assert [store.add(a) for a in [*analyses, changed]] == [False, False, False, False]
    assert store.counts() == before
    assert store.get(D).text == analyses[0].text


def test_store_add_losing_a_race_returns_false(
    store: Store, analyses: list[Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []
    real_has = db._has

    def has_after_first_miss(conn: Connection, article_id: str) -> bool:
        calls.append(bool(calls) and real_has(conn, article_id))  # the first check misses the row
        return calls[-1]

    monkeypatch.setattr(db, "_has", has_after_first_miss)
    before = store.counts()
    assert store.add(analyses[0]) is False
    assert calls == [False, True]  # the insert collided, then the re-check found the article
    assert store.counts() == before


def test_store_counts_every_table(store: Store) -> None:
    assert store.counts() == {
        "articles": 3, "actors": 10, "events": 6, "participants": 12, "quotes": 1, "places": 1, "times": 1,
        "link_state": 1, "signatures": 3, "duplicates": 0, "stories": 3, "story_keys": 9, "story_articles": 3,
        "merged_events": 6, "mentions": 6, "seen_items": 0, "source_states": 0,
    }


@pytest.mark.parametrize(
    ("article_id", "expected"), [(D, True), (T, True), (D[:8], False), ("0" * 16, False)]
)
def test_store_has_needs_the_exact_id(store: Store, article_id: str, expected: bool) -> None:
    assert store.has(article_id) is expected


@pytest.mark.parametrize(("prefix", "expected"), [(D[:7], D), (S[:7], S), (T[:6], T), (T[:10], T)])
def test_store_get_accepts_a_unique_prefix(store: Store, prefix: str, expected: str) -> None:
    assert store.get(prefix).id == expected


@pytest.mark.parametrize("article_id", ["0" * 16, T[:5], D[:7].upper(), "7c1f0a%", "e04b6_"])
def test_store_get_unknown_raises_e401(store: Store, article_id: str) -> None:
    with pytest.raises(StoreError) as info:
        store.get(article_id)
    assert info.value.code == "E401"
    assert info.value.fields["aid"] == article_id


def test_store_get_ambiguous_prefix_raises_e403(store: Store) -> None:
    with pytest.raises(StoreError) as info:
        store.get(D[:6])
    assert info.value.code == "E403"
    assert D in str(info.value) and S in str(info.value)


def test_store_events_lists_all_in_date_order(store: Store) -> None:
    assert _keys(store.events()) == ALL_EVENTS


def test_store_events_orders_by_position_not_id_text(empty_store: Store, analyses: list[Analysis]) -> None:
    talks = analyses[2]
    renamed = [event.model_copy(update={"id": f"e{n}"}) for n, event in zip((9, 10), talks.events)]
    empty_store.add(talks.model_copy(update={"events": renamed}))
    assert _keys(empty_store.events()) == [(T, "e9"), (T, "e10")]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "PRK"}, [(D, "e1"), (D, "e2")]),
        ({"actor": "RUS"}, [(D, "e1"), (S, "e1"), (S, "e2")]),
        ({"actor": "IRN"}, [(T, "e1")]),
        ({"actor": "PR"}, []),
        ({"cameo": "19"}, [(S, "e1"), (T, "e2")]),
        ({"cameo": "1"}, [(D, "e2"), (S, "e1"), (S, "e2"), (T, "e2")]),
        ({"cameo": "072"}, [(D, "e1")]),
        ({"cameo": "0721"}, []),
        ({"since": "2024-11"}, [(S, "e1"), (S, "e2"), (T, "e1")]),
        ({"since": "2024-12-15"}, [(T, "e1")]),
        ({"until": "2024-10"}, [(D, "e1"), (D, "e2")]),
        ({"until": "2024"}, ALL_EVENTS[:5]),
        ({"since": "2024-10-20", "until": "2024-10-20"}, [(D, "e1")]),
        ({"since": "2024-10-21", "until": "2024-10-23"}, []),
        ({"actor": "RUS", "cameo": "1", "since": "2024-11-02"}, [(S, "e2")]),
        ({"actor": "UKR", "until": "2024-11-01"}, [(D, "e2"), (S, "e1")]),
        ({"limit": 2}, ALL_EVENTS[:2]),
    ],
)
def test_store_events_filters(store: Store, filters: dict, expected: list[tuple[str, str]]) -> None:
    assert _keys(store.events(**filters)) == expected


@pytest.mark.parametrize(
    ("name", "value"), [("since", "2024-13"), ("until", "yesterday"), ("since", "2024-02-30")]
)
def test_store_events_bad_date_raises_e404(store: Store, name: str, value: str) -> None:
    with pytest.raises(SitrepError) as info:
        store.events(**{name: value})
    assert info.value.code == "E404"


def test_store_events_row_carries_listing_fields(store: Store, analyses: list[Analysis]) -> None:
    row = store.events(actor="PRK", cameo="072")[0]
    event = analyses[0].events[0]
    assert row | {"event": None} == {
        "article_id": D, "publisher": "Example Wire", "published": "2024-10-24", "event_id": "e1",
        "merged_id": row["merged_id"], "sentence": 0,
        "sentence_text": "North Korea has sent about 10,000 troops to Russia, the Pentagon said on Wednesday.",
        "date": "2024-W42", "date_start": "2024-10-14", "date_end": "2024-10-20", "date_precision": "week",
        "cameo": "072", "cameo_name": "Provide military aid", "goldstein": 8.3, "quad_class": 2,
        "plover_type": "AID", "acled_event_type": "Strategic developments",
        "source_codes": ["PRK"], "target_codes": ["RUS"], "source_sectors": ["MIL"], "target_sectors": [],
        "trigger": "sent", "modality": "asserted", "negated": False, "hedged": True, "confidence": 0.8,
        "location": "Russia", "country": "RUS", "lat": 60.0, "lon": 100.0, "event": None,
    }
    assert row["event"] == event.model_dump(mode="json")
    assert row["merged_id"].startswith("m")


def test_store_events_row_joins_several_codes_once(store: Store) -> None:
    row = store.events(cameo="036")[0]
    assert (row["source_codes"], row["target_codes"]) == (["USA", "IRN"], ["IRN", "USA"])


def test_store_articles_lists_metadata_in_date_order(store: Store) -> None:
    listing = store.articles()
    assert [(r["id"], r["published"], r["n_events"]) for r in listing] == [
        (D, "2024-10-24", 2), (S, "2024-11-02", 2), (T, None, 2),
    ]
    assert listing[0]["input_id"] == "deployment.txt" and listing[0]["truncated"] is True
    assert all(row["ingested_at"].tzinfo == UTC for row in listing)
    assert [r["id"] for r in store.articles(limit=1)] == [D]


@pytest.mark.parametrize("duplicated", ["actors", "events"])
def test_store_add_rejected_rows_leave_no_partial_article(
    empty_store: Store, analyses: list[Analysis], duplicated: str
) -> None:
    broken = analyses[0].model_copy(update={duplicated: [*getattr(analyses[0], duplicated)] * 2})
    with pytest.raises(StoreError) as info:
        empty_store.add(broken)
    assert info.value.code == "E405"
    assert not empty_store.has(D)
    assert _nothing_stored(empty_store)
    assert empty_store.add(analyses[0]) is True


def test_store_add_crash_mid_transaction_rolls_back(
    empty_store: Store, analyses: list[Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(_analysis: Analysis) -> list[dict]:
        raise RuntimeError("worker died")

    monkeypatch.setattr(db, "_WRITERS", (*db._WRITERS, (schema.times, crash)))
    with pytest.raises(RuntimeError):
        empty_store.add(analyses[0])
    assert not empty_store.has(D)
    assert _nothing_stored(empty_store)


@pytest.mark.parametrize(
    ("pragma", "expected"), [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 5000)]
)
def test_store_sets_sqlite_pragmas(tmp_path: Path, pragma: str, expected: object) -> None:
    with Store.open(tmp_path / "sitrep.db") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected


def test_store_open_unreachable_file_raises_e402(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path / "missing-dir" / "sitrep.db")
    assert info.value.code == "E402"


@pytest.mark.parametrize(
    ("given", "backend", "database"),
    [
        (Path("data/sitrep.db"), "sqlite", "data/sitrep.db"),
        ("data/sitrep.db", "sqlite", "data/sitrep.db"),
        ("sqlite:///other.db", "sqlite", "other.db"),
        ("postgresql+psycopg://user:secret@localhost/sitrep", "postgresql", "sitrep"),
    ],
)
def test_database_url_reads_paths_and_urls(given: str | Path, backend: str, database: str) -> None:
    url: URL = database_url(given)
    assert (url.get_backend_name(), url.database) == (backend, database)


def test_store_open_unknown_revision_raises_e402(empty_store: Store, store_url: str) -> None:
    with empty_store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    empty_store.close()
    with pytest.raises(StoreError) as info:
        Store.open(store_url)
    assert info.value.code == "E402" and "9999" in str(info.value)


def test_store_open_unusable_url_raises_e402_without_password() -> None:
    with pytest.raises(StoreError) as info:
        Store.open("postgresql+psycopg://user:secret@127.0.0.1:1/sitrep")
    assert info.value.code == "E402"
    assert "secret" not in str(info.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", ("2024-01-01", "2024-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-02", ("2023-02-01", "2023-02-28")),
        ("2024-10-24", ("2024-10-24", "2024-10-24")),
    ],
)
def test_day_bounds_expands_partial_dates(value: str, expected: tuple[str, str]) -> None:
    assert day_bounds(value, "since") == expected
