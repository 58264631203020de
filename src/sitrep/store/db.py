"""The store: keeps Analysis objects in SQLite (default) or PostgreSQL, idempotently.

`Store.open(path_or_url)` migrates the database to the newest schema, `ingest` (and `add`)
stores one article and links it to the others (near-duplicates, story, merged events) in one
transaction (all rows or none), changing nothing when it is already there; `get` returns the
Analysis exactly as added, `events` lists per-article events, `merged_events` events counted
once, `stories` and `duplicates` the other links. Feed watchers keep their state here too.
Docs: docs/store.md, docs/linking.md
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
    insert,
    make_url,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError

from sitrep.errors import SitrepError, StoreError
from sitrep.link.dedup import DedupIndex
from sitrep.link.model import IngestResult
from sitrep.model import Analysis
from sitrep.store import linking, migrate, rows, schema

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


class _AlreadyStored(Exception):
    """Raised inside the ingest transaction to roll it back when the article is already there."""


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
        self._dedup = DedupIndex()  # filled from the stored signatures on the first ingest

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
        """Store and link one analysis in one transaction; re-adding an id changes nothing.

        Returns:
            True when the article was stored, False when its id was already there.

        Raises:
            StoreError: E405 when the database refuses the rows; nothing of the article is kept.
        """
        return self.ingest(analysis).stored

    def ingest(self, analysis: Analysis) -> IngestResult:
        """Store one analysis and link it, all in one transaction: its rows, its MinHash signature,
        its near-duplicate link, its story, and its events folded into merged events.

        Writers are serialized by a lock row, so concurrent processes link in a single order; a
        run killed at any point leaves either the whole article or nothing of it.

        Returns:
            What was done; `stored` is False (and nothing changed) when the id was already there.

        Raises:
            StoreError: E405 when the database refuses the rows, E406 when a stored signature
                was made with other MinHash settings (run `relink`).

        Docs: docs/linking.md
        """
        try:
            with self.engine.begin() as conn:
                seq = linking.lock(conn)
                if _has(conn, analysis.hash):
                    raise _AlreadyStored
                _insert(conn, analysis)
                return linking.link(conn, analysis, seq, self._dedup)
        except _AlreadyStored:
            return IngestResult(article_id=analysis.hash, stored=False)
        except DBAPIError as exc:
            if self.has(analysis.hash):  # another writer stored it first
                return IngestResult(article_id=analysis.hash, stored=False)
            raise StoreError("E405", aid=analysis.hash, db=self.name, reason=_reason(exc)) from exc

    def relink(self) -> int:
        """Forget every link and link all stored articles again, in their linking order.

        For databases written before linking existed (revision 0001) or after changing the
        linking settings. Articles never linked come last, in the order they were ingested.

        Returns:
            The number of articles linked.
        """
        a, s = schema.articles, schema.signatures
        order = (select(a.c.id).outerjoin(s, s.c.article_id == a.c.id)
                 .order_by(s.c.seq.nulls_last(), a.c.ingested_at, a.c.id))
        with self.engine.begin() as conn:
            ids = list(conn.scalars(order))
            linking.reset(conn)
        self._dedup = DedupIndex()
        for article_id in ids:
            with self.engine.begin() as conn:
                seq = linking.lock(conn)
                data = conn.scalar(select(a.c.analysis).where(a.c.id == article_id))
                linking.link(conn, Analysis.model_validate(data), seq, self._dedup)
        return len(ids)

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

    def merged_events(
        self,
        *,
        actor: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events counted once (one record per real-world event however many articles report it).

        Args:
            actor: an actor code among the sources or targets of any of the event's mentions.
            cameo: a CAMEO code prefix of the merged event's code.
            since: YYYY, YYYY-MM or YYYY-MM-DD; keeps events whose days reach this day or later.
            until: same forms; keeps events whose days start on or before the last day given.
            limit: at most this many records.

        Returns:
            One dict per merged event, ordered by day: the MergedEvent's fields (see
            docs/linking.md) plus `day_first` and `day_last`, the days the filters use (its own
            date, else the day it was first reported).

        Raises:
            SitrepError: E404 for a malformed since/until date.

        Docs: docs/linking.md
        """
        me = schema.merged_events
        query = _filter_merged(select(me.c.record, me.c.day_first, me.c.day_last), actor=actor, cameo=cameo,
                               since=since, until=until)
        query = query.order_by(me.c.day_first.nulls_last(), me.c.first_reported.nulls_last(), me.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [{**row.record, "day_first": row.day_first, "day_last": row.day_last}
                    for row in conn.execute(query)]

    def stories(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stories, most recently seen first, each with its label, dates, actors and articles.

        Docs: docs/linking.md
        """
        st = schema.stories
        query = select(st).order_by(st.c.last_seen.desc().nulls_last(), st.c.seq).limit(limit)
        with self.engine.connect() as conn:
            found = list(conn.execute(query))
            members = _story_members(conn, [row.id for row in found])
        return [_story_listing(row, members.get(row.id, [])) for row in found]

    def duplicates(self, article_id: str) -> list[dict[str, Any]]:
        """The article's near-duplicate group: its canonical article first, then every copy.

        Each dict has `article_id, canonical` (True for the canonical article), `publisher,
        published, title` and `similarity` (estimated Jaccard with the canonical; None for it).
        An article nobody copied is a group of one.

        Raises:
            StoreError: E401 when no article has this id.

        Docs: docs/linking.md
        """
        a, d, s = schema.articles, schema.duplicates, schema.signatures
        with self.engine.connect() as conn:
            if not _has(conn, article_id):
                raise StoreError("E401", aid=article_id, db=self.name)
            canonical = conn.scalar(select(d.c.canonical_id).where(d.c.article_id == article_id)) or article_id
            query = (select(a.c.id, a.c.publisher, a.c.published, a.c.title, d.c.similarity)
                     .outerjoin(d, d.c.article_id == a.c.id).outerjoin(s, s.c.article_id == a.c.id)
                     .where((a.c.id == canonical) | (d.c.canonical_id == canonical))
                     .order_by(s.c.seq.nulls_first(), a.c.id))
            return [{"article_id": row.id, "canonical": row.id == canonical, "publisher": row.publisher,
                     "published": row.published, "title": row.title, "similarity": row.similarity}
                    for row in conn.execute(query)]

    def seen(self, key: str) -> bool:
        """True when a feed item with this key (entry id, URL...) was marked seen."""
        items = schema.seen_items
        with self.engine.connect() as conn:
            return conn.scalar(select(exists().where(items.c.key == key))) or False

    def mark_seen(self, key: str, source: str) -> None:
        """Remember a feed item; marking it again keeps the first source and time."""
        if self.seen(key):
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(schema.seen_items), {"key": key, "source": source, "seen_at": datetime.now(UTC)})
        except IntegrityError:  # another writer marked it between the check and the insert
            return

    def source_state(self, source: str) -> dict[str, str | None] | None:
        """The HTTP validators last stored for a source, `{"etag", "last_modified"}`, or None."""
        states = schema.source_states
        with self.engine.connect() as conn:
            row = conn.execute(select(states.c.etag, states.c.last_modified).where(states.c.source == source)).first()
        return None if row is None else {"etag": row.etag, "last_modified": row.last_modified}

    def set_source_state(self, source: str, etag: str | None, last_modified: str | None) -> None:
        """Store a source's HTTP validators (ETag, Last-Modified) for the next conditional GET."""
        states = schema.source_states
        values = {"etag": etag, "last_modified": last_modified, "updated_at": datetime.now(UTC)}
        with self.engine.begin() as conn:
            changed = conn.execute(update(states).where(states.c.source == source).values(**values)).rowcount
            if not changed:
                conn.execute(insert(states), {"source": source, **values})

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
    e, a, m = schema.events, schema.articles, schema.mentions
    return (
        select(e, a.c.publisher, a.c.published, m.c.merged_id)
        .join(a, a.c.id == e.c.article_id)
        .outerjoin(m, (m.c.article_id == e.c.article_id) & (m.c.event_id == e.c.event_id))
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


def _filter_merged(
    query: Select[Any], *, actor: str | None, cameo: str | None, since: str | None, until: str | None
) -> Select[Any]:
    me, m, p = schema.merged_events, schema.mentions, schema.participants
    if actor is not None:
        query = query.where(exists().where(
            m.c.merged_id == me.c.id, p.c.article_id == m.c.article_id, p.c.event_id == m.c.event_id,
            p.c.code == actor))
    if cameo is not None:
        query = query.where(me.c.cameo.startswith(cameo, autoescape=True))
    if since is not None:
        query = query.where(me.c.day_last >= day_bounds(since, "since")[0])
    if until is not None:
        query = query.where(me.c.day_first <= day_bounds(until, "until")[1])
    return query


def _story_members(conn: Connection, story_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The articles of each story, in linking order."""
    a, sa, s, d = schema.articles, schema.story_articles, schema.signatures, schema.duplicates
    query = (select(sa.c.story_id, sa.c.score, a.c.id, a.c.title, a.c.publisher, a.c.published, d.c.canonical_id)
             .join(a, a.c.id == sa.c.article_id).join(s, s.c.article_id == a.c.id)
             .outerjoin(d, d.c.article_id == a.c.id)
             .where(sa.c.story_id.in_(story_ids)).order_by(s.c.seq))
    members: dict[str, list[dict[str, Any]]] = {}
    for row in conn.execute(query):
        members.setdefault(row.story_id, []).append(
            {"article_id": row.id, "title": row.title, "publisher": row.publisher, "published": row.published,
             "duplicate_of": row.canonical_id, "score": row.score})
    return members


def _story_listing(row: Any, members: list[dict[str, Any]]) -> dict[str, Any]:
    actors = sorted(row.actors.items(), key=lambda item: (-item[1], item[0]))
    return {"id": row.id, "label": row.label, "first_seen": row.first_seen, "last_seen": row.last_seen,
            "n_articles": row.n_articles, "n_publishers": len({m["publisher"] for m in members if m["publisher"]}),
            "actors": [code for code, _ in actors], "articles": members}


def _event_listing(row: Any) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "publisher": row["publisher"],
        "published": row["published"],
        "event_id": row["event_id"],
        "merged_id": row["merged_id"],
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
    else:  # PostgreSQL answers in the session's time zone (e.g. zoneinfo Etc/UTC)
        listing["ingested_at"] = ingested.astimezone(UTC)
    return listing
