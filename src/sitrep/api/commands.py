"""Typer command functions for `sitrep serve`, `sitrep export` and `sitrep alerts` (wired in cli.py).

Docs: docs/api.md, docs/exports.md, docs/analytics.md
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

from sitrep.analytics.dyads import DEFAULT_THRESHOLD, DEFAULT_WINDOW, Interval, alerts
from sitrep.api.queries import EventFilters, check_day, iter_events, parse_bbox, parse_pair
from sitrep.errors import SitrepError
from sitrep.export import exporters, get_exporter
from sitrep.store import Store

_DB_HELP = "Database path or URL [default: $SITREP_DB or ./sitrep.db]"


def _db(db: str | None) -> str:
    return db or os.environ.get("SITREP_DB") or "sitrep.db"


def _fail(exc: SitrepError) -> typer.Exit:
    typer.echo(str(exc), err=True)
    return typer.Exit(code=1)


def serve_command(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    db: str | None = typer.Option(None, "--db", envvar="SITREP_DB", help=_DB_HELP),
    closed: bool = typer.Option(False, "--closed", help="Reads need the bearer token too."),
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json); writes need $SITREP_API_TOKEN."""
    import uvicorn

    from sitrep.api.app import create_app

    try:
        app = create_app(_db(db), token=os.environ.get("SITREP_API_TOKEN") or None, read_open=not closed)
    except SitrepError as exc:
        raise _fail(exc) from exc
    uvicorn.run(app, host=host, port=port)


def export_command(
    fmt: str = typer.Argument(..., help="Export format: gdelt, acled, plover, parquet, geojson, csv."),
    output: Path = typer.Argument(..., help="File to write ('-' for standard output; a directory for partitioned Parquet)."),
    actor: str | None = typer.Option(None, help="Only events with this actor code."),
    pair: str | None = typer.Option(None, help="Only events between two codes, either way (RUS,UKR)."),
    cameo: str | None = typer.Option(None, help="CAMEO code prefix."),
    since: str | None = typer.Option(None, help="YYYY, YYYY-MM or YYYY-MM-DD."),
    until: str | None = typer.Option(None, help="YYYY, YYYY-MM or YYYY-MM-DD."),
    bbox: str | None = typer.Option(None, help="minlon,minlat,maxlon,maxlat."),
    min_sources: int | None = typer.Option(None, help="At least this many publishers."),
    db: str | None = typer.Option(None, "--db", envvar="SITREP_DB", help=_DB_HELP),
) -> None:
    """Export merged events in one of the registered formats."""
    try:
        exporter = get_exporter(fmt)
        filters = EventFilters(actor=actor, pair=parse_pair(pair), cameo=cameo, since=check_day(since, "since"),
                               until=check_day(until, "until"), bbox=parse_bbox(bbox), min_sources=min_sources)
        with Store.open(_db(db)) as store:
            target = sys.stdout.buffer if str(output) == "-" else output
            written = exporter.write(iter_events(store, filters), target)
    except SitrepError as exc:
        raise _fail(exc) from exc
    typer.echo(f"{written} events → {output} ({fmt}; formats: {', '.join(sorted(exporters()))})", err=True)


def alerts_command(
    threshold: float = typer.Option(DEFAULT_THRESHOLD, help="Escalation index (z-score) that raises an alert."),
    interval: str = typer.Option("week", help="day or week."),
    window: int = typer.Option(DEFAULT_WINDOW, help="Trailing periods in each pair's baseline."),
    db: str | None = typer.Option(None, "--db", envvar="SITREP_DB", help=_DB_HELP),
) -> None:
    """Print escalation alerts (JSON lines, strongest first) for every stored country pair."""
    try:
        with Store.open(_db(db)) as store:
            found = alerts(store, threshold=threshold, interval=_interval(interval), window=window)
    except SitrepError as exc:
        raise _fail(exc) from exc
    for alert in found:
        typer.echo(json.dumps(alert.as_dict()))


def _interval(value: str) -> Interval:
    if value == "day":
        return "day"
    if value == "week":
        return "week"
    raise SitrepError("E520", value=value)
