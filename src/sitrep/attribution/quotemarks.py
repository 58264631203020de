"""Pair double quotation marks in plain text, tolerating the mess real articles contain.

Marks are curly (“ ”), straight (") or doubled ASCII (`` and ''). Straight marks are read
from their neighbours, and a curly mark facing the wrong way (a scrape's ”Hello) is turned
round when its neighbours leave no doubt. A mark without a partner in its paragraph is
skipped and quotes nested inside another quote are dropped, so the caller sees only
outermost, balanced pairs. Docs: docs/attribution.md
"""

from __future__ import annotations

import re
from typing import Literal

_MARK = re.compile(r"“|”|\"|''|``")
_OPENERS_BEFORE = "([{—–-/"

Role = Literal["open", "close", "either"]
_FIXED: dict[str, Role] = {"“": "open", "``": "open", "”": "close"}


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines: a quote never runs across a line break."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for end in [i for i, char in enumerate(text) if char == "\n"] + [len(text)]:
        if end > start:
            ranges.append((start, end))
        start = end + 1
    return ranges


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text inside each outermost balanced pair of quote marks.

    Docs: docs/attribution.md
    """
    pairs: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        marks = [(m.start(), m.end(), _role(text, m.start(), m.end(), start, end)) for m in _MARK.finditer(text, start, end)]
        pairs.extend(_outermost(_pair(marks)))
    return pairs


def _role(text: str, first: int, last: int, start: int, end: int) -> Role:
    """A mark opens after a space and closes before one; a curly mark keeps its face
    unless its neighbours clearly say otherwise."""
    before = text[first - 1] if first > start else " "
    after = text[last] if last < end else " "
    opens = before.isspace() or before in _OPENERS_BEFORE
    closes = after.isspace() or not after.isalnum()
    context: Role = "open" if opens and not closes else "close" if closes and not opens else "either"
    if context == "either":
        return _FIXED.get(text[first:last], "either")
    return context


def _pair(marks: list[tuple[int, int, Role]]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    pending: list[int] = []
    for first, last, role in marks:
        if role == "open" or (role == "either" and not pending):
            pending.append(last)
        elif pending:
            pairs.append((pending.pop(), first))
    return pairs


def _outermost(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept
