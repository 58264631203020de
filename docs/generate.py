"""Regenerate docs/contract.md and docs/cli.md from the code, so they cannot drift.

    python docs/generate.py          # rewrite both files
    python docs/generate.py --check  # exit 1 if either is out of date (the test suite runs this)
"""

from __future__ import annotations

import argparse
import sys
import typing
from pathlib import Path

from pydantic import BaseModel
from typer.main import get_command
from typer.testing import CliRunner

from sitrep import model
from sitrep.cli import app

DOCS = Path(__file__).resolve().parent

CONTRACT_INTRO = """# The Analysis contract (schema v{version})

Generated from `src/sitrep/model.py` by `python docs/generate.py`; do not edit by hand.

One `Analysis` per article is what every part of sitrep speaks: `sitrep analyze --format
json|jsonl`, the store, and (later) the REST API and the exports. Offsets (`start`, `end` on
spans) are character offsets into `Analysis.text`. Fields may be added in later versions;
none changes meaning without a new `schema_version`. `sitrep schema` prints the JSON Schema.

About `id` and `hash`: `hash` is always the sha256 prefix of the article's source and
normalized text, and the store's key. `id` equals `hash`, except in JSONL input where the
caller gave each record an `id`: then the output keeps the caller's id, so that
`sitrep analyze --format jsonl -` answers each input line with the same id (DESIGN §3).
A failed JSONL input line yields `{{"id", "input", "error"}}` in its place.
"""


def _type_name(annotation: object) -> str:
    text = str(annotation).replace("typing.", "").replace("sitrep.model.", "")
    return text.replace("<class '", "").replace("'>", "")


def _model_table(cls: type[BaseModel]) -> list[str]:
    hints = typing.get_type_hints(cls)
    lines = [f"## {cls.__name__}", "", (cls.__doc__ or "").strip(), "", "| field | type | meaning |", "|---|---|---|"]
    for name, field in cls.model_fields.items():
        lines.append(f"| `{name}` | `{_type_name(hints[name])}` | {field.description or ''} |")
    return [*lines, ""]


CONTRACT_MODELS = (model.Analysis, model.ArticleMeta, model.Actor, model.Event, model.Span, model.Participant,
                   model.Plover, model.Acled, model.Quantity, model.Claim, model.EventDate, model.Location,
                   model.TriggerMention, model.Quote, model.Place, model.TimeExpr)


def contract() -> str:
    lines = [CONTRACT_INTRO.format(version=model.SCHEMA_VERSION)]
    for cls in CONTRACT_MODELS:
        lines.extend(_model_table(cls))
    return "\n".join(lines).rstrip() + "\n"


def cli() -> str:
    runner = CliRunner()
    lines = ["# Command line reference", "",
             "Generated from the commands' own help by `python docs/generate.py`; do not edit by hand.", "",
             "Standard output carries results (tables, JSON, JSONL); progress and one `error:` line per failed",
             "input go to standard error. Exit codes: 0 all inputs went through, 1 some input failed,",
             "2 the command could not run (bad option value, unknown article, unreachable database).", ""]
    for name in sorted(get_command(app).commands):
        result = runner.invoke(app, [name, "--help"], prog_name="sitrep",
                               env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
        help_lines = [line.rstrip() for line in result.stdout.strip().splitlines()]
        lines += [f"## sitrep {name}", "", "```", *help_lines, "```", ""]
    return "\n".join(lines).rstrip() + "\n"


GENERATED = {"contract.md": contract, "cli.md": cli}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="fail if a generated file is out of date")
    args = parser.parse_args()
    stale = []
    for name, build in GENERATED.items():
        path, text = DOCS / name, build()
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"out of date: {', '.join(stale)}; run `python docs/generate.py`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
