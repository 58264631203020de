"""Dates counted from the story's own time.

"Hezbollah fired two mortar rounds on Monday evening. ... Hours later, Israeli strikes hit the
villages": "hours later" says nothing against the publication date, but the story has just
dated the mortar fire, so the strikes fall on that Monday. An undated event whose time is told
"later", "earlier" or as "the next day" is dated from the last event before it with a day of
its own, in its paragraph or the two before (a claim and a quote may come between the
attack and "hours later", as in wire copy, but a story does not count across more).
Docs: docs/events.md
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc

from sitrep.events.attach import governing_times
from sitrep.nlp.lines import line_starts
from sitrep.timex import periods
from sitrep.timex.offsets import narrative_shift
from sitrep.timex.tagger import published_date

# How many paragraphs back the story's time may have been set.
STORY_PARAGRAPHS = 2


def date_from_story(doc: Doc, events: list[dict], triggers: set[int], stops: set[int]) -> None:
    """Date each undated event told "hours later" or "the next day" from the last day-dated event before it."""
    if all(event["date"] is not None for event in events):
        return
    paragraph_starts = line_starts(doc)
    paragraph = {event["trigger_i"]: bisect_right(paragraph_starts, event["trigger_i"]) for event in events}
    published = published_date(doc)
    last_dated: dict | None = None
    for event in sorted(events, key=lambda e: e["trigger_i"]):
        near = last_dated is not None and paragraph[event["trigger_i"]] - paragraph[last_dated["trigger_i"]] <= STORY_PARAGRAPHS
        if event["date"] is None and near:
            event["date"] = _counted_from(doc, event, last_dated, triggers, stops, published)
        if _day_of(event["date"]) is not None:
            last_dated = event


def _counted_from(doc: Doc, event: dict, before: dict, triggers: set[int], stops: set[int],
                  published: date | None) -> dict | None:
    for span, reason in governing_times(doc, doc[event["trigger_i"]], triggers, stops):
        shift = narrative_shift(span)
        if shift is None:
            continue
        steps, unit = shift
        period = periods.containing(periods.shift(_day_of(before["date"]), steps, unit), unit)
        if published is not None and period.first > published:
            return None  # a story does not report as done what falls after its own date
        return {"text": span.text, "value": period.value, "start": period.first.isoformat(),
                "end": period.last.isoformat(), "precision": period.precision,
                "reason": f"{reason}: {_distance(steps, unit)} the {before['trigger_text']} event of {before['date']['start']}"}
    return None


def _distance(steps: int, unit: str) -> str:
    if steps == 0:
        return f"the same {unit} as"
    return f"{abs(steps)} {unit}{'s' if abs(steps) > 1 else ''} {'after' if steps > 0 else 'before'}"


def _day_of(when: dict | None) -> date | None:
    """The day an event date names, when it names exactly one."""
    if not when or not when.get("start") or when.get("start") != when.get("end"):
        return None
    return date.fromisoformat(when["start"])
