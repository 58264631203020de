"""Linking inside the store: near-duplicates, stories, merged events, feed state, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from sitrep.errors import SitrepError, StoreError
from sitrep.link.dedup import THRESHOLD
from sitrep.model import Analysis
from sitrep.store import Store, schema

from .conftest import SHELLING_ID, TALKS_ID, linked_corpus

WIRE, COPY_1, COPY_2, OTHER_FIGURE, SAME_CLAIMANT = (f"c0ffee000000000{n}" for n in range(1, 6))
DEPLOYMENT = "7c1f0a9e55d2b3c4"
WORKER = Path(__file__).with_name("ingest_worker.py")
VOLATILE = {"ingested_at", "seen_at", "updated_at"}  # wall-clock times, left out of dumps


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every table's rows as plain values, sorted, without wall-clock columns."""
    tables = {}
    with store.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(select(*columns)).all()
            tables[table.name] = sorted(tuple(_plain(value) for value in row) for row in rows)
        tables["alembic_version"] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return tables


def _plain(value: object) -> object:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return value


def _main(store: Store) -> dict:
    (record,) = store.merged_events(cameo="072")
    return record


def test_ingest_links_copies_to_the_first_stored(linked_store: Store) -> None:
    group = linked_store.duplicates(COPY_2)
    assert [(g["article_id"], g["canonical"]) for g in group] == [(WIRE, True), (COPY_1, False), (COPY_2, False)]
    assert [g["publisher"] for g in group] == ["Harbor Wire", "Lakeside Post", "Valley Times"]
    assert group[0]["similarity"] is None and all(g["similarity"] >= THRESHOLD for g in group[1:])


@pytest.mark.parametrize("article_id", [OTHER_FIGURE, TALKS_ID])
def test_ingest_original_is_a_group_of_one(linked_store: Store, article_id: str) -> None:
    assert [(g["article_id"], g["canonical"]) for g in linked_store.duplicates(article_id)] == [(article_id, True)]


def test_duplicates_unknown_article_raises_e401(linked_store: Store) -> None:
    with pytest.raises(StoreError) as info:
        linked_store.duplicates("0" * 16)
    assert info.value.code == "E401"


def test_ingest_result_of_a_copy_reuses_its_originals_links(empty_store: Store, corpus: list[Analysis]) -> None:
    original, copy = (empty_store.ingest(a) for a in corpus[:2])
    assert (original.stored, original.new_story, original.duplicate_of) == (True, True, None)
    assert original.new_merged == original.merged and len(original.merged) == 2
    assert (copy.duplicate_of, copy.story, copy.merged, copy.new_merged) == (WIRE, original.story, original.merged, [])
    assert copy.similarity >= THRESHOLD


def test_ingest_again_changes_nothing(linked_store: Store, corpus: list[Analysis]) -> None:
    before = dump(linked_store)
    results = [linked_store.ingest(a) for a in corpus]
    assert [r.stored for r in results] == [False] * len(corpus)
    assert all(r.merged == [] and r.story is None for r in results)
    assert dump(linked_store) == before


def test_merged_events_count_the_main_event_once(linked_store: Store) -> None:
    record = _main(linked_store)
    assert (record["n_articles"], record["n_publishers"], record["n_claimants"]) == (6, 6, 2)
    assert [m["article"] for m in record["mentions"]] == [WIRE, COPY_1, COPY_2, OTHER_FIGURE, SAME_CLAIMANT, DEPLOYMENT]
    assert [m["copy_of"] for m in record["mentions"]] == [None, WIRE, WIRE, None, None, None]
    assert record["first_reported"] == "2024-10-23" and record["last_reported"] == "2024-10-24"


def test_merged_events_count_each_claimant_once(linked_store: Store) -> None:
    claimants = {c["name"]: c["articles"] for c in _main(linked_store)["claimants"]}
    assert claimants == {"Pentagon": [WIRE, SAME_CLAIMANT, DEPLOYMENT], "Ukraine's military intelligence": [OTHER_FIGURE]}


def test_merged_events_keep_every_figure_but_copies(linked_store: Store) -> None:
    figures = [(f["value"], f["claimant"], f["article"]) for f in _main(linked_store)["figures"]]
    assert figures == [(10000, "Pentagon", WIRE), (12000, "Ukraine's military intelligence", OTHER_FIGURE),
                       (10000, "Pentagon", SAME_CLAIMANT), (10000, None, DEPLOYMENT)]
    summary = _main(linked_store)["summary"]
    assert [(q["value"], q["unit"]) for q in summary] == [(10000, "troops")]


def test_merged_events_take_the_most_precise_date(linked_store: Store) -> None:
    record = _main(linked_store)
    assert record["date"]["value"] == "2024-W42"
    assert (record["day_first"], record["day_last"]) == ("2024-10-14", "2024-10-20")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"cameo": "072"}, 1),
        ({"cameo": "11"}, 3),
        ({"actor": "PRK"}, 2),
        ({"actor": "IRN"}, 1),
        ({"actor": "PR"}, 0),
        ({"since": "2024-11"}, 3),
        ({"until": "2024-10-20"}, 1),
        ({"limit": 2}, 2),
        ({}, 7),
    ],
)
def test_merged_events_filters(linked_store: Store, filters: dict, expected: int) -> None:
    assert len(linked_store.merged_events(**filters)) == expected


def test_merged_events_bad_date_raises_e404(linked_store: Store) -> None:
    with pytest.raises(SitrepError) as info:
        linked_store.merged_events(until="2024-02-30")
    assert info.value.code == "E404"


