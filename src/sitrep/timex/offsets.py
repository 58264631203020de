"""Durations that count from a date of their sentence.

"Israel and Hezbollah traded accusations on Tuesday, a day after air strikes killed 11": the
strikes were on the Monday. "a day" keeps its TIMEX3 value (P1D) and takes as its anchor the
day it points to, counted from the nearest day-precise date outside the clause it introduces;
events below the duration are dated by that anchor, as they are by an age's ("four-month-old").
"before" counts forward: "on Sunday, two days before the vote" puts the vote on the Tuesday.

Durations told "later" or "earlier" and "the next day" count from the story's own time, which
only the events stage knows: `narrative_shift` says how far they move from it.
Docs: docs/time.md
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from sitrep.timex import periods

# The word after the duration, and which way it counts from the other date.
_SIGNALS = {"after": -1, "before": 1}
# "later"/"earlier" after (or ending) a duration, and the direction each counts in.
_NARRATIVE_SIGNALS = {"later": 1, "afterwards": 1, "earlier": -1}
# "the next day", "the previous day": the day word after next/previous, and its direction.
_NEXT_WORDS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}
_WHOLE_DURATION = re.compile(r"^P(\d+)([DWMY])$")
# Hours or minutes later: "hours later" stays on the day counted from, "48 hours later" is two days on.
_CLOCK_DURATION = re.compile(r"^PT(X|\d+)([HM])$")
_HOURS_A_DAY = 24
_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
RULE = "timex.offset."


def count_from_dates(spans: list[Span]) -> None:
    """Anchor each "N days after ..." or "N weeks before ..." duration at the day it points to."""
    for span in spans:
        time = span._.sitrep_time
        found = _WHOLE_DURATION.match(time["value"] or "") if time["type"] == "DURATION" else None
        signal = _signal(span) if found is not None else None
        if signal is None:
            continue
        origin = _origin(span, signal, spans)
        if origin is None:
            continue
        sign, unit = _SIGNALS[signal.lower_], _UNITS[found[2]]
        day = periods.shift(date.fromisoformat(origin._.sitrep_time["first_day"]), sign * int(found[1]), unit)
        span._.sitrep_time = {**time, "anchor": day.isoformat(), "anchor_from": origin.text,
                              "reason": f"{RULE}{signal.lower_}"}


def _signal(span: Span) -> Token | None:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after if after is not None and after.lower_ in _SIGNALS else None


def _origin(span: Span, signal: Token, spans: list[Span]) -> Span | None:
    """The day-precise date the duration counts from: in its sentence, outside the clause or
    phrase the signal word introduces, the nearest one."""
    clause = signal.head if signal.dep_ == "mark" else signal
    inside = {token.i for token in clause.subtree} | set(range(span.start, span.end))
    dates = [other for other in spans
             if other.sent.start == span.sent.start and other.start not in inside and _is_day(other)]
    return min(dates, key=lambda other: abs(other.start - span.start), default=None)


def _is_day(span: Span) -> bool:
    time = span._.sitrep_time
    return time["type"] == "DATE" and time["precision"] == "day" and bool(time.get("first_day"))


def narrative_shift(span: Span) -> tuple[int, str] | None:
    """How far a time told against the story's own time moves from it, as (steps, unit):
    "two days later" (2, "day"), "hours later" (0, "day"), "the next day" (1, "day"),
    "three weeks earlier" (-3, "week"); None for any other time."""
    time = span._.sitrep_time
    if time["type"] == "DURATION":
        return _later(span, time["value"] or "")
    words = [token.lower_ for token in span]
    if time["value"] is None and len(words) >= 2 and words[-1] == "day" and words[-2] in _NEXT_WORDS:
        return _NEXT_WORDS[words[-2]], "day"
    return None


def _later(span: Span, value: str) -> tuple[int, str] | None:
    doc = span.doc
    last = span[-1] if span[-1].lower_ in _NARRATIVE_SIGNALS else (doc[span.end] if span.end < len(doc) else None)
    if last is None or last.lower_ not in _NARRATIVE_SIGNALS:
        return None
    clock = _CLOCK_DURATION.match(value)
    if clock:
        hours = int(clock[1]) if clock[1] != "X" and clock[2] == "H" else 0
        return _NARRATIVE_SIGNALS[last.lower_] * (hours // _HOURS_A_DAY), "day"
    found = _WHOLE_DURATION.match(value)
    return (_NARRATIVE_SIGNALS[last.lower_] * int(found[1]), _UNITS[found[2]]) if found else None
