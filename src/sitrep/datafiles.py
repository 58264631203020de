"""Reading sitrep's knowledge files: JSONL, one record a line, errors naming file and line.

Every stage keeps its patterns and word lists in such files; this is the one reader they
share, so a malformed line always gives the same E201 message and a repeated id E202.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from sitrep.errors import DataFileError

Model = TypeVar("Model", bound=BaseModel)


def read_lines(path: Path) -> list[str]:
    """The lines of a knowledge file; E201 (line 0) when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError("E201", file=path, line=0, reason=exc.strerror or str(exc)) from exc


def records(lines: Iterable[str], source: object) -> Iterator[tuple[int, dict]]:
    """(line number, JSON object) for every non-blank line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError("E201", file=source, line=number, reason=f"not JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise DataFileError("E201", file=source, line=number, reason="not a JSON object")
        yield number, record


def validation_reason(exc: ValidationError) -> str:
    """The first problem pydantic found, as "field: message"."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


def validated(lines: Iterable[str], source: object, model: type[Model], *, unique: str | None = "id") -> list[Model]:
    """Every record checked against a pydantic model; E202 when the `unique` field repeats."""
    rows, seen = [], set()
    for number, record in records(lines, source):
        try:
            row = model.model_validate(record)
        except ValidationError as exc:
            raise DataFileError("E201", file=source, line=number, reason=validation_reason(exc)) from exc
        if unique is not None:
            key = getattr(row, unique)
            if key in seen:
                raise DataFileError("E202", file=source, pid=key)
            seen.add(key)
        rows.append(row)
    return rows


def load(path: Path, model: type[Model], *, unique: str | None = "id") -> list[Model]:
    """A whole knowledge file checked against a model."""
    return validated(read_lines(path), path, model, unique=unique)
