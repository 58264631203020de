"""Cross-article linking and feed state: link_state, signatures, duplicates, stories,
story_keys, story_articles, merged_events, mentions, seen_items, source_states.

Written by hand to match sitrep/store/schema.py; tests/store/test_migrate.py checks that the
two agree. Articles stored before this revision are not linked; `Store.relink()` links them.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fk(table: str, columns: list[str], referred: str, referred_columns: list[str]) -> sa.ForeignKeyConstraint:
    name = f"fk_{table}_{'_'.join(columns)}_{referred}"
    return sa.ForeignKeyConstraint(columns, [f"{referred}.{c}" for c in referred_columns], name=name,
                                   ondelete="CASCADE")


def _create_link_state() -> None:
    table = op.create_table(
        "link_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_link_state"),
    )
    op.bulk_insert(table, [{"id": 1, "next_seq": 0}])


def _create_signatures_and_duplicates() -> None:
    op.create_table(
        "signatures",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        _fk("signatures", ["article_id"], "articles", ["id"]),
        sa.PrimaryKeyConstraint("article_id", name="pk_signatures"),
    )
    op.create_index("ix_signatures_seq", "signatures", ["seq"], unique=True)
    op.create_table(
        "duplicates",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("canonical_id", sa.String(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        _fk("duplicates", ["article_id"], "articles", ["id"]),
        _fk("duplicates", ["canonical_id"], "articles", ["id"]),
        sa.PrimaryKeyConstraint("article_id", name="pk_duplicates"),
    )
    op.create_index("ix_duplicates_canonical_id", "duplicates", ["canonical_id"])


def _create_stories() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.String(), nullable=True),
        sa.Column("last_seen", sa.String(), nullable=True),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("places", sa.JSON(), nullable=False),
        sa.Column("dyads", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_last_seen", "stories", ["last_seen"])
    op.create_table(
        "story_keys",
        sa.Column("story_id", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        _fk("story_keys", ["story_id"], "stories", ["id"]),
        sa.PrimaryKeyConstraint("story_id", "key", name="pk_story_keys"),
    )
    op.create_index("ix_story_keys_key", "story_keys", ["key"])
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("story_id", sa.String(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        _fk("story_articles", ["article_id"], "articles", ["id"]),
        _fk("story_articles", ["story_id"], "stories", ["id"]),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_articles"),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])


def _create_merged_events() -> None:
    op.create_table(
        "merged_events",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("root", sa.String(), nullable=False),
        sa.Column("cameo", sa.String(), nullable=False),
        sa.Column("source_key", sa.String(), nullable=False),
        sa.Column("target_key", sa.String(), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("date_first", sa.String(), nullable=True),
        sa.Column("date_last", sa.String(), nullable=True),
        sa.Column("first_reported", sa.String(), nullable=True),
        sa.Column("last_reported", sa.String(), nullable=True),
        sa.Column("day_first", sa.String(), nullable=True),
        sa.Column("day_last", sa.String(), nullable=True),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("n_publishers", sa.Integer(), nullable=False),
        sa.Column("n_claimants", sa.Integer(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_merged_events"),
    )
    op.create_index("ix_merged_events_root_source_key_target_key", "merged_events",
                    ["root", "source_key", "target_key"])
    op.create_index("ix_merged_events_cameo", "merged_events", ["cameo"])
    op.create_index("ix_merged_events_day_first", "merged_events", ["day_first"])
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("merged_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("copy_of", sa.String(), nullable=True),
        _fk("mentions", ["article_id", "event_id"], "events", ["article_id", "event_id"]),
        _fk("mentions", ["merged_id"], "merged_events", ["id"]),
        sa.PrimaryKeyConstraint("article_id", "event_id", name="pk_mentions"),
    )
    op.create_index("ix_mentions_merged_id", "mentions", ["merged_id"])


def _create_feed_state() -> None:
    op.create_table(
        "seen_items",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_seen_items"),
    )
    op.create_index("ix_seen_items_source", "seen_items", ["source"])
    op.create_table(
        "source_states",
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source", name="pk_source_states"),
    )


def upgrade() -> None:
    _create_link_state()
    _create_signatures_and_duplicates()
    _create_stories()
    _create_merged_events()
    _create_feed_state()


def downgrade() -> None:
    for table in ("source_states", "seen_items", "mentions", "merged_events", "story_articles", "story_keys",
                  "stories", "duplicates", "signatures", "link_state"):
        op.drop_table(table)
