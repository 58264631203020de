"""The `sitrep` command line: each command parses, calls one library function and renders.

Standard output carries the contract (JSON, JSONL, tables); progress and errors go to
standard error, one line per failed input. Exit code 1 when any input failed.
Docs: docs/cli.md
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep.api.commands import alerts_command, export_command, serve_command
from sitrep.batch.local import run
from sitrep.errors import SitrepError
from sitrep.intake.core import DEFAULT_MAX_BYTES, iter_inputs
from sitrep.link.commands import events_command, stories_command
from sitrep.model import Analysis, Article
from sitrep.nlp.pipeline import load_pipeline
from sitrep.render import analysis_rows, events_table, legend, marked_text
from sitrep.store import Store
from sitrep.watch import watch_command

app = typer.Typer(help="sitrep: sourced political events from news about wars and crises.",
                  no_args_is_help=True, add_completion=False)
stdout = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
stderr = Console(stderr=True)


class Fmt(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


MAX_BYTES_OPTION = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Largest document (or JSONL line) read.")
DB_OPTION = typer.Option(None, "--db", envvar="SITREP_DB", help="Database path or URL (default: ./sitrep.db).")


def _db(db: str | None) -> str:
    return db or os.environ.get("SITREP_DB") or "sitrep.db"


def _fail(name: str, exc: Exception) -> None:
    """One line per failed input, always naming it."""
    _error(str(exc) if isinstance(exc, SitrepError) else f"{name}: {exc}")


def _error(message: str) -> None:
    stderr.out(f"error: {message}", style="red", highlight=False)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=stderr, transient=True, disable=not stderr.is_terminal)


def _analyses(paths: list[str], published: str | None, max_bytes: int):
    """(name, Article, Analysis-or-error) for every input, lazily, in order."""
    return run(load_pipeline(), iter_inputs(paths, published=published, max_bytes=max_bytes))


@app.command()
def analyze(
    files: list[str] = typer.Argument(..., help="Files, directories, or - for JSONL on standard input."),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that give none."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table for people, json/jsonl for programs."),
    max_bytes: int = MAX_BYTES_OPTION,
) -> None:
    """Analyze articles and print their events (nothing is stored)."""
    failed, results = 0, []
    try:
        for name, article, outcome in _analyses(files, published, max_bytes):
            if isinstance(outcome, Exception):
                failed += 1
                _fail(name, outcome)
                if fmt is Fmt.jsonl:
                    stdout.out(_error_line(name, article, outcome), highlight=False)
                continue
            if fmt is Fmt.jsonl:
                stdout.out(outcome.model_dump_json(), highlight=False)
            elif fmt is Fmt.json:
                results.append(outcome.model_dump(mode="json"))
            else:
                stdout.print(events_table(analysis_rows(outcome), title=outcome.article.title or name))
    except SitrepError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    if fmt is Fmt.json:
        stdout.out(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2),
                   highlight=False)
    raise typer.Exit(1 if failed else 0)


def _error_line(name: str, article: Article | None, exc: Exception) -> str:
    """The JSONL line standing for a failed input: the record's id when it was readable."""
    record_id = article.id if article is not None and article.format == "jsonl" else None
    return json.dumps({"id": record_id or name, "input": name, "error": str(exc)}, ensure_ascii=False)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories, or - for JSONL on standard input."),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that give none."),
    db: str | None = DB_OPTION,
    max_bytes: int = MAX_BYTES_OPTION,
) -> None:
    """Analyze articles and store them; articles already stored are skipped."""
    stored = skipped = failed = 0
    with Store.open(_db(db)) as store, _progress() as progress:
        task = progress.add_task("ingesting", total=None)
        for name, _, outcome in _analyses(paths, published, max_bytes):
            progress.advance(task)
            if isinstance(outcome, Exception):
                failed += 1
                _fail(name, outcome)
            elif store.add(outcome):
                stored += 1
            else:
                skipped += 1
    stderr.print(f"stored {stored} new article(s), skipped {skipped} already stored, {failed} failed "
                 f"→ {_db(db)}", highlight=False)
    raise typer.Exit(1 if failed else 0)


