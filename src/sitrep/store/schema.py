"""The tables behind the store, in portable SQLAlchemy Core types (SQLite now, PostgreSQL later).

`articles.analysis` holds the whole Analysis as JSON, so `Store.get` returns exactly what was
added; every other column and table is a query index derived from it. The migrations in
`migrations/versions/` build the same schema; a test compares the two, so change both together.
Docs: docs/store.md
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Named constraints keep Alembic batch migrations (SQLite) and PostgreSQL DDL predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _article_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE")


articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),  # Analysis.id (content hash)
    Column("schema_version", Integer, nullable=False),
    Column("input_id", String),
    Column("title", Text),
    Column("subtitle", Text),
    Column("publisher", Text),
    Column("url", Text),
    Column("published", String),  # YYYY-MM-DD
    Column("authors", JSON, nullable=False),
    Column("language", String, nullable=False),
    Column("truncated", Boolean, nullable=False),
    Column("cleanup", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("analysis", JSON, nullable=False),  # the whole Analysis; the source of truth
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index(None, "published"),
    Index(None, "publisher"),
)

actors = Table(
    "actors",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("actor_id", String, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("code", String),
    Column("sector", String),
    Column("name", Text),
    Column("kind", String, nullable=False),
    Column("title", Text),
    Column("affiliation", Text),
    _article_fk(),
    Index(None, "code"),
)

events = Table(
    "events",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("position", Integer, nullable=False),  # index in Analysis.events; orders e2 before e10
    Column("sentence", Integer, nullable=False),
    Column("sentence_text", Text),  # the sentence cut from the text by Analysis.sentences
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("cameo", String, nullable=False),
    Column("cameo_name", Text),
    Column("root", String, nullable=False),  # first two digits of the CAMEO code
    Column("goldstein", Float, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("plover_type", String),
    Column("acled_event_type", String),
    Column("acled_sub_event_type", String),
    Column("source_codes", String),  # distinct codes joined by ';', e.g. RUS;PRK
    Column("target_codes", String),
    Column("source_sectors", String),
    Column("target_sectors", String),
    Column("negated", Boolean, nullable=False),
    Column("modality", String, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("reciprocal", Boolean, nullable=False),
    Column("date_value", String),
    Column("date_start", String),
    Column("date_end", String),
    Column("date_precision", String),
    Column("day_first", String),  # date_start, else date_end, else the article's published date
    Column("day_last", String),  # date_end, else date_start, else the article's published date
    Column("location_name", Text),
    Column("location_country", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("confidence", Float, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("event", JSON, nullable=False),  # the whole Event
    _article_fk(),
    Index(None, "cameo"),
    Index(None, "date_start"),
    Index(None, "day_first"),
    Index(None, "location_country"),
)

participants = Table(
    "participants",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("role", String, primary_key=True),  # source or target
    Column("position", Integer, primary_key=True),
    Column("actor_id", String, nullable=False),
    Column("code", String),
    Column("sector", String),
    ForeignKeyConstraint(
        ["article_id", "event_id"], ["events.article_id", "events.event_id"], ondelete="CASCADE"
    ),
    Index(None, "code", "role"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker", String),
    Column("speaker_text", Text),
    Column("cue", Text),
    Column("kind", String, nullable=False),
    Column("sentence", Integer),
    Column("quote", JSON, nullable=False),
    _article_fk(),
)

places = Table(
    "places",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("geonameid", Integer),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String),
    Column("feature", String, nullable=False),
    Column("place", JSON, nullable=False),
    _article_fk(),
    Index(None, "geonameid"),
    Index(None, "country"),
)

times = Table(
    "times",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("type", String, nullable=False),
    Column("value", String),
    Column("first_day", String),
    Column("last_day", String),
    Column("precision", String, nullable=False),
    Column("time", JSON, nullable=False),
    _article_fk(),
)
