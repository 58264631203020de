"""Docs and code stay in step: generated references are current, every error code is used."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel

from sitrep import model
from sitrep.errors import MESSAGES

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "sitrep"


def test_generated_docs_are_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "docs" / "generate.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _codes_in_source() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        if path.name != "errors.py":
            found.update(re.findall(r"[\"']([EW]\d{3})[\"']", path.read_text(encoding="utf-8")))
    return found


def test_every_raised_code_has_a_message() -> None:
    assert _codes_in_source() <= set(MESSAGES)


def test_every_message_is_used() -> None:
    assert set(MESSAGES) <= _codes_in_source()


def test_every_contract_field_is_described() -> None:
    models = [v for v in vars(model).values() if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == model.__name__]
    missing = [f"{m.__name__}.{name}" for m in models for name, field in m.model_fields.items()
               if not field.description and m.__name__ != "_Model"]
    assert missing == []


def test_readme_names_both_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