@app.command()
def relink(db: str | None = DB_OPTION) -> None:
    """Rebuild duplicate links, stories and merged events from the stored articles (after an upgrade)."""
    try:
        with Store.open(_db(db)) as store:
            count = store.relink()
    except SitrepError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    stderr.out(f"relinked {count} article(s) → {_db(db)}", highlight=False)


@app.command()
def show(article_id: str = typer.Argument(..., help="Article id or a unique prefix (6+ characters)."),
         db: str | None = DB_OPTION) -> None:
    """Show a stored article with its coded spans marked, and its events."""
    try:
        with Store.open(_db(db)) as store:
            analysis: Analysis = store.get(article_id)
    except SitrepError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    meta = analysis.article
    stdout.print(f"[bold]{meta.title or '(no title)'}[/bold]", highlight=False)
    stdout.print(f"{meta.publisher or '?'} · {meta.published or 'undated'} · id {analysis.hash}"
                 f"{' · truncated' if meta.truncated else ''}", highlight=False)
    for note in meta.cleanup:
        stdout.print(f"  cleanup: {note}", style="dim", highlight=False)
    stdout.print()
    stdout.print(marked_text(analysis))
    stdout.print(legend())
    stdout.print(events_table(analysis_rows(analysis), title="events"))


@app.command()
def setup() -> None:
    """Build what sitrep needs at run time (the gazetteer index) and check the spaCy model loads."""
    from sitrep.geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    nlp = load_pipeline()
    stderr.out(f"gazetteer index: {gazetteer.path}", highlight=False)
    stderr.out(f"spaCy model: {nlp.meta['name']} {nlp.meta['version']}; components: {', '.join(nlp.pipe_names)}",
               highlight=False)


eval_app = typer.Typer(help="Score sitrep on gold benchmark data (../shared/bench by default).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
BENCH_OPTION = typer.Option(Path("../shared/bench"), "--bench", help="Folder holding the benchmark sets.")


def _evaluate(task_name: str, bench: Path, as_json: bool) -> None:
    from sitrep.eval.tasks import TASKS, flatten

    task = TASKS[task_name]
    paths = [bench / p for p in task.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _error(f"benchmark data not found: {', '.join(missing)}; pass --bench FOLDER")
        raise typer.Exit(2)
    result = task.score(load_pipeline(), paths)
    if as_json:
        stdout.out(json.dumps(result, indent=2, ensure_ascii=False), highlight=False)
        return
    table = Table(title=f"sitrep eval {task_name}", header_style="bold")
    table.add_column("measure")
    table.add_column("value", justify="right")
    flat = flatten(result)
    for key in task.summary or tuple(flat):
        if key in flat:
            table.add_row(key, f"{flat[key]:.3f}" if isinstance(flat[key], float) else str(flat[key]))
    stdout.print(table)


@eval_app.command("events")
def eval_events(bench: Path = BENCH_OPTION, as_json: bool = typer.Option(False, "--json")) -> None:
    """Event coder on PLOVER GSR and the CAMEO codebook examples."""
    _evaluate("events", bench, as_json)


@eval_app.command("quotes")
def eval_quotes(bench: Path = BENCH_OPTION, as_json: bool = typer.Option(False, "--json")) -> None:
    """Quotes and claims on PolNeAR dev (speaker and content)."""
    _evaluate("quotes", bench, as_json)


@eval_app.command("time")
def eval_time(bench: Path = BENCH_OPTION, as_json: bool = typer.Option(False, "--json")) -> None:
    """Time expressions on TempEval-3 dev (span overlap and value)."""
    _evaluate("time", bench, as_json)


@eval_app.command("geo")
def eval_geo(bench: Path = BENCH_OPTION, as_json: bool = typer.Option(False, "--json")) -> None:
    """Places on GeoWebNews (accuracy within 161 km, metonymy)."""
    _evaluate("geo", bench, as_json)


@eval_app.command("extract")
def eval_extract(bench: Path = BENCH_OPTION, as_json: bool = typer.Option(False, "--json")) -> None:
    """HTML extraction on news pages with gold title, date, authors and body."""
    _evaluate("extract", bench, as_json)


app.command("events")(events_command)
app.command("stories")(stories_command)
app.command("watch")(watch_command)
app.command("serve")(serve_command)
app.command("export")(export_command)
app.command("alerts")(alerts_command)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Analysis contract."""
    stdout.out(json.dumps(Analysis.model_json_schema(), indent=2), highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
