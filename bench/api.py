"""Latency of the API's event-list queries over a large store.

Fills a fresh SQLite store with N merged events (records built from sitrep's synthetic
analyses and inserted in bulk into the merged-event table, since linking 100,000 events one
article at a time would take the benchmark most of its time), then times each filter query
through the in-process API client and prints p50/p95 in milliseconds. Target: p95 < 100 ms.

    python bench/api.py [--events 100000] [--repeat 50] [--db PATH]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert

from sitrep.api import create_app
from sitrep.store import Store, schema
from sitrep.testing.store import synthetic_analyses

EVENTS_PER_ARTICLE = 10
QUERIES = {
    "first page": {},
    "actor": {"actor": "RUS"},
    "pair": {"pair": "ISR,IRN"},
    "cameo": {"cameo": "19"},
    "plover": {"plover": "ASSAULT"},
    "since/until": {"since": "2024-03", "until": "2024-03"},
    "bbox": {"bbox": "30,45,40,55"},
    "min_sources": {"min_sources": 2},
    "combined": {"pair": "RUS,UKR", "cameo": "19", "since": "2024-02"},
}


def _rows(n_events: int) -> list[dict]:
    rows = []
    for analysis in synthetic_analyses(n_events // EVENTS_PER_ARTICLE, EVENTS_PER_ARTICLE, days=365):
        for event in analysis.events:
            record = event.model_dump(mode="json") | {
                "id": f"m{analysis.hash}{event.id}", "mentions": [
                    {"article": analysis.hash, "event": event.id, "sentence": event.sentence,
                     "trigger": event.trigger.text, "publisher": analysis.article.publisher,
                     "published": analysis.article.published}],
                "n_articles": 1, "n_publishers": 1 + len(rows) % 3, "n_claimants": 1,
                "publishers": [analysis.article.publisher], "first_reported": analysis.article.published,
                "last_reported": analysis.article.published}
            day = event.date.start if event.date else analysis.article.published
            rows.append({"id": record["id"], "root": event.cameo[:2], "cameo": event.cameo,
                         "source_key": ";".join(sorted({p.code for p in event.source if p.code})),
                         "target_key": ";".join(sorted({p.code for p in event.target if p.code})),
                         "negated": event.negated, "date_first": day, "date_last": day,
                         "first_reported": analysis.article.published, "last_reported": analysis.article.published,
                         "day_first": day, "day_last": day, "n_articles": 1,
                         "n_publishers": record["n_publishers"], "n_claimants": 1, "record": record})
    return rows


def fill(path: Path, n_events: int) -> None:
    """Insert n_events merged events into a fresh store at path."""
    with Store.open(path) as store, store.engine.begin() as conn:
        rows = _rows(n_events)
        for start in range(0, len(rows), 5000):
            conn.execute(insert(schema.merged_events), rows[start:start + 5000])


def measure(client: TestClient, params: dict, repeat: int) -> tuple[float, float, int]:
    """p50 and p95 latency (ms) of one query, and the page size it returned."""
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get("/api/v1/events", params=params | {"limit": 50})
        times.append((time.perf_counter() - start) * 1000)
        size = len(response.json()["items"])
    quantiles = statistics.quantiles(times, n=20)
    return statistics.median(times), quantiles[18], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    if not path.exists():
        start = time.perf_counter()
        fill(path, args.events)
        print(f"filled {args.events:,} merged events in {time.perf_counter() - start:.1f} s → {path}")
    client = TestClient(create_app(str(path)))
    print(f"{'query':<14} {'p50 ms':>8} {'p95 ms':>8} {'items':>6}")
    for name, params in QUERIES.items():
        p50, p95, size = measure(client, params, args.repeat)
        print(f"{name:<14} {p50:8.1f} {p95:8.1f} {size:6d}")


if __name__ == "__main__":
    main()
