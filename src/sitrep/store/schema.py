"""The tables behind the store, in portable SQLAlchemy Core types (SQLite and PostgreSQL).

`articles.analysis` holds the whole Analysis as JSON, so `Store.get` returns exactly what was
added; the per-article tables are query indexes derived from it. The link tables (revision
0002) hold what cross-article linking decided: MinHash signatures, near-duplicate links,
stories, merged events and their mentions; the feed tables remember seen items and each
source's HTTP validators. The migrations in
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
    LargeBinary,
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


# Revision 0002: cross-article linking (docs/linking.md) and feed state.

link_state = Table(
    "link_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # a single row, id 1
    Column("next_seq", Integer, nullable=False),  # seq of the last linked article; updating it locks out other writers
)

signatures = Table(
    "signatures",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("seq", Integer, nullable=False),  # linking order: 1 for the first article stored
    Column("minhash", LargeBinary, nullable=False),  # NUM_PERM little-endian uint32 values
    _article_fk(),
    Index(None, "seq", unique=True),
)

duplicates = Table(
    "duplicates",
    metadata,
    Column("article_id", String, primary_key=True),  # the copy
    Column("canonical_id", String, nullable=False),  # the first stored article of its group
    Column("similarity", Float, nullable=False),  # MinHash estimate of the Jaccard similarity
    _article_fk(),
    ForeignKeyConstraint(["canonical_id"], ["articles.id"], ondelete="CASCADE"),
    Index(None, "canonical_id"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False),  # seq of the article that started it
    Column("label", Text, nullable=False),
    Column("first_seen", String),  # YYYY-MM-DD
    Column("last_seen", String),
    Column("n_articles", Integer, nullable=False),
    Column("actors", JSON, nullable=False),  # {code: articles}
    Column("places", JSON, nullable=False),  # {geonameid or name: articles}
    Column("dyads", JSON, nullable=False),  # {"SRC|TGT|CAMEO|r?": articles}
    Column("terms", JSON, nullable=False),  # centroid: {term: summed weight}
    Index(None, "last_seen"),
)

story_keys = Table(
    "story_keys",
    metadata,
    Column("story_id", String, primary_key=True),
    Column("key", String, primary_key=True),  # actor:CODE or place:ID
    ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
    Index(None, "key"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("story_id", String, nullable=False),
    Column("score", Float),  # the score that let it join; None for the article that started the story
    _article_fk(),
    ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
    Index(None, "story_id"),
)

merged_events = Table(
    "merged_events",
    metadata,
    Column("id", String, primary_key=True),
    Column("root", String, nullable=False),
    Column("cameo", String, nullable=False),
    Column("source_key", String, nullable=False),  # sorted codes joined by ';' ('' when none)
    Column("target_key", String, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("date_first", String),  # the record's own date, when any report gives one
    Column("date_last", String),
    Column("first_reported", String),
    Column("last_reported", String),
    Column("day_first", String),  # own date, else first report: what since/until filter
    Column("day_last", String),
    Column("n_articles", Integer, nullable=False),
    Column("n_publishers", Integer, nullable=False),
    Column("n_claimants", Integer, nullable=False),
    Column("record", JSON, nullable=False),  # the whole MergedEvent
    Index(None, "root", "source_key", "target_key"),
    Index(None, "cameo"),
    Index(None, "day_first"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("merged_id", String, nullable=False),
    Column("position", Integer, nullable=False),  # index in the merged event's mentions
    Column("publisher", Text),
    Column("published", String),
    Column("copy_of", String),
    ForeignKeyConstraint(
        ["article_id", "event_id"], ["events.article_id", "events.event_id"], ondelete="CASCADE"
    ),
    ForeignKeyConstraint(["merged_id"], ["merged_events.id"], ondelete="CASCADE"),
    Index(None, "merged_id"),
)

seen_items = Table(
    "seen_items",
    metadata,
    Column("key", String, primary_key=True),  # e.g. a feed entry id or URL
    Column("source", String, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Index(None, "source"),
)

source_states = Table(
    "source_states",
    metadata,
    Column("source", String, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
