"""The code base passes ruff with the project's settings (pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("ruff") is None and not (ROOT / ".venv" / "bin" / "ruff").exists(),
                    reason="ruff is installed by `make test`")
def test_ruff_finds_nothing() -> None:
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    result = subprocess.run([ruff, "check", "src", "tests", "docs", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