def test_events_rows_name_their_merged_event(linked_store: Store) -> None:
    merged = {row["merged_id"] for row in linked_store.events(cameo="072")}
    assert merged == {_main(linked_store)["id"]}


def test_stories_group_the_reports_and_label_them(linked_store: Store) -> None:
    listing = {s["label"]: s for s in linked_store.stories()}
    assert set(listing) == {"PRK → RUS: Provide military aid", "RUS → UKR: Fight with artillery and tanks",
                            "IRN ↔ USA: Express intent to meet or negotiate"}
    main = listing["PRK → RUS: Provide military aid"]
    assert [a["article_id"] for a in main["articles"]] == [WIRE, COPY_1, COPY_2, OTHER_FIGURE, SAME_CLAIMANT,
                                                            DEPLOYMENT]
    assert (main["n_articles"], main["n_publishers"], main["first_seen"], main["last_seen"]) == (
        6, 6, "2024-10-23", "2024-10-24")
    assert [a["duplicate_of"] for a in main["articles"]][:3] == [None, WIRE, WIRE]
    assert main["actors"][:2] == ["PRK", "RUS"]


def test_stories_most_recent_first_and_limited(linked_store: Store) -> None:
    assert [s["articles"][0]["article_id"] for s in linked_store.stories(limit=2)] == [SHELLING_ID, WIRE]


def test_ingest_rebuilds_the_index_from_the_database(tmp_path: Path, corpus: list[Analysis]) -> None:
    with Store.open(tmp_path / "a.db") as first:
        first.add(corpus[0])
    with Store.open(tmp_path / "a.db") as reopened:
        assert reopened.ingest(corpus[1]).duplicate_of == WIRE


def test_ingest_sees_what_another_writer_stored(tmp_path: Path, corpus: list[Analysis]) -> None:
    with Store.open(tmp_path / "a.db") as one, Store.open(tmp_path / "a.db") as two:
        results = [one.ingest(corpus[0]), two.ingest(corpus[1]), one.ingest(corpus[3])]
    assert [r.duplicate_of for r in results] == [None, WIRE, WIRE]


def test_relink_rebuilds_the_same_links(linked_store: Store, corpus: list[Analysis]) -> None:
    before = dump(linked_store)
    assert linked_store.relink() == len(corpus)
    assert dump(linked_store) == before
    assert linked_store.ingest(linked_corpus()[1]).stored is False


def test_ingest_signature_of_other_settings_raises_e406(tmp_path: Path, corpus: list[Analysis]) -> None:
    with Store.open(tmp_path / "a.db") as store:
        store.add(corpus[0])
        with store.engine.begin() as conn:
            conn.execute(update(schema.signatures).values(minhash=b"\x00" * 12))
    with Store.open(tmp_path / "a.db") as reopened:
        with pytest.raises(StoreError) as info:
            reopened.ingest(corpus[1])
        assert info.value.code == "E406" and WIRE in str(info.value)
        assert not reopened.has(COPY_1)


@pytest.mark.parametrize("keys", [["a"], ["a", "a"], ["a", "b"]])
def test_mark_seen_is_idempotent(empty_store: Store, keys: list[str]) -> None:
    for key in keys:
        empty_store.mark_seen(key, "feed:example")
    assert [empty_store.seen(k) for k in ("a", "b", "c")] == ["a" in keys, "b" in keys, False]
    assert empty_store.counts()["seen_items"] == len(set(keys))


@pytest.mark.parametrize(
    ("updates", "expected"),
    [
        ([], None),
        ([('"v1"', "Mon, 21 Oct 2024 07:28:00 GMT")], {"etag": '"v1"', "last_modified": "Mon, 21 Oct 2024 07:28:00 GMT"}),
        ([('"v1"', None), (None, "Tue, 22 Oct 2024 07:28:00 GMT")],
         {"etag": None, "last_modified": "Tue, 22 Oct 2024 07:28:00 GMT"}),
    ],
)
def test_source_state_keeps_the_last_validators(empty_store: Store, updates: list[tuple], expected: dict | None) -> None:
    for etag, last_modified in updates:
        empty_store.set_source_state("https://example.org/feed", etag, last_modified)
    assert empty_store.source_state("https://example.org/feed") == expected
    assert empty_store.source_state("https://example.org/other") is None


# Crash safety: a run killed with SIGKILL and started again ends with the same database.

def _worker(db: Path, folder: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKER), str(db), str(folder), *extra],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONHASHSEED": "random"})


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for number, analysis in enumerate(linked_corpus()):
        (folder / f"{number:02d}.json").write_text(analysis.model_dump_json(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean_dump(corpus_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    assert _worker(db, corpus_folder).wait(timeout=120) == 0
    with Store.open(db) as store:
        return dump(store)


@pytest.mark.parametrize(("function", "at"), [("_merge_events", 4), ("_join_story", 6)])
def test_ingest_killed_mid_transaction_then_rerun_ends_as_a_clean_run(
    corpus_folder: Path, clean_dump: dict, tmp_path: Path, function: str, at: int
) -> None:
    db = tmp_path / "killed.db"
    process = _worker(db, corpus_folder, "--pause-in", function, "--pause-at", str(at))
    lines = []
    for line in process.stdout:
        lines.append(line.strip())
        if line.strip() == "paused":
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert lines == [f"stored {n:02d}.json" for n in range(at - 1)] + ["paused"]
    with Store.open(db) as partial:
        assert partial.counts()["articles"] == at - 1
    assert _worker(db, corpus_folder).wait(timeout=120) == 0
    with Store.open(db) as resumed:
        assert dump(resumed) == clean_dump
