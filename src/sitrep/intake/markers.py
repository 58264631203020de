"""Scrape markers (truncation, footers, boilerplate, bylines) loaded from packaged data.

Each marker is one JSONL record ``{"id", "kind", "pattern", "means", "ignore_case"?}``:

- ``truncation`` patterns are searched at the very end of the last line (the loader anchors
  them), e.g. ``........`` or "Continue reading";
- ``footer``, ``boilerplate`` and ``byline`` patterns must match a whole line. A footer may
  name the publisher in a ``publisher`` group, a byline the authors in an ``authors`` group;
- ``lede`` patterns are searched anywhere in a line and mark it as a story's first paragraph
  (a dateline, an attribution), which is never taken for a subtitle.

The ids travel into `Article.cleanup`, so a user can tell which rule removed what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep import datafiles
from sitrep.errors import DataFileError

MARKERS_FILE = Path(__file__).parent / "data" / "markers.jsonl"

KINDS: tuple[str, ...] = ("truncation", "footer", "boilerplate", "byline", "lede")
LINE_KINDS: tuple[str, ...] = ("footer", "boilerplate")

MAX_LINE_CHARS = 400
"""Longer lines are prose, never a footer or boilerplate line; they are not matched at all."""

MAX_TAIL_CHARS = 200
"""Truncation markers are looked for in this many last characters only (bounds regex work)."""


@dataclass(frozen=True)
class Marker:
    """One compiled marker pattern and what a match means."""

    id: str
    kind: str
    regex: re.Pattern[str]
    means: str


@dataclass(frozen=True)
class MarkerHit:
    """A marker that matched, with the match for its named groups.

    `start` is where the match begins in the line given (the match itself may have been made
    on the line's tail).
    """

    marker: Marker
    match: re.Match[str]
    start: int = 0


def _compile(record: dict[str, object], source: str, number: int) -> Marker:
    """Build a Marker from one JSONL record, anchoring the pattern by kind."""
    for key in ("id", "kind", "pattern", "means"):
        if not isinstance(record.get(key), str):
            raise DataFileError("E201", file=source, line=number, reason=f"marker needs a string {key!r}")
    kind = str(record["kind"])
    if kind not in KINDS:
        raise DataFileError("E201", file=source, line=number,
                            reason=f"unknown marker kind {kind!r}; expected one of {KINDS}")
    flags = re.IGNORECASE if record.get("ignore_case", True) else 0
    pattern = str(record["pattern"])
    anchored = f"(?:{pattern})\\s*$" if kind == "truncation" else pattern
    try:
        regex = re.compile(anchored, flags)
    except re.error as exc:
        raise DataFileError("E201", file=source, line=number,
                            reason=f"bad pattern ({exc})") from exc
    return Marker(id=str(record["id"]), kind=kind, regex=regex, means=str(record["means"]))


def parse_markers(lines: list[str], source: str) -> tuple[Marker, ...]:
    """Compile marker records given as JSONL lines; `source` names the file in errors."""
    markers: list[Marker] = []
    seen: set[str] = set()
    for number, record in datafiles.records(lines, source):
        marker = _compile(record, source, number)
        if marker.id in seen:
            raise DataFileError("E202", file=source, pid=marker.id)
        seen.add(marker.id)
        markers.append(marker)
    return tuple(markers)


@lru_cache(maxsize=8)
def load_markers(path: str | None = None) -> tuple[Marker, ...]:
    """Load and compile the markers of `path` (default: the packaged file), cached.

    Raises:
        DataFileError: E201 for a malformed record, E202 for a duplicate id.
    """
    file = Path(path) if path else MARKERS_FILE
    return parse_markers(file.read_text(encoding="utf-8").splitlines(), str(file))


def match_line(line: str, kinds: tuple[str, ...], markers: tuple[Marker, ...] | None = None) -> MarkerHit | None:
    """Return the first marker of `kinds` matching the whole (stripped) line."""
    stripped = line.strip()
    if len(stripped) > MAX_LINE_CHARS:
        return None
    for marker in markers if markers is not None else load_markers():
        if marker.kind in kinds and (found := marker.regex.fullmatch(stripped)):
            return MarkerHit(marker, found)
    return None


def search_line(line: str, kinds: tuple[str, ...], markers: tuple[Marker, ...] | None = None) -> MarkerHit | None:
    """Return the first marker of `kinds` found anywhere in the line."""
    for marker in markers if markers is not None else load_markers():
        if marker.kind in kinds and (found := marker.regex.search(line)):
            return MarkerHit(marker, found, found.start())
    return None


def match_end(line: str, markers: tuple[Marker, ...] | None = None) -> MarkerHit | None:
    """Return the truncation marker the line ends with, if any."""
    offset = max(0, len(line) - MAX_TAIL_CHARS)
    tail = line[offset:]
    for marker in markers if markers is not None else load_markers():
        if marker.kind == "truncation" and (found := marker.regex.search(tail)):
            return MarkerHit(marker, found, offset + found.start())
    return None
