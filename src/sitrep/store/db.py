"""The store: keeps Analysis objects in SQLite (default) or PostgreSQL, idempotently.

`Store.open(path_or_url)` migrates the database to the newest schema, `add` stores one article
in one transaction (all rows or none) and returns False when it is already there, `get` returns
the Analysis exactly as added, and `events` lists coded events for tables and exports.
Docs: docs/store.md
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from alembic.util import CommandError
from sqlalchemy import (
    URL,
    Connection,
    Engine,
    Select,
    create_engine,
    event,
    exists,
    func,
    make_url,
    select,
)
from sqlalchemy.exc import DBAPIError

from sitrep.errors import SitrepError, StoreError
from sitrep.model import Analysis
from sitrep.store import migrate, rows, schema

PREFIX_MIN = 6  # shortest id prefix `get` accepts, like a short git hash
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",  # readers do not block the writer
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",  # milliseconds to wait for another writer
)
_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

_WRITERS = (
    (schema.actors, rows.actor_rows),
    (schema.events, rows.event_rows),
    (schema.participants, rows.participant_rows),
    (schema.quotes, rows.quote_rows),
    (schema.places, rows.place_rows),
    (schema.times, rows.time_rows),
)


class Store:
    """A database of analyses; use `Store.open` to get one with an up-to-date schema.

    Args:
        url_or_path: a filesystem path (an SQLite file) or an SQLAlchemy URL
            (`sqlite:///x.db`, `postgresql+psycopg://...`).

    Raises:
        StoreError: E402 when the URL names a database driver that is not installed.

    Docs: docs/store.md
    """

    def __init__(self, url_or_path: str | Path) -> None:
        self.url = database_url(url_or_path)
        self.name = _display_name(url_or_path, self.url)
        try:
            self.engine: Engine = create_engine(self.url)
        except ImportError as exc:  # the URL names a driver that is not installed
            raise StoreError("E402", db=self.name, reason=str(exc)) from exc
        if self.url.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _set_sqlite_pragmas)

    @classmethod
    def open(cls, url_or_path: str | Path) -> Self:
        """Connect and migrate the database to the newest schema.

        Raises:
            StoreError: E402 when the database cannot be opened or migrated (for instance
                when a newer sitrep has migrated it past the revisions this one knows).
        """
        store = cls(url_or_path)
        try:
            store.migrate()
        except (DBAPIError, CommandError) as exc:  # unreachable, or at a revision we do not know
            store.close()
            raise StoreError("E402", db=store.name, reason=_reason(exc)) from exc
        return store

    def migrate(self, revision: str = "head") -> None:
        """Run the packaged Alembic migrations up to `revision`."""
        with self.engine.begin() as conn:
            migrate.upgrade(conn, self.url.render_as_string(hide_password=False), revision)

    def revision(self) -> str | None:
        """The schema revision the database is at (None before any migration)."""
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis in one transaction; re-adding an id changes nothing.

        Returns:
            True when the article was stored, False when its id was already there.

        Raises:
            StoreError: E405 when the database refuses the rows; nothing of the article is kept.
        """
        try:
            with self.engine.begin() as conn:
                if _has(conn, analysis.hash):
                    return False
                _insert(conn, analysis)
        except DBAPIError as exc:
            if self.has(analysis.hash):  # another writer stored it first
                return False
            raise StoreError("E405", aid=analysis.hash, db=self.name, reason=_reason(exc)) from exc
        return True

    def has(self, article_id: str) -> bool:
        """True when an article with exactly this id is stored."""
        with self.engine.connect() as conn:
            return _has(conn, article_id)

    def get(self, article_id: str) -> Analysis:
        """The stored Analysis, by full id or a unique prefix of at least PREFIX_MIN characters.

        Raises:
            StoreError: E401 when no article matches, E403 when a prefix matches several.
        """
        articles = schema.articles
        with self.engine.connect() as conn:
            data = conn.scalar(select(articles.c.analysis).where(articles.c.id == article_id))
            if data is None and len(article_id) >= PREFIX_MIN:
                data = self._get_by_prefix(conn, article_id)
        if data is None:
            raise StoreError("E401", aid=article_id, db=self.name)
        return Analysis.model_validate(data)

    def events(
        self,
        *,
        actor: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events as flat rows, ordered by date, article and position in the article.

        Args:
            actor: an actor code that must be among the event's sources or targets.
            cameo: a CAMEO code prefix ("19" matches 190 to 1956).
            since: YYYY, YYYY-MM or YYYY-MM-DD; keeps events whose dates reach this day or later.
            until: same forms; keeps events whose dates start on or before the last day given.
            limit: at most this many rows.

        Returns:
            One dict per event (see docs/store.md for the keys), with the whole Event in `event`.

        Raises:
            SitrepError: E404 for a malformed since/until date.
        """
        query = _filter_events(_events_query(), actor=actor, cameo=cameo, since=since, until=until)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_event_listing(row) for row in conn.execute(query).mappings()]

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles as rows for listing (metadata and event count, not the text)."""
        a, e = schema.articles, schema.events
        n_events = select(func.count()).where(e.c.article_id == a.c.id).scalar_subquery()
        query = (
            select(
                a.c.id, a.c.input_id, a.c.title, a.c.publisher, a.c.published, a.c.url,
                a.c.language, a.c.truncated, a.c.ingested_at, n_events.label("n_events"),
            )
            .order_by(a.c.published.nulls_last(), a.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [_article_listing(row) for row in conn.execute(query).mappings()]

    def counts(self) -> dict[str, int]:
        """Number of rows in each table, keyed by table name."""
        with self.engine.connect() as conn:
            return {
                table.name: conn.scalar(select(func.count()).select_from(table))
                for table in schema.metadata.sorted_tables
            }

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.name!r})"

    def _get_by_prefix(self, conn: Connection, prefix: str) -> dict[str, Any] | None:
        articles = schema.articles
        matching = articles.c.id.startswith(prefix, autoescape=True)
        candidates = conn.scalars(select(articles.c.id).where(matching))
        ids = [aid for aid in candidates if aid.startswith(prefix)]  # LIKE ignores case in SQLite
        if len(ids) > 1:
            raise StoreError("E403", prefix=prefix, db=self.name, ids=", ".join(sorted(ids)[:5]))
        if not ids:
            return None
        return conn.scalar(select(articles.c.analysis).where(articles.c.id == ids[0]))


def database_url(url_or_path: str | Path) -> URL:
    """An SQLAlchemy URL from a URL string or a filesystem path (which means an SQLite file)."""
    if isinstance(url_or_path, str) and "://" in url_or_path:
        return make_url(url_or_path)
    return URL.create("sqlite", database=str(Path(url_or_path).expanduser()))


def day_bounds(value: str, name: str) -> tuple[str, str]:
    """First and last day (YYYY-MM-DD) of a YYYY, YYYY-MM or YYYY-MM-DD value.

    Raises:
        SitrepError: E404 when the value is not one of those forms or not a real date.
    """
    match = _DAY.fullmatch(value)
    if match is None:
        raise SitrepError("E404", name=name, value=value)
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        first = date(year, month or 1, day or 1)
        last = date(year, month or 12, day or calendar.monthrange(year, month or 12)[1])
    except ValueError as exc:
        raise SitrepError("E404", name=name, value=value) from exc
    return first.isoformat(), last.isoformat()


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _display_name(url_or_path: str | Path, url: URL) -> str:
    if isinstance(url_or_path, Path) or "://" not in url_or_path:
        return str(url_or_path)
    return url.render_as_string(hide_password=True)


def _reason(exc: Exception) -> str:
    original = getattr(exc, "orig", None)
    return str(original if original is not None else exc)


def _has(conn: Connection, article_id: str) -> bool:
    articles = schema.articles
    return conn.scalar(select(exists().where(articles.c.id == article_id))) or False


def _insert(conn: Connection, analysis: Analysis) -> None:
    conn.execute(schema.articles.insert(), rows.article_row(analysis, datetime.now(UTC)))
    for table, make_rows in _WRITERS:
        table_rows = make_rows(analysis)
        if table_rows:
            conn.execute(table.insert(), table_rows)


def _events_query() -> Select[Any]:
    e, a = schema.events, schema.articles
    return (
        select(e, a.c.publisher, a.c.published)
        .join(a, a.c.id == e.c.article_id)
        .order_by(e.c.day_first.nulls_last(), e.c.article_id, e.c.position)
    )


def _filter_events(
    query: Select[Any], *, actor: str | None, cameo: str | None, since: str | None, until: str | None
) -> Select[Any]:
    e, p = schema.events, schema.participants
    if actor is not None:
        query = query.where(
            exists().where(p.c.article_id == e.c.article_id, p.c.event_id == e.c.event_id, p.c.code == actor)
        )
    if cameo is not None:
        query = query.where(e.c.cameo.startswith(cameo, autoescape=True))
    if since is not None:
        query = query.where(e.c.day_last >= day_bounds(since, "since")[0])
    if until is not None:
        query = query.where(e.c.day_first <= day_bounds(until, "until")[1])
    return query


def _event_listing(row: Any) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "publisher": row["publisher"],
        "published": row["published"],
        "event_id": row["event_id"],
        "sentence": row["sentence"],
        "sentence_text": row["sentence_text"],
        "date": row["date_value"],
        "date_start": row["date_start"],
        "date_end": row["date_end"],
        "date_precision": row["date_precision"],
        "cameo": row["cameo"],
        "cameo_name": row["cameo_name"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "plover_type": row["plover_type"],
        "acled_event_type": row["acled_event_type"],
        "source_codes": rows.split_codes(row["source_codes"]),
        "target_codes": rows.split_codes(row["target_codes"]),
        "source_sectors": rows.split_codes(row["source_sectors"]),
        "target_sectors": rows.split_codes(row["target_sectors"]),
        "trigger": row["trigger_text"],
        "modality": row["modality"],
        "negated": row["negated"],
        "hedged": row["hedged"],
        "confidence": row["confidence"],
        "location": row["location_name"],
        "country": row["location_country"],
        "lat": row["lat"],
        "lon": row["lon"],
        "event": row["event"],
    }


def _article_listing(row: Any) -> dict[str, Any]:
    listing = dict(row)
    ingested = listing["ingested_at"]
    if ingested.tzinfo is None:  # SQLite keeps no zone; we always write UTC
        listing["ingested_at"] = ingested.replace(tzinfo=UTC)
    return listing
