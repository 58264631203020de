"""Typer command functions for linked records: `sitrep events` and `sitrep stories`.

They are registered by `sitrep.cli`; each parses, calls one store function and renders.
Standard output carries the results; errors go to standard error with exit code 2.
Docs: docs/linking.md
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console

from sitrep.errors import SitrepError
from sitrep.link.render import merged_table, stories_table
from sitrep.render import events_table
from sitrep.store import Store

stdout = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
stderr = Console(stderr=True)

DB_OPTION = typer.Option(None, "--db", envvar="SITREP_DB", help="Database path or URL [default: ./sitrep.db]")


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _query(db: str | None, ask: Callable[[Store], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Run one store query, turning a SitrepError into an `error:` line and exit code 2."""
    try:
        with Store.open(db or os.environ.get("SITREP_DB") or "sitrep.db") as store:
            return ask(store)
    except SitrepError as exc:
        stderr.out(f"error: {exc}", style="red", highlight=False)
        raise typer.Exit(2) from exc


def _jsonl(records: list[dict[str, Any]]) -> None:
    for record in records:
        stdout.out(json.dumps(record, ensure_ascii=False), highlight=False)


def events_command(
    actor: str | None = typer.Option(None, help="Actor code as source or target (e.g. PRK)."),
    cameo: str | None = typer.Option(None, help="CAMEO code prefix (e.g. 19 for all fights)."),
    since: str | None = typer.Option(None, help="First day (YYYY-MM-DD, YYYY-MM or YYYY)."),
    until: str | None = typer.Option(None, help="Last day (YYYY-MM-DD, YYYY-MM or YYYY)."),
    limit: int | None = typer.Option(None, help="At most this many events."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
    mentions: bool = typer.Option(False, "--mentions", help="List every article's own events instead of events counted once."),
    db: str | None = DB_OPTION,
) -> None:
    """List stored events, each counted once across the articles that report it."""
    filters = {"actor": actor, "cameo": cameo, "since": since, "until": until, "limit": limit}
    if mentions:
        rows = _query(db, lambda store: store.events(**filters))
        if fmt is ListFormat.jsonl:
            _jsonl([{**row["event"], "article": row["article_id"], "publisher": row["publisher"],
                     "published": row["published"], "merged": row["merged_id"]} for row in rows])
        else:
            stdout.print(events_table(rows, title=f"{len(rows)} mention(s)"))
        return
    records = _query(db, lambda store: store.merged_events(**filters))
    if fmt is ListFormat.jsonl:
        _jsonl(records)
    else:
        stdout.print(merged_table(records, title=f"{len(records)} event(s)"))


def stories_command(
    limit: int | None = typer.Option(None, help="At most this many stories, most recent first."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
    db: str | None = DB_OPTION,
) -> None:
    """List stories: articles about the same happening, grouped as they were stored."""
    records = _query(db, lambda store: store.stories(limit=limit))
    if fmt is ListFormat.jsonl:
        _jsonl(records)
    else:
        stdout.print(stories_table(records, title=f"{len(records)} story(ies)"))
