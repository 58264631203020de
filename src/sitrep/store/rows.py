"""Turn one Analysis into the rows of every store table.

The article row keeps the whole Analysis as JSON (the source of truth); the other rows are
flattened copies that make listing and filtering cheap. Docs: docs/store.md
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sitrep.model import Analysis, Event, Participant

Row = dict[str, Any]
CODE_SEPARATOR = ";"

# Fields copied as they are into the columns of the same name.
_ACTOR_FIELDS = {"text", "start", "end", "code", "sector", "name", "kind", "title", "affiliation"}
_QUOTE_FIELDS = {"text", "start", "end", "speaker", "speaker_text", "cue", "kind", "sentence"}
_PLACE_FIELDS = {"text", "start", "end", "geonameid", "name", "lat", "lon", "country", "feature"}
_TIME_FIELDS = {"text", "start", "end", "type", "value", "first_day", "last_day", "precision"}


def article_row(analysis: Analysis, ingested_at: datetime) -> Row:
    """The `articles` row, with the whole Analysis in `analysis`."""
    meta = analysis.article
    return {
        "id": analysis.hash,
        "schema_version": analysis.schema_version,
        "input_id": analysis.input_id,
        "title": meta.title,
        "subtitle": meta.subtitle,
        "publisher": meta.publisher,
        "url": meta.url,
        "published": meta.published,
        "authors": list(meta.authors),
        "language": meta.language,
        "truncated": meta.truncated,
        "cleanup": list(meta.cleanup),
        "text": analysis.text,
        "analysis": analysis.model_dump(mode="json"),
        "ingested_at": ingested_at,
    }


def actor_rows(analysis: Analysis) -> list[Row]:
    """One `actors` row per actor mention."""
    return [
        {"article_id": analysis.hash, "actor_id": actor.id}
        | actor.model_dump(include=_ACTOR_FIELDS)
        for actor in analysis.actors
    ]


def event_rows(analysis: Analysis) -> list[Row]:
    """One `events` row per event, with its sentence text and the day range used for filters."""
    return [_event_row(analysis, position, event) for position, event in enumerate(analysis.events)]


def participant_rows(analysis: Analysis) -> list[Row]:
    """One `participants` row per source or target of each event (what actor filters use)."""
    return [
        {"article_id": analysis.hash, "event_id": event.id, "role": role, "position": position,
         "actor_id": party.actor, "code": party.code, "sector": party.sector}
        for event in analysis.events
        for role, parties in (("source", event.source), ("target", event.target))
        for position, party in enumerate(parties)
    ]


def quote_rows(analysis: Analysis) -> list[Row]:
    """One `quotes` row per quote, with the quote as JSON."""
    return [
        {"article_id": analysis.hash, "position": position, "quote": quote.model_dump(mode="json")}
        | quote.model_dump(include=_QUOTE_FIELDS)
        for position, quote in enumerate(analysis.quotes)
    ]


def place_rows(analysis: Analysis) -> list[Row]:
    """One `places` row per toponym, with the place as JSON."""
    return [
        {"article_id": analysis.hash, "position": position, "place": place.model_dump(mode="json")}
        | place.model_dump(include=_PLACE_FIELDS)
        for position, place in enumerate(analysis.places)
    ]


def time_rows(analysis: Analysis) -> list[Row]:
    """One `times` row per time expression, with the expression as JSON."""
    return [
        {"article_id": analysis.hash, "position": position, "time": time.model_dump(mode="json")}
        | time.model_dump(include=_TIME_FIELDS)
        for position, time in enumerate(analysis.times)
    ]


def join_codes(values: Iterable[str | None]) -> str | None:
    """Distinct non-empty values in first-seen order, joined by ';' (None when there are none)."""
    distinct = list(dict.fromkeys(value for value in values if value))
    return CODE_SEPARATOR.join(distinct) or None


def split_codes(joined: str | None) -> list[str]:
    """Undo `join_codes`."""
    return joined.split(CODE_SEPARATOR) if joined else []


def sentence_text(analysis: Analysis, index: int) -> str | None:
    """The text of sentence `index`, or None when the Analysis has no such sentence."""
    if not 0 <= index < len(analysis.sentences):
        return None
    start, end = analysis.sentences[index]
    return analysis.text[start:end]


def day_range(event: Event, published: str | None) -> tuple[str | None, str | None]:
    """First and last day the event may fall on; the published date when the event has none."""
    date = event.date
    first = (date.start or date.end) if date else None
    last = (date.end or date.start) if date else None
    if first is None:
        return published, published
    return first, last


def _parties(parties: list[Participant]) -> Row:
    return {"codes": join_codes(p.code for p in parties), "sectors": join_codes(p.sector for p in parties)}


def _event_row(analysis: Analysis, position: int, event: Event) -> Row:
    source, target = _parties(event.source), _parties(event.target)
    day_first, day_last = day_range(event, analysis.article.published)
    date, location = event.date, event.location
    return {
        "article_id": analysis.hash,
        "event_id": event.id,
        "position": position,
        "sentence": event.sentence,
        "sentence_text": sentence_text(analysis, event.sentence),
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "cameo": event.cameo,
        "cameo_name": event.cameo_name,
        "root": event.cameo[:2],
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover_type": event.plover.type if event.plover else None,
        "acled_event_type": event.acled.event_type if event.acled else None,
        "acled_sub_event_type": event.acled.sub_event_type if event.acled else None,
        "source_codes": source["codes"],
        "target_codes": target["codes"],
        "source_sectors": source["sectors"],
        "target_sectors": target["sectors"],
        "negated": event.negated,
        "modality": event.modality,
        "hedged": event.hedged,
        "reciprocal": event.reciprocal,
        "date_value": date.value if date else None,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "day_first": day_first,
        "day_last": day_last,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "confidence": event.confidence,
        "evidence": event.evidence,
        "n_claims": len(event.claims),
        "event": event.model_dump(mode="json"),
    }
