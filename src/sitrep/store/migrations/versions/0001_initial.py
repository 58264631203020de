"""Initial schema: articles, actors, events, participants, quotes, places, times.

Written by hand to match sitrep/store/schema.py; tests/store/test_migrate.py checks that the
two agree.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles", ondelete="CASCADE"
    )


def _create_articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("input_id", sa.String(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("subtitle", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("truncated", sa.Boolean(), nullable=False),
        sa.Column("cleanup", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("analysis", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_publisher", "articles", ["publisher"])


def _create_actors() -> None:
    op.create_table(
        "actors",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("actor_id", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("sector", sa.String(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        _article_fk("actors"),
        sa.PrimaryKeyConstraint("article_id", "actor_id", name="pk_actors"),
    )
    op.create_index("ix_actors_code", "actors", ["code"])


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("sentence_text", sa.Text(), nullable=True),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("cameo", sa.String(), nullable=False),
        sa.Column("cameo_name", sa.Text(), nullable=True),
        sa.Column("root", sa.String(), nullable=False),
        sa.Column("goldstein", sa.Float(), nullable=False),
        sa.Column("quad_class", sa.Integer(), nullable=False),
        sa.Column("plover_type", sa.String(), nullable=True),
        sa.Column("acled_event_type", sa.String(), nullable=True),
        sa.Column("acled_sub_event_type", sa.String(), nullable=True),
        sa.Column("source_codes", sa.String(), nullable=True),
        sa.Column("target_codes", sa.String(), nullable=True),
        sa.Column("source_sectors", sa.String(), nullable=True),
        sa.Column("target_sectors", sa.String(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("modality", sa.String(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("reciprocal", sa.Boolean(), nullable=False),
        sa.Column("date_value", sa.String(), nullable=True),
        sa.Column("date_start", sa.String(), nullable=True),
        sa.Column("date_end", sa.String(), nullable=True),
        sa.Column("date_precision", sa.String(), nullable=True),
        sa.Column("day_first", sa.String(), nullable=True),
        sa.Column("day_last", sa.String(), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("location_country", sa.String(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("n_claims", sa.Integer(), nullable=False),
        sa.Column("event", sa.JSON(), nullable=False),
        _article_fk("events"),
        sa.PrimaryKeyConstraint("article_id", "event_id", name="pk_events"),
    )
    for column in ("cameo", "date_start", "day_first", "location_country"):
        op.create_index(f"ix_events_{column}", "events", [column])


def _create_participants() -> None:
    op.create_table(
        "participants",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("sector", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id", "event_id"],
            ["events.article_id", "events.event_id"],
            name="fk_participants_article_id_event_id_events",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "event_id", "role", "position", name="pk_participants"),
    )
    op.create_index("ix_participants_code_role", "participants", ["code", "role"])


def _create_quotes() -> None:
    op.create_table(
        "quotes",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.String(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=True),
        sa.Column("quote", sa.JSON(), nullable=False),
        _article_fk("quotes"),
        sa.PrimaryKeyConstraint("article_id", "position", name="pk_quotes"),
    )


def _create_places() -> None:
    op.create_table(
        "places",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("feature", sa.String(), nullable=False),
        sa.Column("place", sa.JSON(), nullable=False),
        _article_fk("places"),
        sa.PrimaryKeyConstraint("article_id", "position", name="pk_places"),
    )
    op.create_index("ix_places_geonameid", "places", ["geonameid"])
    op.create_index("ix_places_country", "places", ["country"])


def _create_times() -> None:
    op.create_table(
        "times",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=True),
        sa.Column("first_day", sa.String(), nullable=True),
        sa.Column("last_day", sa.String(), nullable=True),
        sa.Column("precision", sa.String(), nullable=False),
        sa.Column("time", sa.JSON(), nullable=False),
        _article_fk("times"),
        sa.PrimaryKeyConstraint("article_id", "position", name="pk_times"),
    )


def upgrade() -> None:
    _create_articles()
    _create_actors()
    _create_events()
    _create_participants()
    _create_quotes()
    _create_places()
    _create_times()


def downgrade() -> None:
    for table in ("times", "places", "quotes", "participants", "events", "actors", "articles"):
        op.drop_table(table)
