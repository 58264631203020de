"""The command line: analyze, ingest, events, show, schema; bad input never stops a batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.model import Analysis

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = ("Belarus sent 2,000 troops to Russia on Monday, the defense ministry in Minsk said. "
           "Poland condemned the deployment.")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder of good and bad inputs, like a real scrape directory."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "c_empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "d_latin1.txt").write_bytes("Le président français a critiqué la Russie. Mexico condemned Russia.".encode("latin-1"))
    with (folder / "e_huge.txt").open("w") as handle:
        handle.write("x" * (50 * 1024 * 1024))
    (folder / "f_records.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Japan imposed sanctions on North Korea.", "published": "2024-05-02"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "r3", "text": "Kenya and Somalia signed a security pact."}) + "\n",
        encoding="utf-8")
    return folder


def test_analyze_json_follows_the_contract(runner, tmp_path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--published", "2024-10-21", "--format", "json"])
    assert result.exit_code == 0, result.output
    analysis = Analysis.model_validate_json(result.stdout)
    (event,) = [e for e in analysis.events if e.cameo == "072"]
    assert [p.code for p in event.source] == ["BLR"] and [p.code for p in event.target] == ["RUS"]
    assert event.quantities[0].value == 2000
    assert event.date is not None and event.date.value == "2024-10-21"


def test_analyze_names_who_reports_a_second_hand_claim(runner, tmp_path) -> None:
    path = tmp_path / "nested.txt"
    path.write_text("Zelensky said South Korean intelligence had confirmed that North Korea sent troops to Russia.",
                    encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--format", "json"])
    analysis = Analysis.model_validate_json(result.stdout)
    actors = {actor.id: actor.text for actor in analysis.actors}
    (event,) = [e for e in analysis.events if e.cameo == "072"]
    reported = next(c for c in event.claims if c.claimant_text == "South Korean intelligence")
    assert actors[reported.via] == reported.via_text == "Zelensky"
    quote = next(q for q in analysis.quotes if q.cue == "confirmed")
    assert actors[quote.via] == "Zelensky"
    table = runner.invoke(app, ["analyze", str(path), "--format", "table"], env={"COLUMNS": "250"})
    assert "South Korean intelligence (confirm, via Zelensky)" in table.stdout


def test_analyze_jsonl_stdin_keeps_order_and_ids(runner) -> None:
    lines = [json.dumps({"id": "x1", "text": ARTICLE}), "{broken", json.dumps({"id": "x3", "html": "<p>" + ARTICLE + "</p>"})]
    result = runner.invoke(app, ["analyze", "--format", "jsonl", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["x1", "<stdin>:2", "x3"]
    assert "error" in out[1] and "error" not in out[0] and out[2]["events"]


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_stored(runner, batch, tmp_path) -> None:
    db = tmp_path / "store.db"
    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db), "--published", "2024-10-21"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    named = {name: [e for e in errors if name in e] for name in ("b_binary", "c_empty", "e_huge", "f_records.jsonl: line 2")}
    assert all(len(lines) == 1 for lines in named.values()), errors
    assert len(errors) == 4
    assert "stored 4 new article(s)" in result.stderr
    listed = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    codes = {e["cameo"] for e in map(json.loads, listed.stdout.splitlines())}
    assert {"072", "163"} <= codes


def test_ingest_is_idempotent(runner, tmp_path) -> None:
    db = tmp_path / "store.db"
    args = ["ingest", str(EXAMPLES / "wire.jsonl"), "--db", str(db)]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.exit_code == second.exit_code == 0
    assert "stored 3 new" in first.stderr
    assert "stored 0 new article(s), skipped 3 already stored" in second.stderr


def test_events_filters_and_show_marks_spans(runner, tmp_path) -> None:
    db = tmp_path / "store.db"
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    runner.invoke(app, ["ingest", str(path), "--db", str(db), "--published", "2024-10-21"])
    by_actor = runner.invoke(app, ["events", "--db", str(db), "--actor", "BLR", "--format", "jsonl"])
    assert [json.loads(line)["cameo"] for line in by_actor.stdout.splitlines()] == ["072"]
    assert runner.invoke(app, ["events", "--db", str(db), "--cameo", "19", "--format", "jsonl"]).stdout == ""
    later = runner.invoke(app, ["events", "--db", str(db), "--since", "2024-11-01", "--format", "jsonl"])
    assert later.stdout == ""
    article_id = json.loads(by_actor.stdout.splitlines()[0])["mentions"][0]["article"]
    shown = runner.invoke(app, ["show", article_id[:8], "--db", str(db)])
    assert shown.exit_code == 0 and "Belarus sent 2,000 troops" in shown.stdout
    missing = runner.invoke(app, ["show", "ffffffffff", "--db", str(db)])
    assert missing.exit_code == 2 and "E401" in missing.stderr


def test_schema_is_the_analysis_json_schema(runner) -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Analysis"
    assert {"id", "hash", "events", "actors", "quotes", "places", "times"} <= set(schema["properties"])


def test_relink_rebuilds_the_same_merged_events(runner, tmp_path) -> None:
    db = tmp_path / "store.db"
    runner.invoke(app, ["ingest", str(EXAMPLES / "wire.jsonl"), "--db", str(db)])
    before = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    result = runner.invoke(app, ["relink", "--db", str(db)])
    assert result.exit_code == 0 and "relinked 3 article(s)" in result.stderr
    assert runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"]).stdout == before
