"""Every exporter's output opens in its reader with the documented columns."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from sitrep.api.queries import EventFilters, iter_events
from sitrep.errors import SitrepError
from sitrep.export import Exporter, exporters, get_exporter
from sitrep.export.formats import ACLED_COLUMNS, GDELT_COLUMNS
from sitrep.export.rows import COLUMNS
from sitrep.testing.store import build_store, synthetic_analyses


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    with build_store(tmp_path_factory.mktemp("export") / "x.db", synthetic_analyses(12, 4)) as store:
        return list(iter_events(store, EventFilters()))


def _write(name: str, events: list[dict]) -> bytes:
    out = io.BytesIO()
    get_exporter(name).write(events, out)
    return out.getvalue()


def test_registry_has_builtins_as_exporters() -> None:
    found = exporters()
    assert {"gdelt", "acled", "plover", "parquet", "geojson", "csv"} <= set(found)
    assert all(isinstance(exporter, Exporter) for exporter in found.values())


def test_registry_unknown_format_raises() -> None:
    with pytest.raises(SitrepError, match="E530"):
        get_exporter("xls")


def test_csv_has_documented_columns(events: list[dict]) -> None:
    rows = list(csv.DictReader(io.StringIO(_write("csv", events).decode())))
    assert len(rows) == len(events) and tuple(rows[0]) == COLUMNS


def test_acled_has_columns_and_only_acled_events(events: list[dict]) -> None:
    rows = list(csv.DictReader(io.StringIO(_write("acled", events).decode())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == sum(1 for e in events if e.get("acled"))
    assert {row["time_precision"] for row in rows} == {"1"}


def test_gdelt_rows_have_61_columns(events: list[dict]) -> None:
    lines = [line.split("\t") for line in _write("gdelt", events).decode().splitlines()]
    assert len(GDELT_COLUMNS) == 61 and len(lines) == len(events)
    assert all(len(line) == 61 for line in lines)
    assert lines[0][GDELT_COLUMNS.index("EventRootCode")] == events[0]["cameo"][:2]


def test_plover_lines_parse(events: list[dict]) -> None:
    records = [json.loads(line) for line in _write("plover", events).decode().splitlines()]
    assert records and all(r["event_type"] and r["actor"] for r in records)


def test_geojson_points_are_valid(events: list[dict]) -> None:
    collection = json.loads(_write("geojson", events))
    features = collection["features"]
    assert collection["type"] == "FeatureCollection" and features
    assert len(features) == sum(1 for e in events if e.get("location"))
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_parquet_file_reads_back(events: list[dict], tmp_path: Path) -> None:
    get_exporter("parquet").write(events, tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == len(events) and table.column_names == list(COLUMNS)


def test_parquet_directory_is_partitioned_by_date(events: list[dict], tmp_path: Path) -> None:
    get_exporter("parquet").write(events, tmp_path / "events")
    assert all(part.name.startswith("date=") for part in (tmp_path / "events").iterdir())
    assert ds.dataset(tmp_path / "events", partitioning="hive").to_table().num_rows == len(events)
