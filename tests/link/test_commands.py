from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sitrep.link.commands import events_command, stories_command
from sitrep.link.model import MergedEvent
from sitrep.store import Store

from .conftest import article, event

app = typer.Typer()
app.command("events")(events_command)
app.command("stories")(stories_command)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cli.db"
    with Store.open(path) as store:
        store.add(article("a" * 16, [event(), event("e2", cameo="111", source=("a2",), target=())], publisher="Wire"))
        store.add(article("b" * 16, [event()], publisher="Post", text="Pyongyang dispatched soldiers to Russia."))
    return str(path)


def _lines(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_events_command_lists_each_event_once(db: str) -> None:
    records = _lines(CliRunner().invoke(app, ["events", "--db", db, "--format", "jsonl"]))
    assert sorted((r["cameo"], r["n_articles"], r["n_publishers"]) for r in records) == [("072", 2, 2), ("111", 1, 1)]
    assert all(MergedEvent.model_validate({k: v for k, v in r.items() if k not in ("day_first", "day_last")}) for r in records)


def test_events_command_mentions_lists_every_article_event(db: str) -> None:
    rows = _lines(CliRunner().invoke(app, ["events", "--db", db, "--format", "jsonl", "--mentions", "--cameo", "07"]))
    assert [(r["article"][0], r["id"]) for r in rows] == [("a", "e1"), ("b", "e1")]
    assert rows[0]["merged"] == rows[1]["merged"]


@pytest.mark.parametrize(
    ("args", "shown"),
    [(["events"], "2 event(s)"), (["events", "--mentions"], "3 mention(s)"), (["stories"], "1 story(ies)")],
)
def test_commands_print_tables(db: str, args: list[str], shown: str) -> None:
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 0 and shown in result.stdout


def test_stories_command_jsonl(db: str) -> None:
    (story,) = _lines(CliRunner().invoke(app, ["stories", "--db", db, "--format", "jsonl", "--limit", "5"]))
    assert (story["label"], story["n_articles"]) == ("PRK → RUS: Provide military aid", 2)


@pytest.mark.parametrize("args", [["events", "--since", "2024-13"], ["events", "--mentions", "--until", "soon"]])
def test_events_command_bad_date_exits_2(db: str, args: list[str]) -> None:
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 2 and "E404" in result.stderr
