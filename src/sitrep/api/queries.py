"""Filtered, cursor-paged reads of merged events, articles and actors (SQLAlchemy Core, read-only).

The store's listing methods take a few filters and a limit; the API needs more filters and
keyset paging, so it reads the store's tables itself. Filters match the merged event: its
source/target codes, CAMEO prefix, PLOVER and ACLED types, day range, location and number of
publishers. Docs: docs/api.md
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_, select

from sitrep.api.errors import ApiError
from sitrep.errors import SitrepError
from sitrep.store import Store, schema
from sitrep.store.db import day_bounds


@dataclass(frozen=True)
class EventFilters:
    """What `GET /api/v1/events` filters on; every field optional."""

    actor: str | None = None
    pair: tuple[str, str] | None = None
    cameo: str | None = None
    plover: str | None = None
    acled: str | None = None
    since: str | None = None
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_sources: int | None = None


def parse_pair(value: str | None) -> tuple[str, str] | None:
    """`A,B` → ("A", "B")."""
    if value is None:
        return None
    parts = [part.strip().upper() for part in value.split(",")]
    if len(parts) != 2 or not all(part.isalnum() for part in parts):
        raise ApiError("E508", value=value)
    return parts[0], parts[1]


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """`minlon,minlat,maxlon,maxlat` → four floats, checked for range and order."""
    if value is None:
        return None
    try:
        minlon, minlat, maxlon, maxlat = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise ApiError("E507", value=value) from exc
    if not (-180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise ApiError("E507", value=value)
    return minlon, minlat, maxlon, maxlat


def check_day(value: str | None, name: str) -> str | None:
    """The value unchanged when it is a valid YYYY, YYYY-MM or YYYY-MM-DD date."""
    if value is not None:
        try:
            day_bounds(value, name)
        except SitrepError as exc:
            raise ApiError("E501", reason=str(exc)) from exc
    return value


def encode_cursor(values: list[Any]) -> str:
    """An opaque cursor for the row after which the next page starts."""
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(value: str, size: int) -> list[Any]:
    """Undo `encode_cursor`; any tampered or foreign value is a 422."""
    try:
        decoded = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise ApiError("E506", value=value) from exc
    if not isinstance(decoded, list) or len(decoded) != size:
        raise ApiError("E506", value=value)
    return decoded


def _has_code(column: ColumnElement[str], code: str) -> ColumnElement[bool]:
    return (literal(";") + column + literal(";")).contains(f";{code};", autoescape=True)


def _event_conditions(f: EventFilters) -> list[ColumnElement[bool]]:
    me = schema.merged_events
    where: list[ColumnElement[bool]] = []
    if f.actor:
        where.append(or_(_has_code(me.c.source_key, f.actor), _has_code(me.c.target_key, f.actor)))
    if f.pair:
        a, b = f.pair
        where.append(or_(and_(_has_code(me.c.source_key, a), _has_code(me.c.target_key, b)),
                         and_(_has_code(me.c.source_key, b), _has_code(me.c.target_key, a))))
    if f.cameo:
        where.append(me.c.cameo.startswith(f.cameo, autoescape=True))
    if f.plover:
        where.append(me.c.record["plover"]["type"].as_string() == f.plover)
    if f.acled:
        where.append(me.c.record["acled"]["event_type"].as_string() == f.acled)
    if f.since:
        where.append(me.c.day_last >= day_bounds(f.since, "since")[0])
    if f.until:
        where.append(me.c.day_first <= day_bounds(f.until, "until")[1])
    if f.bbox:
        minlon, minlat, maxlon, maxlat = f.bbox
        where.append(me.c.record["location"]["lon"].as_float().between(minlon, maxlon))
        where.append(me.c.record["location"]["lat"].as_float().between(minlat, maxlat))
    if f.min_sources:
        where.append(me.c.n_publishers >= f.min_sources)
    return where


def _after(day: Any, key: str) -> ColumnElement[bool]:
    """Rows after (day, key) in the order day (nulls first, as SQLite's index gives them), id."""
    me = schema.merged_events
    if day is None:
        return or_(and_(me.c.day_first.is_(None), me.c.id > key), me.c.day_first.is_not(None))
    return or_(me.c.day_first > day, and_(me.c.day_first == day, me.c.id > key))


def list_events(store: Store, filters: EventFilters, limit: int, cursor: str | None) -> dict[str, Any]:
    """One page of merged events, ordered by day then id, with the cursor of the next page."""
    me = schema.merged_events
    query = select(me.c.id, me.c.day_first, me.c.day_last, me.c.record).where(*_event_conditions(filters))
    if cursor is not None:
        query = query.where(_after(*decode_cursor(cursor, 2)))
    query = query.order_by(me.c.day_first.nulls_first(), me.c.id).limit(limit + 1)
    with store.engine.connect() as conn:
        found = list(conn.execute(query))
    page = found[:limit]
    items = [{**row.record, "day_first": row.day_first, "day_last": row.day_last} for row in page]
    more = len(found) > limit
    return {"items": items, "next": encode_cursor([page[-1].day_first, page[-1].id]) if more else None}


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One merged event with each mention's sentence text."""
    me, ev = schema.merged_events, schema.events
    with store.engine.connect() as conn:
        row = conn.execute(select(me).where(me.c.id == event_id)).first()
        if row is None:
            raise ApiError("E505", http=404, kind="event", id=event_id)
        keys = [(m["article"], m["event"]) for m in row.record.get("mentions", [])]
        sentences = {(r.article_id, r.event_id): r.sentence_text for r in conn.execute(
            select(ev.c.article_id, ev.c.event_id, ev.c.sentence_text)
            .where(ev.c.article_id.in_({article for article, _ in keys})))}
    record = dict(row.record)
    record["mentions"] = [{**m, "sentence_text": sentences.get((m["article"], m["event"]))}
                          for m in record.get("mentions", [])]
    return {**record, "day_first": row.day_first, "day_last": row.day_last}


def list_articles(store: Store, limit: int, cursor: str | None) -> dict[str, Any]:
    """One page of article listings (no text), ordered by id."""
    a, e = schema.articles, schema.events
    n_events = select(func.count()).where(e.c.article_id == a.c.id).scalar_subquery()
    query = select(a.c.id, a.c.input_id, a.c.title, a.c.publisher, a.c.published, a.c.url, a.c.language,
                   a.c.truncated, n_events.label("n_events"))
    if cursor is not None:
        query = query.where(a.c.id > decode_cursor(cursor, 1)[0])
    query = query.order_by(a.c.id).limit(limit + 1)
    with store.engine.connect() as conn:
        found = [dict(row) for row in conn.execute(query).mappings()]
    page = found[:limit]
    return {"items": page, "next": encode_cursor([page[-1]["id"]]) if len(found) > limit else None}


def list_actors(store: Store, limit: int) -> list[dict[str, Any]]:
    """Actor codes by number of event participations, with the most common name."""
    p, ac = schema.participants, schema.actors
    names = (select(ac.c.code, func.max(ac.c.name).label("name")).where(ac.c.code.is_not(None))
             .group_by(ac.c.code).subquery())
    query = (select(p.c.code, names.c.name, func.count().label("n_participations"),
                    func.count(func.distinct(p.c.article_id)).label("n_articles"))
             .outerjoin(names, names.c.code == p.c.code).where(p.c.code.is_not(None))
             .group_by(p.c.code, names.c.name).order_by(func.count().desc(), p.c.code).limit(limit))
    with store.engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def iter_events(store: Store, filters: EventFilters) -> Iterator[dict[str, Any]]:
    """Every merged-event record matching the filters, in listing order, streamed (for exports)."""
    me = schema.merged_events
    query = (select(me.c.record, me.c.day_first, me.c.day_last).where(*_event_conditions(filters))
             .order_by(me.c.day_first.nulls_first(), me.c.id))
    with store.engine.connect() as conn:
        for row in conn.execution_options(yield_per=1000).execute(query):
            yield {**row.record, "day_first": row.day_first, "day_last": row.day_last}
