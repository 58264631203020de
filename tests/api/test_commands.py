"""The command functions cli.py wires as `sitrep export` and `sitrep alerts`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sitrep.api.commands import alerts_command, export_command

app = typer.Typer()
app.command("export")(export_command)
app.command("alerts")(alerts_command)


@pytest.mark.parametrize(("fmt", "name"), [("geojson", "out.geojson"), ("csv", "out.csv")])
def test_export_command_writes_file(db_path: Path, tmp_path: Path, fmt: str, name: str) -> None:
    result = CliRunner().invoke(app, ["export", fmt, str(tmp_path / name), "--db", str(db_path), "--pair", "RUS,UKR"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).stat().st_size > 0


@pytest.mark.parametrize(("args", "code"), [(["export", "xls", "x.xls"], "E530"),
                                             (["export", "csv", "x.csv", "--since", "soon"], "E501"),
                                             (["alerts", "--interval", "month"], "E520")])
def test_commands_bad_input_exit_1_with_code(db_path: Path, args: list[str], code: str) -> None:
    result = CliRunner().invoke(app, [*args, "--db", str(db_path)])
    assert result.exit_code == 1 and code in result.output


def test_alerts_command_prints_json_lines(db_path: Path) -> None:
    result = CliRunner().invoke(app, ["alerts", "--threshold", "0.5", "--db", str(db_path)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all(line["z"] >= 0.5 for line in lines)
