"""Parquet exporter (pyarrow): one file, or a directory partitioned by event date (hive style)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from sitrep.export.rows import COLUMNS, flat

BATCH_ROWS = 10_000
_TYPES = {"goldstein": pa.float64(), "quad_class": pa.int8(), "negated": pa.bool_(), "hedged": pa.bool_(),
          "geonameid": pa.int64(), "lat": pa.float64(), "lon": pa.float64(), "n_articles": pa.int32(),
          "n_publishers": pa.int32(), "n_claimants": pa.int32(), "fatalities": pa.int64(),
          "confidence": pa.float64()}
SCHEMA = pa.schema([(name, _TYPES.get(name, pa.string())) for name in COLUMNS])


def _batches(events: Iterable[dict[str, Any]]) -> Iterator[pa.RecordBatch]:
    rows = map(flat, events)
    while chunk := list(islice(rows, BATCH_ROWS)):
        yield pa.RecordBatch.from_pylist(chunk, schema=SCHEMA)


class ParquetExporter:
    """Flat rows (docs/exports.md) as Parquet; a directory target is partitioned by `date`."""

    suffix = ".parquet"

    def write(self, events: Iterable[dict[str, Any]], out: BinaryIO | Path) -> int:
        if isinstance(out, Path) and (out.is_dir() or not out.suffix):
            return self._write_dataset(events, out)
        written = 0
        with pq.ParquetWriter(str(out) if isinstance(out, Path) else out, SCHEMA) as writer:
            for batch in _batches(events):
                writer.write_batch(batch)
                written += batch.num_rows
        return written

    def _write_dataset(self, events: Iterable[dict[str, Any]], directory: Path) -> int:
        table = pa.Table.from_batches(list(_batches(events)), schema=SCHEMA)
        ds.write_dataset(table, directory, format="parquet", partitioning=["date"], partitioning_flavor="hive",
                         existing_data_behavior="overwrite_or_ignore")
        return table.num_rows
